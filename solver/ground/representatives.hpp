// Representatives: entities the case says nothing about in a rule instance,
// judged once through "<another actor>" (docs/decisions.md, "Solver").
//
// Why this keeps every verdict. In an instance of a rule, a body-only
// variable whose atoms there are open base atoms nobody mentions (or, behind
// such an open link, open descriptions the case states, disputed or not, and
// negated burdens nothing meets for an entity nobody mentions) makes the
// instances for all such entities alike:
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
//      the rest of the case (organ_of(x, rus) in a campaign); the guard
//      of a conclusion the entity is guarded in is such a link one level
//      down (guards.hpp); and
//  (c) under a conclusion a premise bears on, no atom of a covered
//      entity's instance exists elsewhere: a claim reaching it would climb
//      through the entity's own instance to that premise (seed 5789).
//      Elsewhere a claim reaches the entity's atoms only from above,
//      behind its open link: the instance is a possibility
//      (docs/decisions.md, "Possibilities"), and what lies behind it is
//      left out of the claim if it is inconsistent and, if not, changes no
//      verdict, since the open link makes the instance false and (a) makes
//      the disjunction true whatever lies there. So neither a description
//      the case disputes (organised_group(x) with evidence against it) nor
//      a premise's component joined elsewhere keeps the entity apart there
//      (issue 19: each disputed group was a route of every attribution
//      through overall control). Nor does a negated burden of proof about
//      the entity alone that nothing establishes for an entity the case says
//      nothing about (`not military_objective_shown(o)`:
//      RuleBook::unmet_unless_mentioned): the literal holds for the
//      representative and for the fresh entity of (a) alike, and an entity
//      the burden may be met for makes its own instance false, which its
//      open link can do anyway (issue 19: every object a premise calls a
//      military objective sat in every operation's distinction instance).
// Then neither value constrains anything else, exactly like the
// representative's fresh atoms. Representatives::split() checks (a)-(e) once
// all instances are known and gives every entity that breaks them an instance
// of its own; a representative left standing for no entity goes. Where (a)
// or (b) fails, every entity with an atom found elsewhere is split, a
// description the case states included: the argument that lets a described
// entity stay covered needs both (S10).
//
// (d) Under a closed conclusion (`precluded(Op, S)`: it holds only where
// established, docs/semantics.md §1), (a) is not needed. Such a
// conclusion's value is, in every cone, whether its premises entail
// it; and by (b) each covered entity's instance, the representative's
// too, can be made false through an open link of its own that nothing
// else holds, all of them at once, in any model: entailment is then
// decided by the other instances alone, with or without the covered
// entities' (and what lies behind their links is a possibility, left
// out if inconsistent, as in (c)). (Issue 19: `holds attributable(op_7,
// S)` grounds op_7's attribution to every state, so no state was fresh
// for the target T of `lawful_countermeasure(op_1608, S, T)` below
// `precluded(op_1608, st_16)`, and op_1608's burden was weighed
// against all 200 states of the campaign: a cone of 9,627 atoms, 910
// now.)
//
// (e) "Possibility" is the judge's word (judge/cones.cpp, loose_atoms): a
// body holding a loose link, an atom nobody names that occurs only as a
// positive condition anywhere in the ground program. So (b) and (c) read
// as open links only the representative's links that its instance holds
// only as positive conditions, through the conclusions it passes through
// (S11); a covered entity whose open links all exist and are no loose
// links (negated by some rule, named by a premise or claim) is split,
// since its instance is no possibility where the representative's is
// (S13); and so is one with an atom, negated in the instance, that is a
// loose link elsewhere: its own instance would make that atom no loose
// link there, so judging it apart turns another claim's possibility into
// a condition (S12), "elsewhere" including another representative's
// instance, where the two would meet in one atom (S14).
// In S13's test only the representative's links that are loose links
// count: one that another instance negates is none for the representative
// either, and where none is left its instance is no possibility, so the
// fallback splits every entity with an atom found elsewhere (S30: a
// disputed description, p3(op2), behind p1(<another operation>, a3), which
// d2(a3)'s instance negates).
//
// (f) One name stands for one entity at a time. Where two conclusions
// must hold in one model and each can rest on an entity nobody names, one
// representative makes both rest on the same one, which then meets the
// conditions of both; judging apart, two entities can each meet their own
// (S15, S18: two stated attributions by unnamed actors made the one
// `<another actor>` an organ of both states). So each of them gets a
// witness: one covered entity with an instance of its own beside the
// representative's, which still stands for the others (none where it
// stands for one entity only: it is that entity). Two conclusions are
// needed together where a premise may make both true (a fact, supporting
// evidence, an assumption), where a claim mentions them (its models and
// counter-models may each need them true), or below one body of a
// conclusion so needed: under two of its conditions, or one under the
// representative's own body of the other (S21); not under two alternative
// bodies of one conclusion (one is enough), nor only through a condition
// the two share (it has one body in a model). And only where their
// representatives' atoms can meet: atoms with a representative joined by
// a body that holds both or by a conclusion and its body, the only
// constraints on atoms nobody names; otherwise one name and two read
// alike (the object a critical-infrastructure instance needs and the one a
// distinction instance needs never meet in the library). A witness is an
// entity of the domain like any other, so a conclusion that needs the same
// unnamed entity as another sees it (S17), and the rules above split it
// off wherever its atoms are found. Its instance is marked
// (Body::witness): a report names the representative wherever one entity
// nobody names will do (GroundProgram::witness_atoms). Neither corpus of
// bench/ has such a pair; the held-out campaign of 1,000 operations has
// some (a countermeasure and the operation it answers, each attributable
// through an actor nobody names): 6 % more ground atoms there.
//
// (g) Upwards the judge cuts nothing: an atom in a claim's firm part lifts
// every conclusion a claim reaches whose body holds it into that part
// (judge/premises.cpp, component()). A covered entity's atom that a fact
// joins to other atoms (`p3(x1) or not p0(a2)`) can be in a claim's firm
// part through that fact; judging apart it then lifts the head through the
// entity's own instance, and with it whatever the head's other bodies hold,
// where the representative's instance lifts nothing. So under a conclusion
// a claim reaches, such an entity has its own instance (S23). An atom that
// only single premises name (a disputed `organised_group(g)`) is not
// joined to anything by them, and stays covered as (c) allows.
//
// (h) The same one conclusion down: a conclusion the representative's
// instance passes it into (`not d0(<another actor>)`) may have a body
// holding an atom without the representative that a fact joins to others
// (`p3(op1)`). Judging apart, that atom, firm through the fact, lifts each
// entity's own conclusion (d0(a0)) into the claim's firm part, and with it
// that conclusion's body, whose atoms with the entity in the
// representative's place may be held elsewhere (p2(a0, a0), by a stated
// conclusion's body). So under a conclusion a claim reaches, an entity
// whose atom there exists has its own instance (S24). Like (g), it looks at
// nothing where no fact joins atoms; a version that looked wherever such a
// body shares an atom with another body (not only through a fact) split
// entities all over the library's attribution routes (docs/decisions.md).
//
// (i) One atom with the representative, two instances: where an instance
// binds an entity to another variable (`d0(a2) if p2(A, a4), A != a2`),
// its representative stands for fewer entities than the same atom does in
// an instance that covers that entity (the stated `d0(a3)`'s, where
// p2(<another actor>, a4) stands for a2 too). Judging apart, a premise on
// the second can be met through that entity alone (p2(a2, a4)), which the
// first cannot use; the shared atom met both. So under a conclusion a
// premise bears on, an entity that another instance holding one of the
// representative's atoms is bound to has its own instance (S27). Bindings
// name few entities, and the library's shared atoms (performed_by(op,
// <another actor>) in each state's attribution) bind operations and
// states, not the actors they cover.
//
// (j) Two representatives in different places of one atom: `p1(op0,
// <another actor>)` in d1(op0, a0)'s instance and `p1(<another operation>,
// a0)` in d0(a0)'s both stand for p1(op0, a0), where judging apart the two
// instances meet. (a) and (b) look only at atoms that exist, and (c) only
// under a conclusion a premise bears on; under a claim alone (`not d1(op0,
// a0) or d0(a0)`) the meeting decides the verdict (S28). So an entity whose
// atom, not grounded itself, another instance stands for through a
// representative in another place has its own instance where one claim
// grounding reaches both heads, as (a'2) reads reaching. Only a
// representative the other instance covers entities with counts, not one
// in its head: `organ_of(ac_1, <another state>)` below attributable(op,
// <another state>) (a claim's free variable) stands only for the states
// without a head of their own. Nor does one in the same place under its
// other name (`<yet another state>` where the head took the first): the
// contested corpus of 1,000 then grounds 197,063 atoms instead of 58,830
// (docs/decisions.md). And under a closed conclusion an entity with an
// open link of its own is left as (d) leaves it: its instance can be false
// through that link whatever it meets further down (a countermeasure's
// target state, whose attribution's `overall_control_over(<another
// state>, ac_x)` meets another attribution's `overall_control_over(st_k,
// <another actor>)`).
//
// "Elsewhere" is read where it matters: in the cone of a claim grounding
// that holds the instance's head (docs/semantics.md §4; the judge encodes
// nothing else for it, and every premise set it builds is a part of that
// cone). In (a), in (b) for a link, and in (c), an atom x of a covered
// entity's instance that exists in the ground program does not count as
// found elsewhere when x is free (Representatives::Freedom::frees), which
// needs the head not to be under a conclusion a premise bears on (then any
// existing atom counts, as (c) says) and x to be, with no premise or claim
// on it and no accusation's naive origin:
//  (a'1) a closed base atom that connects nothing: false in every cone by
//        its presumption (§1), as the representative's own atom is; or
//  (a'2) an open base atom that connects nothing, every conclusion holding
//        which (through a rule that can be in force with this one: rules of
//        two alternatives of one doctrine family never are) is reached, by
//        following conditions down, by no claim grounding that reaches the
//        head. A conclusion holding x is then unconstrained (x connects
//        nothing), so it enters a cone only from that cone's claim
//        downwards, and no cone holding the head holds it: there x occurs
//        in the entity's instances only, exactly as the representative's
//        fresh atom does. (Issue 19: `holds attributable(op, S)` names, for
//        each state, its organs and proxies in one instance each, so
//        performed_by(op, e) exists for every actor and, before, no
//        attribution of op to any other state had a fresh entity: the
//        fallback split every entity, 53,765 atoms for `corpus 200 2`
//        against 9,843 now, as `imputa check` grounds it.) Or
//  (a'3) a conclusion no premise constrains whose completion is the
//        representative's own, entity for entity (the same rules, the same
//        literals with the entity in the representative's place), over
//        atoms that are (a'1) or (a'2) with x the only conclusion in a cone
//        with the head that holds them, and x itself as (a'2): the whole
//        definition is then private to the entity's instance in every cone
//        holding the head (military_objective_shown(o) for an object
//        another operation was directed at).
// Every claim grounding reaching an atom is counted, up to
// GroundOptions::reach_budget entries over the whole program: the walk costs what
// judging the claims' cones costs anyway. Past the budget, the atom being
// reached and all below it count as reached by every claim (never free):
// safe and costly, since every entity found below is then split off every
// representative it meets. A cap per atom (8, then 512) did that wherever
// more claims reached one conclusion: 513 groundings of `attributable(Op,
// st_1) and attributable(op_7, st_1)` split every actor of a campaign of
// 1,000 operations and it was refused with E013
// (GroundingSize.ManyClaimsOnOneConclusionGroundNoMoreThanOne).
//
// Cases the tests pin (tests/solver/soundness_test.cpp):
//  S1: `q(O) if pb(O, Y)` with `fact not q(o)` and a claim on r(a) through
//      `r(Y) if pb(o, Y)`: pb(o, a) is in r(a)'s instance, so "not q(o)" must
//      reach it (REFUTED, not NOT_ESTABLISHED): a breaks (b).
//  S2: one representative per instance of the other variables (per head,
//      rule and variable, the first instance, with a false body, hid the one
//      with size(a2) = 7); and an entity another variable of the instance is
//      bound to is never "another" (allied(a, a) is not allied(a, <another>)).
//  S9: (d), a closed conclusion over a state every claim names.
//  S10: (a) under an open conclusion: no entity fresh, a described entity
//      may not stay with the representative.
//  S11 to S14, S20: (e).
//  S16: only a variable that shares a condition with another (through
//      others too) names entities for it (rules.hpp, linked).
//  S19: an entity that, put in the representative's place, makes two of
//      the instance's atoms one has its own instance (like S2).
//  S15, S18, S21, S22: (f), stated, supposed by the claim, nested, and one
//      of each; S17: a witness is seen by another conclusion.
//  S23: (g). S24: (h). S25, S26: (c), an atom another representative
//      stands for. S27: (i). S28: (j). S29: an equality with a variable
//      bound to a representative binds to it (ground/instantiate.cpp).
//  S30: (e), only the links that make the representative's instance a
//      possibility count, and without one the fallback splits.
// The reference is GroundOptions::shortcuts = false (every entity apart);
// tests/solver/generated_cases_test.cpp compares the two on random cases.
#pragma once

