// Each verdict of docs/semantics.md §4 on small hand-written cases, and the
// features that decide them: disjunctive facts, closed predicates, numeric
// intervals, doctrine-dependent rules, conflicting evidence, confidence intervals.
#include "solver_helpers.hpp"

#include <chrono>

namespace imputa::testing {
namespace {

// The attribution vocabulary most cases below share (no library).
std::string vocabulary() {
  return std::string(standards_block()) + R"(
state rus "Russian Federation".
state ukr "Ukraine".
actor gru "GRU".
actor crim "A criminal group".
operation op "The operation".
source s1 "First source".
source s2 "Second source".
predicate performed_by(operation, actor) link "The operation was conducted by the actor".
predicate organ_of(actor, state) "The actor is an organ of the state".
predicate originates_in(operation, state) origin "Launched from the state's territory".
predicate attributable(operation, state) attribution "The operation is an act of the state".
rule r_organ "Conduct of an organ is conduct of the state" cite "ARSIWA art 4":
  attributable(O, S) if performed_by(O, A), organ_of(A, S).
fact f_organ: organ_of(gru, rus).
)";
}

TEST(Verdicts, EachKindOnASmallCase) {
  auto j = judge_text("case kinds \"verdict kinds\"\n" + vocabulary() + R"(
evidence e_code forensic "Code shared with earlier GRU tooling" { supports performed_by(op, gru) confidence 0.8 source s1 }
evidence e_claim intelligence "A claim of responsibility, partly credible" { supports performed_by(op, gru) confidence 0.6..0.8 source s2 }
evidence e_servers origin "Command servers in Russia" { supports originates_in(op, rus) confidence 0.9 }
claim established "attributable" { holds attributable(op, rus) }
claim refuted "not attributable" { holds not attributable(op, rus) }
claim arguable "on the favourable reading only" { holds attributable(op, rus) drop e_code }
claim unsubstantiated "origin only" { holds attributable(op, rus) as accusation drop e_code drop e_claim }
claim not_established "origin only, as an assessment" { holds attributable(op, rus) drop e_code drop e_claim }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("established"), "established");
  EXPECT_EQ(j.verdict("refuted"), "refuted");
  EXPECT_EQ(j.verdict("arguable"), "arguable");
  EXPECT_EQ(j.verdict("unsubstantiated"), "unsubstantiated");
  EXPECT_EQ(j.verdict("not_established"), "not_established");
  // The accusation leaned on the origin inference (§5 item 4), and says so.
  const auto& u = j.grounding("unsubstantiated");
  ASSERT_EQ(u.naive_reliance.size(), 1u);
  EXPECT_EQ(u.naive_reliance[0], NaiveInference::origin_inference);
}

TEST(Verdicts, InconsistentWhenEvidenceContradictsAFact) {
  auto j = judge_text("case inc \"inconsistent\"\n" + vocabulary() + R"(
evidence e_code forensic "Code shared with earlier GRU tooling" { supports performed_by(op, gru) confidence 0.9 }
evidence e_not_organ judicial "A court found the unit is not a state organ" { contradicts organ_of(gru, rus) confidence 0.9 }
claim c "attributable" { holds attributable(op, rus) }
predicate destructive(operation) conduct "The operation destroyed data".
evidence e_wiped technical "Disks were wiped" { supports destructive(op) confidence 0.9 }
claim unrelated "an unrelated point stays judged" { holds destructive(op) }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("c"), "inconsistent");
  // §4: the conflict lives in another component; the claim on crim is not poisoned.
  EXPECT_EQ(j.verdict("unrelated"), "established");
  auto conflict = ids(j.grounding("c").conflict);
  EXPECT_EQ(conflict, (std::vector<std::string>{"f_organ", "e_not_organ"}));
}

// A conflict that reaches a claim only through a link nothing mentions does
// not make it INCONSISTENT (docs/decisions.md, "Possibilities"): nothing
// ties the GRU to the operation, so whether it is an organ decides nothing
// here. The claim is judged without the conflicting premises, and the
// possibility they sit behind stays open.
TEST(Verdicts, AConflictBehindALinkNothingMentionsIsLeftOut) {
  auto j = judge_text("case inc \"inconsistent\"\n" + vocabulary() + R"(
evidence e_not_organ judicial "A court found the unit is not a state organ" { contradicts organ_of(gru, rus) confidence 0.9 }
claim c "attributable" { holds attributable(op, rus) }
claim organ "the conflict itself" { holds organ_of(gru, rus) }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("c"), "not_established");
  EXPECT_TRUE(j.grounding("c").conflict.empty());
  // What would establish it names the GRU's part, still open.
  const auto& would = j.grounding("c").would_establish;
  EXPECT_TRUE(std::any_of(would.begin(), would.end(), [](const auto& set) {
    return std::any_of(set.begin(), set.end(), [](const auto& l) { return l.atom == "performed_by(op, gru)"; });
  }));
  // The conflict is still the verdict of a claim about it.
  EXPECT_EQ(j.verdict("organ"), "inconsistent");
}

TEST(Verdicts, UnknownWhenTheTimeLimitIsZero) {
  JudgeOptions o;
  o.timeout = std::chrono::milliseconds(0);
  auto j = judge_text("case t \"timeout\"\n" + vocabulary() + R"(
evidence e_code forensic "Code reuse" { supports performed_by(op, gru) confidence 0.9 }
claim c "attributable" { holds attributable(op, rus) }
)", o);
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("c"), "unknown");
  EXPECT_TRUE(j.grounding("c").unknown_reason.has_value());
  EXPECT_FALSE(j.find("c")->as_expected); // UNKNOWN never meets an expectation
}

