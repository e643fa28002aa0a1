// One open document read and checked as `imputa lint` reads a case file, with
// an index of every name it writes: what each stands for and where it is
// declared (hover, definition, rename and completion read this index).
#include "lsp.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <type_traits>

namespace imputa::cli::lsp {

namespace {

std::shared_ptr<const Library> parse_library(std::string shown, std::string text, std::string uri) {
  auto library = std::make_shared<Library>();
  auto id = library->sources.add({std::move(shown), std::move(text), true});
  library->file = parse::parse_file(library->sources, id, library->diags);
  library->uri = std::move(uri);
  return library;
}

// Walks one file's statements, recording declarations (every file) and
// occurrences (the document only).
struct Indexer {
  Analysis& a;
  bool record; // occurrences wanted (the document)

  void use(const ast::Name& name, Namespace ns, std::string scope = {}, bool declaration = false) {
    if (!record || name.text.empty()) return;
    a.occurrences.push_back({name.span, name.text, ns, std::move(scope), declaration});
  }
  void declare(const ast::Name& name, const std::string& what, const SourceSpan& statement) {
    a.declarations.try_emplace(name.text, Declaration{name.span, statement, what});
    use(name, Namespace::user, {}, true);
  }
  void word(const ast::Name& name, const std::string& what) { use(name, Namespace::word, what); }

  void atom(const ast::Atom& atom) {
    use(atom.predicate, Namespace::user);
    for (const auto& term : atom.args) {
      if (!record) continue;
      if (term.variable) {
        if (term.name != "_") a.occurrences.push_back({term.span, term.name, Namespace::variable, {}, false});
      } else {
        a.occurrences.push_back({term.span, term.name, Namespace::user, {}, false});
      }
    }
  }
  void num(const ast::NumExpr& e) {
    switch (e.kind) {
    case ast::NumExpr::Kind::atom: atom(e.atom); break;
    case ast::NumExpr::Kind::variable:
      if (record && e.variable.name != "_")
        a.occurrences.push_back({e.variable.span, e.variable.name,
                                 e.variable.variable ? Namespace::variable : Namespace::user, {}, false});
      break;
    default:
      for (const auto& o : e.operands) num(o);
    }
  }
  void formula(const ast::Formula& f) {
    switch (f.kind) {
    case ast::Formula::Kind::atom: atom(f.atom); break;
    case ast::Formula::Kind::comparison:
      num(f.comparison->lhs);
      num(f.comparison->rhs);
      break;
    default:
      for (const auto& o : f.operands) formula(o);
    }
  }
  // `drop NAME`: the user's evidence, fact label or rule, else (or with
  // `library:`) the library rule.
  void drop(const ast::Name& name) {
    static constexpr std::string_view prefix = "library:";
    if (name.text.rfind(prefix, 0) == 0) {
      if (!record) return;
      SourceSpan span = name.span;
      span.column += static_cast<std::uint32_t>(prefix.size());
      span.length = span.length > prefix.size() ? span.length - static_cast<std::uint32_t>(prefix.size()) : 0;
      a.occurrences.push_back({span, name.text.substr(prefix.size()), Namespace::library_rule, {}, false});
      return;
    }
    use(name, Namespace::user); // resolved against the library rules by declaration_of when the user has none
  }
  void field(const ast::Field& f) {
    using K = ast::Field::Kind;
    switch (f.kind) {
    case K::supports:
    case K::contradicts:
    case K::assume: atom(f.atom); break;
    case K::holds: formula(*f.formula); break;
    case K::confidence:
      if (f.value->kind == ast::Value::Kind::name && record)
        a.occurrences.push_back({f.value->span, f.value->name, Namespace::word, "confidence", false});
      break;
    case K::source:
    case K::derived_from:
    case K::standard: use(f.name, Namespace::user); break;
    case K::under:
      use(f.name, Namespace::user);
      use(f.name2, Namespace::alternative, f.name.text);
      break;
    case K::drop: drop(f.name); break;
    case K::expect: word(f.name, "verdict"); break;
    case K::as: word(f.name, "mode"); break;
    default: break;
    }
  }

