// Reasons a lawyer can use (issue of v0.2): which burden of proof or
// presumption a verdict turns on and who bears it; why a claim is refuted when
// no rule in force can conclude it; rules that close a route kept apart from
// the reasons; counter-models that mark what is stipulated; official
// statements under substantiation = disclosed_evidence.
#include "solver_helpers.hpp"

#include <algorithm>

namespace imputa::testing {
namespace {

const std::string burden_case = std::string("case burdens \"burdens\"\n") + standards_block() + R"(
doctrine view = narrow | broad "A doctrine family".
state rur "Ruritania".
state bor "Borduria".
operation cm "Ruritania's response".
predicate performed_by(operation, actor) link "The operation was conducted by the actor".
predicate consent(state, operation) closed "The state consented to the operation".
predicate harmful(operation) "The operation caused harm".
predicate conflict(operation) "The operation has a nexus to an armed conflict".
predicate attack(operation) "The operation is an attack".
predicate violation(operation) "The operation violates the rule".
predicate attributable(operation, state) attribution "The operation is an act of the state".
predicate wrongful(operation, state) "The operation is a wrongful act of the state".
predicate precluded(operation, state) closed "Wrongfulness is precluded; the state invoking it bears the burden".
predicate broad_breach(operation) "Breach on the broad view".
rule own "Own conduct": attributable(O, S) if performed_by(O, S).
rule by_consent "Consent precludes": precluded(O, S) if attributable(O, S), consent(bor, O).
rule wrong "Wrongful unless precluded": wrongful(O, S) if attributable(O, S), harmful(O), not precluded(O, S).
rule attack_if_conflict "An attack needs a conflict": attack(O) if conflict(O), harmful(O).
rule violation_if_attack "A violation needs an attack": violation(O) if attack(O).
rule broad_rule "Only on the broad view" when view = broad: broad_breach(O) if harmful(O).
fact f1: performed_by(cm, rur).
fact f2: harmful(cm).
fact f3: not conflict(cm).
evidence weak testimony "Borduria may have done it" { supports performed_by(cm, bor) confidence 0.3 }
claim wrongful_cm "The response is wrongful" { holds wrongful(cm, rur) }
claim no_violation "A violation" { holds violation(cm) }
claim narrow_breach "A breach on the narrow view" { holds broad_breach(cm) }
claim open_claim "Consent" { holds consent(bor, cm) or harmful(cm) and performed_by(cm, bor) }
)";

TEST(BurdenReasons, AVerdictThatTurnsOnABurdenNamesItAndWhoBearsIt) {
  auto j = judge_text(burden_case);
  ASSERT_EQ(j.verdict("wrongful_cm"), "established");
  const auto& g = j.grounding("wrongful_cm");
  ASSERT_EQ(g.burdens.size(), 1u) << j.errors();
  EXPECT_EQ(g.burdens[0].atom, "precluded(cm, rur)");
  EXPECT_TRUE(g.burdens[0].derived);
  EXPECT_FALSE(g.burdens[0].holds);
  ASSERT_TRUE(g.burdens[0].bearer);
  EXPECT_EQ(*g.burdens[0].bearer, "rur");
  EXPECT_EQ(*g.burdens[0].bearer_label, "Ruritania");
  EXPECT_EQ(g.burdens[0].description, "Wrongfulness is precluded; the state invoking it bears the burden");
}

// A burden of proof that holds brings its own support, and a rule in it is
// read on the burden's own premises: r1 establishes excused(a) from the fact,
// so it applies (it was listed among the "routes that do not apply", read on
// the claim's premises, where excused(a) is a premise of its own).
TEST(BurdenReasons, TheRuleThatDischargesABurdenApplies) {
  const std::string text = R"(
actor a "". state s "".
predicate member_of(actor, state) "". predicate excused(actor) closed "".
rule r1 "Members are excused": excused(X) if member_of(X, s).
fact member_of(a, s).
claim c1 "" { holds excused(a) }
)";
  auto j = judge_text(text);
  ASSERT_EQ(j.verdict("c1"), "established") << j.errors();
  const auto& support = j.grounding("c1").support;
  auto r1 = std::find_if(support.begin(), support.end(), [](const PremiseRef& p) { return p.id == "r1"; });
  ASSERT_NE(r1, support.end()) << "r1 is not in the support";
  EXPECT_EQ(r1->because_of, "excused(a)");
  EXPECT_TRUE(r1->applies);
}