TEST(Verdicts, DefaultStandardWithoutDeclaredStandardsIsClearAndConvincing) {
  // No standard declared at all: the built-in thresholds of §3 apply.
  auto j = judge_text(R"(
actor gru "GRU".
operation op "Op".
predicate performed_by(operation, actor) "p".
evidence e1 forensic "strong" { supports performed_by(op, gru) confidence 0.75 }
evidence e2 forensic "weaker" { supports performed_by(op, crim2) confidence 0.74 }
actor crim2 "C".
claim at "exactly at 0.75" { holds performed_by(op, gru) }
claim below "just below" { holds performed_by(op, crim2) }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("at"), "established");
  EXPECT_EQ(j.verdict("below"), "not_established");
  EXPECT_EQ(j.find("at")->standard, "clear_and_convincing");
}

// §5: each of the four naive premises, alone, makes an accusation UNSUBSTANTIATED.
TEST(Verdicts, UnsubstantiatedNamesEachNaivePremise) {
  const std::string base = "case acc \"accusations\"\n" + vocabulary();
  struct Variant {
    std::string extra;
    std::optional<NaiveInference> reliance;
  } variants[] = {
      {"fact f_did: performed_by(op, gru).\n", NaiveInference::stipulated_link},
      {"evidence e_ip origin \"IP addresses of GRU hosts\" { supports performed_by(op, gru) confidence 0.9 }\n",
       NaiveInference::origin_evidence},
      {"rule r_naive \"Origin makes it the state's\": attributable(O, S) if originates_in(O, S).\n"
       "evidence e_srv origin \"Servers in Russia\" { supports originates_in(op, rus) confidence 0.9 }\n",
       std::nullopt}, // W28F rule or the origin inference: either is a naive premise
  };
  for (const auto& v : variants) {
    auto j = judge_text(base + v.extra + R"(
claim acc "attributable, as an accusation" { holds attributable(op, rus) as accusation }
claim ass "attributable, as an assessment" { holds attributable(op, rus) }
)");
    ASSERT_TRUE(j.ok) << j.errors();
    EXPECT_EQ(j.verdict("acc"), "unsubstantiated") << v.extra;
    const auto& r = j.grounding("acc").naive_reliance;
    ASSERT_FALSE(r.empty()) << v.extra;
    if (v.reliance) {
      EXPECT_EQ(r[0], *v.reliance) << v.extra;
    }
  }
  // A stipulated fact counts for an assessment (§5: assessment keeps facts).
  auto j = judge_text(base + "fact f_did: performed_by(op, gru).\n" +
                      R"(claim ass "attributable" { holds attributable(op, rus) })");
  EXPECT_EQ(j.verdict("ass"), "established");
}

