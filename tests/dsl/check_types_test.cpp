// Static checks on atoms and rules: what they accept, and what the checked
// program makes of it. What `imputa check` prints for arity (E004), types
// (E005), ground positions (E006), safety (E007) and numeric misuse (E008) is in
// tests/dsl/errors/.
#include "check_helpers.hpp"

#include <gtest/gtest.h>

namespace imputa::testing {
namespace {

TEST(CheckTypes, AStateIsAcceptedWhereAnActorIsDeclared) {
  auto r = check_text(vocabulary + "fact performed_by(notpetya, rus).\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
}

TEST(CheckTypes, VariableInActorAndStatePositionsIsAState) {
  auto r = check_text(vocabulary +
                      "rule r1 \"x\": attributable(Op, S) if performed_by(Op, S), targets(Op, S).\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
}

TEST(CheckTypes, ClaimsMayHaveVariables) {
  auto r = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  holds attributable(notpetya, S)\n"
                                   "}\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
}

TEST(CheckTypes, AnonymousVariableInAPositiveCondition) {
  auto r = check_text(vocabulary + "rule r1 \"x\": attributable(Op, S) if targets(Op, S), performed_by(Op, _).\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
}

TEST(CheckTypes, NumberAtomInAComparisonBindsItsVariables) {
  auto r = check_text(vocabulary + "predicate big(operation) conduct \"A big operation\".\n"
                                   "rule r1 \"x\": big(O) if harm(O) > 5.\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
}

TEST(CheckTypes, EqualityOfBareNamesComparesEntities) {
  auto r = check_text(vocabulary + "fact gru != rus.\n"
                                   "fact harm(notpetya) = 3.\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
  ASSERT_EQ(r.program.facts.size(), 2u);
  const auto& entity = *r.program.facts[0].formula.comparison;
  EXPECT_EQ(entity.lhs.kind, ast::NumExpr::Kind::variable);
  EXPECT_EQ(entity.rhs.kind, ast::NumExpr::Kind::variable);
  EXPECT_EQ(entity.rhs.variable.name, "rus");
  EXPECT_FALSE(entity.rhs.variable.variable);
  EXPECT_TRUE(r.program.facts[1].numeric);
}

} // namespace
} // namespace imputa::testing