// A counter-model shows the atoms the claim's own premises connect to it
// (§4), whatever burden was decided on the way: here precluded(op_a, rur),
// decided on premises of its own, once left only its atoms in view, and the
// counter-model lost `not performed_by(op_b, rur)`, without which the claim
// would hold. The burden's own conditions (consent) connect nothing further.
TEST(BurdenReasons, ACounterModelKeepsTheClaimsOwnScopeWhenABurdenIsDecided) {
  auto j = judge_text(burden_case + R"(
operation op_a "A first operation".
operation op_b "A second operation".
fact f_ha: harmful(op_a).
evidence wa testimony "Ruritania may have done the first" { supports performed_by(op_a, rur) confidence 0.5 }
evidence wb testimony "Ruritania may have done the second" { supports performed_by(op_b, rur) confidence 0.5 }
evidence wc testimony "Borduria may have consented" { supports consent(bor, op_a) confidence 0.5 }
claim either "The first is wrongful, or Ruritania did the second" { holds wrongful(op_a, rur) or performed_by(op_b, rur) }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  ASSERT_EQ(j.verdict("either"), "not_established");
  const auto& model = j.grounding("either").counter_model;
  EXPECT_TRUE(has_literal(model, "performed_by(op_b, rur)", false));
  EXPECT_TRUE(has_literal(model, "performed_by(op_a, rur)", false));
  EXPECT_FALSE(has_literal(model, "consent(bor, op_a)", false));
  EXPECT_FALSE(has_literal(model, "consent(bor, op_a)", true));
}

TEST(BurdenReasons, ARefutationListsTheFactsNotTheRulesThatDoNotApply) {
  auto j = judge_text(burden_case);
  ASSERT_EQ(j.verdict("no_violation"), "refuted");
  const auto& g = j.grounding("no_violation");
  std::vector<std::string> applying, closed;
  for (const auto& p : g.support)
    if (p.kind == PremiseRef::Kind::rule) (p.applies ? applying : closed).push_back(p.id);
  EXPECT_TRUE(applying.empty());
  EXPECT_EQ(closed, (std::vector<std::string>{"attack_if_conflict", "violation_if_attack"}));
  EXPECT_TRUE(std::any_of(g.support.begin(), g.support.end(), [](const PremiseRef& p) { return p.id == "f3"; }));
  // In an establishment the rules that carry it apply.
  for (const auto& p : j.grounding("wrongful_cm").support) {
    if (p.kind == PremiseRef::Kind::rule) {
      EXPECT_TRUE(p.applies) << p.id;
    }
  }
}

TEST(BurdenReasons, ARefutationByTheDoctrineNamesTheFamilyAndTheOtherView) {
  auto j = judge_text(burden_case);
  ASSERT_EQ(j.verdict("narrow_breach"), "refuted");
  const auto& g = j.grounding("narrow_breach");
  ASSERT_EQ(g.no_rule_in_force.size(), 1u);
  const auto& n = g.no_rule_in_force[0];
  EXPECT_EQ(n.atom, "broad_breach(cm)");
  EXPECT_EQ(n.family, "view");
  EXPECT_EQ(n.alternative, "narrow");
  ASSERT_EQ(n.elsewhere.size(), 1u);
  EXPECT_EQ(n.elsewhere[0].first, "broad");
  EXPECT_EQ(n.elsewhere[0].second, std::vector<std::string>{"broad_rule"});
  // Under the other view the same claim is established, and nothing is said.
  JudgeOptions o;
  o.doctrine["view"] = "broad";
  auto b = judge_text(burden_case, o);
  EXPECT_EQ(b.verdict("narrow_breach"), "established");
  EXPECT_TRUE(b.grounding("narrow_breach").no_rule_in_force.empty());
}

TEST(BurdenReasons, CounterModelsMarkWhatIsStipulated) {
  auto j = judge_text(burden_case);
  ASSERT_EQ(j.verdict("open_claim"), "not_established");
  const auto& g = j.grounding("open_claim");
  ASSERT_FALSE(g.counter_model.empty());
  bool saw_agreed = false, saw_scenario = false;
  for (const auto& l : g.counter_model) {
    if (l.atom == "harmful(cm)") {
      EXPECT_TRUE(l.stipulated);
      EXPECT_EQ(l.predicate, "harmful");
      EXPECT_EQ(l.args, std::vector<std::string>{"cm"});
      saw_agreed = true;
    }
    if (l.atom == "performed_by(cm, bor)") {
      EXPECT_FALSE(l.stipulated);
      EXPECT_FALSE(l.positive);
      saw_scenario = true;
    }
  }
  EXPECT_TRUE(saw_agreed);
  EXPECT_TRUE(saw_scenario);
  EXPECT_EQ(j.report.entity_labels.at("rur"), "Ruritania");
  EXPECT_EQ(j.report.predicate_labels.at("harmful"), "The operation caused harm");
}

const std::string statements_case = std::string("case st \"statements\"\n") + standards_block() + R"(
doctrine substantiation = statements_suffice | disclosed_evidence "Substantiation".
state rus "Russia".
actor unit "A unit".
operation op "The operation".
source a "State A".
source b "State B".
predicate performed_by(operation, actor) link "Conducted by".
predicate organ_of(actor, state) "Organ".
predicate attributable(operation, state) attribution "Act of the state".
rule organ "Organ": attributable(O, S) if performed_by(O, A), organ_of(A, S).
fact organ_of(unit, rus).
evidence sa official_statement "A says the unit did it" { supports performed_by(op, unit) confidence highly_likely source a }
evidence sb official_statement "B says the unit did it" { supports performed_by(op, unit) confidence highly_likely source b }
claim suffice "Statements suffice" { holds attributable(op, rus) as accusation }
claim disclosed "Evidence must be disclosed" { holds attributable(op, rus) as accusation under substantiation = disclosed_evidence }
claim assessed "An assessment is not an accusation" { holds attributable(op, rus) under substantiation = disclosed_evidence }
)";

