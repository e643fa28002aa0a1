// The smallest cases of issue 14 (engine soundness on multi-entity cases),
// each with the verdict docs/semantics.md gives it, judged both with the grounding
// shortcuts and with every entity apart (the reference).
#include "solver_helpers.hpp"

#include <chrono>

namespace imputa::testing {
namespace {

// The claim's verdict with shortcuts, after checking every entity apart agrees.
std::string verdict_both_ways(const std::string& text, const std::string& claim) {
  JudgeOptions quick;
  quick.reasons = false;
  quick.check_apart_up_to = 0; // the shortcuts alone, not the judge's check of them
  JudgeOptions apart = quick;
  apart.every_entity_apart = true;
  std::string with = judge_text(text, quick).verdict(claim);
  std::string reference = judge_text(text, apart).verdict(claim);
  EXPECT_EQ(with, reference) << claim << " differs with and without the shortcuts\n" << text;
  return with;
}

// The claim's verdict with the shortcuts but without witnesses
// (representatives.hpp, (f)): what the shortcut said before 3 Dec 2026.
std::string verdict_without_witnesses(const std::string& text, const std::string& claim) {
  JudgeOptions o;
  o.reasons = false;
  o.check_apart_up_to = 0;
  o.witnesses = false;
  return judge_text(text, o).verdict(claim);
}

// Each grounding's verdict, "X=a:established", in binding order.
std::vector<std::string> grounding_verdicts(const std::string& text, const std::string& claim, bool apart = false) {
  JudgeOptions o;
  o.reasons = false;
  o.every_entity_apart = apart;
  o.check_apart_up_to = 0;
  auto j = judge_text(text, o);
  std::vector<std::string> out;
  const ClaimReport* c = j.find(claim);
  if (!c) return {"<no claim>\n" + j.errors()};
  for (const auto& g : c->groundings) {
    std::string key;
    for (const auto& [var, value] : g.bindings) key += var + "=" + value + " ";
    out.push_back(key + std::string(to_string(g.verdict)));
  }
  return out;
}

// S1: the representative for Y in q(o)'s instance stood for a too, although
// pb(o, a) occurs in r(a)'s instance: the link through pb(o, a) was cut.
TEST(Soundness, S1RepresentativeDoesNotStandForAnEntityUsedElsewhere) {
  const std::string text = R"(
actor a "". actor b "". operation o "".
predicate pb(operation, actor) "". predicate q(operation) "". predicate r(actor) "".
rule r1 "": q(O) if pb(O, Y).
rule r2 "": r(Y) if pb(o, Y).
fact not q(o).
claim c1 "" { holds r(a) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "refuted");
  EXPECT_EQ(verdict_both_ways(text + "fact r(a).\n", "c1"), "inconsistent");
}

// S2: one representative per (head, rule, variable) kept the first instance
// of O (with Y = a1, a false body) and hid the one with Y = a2.
TEST(Soundness, S2OneRepresentativePerInstanceOfTheOtherVariables) {
  const std::string text = R"(
actor a1 "". actor a2 "". operation o1 "".
predicate funds(actor, actor) "". predicate covert(operation) "". predicate size(actor): number "". predicate cx(actor) "".
rule r1 "": cx(X) if size(Y) >= 6, covert(O), funds(X, Y).
fact size(a1) = 4. fact size(a2) = 7.
claim c1 "" { holds not cx(a1) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "not_established");
}

// S3: "nothing can make it true" compared the placeholder of an unbound
// argument with the head constant a1, so allied(a1, _) looked impossible.
TEST(Soundness, S3HeadConstantsMatchAnUnboundArgument) {
  const std::string text = R"(
actor a1 "". actor a2 "". operation o "".
predicate pb(operation, actor) "". predicate allied(actor, actor) "". predicate cx(actor) "".
rule r1 "": allied(X, a1) if pb(o, X).
rule r2 "": cx(X) if allied(X, Y).
claim c1 "" { holds not cx(a1) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "not_established");
}

// S4: cx(a2) is stipulated but needs sh(a2), which needs the closed listed(a2)
// that nothing states; the completion of cx(a2) links allied(a1, a2) to that
// conflict, so the claim is INCONSISTENT (§4), not cut off from it.
TEST(Soundness, S4FalseConclusionsKeepTheirLinks) {
  const std::string text = R"(
actor a1 "". actor a2 "".
predicate allied(actor, actor) "". predicate listed(actor) closed "". predicate sh(actor) "". predicate cx(actor) "".
rule r1 "": sh(X) if listed(X).
rule r2 "": cx(X) if sh(X), allied(Y, X).
fact cx(a2).
claim c1 "" { holds allied(a1, a2) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "inconsistent");
}

// S13: g's open link perf(o, g) is its own (only a claim elsewhere reaches
// the rule that negates it), but that rule makes it no loose link: g's
// instance is no possibility, so the sources' conflict over org(g) is c1's.
TEST(Soundness, S13AnOwnLinkSomeRuleNegatesIsNoPossibility) {
  const std::string text = R"(
actor g "". actor h "". operation o "".
predicate perf(operation, actor) link "".
predicate org(actor) "".
predicate cand(actor) "".
predicate att(operation) "".
predicate other(actor) "".
rule r1 "": att(O) if perf(O, X), org(X).
rule r2 "": other(X) if cand(X), not perf(o, X).
fact org(g).
fact f2: not org(g).
fact cand(g).
claim c1 "" { holds att(o) }
claim c2 "" { holds other(g) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "inconsistent");
}

// A representative for A8 must not stand for the entity A7 is bound to:
// with A8 = A7 the instance reads org(a), which the case settles.
TEST(Soundness, RepresentativeDoesNotSwallowAnEntityBoundInTheSameInstance) {
  const std::string text = R"(
actor a "". actor b "". actor c "".
predicate org(actor) "". predicate allied(actor, actor) "". predicate complicit(actor) "".
rule r1 "": complicit(A7) if not org(A8), allied(A7, A8).
fact allied(a, a).
fact not org(b). fact not org(c).
fact org(a) or allied(a, b) or allied(a, c).
claim c1 "" { holds complicit(a) }
)";
  // If allied(a, b) or allied(a, c), complicit; otherwise org(a) and allied(a, a):
  // not org(a) fails, so complicit(a) is not established either way... unless
  // one of the others holds. Both models exist: NOT_ESTABLISHED.
  EXPECT_EQ(verdict_both_ways(text, "c1"), "not_established");
  // With org(a) denied, allied(a, a) and not org(a) make it hold.
  EXPECT_EQ(verdict_both_ways(text + "fact not org(a).\n", "c1"), "established");
}

// The cone is taken on the premises in force for each claim (§4): rules of
// its doctrines and not dropped, facts kept, an accusation's exclusions.
TEST(Soundness, ConePerClaimSetting) {
  const std::string text = R"(
doctrine mode = strict | lenient "".
actor a "". actor b "". operation o1 "". operation o2 "".
predicate harm(operation): number "". predicate controls(actor, actor) link "". predicate big(operation) "". predicate flagged(operation) "".
rule r1 "": big(O) if harm(O) > 5.
rule r2 "" when mode = lenient: flagged(O) if big(O), big(o1).
fact harm(o1) = 2. fact big(o1). fact f1: controls(a, b) or big(o1).
claim c_doctrine "" { holds not flagged(o2) }
claim c_drop_rule "" { holds not flagged(o2) under mode = lenient drop r2 }
claim c_drop_fact "" { holds not controls(a, b) drop f1 }
claim c_accusation "" { holds not controls(a, b) as accusation }
)";
  EXPECT_EQ(verdict_both_ways(text, "c_doctrine"), "established");
  EXPECT_EQ(verdict_both_ways(text, "c_drop_rule"), "established");
  EXPECT_EQ(verdict_both_ways(text, "c_drop_fact"), "not_established");
  EXPECT_EQ(verdict_both_ways(text, "c_accusation"), "not_established");
  // Under lenient, r2 connects flagged(o2) to big(o1) and its conflict.
  EXPECT_EQ(verdict_both_ways(text + "claim c_lenient \"\" { holds not flagged(o2) under mode = lenient }\n", "c_lenient"),
            "inconsistent");
}

// Evidence below the claim's standard connects nothing: the conflict it
// would join is not the claim's.
TEST(Soundness, EvidenceBelowTheStandardConnectsNothing) {
  const std::string text = std::string(standards_block()) + R"(
actor a "". operation o "".
predicate p(operation) "". predicate q(operation) "". predicate both(operation) "".
rule r1 "": both(O) if p(O), q(O).
fact both(o). fact not q(o).
evidence e1 intelligence "" { supports p(o) confidence 0.6 }
claim c_high "" { holds p(o) standard beyond_reasonable_doubt }
)";
  // p(o) itself is connected to both(o) through r1 in any case: inconsistent.
  EXPECT_EQ(verdict_both_ways(text, "c_high"), "inconsistent");
  const std::string apart = std::string(standards_block()) + R"(
