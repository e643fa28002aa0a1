// Atoms, formulas and literals as a lawyer reads them in a report: the case
// file's own notation, with minimal parentheses.
#include "imputa/judge.hpp"

namespace imputa {
namespace {

std::string num_text(const ast::NumExpr& e) {
  switch (e.kind) {
  case ast::NumExpr::Kind::number: return to_decimal_string(e.number);
  case ast::NumExpr::Kind::atom: return to_string(e.atom);
  case ast::NumExpr::Kind::variable: return e.variable.name;
  case ast::NumExpr::Kind::add: return num_text(e.operands[0]) + " + " + num_text(e.operands[1]);
  case ast::NumExpr::Kind::sub: return num_text(e.operands[0]) + " - " + num_text(e.operands[1]);
  case ast::NumExpr::Kind::mul: return num_text(e.operands[0]) + " * " + num_text(e.operands[1]);
  }
  return "";
}

} // namespace

std::string atom_text(const std::string& predicate, const std::vector<std::string>& args) {
  std::string out = predicate;
  if (args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i];
  return out + ')';
}

std::string to_string(const ast::Atom& atom) {
  std::vector<std::string> args;
  for (const auto& t : atom.args) args.push_back(t.name);
  return atom_text(atom.predicate.text, args);
}

std::string to_string(const ast::Formula& f) {
  using K = ast::Formula::Kind;
  auto wrap = [&](const ast::Formula& o) {
    bool paren = (o.kind == K::disjunction && f.kind != K::disjunction) ||
                 (o.kind == K::conjunction && f.kind == K::negation) || (o.kind == f.kind && f.kind != K::negation);
    return paren ? "(" + to_string(o) + ")" : to_string(o);
  };
  switch (f.kind) {
  case K::atom: return to_string(f.atom);
  case K::comparison:
    return num_text(f.comparison.lhs) + " " + std::string(ast::to_string(f.comparison.op)) + " " +
           num_text(f.comparison.rhs);
  case K::negation: return "not " + wrap(f.operands[0]);
  case K::conjunction:
  case K::disjunction: {
    std::string out;
    for (std::size_t i = 0; i < f.operands.size(); ++i)
      out += (i ? (f.kind == K::conjunction ? " and " : " or ") : "") + wrap(f.operands[i]);
    return out;
  }
  case K::truth: return "true";
  case K::falsity: return "false";
  }
  return "";
}

std::string to_string(const Literal& l) { return (l.positive ? "" : "not ") + l.atom; }

} // namespace imputa