TEST(Verdicts, W28fRuleNeitherCarriesNorRefutesAnAccusation) {
  auto j = judge_text(R"(case w "W28F"
state rus "R".
operation op "Op".
predicate originates_in(operation, state) origin "o".
predicate attributable(operation, state) attribution "a".
rule r_naive "Origin makes it the state's": attributable(O, S) if originates_in(O, S).
evidence e_denied technical "The servers were not in Russia" { contradicts originates_in(op, rus) confidence 0.9 }
claim acc "attributable" { holds attributable(op, rus) as accusation }
claim ass "not attributable, assessed" { holds not attributable(op, rus) }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  // Origin refuted: the W28F rule's body is false, but in P it stands for an open unknown.
  EXPECT_EQ(j.verdict("acc"), "not_established");
  EXPECT_EQ(j.verdict("ass"), "established");
}

TEST(Verdicts, DisjunctiveFacts) {
  auto j = judge_text("case d \"disjunction\"\n" + vocabulary() + R"(
fact f_one: performed_by(op, gru) or performed_by(op, crim).
claim either "one of the two" { holds performed_by(op, gru) or performed_by(op, crim) }
claim by_gru "the GRU" { holds performed_by(op, gru) }
claim att "attributable" { holds attributable(op, rus) }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("either"), "established");
  EXPECT_EQ(j.verdict("by_gru"), "not_established");
  EXPECT_EQ(j.verdict("att"), "not_established");
  // Ruling one out settles the other (disjunctive syllogism).
  auto k = judge_text("case d \"disjunction\"\n" + vocabulary() + R"(
fact f_one: performed_by(op, gru) or performed_by(op, crim).
evidence e_alibi intelligence "The group was dismantled months before" { contradicts performed_by(op, crim) confidence 0.9 }
claim by_gru "the GRU" { holds performed_by(op, gru) }
claim att "attributable" { holds attributable(op, rus) }
)");
  EXPECT_EQ(k.verdict("by_gru"), "established");
  EXPECT_EQ(k.verdict("att"), "established");
}

TEST(Verdicts, ClosedBasePredicateIsFalseUnlessAPremiseMakesItTrue) {
  const std::string base = "case c \"closed\"\n" + vocabulary() + R"(
predicate acting_privately(actor, operation) closed "The organ acted in a private capacity".
rule r_organ_capacity "Organ conduct, unless in a private capacity" cite "ARSIWA arts 4 and 7":
  official(O, S) if performed_by(O, A), organ_of(A, S), not acting_privately(A, O).
predicate official(operation, state) attribution "Official conduct of the state".
evidence e_code forensic "Code reuse" { supports performed_by(op, gru) confidence 0.9 }
claim c "official" { holds official(op, rus) }
claim not_private "not private" { holds not acting_privately(gru, op) }
)";
  auto j = judge_text(base);
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("c"), "established");
  EXPECT_EQ(j.verdict("not_private"), "established");
  // Weak evidence does not lift the presumption ...
  auto weak = judge_text(base + R"(evidence e_priv testimony "He did it on his own" { supports acting_privately(gru, op) confidence 0.5 })");
  EXPECT_EQ(weak.verdict("c"), "established");
  // ... proof does.
  auto proven = judge_text(base + R"(evidence e_priv testimony "He did it on his own" { supports acting_privately(gru, op) confidence 0.9 })");
  // (the organ's conduct is out; another actor's, as an organ, stays open)
  EXPECT_EQ(proven.verdict("c"), "not_established");
  // So does an assumption and a fact.
  auto assumed = judge_text(base + R"(claim a "assumed private" { holds official(op, rus) assume acting_privately(gru, op) })");
  EXPECT_EQ(assumed.verdict("a"), "not_established");
  EXPECT_EQ(assumed.verdict("c"), "established");
  auto stipulated = judge_text(base + "fact f_priv: acting_privately(gru, op).\n");
  EXPECT_EQ(stipulated.verdict("c"), "not_established");
  // A closed atom in a disjunctive fact may be true: the fact names it.
  auto disj = judge_text(base + "fact f_maybe: acting_privately(gru, op) or performed_by(op, crim).\n");
  EXPECT_EQ(disj.verdict("c"), "not_established");
}