actor a "". operation o "". operation o2 "".
predicate p(operation) "". predicate q(operation) "". predicate link2(operation, operation) "".
fact q(o2). fact not q(o2) or not link2(o, o2).
evidence e1 intelligence "" { supports link2(o, o2) confidence 0.6 }
evidence e2 intelligence "" { supports p(o) confidence 0.99 }
claim c_low "" { holds p(o) or link2(o, o2) standard preponderance }
claim c_high "" { holds p(o) or link2(o, o2) standard beyond_reasonable_doubt }
)";
  EXPECT_EQ(verdict_both_ways(apart, "c_low"), "inconsistent");
  EXPECT_EQ(verdict_both_ways(apart, "c_high"), "established");
}

// §1: a closed derived atom is true exactly when it is established on the
// same premises, facts included: the fact excused(a) establishes it.
TEST(Soundness, BurdenOfProofReadsEveryPremise) {
  const std::string text = R"(
actor a "". state s "".
predicate organ_of(actor, state) "". predicate excused(actor) closed "".
rule r1 "": excused(X) if organ_of(X, s).
fact excused(a).
claim c1 "" { holds excused(a) }
claim c2 "" { holds organ_of(a, s) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "established");
  // Not established without the fact: presumed false.
  const std::string open = R"(
actor a "". state s "".
predicate organ_of(actor, state) "". predicate excused(actor) closed "".
rule r1 "": excused(X) if organ_of(X, s).
claim c1 "" { holds not excused(a) }
)";
  EXPECT_EQ(verdict_both_ways(open, "c1"), "established");
  // A fact that contradicts the atom's own rule makes its premises inconsistent,
  // so it is not established, and the fact conflicts with that.
  EXPECT_EQ(verdict_both_ways(text + "fact not organ_of(a, s).\n", "c1"), "inconsistent");
}

// §1: a closed derived atom has one value in a case, whichever claim asks.
// Deciding excused(a), the premises followed member_of(a, s) up into top(a)
// where a claim's cone held it (c2's does, through guard(a)) and so took in
// the conflict over w(a) below it: excused(a) was established for c1 and
// "not shown" for c2. top(a) is a conclusion nothing constrains, so it joins
// nothing to excused(a) (docs/decisions.md, "Claims share the burden of proof").
TEST(Soundness, ABurdenOfProofHasOneValueWhicheverClaimAsks) {
  const std::string text = R"(
actor a "". state s "".
predicate member_of(actor, state) "". predicate excused(actor) closed "".
predicate w(actor) "". predicate top(actor) "". predicate guard(actor) closed "".
rule r1 "": excused(X) if member_of(X, s).
rule r2 "": top(X) if member_of(X, s), w(X).
rule r3 "": guard(X) if top(X).
fact member_of(a, s). fact not w(a).
evidence e1 intelligence "" { supports w(a) confidence 0.99 }
claim c1 "" { holds excused(a) }
claim c2 "" { holds excused(a) or guard(a) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "established");
  EXPECT_EQ(verdict_both_ways(text, "c2"), "established");
  // guard(a) itself is decided on the conflict below it: not shown.
  EXPECT_EQ(verdict_both_ways(text + "claim c3 \"\" { holds not guard(a) }\n", "c3"), "established");
}

// Each `_` in a claim is a variable of its own.
TEST(Soundness, EachUnderscoreIsItsOwnVariable) {
  const std::string text = R"(
actor a "". actor b "". operation o "".
predicate pb(operation, actor) "".
fact pb(o, a). fact not pb(o, b).
claim c1 "" { holds pb(o, _) and not pb(o, _) }
)";
  auto v = grounding_verdicts(text, "c1");
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v, grounding_verdicts(text, "c1", true));
  EXPECT_EQ(v[0], "_0=a _1=a refuted");
  EXPECT_EQ(v[1], "_0=a _1=b established");
  EXPECT_EQ(v[2], "_0=b _1=a refuted");
  EXPECT_EQ(v[3], "_0=b _1=b refuted");
}

// A claim variable only in a comparison ranges over every entity.
TEST(Soundness, ComparisonOnlyClaimVariableRangesOverEveryEntity) {
  const std::string text = R"(
actor a "". actor b "". operation o "".
predicate pb(operation, actor) "".
claim c1 "" { holds X != a }
)";
  auto v = grounding_verdicts(text, "c1");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0], "X=a refuted");
  EXPECT_EQ(v[1], "X=b established");
  EXPECT_EQ(v[2], "X=o established");
}

// §1: a variable in a number atom ranges over every entity of its type; an
// entity with no numeric fact has an unknown value.
TEST(Soundness, NumberAtomsRangeOverEveryEntity) {
  const std::string text = R"(
actor a "". operation o1 "". operation o2 "".
predicate harm(operation): number "". predicate big(operation) "". predicate pb(operation, actor) "".
predicate dangerous(actor) "".
rule r1 "": big(O) if harm(O) > 5.
rule r2 "": dangerous(A) if big(O), pb(O, A).
fact harm(o1) = 2.
claim c1 "" { holds dangerous(a) }
claim c2 "" { holds big(o2) and pb(o2, a) and not dangerous(a) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "not_established");
  EXPECT_EQ(verdict_both_ways(text, "c2"), "refuted");
}

// A rule that cannot be in force for any claim is not ground, and grounding
// respects the time limit.
TEST(Soundness, InactiveRuleIsNotGroundAndTimeIsBounded) {
  std::string text = "doctrine mode = strict | lenient \"\".\n"
                     "predicate p(actor, actor, actor) \"\". predicate q(actor) \"\". predicate r(actor, actor) \"\".\n"
                     "rule r1 \"\" when mode = lenient: q(X) if p(X, Y, Z), r(Y, Z), not r(Z, Y), p(Z, Y, X).\n";
  for (int i = 0; i < 60; ++i) text += "actor a" + std::to_string(i) + " \"\".\n";
  text += "claim c1 \"\" { holds not q(a0) }\n";
  JudgeOptions o;
  o.reasons = false;
  o.timeout = std::chrono::milliseconds(1000);
  auto start = std::chrono::steady_clock::now();
  auto j = judge_text(text, o);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(j.verdict("c1"), "established");
  EXPECT_LT(ms, 1500);
}

// Responses (issue 19, F4; solver/ground/guards.hpp): `prec(O, S) if
// att(O, S), cm(O, S, _)` binds `_` to the states a premise or claim names as
// targets of the response, plus one representative standing for the others.
// The rules have the library's shape: cm is guarded in T by tg(O, T), and T
// passes into wrong(P, T), whose rule compares a victim with T (whose
// representative is then "<yet another state>"). Seven states, so that some
// are covered by the representative in each case.
const std::string responses = R"(
state s1 "". state s2 "". state s3 "". state s4 "". state s5 "". state s6 "". state s7 "".
operation p "". operation r "".
predicate resp(operation, operation) closed "". predicate att(operation, state) "".
predicate tg(operation, state) "". predicate hit(operation, state) "".
predicate wrong(operation, state) "". predicate cm(operation, state, state) "".
predicate prec(operation, state) closed "".
rule r_wrong "": wrong(P, T) if att(P, T), hit(P, V), V != T.
rule r_cm "": cm(O, S, T) if resp(O, P), wrong(P, T), att(O, S), tg(O, T).
rule r_prec "": prec(O, S) if att(O, S), cm(O, S, _).
fact resp(r, p). fact att(r, s1).
)";

// S5: the response's target is contested (one of two states, no more): the
// countermeasure is established only if the operation answered is
// attributable to both, and a premise against one target reaches the claim.
// prec is closed: not established, it is false, so a claim on it is refuted
// (docs/semantics.md §1), even where its premises conflict.
TEST(Soundness, S5ResponseWhoseTargetIsContested) {
  const std::string text = responses + "fact tg(r, s2) or tg(r, s3). fact hit(p, s4).\n";
  const std::string both = text + "fact att(p, s2). fact att(p, s3).\n";
  EXPECT_EQ(verdict_both_ways(both + "claim c1 \"\" { holds prec(r, s1) }\n", "c1"), "established");
  EXPECT_EQ(verdict_both_ways(text + "fact att(p, s2).\nclaim c1 \"\" { holds prec(r, s1) }\n", "c1"), "refuted");
  EXPECT_EQ(verdict_both_ways(both + "fact not tg(r, s2).\nclaim c1 \"\" { holds prec(r, s1) }\n", "c1"),
            "established");
  EXPECT_EQ(verdict_both_ways(both + "fact not tg(r, s2). fact not tg(r, s3).\nclaim c1 \"\" { holds prec(r, s1) }\n", "c1"),
            "refuted");
}