#include "ground/builder.hpp"
#include "ground/case_index.hpp"

#include <deque>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
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
// (`organised_group(x)`, even disputed; not a closed predicate) or a negated
// burden nothing meets for an unmentioned entity (`not
// military_objective_shown(o)`).
// Two such variables at once: nullopt (judged one by one).
std::optional<std::pair<std::string, bool>> anonymous_variable(const Program& p, const RuleBook& rules,
                                                               const CaseIndex& index, const PreparedRule& r,
                                                               const Binding& b);

class Representatives {
public:
  // `reach_budget`: GroundOptions::reach_budget.
  Representatives(std::size_t reach_budget, bool witnesses) : reach_budget_(reach_budget), witnesses_(witnesses) {}

  // Claims the representative's instance of `r` for `head` under `b` (all
  // but `var`): false if one was claimed already (judged once).
  bool claim(AtomId head, std::size_t rule, const Binding& b, const std::string& var);
  bool claimed(AtomId head, std::size_t rule, const Binding& b, const std::string& var) const;

  // Remembers the representative's emitted instance (`b` binds `var` to it).
  void record(AtomId head, const PreparedRule& r, const Binding& b, const std::string& var, const Body& body,
              const GroundProgram& g, const RuleBook& rules, const CaseIndex& index);

