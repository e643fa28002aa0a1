// Representatives: entities the case says nothing about in a rule instance,
// judged once through "<another actor>" (docs/decisions.md, "Solver").
//
// Why this keeps every verdict. In an instance of a rule, a body-only
// variable whose atoms there are open base atoms nobody mentions (or, behind
// such an open link, open descriptions the case states and could not
// contest) makes the instances for all such entities alike:
// `performed_by(op, x), organ_of(x, s)` is one open question for every such
// x. One instance with a representative stands for their disjunction, and
// reports stay readable ("proving performed_by(op, <another actor>) and
// organ_of(<another actor>, s) would establish it"). That disjunction takes
// exactly the values the representative's instance can take, whatever the
// rest of the case says, when:
//  (a) some covered entity has none of its atoms there (through the
//      conclusions it passes through, too) anywhere else in the ground
//      program, so the disjunction can be true through it alone;
//  (b) every covered entity has an open link of its own there (a positive,
//      open base atom no other instance, claim or premise grounds), so each
//      instance can be false through it, whatever the atoms it shares with
//      the rest of the case (organ_of(x, rus) in a campaign); and
//  (c) no atom of a covered entity's instance joins, elsewhere, the
//      component of a premise (connecting_atoms): such an atom links the
//      instance, and the claims above it, to that premise
//      (docs/semantics.md §4), as p(op0) in `d1(O, B) if p(O), ..., not p(O)`
//      links a conflict with the fact d1(op0, a3) to every instance that
//      needs p(op0). Under a conclusion a premise bears on, any atom of the
//      entity's there that exists elsewhere counts: a claim reaching it climbs
//      to the premise through the entity's own instance (seed 5789).
// Then neither value constrains anything else, exactly like the
// representative's fresh atoms. Representatives::split() checks (a)-(c) once
// all instances are known and gives every entity that breaks them an instance
// of its own; a representative left standing for no entity goes.
//
// Cases the tests pin (tests/solver/soundness_test.cpp):
//  S1: `q(O) if pb(O, Y)` with `fact not q(o)` and a claim on r(a) through
//      `r(Y) if pb(o, Y)`: pb(o, a) is in r(a)'s instance, so "not q(o)" must
//      reach it (REFUTED, not NOT_ESTABLISHED): a breaks (b).
//  S2: one representative per instance of the other variables (per head,
//      rule and variable, the first instance, with a false body, hid the one
//      with size(a2) = 7); and an entity another variable of the instance is
//      bound to is never "another" (allied(a, a) is not allied(a, <another>)).
// The reference is GroundOptions::shortcuts = false (every entity apart);
// tests/solver/generated_cases_test.cpp compares the two on random cases.
#pragma once

#include "ground/builder.hpp"
#include "ground/case_index.hpp"

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace imputa::ground {

// The variable of this instance (bound in `b`) that a representative can
// stand for, and whether the case says nothing at all about its value (true)
// or only describes it behind an open link (false, decided once the head's
// instances are all known). A variable qualifies when it occurs only in base
// atoms and in no comparison that tells its values apart, and either no
// premise or claim mentions any atom it occurs in, or none mentions an atom
// linking it to the instance's other entities, one such link is a
// condition, and what the case says about the entity alone is open to proof
// (`organised_group(x)`; not a closed predicate, and not contested).
// Two such variables at once: nullopt (judged one by one).
std::optional<std::pair<std::string, bool>> anonymous_variable(const Program& p, const RuleBook& rules,
                                                               const CaseIndex& index, const PreparedRule& r,
                                                               const Binding& b);

class Representatives {
public:
  // Claims the representative's instance of `r` for `head` under `b` (all
  // but `var`): false if one was claimed already (judged once).
  bool claim(AtomId head, std::size_t rule, const Binding& b, const std::string& var);
  bool claimed(AtomId head, std::size_t rule, const Binding& b, const std::string& var) const;

  // Remembers the representative's emitted instance (`b` binds `var` to it).
  void record(AtomId head, const PreparedRule& r, const Binding& b, const std::string& var, const Body& body,
              const GroundProgram& g, const RuleBook& rules);

  // Gives each covered entity that breaks (a)-(c) its own instance. Returns
  // whether any was added (new atoms then need expanding).
  bool split(const Program& p, const RuleBook& rules, const CaseIndex& index, Builder& builder);

private:
  struct Record {
    AtomId head = 0;
    const PreparedRule* rule = nullptr;
    Binding binding; // the variable bound to the representative
    std::string var, rep;
    std::vector<AtomId> atoms; // of the representative's body
    std::vector<AtomId> links; // its open links: positive open base atoms with the representative
    bool retired = false;
  };
  class Covered;

  bool split_one(Record& rec, const RuleBook& rules, const CaseIndex& index, Builder& builder,
                 const std::vector<char>& connects, const std::vector<char>& constrained);

  std::vector<Record> records_;
  std::unordered_set<std::string> claimed_; // instance_key without the represented variable
};

// Atoms through which a premise's component reaches further: conclusions
// (their completions link them to their bodies), atoms of a fact with more
// than one atom, and conditions of a conclusion that a premise bears on, or
// one above it (the conclusions a claim's cone follows upwards). With
// `constrained_out`: the conclusions a premise bears on, or one above.
std::vector<char> connecting_atoms(const Program& p, const GroundProgram& g, std::vector<char>* constrained_out);

} // namespace imputa::ground
