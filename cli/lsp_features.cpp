// What the server answers about one analysed document: diagnostics, hover,
// definition, completion, outline, formatting and rename. The sentences are
// written here, from the checked program's data (docs/editors.md).
#include "lsp.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace imputa::cli::lsp {

namespace {

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string interval(const Rational& lo, const Rational& hi) {
  return lo == hi ? to_decimal_string(lo) : to_decimal_string(lo) + ".." + to_decimal_string(hi);
}

std::string signature(const PredicateInfo& p) {
  std::string out = "predicate " + p.name + "(";
  for (std::size_t i = 0; i < p.params.size(); ++i) out += (i ? ", " : "") + std::string(ast::to_string(p.params[i]));
  out += ")";
  if (p.numeric) out += ": number";
  static constexpr std::pair<Tag, std::string_view> tags[] = {{Tag::origin, "origin"},   {Tag::link, "link"},
                                                               {Tag::conduct, "conduct"}, {Tag::attribution, "attribution"},
                                                               {Tag::breach, "breach"},   {Tag::closed, "closed"}};
  for (const auto& [tag, name] : tags)
    if (p.has(tag)) out += " " + std::string(name);
  return out;
}

std::string code_block(const std::string& text) { return "```imputa\n" + text + "\n```\n"; }

std::string rule_text(const RuleItem& r) {
  std::string out = to_string(r.head) + " if ";
  for (std::size_t i = 0; i < r.body.size(); ++i) out += (i ? ", " : "") + to_string(r.body[i]);
  return out;
}

std::string describe_rule(const RuleItem& r) {
  std::string out = "**rule** `" + r.id + "`" + (r.from_library ? " (library)" : "") + ": " + r.label + "\n\n";
  if (r.cite) out += "*" + *r.cite + "*\n\n";
  if (r.when_family) out += "in force when `" + *r.when_family + " = " + r.when_alternative.value_or("") + "`\n\n";
  return out + code_block(rule_text(r));
}

std::string describe_predicate(const Analysis& a, const PredicateInfo& p) {
  std::string out = code_block(signature(p));
  if (!p.description.empty()) out += "\n" + p.description + "\n";
  std::string concluded;
  for (const auto& r : a.program.rules) {
    if (r.head.predicate.text != p.name) continue;
    concluded += "- `" + r.id + "`" + (r.from_library ? "" : " (yours)") + ": " + r.label;
    if (r.cite) concluded += " — *" + *r.cite + "*";
    concluded += "\n";
  }
  if (!concluded.empty()) out += "\n**Concluded by**\n\n" + concluded;
  return out;
}

std::string describe_evidence(const EvidenceItem& e) {
  std::string out = "**evidence** `" + e.id + "` (" + e.kind + "): " + e.summary + "\n\n";
  out += "confidence " + interval(e.lo, e.hi) + ", source `" + e.source + "`\n\n";
  for (const auto& b : e.bearings) out += std::string("- ") + (b.supports ? "supports" : "contradicts") + " `" + to_string(b.atom) + "`\n";
  for (const auto& c : e.cites) out += "\n*" + c + "*";
  return out;
}

std::string describe_standard(const StandardInfo& s) {
  std::string out = "**standard of proof** `" + s.name + "`: proven at a confidence of at least " +
                    to_decimal_string(s.threshold);
  if (s.contrary_below) out += ", and only while the contrary stays below " + to_decimal_string(*s.contrary_below);
  return out + "\n\n" + s.description;
}

std::string describe_doctrine(const DoctrineInfo& d) {
  std::string out = "**doctrine** `" + d.family + "`: ";
  for (std::size_t i = 0; i < d.alternatives.size(); ++i)
    out += (i ? " | " : "") + std::string("`") + d.alternatives[i] + "`" + (i == 0 ? " (default)" : "");
  return out + "\n\n" + d.description;
}

std::string describe_claim(const ClaimItem& c) {
  std::string out = "**claim** `" + c.id + "`: " + c.text + "\n\n" + code_block(to_string(c.formula));
  if (c.expect) out += "\nexpected: " + std::string(to_string(*c.expect));
  return out;
}

std::string describe_word(const Occurrence& o) {
  if (o.scope == "confidence") {
    for (const auto& c : check::confidence_names())
      if (c.name == o.name)
        return "**" + o.name + "**: a probability of " + interval(c.lo, c.hi) +
               " on the PHIA yardstick (docs/semantics.md §3)";
    return {};
  }
  if (o.scope == "evidence kind") {
    // docs/language.md §4: the kind matters in one respect.
    if (o.name == "origin")
      return "**evidence kind** `origin`: where the operation came from, and nothing more; it carries no weight on "
             "who conducted it or to which state it is attributable (GGE 2015 para 28(f))";
    return "**evidence kind** `" + o.name + "`";
  }
  if (o.scope == "verdict") return "**verdict** `" + o.name + "`: the verdict this claim is expected to have";
  if (o.scope == "mode") return "**claim mode** `" + o.name + "`";
  if (o.scope == "tag") return "**tag** `" + o.name + "` of a predicate";
  if (o.scope == "corroboration") return "**corroboration** `" + o.name + "`: how independent items on one atom combine";
  return {};
}

std::string describe(const Analysis& a, const Occurrence& o) {
  const Program& p = a.program;
  if (o.ns == Namespace::word) return describe_word(o);
  if (o.ns == Namespace::variable) return "**variable** `" + o.name + "`";
  if (o.ns == Namespace::alternative) {
    auto d = p.doctrines.find(o.scope);
    std::string out = "**alternative** `" + o.name + "` of the doctrine `" + o.scope + "`";
    if (d != p.doctrines.end()) out += "\n\n" + d->second.description;
    return out;
  }
  auto rule = [&](bool library) -> const RuleItem* {
    for (const auto& r : p.rules)
      if (r.id == o.name && r.from_library == library) return &r;
    return nullptr;
  };
  if (o.ns == Namespace::library_rule) {
    const RuleItem* r = rule(true);
    return r ? describe_rule(*r) : std::string();
  }
  if (auto it = p.predicates.find(o.name); it != p.predicates.end()) return describe_predicate(a, it->second);
  if (auto it = p.entities.find(o.name); it != p.entities.end())
    return "**" + std::string(ast::to_string(it->second.type)) + "** `" + o.name + "`: " + it->second.label;
  if (auto it = p.sources.find(o.name); it != p.sources.end()) return "**source** `" + o.name + "`: " + it->second.label;
  if (auto it = p.standards.find(o.name); it != p.standards.end()) return describe_standard(it->second);
  if (auto it = p.doctrines.find(o.name); it != p.doctrines.end()) return describe_doctrine(it->second);
  for (const auto& e : p.evidence)
    if (e.id == o.name) return describe_evidence(e);
  for (const auto& c : p.claims)
    if (c.id == o.name) return describe_claim(c);
  if (const RuleItem* r = rule(false)) return describe_rule(*r);
  for (const auto& f : p.facts)
    if (f.label && *f.label == o.name)
      return "**fact** `" + o.name + "`\n\n" +
             code_block(f.numeric ? to_string(f.target) + " = " + interval(f.lo, f.hi) : to_string(f.formula));
  if (const RuleItem* r = rule(true)) return describe_rule(*r); // `drop NAME` of a library rule
  if (p.case_id && *p.case_id == o.name) return "**case** `" + o.name + "`: " + p.case_title;
  return {};
}

json markdown(std::string text) { return {{"kind", "markdown"}, {"value", std::move(text)}}; }

bool is_name(const std::string& s) {
  if (s.empty() || !std::islower(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

const std::set<std::string, std::less<>>& reserved_words() {
  static const std::set<std::string, std::less<>> words{
      "case",    "import",      "use",       "standard",   "doctrine", "corroboration", "predicate", "state",
      "actor",   "object",      "operation", "source",     "fact",     "evidence",      "rule",      "claim",
      "supports", "contradicts", "confidence", "date",     "cite",     "derived_from",  "holds",     "as",
      "under",   "expect",      "drop",      "assume",     "as_of",    "if",            "when",      "and",
      "or",      "not",         "true",      "false",      "accusation", "assessment",  "hypothesis", "number",
      "contrary_below"};
  return words;
}

} // namespace

std::optional<std::string> path_of_uri(const std::string& uri) {
  if (uri.rfind("file://", 0) != 0) return std::nullopt;
  std::string rest = uri.substr(7);
  auto slash = rest.find('/');
  if (slash == std::string::npos) return std::nullopt;
  return percent_decode(rest.substr(slash)); // the authority (host) is dropped
}

std::string uri_of_path(const std::string& path) {
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      static constexpr char hex[] = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

json location(const Where& w, const SourceSpan& span) {
  if (span.file == w.a.document) return {{"uri", w.uri}, {"range", w.lines.range(span)}};
  Lines lines(w.a.sources.files.at(span.file).text);
  return {{"uri", w.a.uris.at(span.file)}, {"range", lines.range(span)}};
}

namespace {

std::string with_hints(const Diagnostic& d, std::string message) {
  for (const auto& hint : d.hints) message += "\nhint: " + hint;
  return message;
}

json lsp_diagnostic(json range, const Diagnostic& d, std::string message) {
  return {{"range", std::move(range)},
          {"severity", d.severity == Severity::error ? 1 : 2},
          {"code", d.code},
          {"source", "imputa"},
          {"message", with_hints(d, std::move(message))}};
}

// "parties.imputa:3:5: " (a library file: "library gge.imputa:3:5: ").
std::string place(const Where& w, const SourceSpan& span) {
  const SourceFile& file = w.a.sources.files.at(span.file);
  return (file.library ? "library " : "") + file.path + ":" + std::to_string(span.line) + ":" +
         std::to_string(span.column) + ": ";
}

// Errors come first (sorted); an editor slows down on tens of thousands of squiggles.
json more_not_shown(json range, std::size_t more) {
  return {{"range", std::move(range)},
          {"severity", 3},
          {"source", "imputa"},
          {"message", std::to_string(more) + " more diagnostics are not shown: imputa lint prints them all"}};
}

} // namespace

json diagnostic(const Where& w, const Diagnostic& d, const SourceSpan& elsewhere) {
  if (d.span.file == w.a.document && d.span.line > 0) {
    json item = lsp_diagnostic(w.lines.range(d.span), d, d.message);
    // E003: the earlier declaration, as a related location.
    if (d.code == "E003")
      if (const Occurrence* o = w.a.occurrence_at(d.span.line, d.span.column); o && o->declaration)
        if (const Declaration* first = w.a.declaration_of(*o); first && !(first->span == d.span))
          item["relatedInformation"] = json::array(
              {{{"location", location(w, first->span)}, {"message", "'" + o->name + "' is first declared here"}}});
    return item;
  }
  if (d.span.file >= w.a.sources.files.size() || d.span.line == 0)
    return lsp_diagnostic(w.lines.range(elsewhere), d, d.message); // no place of its own
  // In an import: on the import statement that brings the file in; in the library, at `elsewhere`.
  auto import = w.a.import_in_document(d.span.file);
  json item = lsp_diagnostic(w.lines.range(import ? *import : elsewhere), d, place(w, d.span) + d.message);
  if (!w.a.sources.files.at(d.span.file).text.empty()) // not for a file that could not be read
    item["relatedInformation"] = json::array({{{"location", location(w, d.span)}, {"message", d.message}}});
  return item;
}

json diagnostics(const Where& w) {
  json out = json::array();
  const auto& items = w.a.diags.items();
  const SourceSpan top{w.a.document, 1, 1, 0};
  for (std::size_t i = 0; i < items.size() && i < max_diagnostics; ++i) out.push_back(diagnostic(w, items[i], top));
  if (items.size() > max_diagnostics) out.push_back(more_not_shown(w.lines.range(top), items.size() - max_diagnostics));
  return out;
}

std::map<std::string, json> diagnostics_elsewhere(const Where& w) {
  std::map<std::string, json> out;
  std::map<std::uint32_t, std::optional<Lines>> files; // nullopt: not a file on disk
  std::map<std::string, std::size_t> counts;
  for (const auto& d : w.a.diags.items()) {
    if (d.span.file == w.a.document || d.span.file >= w.a.uris.size()) continue;
    const std::string& uri = w.a.uris[d.span.file];
    auto [file, fresh] = files.try_emplace(d.span.file);
    if (fresh) {
      std::error_code ec;
      auto path = path_of_uri(uri); // the shipped library has none
      if (path && std::filesystem::is_regular_file(*path, ec)) file->second.emplace(w.a.sources.files[d.span.file].text);
    }
    if (!file->second) continue;
    json& items = out.try_emplace(uri, json::array()).first->second;
    if (++counts[uri] <= max_diagnostics) items.push_back(lsp_diagnostic(file->second->range(d.span), d, d.message));
  }
  for (auto& [uri, items] : out)
    if (counts[uri] > max_diagnostics)
      items.push_back(more_not_shown(json{{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}},
                                     counts[uri] - max_diagnostics));
  return out;
}

std::string problem_title(const Diagnostic& d, bool another_claim) {
  static constexpr std::string_view too_large = "this case is too large to judge: ";
  std::string message = d.message;
  if (message.rfind(too_large, 0) == 0) message.erase(0, too_large.size());
  if (another_claim) return "not judged: " + message; // grounding reads the whole case
  if (d.code == "E013") return "too large to judge: " + message;
  if (d.code == "E009") return "cannot be judged: " + message;
  return "not judged: " + message;
}

json hover(const Where& w, std::uint32_t line1, std::uint32_t column1) {
  const Occurrence* o = w.a.occurrence_at(line1, column1);
  if (!o) return nullptr;
  std::string text = describe(w.a, *o);
  if (text.empty()) return nullptr;
  return {{"contents", markdown(std::move(text))}, {"range", w.lines.range(o->span)}};
}

json definition(const Where& w, std::uint32_t line1, std::uint32_t column1) {
  const Occurrence* o = w.a.occurrence_at(line1, column1);
  if (!o) return nullptr;
  if (o->ns == Namespace::variable) {
    // A rule's variable: its first occurrence in the rule, i.e. since the
    // last declaration before it (the rule's own id).
    const Occurrence* first = o;
    for (const auto& other : w.a.occurrences) {
      if (&other == o) break;
      if (other.declaration) first = o; // a new statement began
      else if (other.ns == Namespace::variable && other.name == o->name && first == o) first = &other;
    }
    return location(w, first->span);
  }
  const Declaration* d = w.a.declaration_of(*o);
  if (!d) return nullptr;
  return location(w, d->span);
}

json document_symbols(const Where& w) {
  json out = json::array();
  const auto& occurrences = w.a.occurrences;
  for (std::size_t i = 0; i < occurrences.size(); ++i) {
    const Occurrence& o = occurrences[i];
    if (!o.declaration || o.ns == Namespace::alternative) continue;
    const Declaration* d = w.a.declaration_of(o);
    if (!d || d->span.file != w.a.document) continue;
    // LSP SymbolKind: Function 12, Constant 14, Object 19, Module 2, Event 24, Method 6, Boolean 17, Enum 10,
    // Field 8, Namespace 3.
    static const std::map<std::string, int, std::less<>> kinds{
        {"predicate", 12}, {"state", 19},  {"actor", 19},  {"object", 19}, {"operation", 24}, {"source", 2},
        {"evidence", 8},   {"rule", 6},    {"claim", 17},  {"fact", 14},   {"standard", 14},  {"doctrine", 10},
        {"case", 3},       {"library rule", 6}};
    auto kind = kinds.find(d->what);
    json symbol{{"name", o.name},
                {"detail", d->what},
                {"kind", kind == kinds.end() ? 13 : kind->second},
                {"range", w.lines.range(d->statement)},
                {"selectionRange", w.lines.range(o.span)}};
    // The range must hold the selection: a statement's span starts at its keyword, on the same line.
    if (d->statement.line != o.span.line) symbol["range"] = symbol["selectionRange"];
    if (d->what == "doctrine") {
      json children = json::array();
      for (std::size_t k = i + 1; k < occurrences.size() && occurrences[k].ns == Namespace::alternative &&
                                  occurrences[k].declaration;
           ++k)
        children.push_back({{"name", occurrences[k].name},
                            {"kind", 22},
                            {"range", w.lines.range(occurrences[k].span)},
                            {"selectionRange", w.lines.range(occurrences[k].span)}});
      symbol["children"] = std::move(children);
    }
    out.push_back(std::move(symbol));
  }
  return out;
}

json formatting(const Where& w) {
  if (!w.a.syntax_ok) return nullptr;
  std::string formatted = format::format_file(w.a.file(), w.a.sources);
  if (formatted == w.text) return json::array();
  json end = w.lines.position(static_cast<std::uint32_t>(w.lines.count()),
                              static_cast<std::uint32_t>(w.lines.line(w.lines.count() - 1).size() + 1));
  // The whole text: LSP ranges end before the last line's end.
  return json::array({{{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", end}}},
                       {"newText", std::move(formatted)}}});
}

namespace {

// A name the user declared in this document, which rename may change.
const Occurrence* own_name(const Where& w, std::uint32_t line1, std::uint32_t column1, std::string& why) {
  const Occurrence* o = w.a.occurrence_at(line1, column1);
  if (!o || (o->ns != Namespace::user && o->ns != Namespace::alternative)) {
    why = "only the names you declare can be renamed";
    return nullptr;
  }
  const Declaration* d = w.a.declaration_of(*o);
  if (!d) {
    why = "'" + o->name + "' is not declared";
    return nullptr;
  }
  if (d->span.file != w.a.document) {
    why = "'" + o->name + "' is declared " +
          (w.a.sources.files.at(d->span.file).library ? std::string("by the library") : "in another file") +
          "; only names declared in this file can be renamed";
    return nullptr;
  }
  return o;
}

} // namespace

json prepare_rename(const Where& w, std::uint32_t line1, std::uint32_t column1) {
  std::string why;
  const Occurrence* o = own_name(w, line1, column1, why);
  if (!o) return nullptr;
  return {{"range", w.lines.range(o->span)}, {"placeholder", o->name}};
}

std::variant<json, std::string> rename(const Where& w, std::uint32_t line1, std::uint32_t column1,
                                       const std::string& new_name) {
  std::string why;
  const Occurrence* o = own_name(w, line1, column1, why);
  if (!o) return why;
  if (!is_name(new_name))
    return "'" + new_name + "' is not a name: lower-case letters, digits and underscores, starting with a letter";
  if (reserved_words().count(new_name)) return "'" + new_name + "' is a reserved word of the language";
  if (o->ns == Namespace::user && w.a.declarations.count(new_name))
    return "'" + new_name + "' is already declared";
  if (o->ns == Namespace::alternative && w.a.alternatives.count({o->scope, new_name}))
    return "'" + new_name + "' is already an alternative of '" + o->scope + "'";
  json edits = json::array();
  for (const auto& other : w.a.occurrences)
    if (other.ns == o->ns && other.name == o->name && other.scope == o->scope)
      edits.push_back({{"range", w.lines.range(other.span)}, {"newText", new_name}});
  return json{{"changes", {{w.uri, std::move(edits)}}}};
}

// ---- completion ----

namespace {

// LSP CompletionItemKind: Function 3, Keyword 14, Value 12, EnumMember 20, Constant 21, Reference 18, Snippet 15.
json item(const std::string& label, int kind, const std::string& detail, const std::string& doc = {}) {
  json out{{"label", label}, {"kind", kind}, {"detail", detail}};
  if (!doc.empty()) out["documentation"] = markdown(doc);
  return out;
}

// The words of the line before the cursor, the one being typed left out.
struct LineContext {
  std::vector<std::string> words; // complete words before the cursor
  std::string typed;              // the partial word at the cursor
  std::optional<std::string> predicate; // inside `pred(...`: the predicate
  std::size_t argument = 0;       // ... and which argument
};

LineContext read_line(std::string_view before) {
  LineContext c;
  std::size_t end = before.size();
  while (end > 0 && (std::isalnum(static_cast<unsigned char>(before[end - 1])) || before[end - 1] == '_' ||
                     before[end - 1] == ':'))
    --end;
  c.typed = std::string(before.substr(end));
  // Inside an atom's parentheses: the nearest '(' not closed, outside strings.
  int depth = 0;
  std::size_t commas = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < end; ++i)
    if (before[i] == '"' && (i == 0 || before[i - 1] != '\\')) in_string = !in_string;
  if (!in_string) {
    for (std::size_t i = end; i-- > 0;) {
      char ch = before[i];
      if (ch == ')') ++depth;
      else if (ch == ',' && depth == 0) ++commas;
      else if (ch == '(') {
        if (depth == 0) {
          std::size_t j = i;
          while (j > 0 && (std::isalnum(static_cast<unsigned char>(before[j - 1])) || before[j - 1] == '_')) --j;
          if (j < i) {
            c.predicate = std::string(before.substr(j, i - j));
            c.argument = commas;
          }
          break;
        }
        --depth;
      } else if (ch == '"' || ch == '.' || ch == '{' || ch == '}') {
        break;
      }
    }
  }
  std::string word;
  for (std::size_t i = 0; i < end; ++i) {
    char ch = before[i];
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == ':') {
      word += ch;
    } else {
      if (!word.empty()) c.words.push_back(std::move(word));
      word.clear();
      if (ch == '=' ) c.words.push_back("=");
      if (ch == '"') { // skip a string
        std::size_t k = i + 1;
        while (k < end && !(before[k] == '"' && before[k - 1] != '\\')) ++k;
        c.words.push_back("\"\"");
        i = k;
      }
    }
  }
  if (!word.empty()) c.words.push_back(std::move(word));
  return c;
}

std::string snippet(const PredicateInfo& p) {
  if (p.params.empty()) return p.name;
  std::string out = p.name + "(";
  for (std::size_t i = 0; i < p.params.size(); ++i)
    out += (i ? ", " : "") + std::string("${") + std::to_string(i + 1) + ":" + std::string(ast::to_string(p.params[i])) + "}";
  return out + ")$0";
}

} // namespace

namespace {

// The words of the line, from the end: last(0) is the word just before the cursor.
struct Before {
  const std::vector<std::string>& words;
  std::string last(std::size_t back) const {
    return words.size() > back ? words[words.size() - 1 - back] : std::string();
  }
  std::string first() const { return words.empty() ? std::string() : words.front(); }
};

// Inside `predicate(...`: the entities of the argument's type.
bool argument_items(const Program& p, const LineContext& c, json& items) {
  if (!c.predicate) return false;
  auto pred = p.predicates.find(*c.predicate);
  if (pred == p.predicates.end() || c.argument >= pred->second.params.size()) return false;
  auto type = pred->second.params[c.argument];
  for (const auto& [name, e] : p.entities)
    if (e.type == type) items.push_back(item(name, 21, std::string(ast::to_string(e.type)), e.label));
  return true;
}

// After a word whose value the language fixes: confidence names, evidence
// kinds, corroborations, verdicts, claim modes.
bool fixed_word_items(const Before& b, json& items) {
  if (b.last(0) == "confidence") {
    for (const auto& n : check::confidence_names())
      items.push_back(item(std::string(n.name), 12, interval(n.lo, n.hi), "PHIA yardstick"));
  } else if (b.first() == "evidence" && b.words.size() == 2) {
    for (auto k : check::evidence_kinds()) items.push_back(item(std::string(k), 20, "evidence kind"));
  } else if (b.last(0) == "corroboration") {
    items.push_back(item("max", 20, "corroboration: the strongest item counts"));
    items.push_back(item("noisy_or", 20, "corroboration: independent items add up"));
  } else if (b.last(0) == "expect") {
    for (auto v : {Verdict::established, Verdict::refuted, Verdict::arguable, Verdict::not_established,
                   Verdict::unsubstantiated, Verdict::inconsistent, Verdict::unknown})
      items.push_back(item(std::string(to_string(v)), 20, "verdict"));
  } else if (b.last(0) == "as") {
    for (auto m : {"accusation", "assessment", "hypothesis"}) items.push_back(item(m, 20, "claim mode"));
  } else {
    return false;
  }
  return true;
}

// After a word that names something declared: doctrines and their
// alternatives, standards, sources, evidence, what `drop` can leave out.
bool declared_items(const Program& p, const Before& b, json& items) {
  if (b.last(0) == "=" && (b.last(2) == "under" || b.last(2) == "doctrine" || b.last(2) == "when")) {
    if (auto d = p.doctrines.find(b.last(1)); d != p.doctrines.end())
      for (std::size_t i = 0; i < d->second.alternatives.size(); ++i)
        items.push_back(item(d->second.alternatives[i], 20, "alternative of " + d->first + (i == 0 ? " (default)" : "")));
  } else if (b.last(0) == "under" || b.last(0) == "when" || (b.last(0) == "doctrine" && b.first() == "use")) {
    for (const auto& [name, d] : p.doctrines) items.push_back(item(name, 10, "doctrine", describe_doctrine(d)));
  } else if (b.last(0) == "standard") {
    for (const auto& [name, s] : p.standards)
      items.push_back(item(name, 21, "standard " + to_decimal_string(s.threshold), describe_standard(s)));
  } else if (b.last(0) == "source") {
    for (const auto& [name, s] : p.sources) items.push_back(item(name, 18, "source", s.label));
  } else if (b.last(0) == "derived_from" || b.last(0) == "drop") {
    for (const auto& e : p.evidence) items.push_back(item(e.id, 18, "evidence", e.summary));
    if (b.last(0) == "derived_from") return true;
    for (const auto& r : p.rules)
      items.push_back(item(r.from_library ? "library:" + r.id : r.id, 18, r.from_library ? "library rule" : "rule", r.label));
    for (const auto& f : p.facts)
      if (f.label) items.push_back(item(*f.label, 18, "fact"));
  } else {
    return false;
  }
  return true;
}

// Anywhere else: the predicates as snippets, and the keywords where a statement or a field begins.
void predicate_and_keyword_items(const Program& p, const Before& b, json& items) {
  for (const auto& [name, pred] : p.predicates) {
    json it = item(name, 3, signature(pred), pred.description);
    it["insertText"] = snippet(pred);
    it["insertTextFormat"] = 2; // snippet
    items.push_back(std::move(it));
  }
  if (b.words.empty() || b.last(0) == "\"\"" || b.last(0) == "{")
    for (const auto& k : reserved_words()) items.push_back(item(k, 14, "keyword"));
}

} // namespace

json completion(const Where& w, std::size_t offset) {
  const Program& p = w.a.program;
  std::string_view text = w.text.substr(0, std::min(offset, w.text.size()));
  auto line_start = text.rfind('\n');
  LineContext c = read_line(text.substr(line_start == std::string_view::npos ? 0 : line_start + 1));
  Before before{c.words};
  json items = json::array();
  if (!argument_items(p, c, items) && !fixed_word_items(before, items) && !declared_items(p, before, items))
    predicate_and_keyword_items(p, before, items);
  return {{"isIncomplete", false}, {"items", std::move(items)}};
}

std::string verdict_title(const ClaimVerdict& v) {
  auto upper = [](std::string_view s) {
    std::string out(s);
    for (auto& ch : out) ch = ch == '_' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return out;
  };
  if (!v.problem.empty()) return v.problem;
  std::string out = upper(to_string(v.verdict));
  if (v.verdict == Verdict::unknown && !v.why_unknown.empty()) out += " (" + v.why_unknown + ")";
  if (v.expected) out += v.as_expected ? " · expected ✓" : " · expected " + upper(to_string(*v.expected)) + " ✗";
  return out;
}

} // namespace imputa::cli::lsp