  // Gives each covered entity that breaks (a)-(i) its own instance. Returns
  // whether any was added (new atoms then need expanding).
  bool split(const Program& p, const RuleBook& rules, const CaseIndex& index, Builder& builder);

  // Once grounding is done: GroundProgram::witness_atoms, the base atoms
  // that what a premise or claim mentions reaches only through a witness's
  // instance (Body::witness), where the representative still stands.
  void mark_witnesses(const CaseIndex& index, GroundProgram& g) const;

private:
  struct Record {
    AtomId head = 0;
    const PreparedRule* rule = nullptr;
    Binding binding; // the variable bound to the representative
    std::string var, rep;
    std::vector<AtomId> atoms; // of the representative's body
    std::vector<AtomId> links; // its open links: positive open base atoms with the representative
    std::vector<AtomId> negated; // atoms with the representative its body holds other than as a positive condition
    // Links one level down: the guard of a conclusion the representative is
    // guarded in (guards.hpp), looked up once the conclusion is expanded.
    std::vector<std::pair<std::string, std::vector<std::string>>> guard_links;
    bool retired = false;
    bool witnessed = false; // (f): one covered entity has been given an instance of its own
    std::string witness{};  // that entity, when its instance was made for (f) alone (Body::witness)
  };
  class Covered;
  // (a'): by atom id, as the ground program stood when a round began.
  struct Freedom {
    struct Reach {
      std::vector<std::uint32_t> claims; // claim groundings reaching the atom, ascending
      bool many = false;                 // past the budget: reached by every claim, as far as we know
      // Some claim grounding reaches both.
      bool meets(const Reach& other) const;
    };
    // What an atom nobody mentions is: a closed base atom that connects
    // nothing (false everywhere), an open one, or a conclusion no premise
    // constrains.
    enum class Quiet : char { no, closed, open, derived };
    std::vector<Quiet> quiet;
    // Of a quiet atom: the conclusions with a body holding it, and the body's rule.
    std::vector<std::vector<std::pair<AtomId, std::size_t>>> parents;
    std::vector<std::set<std::size_t>> exclusive; // by rule: the rules never in force with it (one doctrine family)
    std::vector<Reach> reach;
    // A loose link as the judge reads it (judge/cones.cpp, loose_atoms): an
    // open base atom nobody names that occurs only as a positive condition.
    std::vector<char> loose;
    // (g): an atom that a fact joins to other atoms (`p3(x1) or not p0(a2)`),
    // and the predicates of such atoms (usually none: then (g) looks at nothing).
    std::vector<char> joint;
    std::set<std::string> joint_predicates;
    // (j): an atom a body holds with a representative its head does not
    // have (one an instance covers entities with), and by predicate the
    // places where such an atom has one (a bit per place; usually absent).
    std::vector<char> body_rep;
    std::unordered_map<std::string, unsigned> body_rep_places;
    // (j): of such an atom, the claim groundings reaching a conclusion with a
    // body that holds it with a representative the head does not have,
    // merged (found when first asked for).
    const Reach& covering_reach(const GroundProgram& g, AtomId a) const;
    mutable std::deque<Reach> covering_reach_;          // stable references
    mutable std::vector<std::uint32_t> covering_index_; // by atom: 1 + its place there, 0 before it is found
    // (j): by atom with a representative and its place (atom * 8 + place),
    // the atoms that stand for it with an entity in that place through a
    // representative elsewhere (Covered::stood_for_across; found when first
    // asked for).
    using Across = std::vector<std::pair<std::string, AtomId>>;
    mutable std::unordered_map<std::uint64_t, Across> across;
    // No claim grounding that reaches `head` reaches a conclusion holding
    // `a` (other than `except`) through a rule in force with `rule`.
    bool separated(AtomId a, AtomId head, std::size_t rule, std::optional<AtomId> except = std::nullopt) const;
    // `found`, entity `e`'s atom that exists where the representative `rep`
    // has `twin`, leaves `e` as free as the representative in every cone
    // holding `head` (the argument at the top).
    bool frees(const GroundProgram& g, AtomId found, AtomId twin, const std::string& e, const std::string& rep,
               AtomId head, std::size_t rule, bool above) const;
  };

