// Library test 18 (monotone in the standard): judged at each standard of
// proof, no claim of a shipped example or library test turns from REFUTED,
// NOT_ESTABLISHED, ARGUABLE or UNSUBSTANTIATED into ESTABLISHED at a higher
// standard, unless the report names a burden of proof on the state invoking a
// defence or a presumption the doctrine puts in force; and "strength" never
// says "established at a higher standard" without naming that reason.
#include "../solver/solver_helpers.hpp" // checked_case
#include "test_support.hpp"

#include "imputa/dsl.hpp"
#include "imputa/judge.hpp"

#include <gtest/gtest.h>

#include <algorithm>
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

// Every place where `program` is easier to establish at a higher standard
// without a named burden or presumption, one line each.
std::vector<std::string> violations(const Program& program, const std::string& name) {
  std::vector<std::string> out;
  std::vector<Report> reports;
  for (const auto& standard : standards_by_rank()) {
    JudgeOptions options;
    options.standard = standard;
    options.standard_overrides_claims = true;
    options.jobs = 2;
    Diagnostics diags;
    reports.push_back(judge(program, options, diags));
    if (diags.has_errors()) return {name + " does not ground"};
  }
  const auto& ranks = standards_by_rank();
  for (std::size_t c = 0; c < reports[0].claims.size(); ++c) {
    for (std::size_t k = 0; k < reports[0].claims[c].groundings.size(); ++k) {
      const std::string where = name + " claim " + reports[0].claims[c].id + " (grounding " + std::to_string(k) + ")";
      for (std::size_t lo = 0; lo < reports.size(); ++lo) {
        const auto& low = reports[lo].claims[c].groundings[k];
        if (!weaker_than_established(low.verdict)) continue;
        // "strength" above this standard names its reason.
        const bool stronger = low.strength && std::find(ranks.begin() + static_cast<std::ptrdiff_t>(lo) + 1,
                                                        ranks.end(), *low.strength) != ranks.end();
        if (stronger && named_burden(low.strength_burdens).empty())
          out.push_back(where + ": " + std::string(to_string(low.verdict)) + " at " + ranks[lo] + " but strength " +
                        *low.strength + " with no burden or presumption named");
        for (std::size_t hi = lo + 1; hi < reports.size(); ++hi) {
          const auto& high = reports[hi].claims[c].groundings[k];
          if (high.verdict == Verdict::established && named_burden(high.burdens).empty())
            out.push_back(where + ": " + std::string(to_string(low.verdict)) + " at " + ranks[lo] +
                          " but ESTABLISHED at " + ranks[hi] +
                          " with no burden on an invoking state or presumption in force named");
        }
      }
    }
  }
  return out;
}

// Under sanitizers, every other one of the library's own cases only: each
// example is run under them by the golden tests already, and judging each
// one at every standard there took two and a half minutes; the plain suite
// checks them all.
TEST(Library, MonotoneInTheStandardUnlessABurdenIsNamed) {
  auto files = testing::sanitized ? testing::imputa_files({"tests/library"})
                                  : testing::imputa_files({"examples", "tests/library"});
  ASSERT_GE(files.size(), 20u);
  std::size_t seen = 0;
  for (const auto& file : files) {
    if (!testing::in_sanitized_half(seen++)) continue;
    const testing::CheckedCase c = testing::checked_case(file);
    if (c.diags.has_errors()) {
      ADD_FAILURE() << file << " does not load";
      continue;
    }
    for (const auto& v : violations(c.program, file.filename().string())) ADD_FAILURE() << v;
  }
}

// The check itself can fail: v0.1's reading of AP I art 52(3), a presumption
// of civilian character that binds whoever alleges the violation, makes the
// violation easier to establish at a higher standard.
TEST(Library, MonotonicityCheckCatchesAPresumptionThatBindsTheClaimant) {
  const std::string v01 = R"(
    predicate directed_at(operation, object) "".
    predicate military_objective(object) closed "".
    predicate strikes_civilian_object(operation) "".
    rule distinction "": strikes_civilian_object(Op) if directed_at(Op, O), not military_objective(O).
    operation op "". object grid "".
    fact directed_at(op, grid).
    evidence e_mil intelligence "Used by the armed forces" { supports military_objective(grid) confidence 0.8..0.9 }
    claim c "" { holds strikes_civilian_object(op) }
  )";
  Sources sources;
  Diagnostics diags;
  parse::LoadOptions load;
  load.with_library = false;
  auto files = parse::load_text("v01.imputa", v01, load, sources, diags);
  Program program = check::check(files, sources, diags);
  ASSERT_FALSE(diags.has_errors());
  auto found = violations(program, "v01.imputa");
  auto says = [&](const std::string& what) {
    return std::any_of(found.begin(), found.end(), [&](const std::string& v) { return v.find(what) != std::string::npos; });
  };
  EXPECT_TRUE(says("refuted at clear_and_convincing but ESTABLISHED at beyond_reasonable_doubt")) << found.size();
  EXPECT_TRUE(says("refuted at clear_and_convincing but strength fully_conclusive")) << found.size();
}

} // namespace
} // namespace imputa
