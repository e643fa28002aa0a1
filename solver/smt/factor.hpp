// A rule's ways of drawing one conclusion as a product of independent parts.
// `d0(Q) if p4(A, B), p1(C, a0), p2(O, Q)`: for each Q, the bodies are every
// combination of a p4 atom, a p1 atom and a p2 atom with Q, 8 x 8 x 8 x 4 =
// 2,048 conjunctions of three literals. Their disjunction is the conjunction
// of three disjunctions (64 + 8 + 4 literals), the same formula, which Z3
// takes in far less time (docs/performance.md, "Cross products encoded as
// products"). The grouping of literals comes from the rule: body literals
// that share no variable but the head's are independent. Whether the ground
// bodies really are the product is checked, not assumed: they are factored
// only when their number equals the product of the parts' sizes.
#pragma once

#include "ground/ground.hpp"
#include "imputa/program.hpp"

#include <optional>
#include <vector>

namespace imputa::smt {

// The part each body literal of `rule` belongs to (literals that share a
// variable other than the head's are in one part), numbered from 0 in order
// of first literal; empty when fewer than two parts hold a variable other
// than the head's (the others have one way for each conclusion).
std::vector<unsigned> independent_parts(const RuleItem& rule);

// One part of a product: its distinct ways, each the part's literals of
// some body, in order of first appearance.
using Part = std::vector<std::vector<const ground::Formula*>>;

// The bodies (all of one rule, for one head) as a product of parts, or
// nullopt where they are not one: `parts` from independent_parts(), a body
// whose literals do not line up with the rule's (a literal decided while
// grounding was left out), or bodies that are not every combination.
std::optional<std::vector<Part>> as_product(const std::vector<unsigned>& parts,
                                            const std::vector<const ground::Body*>& bodies);

} // namespace imputa::smt
