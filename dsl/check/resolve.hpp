// Resolving atoms, terms and formulas against the declarations: unknown names
// (E002), arity (E004), argument types (E005), ground positions (E006) and
// numeric misuse (E008).
#pragma once

#include "check/context.hpp"

#include <optional>
#include <string>
#include <utility>

namespace imputa::check::detail {

// How an atom is used; a number predicate fits only in arithmetic and as the
// target of a numeric fact.
enum class AtomUse { condition, head, arithmetic, valued };

struct Variable {
  std::optional<ast::EntityType> type; // inferred from argument positions
  std::string predicate;               // where that type was learnt, for E005
};

// The variables of one fact, evidence line, rule or claim.
struct Scope {
  // Set where variables are not allowed (facts, evidence, `assume`): the start
  // of the E006 message, e.g. "a fact must name the things it speaks of".
  std::optional<std::string> ground_rule;
  std::map<std::string, Variable> variables;
  std::set<std::string> reported; // E006 once per variable name
  // Entity comparisons, checked once every position has typed the variables.
  std::vector<std::pair<ast::Term, ast::Term>> entity_comparisons;

  static Scope ground(std::string rule) {
    Scope s;
    s.ground_rule = std::move(rule);
    return s;
  }
};

// Returns the predicate when it is known (even if arity or types are wrong).
const PredicateInfo* resolve_atom(Checker& c, const ast::Atom& atom, Scope& scope, AtomUse use);

// Resolves a formula. Entity comparisons (`X != S`, `A = gru`) are rewritten so
// that both sides are NumExpr::Kind::variable holding a Term (a constant or a
// variable); in a checked program a numeric comparison never has such a side.
void resolve_formula(Checker& c, ast::Formula& formula, Scope& scope);

// Checks the deferred entity comparisons of a scope (E005 for types that can
// never be equal). Call once the whole rule or claim has been resolved.
void close_scope(Checker& c, Scope& scope);

// Whether `lhs op rhs` compares entities rather than numbers: `=` or `!=`
// between bare terms (variables or constants that are not zero-arity predicates).
bool is_entity_comparison(const Checker& c, const ast::Comparison& comparison);

} // namespace imputa::check::detail