TEST(Verdicts, ClosedDerivedPredicatePutsTheBurdenOfProofOnWhoInvokesIt) {
  const std::string base = "case b \"burden\"\n" + std::string(standards_block()) + R"(
state ukr "Ukraine".
state rus "Russia".
operation op "The operation".
predicate targets(operation, state) conduct "Directed against the state".
predicate consent_given(state, operation) "The state consented".
predicate precluded(operation) closed "Wrongfulness is precluded".
predicate violation(operation, state) breach "A breach".
rule r_consent "Consent precludes wrongfulness" cite "ARSIWA art 20": precluded(O) if consent_given(S, O), targets(O, S).
rule r_breach "Targeting is a breach unless precluded": violation(O, S) if targets(O, S), not precluded(O).
fact f_targets: targets(op, ukr).
claim v "a violation" { holds violation(op, ukr) }
claim p "precluded" { holds precluded(op) }
)";
  // Consent unknown: whoever invokes it has not proven it, so the breach stands.
  auto open = judge_text(base);
  ASSERT_TRUE(open.ok) << open.errors();
  EXPECT_EQ(open.verdict("v"), "established");
  EXPECT_EQ(open.verdict("p"), "refuted");
  // Consent only arguable: still not proven at the claim's standard.
  auto weak = judge_text(base + R"(evidence e_c official_statement "A letter of consent, disputed" { supports consent_given(ukr, op) confidence 0.6..0.8 })");
  EXPECT_EQ(weak.verdict("v"), "established");
  // Consent proven: the breach is refuted.
  auto proven = judge_text(base + R"(evidence e_c official_statement "A letter of consent" { supports consent_given(ukr, op) confidence 0.9 })");
  EXPECT_EQ(proven.verdict("v"), "refuted");
  EXPECT_EQ(proven.verdict("p"), "established");
}

TEST(Verdicts, NumericIntervals) {
  auto j = judge_text(R"(case n "numbers"
operation op "The operation".
predicate harm(operation): number "Expected civilian harm".
predicate advantage(operation): number "Anticipated military advantage".
predicate grave(operation) "Grave harm".
predicate excessive(operation) breach "Harm excessive to the advantage".
rule r_grave "More than 4 is grave": grave(O) if harm(O) > 4.
rule r_excessive "Harm beyond the advantage" cite "AP I art 51, para 5, b": excessive(O) if harm(O) > advantage(O).
fact h: harm(op) = 2..5.
fact a: advantage(op) = 6.
claim at_least_2 "at least 2" { holds harm(op) >= 2 }
claim above_5 "above 5" { holds harm(op) > 5 }
claim at_least_3 "at least 3" { holds harm(op) >= 3 }
claim seven "exactly 7" { holds harm(op) = 7 }
claim sum "harm plus advantage at most 11" { holds harm(op) + advantage(op) <= 11 }
claim twice "twice the harm at most the advantage plus 4" { holds 2 * harm(op) <= advantage(op) + 4 }
claim is_grave "grave" { holds grave(op) }
claim is_excessive "excessive" { holds excessive(op) }
claim excessive_wider "excessive if harm were wider" { holds excessive(op) drop a }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("at_least_2"), "established");
  EXPECT_EQ(j.verdict("above_5"), "refuted");
  EXPECT_EQ(j.verdict("at_least_3"), "not_established");
  EXPECT_EQ(j.verdict("seven"), "refuted");
  EXPECT_EQ(j.verdict("sum"), "established");
  EXPECT_EQ(j.verdict("twice"), "established");
  EXPECT_EQ(j.verdict("is_grave"), "not_established");
  EXPECT_EQ(j.verdict("is_excessive"), "refuted");
  EXPECT_EQ(j.verdict("excessive_wider"), "not_established"); // the advantage unknown once its fact is dropped
  // A single number fixes the value; disjoint intervals are inconsistent.
  auto k = judge_text(R"(case n "numbers"
operation op "The operation".
predicate harm(operation): number "Expected civilian harm".
fact h: harm(op) = 4.5.
fact h2: harm(op) = 5..6.
claim c "exactly 4.5" { holds harm(op) = 4.5 drop h2 }
claim both "both facts" { holds harm(op) = 4.5 }
)");
  ASSERT_TRUE(k.ok) << k.errors();
  EXPECT_EQ(k.verdict("c"), "established");
  EXPECT_EQ(k.verdict("both"), "inconsistent");
  EXPECT_EQ(ids(k.grounding("both").conflict), (std::vector<std::string>{"h", "h2"}));
}

