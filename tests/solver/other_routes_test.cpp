// Other routes to a verdict (docs/semantics.md §6): minimal supports on bodies
// of evidence that the support and the routes before them do not use. Items
// of one source, or linked by derived_from, are one body and never two routes.
#include "solver_helpers.hpp"

#include <set>

namespace imputa::testing {
namespace {

// Who did `op`: the victim (two items of one source), the US (and a lab that
// repeats the US finding: derived_from, so one body), the UK. `op2`: two
// items of one source only. `op3`: a stipulated fact only.
const std::string routes_case = std::string("case routes \"routes\"\n") + standards_block() + R"(
use corroboration max.
state rus "Russian Federation".
actor gru "GRU".
actor svr "SVR".
operation op "The operation".
operation op2 "A second operation".
operation op3 "A third operation".
source victim "The victim's government".
source us "The US government".
source uk "The UK government".
source lab "A private lab".
predicate performed_by(operation, actor) link "The operation was conducted by the actor".
predicate organ_of(actor, state) "The actor is an organ of the state".
predicate attributable(operation, state) attribution "The operation is an act of the state".
rule r_organ "Conduct of an organ" cite "ARSIWA art 4": attributable(O, S) if performed_by(O, A), organ_of(A, S).
fact f_gru: organ_of(gru, rus).
fact f_svr: organ_of(svr, rus).
fact f_op3: performed_by(op3, svr).
evidence e_victim official_statement "The victim names the GRU" { supports performed_by(op, gru) confidence 0.9 source victim }
evidence e_victim_cert forensic "The victim's CERT names the GRU" { supports performed_by(op, gru) confidence 0.85 source victim }
evidence e_us official_statement "The US names the GRU" { supports performed_by(op, gru) confidence 0.8 source us }
evidence e_echo forensic "A lab repeats the US finding" { supports performed_by(op, gru) confidence 0.9 source lab derived_from e_us }
evidence e_uk official_statement "The UK names the GRU" { supports performed_by(op, gru) confidence 0.8 source uk }
evidence e_op2a forensic "Tooling of the SVR" { supports performed_by(op2, svr) confidence 0.9 source lab }
evidence e_op2b forensic "Infrastructure of the SVR" { supports performed_by(op2, svr) confidence 0.9 source lab }
claim three "attributable to Russia" { holds attributable(op, rus) }
claim not_gru "the GRU did not do it" { holds not performed_by(op, gru) }
claim one_source "the second is Russia's" { holds attributable(op2, rus) }
claim facts_only "the third is Russia's" { holds attributable(op3, rus) }
)";

// The body of evidence each item of routes_case belongs to (§3).
std::string body_of(const std::string& item) {
  static const std::map<std::string, std::string> bodies{
      {"e_victim", "victim"}, {"e_victim_cert", "victim"}, {"e_us", "us"},     {"e_echo", "us"},
      {"e_uk", "uk"},         {"e_op2a", "lab"},           {"e_op2b", "lab"}};
  return bodies.at(item);
}

std::set<std::string> bodies_of(const std::vector<PremiseRef>& support) {
  std::set<std::string> out;
  for (const auto& p : support)
    if (p.kind == PremiseRef::Kind::evidence) out.insert(body_of(p.id));
  return out;
}

std::vector<std::string> evidence_of(const std::vector<PremiseRef>& support) {
  std::vector<std::string> out;
  for (const auto& p : support)
    if (p.kind == PremiseRef::Kind::evidence) out.push_back(p.id);
  return out;
}

// Every support of a grounding: the first, then the other routes.
std::vector<std::vector<PremiseRef>> all_routes(const ClaimGroundingReport& g) {
  std::vector<std::vector<PremiseRef>> out{g.support};
  for (const auto& r : g.also_supports.routes) out.push_back(r.support);
  return out;
}

TEST(OtherRoutes, ThreeSourcesGiveThreeRoutesOnDisjointBodies) {
  auto j = judge_text(routes_case);
  ASSERT_EQ(j.verdict("three"), "established");
  const auto& g = j.grounding("three");
  auto routes = all_routes(g);
  ASSERT_EQ(routes.size(), 3u);
  std::set<std::string> seen;
  for (const auto& r : routes) {
    auto bodies = bodies_of(r);
    ASSERT_EQ(bodies.size(), 1u) << "each route rests on one source here";
    EXPECT_TRUE(seen.insert(*bodies.begin()).second) << "two routes share the body " << *bodies.begin();
  }
  EXPECT_EQ(seen, (std::set<std::string>{"victim", "us", "uk"}));
  EXPECT_TRUE(g.also_supports.complete);
  EXPECT_EQ(g.also_supports.left_out, 0u);
  EXPECT_FALSE(g.also_supports.time_ran_out);
  // Facts and rules may be shared: every route needs the organ and the rule.
  for (const auto& r : routes) {
    auto names = ids(r);
    EXPECT_NE(std::find(names.begin(), names.end(), "f_gru"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "r_organ"), names.end());
  }
}

// Each route establishes the claim on its own: with every other item of
// evidence dropped, the verdict stands.
TEST(OtherRoutes, EachRouteEstablishesTheClaimAlone) {
  auto j = judge_text(routes_case);
  for (const auto& r : j.grounding("three").also_supports.routes) {
    auto kept = evidence_of(r.support);
    std::vector<std::string> drops;
    for (const auto& e : j.program.evidence)
      if (std::find(kept.begin(), kept.end(), e.id) == kept.end()) drops.push_back(e.id);
    EXPECT_EQ(verdict_with(routes_case, "three", drops), "established") << "route on " << kept.front();
  }
}

TEST(OtherRoutes, ItemsOfOneSourceAreNeverTwoRoutes) {
  auto j = judge_text(routes_case);
  ASSERT_EQ(j.verdict("one_source"), "established");
  const auto& g = j.grounding("one_source");
  EXPECT_EQ(evidence_of(g.support).size(), 1u);
  EXPECT_TRUE(g.also_supports.routes.empty()) << "e_op2a and e_op2b come from one lab";
  EXPECT_TRUE(g.also_supports.complete);
  // derived_from: the lab's echo of the US finding is the US body, never a route beside it.
  for (const auto& r : all_routes(j.grounding("three"))) {
    auto items = evidence_of(r);
    EXPECT_FALSE(std::find(items.begin(), items.end(), "e_echo") != items.end() &&
                 std::find(items.begin(), items.end(), "e_us") != items.end());
  }
}

TEST(OtherRoutes, ASupportWithoutEvidenceHasNoOtherRoute) {
  auto j = judge_text(routes_case);
  ASSERT_EQ(j.verdict("facts_only"), "established");
  EXPECT_TRUE(evidence_of(j.grounding("facts_only").support).empty());
  EXPECT_TRUE(j.grounding("facts_only").also_supports.routes.empty());
}

TEST(OtherRoutes, ARefutationHasOtherRoutesToo) {
  auto j = judge_text(routes_case);
  ASSERT_EQ(j.verdict("not_gru"), "refuted");
  auto routes = all_routes(j.grounding("not_gru"));
  EXPECT_EQ(routes.size(), 3u);
  std::set<std::string> seen;
  for (const auto& r : routes)
    for (const auto& b : bodies_of(r)) EXPECT_TRUE(seen.insert(b).second) << b;
}

TEST(OtherRoutes, TheBoundCutsTheListAndSaysSo) {
  JudgeOptions o;
  o.claims = {"three"};
  o.other_supports = 1;
  auto j = judge_text(routes_case, o);
  const auto& cut = j.grounding("three").also_supports;
  EXPECT_EQ(cut.routes.size(), 1u);
  EXPECT_EQ(cut.left_out, 1u);
  EXPECT_FALSE(cut.complete) << "the search stopped one past the bound: there may be more";
  o.count_other_supports = true; // explain: every route counted
  auto counted = judge_text(routes_case, o);
  const auto& all = counted.grounding("three").also_supports;
  EXPECT_EQ(all.routes.size(), 1u);
  EXPECT_EQ(all.left_out, 1u);
  EXPECT_TRUE(all.complete);
  // The routes kept are the first ones of the full list.
  EXPECT_EQ(ids(all.routes.front().support), ids(j.grounding("three").also_supports.routes.front().support));
}

TEST(OtherRoutes, NoneWithoutReasonsOrWithABoundOfZero) {
  JudgeOptions o;
  o.reasons = false;
  EXPECT_TRUE(judge_text(routes_case, o).grounding("three").also_supports.routes.empty());
  JudgeOptions none;
  none.other_supports = 0;
  auto j = judge_text(routes_case, none);
  EXPECT_TRUE(j.grounding("three").also_supports.routes.empty());
  EXPECT_EQ(j.grounding("three").also_supports.left_out, 0u);
}

// A claim's own drops stay dropped on every route.
TEST(OtherRoutes, TheClaimsOwnDropsHold) {
  JudgeOptions o;
  o.drop = {"e_uk"};
  auto j = judge_text(routes_case, o);
  for (const auto& r : all_routes(j.grounding("three"))) {
    auto items = evidence_of(r);
    EXPECT_EQ(std::find(items.begin(), items.end(), "e_uk"), items.end());
  }
  EXPECT_EQ(all_routes(j.grounding("three")).size(), 2u);
}

} // namespace
} // namespace imputa::testing
