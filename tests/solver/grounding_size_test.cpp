// Grounding stays linear in the size of a campaign. The shortcuts of
// solver/ground/ground.cpp (representatives, binding from what the case
// mentions) keep every verdict, so a shortcut that silently stops applying and
// falls back to walking whole entity domains leaves every other test green
// while grounding turns quadratic: this test notices. It grounds campaigns of
// bench/corpus (seed 7, 50 and 200 operations, entities scaled with them as
// the benchmarks do) and pins the number of ground atoms and rule instances.
#include "ground/ground.hpp"
#include "test_support.hpp"

#include "imputa/dsl.hpp"

#include <gtest/gtest.h>

#include <string>

namespace imputa::testing {
namespace {

struct GroundSize {
  std::size_t atoms = 0;
  std::size_t instances = 0; // ground rule bodies
};

// Grounds `corpus OPERATIONS 7` with the shipped library, as `imputa lint` does.
GroundSize ground_campaign(int operations) {
  auto generated = run_program(IMPUTA_CORPUS, {std::to_string(operations), "7"});
  EXPECT_EQ(generated.exit_code, 0) << generated.err;
  Sources sources;
  Diagnostics diags;
  parse::LoadOptions load;
  auto files = parse::load_text("corpus.imputa", generated.out, load, sources, diags);
  Program program = check::check(files, sources, diags);
  EXPECT_FALSE(diags.has_errors()) << "bench/corpus wrote a case with errors";
  ground::GroundProgram g = ground::ground(program, {}, diags);
  EXPECT_FALSE(diags.has_errors()) << "grounding the campaign failed";
  GroundSize size;
  size.atoms = g.atoms.size();
  for (const auto& d : g.definitions) size.instances += d.bodies.size();
  return size;
}

// Four times the operations (and the actors and objects with them) may cost
// four times the grounding, with a margin: count(200) <= 4.5 * count(50).
// Walking a whole domain for each operation costs sixteen times. Do not raise
// the bound to make this pass: find the shortcut that stopped applying
// (docs/decisions.md, "Solver"; docs/performance.md, "What made it linear").
// The exact counts are pinned too, so that a smaller jump is seen and explained.
TEST(GroundingSize, LinearInTheNumberOfOperations) {
  const GroundSize fifty = ground_campaign(50), two_hundred = ground_campaign(200);
  const char* const meaning =
      "\nGrounding grew faster than the campaign. Every verdict may still be right, but a grounding "
      "shortcut has probably stopped applying and the grounder walks whole entity domains: large cases "
      "become quadratic.";
  EXPECT_LE(two_hundred.atoms * 2, fifty.atoms * 9)
      << "ground atoms: " << fifty.atoms << " for 50 operations, " << two_hundred.atoms << " for 200" << meaning;
  EXPECT_LE(two_hundred.instances * 2, fifty.instances * 9)
      << "rule instances: " << fifty.instances << " for 50 operations, " << two_hundred.instances << " for 200"
      << meaning;

  const char* const update =
      "\nThese numbers change when the grounder or the library legitimately changes. If the growth "
      "checks above pass, replace the pinned numbers in tests/solver/grounding_size_test.cpp with the "
      "new ones and say in the commit message why grounding grew or shrank.";
  EXPECT_EQ(fifty.atoms, 5584u) << "ground atoms of `corpus 50 7`: " << fifty.atoms << update;
  EXPECT_EQ(fifty.instances, 5510u) << "rule instances of `corpus 50 7`: " << fifty.instances << update;
  EXPECT_EQ(two_hundred.atoms, 14127u) << "ground atoms of `corpus 200 7`: " << two_hundred.atoms << update;
  EXPECT_EQ(two_hundred.instances, 16042u)
      << "rule instances of `corpus 200 7`: " << two_hundred.instances << update;
}

} // namespace
} // namespace imputa::testing