TEST(Verdicts, DoctrineDependentRules) {
  const std::string text = R"(case ctl "control"
use doctrine control = effective_control.
standard clear_and_convincing 0.75 "c".
doctrine control = effective_control | overall_control "Control test of ARSIWA art 8".
state rus "R".
actor proxy "A proxy group".
operation op "Op".
predicate performed_by(operation, actor) link "p".
predicate effective_control_over(state, actor, operation) link "e".
predicate overall_control_over(state, actor) link "o".
predicate attributable(operation, state) attribution "a".
rule r_eff "Effective control" cite "Nicaragua para 115" when control = effective_control:
  attributable(O, S) if performed_by(O, A), effective_control_over(S, A, O).
rule r_ov "Overall control" cite "Tadic Appeal para 131" when control = overall_control:
  attributable(O, S) if performed_by(O, A), overall_control_over(S, A).
evidence e_did forensic "The proxy's malware" { supports performed_by(op, proxy) confidence 0.9 }
evidence e_ov intelligence "The state directs the group overall" { supports overall_control_over(rus, proxy) confidence 0.9 }
claim eff "under the file's doctrine" { holds attributable(op, rus) }
claim ov "under overall control" { holds attributable(op, rus) under control = overall_control }
)";
  auto j = judge_text(text);
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("eff"), "not_established");
  EXPECT_EQ(j.verdict("ov"), "established");
  EXPECT_EQ(j.find("ov")->doctrine.at("control"), "overall_control");
  EXPECT_EQ(j.find("eff")->doctrine.at("control"), "effective_control");
  // The command line's doctrine replaces the file's; a claim's `under` wins over both.
  JudgeOptions o;
  o.doctrine["control"] = "overall_control";
  auto k = judge_text(text, o);
  EXPECT_EQ(k.verdict("eff"), "established");
  o.doctrine["control"] = "effective_control";
  auto l = judge_text(text, o);
  EXPECT_EQ(l.verdict("ov"), "established");
  // Where no rule of a derived predicate is active, its atoms are false.
  std::string only_overall = text;
  only_overall.erase(only_overall.find("rule r_eff"), only_overall.find("rule r_ov") - only_overall.find("rule r_eff"));
  auto m = judge_text(only_overall);
  ASSERT_TRUE(m.ok) << m.errors();
  EXPECT_EQ(m.verdict("eff"), "refuted");
  EXPECT_EQ(m.verdict("ov"), "established");
}

