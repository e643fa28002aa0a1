// The judge's check of its shortcut for unnamed entities: a case small
// enough is judged with every entity apart as well, and a claim whose
// verdicts differ is reported as that reading gives it (docs/report.md,
// "`<another actor>`"; JudgeOptions::check_apart_up_to).
#include "solver_helpers.hpp"

#include "imputa/ground_case.hpp"

namespace imputa::testing {
namespace {

// Soundness.DISABLED_S18: two stated attributions by unnamed actors, which
// the shortcut reads as one actor under the routes not tied to an operation.
const std::string s18 = R"(
case s18 "Two attributions by unnamed actors"
state s1 "S1". state s2 "S2".
operation op1 "Op 1". operation op2 "Op 2".
actor g1 "G1". actor g2 "G2". actor g3 "G3".
fact not performed_by(op1, s1). fact not performed_by(op1, s2).
fact not performed_by(op2, s1). fact not performed_by(op2, s2).
fact attributable(op1, s1).
fact attributable(op2, s2).
claim cross "One operation is attributable to the other state too" {
  holds attributable(op1, s2) or attributable(op2, s1)
  under control = overall_control
  drop art8_instructions
  drop art5_governmental_authority
  drop art11_adoption
  drop art2_own_conduct
}
claim own "Op 1 is attributable to S1" {
  holds attributable(op1, s1)
}
)";

struct Loaded {
  Sources sources;
  Diagnostics diags;
  Program program;
};

std::unique_ptr<Loaded> load_with_library(const std::string& text) {
  auto l = std::make_unique<Loaded>();
  auto files = parse::load_text("case.imputa", text, {}, l->sources, l->diags);
  l->program = check::check(files, l->sources, l->diags);
  return l;
}

const ClaimReport& claim_of(const Report& r, const std::string& id) {
  for (const auto& c : r.claims)
    if (c.id == id) return c;
  throw std::runtime_error("no claim " + id);
}

TEST(CheckApart, AClaimTheShortcutGetsWrongIsReportedAsEveryEntityApartReadsIt) {
  auto l = load_with_library(s18);
  ASSERT_FALSE(l->diags.has_errors());
  Diagnostics d;
  const Report r = judge(l->program, {}, d);
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
  const ClaimReport& own = claim_of(r, "own");
  EXPECT_FALSE(own.shortcut_verdict.has_value());
  EXPECT_EQ(to_string(own.verdict), "established");
}

TEST(CheckApart, OffOrPastItsSizeTheShortcutStands) {
  auto l = load_with_library(s18);
  ASSERT_FALSE(l->diags.has_errors());
  for (std::size_t up_to : {std::size_t{0}, std::size_t{10}}) { // never; a case larger than 10 ground atoms
    SCOPED_TRACE(up_to);
    JudgeOptions o;
    o.check_apart_up_to = up_to;
    Diagnostics d;
    const Report r = judge(l->program, o, d);
    const ClaimReport& cross = claim_of(r, "cross");
    EXPECT_EQ(to_string(cross.verdict), "established") << "S18, the known difference (docs/limits.md)";
    EXPECT_FALSE(cross.shortcut_verdict.has_value());
  }
}

TEST(CheckApart, ACaseGroundOnceForWhatIfsIsCheckedToo) {
  auto l = load_with_library(s18);
  ASSERT_FALSE(l->diags.has_errors());
  Diagnostics d;
  auto ground = ground_case(l->program, {}, d);
  ASSERT_TRUE(ground);
  JudgeOptions o;
  o.claims = {"cross"};
  o.reasons = false;
  const Report r = judge(*ground, o);
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(to_string(r.claims.front().verdict), "not_established");
  EXPECT_TRUE(r.claims.front().shortcut_verdict.has_value());
}

} // namespace
} // namespace imputa::testing
