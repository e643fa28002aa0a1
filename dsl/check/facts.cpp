// Facts: ground formulas stipulated as true, or values of number predicates
// (docs/semantics.md §2).
#include "check/passes.hpp"
#include "check/resolve.hpp"
#include "check/values.hpp"

namespace imputa::check::detail {

void check_fact(Checker& c, const ast::Fact& fact) {
  FactItem item;
  if (fact.label) item.label = fact.label->text;
  item.numeric = fact.numeric;
  item.span = fact.span;
  Scope scope = Scope::ground("a fact must name the things it speaks of");
  if (fact.numeric) {
    item.target = *fact.target;
    resolve_atom(c, item.target, scope, AtomUse::valued);
    if (auto value = check_numeric_value(c, *fact.value)) {
      item.lo = value->lo;
      item.hi = value->hi;
    }
  } else {
    item.formula = fact.formula;
    resolve_formula(c, item.formula, scope);
  }
  c.program.facts.push_back(std::move(item));
}

} // namespace imputa::check::detail