// S6: a target named only by a claim (no premise on tg(r, s3)): s3 is judged
// on its own, and the claim on the countermeasure against it stays open.
TEST(Soundness, S6TargetNamedOnlyByAClaim) {
  const std::string text = responses + "fact att(p, s3). fact hit(p, s4).\n"
                                       "claim c1 \"\" { holds cm(r, s1, s3) }\n"
                                       "claim c2 \"\" { holds not prec(r, s1) }\n"
                                       "claim c3 \"\" { holds cm(r, s1, T) }\n";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "not_established");
  EXPECT_EQ(verdict_both_ways(text, "c2"), "established");
  auto v = grounding_verdicts(text, "c3");
  EXPECT_EQ(v, grounding_verdicts(text, "c3", true));
  ASSERT_EQ(v.size(), 7u);
  EXPECT_EQ(v[2], "T=s3 not_established"); // tg(r, s3) is open
  EXPECT_EQ(verdict_both_ways(text + "fact tg(r, s3).\n", "c1"), "established");
}

// S7: collective countermeasures: a state other than the injured one acts at
// its request (requested_by), a body-only victim beside the guarded target.
TEST(Soundness, S7CollectiveCountermeasuresWithRequestedBy) {
  const std::string text = R"(
doctrine countermeasures_by = injured | collective "".
state s1 "". state s2 "". state s3 "". state s4 "". state s5 "". state s6 "". state s7 "".
operation p "". operation r "".
predicate resp(operation, operation) closed "". predicate att(operation, state) "".
predicate tg(operation, state) "". predicate req(operation, state) "".
predicate wrong(operation, state) "". predicate entitled(operation, state, operation) "".
predicate cm(operation, state, state) "". predicate prec(operation, state) closed "".
rule r_wrong "": wrong(P, T) if att(P, T), tg(P, V), V != T.
rule r_injured "": entitled(O, S, P) if resp(O, P), tg(P, S).
rule r_collective "" when countermeasures_by = collective: entitled(O, S, P) if resp(O, P), att(O, S), tg(P, V), req(O, V), V != S.
rule r_cm "": cm(O, S, T) if resp(O, P), wrong(P, T), att(O, S), tg(O, T), entitled(O, S, P).
rule r_prec "": prec(O, S) if att(O, S), cm(O, S, _).
fact resp(r, p). fact att(r, s1). fact tg(p, s2). fact att(p, s3). fact tg(r, s3).
)";
  const std::string claims = "claim c1 \"\" { holds prec(r, s1) }\n"
                             "claim c2 \"\" { holds prec(r, s1) under countermeasures_by = collective }\n";
  EXPECT_EQ(verdict_both_ways(text + claims, "c1"), "refuted");
  EXPECT_EQ(verdict_both_ways(text + claims, "c2"), "refuted");
  EXPECT_EQ(verdict_both_ways(text + "fact req(r, s2).\n" + claims, "c1"), "refuted");
  EXPECT_EQ(verdict_both_ways(text + "fact req(r, s2).\n" + claims, "c2"), "established");
}

// S9: a claim with a free state on the operation answered (`holds att(p,
// S)`) grounds att(p, s) for every state, so no state is left that the
// case says nothing about for the target T of cm(r, s1, T); under the
// closed prec(r, s1) the representative still stands for the states
// nobody names as targets (representatives.hpp, (d)): only whether prec is
// entailed counts, and each of their instances can be false through
// tg(r, T). Against every entity apart, with targets stated, disjunctive,
// denied and none.
TEST(Soundness, S9ClosedConclusionOverAStateEveryClaimNames) {
  const std::string text = responses + "fact hit(p, s4).\n"
                                       "claim c0 \"\" { holds att(p, S) }\n"
                                       "claim c1 \"\" { holds prec(r, s1) }\n"
                                       "claim c2 \"\" { holds not prec(r, s1) }\n"
                                       "claim c3 \"\" { holds wrong(p, S) }\n";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "refuted");
  EXPECT_EQ(verdict_both_ways(text, "c2"), "established");
  EXPECT_EQ(grounding_verdicts(text, "c0"), grounding_verdicts(text, "c0", true));
  EXPECT_EQ(grounding_verdicts(text, "c3"), grounding_verdicts(text, "c3", true));
  const std::string stated = text + "fact att(p, s2). fact tg(r, s2).\n";
  EXPECT_EQ(verdict_both_ways(stated, "c1"), "established");
  EXPECT_EQ(verdict_both_ways(stated, "c2"), "refuted");
  const std::string either = text + "fact att(p, s2). fact att(p, s3). fact tg(r, s2) or tg(r, s3).\n";
  EXPECT_EQ(verdict_both_ways(either, "c1"), "established");
  EXPECT_EQ(verdict_both_ways(either + "fact not att(p, s3).\n", "c1"), "refuted"); // conflicting: not established
  EXPECT_EQ(verdict_both_ways(text + "fact att(p, s2). fact tg(r, s2) or tg(r, s5).\n", "c1"), "refuted");
  EXPECT_EQ(verdict_both_ways(text + "fact att(p, s4). fact tg(r, s4).\n", "c1"), "refuted"); // wrong needs V != T
}

// S8: self-defence against an armed attack by a state nobody names: the
// attacker is open, so self-defence is not established; named by a
// disjunction of facts, it is.
TEST(Soundness, S8SelfDefenceAgainstAnUnmentionedAttacker) {
  const std::string text = R"(
state s1 "". state s2 "". state s3 "". state s4 "". state s5 "". state s6 "". state s7 "".
operation p "". operation r "".
predicate resp(operation, operation) closed "". predicate att(operation, state) "".
predicate tg(operation, state) "". predicate aa(operation, state) "".
predicate sd(operation, state, state) "". predicate prec(operation, state) closed "".
rule r_sd "": sd(R, S, T) if resp(R, P), aa(P, S), att(P, T), att(R, S), tg(R, T).
rule r_prec "": prec(O, S) if att(O, S), sd(O, S, _).
fact resp(r, p). fact aa(p, s1). fact att(r, s1).
claim c1 "" { holds prec(r, s1) }
claim c2 "" { holds not prec(r, s1) }
claim c3 "" { holds sd(r, s1, T) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "refuted");
  EXPECT_EQ(verdict_both_ways(text, "c2"), "established");
  EXPECT_EQ(grounding_verdicts(text, "c3"), grounding_verdicts(text, "c3", true));
  const std::string named = text + "fact (att(p, s2) and tg(r, s2)) or (att(p, s3) and tg(r, s3)).\n";
  EXPECT_EQ(verdict_both_ways(named, "c1"), "established");
  EXPECT_EQ(verdict_both_ways(named, "c2"), "refuted");
}

} // namespace
} // namespace imputa::testing

namespace imputa::testing {
namespace {

// Grounding itself stops at the time limit: 60 actors and a claim over all
// of them make 216,000 rule instances; the claim is UNKNOWN soon after the
// limit, not after the whole grounding and encoding.
TEST(Soundness, GroundingStopsAtTheTimeLimit) {
  std::string text = "predicate p(actor, actor, actor) \"\". predicate q(actor) \"\". predicate r(actor, actor) \"\".\n"
                     "rule r1 \"\": q(X) if p(X, Y, Z), r(Y, Z), not r(Z, Y), p(Z, Y, X).\n";
  for (int i = 0; i < 60; ++i) text += "actor a" + std::to_string(i) + " \"\".\n";
  text += "claim c1 \"\" { holds q(X) }\n";
  JudgeOptions o;
  o.reasons = false;
  o.timeout = std::chrono::milliseconds(300);
  auto start = std::chrono::steady_clock::now();
  auto j = judge_text(text, o);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("c1"), "unknown");
  EXPECT_LT(ms, 3000); // the whole grounding takes several seconds
}

} // namespace
} // namespace imputa::testing