TEST(Verdicts, ConflictingEvidence) {
  const std::string base = "case ce \"conflict\"\n" + vocabulary() + R"(
evidence e_for forensic "Code reuse" { supports performed_by(op, gru) confidence 0.9 source s1 }
claim c "attributable" { holds attributable(op, rus) }
claim suspicion "at reasonable suspicion" { holds attributable(op, rus) standard reasonable_suspicion }
)";
  // Both sides proven: inconsistent, and the conflict names both items.
  auto both = judge_text(base + R"(evidence e_against intelligence "Another group's tooling" { contradicts performed_by(op, gru) confidence 0.8 source s2 })");
  ASSERT_TRUE(both.ok) << both.errors();
  EXPECT_EQ(both.verdict("c"), "inconsistent");
  EXPECT_EQ(ids(both.grounding("c").conflict), (std::vector<std::string>{"e_against", "e_for"}));
  // The weaker side below the standard: established, with the contrary item as a defeater.
  auto weak = judge_text(base + R"(evidence e_against intelligence "Another group's tooling" { contradicts performed_by(op, gru) confidence 0.4 source s2 })");
  EXPECT_EQ(weak.verdict("c"), "established");
  ASSERT_EQ(weak.grounding("c").defeaters.size(), 1u);
  EXPECT_EQ(weak.grounding("c").defeaters[0].evidence, "e_against");
  EXPECT_EQ(weak.grounding("c").defeaters[0].contrary, (Literal{"performed_by(op, gru)", false}));
  // At a lower standard both sides are proven: the verdict is not monotone in the threshold.
  EXPECT_EQ(weak.verdict("suspicion"), "inconsistent");
  EXPECT_EQ(weak.grounding("suspicion").strength, "clear_and_convincing");
}

TEST(Verdicts, FullyConclusiveNeedsTheContraryBelowItsBound) {
  const std::string base = "case fc \"fully conclusive\"\n" + vocabulary() + R"(
evidence e_for judicial "A conviction" { supports performed_by(op, gru) confidence 0.97 source s1 }
claim brd "beyond reasonable doubt" { holds attributable(op, rus) standard beyond_reasonable_doubt }
claim fc "fully conclusive" { holds attributable(op, rus) standard fully_conclusive }
)";
  auto high = judge_text(base + R"(evidence e_against testimony "A defector's doubt" { contradicts performed_by(op, gru) confidence 0.3..0.45 source s2 })");
  ASSERT_TRUE(high.ok) << high.errors();
  EXPECT_EQ(high.verdict("brd"), "established");
  EXPECT_EQ(high.verdict("fc"), "not_established");
  EXPECT_EQ(high.grounding("brd").strength, "beyond_reasonable_doubt");
  auto low = judge_text(base + R"(evidence e_against testimony "A defector's doubt" { contradicts performed_by(op, gru) confidence 0.3..0.39 source s2 })");
  EXPECT_EQ(low.verdict("fc"), "established");
  // At equal thresholds the standard with contrary_below ranks higher.
  EXPECT_EQ(low.grounding("brd").strength, "fully_conclusive");
}

TEST(Verdicts, ConfidenceIntervalsAndYardstickNames) {
  auto j = judge_text("case ci \"intervals\"\n" + vocabulary() + R"(
actor a1 "A1".
actor a2 "A2".
actor a3 "A3".
evidence e_likely forensic "likely" { supports performed_by(op, a1) confidence likely }
evidence e_hl forensic "highly likely" { supports performed_by(op, a2) confidence highly_likely }
evidence e_ac forensic "almost certain" { supports performed_by(op, a3) confidence almost_certain }
claim likely_cc "likely at 0.75" { holds performed_by(op, a1) }
claim likely_pre "likely at 0.51" { holds performed_by(op, a1) standard preponderance }
claim hl_cc "highly likely at 0.75" { holds performed_by(op, a2) }
claim hl_brd "highly likely at 0.95" { holds performed_by(op, a2) standard beyond_reasonable_doubt }
claim ac_brd "almost certain at 0.95" { holds performed_by(op, a3) standard beyond_reasonable_doubt }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("likely_cc"), "arguable"); // 0.55..0.75: only the upper end reaches 0.75
  EXPECT_EQ(j.verdict("likely_pre"), "established");
  EXPECT_EQ(j.verdict("hl_cc"), "established");
  EXPECT_EQ(j.verdict("hl_brd"), "not_established");
  EXPECT_EQ(j.verdict("ac_brd"), "established");
}

TEST(Verdicts, AsOfIgnoresLaterEvidence) {
  auto j = judge_text("case asof \"as of\"\n" + vocabulary() + R"(
evidence e_late official_statement "Statement of 2018" { supports performed_by(op, gru) confidence 0.9 date 2018-02-15 }
claim before "before the statement" { holds attributable(op, rus) as_of 2018-02-14 }
claim on "on the day" { holds attributable(op, rus) as_of 2018-02-15 }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("before"), "not_established");
  EXPECT_EQ(j.verdict("on"), "established");
}

TEST(Verdicts, ClaimWithVariablesIsJudgedPerGrounding) {
  auto j = judge_text("case v \"variables\"\n" + vocabulary() + R"(
evidence e_code forensic "Code reuse" { supports performed_by(op, gru) confidence 0.9 }
claim who "attributable to someone" { holds attributable(op, S) }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  const ClaimReport* c = j.find("who");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->groundings.size(), 2u);
  std::map<std::string, Verdict> by_state;
  for (const auto& g : c->groundings) by_state[g.bindings.at("S")] = g.verdict;
  EXPECT_EQ(by_state.at("rus"), Verdict::established);
  EXPECT_EQ(by_state.at("ukr"), Verdict::not_established);
  EXPECT_EQ(c->verdict, Verdict::not_established); // mixed: the least favourable
}

} // namespace
} // namespace imputa::testing
