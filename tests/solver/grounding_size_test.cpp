// Grounding stays linear in the size of a campaign. The shortcuts of
// solver/ground/ground.cpp (representatives, binding from what the case
// mentions) keep every verdict, so a shortcut that silently stops applying and
// falls back to walking whole entity domains leaves every other test green
// while grounding turns quadratic: this test notices. It grounds campaigns of
// bench/corpus (seed 7, 50 and 200 operations, entities scaled with them as
// the benchmarks do) and pins the number of ground atoms and rule instances.
#include "ground/ground.hpp"
#include "solver_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace imputa::testing {
namespace {

struct GroundSize {
  std::size_t atoms = 0;
  std::size_t instances = 0; // ground rule bodies
};

// Grounds a case with the shipped library: every rule, as `imputa lint`
// does, or (`as_check`) only the rules some claim can have in force under
// the doctrines its claims select, as `imputa check` does.
GroundSize ground_text(const std::string& text, bool as_check) {
  Sources sources;
  Diagnostics diags;
  parse::LoadOptions load;
  auto files = parse::load_text("case.imputa", text, load, sources, diags);
  Program program = check::check(files, sources, diags);
  EXPECT_FALSE(diags.has_errors()) << "the case has errors:\n" << text;
  ground::GroundOptions options;
  std::vector<std::map<std::string, std::string>> in_force;
  for (const auto& claim : program.claims) {
    auto doctrine = program.doctrine;
    for (const auto& [family, alternative] : claim.under) doctrine[family] = alternative;
    in_force.push_back(std::move(doctrine));
  }
  if (as_check)
    options.may_be_in_force = [&](const RuleItem& rule) {
      return std::any_of(in_force.begin(), in_force.end(), [&](const auto& d) {
        if (!rule.when_family) return true;
        auto it = d.find(*rule.when_family);
        return it != d.end() && it->second == *rule.when_alternative;
      });
    };
  ground::GroundProgram g = ground::ground(program, {}, diags, options);
  EXPECT_FALSE(diags.has_errors()) << "grounding the case failed";
  GroundSize size;
  size.atoms = g.atoms.size();
  for (const auto& d : g.definitions) size.instances += d.bodies.size();
  return size;
}

// `corpus OPERATIONS SEED`, grounded as ground_text() does.
GroundSize ground_campaign(int operations, int seed = 7, bool as_check = false) {
  auto generated = run_program(IMPUTA_CORPUS, {std::to_string(operations), std::to_string(seed)});
  EXPECT_EQ(generated.exit_code, 0) << generated.err;
  return ground_text(generated.out, as_check);
}

const char* const meaning =
    "\nGrounding grew faster than the campaign. Every verdict may still be right, but a grounding "
    "shortcut has probably stopped applying and the grounder walks whole entity domains: large cases "
    "become quadratic.";
const char* const update =
    "\nThese numbers change when the grounder or the library legitimately changes. If the growth "
    "checks pass, replace the pinned numbers in tests/solver/grounding_size_test.cpp with the "
    "new ones and say in the commit message why grounding grew or shrank.";

// Four times the size costs at most 4.5 times the grounding.
void expect_linear(const GroundSize& small, const GroundSize& large, const std::string& small_is,
                   const std::string& large_is) {
  EXPECT_LE(large.atoms * 2, small.atoms * 9)
      << "ground atoms: " << small.atoms << " for " << small_is << ", " << large.atoms << " for " << large_is << meaning;
  EXPECT_LE(large.instances * 2, small.instances * 9) << "rule instances: " << small.instances << " for " << small_is
                                                      << ", " << large.instances << " for " << large_is << meaning;
}

void expect_pinned(const GroundSize& size, const GroundSize& pinned, const std::string& of) {
  EXPECT_EQ(size.atoms, pinned.atoms) << "ground atoms of " << of << ": " << size.atoms << update;
  EXPECT_EQ(size.instances, pinned.instances) << "rule instances of " << of << ": " << size.instances << update;
}

// Four times the operations (and the actors and objects with them) may cost
// four times the grounding, with a margin: count(200) <= 4.5 * count(50).
// Walking a whole domain for each operation costs sixteen times. Do not raise
// the bound to make this pass: find the shortcut that stopped applying
// (docs/decisions.md, "Solver"; docs/performance.md, "What made it linear").
// The exact counts are pinned too, so that a smaller jump is seen and explained.
// Measured on what `imputa check` grounds, for seeds 7 and 2 (seed 2 has four
// free-variable claims, whose groundings name every actor for some state:
// before the representatives read "elsewhere" per cone, 53,765 atoms). Issue
// 19, F4 (guards.hpp): art21/art22 no longer ground each response once per
// state (10,555 atoms and 8,238 instances at `corpus 200 7` before). A body
// that a false comparison between entities leaves out no longer interns its
// atoms (solver/ground/builder.cpp): 10,019 atoms and 7,702 instances before.
TEST(GroundingSize, LinearInTheNumberOfOperations) {
  const GroundSize fifty = ground_campaign(50, 7, true), two_hundred = ground_campaign(200, 7, true),
                   seed2 = ground_campaign(200, 2, true);
  expect_linear(fifty, two_hundred, "50 operations (seed 7)", "200");
  expect_linear(ground_campaign(50, 2, true), seed2, "50 operations (seed 2)", "200");
  expect_pinned(fifty, {2305, 1758}, "`corpus 50 7`, rules in force");
  expect_pinned(two_hundred, {9722, 7388}, "`corpus 200 7`, rules in force");
  expect_pinned(seed2, {9159, 6861}, "`corpus 200 2`, rules in force");
}

// Every rule, those no claim has in force included (as `imputa lint`
// grounds), with the growth check above. Under civilian_presumption =
// presumed_civilian, which no claim of the corpus selects,
// distinction_presumed_civilian_object used to name every object a fact calls
// a military objective in every operation's instance
// (military_objective_shown(o) is a closed conclusion): 1,311 of the 9,379
// instances at 200 operations, 4.8 times the count at 50. A negated burden an
// object nobody mentions cannot meet now leaves such an object to the
// representative, behind its open link directed_at(op, o) (representatives.hpp):
// 8,178 instances; 7,864 once a body a false comparison leaves out
// interns none of its atoms.
TEST(GroundingSize, EveryRulePinned) {
  const GroundSize fifty = ground_campaign(50), two_hundred = ground_campaign(200);
  expect_linear(fifty, two_hundred, "50 operations", "200");
  expect_pinned(fifty, {2374, 1876}, "`corpus 50 7`");
  expect_pinned(two_hundred, {9987, 7864}, "`corpus 200 7`");
}

// A countermeasure (op_b) answers an operation (op_a) whose author a claim
// asks for among all states (`holds attributable(op_a, S)`), as the
// contested corpus of bench/corpus does from 1,000 operations on. Whether
// op_b was lawful weighs op_a's wrongfulness for every state, so op_a's
// breaches and circumstances precluding wrongfulness are ground once per
// state: linear. Each of those instances asks for another state V != S
// (the state whose sovereignty was violated, the target of op_a's own
// countermeasure), joined from the states named there plus one
// representative. Before, the instance with V = S, which its comparison
// leaves out, still interned targets(op_a, s) and violates_sovereignty(op_a,
// s) for every state s, so every representative "another state" of op_a's
// instances found its entities' atoms elsewhere and split into all of them:
// quadratic (926 instances for 10 states, 9,416 for 40; at the contested
// corpus of 4,000, 433,574 instances where the corpus of 1,000 has 55,378);
// 523 and 1,813 once fixed. And op_b's own burden, precluded(op_b, st_0),
// weighed op_a's wrongfulness against every state as a possible target of
// op_b, since op_a's attribution to each is a grounding of cl_a: under a
// closed conclusion a representative no longer needs a fresh entity
// (representatives.hpp, (d)): 328 and 868.
std::string countermeasure_chain(int states) {
  std::string text = "case chain \"A countermeasure against an operation whose author is asked for\" {\n"
                     "  cite \"grounding_size_test.cpp\"\n}\n";
  for (int i = 0; i < states; ++i) {
    const std::string n = std::to_string(i);
    text += "state st_" + n + " \"State " + n + "\".\nactor ac_" + n + " \"Actor " + n + "\".\nfact organ_of(ac_" + n +
            ", st_" + n + ").\n";
  }
  text += R"(actor ac_x "An actor the case says nothing about".
operation op_a "Operation A".
operation op_b "Operation B".
source src "A source".
fact targets(op_a, st_0).
fact causes_loss_of_functionality(op_a).
evidence ev_1 forensic "Tooling" { supports performed_by(op_a, ac_2) confidence 0.85 source src }
claim cl_a "Which states is operation A attributable to?" { holds attributable(op_a, S) }
fact targets(op_b, st_2).
fact causes_loss_of_functionality(op_b).
evidence ev_2 forensic "Tooling" { supports performed_by(op_b, ac_0) confidence 0.85 source src }
evidence ev_3 official_statement "Announced as a response to operation A" {
  supports responds_to(op_b, op_a) confidence 0.85 source src
}
fact reversible(op_b).
fact urgent_countermeasure(op_b).
fact response_severity(op_b) = 3..6.
fact injury_severity(op_a) = 6..10.
claim cl_b "Operation B was a wrongful act, not a lawful countermeasure" { holds internationally_wrongful(op_b, st_0) }
)";
  return text;
}

