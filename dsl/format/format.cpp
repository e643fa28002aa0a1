// `imputa fmt`: one file in canonical layout (docs/language.md §13), comments kept.
//
// Layout, decided here and documented in docs/:
// - Statements keep their source order, one per line (a rule may wrap, see
//   below); blocks indent their fields by two spaces, one field per line, and
//   close with `}` on its own line (`{}` when a block is empty).
// - One blank line separates groups: the case header, then runs of the same
//   kind of statement (imports, `use`, standards, doctrines, predicates,
//   entities of every type, sources, facts). Each evidence item, rule and
//   claim is a group of its own. A blank line the author left between two
//   statements, fields or comments is kept (several become one); none is
//   kept at the start of a block or before its `}`.
// - Comments on their own lines stay before the line they preceded, indented
//   like it; a comment after code stays after the first statement, field or
//   rule literal that starts on its line, two spaces after the code.
// - A rule is one line when it fits in 100 columns; else it breaks after `:`
//   and continues four spaces in, `HEAD if L1, L2.` on one line if that fits;
//   else (or when comments sit among its literals) the head and `if` stand on
//   one line and each literal on its own line eight spaces in. A `when F = A`
//   that would push the header past 100 columns gets a line of its own, four
//   spaces in, ending with the `:`. Other statements never wrap.
#include "format/comments.hpp"
#include "format/print.hpp"
#include "imputa/dsl.hpp"

#include <type_traits>

namespace imputa::format {

namespace {

using detail::Notes;
using detail::quote;
using detail::UnitNotes;

constexpr std::size_t max_columns = 100;

// Whether a blank line may or must precede the first line a node writes.
enum class Gap {
  none, // first line of a block or rule: never
  keep, // when the author left one
  force // between groups
};

void put(std::string& out, std::string_view indent, std::string_view text, bool blank) {
  if (blank && !out.empty()) out += '\n';
  out += indent;
  out += text;
  out += '\n';
}

std::string with_trailing(std::string text, const Notes& n) {
  if (!n.trailing.empty()) {
    text += "  ";
    text += n.trailing.front().text;
  }
  return text;
}

// A node's leading comments, then its line with the trailing comment.
void emit(std::string& out, std::string_view indent, const Notes& n, std::string_view text, Gap gap,
          bool keep_blanks = true) {
  bool first = true;
  auto blank_before = [&](bool source_blank) {
    bool blank = first ? gap == Gap::force || (gap == Gap::keep && source_blank)
                       : keep_blanks && source_blank;
    first = false;
    return blank;
  };
  for (const auto& c : n.leading) put(out, indent, c.text, blank_before(c.blank_above));
  put(out, indent, with_trailing(std::string(text), n), blank_before(n.blank_above));
}

const Notes& part(const UnitNotes& n, std::size_t k) {
  static const Notes none;
  return k < n.parts.size() ? n.parts[k] : none;
}

// `HEADER {`, one line per part, `}`; comments before `}` stay inside.
void block(std::string& out, const std::string& header, const std::vector<std::string>& lines,
           const UnitNotes& n, Gap gap) {
  if (lines.empty() && n.close.empty()) {
    emit(out, "", n.self, header + " {}", gap);
    return;
  }
  emit(out, "", n.self, header + " {", gap);
  for (std::size_t k = 0; k < lines.size(); ++k)
    emit(out, "  ", part(n, k), lines[k], k == 0 ? Gap::none : Gap::keep);
  bool first = lines.empty();
  for (const auto& c : n.close.leading) {
    put(out, "  ", c.text, !first && c.blank_above);
    first = false;
  }
  put(out, "", with_trailing("}", n.close), false);
}

std::vector<std::string> field_lines(const std::vector<ast::Field>& fields) {
  std::vector<std::string> lines;
  for (const auto& f : fields) lines.push_back(detail::field(f));
  return lines;
}

void rule(std::string& out, const ast::Rule& r, const UnitNotes& n, Gap gap) {
  std::string header = "rule " + r.id.text + " " + quote(r.label);
  if (r.cite) header += " cite " + quote(*r.cite);
  std::string when; // the doctrine condition, moved to a line of its own when the header is long
  if (r.when_family)
    when = "when " + r.when_family->text + " = " + (r.when_alternative ? r.when_alternative->text : std::string());
  if (!when.empty() && detail::width(header) + 1 + detail::width(when) + 1 > max_columns) {
    when += ":";
  } else {
    if (!when.empty()) header += " " + when;
    header += ":";
    when.clear();
  }
  std::string head = detail::atom(r.head);
  std::vector<std::string> literals;
  for (const auto& l : r.body) literals.push_back(detail::formula(l));

  std::string body = head;
  for (std::size_t k = 0; k < literals.size(); ++k) body += (k == 0 ? " if " : ", ") + literals[k];
  body += ".";
  if (!n.inner_comments()) {
    if (when.empty() && detail::width(header) + 1 + detail::width(body) <= max_columns) {
      emit(out, "", n.self, header + " " + body, gap);
      return;
    }
    if (4 + detail::width(body) <= max_columns) {
      emit(out, "", n.self, header, gap);
      if (!when.empty()) put(out, "    ", when, false);
      put(out, "    ", body, false);
      return;
    }
  }
  emit(out, "", n.self, header, gap);
  if (!when.empty()) put(out, "    ", when, false);
  emit(out, "    ", part(n, 0), head + (literals.empty() ? "." : " if"), Gap::none, false);
  for (std::size_t k = 0; k < literals.size(); ++k)
    emit(out, "        ", part(n, k + 1), literals[k] + (k + 1 == literals.size() ? "." : ","),
         Gap::none, false);
}

// `fact v(x) = 5.` is read as a numeric fact, so a comparison of that shape
// stated as a Boolean fact keeps parentheses.
std::string fact_formula(const ast::Formula& f) {
  const auto& c = *f.comparison;
  bool reads_as_numeric = f.kind == ast::Formula::Kind::comparison && c.op == ast::CmpOp::eq &&
                          c.lhs.kind == ast::NumExpr::Kind::atom &&
                          c.rhs.kind == ast::NumExpr::Kind::number;
  return reads_as_numeric ? "(" + detail::formula(f) + ")" : detail::formula(f);
}

// The text of a statement that ends with `.`.
std::string dotted(const ast::Statement& s) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::Import>) {
          return "import " + quote(x.path) + ".";
        } else if constexpr (std::is_same_v<T, ast::Use>) {
          switch (x.kind) {
          case ast::Use::Kind::standard: return "use standard " + x.first.text + ".";
          case ast::Use::Kind::doctrine: return "use doctrine " + x.first.text + " = " + x.second.text + ".";
          case ast::Use::Kind::corroboration: return "use corroboration " + x.first.text + ".";
          }
          return {};
        } else if constexpr (std::is_same_v<T, ast::StandardDecl>) {
          std::string out = "standard " + x.id.text + " " + detail::value(*x.threshold);
          if (x.contrary_below) out += " contrary_below " + detail::value(*x.contrary_below);
          return out + " " + quote(x.description) + ".";
        } else if constexpr (std::is_same_v<T, ast::DoctrineDecl>) {
          std::string out = "doctrine " + x.family.text + " =";
          for (std::size_t k = 0; k < x.alternatives.size(); ++k)
            out += (k == 0 ? " " : " | ") + x.alternatives[k].text;
          return out + " " + quote(x.description) + ".";
        } else if constexpr (std::is_same_v<T, ast::PredicateDecl>) {
          std::string out = "predicate " + x.id.text + "(";
          for (std::size_t k = 0; k < x.params.size(); ++k) {
            if (k) out += ", ";
            out += ast::to_string(x.params[k].type);
          }
          out += ")";
          if (x.numeric) out += ": number";
          for (const auto& tag : x.tags) out += " " + tag.text;
          return out + " " + quote(x.description) + ".";
        } else if constexpr (std::is_same_v<T, ast::EntityDecl>) {
          return std::string(ast::to_string(x.type)) + " " + x.id.text + " " + quote(x.label) + ".";
        } else if constexpr (std::is_same_v<T, ast::SourceDecl>) {
          return "source " + x.id.text + " " + quote(x.label) + ".";
        } else if constexpr (std::is_same_v<T, ast::Fact>) {
          std::string out = "fact ";
          if (x.label) out += x.label->text + ": ";
          out += x.numeric ? detail::atom(*x.target) + " = " + detail::value(*x.value) : fact_formula(x.formula);
          return out + ".";
        } else {
          return {}; // blocks and rules are written by block() and rule()
        }
      },
      s);
}

