// Canonical spelling of expressions and block fields; see print.hpp.
#include "format/print.hpp"

namespace imputa::format::detail {

std::string quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    default: out += c;
    }
  }
  out += '"';
  return out;
}

std::string number(const Rational& value) { return to_decimal_string(value); }

// A value as the author wrote it, not the interval it stands for: a point
// written `0.5..0.5` stays an interval here (fmt changes layout, never how a
// value is written); reports and messages spell values with to_string(Interval).
std::string value(const ast::Value& v) {
  switch (v.kind) {
  case ast::Value::Kind::name: return v.name;
  case ast::Value::Kind::number: return number(v.lo);
  case ast::Value::Kind::interval: return number(v.lo) + ".." + number(v.hi);
  }
  return {};
}

namespace {

void pad(std::string& out, int n, std::size_t digits) {
  std::string s = std::to_string(n < 0 ? -n : n);
  if (n < 0) out += '-';
  if (s.size() < digits) out.append(digits - s.size(), '0');
  out += s;
}

// Where a sub-formula stands, loosest first (docs/language.md §6: `or` < `and` <
// `not`). Under `not` a comparison is parenthesised too: `not (v(x) < 5)`
// cannot be misread as `(not v(x)) < 5`, by a parser or a reader.
enum class Level { disjunction, conjunction, unary, negated };

std::string formula_at(const ast::Formula& f, Level context);

std::string joined(const ast::Formula& f, std::string_view op, Level own) {
  std::string out;
  for (std::size_t i = 0; i < f.operands.size(); ++i) {
    if (i) out += op;
    // An operand one level tighter needs no parentheses; one of the same kind
    // does, because the parser makes a single node of one `a and b and c` chain
    // and keeps a parenthesised chain as a node of its own.
    out += formula_at(f.operands[i], own == Level::disjunction ? Level::conjunction : Level::unary);
  }
  return out;
}

std::string formula_at(const ast::Formula& f, Level context) {
  using K = ast::Formula::Kind;
  switch (f.kind) {
  case K::atom: return atom(f.atom);
  case K::truth: return "true";
  case K::falsity: return "false";
  case K::comparison:
    return context == Level::negated ? "(" + comparison(*f.comparison) + ")" : comparison(*f.comparison);
  case K::negation: {
    std::string out = "not ";
    if (!f.operands.empty()) out += formula_at(f.operands.front(), Level::negated);
    return out;
  }
  case K::conjunction: {
    std::string out = joined(f, " and ", Level::conjunction);
    return context >= Level::unary ? "(" + out + ")" : out;
  }
  case K::disjunction: {
    std::string out = joined(f, " or ", Level::disjunction);
    return context == Level::disjunction ? out : "(" + out + ")";
  }
  }
  return {};
}

} // namespace

std::string date(const ast::Date& d) {
  std::string out;
  pad(out, d.year, 4);
  out += '-';
  pad(out, d.month, 2);
  out += '-';
  pad(out, d.day, 2);
  return out;
}

std::string atom(const ast::Atom& a) {
  std::vector<std::string> args;
  args.reserve(a.args.size());
  for (const auto& t : a.args) args.push_back(t.name);
  return atom_text(a.predicate.text, args);
}

std::string num_expr(const ast::NumExpr& e) {
  using K = ast::NumExpr::Kind;
  // The grammar has no parentheses in arithmetic: `+`/`-` chains are
  // left-associative and `*` takes a number on its left, so printing the
  // operands in order is the only spelling there is.
  auto operand = [&](std::size_t i) {
    return i < e.operands.size() ? num_expr(e.operands[i]) : std::string{};
  };
  switch (e.kind) {
  case K::number: return number(e.number);
  case K::atom: return atom(e.atom);
  case K::variable: return e.variable.name;
  case K::add: return operand(0) + " + " + operand(1);
  case K::sub: return operand(0) + " - " + operand(1);
  case K::mul: return operand(0) + " * " + operand(1);
  }
  return {};
}

std::string comparison(const ast::Comparison& c) {
  return num_expr(c.lhs) + " " + std::string(ast::to_string(c.op)) + " " + num_expr(c.rhs);
}

std::string formula(const ast::Formula& f) { return formula_at(f, Level::disjunction); }

std::string field(const ast::Field& f) {
  using K = ast::Field::Kind;
  std::string out(ast::to_string(f.kind));
  out += ' ';
  switch (f.kind) {
  case K::supports:
  case K::contradicts:
  case K::assume: return out + atom(f.atom);
  case K::confidence: return out + value(*f.value);
  case K::source:
  case K::derived_from:
  case K::as:
  case K::standard:
  case K::drop:
  case K::expect: return out + f.name.text;
  case K::under: return out + f.name.text + " = " + f.name2.text;
  case K::date:
  case K::as_of: return out + date(f.date);
  case K::cite: return out + quote(f.text);
  case K::holds: return out + formula(*f.formula);
  }
  return out;
}

std::size_t width(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

} // namespace imputa::format::detail
