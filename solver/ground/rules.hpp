// The rules made ready for joining (anonymous variables renamed apart,
// variable types known, grouped by head), the entity domains, and the
// questions the grounder asks of a rule's AST.
#pragma once

#include "ground/ground.hpp"
#include "ground/limits.hpp"
#include "ground/pattern.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace imputa::ground {

using ast::EntityType;

struct PreparedRule {
  std::size_t index = 0; // in Program::rules
  const RuleItem* rule = nullptr;
  ast::Atom head;
  std::vector<ast::Formula> body;
  std::map<std::string, EntityType> types;
  // Variables that share a condition, directly or through others, have the
  // same number here; a variable in no condition has one of its own. The
  // head does not join its variables: `d(B) if p(A, B), q(C, O)` leaves C
  // and O apart from A and B, and what A is bound to says nothing about
  // which operations C may stand for (linked()).
  std::map<std::string, std::size_t> component;
};

// Whether the variables `x` and `y` of `r` share a condition, directly or
// through others.
bool linked(const PreparedRule& r, const std::string& x, const std::string& y);

// An atom a join can bind variables from: a positive atom, or a number atom
// inside a comparison.
struct Generator {
  const ast::Atom* atom = nullptr;
  bool enumerate_possible = false; // a closed base predicate: only what premises state
};

// Read-only once built.
struct RuleBook {
  std::map<EntityType, std::vector<std::string>> domains; // sorted; states are actors too
  std::map<std::string, std::vector<PreparedRule>> by_head; // rules that may be in force

  bool derived(const std::string& predicate) const { return by_head.count(predicate) != 0; }
  // A burden of proof (a derived predicate tagged closed) that nothing can
  // establish for an entity the case says nothing about: each of its rules
  // needs a positive base atom about the head's entity, which no premise
  // proves (open) or which is presumed false (closed). So `not
  // military_objective_shown(o)` holds for such an object at every standard.
  bool unmet_unless_mentioned(const Program& p, const std::string& predicate) const;
  const std::vector<std::string>& domain(EntityType t) const;
  std::vector<Generator> generators(const Program& p, const PreparedRule& r) const;
};

// Prepares every rule that may be in force; a rule too large to join is E013.
RuleBook prepare_rules(const Program& p, const GroundOptions& options, Budget& budget);

// Renames each `_` in the formula's atoms apart: _0, _1, ... from `anonymous` on.
void rename_anonymous(ast::Formula& f, int& anonymous);

// Records the entity type of each variable of `f` (a variable in both an
// actor and a state position ranges over states).
void note_types(const Program& p, const ast::Formula& f, std::map<std::string, EntityType>& types);

// An entity constant or a variable standing in a comparison (`V != S`, `O = ukr`).
std::optional<ast::Term> entity_term(const ast::NumExpr& e, const Program& p);

// The atom of a literal `a` or `not a`, and its sign; nullptr for anything else.
const ast::Atom* literal_atom(const ast::Formula& l, bool& positive);

// The variables a condition mentions, in its atoms, numbers and comparisons
// (in order, repeats included; each `_` as written).
void variables(const ast::Atom& a, std::vector<std::string>& out);
void variables(const ast::NumExpr& e, std::vector<std::string>& out);
void variables(const ast::Formula& f, std::vector<std::string>& out);

bool mentions_variable(const ast::Formula& f, const std::string& var);
bool has_variable(const ast::Atom& a, const std::string& var);

// The atom's arguments under `b`; an unbound variable stays as its name.
std::vector<std::string> args_of(const ast::Atom& a, const Binding& b);

// Extends `b` so that `head` reads `args`; false if it cannot.
bool unify(const ast::Atom& head, const std::vector<std::string>& args, Binding& b);

// Variables of `a` that `b` does not bind.
std::size_t unbound(const ast::Atom& a, const Binding& b);

// "<another actor>": the entity a representative's instance is about.
std::string representative_name(EntityType t);
// Both names a representative of type `t` can take (free_representative).
std::array<std::string, 2> representative_names(EntityType t);
bool is_representative(const std::string& entity);

// The representative a variable of type `t` takes in an instance under `b`:
// "<another state>", or "<yet another state>" where a representative passed
// in through a guarded conclusion (guards.hpp) already holds that name, so
// that the two stand for different entities; nullopt if both are taken.
std::optional<std::string> free_representative(EntityType t, const Binding& b);

} // namespace imputa::ground