namespace imputa::testing {
namespace {

// An entity the case describes (p3(op0)) is not one more "another operation"
// when its description also sits in a conclusion a premise bears on: there
// it joins the conflict of d1(op0, a0). Found by the generated cases (seed
// 2556), when that conflict made e0(a0) INCONSISTENT. It reaches e0(a0) only
// through p1(op0, a0), which nothing mentions (a possibility,
// docs/decisions.md), so it is left out and the claim stays open; with and
// without representatives alike.
TEST(Soundness, RepresentativeKeepsTheLinksOfADescribedEntity) {
  const std::string text = R"(
actor a0 "". operation op0 "". operation op1 "".
predicate p3(operation) "". predicate p1(operation, actor) "". predicate p2(actor) "". predicate d1(operation, actor) "". predicate e0(actor) "".
rule r1 "": d1(O, B) if p3(O), p2(B), not p3(O).
rule r5 "": e0(A) if p3(B), p1(B, A).
fact p3(op0).
fact d1(op0, a0).
claim c0 "" { holds e0(a0) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c0"), "not_established");
  // Once a premise names the link, the conflict is the claim's own.
  EXPECT_EQ(verdict_both_ways(text + "evidence e1 forensic \"\" { supports p1(op0, a0) confidence 0.9 }\n", "c0"),
            "inconsistent");
}

} // namespace
} // namespace imputa::testing

namespace imputa::testing {
namespace {

// Under a conclusion a premise bears on (the fact not e1(op2)), an entity's
// atom that a claim reaches (p0(a2), through d0(a2)) climbs through the
// entity's own instance (d1(op0, a2) in e1(op2)) to the conflict of the
// fact d1(op1, a5): the representative must not cover a2 (seed 5789). The
// conflict reaches c2 only through p1(op2, B1), which nothing mentions (a
// possibility, docs/decisions.md): it is left out, with and without
// representatives alike.
TEST(Soundness, RepresentativeUnderAConstrainedConclusionKeepsExistingAtoms) {
  const std::string text = R"(
actor a0 "". actor a1 "". actor a2 "". actor a3 "". actor a4 "". actor a5 "". actor a6 "". operation op0 "". operation op1 "". operation op2 "".
predicate d0(actor) "". predicate d1(operation, actor) "". predicate e0(actor) "". predicate e1(operation) "".
predicate p0(actor) "". predicate p1(operation, actor) "". predicate p2(actor, actor) "".
rule r0 "": d0(A0) if p0(A0), p2(A0, B1).
rule r1 "": d1(op0, A0) if p0(A0).
rule r3 "": e0(A0) if d0(a2), p2(A0, A0).
rule r4 "": e1(A0) if p1(A0, B1), d1(C2, B1).
fact d1(op1, a5).
fact not e1(op2).
claim c2 "" { holds not e0(a4) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c2"), "not_established");
}

} // namespace
} // namespace imputa::testing

namespace imputa::testing {
namespace {

// A conclusion a claim's cone holds only through a rule the claim does not
// have in force (d1(op2, a0), below e0(a0) through r6, which mode m2 leaves
// out) is not one the claim's component may climb to: nothing constrains it.
// Every entity apart, the component climbed from p2(a1, a1) through r2 to
// d1(op2, a0) and on to the conflict of the fact d2(a0), and c2 was
// INCONSISTENT; with representatives, REFUTED (generated cases, seed 634).
TEST(Soundness, AComponentClimbsOnlyToConclusionsBelowItsClaimInForce) {
  const std::string text = R"(
standard reasonable_suspicion 0.30 "Reasonable suspicion".
standard preponderance 0.51 "More likely than not".
standard clear_and_convincing 0.75 "Clear and convincing".
standard beyond_reasonable_doubt 0.95 "Beyond reasonable doubt".
standard fully_conclusive 0.95 contrary_below 0.40 "Fully conclusive".
doctrine mode = m1 | m2 "".
actor a0 "". actor a1 "". actor a2 "". actor a3 "". operation op0 "". operation op1 "". operation op2 "". operation op3 "". operation op4 "". operation op5 "".
predicate n0(operation): number "".
predicate d0(actor) "".
predicate d1(operation, actor) "".
predicate d2(actor) "".
predicate e0(actor) "".
predicate e1(operation) "".
predicate p0(actor) "".
predicate p1(operation, actor) "".
predicate p2(actor, actor) "".
predicate p3(operation) closed "".
predicate p4(operation, operation) closed "".
rule r0 "": d0(A0) if p2(A0, A0), not p2(A0, A0).
rule r1 "": d0(A0) if p0(A0), p0(a2), n0(N1) >= 2.
rule r2 "" when mode = m2: d1(op2, A0) if p2(A0, B1), not p2(B1, B1).
rule r3 "": d2(a2) if p3(A0), not p1(A0, a1).
rule r4 "": d2(B1) if p1(A0, a1), p2(B1, B1), p3(A0), not p3(A0), n0(A0) < 3.
rule r5 "" when mode = m1: e0(C2) if p4(A0, A0), p4(A0, A0), p4(B1, A0), p2(C2, C2), n0(B1) >= 6.
rule r6 "" when mode = m1: e0(B1) if d1(A0, B1), n0(N2) < 4.
rule r7 "": e1(A0) if p3(A0), p1(A0, B1), not p2(B1, B1), n0(N2) >= 5.
fact d2(a0).
fact f1: not p2(a0, a0) or p0(a2).
fact p3(op3).
fact f3: not p3(op1) or p2(a2, a3).
fact f4: not p2(a0, a0) or p4(op1, op3).
fact p0(a3).
evidence ev0 forensic "" { supports p1(op4, a2) confidence 0.6 }
claim c0 "" { holds p2(a3, a1) and e1(op0) }
claim c1 "" { holds d0(a0) drop f3 standard preponderance }
claim c2 "" { holds p2(a1, a1) and e0(a0) under mode = m2 drop f4 }
claim c3 "" { holds not d0(a2) under mode = m2 }
claim c4 "" { holds p0(_) and p0(_) as accusation standard preponderance }
claim c5 "" { holds not d0(a1) as accusation }
)";
  EXPECT_EQ(verdict_both_ways(text, "c2"), "refuted");
}

} // namespace
} // namespace imputa::testing

namespace imputa::testing {
namespace {

// A negated burden of proof about the entity alone (`not shown(O)`, shown a
// closed conclusion of `mil(O)`) is true for an object the case says nothing
// about, so an object the burden may be met for (evidence on mil(x1), x2)
// is one more "another object" behind the open link directed(op0, O), as a
// described entity is: strikes(op0) has one instance, not one per such
// object (issue 19: 146,654 instances of the library's
// distinction_presumed_civilian_object for a campaign of 4,000 operations).
// An object a premise links to the operation keeps its own instance.
const char* const negated_burden = R"(
standard reasonable_suspicion 0.30 "Reasonable suspicion".
standard preponderance 0.51 "More likely than not".
standard beyond_reasonable_doubt 0.95 "Beyond reasonable doubt".
object x0 "". object x1 "". object x2 "". object x3 "". operation op0 "". operation op1 "".
predicate directed(operation, object) "". predicate mil(object) "". predicate shown(object) closed "".
predicate strikes(operation) "".
rule r1 "": shown(O) if mil(O).
rule r2 "": strikes(Op) if directed(Op, O), not shown(O).
evidence e1 forensic "" { supports mil(x1) confidence 0.9 }
evidence e2 forensic "" { contradicts mil(x1) confidence 0.6 }
evidence e3 forensic "" { supports mil(x2) confidence 0.97 }
fact directed(op1, x1).
claim c0 "" { holds strikes(op0) }
claim c1 "" { holds not strikes(op0) }
claim c2 "" { holds strikes(op1) standard reasonable_suspicion }
claim c3 "" { holds strikes(op1) standard beyond_reasonable_doubt }
)";

TEST(Soundness, ANegatedBurdenAnUnmentionedEntityCannotMeetKeepsTheRepresentative) {
  EXPECT_EQ(verdict_both_ways(negated_burden, "c0"), "not_established");
  EXPECT_EQ(verdict_both_ways(negated_burden, "c1"), "not_established");
  // x1's character is disputed (0.9 for, 0.6 against): not shown at either
  // standard, so op1, directed at it, strikes a civilian object.
  EXPECT_EQ(verdict_both_ways(negated_burden, "c2"), "established");
  EXPECT_EQ(verdict_both_ways(negated_burden, "c3"), "established");
  // A premise on the link: op0 is directed at x2, shown a military objective.
  const std::string linked = std::string(negated_burden) + "fact directed(op0, x2).\n";
  EXPECT_EQ(verdict_both_ways(linked, "c0"), "not_established");
  EXPECT_EQ(verdict_both_ways(linked, "c1"), "not_established");
  // Disputed, it is not shown: the dispute decides the burden, not the claim.
  EXPECT_EQ(verdict_both_ways(linked + "evidence e4 forensic \"\" { contradicts mil(x2) confidence 0.99 }\n", "c0"),
            "established");
  // Under a conclusion a premise bears on, the objects stay apart (c).
  EXPECT_EQ(verdict_both_ways(std::string(negated_burden) + "fact not strikes(op0).\n", "c1"), "established");
}

// The burden asked positively (`shown(O)`, false for the representative)
// is no such literal: x2, shown a military objective, keeps its instance,
// and "not strikes(op0)" stays open through it.
TEST(Soundness, APositiveBurdenKeepsTheEntitiesItMayBeMetForApart) {
  std::string text = negated_burden;
  text.replace(text.find("not shown(O)"), std::string("not shown(O)").size(), "shown(O)");
  EXPECT_EQ(verdict_both_ways(text, "c1"), "not_established");
  for (const char* claim : {"c0", "c2", "c3"}) verdict_both_ways(text, claim);
}

} // namespace
} // namespace imputa::testing