  Freedom free_atoms(const Program& p, const RuleBook& rules, const CaseIndex& index, const Builder& builder,
                     const std::vector<char>& connects, const std::vector<char>& constrained) const;
  // (f): by record, whether its conclusion may have to be true in one model
  // with another conclusion that a representative of the same type can carry.
  std::vector<char> needing_witness(const Program& p, const GroundProgram& g) const;
  // The bodies of representatives that go in a round, found by a key per
  // conclusion built once, marked Body::gone and removed at its end.
  class Going;
  // (i): by record whose head is under a conclusion a premise bears on, the
  // entities that another record holding one of its atoms with the
  // representative is bound to (so that the atom stands for fewer there).
  std::vector<std::set<std::string>> bound_where_shared(const std::vector<char>& constrained,
                                                        const GroundProgram& g) const;
  bool split_one(Record& rec, const RuleBook& rules, Builder& builder, std::size_t known,
                 const std::vector<char>& constrained, const Freedom& freedom, bool witness,
                 const std::set<std::string>& bound_elsewhere, Going& going);

  // By rule: the entity (a) last found for one of its representatives, tried
  // first for the next (Covered::fresh_one).
  std::unordered_map<std::size_t, std::string> fresh_hint_;

  std::size_t reach_budget_; // entries of every Freedom::Reach::claims together
  bool witnesses_;           // GroundOptions::witnesses
  std::vector<Record> records_;
  TextSet claimed_; // instance_key without the represented variable
};

// Atoms through which a premise's component reaches further: conclusions
// (their completions link them to their bodies), atoms of a fact with more
// than one atom, and conditions of a conclusion that a premise bears on, or
// one above it (the conclusions a claim's cone follows upwards). With
// `constrained_out`: the conclusions a premise bears on, or one above.
std::vector<char> connecting_atoms(const Program& p, const GroundProgram& g, std::vector<char>* constrained_out);

} // namespace imputa::ground