  void statement(const ast::Statement& s) {
    std::visit(
        [&](const auto& st) {
          using T = std::decay_t<decltype(st)>;
          if constexpr (std::is_same_v<T, ast::Use>) {
            if (st.kind == ast::Use::Kind::standard) use(st.first, Namespace::user);
            if (st.kind == ast::Use::Kind::doctrine) {
              use(st.first, Namespace::user);
              use(st.second, Namespace::alternative, st.first.text);
            }
            if (st.kind == ast::Use::Kind::corroboration) word(st.first, "corroboration");
          } else if constexpr (std::is_same_v<T, ast::StandardDecl>) {
            declare(st.id, "standard", st.span);
          } else if constexpr (std::is_same_v<T, ast::DoctrineDecl>) {
            declare(st.family, "doctrine", st.span);
            for (const auto& alt : st.alternatives) {
              a.alternatives.try_emplace(std::pair{st.family.text, alt.text}, Declaration{alt.span, st.span, "alternative"});
              use(alt, Namespace::alternative, st.family.text, true);
            }
          } else if constexpr (std::is_same_v<T, ast::PredicateDecl>) {
            declare(st.id, "predicate", st.span);
            for (const auto& tag : st.tags) word(tag, "tag");
          } else if constexpr (std::is_same_v<T, ast::EntityDecl>) {
            declare(st.id, std::string(ast::to_string(st.type)), st.span);
          } else if constexpr (std::is_same_v<T, ast::SourceDecl>) {
            declare(st.id, "source", st.span);
          } else if constexpr (std::is_same_v<T, ast::Fact>) {
            if (st.label) declare(*st.label, "fact", st.span);
            if (st.numeric)
              atom(*st.target);
            else
              formula(st.formula);
          } else if constexpr (std::is_same_v<T, ast::Evidence>) {
            declare(st.id, "evidence", st.span);
            word(st.kind, "evidence kind");
            for (const auto& f : st.fields) field(f);
          } else if constexpr (std::is_same_v<T, ast::Rule>) {
            if (a.sources.files[st.id.span.file].library) {
              a.library_rules.try_emplace(st.id.text, Declaration{st.id.span, st.span, "library rule"});
              if (record) a.occurrences.push_back({st.id.span, st.id.text, Namespace::library_rule, {}, true});
            } else {
              declare(st.id, "rule", st.span);
            }
            if (st.when_family) use(*st.when_family, Namespace::user);
            if (st.when_family && st.when_alternative)
              use(*st.when_alternative, Namespace::alternative, st.when_family->text);
            atom(st.head);
            for (const auto& l : st.body) formula(l);
          } else if constexpr (std::is_same_v<T, ast::Claim>) {
            declare(st.id, "claim", st.span);
            for (const auto& f : st.fields) field(f);
          }
        },
        s);
  }
};

bool is_syntax_error(const Diagnostic& d, std::uint32_t document) {
  return d.severity == Severity::error && d.span.file == document && (d.code == "E001" || d.code == "E013");
}

} // namespace

const Occurrence* Analysis::occurrence_at(std::uint32_t line1, std::uint32_t column1) const {
  // Occurrences are few per line; the one whose word holds the column (or ends at it: the cursor after a word).
  const Occurrence* after = nullptr;
  for (const auto& o : occurrences) {
    if (o.span.line != line1) continue;
    if (column1 >= o.span.column && column1 < o.span.column + o.span.length) return &o;
    if (column1 == o.span.column + o.span.length) after = &o;
  }
  return after;
}

const Declaration* Analysis::declaration_of(const Occurrence& o) const {
  switch (o.ns) {
  case Namespace::user: {
    if (auto it = declarations.find(o.name); it != declarations.end()) return &it->second;
    if (auto it = library_rules.find(o.name); it != library_rules.end()) return &it->second; // `drop NAME`
    return nullptr;
  }
  case Namespace::library_rule: {
    auto it = library_rules.find(o.name);
    return it == library_rules.end() ? nullptr : &it->second;
  }
  case Namespace::alternative: {
    auto it = alternatives.find(std::pair{o.scope, o.name});
    return it == alternatives.end() ? nullptr : &it->second;
  }
  default: return nullptr;
  }
}

std::optional<SourceSpan> Analysis::import_in_document(std::uint32_t file) const {
  // At most one step per file: a circle of imports (E010, not loaded) cannot loop here.
  for (std::size_t steps = 0; steps < sources.files.size(); ++steps) {
    auto it = imported_by.find(file);
    if (it == imported_by.end()) return std::nullopt;
    if (it->second.first == document) return it->second.second;
    file = it->second.first;
  }
  return std::nullopt;
}

namespace {

// Which import statement brought in each imported file, and each file's URI.
// Imported files are named relative to the document's folder, as the loader
// names them (dsl/parse/load.cpp).
void trace_imports(Analysis& a, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path document = fs::absolute(fs::path(path), ec).lexically_normal();
  if (auto c = fs::weakly_canonical(document, ec); !ec) document = c;
  const fs::path root = document.parent_path();
  std::map<std::string, std::uint32_t> by_path;
  a.uris.assign(a.sources.files.size(), std::string());
  for (std::uint32_t id = 0; id < a.sources.files.size(); ++id) {
    const SourceFile& f = a.sources.files[id];
    if (id == a.document) continue;
    if (f.library) {
      a.uris[id] = a.library ? a.library->uri : std::string(library_uri);
      continue;
    }
    by_path.emplace(f.path, id);
    a.uris[id] = uri_of_path(fs::path(f.path).is_absolute() ? f.path : (root / f.path).string());
  }
  for (const auto& file : a.files) {
    if (a.sources.files[file.file].library) continue;
    fs::path dir = file.file == a.document ? root : (root / a.sources.files[file.file].path).parent_path();
    for (const auto& statement : file.statements) {
      const auto* import = std::get_if<ast::Import>(&statement);
      if (!import) continue;
      fs::path target = fs::weakly_canonical(dir / import->path, ec);
      if (ec) continue;
      auto relative = target.lexically_relative(root);
      auto it = by_path.find(relative.empty() ? target.string() : relative.string());
      if (it != by_path.end()) a.imported_by.try_emplace(it->second, file.file, import->span);
    }
  }
}

} // namespace

std::shared_ptr<const Library> shipped_library() {
  static const std::shared_ptr<const Library> library =
      parse_library("<library gge2015>", std::string(parse::shipped_library()), std::string(library_uri));
  return library;
}

std::shared_ptr<const Library> no_library() {
  static const std::shared_ptr<const Library> library = std::make_shared<Library>();
  return library;
}

// As `check --library FILE` reads it (dsl/parse/load.cpp): a file that cannot
// be read is an E010 at its first line, one too large an E013.
std::shared_ptr<const Library> read_library(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  std::string uri = uri_of_path(absolute.string());
  auto refused = [&](const char* code, const std::string& message) {
    auto library = std::make_shared<Library>();
    auto id = library->sources.add({path, std::string(), true});
    library->diags.error(code, SourceSpan{id, 1, 1, 0}, message);
    library->uri = uri;
    return library;
  };
  if (!fs::is_regular_file(absolute, ec))
    return refused("E010", fs::exists(absolute, ec) ? "'" + path + "' is not a file" : "cannot find the file '" + path + "'");
  if (auto size = fs::file_size(absolute, ec); !ec && size > max_file_bytes)
    return refused("E013", "this file is " + std::to_string(size) + " bytes; case files may be at most " +
                               std::to_string(max_file_bytes) + " bytes (8 MiB)");
  std::ifstream in(absolute, std::ios::binary);
  if (!in) return refused("E010", "cannot read the file '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_library(path, std::move(text).str(), uri);
}

std::shared_ptr<const Analysis> analyse(const std::string& path, std::string text,
                                        std::shared_ptr<const Library> library) {
  auto a = std::make_shared<Analysis>();
  a->sources = library->sources;
  a->diags = library->diags;
  if (library->file) a->files.push_back(*library->file);
  a->library = std::move(library);
  parse::LoadOptions options;
  options.with_library = false; // already there, parsed once
  for (auto& file : parse::load_text(path, std::move(text), options, a->sources, a->diags))
    a->files.push_back(std::move(file));
  a->document = a->files.back().file;
  a->syntax_ok = std::none_of(a->diags.items().begin(), a->diags.items().end(),
                              [&](const Diagnostic& d) { return is_syntax_error(d, a->document); });
  trace_imports(*a, path);
  a->program = check::check(a->files, a->sources, a->diags);
  a->diags.sort(a->sources);
  for (const auto& file : a->files) {
    Indexer indexer{*a, file.file == a->document};
    if (indexer.record && file.header) indexer.declare(file.header->id, "case", file.header->span);
    for (const auto& s : file.statements) indexer.statement(s);
  }
  return a;
}

} // namespace imputa::cli::lsp