namespace imputa::testing {
namespace {

// (a) of representatives.hpp: h(a3) sits below k(a3), which the claim's
// cone holds (through m(o)) and a premise denies, so a3 is no fresh entity;
// a2 is described (evidence against h(a2)). No entity can make c(o) true:
// `not c(o)` is established every entity apart, and must be with the
// representative too, which may not stand for a2 when no entity is fresh.
TEST(Soundness, S10NoFreshEntityLeavesNoRepresentative) {
  const std::string text = R"(
actor a2 "". actor a3 "". operation o "".
predicate pb(operation, actor) link "". predicate h(actor) link "". predicate c(operation) "".
predicate k(actor) "". predicate m(operation) "". predicate live(operation) "".
rule r1 "": c(O) if pb(O, X), h(X), m(O).
rule r2 "": k(Y) if h(Y).
rule r3 "": m(O) if live(O), not k(a3).
evidence e2 forensic "" { contradicts h(a2) confidence 0.95 }
fact live(o).
fact not k(a3).
claim q "" { holds not c(o) }
)";
  EXPECT_EQ(verdict_both_ways(text, "q"), "established");
}

// S11 and S12: found by IMPUTA_GENERATED_CASES=2500
// IMPUTA_GENERATED_SEED=5001 (seeds 5555 and 6072), reduced by hand. In
// both, a condition some rule also negates was read by the shortcut as a
// mere possibility, a conflict behind it left out, where the judge reads
// no loose link (judge/cones.cpp, loose_atoms). S11: the representative's
// own link is negated in its instance, so it is no open link and op3 (named
// in a fact) is judged apart.
TEST(Soundness, S11ANegatedLinkIsNoPossibility) {
  const std::string text = R"(
doctrine mode = m1 | m2 "".
actor a0 "". actor a3 "". actor a4 "". operation op0 "". operation op3 "".
predicate d0(actor) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p3(operation) "".
rule r0 "" when mode = m1: d0(B1) if p1(A0, B1), p3(A0), not p1(A0, B1).
fact f2: p3(op3) or p2(a3, a3).
fact f3: d0(a4).
claim c0 "" { holds not d0(a0) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c0"), "inconsistent");
}

// S12: a0's instance of d0(a4) negates p2(a0, a4), which c1's conditions
// hold as a loose link: covered, a0 left c1's condition a possibility that
// judging a0 apart does not.
TEST(Soundness, S12AnAtomANegatedRuleNamesIsNoPossibility) {
  const std::string text = R"(
doctrine mode = m1 | m2 "".
actor a0 "". actor a1 "". actor a4 "". actor a6 "". actor a7 "". operation op1 "". operation op2 "".
predicate d0(actor) "".
predicate d1(operation, actor) "".
predicate d2(actor) closed "".
predicate e1(operation) "".
predicate p0(actor) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p3(operation) "".
rule r1 "" when mode = m2: d0(B1) if p2(A0, B1), not p2(A0, B1).
rule r3 "": d1(B1, A0) if p0(A0), p2(a0, a4), p3(B1), not p1(B1, A0).
rule r5 "": d2(A0) if p2(a4, A0), not p3(op1).
rule r8 "": e1(op1) if d2(A0), d0(A0), not d0(A0).
fact p3(op1).
fact f2: not p3(op1).
fact p0(a1).
fact f5: not p1(op1, a7).
claim c0 "" { holds not e1(_) as accusation under mode = m2 drop f5 }
claim c1 "" { holds d1(op2, a6) and d1(op1, a1) under mode = m2 }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "inconsistent");
}

// S14: two representatives meet. d2(a2)'s instance negates p2(<another
// actor>, a2); d1(op0, a1)'s holds p2(a1, <another actor>) as its loose
// link. Apart, a1 there and a2 here meet in p2(a1, a2): negated in one
// instance, so no loose link in the other, whose condition then climbs to
// the fact d2(a2) that no body can make true (seed 21322 of the generated
// cases, 4,000 from seed 20001, reduced).
TEST(Soundness, S14TwoRepresentativesMeetInANegatedAtom) {
  const std::string text = R"(
standard preponderance 0.51 "More likely than not".
actor a0 "". actor a1 "". actor a2 "". operation op0 "".
predicate d0(actor) "".
predicate d1(operation, actor) attribution "".
predicate d2(actor) "".
predicate p0(actor) "".
predicate p2(actor, actor) "".
predicate p3(operation) "".
rule r2 "": d1(op0, A0) if p2(A0, B1), p0(a2).
rule r3 "": d2(O3) if p3(A0), p3(B1), p2(C2, O3), not p2(C2, O3), C2 != O3.
fact f2: d0(a0).
fact d2(a2).
evidence ev1 intelligence "" { contradicts p0(a2) confidence 0.97 }
claim c1 "" { holds p3(_) and p2(a0, S) and S != a2 as accusation }
claim c4 "" { holds d0(a2) or d1(op0, S) as accusation drop f2 standard preponderance }
)";
  const auto with = grounding_verdicts(text, "c4");
  EXPECT_EQ(with, grounding_verdicts(text, "c4", true));
  EXPECT_EQ(with, (std::vector<std::string>{"S=a0 inconsistent", "S=a1 inconsistent", "S=a2 not_established"}));
}

// S15 (fixed 3 Dec 2026 by witnesses, representatives.hpp (f)): every
// representative of a type has one name, so two instances'
// representatives share their atoms. d0(a0) needs some A with p1(A, a0)
// and p3(A); e0(a0) needs d0(a0) and some B with p1(B, a0) and not p3(B).
// Apart, A and B are two operations and e0(a0) can hold; with one name
// both are `<another operation>`, p3(<another operation>) would have to be
// true and false, and `not e0(a0)` was ESTABLISHED (seed 22821 of the
// generated cases from seed 20001, reduced). The counter-model needs e0(a0)
// true, and with it d0(a0) below e0's representative's body: each now has
// a witness, an operation nobody names with an instance of its own.
TEST(Soundness, S15TwoInstancesNeedTwoOtherEntities) {
  const std::string text = R"(
doctrine mode = m1 | m2 "".
actor a0 "". actor a1 "". actor a2 "". actor a3 "". operation op0 "". operation op1 "". operation op2 "".
predicate d0(actor) "".
predicate e0(actor) "".
predicate e1(operation) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p3(operation) "".
predicate p4(operation, operation) "".
rule r0 "" when mode = m1: d0(B1) if p1(A0, B1), p3(A0), p2(B1, B1).
rule r4 "": e0(A0) if d0(A0), p1(B1, A0), not p3(B1).
rule r6 "": e1(B1) if d0(A0), p4(B1, B1), not p4(B1, B1).
claim c0 "" { holds not e0(a0) drop r6 }
)";
  EXPECT_EQ(verdict_both_ways(text, "c0"), "not_established");
  EXPECT_EQ(verdict_without_witnesses(text, "c0"), "established") << "the case no longer needs witnesses";
}

