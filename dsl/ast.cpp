// Keyword spellings of the syntax tree's enumerations, and the spelling of
// atoms and formulas, shared by the formatter, diagnostics, the solver and
// renderers so that each is spelled in one place.
#include "imputa/ast.hpp"

#include "format/print.hpp"

#include <cstdio>

namespace imputa::ast {

std::string_view to_string(EntityType t) {
  switch (t) {
  case EntityType::state: return "state";
  case EntityType::actor: return "actor";
  case EntityType::object: return "object";
  case EntityType::operation: return "operation";
  }
  return "?";
}

std::string_view to_string(CmpOp op) {
  switch (op) {
  case CmpOp::lt: return "<";
  case CmpOp::le: return "<=";
  case CmpOp::gt: return ">";
  case CmpOp::ge: return ">=";
  case CmpOp::eq: return "=";
  case CmpOp::ne: return "!=";
  }
  return "?";
}

std::string_view to_string(Field::Kind k) {
  switch (k) {
  case Field::Kind::supports: return "supports";
  case Field::Kind::contradicts: return "contradicts";
  case Field::Kind::confidence: return "confidence";
  case Field::Kind::source: return "source";
  case Field::Kind::derived_from: return "derived_from";
  case Field::Kind::date: return "date";
  case Field::Kind::cite: return "cite";
  case Field::Kind::holds: return "holds";
  case Field::Kind::as: return "as";
  case Field::Kind::standard: return "standard";
  case Field::Kind::under: return "under";
  case Field::Kind::as_of: return "as_of";
  case Field::Kind::drop: return "drop";
  case Field::Kind::assume: return "assume";
  case Field::Kind::expect: return "expect";
  }
  return "?";
}

} // namespace imputa::ast

namespace imputa {

std::string atom_text(const std::string& predicate, const std::vector<std::string>& args) {
  std::string out = predicate;
  if (args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i];
  return out + ')';
}

std::string to_string(const ast::Atom& atom) { return format::detail::atom(atom); }

std::string to_string(const ast::Formula& formula) { return format::detail::formula(formula); }

std::string to_string(const ast::Date& date) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

} // namespace imputa
