// A check answered SAT from a kept model with two entities swapped
// (solver/smt/smt.cpp, rotated_kept()). A support that keeps a "does not
// target" fact for every state is found by deleting its premises one by one;
// each deletion but the first is answered by swapping two states in the
// model the first found. The swapped model is read formula by formula, so
// where the states are not alike (a fact on one of them only) the answer
// still comes from Z3. Every answer must be the one Z3 gives: a session that
// swaps is compared, deletion by deletion, with one that never reuses a model.
#include "judge/minimal_set.hpp"
#include "smt/smt.hpp"
#include "solver_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <utility>

namespace imputa::testing {
namespace {

using smt::Answer;
using smt::Lit;
using smt::Session;

// One operation aimed at s0 and the states it does not target: it breaches
// nothing if no state it targets has its functions interfered with. `extra`:
// facts that set some states apart.
std::string retorsion_case(int states, const std::string& extra) {
  std::string text;
  for (int s = 0; s < states; ++s) text += "state s" + std::to_string(s) + " \"\".\n";
  text += R"(
standard preponderance 0.51 "More likely than not".
operation op "".
predicate targets(operation, state) "".
predicate interferes(operation, state) "".
predicate damage(operation) "".
predicate violates(operation, state) "".
predicate breach(operation) "".
predicate lawful(operation) "".
rule r1 "": violates(O, S) if targets(O, S), interferes(O, S).
rule r2 "": violates(O, S) if targets(O, S), damage(O).
rule r3 "": breach(O) if violates(O, S).
rule r4 "": lawful(O) if targets(O, s0), not breach(O).
fact targets(op, s0).
fact not damage(op).
fact not interferes(op, s0).
claim c "" { holds lawful(op) }
)";
  for (int s = 1; s < states; ++s) text += "fact not targets(op, s" + std::to_string(s) + ").\n";
  return text + extra;
}

struct Grounded : CheckedCase {
  ground::GroundProgram g;
  std::vector<ground::AtomId> cone;
  std::vector<std::size_t> facts;
};

std::unique_ptr<Grounded> grounded(const std::string& text) {
  auto out = std::make_unique<Grounded>();
  static_cast<CheckedCase&>(*out) = checked_text(text);
  if (out->diags.has_errors()) return out;
  out->g = ground::ground(out->program, {}, out->diags);
  out->cone.resize(out->g.atoms.size());
  std::iota(out->cone.begin(), out->cone.end(), ground::AtomId{0});
  out->facts.resize(out->g.facts.size());
  std::iota(out->facts.begin(), out->facts.end(), std::size_t{0});
  return out;
}

// The support of the claim among the facts, deleting one by one (as a
// retorsion claim's is found), in a session that reuses kept models (and
// never cores: every UNSAT answer is Z3's) or in one that never does; every
// check's answer is recorded.
struct Deleted {
  std::vector<Lit> kept;
  std::vector<bool> answers;
  smt::CheckCounts counts;
};

Deleted delete_facts(const Grounded& c, bool reuse) {
  const auto deadline = smt::Clock::now() + std::chrono::seconds(60);
  Session session(c.program, c.g, c.cone, c.facts, {}, deadline, {reuse ? 0 : SIZE_MAX, SIZE_MAX, SIZE_MAX});
  // The rules in force, and the claim denied.
  std::vector<Lit> fixed{{session.goal(c.g.claims.at(0).formula), false}};
  for (std::size_t r = 0; r < c.program.rules.size(); ++r)
    if (session.rule_in_cone(r)) fixed.push_back({session.rule(r), true});
  std::vector<Lit> members;
  for (std::size_t k : c.facts) members.push_back({*session.fact(k), true});
  Deleted out;
  auto unsat_with = [&](const std::vector<Lit>& kept) -> std::optional<bool> {
    std::vector<Lit> lits = kept;
    lits.insert(lits.end(), fixed.begin(), fixed.end());
    const Answer a = session.check(lits, deadline);
    if (a == Answer::unknown) return std::nullopt;
    out.answers.push_back(a == Answer::unsat);
    return a == Answer::unsat;
  };
  EXPECT_EQ(unsat_with(members), std::optional<bool>(true));
  auto kept = judging::delete_one_by_one(members, unsat_with);
  EXPECT_TRUE(kept.has_value());
  if (kept) out.kept = *kept;
  out.counts = session.counts();
  return out;
}

// The case's facts deleted both ways, which must keep the same facts after
// the same answers: {with swaps, by Z3 alone}.
std::pair<Deleted, Deleted> both_ways(const std::string& extra, int states) {
  auto c = grounded(retorsion_case(states, extra));
  EXPECT_FALSE(c->diags.has_errors()) << extra;
  if (c->diags.has_errors()) return {};
  Deleted swapped = delete_facts(*c, true), z3 = delete_facts(*c, false);
  EXPECT_EQ(swapped.kept, z3.kept) << extra;
  EXPECT_EQ(swapped.answers, z3.answers) << extra;
  return {std::move(swapped), std::move(z3)};
}

TEST(RotatedModels, AnswerTheDeletionsOfFactsOnStatesAlike) {
  const auto [swapped, z3] = both_ways("", 12);
  // Every fact is kept (14: s0's three and eleven "does not target"), and
  // every deletion of a "does not target" fact but the first is answered by a swap.
  EXPECT_EQ(z3.kept.size(), 14u);
  EXPECT_EQ(swapped.counts.rotated, 10u);
  EXPECT_EQ(z3.counts.rotated, 0u);
  EXPECT_LT(swapped.counts.z3 + 8, z3.counts.z3);
}

// States set apart by a fact of their own: a swap that would need one state's
// fact on the other fails when read, and Z3 answers (UNSAT, where the swap's
// model would have said SAT).
TEST(RotatedModels, AreReadAgainWhereStatesDiffer) {
  const auto [swapped, z3] = both_ways("fact not interferes(op, s3).\nfact interferes(op, s5).\n", 8);
  EXPECT_GE(swapped.counts.rotated, 1u);
  // s3 cannot be interfered with: its "does not target" fact goes.
  EXPECT_TRUE(std::find(z3.answers.begin() + 1, z3.answers.end(), true) != z3.answers.end());
}

// Random facts on the states (interfered with or not, targeted or not, or
// nothing said): the same support and the same answer to every check.
TEST(RotatedModels, GiveZ3sAnswersOnRandomCases) {
  std::mt19937 rng(20261203);
  std::size_t rotated = 0;
  for (int round = 0; round < 40; ++round) {
    const int states = 3 + static_cast<int>(rng() % 8);
    std::string extra;
    for (int s = 1; s < states; ++s) {
      const std::string state = "s" + std::to_string(s);
      switch (rng() % 4) {
      case 0: extra += "fact not interferes(op, " + state + ").\n"; break;
      case 1: extra += "fact interferes(op, " + state + ").\n"; break;
      default: break;
      }
    }
    if (rng() % 3 == 0) extra += "fact damage(op) or interferes(op, s1).\n";
    rotated += both_ways(extra, states).first.counts.rotated;
  }
  EXPECT_GT(rotated, 40u);
}

} // namespace
} // namespace imputa::testing
