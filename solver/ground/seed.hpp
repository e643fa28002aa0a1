// The seeds of grounding: the atoms premises and claims mention, interned in
// file order (facts, evidence, assumptions, claims) before any rule is
// instantiated; and the atoms of closed predicates a premise could make true.
#pragma once

#include "ground/builder.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace imputa::ground {

// Predicate -> argument tuples some fact, supporting evidence or assumption
// states: the only ones a join enumerates for a closed base or number predicate.
using PossibleAtoms = std::map<std::string, std::set<std::vector<std::string>>>;

PossibleAtoms possible_atoms(const Program& p, const std::vector<ast::Atom>& extra_assumptions);

// Grounds the facts (one premise per top-level conjunct), the atoms evidence
// bears on, the assumptions and the claims (one instance per binding of
// their free variables). Atoms interned here are those the case mentions.
void seed(const Program& p, const RuleBook& rules, const std::vector<ast::Atom>& extra_assumptions, Builder& b);

} // namespace imputa::ground