TEST(GroundingSize, AFreeVariableClaimUnderACountermeasureIsLinearInTheStates) {
  const GroundSize ten = ground_text(countermeasure_chain(10), true), forty = ground_text(countermeasure_chain(40), true);
  expect_linear(ten, forty, "10 states", "40");
  expect_pinned(ten, {424, 328}, "10 states");
  expect_pinned(forty, {1174, 868}, "40 states");
  // The same verdicts as with every entity apart (the reference).
  Sources sources;
  Diagnostics diags;
  auto files = parse::load_text("case.imputa", countermeasure_chain(10), {}, sources, diags);
  const Program program = check::check(files, sources, diags);
  ASSERT_FALSE(diags.has_errors());
  const auto with = expect_same_verdicts(program, "countermeasure_chain(10)");
  ASSERT_EQ(with.size(), 11u);
  EXPECT_EQ(with.at("cl_a S=st_2"), Verdict::established);
  EXPECT_EQ(with.at("cl_b"), Verdict::established);
}

// Many claims about one conclusion ground nothing more than one does. The
// grounder follows each claim grounding down its conditions, and an atom
// reached by more claim groundings than a cap counted, with everything
// below it, as reached by every claim: with the cap at 8, twelve claims on
// one attribution in a contested campaign of 100 operations took the
// shortcut from every group in that attribution and grew grounding from
// 4,918 atoms to 12,853 (a held-out campaign of 1,000 operations was
// refused with E013 for one claim on an operation four responses answer);
// at 64, seventy claims did the same, and at 512 a claim over every
// operation joined to one attribution (1,000 groundings) was refused. Now
// only a budget over all atoms together remains (GroundOptions::reach_budget;
// past it, Shortcuts.PastTheReachBudgetTheVerdictsStand).
TEST(GroundingSize, ManyClaimsOnOneConclusionGroundNoMoreThanOne) {
  auto generated = run_program(IMPUTA_CORPUS, {"100", "1", "--contested"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  ASSERT_NE(generated.out.find("holds attributable(op_1, st_3)"), std::string::npos);
  std::string more = generated.out;
  for (int i = 1; i <= 600; ++i)
    more += "claim extra_" + std::to_string(i) + " \"Operation 1 is attributable to state 3, again\" {\n"
            "  holds attributable(op_1, st_3)\n}\n";
  const GroundSize one = ground_text(generated.out, true), many = ground_text(more, true);
  EXPECT_EQ(many.atoms, one.atoms) << meaning;
  EXPECT_EQ(many.instances, one.instances) << meaning;
}

// The contested campaign of 250 operations (`corpus 250 1 --contested`),
// as `imputa check` grounds it. Rule (j) of representatives.hpp (S28)
// splits an entity whose atom another instance stands for through a
// representative in another place, under one claim; under a closed
// conclusion it leaves an entity with an open link of its own, as rule
// (d) does. Without that, a countermeasure's target states were split
// where their attribution met another's through overall control: 14,005
// atoms and 12,483 instances here, 0.8 % more at 1,000 and 4,000, and the
// contested corpus's CPU ratio from 1,000 to 4,000 went from 4.34 to 4.54
// (docs/decisions.md, S28).
TEST(GroundingSize, ContestedCampaignPinned) {
  auto generated = run_program(IMPUTA_CORPUS, {"250", "1", "--contested"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  expect_pinned(ground_text(generated.out, true), {13950, 12379}, "`corpus 250 1 --contested`, rules in force");
}

} // namespace
} // namespace imputa::testing
