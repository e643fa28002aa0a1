// Canonical spelling of the pieces of a statement (strings, numbers, formulas,
// block fields), each on one line; format.cpp arranges them into a file.
#pragma once

#include "imputa/ast.hpp"

#include <string>
#include <string_view>

namespace imputa::format::detail {

// `"..."` with `\"`, `\\` and `\n` escaped, so the parser reads back the same text.
std::string quote(std::string_view text);

std::string number(const Rational& value);
std::string value(const ast::Value& value);   // name, NUMBER or LO..HI
std::string date(const ast::Date& date);      // YYYY-MM-DD
std::string atom(const ast::Atom& atom);      // `p(a, X)`, or `p` at zero arity
std::string num_expr(const ast::NumExpr& expr);
std::string comparison(const ast::Comparison& comparison);

// Fewest parentheses that parse back to the same tree (see format.cpp's notes).
std::string formula(const ast::Formula& formula);

// One block field without indentation: `supports p(a)`, `under control = x`.
std::string field(const ast::Field& field);

// Display width in columns: UTF-8 code points, not bytes, so a `§` counts once.
std::size_t width(std::string_view text);

} // namespace imputa::format::detail