// S16 (seed 40382 of the generated cases from seed 40001, reduced; wrong on
// the code before). `d2(B) if p1(A, B), p4(C, O)`: whatever p4 fact makes
// d2(a0) true makes d2(a1) true too, since p1(op0, a1) is stated, so `not
// d2(a0) or d2(a1)` holds in every model. The grounder read the operation
// A is bound to as named for C and O, which share no condition with A:
// `<another operation>` then stood for op1 in one instance and for op0 in
// another, d2(a0) could be true through an atom d2(a1)'s instances do not
// hold, and the verdict was NOT ESTABLISHED. Now only a variable that
// shares a condition with another names entities for it (rules.hpp,
// linked). Fixed, withdrawn when it uncovered S19, and fixed again with
// S19 (docs/decisions.md, "A condition unconnected to the rest of its rule
// is read alike in every instance").
TEST(Soundness, S16AConditionUnconnectedToTheConclusionIsReadAlikeInEveryInstance) {
  const std::string text = R"(
actor a0 "". actor a1 "". actor a2 "". operation op0 "". operation op1 "".
predicate d2(actor) "".
predicate p1(operation, actor) "".
predicate p4(operation, operation) "".
rule r2 "": d2(B1) if p1(A0, B1), p4(C2, O3).
fact f2: p1(op0, a1).
claim c0 "" { holds not d2(a0) or d2(a1) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c0"), "established");
  // With more operations than the rule names, some are represented.
  const std::string more = text + "operation op2 \"\". operation op3 \"\". operation op4 \"\".\n";
  EXPECT_EQ(verdict_both_ways(more, "c0"), "established");
  EXPECT_EQ(verdict_both_ways(more + "evidence e1 forensic \"\" { supports p4(op1, op3) confidence 0.9 }\n"
                                     "claim c1 \"\" { holds d2(a1) }\n",
                              "c1"),
            "established");
  // A comparison joins C to A: A's operation is then named for C.
  std::string joined = more;
  joined.replace(joined.find("p4(C2, O3)."), 11, "p4(C2, O3), C2 != A0.");
  EXPECT_EQ(verdict_both_ways(joined, "c0"), "not_established");
}

// S17: two conclusions that ask for the same unnamed witness must read it as
// the same entities. d2(a1) is stated, and its only rule needs some
// operation with p1(_, a1); e0(a1) needs the same, so e0(a1) follows. A
// representative is one name for every operation nobody names, so both
// instances hold p1(<another operation>, a1) and agree. Guards against the
// fix of S15 that looks obvious: a name of its own for each instance's
// representative (tried 3 Dec 2026) reads two unrelated operations here and
// says NOT ESTABLISHED (the generated case of seed 37 from seed 1, reduced;
// docs/decisions.md, "Not yet settled: one name for every representative").
TEST(Soundness, S17TwoConclusionsOverOneUnnamedWitnessReadItAlike) {
  const std::string text = R"(
actor a0 "". actor a1 "". operation op0 "". operation op1 "".
predicate d2(actor) "".
predicate e0(actor) "".
predicate p1(operation, actor) "".
rule r5 "": d2(B1) if p1(A0, B1).
rule r6 "": e0(B1) if p1(A0, B1).
fact d2(a1).
claim c0 "" { holds e0(a1) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c0"), "established");
}

// S18 (fixed 3 Dec 2026 by witnesses, representatives.hpp (f)), with the
// shipped library: S15's one name for every unnamed actor, through the
// attribution rules alone. Given that op1 is attributable to s1 and op2 to
// s2, and with only the routes that are not tied to one operation in force
// (organ, de facto organ, overall control), judging every actor apart
// finds two groups, one for each state, and the claim that one operation
// is also attributable to the other state is NOT ESTABLISHED. With one
// name both attributions rested on the one `<another actor>`, which then
// performed both operations and belonged to both states, so the claim was
// ESTABLISHED. The two stated attributions are needed together: each now
// has a witness. Under the effective control test, or with the
// operation-specific routes in force, the shortcut agreed even so.
TEST(Soundness, S18TwoAttributionsByUnnamedActorsAreNotOneActor) {
  // Library test 32: `cross` and, under effective control, `cross_effective`.
  const CheckedCase c = checked_case(source_dir() / "tests/library/32_two_unnamed_actors.imputa");
  ASSERT_FALSE(c.diags.has_errors());
  const Program& program = c.program;
  const auto verdicts = expect_same_verdicts(program, "S18");
  ASSERT_EQ(verdicts.size(), 2u);
  EXPECT_EQ(to_string(verdicts.at("cross")), "not_established");
  EXPECT_EQ(to_string(verdicts.at("cross_effective")), "not_established");
  JudgeOptions without;
  without.reasons = false;
  without.check_apart_up_to = 0;
  without.witnesses = false;
  Diagnostics d;
  const auto old = verdicts_by_grounding(judge(program, without, d));
  EXPECT_EQ(to_string(old.at("cross")), "established") << "the case no longer needs witnesses";
}

// S19 (fixed 3 Dec 2026; seed 93273 of the generated cases from seed
// 90001, trimmed; wrong on the code before too). Stated d2(a3) has a rule whose conditions
// cannot all hold, so the premises contradict each other, and p0(a4)
// reaches them through d2(a4)'s instance, whose conditions share p4(op1,
// op1) with d2(a3)'s: INCONSISTENT judging apart. With the shortcuts, e1's
// representative for C2 also stands for a4, d2(a4) is never ground, the
// contradiction is out of the claim's reach, and the claim was REFUTED.
// With a4 in the representative's place, d2(a4)'s link p2(a4, a4) is the
// atom e1's instance negates: a4's instance is no possibility, so a4 has
// its own (Covered::made_one_by). The untrimmed case agreed by chance
// (another rule ground p2(a4, a4), which split a4 off); S16's first fix
// made it disagree.
TEST(Soundness, S19AnInstanceThatJoinsPremisesIsKeptOutByARepresentative) {
  const std::string text = R"(
actor a0 "". actor a1 "". actor a2 "". actor a3 "". actor a4 "". actor a5 "".
operation op0 "". operation op1 "". operation op2 "". operation op3 "". operation op4 "". operation op5 "".
predicate n0(operation): number "".
predicate d1(operation, actor) attribution "".
predicate d2(actor) "".
predicate e0(actor) "".
predicate e1(operation) closed "".
predicate p0(actor) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p3(operation) "".
predicate p4(operation, operation) closed "".
rule r2 "": d1(A0, a0) if p4(A0, A0).
rule r3 "": d2(A0) if p0(A0), p2(A0, a4), p4(B1, B1), not p4(B1, B1).
rule r4 "": e0(B1) if d1(A0, B1).
rule r5 "": e0(B1) if p2(A0, A0), p0(B1).
rule r6 "": e1(A0) if d1(A0, B1), p1(A0, a3), d2(C2), not p2(C2, C2), B1 != C2, n0(N3) < 5.
fact not d1(op2, a4).
fact f1: p4(op1, op1).
fact f2: not e0(a3).
fact p2(a0, a1).
fact p0(a4) and p3(op0).
fact f5: d2(a3).
fact n0(op1) = 3..7.
fact n0(op3) = 9.
fact n0(op5) = 7.
evidence ev0 intelligence "" { contradicts p2(a0, a2) confidence likely }
evidence ev1 origin "" { supports p2(a2, a1) confidence likely }
claim c1 "" { holds p0(a4) and e1(op5) as accusation }
)";
  EXPECT_EQ(verdict_both_ways(std::string(standards_block()) + text, "c1"), "inconsistent");
}

// S20 (seed 91385 of the generated cases from seed 90001, trimmed; wrong on
// the code before). Stated d1(op1, a0) needs p2(a1, a2), which evidence
// refutes: the premises contradict each other. Its rule negates p1(op1, B1)
// for some actor B1, and the claim reaches p1(C2, a1) for some operation
// C2: judged apart the two meet in p1(op1, a1), so the contradiction is
// within the claim's reach, INCONSISTENT. With the shortcuts each side was
// a representative, `not p1(op1, <another actor>)` and `not
// p1(<another operation>, a1)`, no atom joined them, and the claim was NOT
// ESTABLISHED. S14's look across representatives split only where the
// other's atom was a loose link; now wherever the two would meet.
TEST(Soundness, S20TwoRepresentativesThatWouldMeetInANegatedAtomAreSplit) {
  const std::string text = R"(
doctrine mode = m1 | m2 "".
actor a0 "". actor a1 "". actor a2 "". operation op0 "". operation op1 "". object x0 "".
predicate d0(actor) "".
predicate d1(operation, actor) "".
predicate e0(actor) "".
predicate p0(actor) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p3(object) "".
predicate p4(operation, object) "".
rule r0 "": d0(B1) if p1(A0, B1), not p1(A0, B1).
rule r1 "": d0(A0) if p0(A0), not p1(op0, A0).
rule r2 "": d1(op1, A0) if p2(A0, A0), p2(a1, a2), p2(A0, B1), not p1(op1, B1), A0 != B1.
rule r5 "" when mode = m1: e0(B1) if p3(A0), d0(B1), p1(C2, B1).
fact p3(x0).
fact d1(op1, a0).
fact p1(op0, a1).
evidence ev0 origin "" { contradicts p2(a1, a2) confidence 0.97 }
claim c0 "" { holds not p4(op0, x0) or e0(a1) }
)";
  EXPECT_EQ(verdict_both_ways(std::string(standards_block()) + text, "c0"), "inconsistent");
}