// Statements of one kind run together; each evidence item, rule and claim
// stands apart. Entities of all four types form one run.
int group(const ast::Statement& s) {
  if (std::holds_alternative<ast::Evidence>(s) || std::holds_alternative<ast::Rule>(s) ||
      std::holds_alternative<ast::Claim>(s))
    return -1;
  return static_cast<int>(s.index());
}

} // namespace

std::string format_file(const ast::File& file, const Sources& sources) {
  auto notes = detail::attach_comments(file, sources);
  std::string out;
  std::size_t unit = 0;
  int previous_group = -2; // nothing written yet
  if (file.header) {
    const auto& h = *file.header;
    std::string header = "case " + h.id.text + " " + quote(h.title);
    const auto& n = notes.units[unit++];
    if (h.cites.empty() && !n.inner_comments()) {
      emit(out, "", n.self, header, Gap::keep);
    } else {
      std::vector<std::string> lines;
      for (const auto& c : h.cites) lines.push_back("cite " + quote(c));
      block(out, header, lines, n, Gap::keep);
    }
    previous_group = -1;
  }
  for (const auto& s : file.statements) {
    const auto& n = notes.units[unit++];
    int g = group(s);
    Gap gap = previous_group != -2 && (g != previous_group || g == -1) ? Gap::force : Gap::keep;
    previous_group = g;
    if (auto* e = std::get_if<ast::Evidence>(&s)) {
      block(out, "evidence " + e->id.text + " " + e->kind.text + " " + quote(e->summary),
            field_lines(e->fields), n, gap);
    } else if (auto* c = std::get_if<ast::Claim>(&s)) {
      block(out, "claim " + c->id.text + " " + quote(c->text), field_lines(c->fields), n, gap);
    } else if (auto* r = std::get_if<ast::Rule>(&s)) {
      rule(out, *r, n, gap);
    } else {
      emit(out, "", n.self, dotted(s), gap);
    }
  }
  for (const auto& c : notes.at_end) put(out, "", c.text, c.blank_above);
  return out;
}

} // namespace imputa::format
