// What the server answers about one analysed document: diagnostics, hover,
// definition, completion, outline, formatting and rename. The sentences are
// written here, from the checked program's data (docs/editors.md).
#include "lsp.hpp"

#include <algorithm>
#include <cctype>
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
  const SourceFile& file = w.a.sources.files.at(span.file);
  Lines lines(file.text);
  if (file.library) return {{"uri", library_uri}, {"range", lines.range(span)}};
  // An import: its path is shown relative to the document's folder.
  std::string path = file.path;
  if (auto doc = path_of_uri(w.uri); doc && !path.empty() && path[0] != '/') {
    auto dir = doc->substr(0, doc->rfind('/') + 1);
    path = dir + path;
  }
  return {{"uri", uri_of_path(path)}, {"range", lines.range(span)}};
}

json diagnostics(const Where& w) {
  json out = json::array();
  const auto& items = w.a.diags.items();
  for (const auto& d : items) {
    if (out.size() == max_diagnostics) {
      // Errors come first (sorted); an editor slows down on tens of thousands of squiggles.
      out.push_back({{"range", w.lines.range(SourceSpan{w.a.document, 1, 1, 0})},
                     {"severity", 3},
                     {"source", "imputa"},
                     {"message", std::to_string(items.size() - max_diagnostics) +
                                     " more diagnostics are not shown: imputa lint prints them all"}});
      break;
    }
    json item;
    std::string message = d.message;
    if (d.span.file == w.a.document) {
      item["range"] = w.lines.range(d.span);
    } else {
      // In an import (or a library file given by path): shown at the top of the document.
      item["range"] = w.lines.range(SourceSpan{w.a.document, 1, 1, 0});
      message = w.a.sources.files.at(d.span.file).path + ":" + std::to_string(d.span.line) + ": " + message;
    }
    for (const auto& hint : d.hints) message += "\nhint: " + hint;
    item["severity"] = d.severity == Severity::error ? 1 : 2;
    item["code"] = d.code;
    item["source"] = "imputa";
    item["message"] = message;
    // E003: the earlier declaration, as a related location.
    if (d.code == "E003" && d.span.file == w.a.document) {
      if (const Occurrence* o = w.a.occurrence_at(d.span.line, d.span.column); o && o->declaration) {
        const Declaration* first = w.a.declaration_of(*o);
        if (first && !(first->span == d.span))
          item["relatedInformation"] = json::array({{{"location", location(w, first->span)},
                                                     {"message", "'" + o->name + "' is first declared here"}}});
      }
    }
    out.push_back(std::move(item));
  }
  return out;
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

json completion(const Where& w, std::size_t offset) {
  const Program& p = w.a.program;
  std::string_view text = w.text.substr(0, std::min(offset, w.text.size()));
  auto line_start = text.rfind('\n');
  LineContext c = read_line(text.substr(line_start == std::string_view::npos ? 0 : line_start + 1));
  json items = json::array();
  const auto& words = c.words;
  auto last = [&](std::size_t back) -> std::string {
    return words.size() > back ? words[words.size() - 1 - back] : std::string();
  };

  // An argument of a known predicate: the entities of its type.
  if (c.predicate) {
    auto pred = p.predicates.find(*c.predicate);
    if (pred != p.predicates.end() && c.argument < pred->second.params.size()) {
      auto type = pred->second.params[c.argument];
      for (const auto& [name, e] : p.entities)
        if (e.type == type) items.push_back(item(name, 21, std::string(ast::to_string(e.type)), e.label));
      return {{"isIncomplete", false}, {"items", std::move(items)}};
    }
  }
  auto families = [&] {
    for (const auto& [name, d] : p.doctrines) items.push_back(item(name, 10, "doctrine", describe_doctrine(d)));
  };
  auto standards = [&] {
    for (const auto& [name, s] : p.standards)
      items.push_back(item(name, 21, "standard " + to_decimal_string(s.threshold), describe_standard(s)));
  };
  const std::string first = words.empty() ? "" : words.front();
  if (last(0) == "confidence") {
    for (const auto& n : check::confidence_names())
      items.push_back(item(std::string(n.name), 12, interval(n.lo, n.hi), "PHIA yardstick"));
  } else if (first == "evidence" && words.size() == 2) {
    for (auto k : check::evidence_kinds()) items.push_back(item(std::string(k), 20, "evidence kind"));
  } else if (last(0) == "=" && (last(2) == "under" || last(2) == "doctrine" || last(2) == "when")) {
    if (auto d = p.doctrines.find(last(1)); d != p.doctrines.end())
      for (std::size_t i = 0; i < d->second.alternatives.size(); ++i)
        items.push_back(item(d->second.alternatives[i], 20, "alternative of " + d->first + (i == 0 ? " (default)" : "")));
  } else if (last(0) == "under" || last(0) == "when" || (last(0) == "doctrine" && first == "use")) {
    families();
  } else if (last(0) == "standard") {
    standards();
  } else if (last(0) == "corroboration") {
    items.push_back(item("max", 20, "corroboration: the strongest item counts"));
    items.push_back(item("noisy_or", 20, "corroboration: independent items add up"));
  } else if (last(0) == "expect") {
    for (auto v : {Verdict::established, Verdict::refuted, Verdict::arguable, Verdict::not_established,
                   Verdict::unsubstantiated, Verdict::inconsistent, Verdict::unknown})
      items.push_back(item(std::string(to_string(v)), 20, "verdict"));
  } else if (last(0) == "as") {
    for (auto m : {"accusation", "assessment", "hypothesis"}) items.push_back(item(m, 20, "claim mode"));
  } else if (last(0) == "source") {
    for (const auto& [name, s] : p.sources) items.push_back(item(name, 18, "source", s.label));
  } else if (last(0) == "derived_from") {
    for (const auto& e : p.evidence) items.push_back(item(e.id, 18, "evidence", e.summary));
  } else if (last(0) == "drop") {
    for (const auto& e : p.evidence) items.push_back(item(e.id, 18, "evidence", e.summary));
    for (const auto& r : p.rules)
      items.push_back(item(r.from_library ? "library:" + r.id : r.id, 18, r.from_library ? "library rule" : "rule", r.label));
    for (const auto& f : p.facts)
      if (f.label) items.push_back(item(*f.label, 18, "fact"));
  } else {
    for (const auto& [name, pred] : p.predicates) {
      json it = item(name, 3, signature(pred), pred.description);
      it["insertText"] = snippet(pred);
      it["insertTextFormat"] = 2; // snippet
      items.push_back(std::move(it));
    }
    if (words.empty() || last(0) == "\"\"" || last(0) == "{") {
      for (const auto& k : reserved_words()) items.push_back(item(k, 14, "keyword"));
    }
  }
  return {{"isIncomplete", false}, {"items", std::move(items)}};
}

std::string verdict_title(const ClaimVerdict& v) {
  auto upper = [](std::string_view s) {
    std::string out(s);
    for (auto& ch : out) ch = ch == '_' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return out;
  };
  std::string out = upper(to_string(v.verdict));
  if (v.verdict == Verdict::unknown && !v.why_unknown.empty()) out += " (" + v.why_unknown + ")";
  if (v.expected) out += v.as_expected ? " · expected ✓" : " · expected " + upper(to_string(*v.expected)) + " ✗";
  return out;
}

} // namespace imputa::cli::lsp
