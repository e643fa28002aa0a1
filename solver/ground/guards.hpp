// Guarded positions of derived predicates: computed once from the rules,
// read-only afterwards. They let a body-only variable that passes into a
// conclusion be bound only to the entities the case can mean there, plus one
// representative (issue 19, F4).
//
// Position i of a derived predicate is guarded when, in every rule that may
// be in force for it, the head's variable x there (once in the head) occurs
// in a positive, open, non-numeric base atom whose other arguments are the
// head's variables or constants (the guard: `targets(Cm, T)` in
// `lawful_countermeasure(Cm, S, T)`), and x, followed down through every
// conclusion it enters, never meets a positive closed base atom or a number
// atom (there the join would decide on what premises state about it, and a
// representative's instance could be pruned where an entity's is not).
//
// Why a guard lets a representative stand for the entities nobody names
// there. The conclusion, with the entity e at i, is false whenever its guard
// is: every ground body of every rule for it holds the guard with e. So in
// an instance `precluded(Op, S) if attributable(Op, S),
// lawful_countermeasure(Op, S, _)` the guard `targets(op, e)` is an open
// link of e's instance one level down, exactly as a base link in the body
// is (representatives.hpp, (b)): when no premise, claim or other instance
// holds it, e's instance can be false through it whatever the atoms it
// shares with the rest of the case (`internationally_wrongful(op0, e)`).
// The entities named there (a premise or claim on the conclusion or on its
// guard, with e at i, and the entities bound elsewhere in the instance) are
// joined one by one (Instantiator::bind_last); every other one is covered by
// the representative, and Representatives::split() gives an instance of its
// own to each covered entity that breaks (a)-(c) there (an atom of its
// instance that exists elsewhere and connects, such as the attribution of
// the operation responded to, to e, under a claim). (b) reads the guard as
// the link: a covered entity whose guard exists elsewhere is split.
//
// A representative then reaches conclusions as an argument
// (`internationally_wrongful(op0, <another state>)`), below which a rule may
// have a body-only variable of the same kind beside it (`breach(Op, S) if
// attributable(Op, S), violates_sovereignty(Op, V), V != S`). That
// variable's representative is "<yet another state>" (free_representative):
// the representative above stands for an entity nobody names, which every
// entity V's representative stands for differs from, as the comparison with
// two different names says. Reusing "<another state>" would make `V != S`
// false for the one instance standing for all of them; walking V's domain
// instead names every state in the operation's conclusions, and every
// representative of that operation then splits (measured: contested N = 100,
// every precluded(op, s) split into all 20 states).
//
// Cases the tests pin (tests/solver/soundness_test.cpp, S5-S8): a response
// whose target is contested, a target named only by a claim, collective
// countermeasures through requested_by, self-defence against an armed attack
// by a state nobody names.
#pragma once

#include "ground/rules.hpp"

#include <map>
#include <string>
#include <vector>

namespace imputa::ground {

class GuardedPositions {
public:
  GuardedPositions(const Program& p, const RuleBook& rules);

  // The guard of each rule for `predicate` at position i (in the order of
  // RuleBook::by_head), or nullptr if the position is not guarded.
  const std::vector<const ast::Atom*>* at(const std::string& predicate, std::size_t i) const;

private:
  enum class Reach : char { unknown, in_progress, clear, blocked };
  bool guard_of(const PreparedRule& r, std::size_t i, const ast::Atom*& guard) const;
  // x at position i of `predicate` meets a positive closed base atom or a
  // number atom somewhere below (a loop counts as meeting one).
  bool blocked(const std::string& predicate, std::size_t i, int depth);

  static constexpr int max_depth = 200;
  const Program& p_;
  const RuleBook& rules_;
  std::map<std::string, std::vector<std::vector<const ast::Atom*>>> guards_; // only guarded positions are non-empty
  std::map<std::string, std::vector<Reach>> reach_;
};

} // namespace imputa::ground