// S21 (seed 192337 of the generated cases from seed 190001, reduced;
// fixed by witnesses, wrong on the code before): the claim supposes two
// conclusions nested. e0(a0) needs d0(a0), which needs some operation with
// p3, and some operation with p4(A, A), p1(A, a1) and not p3(A). Apart, two
// operations nobody names do it and `holds e0(a0)` is NOT ESTABLISHED; with
// one `<another operation>`, p3 of it had to be true and false, and the
// claim was REFUTED.
TEST(Soundness, S21NestedConclusionsNeedTwoUnnamedEntities) {
  const std::string text = R"(
actor a0 "". actor a1 "". operation op0 "". operation op1 "". operation op2 "".
predicate d0(actor) "".
predicate e0(actor) "".
predicate p1(operation, actor) link "".
predicate p3(operation) "".
predicate p4(operation, operation) "".
rule r0 "": d0(a0) if p3(A0).
rule r4 "": e0(B1) if p4(A0, A0), d0(B1), p1(A0, a1), not p3(A0).
claim c2 "" { holds e0(a0) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c2"), "not_established");
  EXPECT_EQ(verdict_without_witnesses(text, "c2"), "refuted") << "the case no longer needs witnesses";
}

// S22 (seed 132707 of the generated cases from seed 130001, reduced; fixed
// by witnesses, wrong on the code before): a stated conclusion and one the
// claim's counter-model needs. Stated d0(a1) needs some object with
// p4(op0, X) and not p4(op3, X); e1(op3), which `holds not e1(op3)` denies,
// needs some object with p4(op2, Y) and not p4(op0, Y). Apart two objects
// do it (NOT ESTABLISHED); with one `<another object>`, p4(op0, it) had to
// be true and false, and the claim was ESTABLISHED.
TEST(Soundness, S22AStatedConclusionAndASupposedOneNeedTwoUnnamedEntities) {
  const std::string text = R"(
actor a0 "". actor a1 "". operation op0 "". operation op1 "". operation op2 "". operation op3 "".
object x0 "". object x1 "". object x2 "".
predicate d0(actor) "".
predicate e1(operation) "".
predicate p0(actor) "".
predicate p4(operation, object) "".
rule r0 "": d0(B1) if p4(op0, A0), p0(B1), not p4(op3, A0).
rule r7 "": e1(op3) if p4(op2, A0), p0(B1), p0(a1), not p4(op0, A0).
fact f0: d0(a1).
fact f2: p0(a1) or p0(a0).
claim c1 "" { holds not e1(op3) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "not_established");
  EXPECT_EQ(verdict_without_witnesses(text, "c1"), "established") << "the case no longer needs witnesses";
}

// S23 (seed 190541 of the generated cases from seed 190001, reduced;
// fixed 3 Dec 2026 by rule (g), wrong on the code before): the premises
// contradict each other (p0(a3) and not p0(a3)); judging apart they are
// in the claim's firm part (INCONSISTENT); with the shortcuts they lay
// behind possibilities only and were left out (REFUTED). Apart, x1 (which
// the disjunctive fact `p3(x1) or not p0(a2)` joins to the claim's firm
// part) has its own instance of r1, through which the firm p3(x1) lifts
// d1(op0, a3) into the firm part, and with it r2's body that holds p0(a3);
// `<another object>` stood for x1 and lifted nothing. Now an entity whose
// instance holds an atom a fact joins to others has its own instance
// under a conclusion a claim reaches (representatives.hpp, (g)).
TEST(Soundness, S23AFactJoiningAnEntitysAtomLiftsItsConclusion) {
  const std::string text = R"(
standard preponderance 0.51 "More likely than not".
actor a0 "". actor a1 "". actor a2 "". actor a3 "". operation op0 "". operation op1 "".
object x0 "". object x1 "". object x2 "".
predicate d1(operation, actor) "".
predicate d2(actor) closed "".
predicate e1(operation) closed "".
predicate p0(actor) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p3(object) "".
predicate p4(operation, object) "".
rule r1 "": d1(A0, C2) if p4(A0, B1), p0(C2), p3(B1), not p3(B1).
rule r2 "": d1(op0, B1) if p2(A0, B1), p0(B1), not p2(B1, B1).
rule r6 "": e1(C2) if p2(A0, B1), p1(C2, O3), d1(C2, A0), not d2(O3), A0 != B1.
fact p0(a3).
fact p3(x1) or not p0(a2).
fact f5: not p0(a3).
claim c1 "" { holds e1(op0) and p2(S, a2) and S != a2 as accusation }
)";
  const auto with = grounding_verdicts(text, "c1");
  EXPECT_EQ(with, grounding_verdicts(text, "c1", true));
  EXPECT_EQ(with, (std::vector<std::string>{"S=a0 inconsistent", "S=a1 inconsistent", "S=a2 inconsistent",
                                            "S=a3 inconsistent"}));
}

// S24 (seed 411821 of the generated cases from seed 410001, reduced; fixed
// 3 Dec 2026 by rule (h), wrong on the code of 2 Dec 2026 too, c80a213):
// the stated d1(op0, a0) has only a body that cannot hold, so the premises
// contradict each other. Judging apart the claim's firm part reaches that
// fact (INCONSISTENT); with the shortcuts it did not (NOT ESTABLISHED;
// unreduced, ESTABLISHED for one value). Apart, p3(op1), firm through the
// facts f2 and f5 (which join it to p1(op3, a1), the condition of e1(op3)'s
// body for a1), lifts d0(a0) into the firm part (upwards nothing is cut),
// and d0(a0)'s body holds p2(a0, a0), which the stated d1(op0, a0)'s body
// holds too. With the shortcuts a0 stayed under e1(op3)'s `<another
// actor>`, passed into d0(<another actor>), which the same atom lifts, but
// whose body holds p2(<another actor>, a0), which meets nothing. Now an
// entity whose atom in such a passed conclusion's body exists elsewhere has
// its own instance, where that body holds an atom a fact joins to others
// (representatives.hpp, (h)).
TEST(Soundness, S24AFactJoiningAnAtomLiftsAPassedConclusion) {
  const std::string text = R"(
actor a0 "". actor a1 "". actor a2 "". actor a3 "".
operation op0 "". operation op1 "". operation op2 "". operation op3 "".
predicate d0(actor) "".
predicate d1(operation, actor) "".
predicate e1(operation) "".
predicate p1(operation, actor) "".
predicate p2(actor, actor) "".
predicate p3(operation) closed "".
predicate p4(operation, operation) "".
rule r0 "": d0(A0) if p2(A0, a0), p3(B1), not p4(B1, B1).
rule r2 "": d1(A0, C2) if p4(A0, B1), p2(C2, C2), not p2(C2, C2).
rule r7 "": e1(A0) if p1(A0, B1), not d0(B1).
fact d1(op0, a0).
fact f2: not p3(op1) or not p4(op2, op0).
fact f5: p4(op2, op0) or p1(op3, a1).
claim c1 "" { holds e1(op3) or p2(_, a1) }
)";
  const auto with = grounding_verdicts(text, "c1");
  EXPECT_EQ(with, grounding_verdicts(text, "c1", true));
  EXPECT_EQ(with, (std::vector<std::string>{"_0=a0 inconsistent", "_0=a1 inconsistent", "_0=a2 inconsistent",
                                            "_0=a3 inconsistent"}));
}

// S27 (seed 550010 of the generated cases from seed 550001, reduced; fixed
// 3 Dec 2026 by rule (i), wrong on the code of 2 Dec 2026 too, c80a213).
// The stated d0(a3) needs some p2(A, a4) with A not a3; d0(a2) needs one
// with A not a2. Judging apart, p2(a2, a4) alone meets the first and not
// the second: d0(a2) is NOT ESTABLISHED. With the shortcuts both bodies
// held p2(<another actor>, a4), which in d0(a3)'s instance stood for a2
// too and in d0(a2)'s did not (a2 is bound to B1 there); the one atom met
// both, and d0(a2) was ESTABLISHED. Now, under a conclusion a premise bears
// on, an entity another instance sharing such an atom binds has its own
// instance (representatives.hpp, (i)).
TEST(Soundness, S27ASharedRepresentativeAtomStandsForFewerElsewhere) {
  const std::string text = R"(
standard preponderance 0.51 "More likely than not".
actor a0 "". actor a1 "". actor a2 "". actor a3 "". actor a4 "".
operation op0 "".
predicate d0(actor) "".
predicate d2(actor) "".
predicate p0(actor) "".
predicate p2(actor, actor) "".
predicate p3(operation) "".
rule r0 "": d0(B1) if p2(A0, a4), p0(B1), A0 != B1.
rule r3 "": d2(A0) if p0(A0), p3(B1).
fact d0(a3).
fact d2(a2).
claim c0 "" { holds d0(a2) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c0"), "not_established");
  // The same found as seed 412466 (from 410001; wrong on c80a213 too): the
  // stated d1(op2, a1) holds p2(a0, <another actor>) for a2, d1(op2, a2)
  // the same atom for a1; the one atom made d1(op2, a2) ARGUABLE.
  const std::string second = R"(
standard preponderance 0.51 "More likely than not".
actor a0 "". actor a1 "". actor a2 "". operation op2 "". object x1 "".
predicate d1(operation, actor) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p4(operation, object) "".
rule r3 "": d1(A0, B1) if p1(A0, a0), p2(B1, B1), p2(a0, C2), not p4(A0, x1), B1 != C2.
fact not p2(a0, a0).
fact f1: d1(op2, a1).
evidence ev2 intelligence "" { supports p2(a2, a2) confidence likely }
claim c2 "" { holds d1(op2, a2) }
)";
  EXPECT_EQ(verdict_both_ways(second, "c2"), "not_established");
}

// S31 (seed 1311091 of the generated cases from seed 1310001, reduced;
// found 3 Dec 2026, session 9; NOT FIXED, left disabled). Two stipulated
// facts contradict each other on p2(a0, a0), which every instance of
// e0(a0) holds. Each instance is a possibility (its p4(op1, B1) is a loose
// atom, cones.cpp), so the contradiction lies behind possibilities and is
// set aside (premises.cpp): NOT ESTABLISHED. Judged apart, c1 grounds r0
// for every operation, and `not p4(B1, B1)` with B1 = op1 names
// p4(op1, op1): that atom is no longer loose, e0(a0)'s instance for op1 is
// no possibility, the contradiction is reached firmly, INCONSISTENT. With
// the shortcuts op1 is covered in both rules, and the two atoms that stand
// for p4(op1, op1), p4(op1, <another operation>) in r5 and
// p4(<another operation>, <another operation>) in r0, are different
// atoms, so looseness (read over the whole program) never sees them meet.
// S28's shape in another place: rule (j) splits such an entity only where
// one claim grounding reaches both heads, and here two claims do. The code
// before session 9 (00325b4) gives the same verdicts. `imputa check`
// reports INCONSISTENT here, the verdict apart, because the judge checks
// its shortcut on cases this small.
TEST(Soundness, DISABLED_S31AContradictionBehindARepresentativesPossibility) {
  const std::string text = R"(
standard clear_and_convincing 0.75 "Clear and convincing".
actor a0 "". operation op0 "". operation op1 "". operation op2 "". operation op3 "". operation op4 "".
predicate d0(actor) "".
predicate e0(actor) "".
predicate p0(actor) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p3(operation) "".
predicate p4(operation, operation) "".
rule r0 "": d0(A0) if p0(A0), p1(B1, A0), p3(op4), not p4(B1, B1).
rule r5 "": e0(C2) if p2(A0, A0), p4(op1, B1), p2(A0, C2), not p3(B1).
fact not p2(a0, a0).
fact p2(a0, a0) and p3(op2).
claim c1 "" { holds not p1(op2, S) or d0(a0) and S != a0 }
claim c3 "" { holds not e0(a0) drop r0 }
)";
  EXPECT_EQ(verdict_both_ways(text, "c3"), "inconsistent");
}