TEST(BurdenReasons, UndisclosedStatementsDoNotSubstantiateAnAccusation) {
  auto j = judge_text(statements_case);
  EXPECT_EQ(j.verdict("suffice"), "established");
  EXPECT_EQ(j.verdict("disclosed"), "unsubstantiated");
  EXPECT_EQ(j.verdict("assessed"), "established");
  const auto& g = j.grounding("disclosed");
  ASSERT_EQ(g.naive_reliance.size(), 1u);
  EXPECT_EQ(g.naive_reliance[0], NaiveInference::undisclosed_statements);
  // The report names the statements it leaned on, and a note for each.
  std::vector<std::string> leaned;
  for (const auto& p : g.support)
    if (p.kind == PremiseRef::Kind::evidence) leaned.push_back(p.id);
  EXPECT_FALSE(leaned.empty());
  EXPECT_EQ(g.notes.size(), 2u);
  // An accusation a statement bears on depends on the family (compare shows both).
  EXPECT_NE(std::find(j.find("suffice")->families.begin(), j.find("suffice")->families.end(), "substantiation"),
            j.find("suffice")->families.end());
  EXPECT_EQ(std::find(j.find("assessed")->families.begin(), j.find("assessed")->families.end(), "substantiation"),
            j.find("assessed")->families.end());
}

} // namespace
} // namespace imputa::testing
