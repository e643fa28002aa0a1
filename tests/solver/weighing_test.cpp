// Evidence weighing (docs/semantics.md §3) in exact rationals: independent sources
// corroborate under noisy_or, one source or a restatement does not.
#include "solver_helpers.hpp"
#include "weigh/weigh.hpp"

#include <random>

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

// proven() answers from the weight's one end without naming the items that
// carry it (it is asked some hundred thousand times on a large campaign):
// on random bodies of evidence it agrees with the full weighing, read as
// docs/semantics.md §3 states the rule (the weight at the threshold, and
// under contrary_below the contrary's favourable weight below it).
bool proven_by_weighing(const weigh::EvidenceIndex& index, const weigh::LiteralKey& literal,
                        const weigh::Config& config, weigh::Reading reading) {
  const weigh::Weight w = index.weigh(literal, config);
  const Rational& value = reading == weigh::Reading::cautious ? w.lo : w.hi;
  if (w.carrying.empty() || value < config.threshold) return false;
  if (config.contrary_below) {
    const weigh::Weight contrary = index.weigh({literal.atom, !literal.positive}, config);
    if (!contrary.carrying.empty() && contrary.hi >= *config.contrary_below) return false;
  }
  return true;
}

TEST(Weighing, ProvenAgreesWithTheFullWeighing) {
  std::mt19937 rng(20261201);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  const std::vector<std::string> points{"0", "0.05", "0.3", "0.5", "0.6", "0.75", "0.84", "0.9", "1"};
  const std::vector<std::string> kinds{"forensic", "origin", "official_statement", "intelligence"};
  const std::vector<std::string> atoms{"performed_by(op, a0)", "performed_by(op, a1)", "hosted(op, a0)"};
  int proven_seen = 0, unproven_seen = 0;
  for (int round = 0; round < 150; ++round) {
    std::string text = "case w \"w\"\nactor a0 \"a0\".\nactor a1 \"a1\".\noperation op \"Op\".\n"
                       "source s0 \"S0\".\nsource s1 \"S1\".\nsource s2 \"S2\".\n"
                       "predicate performed_by(operation, actor) link \"p\".\n"
                       "predicate hosted(operation, actor) \"h\".\n";
    const int items = 1 + static_cast<int>(rng() % 7);
    for (int i = 0; i < items; ++i) {
      std::string lo = pick(points), hi = pick(points);
      if (Rational(*parse_decimal(hi)) < Rational(*parse_decimal(lo))) std::swap(lo, hi);
      text += "evidence e" + std::to_string(i) + " " + pick(kinds) + " \"x\" { " +
              (rng() % 3 ? "supports " : "contradicts ") + pick(atoms) + " confidence " +
              (lo == hi ? lo : lo + ".." + hi);
      if (rng() % 3) text += " source s" + std::to_string(rng() % 3);
      if (i > 0 && rng() % 4 == 0) text += " derived_from e" + std::to_string(rng() % i);
      text += " }\n";
    }
    Judged j;
    parse::LoadOptions load;
    load.with_library = false;
    auto files = parse::load_text("case.imputa", text, load, j.sources, j.diags);
    j.program = check::check(files, j.sources, j.diags);
    ASSERT_FALSE(j.diags.has_errors()) << text << j.errors();
    const weigh::EvidenceIndex index(j.program);
    for (int c = 0; c < 8; ++c) {
      weigh::Config config;
      config.threshold = *parse_decimal(pick({"0.5", "0.6", "0.75", "0.84", "0.9", "0.95"}));
      if (rng() % 2) config.contrary_below = *parse_decimal(pick({"0.3", "0.5", "0.6"}));
      config.corroboration = rng() % 2 ? Corroboration::max : Corroboration::noisy_or;
      config.origin_at_full_weight = rng() % 4 == 0;
      config.statements_discounted = rng() % 2 == 0;
      for (int i = 0; i < items; ++i)
        if (rng() % 4 == 0) config.dropped.insert("e" + std::to_string(i));
      for (const auto& literal : index.literals())
        for (auto reading : {weigh::Reading::cautious, weigh::Reading::favourable}) {
          const bool expected = proven_by_weighing(index, literal, config, reading);
          ASSERT_EQ(index.proven(literal, config, reading), expected) << text << literal.atom << " " << literal.positive;
          ++(expected ? proven_seen : unproven_seen);
        }
    }
  }
  // The random cases reach both answers often.
  EXPECT_GT(proven_seen, 200);
  EXPECT_GT(unproven_seen, 200);
}

} // namespace
} // namespace imputa::testing
