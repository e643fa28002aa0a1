// A rule's bodies for one conclusion encoded as a product of independent
// parts (solver/smt/factor.hpp): which literals are independent, and when
// ground bodies are every combination of their parts. Judging with and
// without it gives the same reports: model_reuse_test.cpp and
// GeneratedCases.ProductsChangeNoReasonOfGeneratedCases.
#include "smt/factor.hpp"
#include "solver_helpers.hpp"

#include <gtest/gtest.h>

#include <string>

namespace imputa::testing {
namespace {

Program program_of(const std::string& rules) {
  CheckedCase c = checked_text(R"(
operation op0 "". operation op1 "". actor a0 "". actor a1 "".
predicate d0(actor) "". predicate d1(operation, actor) "".
predicate p1(operation, actor) "". predicate p2(actor, actor) "". predicate p4(operation, operation) "".
predicate n0(operation): number "".
)" + rules);
  EXPECT_FALSE(c.diags.has_errors());
  return std::move(c.program);
}

TEST(Products, IndependentPartsShareNoVariableButTheHeads) {
  const Program p = program_of(R"(
rule r0 "": d0(Q) if p4(A, B), p1(C, a0), p2(O, Q).
rule r1 "": d0(Q) if p1(A, Q), p4(A, B), p2(Q, Q).
rule r2 "": d1(X, Q) if p1(X, Q), p4(A, B), not p4(B, B), n0(N) < 6.
rule r3 "": d0(Q) if p1(_, Q), p2(_, Q).
)");
  ASSERT_EQ(p.rules.size(), 4u);
  EXPECT_EQ(smt::independent_parts(p.rules[0]), (std::vector<unsigned>{0, 1, 2}));
  // A ties the first two; the third holds only the head's variable, so one
  // part leaves variables open: nothing to multiply.
  EXPECT_TRUE(smt::independent_parts(p.rules[1]).empty());
  EXPECT_EQ(smt::independent_parts(p.rules[2]), (std::vector<unsigned>{0, 1, 1, 2}));
  // Each `_` is a variable of its own, which ties nothing.
  EXPECT_EQ(smt::independent_parts(p.rules[3]), (std::vector<unsigned>{0, 1}));
}

TEST(Products, OneConnectedBodyHasNoParts) {
  const Program p = program_of(R"(rule r0 "": d0(Q) if p4(A, B), p1(A, Q), p2(Q, O), p1(B, O).)");
  EXPECT_TRUE(smt::independent_parts(p.rules[0]).empty());
}

ground::Formula atom(ground::AtomId a) {
  ground::Formula f;
  f.kind = ground::Formula::Kind::atom;
  f.atom = a;
  return f;
}

ground::Body body(std::initializer_list<ground::AtomId> atoms) {
  ground::Body b;
  for (auto a : atoms) b.literals.push_back(atom(a));
  return b;
}

std::vector<const ground::Body*> pointers(const std::vector<ground::Body>& bodies) {
  std::vector<const ground::Body*> out;
  for (const auto& b : bodies) out.push_back(&b);
  return out;
}

// Parts {0, 2} and {1}: atoms 10-12 paired with 20-21 in the first part, 30-31 in the second.
std::vector<ground::Body> every_combination() {
  std::vector<ground::Body> out;
  for (auto [x, z] : std::vector<std::pair<ground::AtomId, ground::AtomId>>{{10, 20}, {11, 20}, {12, 21}})
    for (ground::AtomId y : {30, 31}) out.push_back(body({x, y, z}));
  return out;
}

TEST(Products, EveryCombinationIsAProductOfItsParts) {
  const std::vector<unsigned> parts{0, 1, 0};
  auto bodies = every_combination();
  bodies.push_back(bodies.front()); // a body twice is still one way
  auto product = smt::as_product(parts, pointers(bodies));
  ASSERT_TRUE(product.has_value());
  ASSERT_EQ(product->size(), 2u);
  EXPECT_EQ((*product)[0].size(), 3u);
  EXPECT_EQ((*product)[1].size(), 2u);
  ASSERT_EQ((*product)[0][2].size(), 2u);
  EXPECT_EQ((*product)[0][2][0]->atom, 12u);
  EXPECT_EQ((*product)[0][2][1]->atom, 21u);
}

TEST(Products, AMissingCombinationIsNoProduct) {
  auto bodies = every_combination();
  bodies.pop_back();
  EXPECT_FALSE(smt::as_product({0, 1, 0}, pointers(bodies)).has_value());
}

TEST(Products, LiteralsThatDoNotLineUpAreNoProduct) {
  auto bodies = every_combination();
  bodies[3].literals.pop_back(); // a literal decided while grounding, left out
  EXPECT_FALSE(smt::as_product({0, 1, 0}, pointers(bodies)).has_value());
}

TEST(Products, NothingToGainWhereOnePartVaries) {
  std::vector<ground::Body> bodies{body({10, 30}), body({11, 30}), body({12, 30})};
  EXPECT_FALSE(smt::as_product({0, 1}, pointers(bodies)).has_value());
}

} // namespace
} // namespace imputa::testing
