// The judge's check of its shortcut for unnamed entities: a case small
// enough is judged with every entity apart as well, and a claim whose
// verdicts differ is reported as that reading gives it (docs/report.md,
// "`<another actor>`"; JudgeOptions::check_apart_up_to).
#include "solver_helpers.hpp"

#include "imputa/ground_case.hpp"

namespace imputa::testing {
namespace {

// Library test 32 (Soundness.S18): two stated attributions by unnamed
// actors. The shortcut without witnesses (JudgeOptions::witnesses off, as
// it stood before 3 Dec 2026) reads them as one actor under the routes not
// tied to an operation (`cross`), and not under effective control with
// every route in force (`cross_effective`): a claim the shortcut gets
// wrong, for testing the check.
CheckedCase s18() { return checked_case(source_dir() / "tests/library/32_two_unnamed_actors.imputa"); }

JudgeOptions without_witnesses() {
  JudgeOptions o;
  o.witnesses = false;
  return o;
}

// Test 32's claim settings: overall control, and only the routes of
// attribution not tied to one operation.
constexpr const char* routes_not_tied_to_an_operation = R"(  under control = overall_control
  drop art8_instructions
  drop art5_governmental_authority
  drop art11_adoption
  drop art2_own_conduct
)";

CheckedCase case_of_text(const std::string& text) {
  CheckedCase c;
  auto files = parse::load_text("case.imputa", text, {}, c.sources, c.diags);
  c.program = check::check(files, c.sources, c.diags);
  return c;
}

const ClaimReport& claim_of(const Report& r, const std::string& id) {
  for (const auto& c : r.claims)
    if (c.id == id) return c;
  throw std::runtime_error("no claim " + id);
}

TEST(CheckApart, AClaimTheShortcutGetsWrongIsReportedAsEveryEntityApartReadsIt) {
  const CheckedCase c = s18();
  ASSERT_FALSE(c.diags.has_errors());
  Diagnostics d;
  const Report r = judge(c.program, without_witnesses(), d);
  ASSERT_FALSE(d.has_errors());
  const ClaimReport& cross = claim_of(r, "cross");
  EXPECT_EQ(to_string(cross.verdict), "not_established");
  ASSERT_TRUE(cross.shortcut_verdict.has_value());
  EXPECT_EQ(to_string(*cross.shortcut_verdict), "established");
  // Its reasons are that reading's: a state of affairs where the claim is
  // false, with the actors by name.
  const auto& g = cross.groundings.front();
  EXPECT_FALSE(g.counter_model.empty());
  for (const auto& lit : g.counter_model) EXPECT_EQ(lit.atom.find('<'), std::string::npos) << lit.atom;
  // A claim both readings agree on keeps the shortcut's report.
  const ClaimReport& agreed = claim_of(r, "cross_effective");
  EXPECT_FALSE(agreed.shortcut_verdict.has_value());
  EXPECT_EQ(to_string(agreed.verdict), "not_established");
}

TEST(CheckApart, OffOrPastItsSizeTheShortcutStands) {
  const CheckedCase c = s18();
  ASSERT_FALSE(c.diags.has_errors());
  for (std::size_t up_to : {std::size_t{0}, std::size_t{10}}) { // never; a case larger than 10 ground atoms
    SCOPED_TRACE(up_to);
    JudgeOptions o = without_witnesses();
    o.check_apart_up_to = up_to;
    Diagnostics d;
    const Report r = judge(c.program, o, d);
    const ClaimReport& cross = claim_of(r, "cross");
    EXPECT_EQ(to_string(cross.verdict), "established") << "S18 without witnesses";
    EXPECT_FALSE(cross.shortcut_verdict.has_value());
  }
}

TEST(CheckApart, ACaseGroundOnceForWhatIfsIsCheckedToo) {
  const CheckedCase c = s18();
  ASSERT_FALSE(c.diags.has_errors());
  Diagnostics d;
  auto ground = ground_case(c.program, without_witnesses(), d);
  ASSERT_TRUE(ground);
  JudgeOptions o = without_witnesses();
  o.claims = {"cross"};
  o.reasons = false;
  const Report r = judge(*ground, o);
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(to_string(r.claims.front().verdict), "not_established");
  EXPECT_TRUE(r.claims.front().shortcut_verdict.has_value());
}

TEST(CheckApart, TheGraphOfSuchAClaimSaysSo) {
  const CheckedCase c = s18();
  ASSERT_FALSE(c.diags.has_errors());
  Diagnostics d;
  const Graph g = claim_graph(c.program, without_witnesses(), std::string("cross"), GraphView::support, d);
  ASSERT_FALSE(d.has_errors());
  bool found = false;
  for (const auto& n : g.nodes)
    if (n.kind == GraphNode::Kind::claim) {
      found = true;
      EXPECT_NE(n.label.find("(judged with every entity on its own)"), std::string::npos) << n.label;
      EXPECT_EQ(n.label.find('<'), std::string::npos);
    }
  EXPECT_TRUE(found);
  // The atoms drawn are those of judging apart: no representative.
  for (const auto& n : g.nodes) EXPECT_EQ(n.label.find("<another"), std::string::npos) << n.label;
}

TEST(CheckApart, SeveralClaimsThatDifferAreEachReportedApart) {
  std::string text = read_file(source_dir() / "tests/library/32_two_unnamed_actors.imputa");
  text += std::string("\nclaim cross_again \"The same question, asked twice\" {\n"
                      "  holds attributable(op2, s1) or attributable(op1, s2)\n") +
          routes_not_tied_to_an_operation + "}\n";
  CheckedCase given = case_of_text(text);
  ASSERT_FALSE(given.diags.has_errors());
  Diagnostics diags;
  const Report r = judge(given.program, without_witnesses(), diags);
  for (const char* id : {"cross", "cross_again"}) {
    const ClaimReport& c = claim_of(r, id);
    EXPECT_EQ(to_string(c.verdict), "not_established") << id;
    ASSERT_TRUE(c.shortcut_verdict.has_value()) << id;
    EXPECT_FALSE(c.groundings.front().counter_model.empty()) << id << ": judged apart with its reasons";
  }
  EXPECT_FALSE(claim_of(r, "cross_effective").shortcut_verdict.has_value());
}

// A generated contested campaign of 100 operations is small enough to be
// checked (4,918 ground atoms together, 24,623 apart): one more claim of
// test 32's kind (its question, supposed by the claim instead of stated by
// the case) is reported as judging every entity apart reads it where the
// shortcut gets it wrong (without witnesses). With the bounds before 3 Dec
// 2026 (5,000 and 20,000 atoms) it was not checked. With witnesses the
// shortcut itself gets it right (Soundness.S18).
TEST(CheckApart, ACampaignOfAHundredOperationsIsChecked) {
  auto generated = run_program(IMPUTA_CORPUS, {"100", "1", "--contested"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const std::string text = generated.out + R"(
state s1 "State S1".
state s2 "State S2".
operation op1 "Intrusion into S3's ministry".
operation op2 "Wiper attack on S4's banks".
actor unidentified_group_1 "A group the sources do not identify".
actor unidentified_group_2 "Another group the sources do not identify".
fact not performed_by(op1, s1).
fact not performed_by(op1, s2).
fact not performed_by(op2, s1).
fact not performed_by(op2, s2).
claim supposed "If op1 is attributable to S1 and op2 to S2, one is also attributable to the other state" {
  holds not attributable(op1, s1) or not attributable(op2, s2) or attributable(op1, s2) or attributable(op2, s1)
)" + std::string(routes_not_tied_to_an_operation) + "}\n";
  CheckedCase campaign = case_of_text(text);
  ASSERT_FALSE(campaign.diags.has_errors());
  JudgeOptions o = without_witnesses();
  o.claims = {"supposed"};
  o.reasons = false;
  Diagnostics diags;
  const Report checked = judge(campaign.program, o, diags);
  const ClaimReport& c = claim_of(checked, "supposed");
  EXPECT_EQ(to_string(c.verdict), "not_established");
  ASSERT_TRUE(c.shortcut_verdict.has_value()) << "the campaign was not checked";
  EXPECT_EQ(to_string(*c.shortcut_verdict), "established");
  JudgeOptions shortcut_alone;
  shortcut_alone.claims = {"supposed"};
  shortcut_alone.reasons = false;
  shortcut_alone.check_apart_up_to = 0;
  const Report with_witnesses = judge(campaign.program, shortcut_alone, diags);
  EXPECT_EQ(to_string(claim_of(with_witnesses, "supposed").verdict), "not_established");
}

} // namespace
} // namespace imputa::testing
