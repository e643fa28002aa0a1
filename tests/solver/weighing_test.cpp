// Evidence weighing (docs/semantics.md §3) in exact rationals: independent sources
// corroborate under noisy_or, one source or a restatement does not.
#include "solver_helpers.hpp"

namespace imputa::testing {
namespace {

std::string weighing_case(const std::string& corroboration, const std::string& items) {
  return R"(case w "weighing"
use corroboration )" + corroboration + R"(.
standard clear_and_convincing 0.75 "c".
standard s84 0.84 "Exactly 0.84".
standard s8401 0.8401 "Just above 0.84".
standard s28 0.28 "Exactly 0.28".
standard s973 0.973 "Exactly 0.973".
actor gru "GRU".
actor a2 "A2".
actor a3 "A3".
operation op "Op".
source s1 "S1".
source s2 "S2".
source s3 "S3".
predicate performed_by(operation, actor) "p".
)" + items + R"(
claim cc "at 0.75" { holds performed_by(op, gru) }
claim at84 "at exactly 0.84" { holds performed_by(op, gru) standard s84 }
claim above84 "at 0.8401" { holds performed_by(op, gru) standard s8401 }
)";
}

const std::string two_sources = R"(
evidence e1 forensic "First lab" { supports performed_by(op, gru) confidence 0.6 source s1 }
evidence e2 intelligence "Second agency" { supports performed_by(op, gru) confidence 0.6 source s2 }
)";

TEST(Weighing, NoisyOrOfTwoIndependentSixtiesIsExactly084) {
  auto j = judge_text(weighing_case("noisy_or", two_sources));
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("cc"), "established");
  EXPECT_EQ(j.verdict("at84"), "established");
  EXPECT_EQ(j.verdict("above84"), "not_established");
  // Both items carry the corroborated weight, and the report says it is 0.84.
  const auto& support = j.grounding("at84").support;
  ASSERT_EQ(ids(support), (std::vector<std::string>{"e1", "e2"}));
  EXPECT_EQ(support[0].weight, (Interval{Rational(84, 100), Rational(84, 100)}));
  EXPECT_EQ(support[1].weight, support[0].weight);
  // Neither alone reaches 0.75.
  EXPECT_EQ(j.grounding("cc").critical_evidence, (std::vector<std::string>{"e1", "e2"}));
}

TEST(Weighing, MaxCorroborationTakesTheStrongestOnly) {
  auto j = judge_text(weighing_case("max", two_sources));
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("cc"), "not_established");
  EXPECT_EQ(j.grounding("cc").strength, "s28"); // 0.6 clears only the 0.28 standard
}

TEST(Weighing, SameSourceDoesNotCorroborate) {
  auto j = judge_text(weighing_case("noisy_or", R"(
evidence e1 forensic "First report" { supports performed_by(op, gru) confidence 0.6 source s1 }
evidence e2 forensic "Second report, same firm" { supports performed_by(op, gru) confidence 0.6 source s1 }
)"));
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("cc"), "not_established");
}

TEST(Weighing, DerivedFromDoesNotCorroborate) {
  // e3 restates e2, which restates e1 (transitively one body), even with e2 dropped.
  auto j = judge_text(weighing_case("noisy_or", R"(
evidence e1 forensic "Original analysis" { supports performed_by(op, gru) confidence 0.6 source s1 }
evidence e2 open_source "Press article on it" { supports performed_by(op, a2) confidence 0.5 source s2 derived_from e1 }
evidence e3 open_source "Blog restating the article" { supports performed_by(op, gru) confidence 0.6 source s3 derived_from e2 }
claim dropped "with the article dropped" { holds performed_by(op, gru) drop e2 }
)"));
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("cc"), "not_established");
  EXPECT_EQ(j.verdict("dropped"), "not_established");
}

TEST(Weighing, AnItemWithoutSourceIsItsOwnSource) {
  auto j = judge_text(weighing_case("noisy_or", R"(
evidence e1 forensic "First" { supports performed_by(op, gru) confidence 0.6 }
evidence e2 forensic "Second" { supports performed_by(op, gru) confidence 0.6 }
)"));
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("at84"), "established");
  EXPECT_EQ(j.verdict("above84"), "not_established");
}

TEST(Weighing, ArithmeticIsExactWhereDoublesAreNot) {
  // In doubles 1 - 0.9 * 0.8 is 0.27999999999999997 and 1 - 0.3^3 is 0.9729999999999999.
  auto j = judge_text(weighing_case("noisy_or", R"(
evidence e1 forensic "0.1" { supports performed_by(op, a2) confidence 0.1 source s1 }
evidence e2 forensic "0.2" { supports performed_by(op, a2) confidence 0.2 source s2 }
evidence e3 forensic "0.7 a" { supports performed_by(op, a3) confidence 0.7 source s1 }
evidence e4 forensic "0.7 b" { supports performed_by(op, a3) confidence 0.7 source s2 }
evidence e5 forensic "0.7 c" { supports performed_by(op, a3) confidence 0.7 source s3 }
claim p28 "0.28" { holds performed_by(op, a2) standard s28 }
claim p973 "0.973" { holds performed_by(op, a3) standard s973 }
)"));
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("p28"), "established");
  EXPECT_EQ(j.verdict("p973"), "established");
}

TEST(Weighing, IntervalsCombineEndByEnd) {
  // Cautious 1 - 0.5 * 0.5 = 0.75; favourable 1 - 0.2 * 0.1 = 0.98.
  auto j = judge_text(weighing_case("noisy_or", R"(
evidence e1 forensic "0.5 to 0.8" { supports performed_by(op, gru) confidence 0.5..0.8 source s1 }
evidence e2 forensic "0.5 to 0.9" { supports performed_by(op, gru) confidence 0.5..0.9 source s2 }
)"));
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.verdict("cc"), "established");
  EXPECT_EQ(j.verdict("at84"), "arguable");
  // One body: the maximum of lower ends and of upper ends, from different items.
  auto k = judge_text(weighing_case("max", R"(
evidence e1 forensic "0.76 to 0.8" { supports performed_by(op, gru) confidence 0.76..0.8 source s1 }
evidence e2 forensic "0.5 to 0.9" { supports performed_by(op, gru) confidence 0.5..0.9 source s1 }
)"));
  ASSERT_TRUE(k.ok) << k.errors();
  EXPECT_EQ(k.verdict("cc"), "established");
  EXPECT_EQ(k.verdict("at84"), "arguable");
}

} // namespace
} // namespace imputa::testing
