// A literal as a lawyer reads it in a report: the case file's own notation
// (atoms and formulas are spelled by imputa/ast.hpp's to_string).
#include "imputa/judge.hpp"

namespace imputa {

std::string to_string(const Literal& l) { return (l.positive ? "" : "not ") + l.atom; }

} // namespace imputa