// S30 (seed 1170768 of the generated cases from seed 1170001, reduced;
// found and fixed 3 Dec 2026, session 8; wrong on the code of that day's
// earlier sessions too). d0(a3)'s representative covers op2, which a fact
// states and evidence disputes (p3(op2)), as a possibility: its instance
// holds p3(<another operation>), a loose link. But its other link,
// p1(<another operation>, a3), is negated in d2(a3)'s instance (claim c3),
// so it is no loose link for op2 either: apart, op2's instance is no
// possibility, the claim reaches the disputed p3(op2) through it, and c4 is
// INCONSISTENT; with the shortcuts it was NOT ESTABLISHED. Only the links
// that make the representative's instance a possibility count when asking
// whether an entity's instance is one too (Covered::survey_links).
TEST(Soundness, S30ALinkAnotherInstanceNegatesMakesNoPossibility) {
  const std::string text = R"(
standard preponderance 0.51 "More likely than not".
actor a0 "". actor a1 "". actor a2 "". actor a3 "". operation op0 "". operation op1 "". operation op2 "".
predicate d0(actor) "".
predicate d1(operation, actor) "".
predicate d2(actor) closed "".
predicate e1(operation) "".
predicate p0(actor) "".
predicate p1(operation, actor) "".
predicate p3(operation) "".
predicate p4(operation, operation) "".
rule r0 "": d0(B1) if p3(A0), p1(A0, B1).
rule r3 "": d2(B1) if p1(A0, B1), not p1(A0, B1).
rule r7 "": e1(C2) if d0(A0), p0(B1), d1(C2, A0), not d1(C2, A0).
fact f1: p3(op2).
evidence ev0 intelligence "" { contradicts p3(op2) confidence 0.8 }
evidence ev2 intelligence "" { supports p0(a2) confidence 0.97 }
claim c3 "" { holds d2(S) and p4(op2, P) and S != a3 }
claim c4 "" { holds not d1(op0, a3) or e1(op0) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c4"), "inconsistent");
}

// S29 (seed 1071299 of the generated cases from seed 1070001, reduced;
// found and fixed 3 Dec 2026, session 8; wrong on the code of that day's
// earlier sessions too). e1(op4)'s representative passes into d2(<another
// actor>), whose rule equates a body-only variable with the head's (B1 =
// C2). B1 was walked over the actors, none of which is the
// representative, so every body was left out and d2(<another actor>) was
// false: REFUTED with the shortcuts, where judging apart leaves the claim
// open (d2(a) holds for an actor a with p2(a1, a) and p1(op3, a)). A
// variable a comparison equates with one bound to a representative is now
// bound to it (Instantiator::bind_equal_to_representatives).
TEST(Soundness, S29AnEqualityWithARepresentative) {
  const std::string text = R"(
standard preponderance 0.51 "More likely than not".
actor a0 "". actor a1 "". actor a2 "". operation op0 "". operation op3 "". operation op4 "".
predicate d2(actor) "".
predicate e1(operation) "".
predicate p1(operation, actor) "".
predicate p2(actor, actor) "".
predicate p3(operation) "".
rule r3 "": d2(C2) if p3(A0), p2(a1, B1), p1(op3, C2), B1 = C2.
rule r5 "": e1(A0) if p1(A0, B1), d2(B1), not p2(B1, B1).
claim c1 "" { holds e1(op4) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c1"), "not_established");
}

// S28 (seed 750297 of the generated cases from seed 750001, reduced; found
// 3 Dec 2026, fixed the next session; right on c80a213). With one actor,
// d1(op0, a0) needs p1(op0, a0) (r1 with O3 = a0), which makes d0(a0) true
// (r0 with A0 = op0, p4 closed): apart the claim is ESTABLISHED. With the
// shortcuts d1(op0, a0)'s instance held p1(op0, <another actor>) and
// d0(a0)'s p1(<another operation>, a0): the two never met, and the claim
// was NOT ESTABLISHED. No premise bears on either conclusion, so rule (c)
// did not look; rule (j) splits an entity where another representative's
// atom, in another place, stands for its atom and one claim reaches both
// instances (ground/representatives.hpp).
TEST(Soundness, S28TwoRepresentativesMeetUnderAClaimAlone) {
  const std::string text = R"(
standard preponderance 0.51 "More likely than not".
actor a0 "". operation op0 "". operation op1 "". object x1 "".
predicate d0(actor) "".
predicate d1(operation, actor) "".
predicate p1(operation, actor) "".
predicate p2(actor, actor) "".
predicate p4(operation, object) closed "".
rule r0 "": d0(B1) if p1(A0, B1), not p4(A0, x1).
rule r1 "": d1(C2, B1) if p2(A0, B1), p1(C2, O3).
claim c3 "" { holds not d1(op0, a0) or d0(a0) }
)";
  EXPECT_EQ(verdict_both_ways(text, "c3"), "established");
}

// S25 (seed 450774 of the generated cases from seed 450001, reduced;
// fixed 3 Dec 2026, wrong on c80a213 too). The stated d0(a5) has only a
// body that cannot hold; apart, e0(a5)'s instance for op1 holds p4(op1,
// op1), as d0(a5)'s instance for A0 = op1 does, so the claim reaches the
// stated fact (INCONSISTENT). With the shortcuts they held p4(<another
// operation>, <another operation>) and p4(op1, <another operation>), which
// never met (NOT ESTABLISHED). Rule (c) now also counts an atom another
// representative's instance stands for (Covered::stood_for_elsewhere).
TEST(Soundness, S25TwoRepresentativesMeetInAnAtomNeitherHolds) {
  const std::string text = R"(
doctrine mode = m1 | m2 "".
actor a0 "". actor a1 "". actor a2 "". actor a3 "". actor a4 "". actor a5 "". actor a6 "".
operation op0 "". operation op1 "". operation op2 "". operation op3 "". operation op4 "".
predicate d0(actor) "".
predicate d2(actor) closed "".
predicate e0(actor) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p4(operation, operation) "".
rule r0 "": d0(B1) if p4(op1, A0), p2(B1, B1), not p2(B1, B1).
rule r2 "" when mode = m1: d2(B1) if p1(A0, B1), not p4(A0, A0).
rule r4 "": e0(a5) if p4(A0, A0).
fact f0: p4(op2, op0).
fact d0(a5).
fact d2(a1).
claim c3 "" { holds not e0(a5) as accusation }
)";
  EXPECT_EQ(verdict_both_ways(text, "c3"), "inconsistent");
}

// S26 (seed 472918 of the generated cases from seed 470001, reduced;
// fixed 3 Dec 2026, wrong on c80a213 too): S25's kind across two types.
// `not e0(a0)` is stated, and e0(a0) needs some operation with p1(B, a0);
// e1(op1) needs p1(op1, A) for some actor, and a0 is the only one. Apart,
// e0(a0)'s instance for op1 and e1(op1)'s for a0 meet at p1(op1, a0), so
// the stated denial refutes the claim (REFUTED). With the shortcuts they
// held p1(<another operation>, a0) and p1(op1, <another actor>), which
// never met (NOT ESTABLISHED).
TEST(Soundness, S26TwoRepresentativesOfTwoTypesMeetInAnAtomNeitherHolds) {
  const std::string text = R"(
standard clear_and_convincing 0.75 "Clear and convincing".
actor a0 "". operation op0 "". operation op1 "". operation op2 "". object x0 "". object x1 "". object x2 "".
predicate d0(actor) "".
predicate e0(actor) "".
predicate e1(operation) "".
predicate p1(operation, actor) link "".
predicate p2(actor, actor) "".
predicate p4(operation, object) closed "".
rule r0 "": d0(A0) if p2(A0, a0).
rule r5 "": e0(A0) if p2(a0, A0), p1(B1, A0), p2(A0, a0), not p4(B1, x0).
rule r7 "": e1(A0) if p1(A0, B1).
fact f0: d0(a0).
fact not e0(a0).
claim c2 "" { holds e1(op1) as accusation standard clear_and_convincing }
)";
  EXPECT_EQ(verdict_both_ways(text, "c2"), "refuted");
}

} // namespace
} // namespace imputa::testing
