// Library test 18 (monotone in the standard): judged at each standard of
// proof, no claim of a shipped example or library test turns from REFUTED,
// NOT_ESTABLISHED, ARGUABLE or UNSUBSTANTIATED into ESTABLISHED at a higher
// standard, unless the report names a burden of proof on the state invoking a
// defence or a presumption the doctrine puts in force; and "strength" never
// says "established at a higher standard" without naming that reason.
#include "test_support.hpp"

#include "imputa/dsl.hpp"
#include "imputa/judge.hpp"

#include <gtest/gtest.h>

#include <set>

namespace imputa {
namespace {

namespace fs = std::filesystem;

// The closed predicates whose burden lies on the state invoking a defence,
// and the presumptions a doctrine puts in force (docs/decisions.md,
// "Burden of proof and the standard").
const std::set<std::string>& allowed_burdens() {
  static const std::set<std::string> names{
      "acting_in_private_capacity", "consent_given", "force_majeure", "distress", "state_of_necessity",
      "responds_to", "precluded", "military_objective_shown", "propagation_contained_shown"};
  return names;
}

std::string predicate_of(const std::string& atom) { return atom.substr(0, atom.find('(')); }

// The reason a grounding may be easier at a higher standard, or empty.
std::string named_burden(const std::vector<Burden>& burdens) {
  for (const auto& b : burdens)
    if (allowed_burdens().count(predicate_of(b.atom))) return b.atom;
  return "";
}

bool weaker_than_established(Verdict v) {
  return v == Verdict::refuted || v == Verdict::not_established || v == Verdict::arguable ||
         v == Verdict::unsubstantiated;
}

const std::vector<std::string>& standards_by_rank() {
  static const std::vector<std::string> s{"reasonable_suspicion", "preponderance", "clear_and_convincing",
                                          "beyond_reasonable_doubt", "fully_conclusive"};
  return s;
}

struct Judged {
  std::string claim;
  std::map<std::string, std::string> bindings;
  const ClaimGroundingReport* grounding;
};

TEST(Library, MonotoneInTheStandardUnlessABurdenIsNamed) {
  auto files = testing::imputa_files({"examples", "tests/library"});
  ASSERT_GE(files.size(), 20u);
  std::size_t compared = 0;
  for (const auto& file : files) {
    Sources sources;
    Diagnostics diags;
    auto loaded = parse::load(file.string(), {}, sources, diags);
    Program program = check::check(loaded, sources, diags);
    ASSERT_FALSE(diags.has_errors()) << file;
    std::vector<Report> reports;
    for (const auto& standard : standards_by_rank()) {
      JudgeOptions options;
      options.standard = standard;
      options.standard_overrides_claims = true;
      options.jobs = 2;
      reports.push_back(judge(program, options, diags));
      ASSERT_FALSE(diags.has_errors()) << file;
    }
    for (std::size_t c = 0; c < reports[0].claims.size(); ++c) {
      for (std::size_t k = 0; k < reports[0].claims[c].groundings.size(); ++k) {
        const std::string where = file.filename().string() + " claim " + reports[0].claims[c].id + " (grounding " +
                                  std::to_string(k) + ")";
        for (std::size_t lo = 0; lo < reports.size(); ++lo) {
          const auto& low = reports[lo].claims[c].groundings[k];
          // Strength above the claim's standard names its reason.
          if (low.strength && low.verdict != Verdict::established && low.verdict != Verdict::inconsistent &&
              low.verdict != Verdict::unknown)
            EXPECT_NE(named_burden(low.strength_burdens), "")
                << where << ": " << to_string(low.verdict) << " at " << standards_by_rank()[lo]
                << " but strength " << *low.strength << " with no burden or presumption named";
          if (!weaker_than_established(low.verdict)) continue;
          for (std::size_t hi = lo + 1; hi < reports.size(); ++hi) {
            const auto& high = reports[hi].claims[c].groundings[k];
            ++compared;
            if (high.verdict != Verdict::established) continue;
            EXPECT_NE(named_burden(high.burdens), "")
                << where << ": " << to_string(low.verdict) << " at " << standards_by_rank()[lo] << " but ESTABLISHED at "
                << standards_by_rank()[hi] << " with no burden on an invoking state or presumption in force named";
          }
        }
      }
    }
  }
  EXPECT_GT(compared, 100u);
}

} // namespace
} // namespace imputa
