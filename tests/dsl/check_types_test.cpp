// Static checks on atoms and rules: arity (E004), argument and variable types
// (E005), ground positions (E006), rule safety (E007) and numeric misuse (E008).
#include "check_helpers.hpp"

#include <gtest/gtest.h>

namespace imputa::testing {
namespace {

TEST(CheckTypes, ArityMismatch) {
  auto r = check_text(vocabulary + "fact performed_by(notpetya, gru, rus).\n");
  EXPECT_EQ(only(r, "E004"), "11:6 'performed_by' takes 2 arguments, not 3");
}

TEST(CheckTypes, ArityOfAOneArgumentPredicate) {
  auto r = check_text(vocabulary + "fact harm(notpetya, gru) > 2.\n");
  EXPECT_EQ(only(r, "E004"), "11:6 'harm' takes 1 argument, not 2");
}

TEST(CheckTypes, ArgumentTypeMismatch) {
  auto r = check_text(vocabulary + "fact performed_by(gru, notpetya).\n");
  auto found = with_code(r, "E005");
  ASSERT_EQ(found.size(), 2u) << all(r);
  EXPECT_EQ(describe(found[0]), "11:19 argument 1 of 'performed_by' must be an operation, but 'gru' is an actor");
  EXPECT_EQ(describe(found[1]), "11:24 argument 2 of 'performed_by' must be an actor, but 'notpetya' is an operation");
}

TEST(CheckTypes, AStateIsAcceptedWhereAnActorIsDeclared) {
  auto r = check_text(vocabulary + "fact performed_by(notpetya, rus).\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
}

TEST(CheckTypes, AnActorIsNotAcceptedWhereAStateIsDeclared) {
  auto r = check_text(vocabulary + "fact targets(notpetya, gru).\n");
  EXPECT_EQ(only(r, "E005"), "11:24 argument 2 of 'targets' must be a state, but 'gru' is an actor");
}

TEST(CheckTypes, VariableUsedAtConflictingTypes) {
  auto r = check_text(vocabulary +
                      "rule r1 \"x\": attributable(Op, S) if performed_by(Op, A), organ_of(Op, S).\n");
  EXPECT_EQ(only(r, "E005"),
            "11:67 variable 'Op' cannot be both an operation (in 'attributable') and an actor (in 'organ_of')");
}

TEST(CheckTypes, VariableInActorAndStatePositionsIsAState) {
  auto r = check_text(vocabulary +
                      "rule r1 \"x\": attributable(Op, S) if performed_by(Op, S), targets(Op, S).\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
}

TEST(CheckTypes, EntityComparisonBetweenTypesThatNeverMeet) {
  auto r = check_text(vocabulary + "rule r1 \"x\": attributable(Op, S) if performed_by(Op, A), organ_of(A, S), "
                                   "A != notpetya.\n");
  EXPECT_EQ(only(r, "E005"), "11:74 cannot compare 'A' (an actor) with 'notpetya' (an operation): they are never equal");
}

TEST(CheckTypes, NonGroundFact) {
  auto r = check_text(vocabulary + "fact performed_by(notpetya, X).\n");
  EXPECT_EQ(only(r, "E006"), "11:29 a fact must name the things it speaks of, but 'X' is a variable");
}

TEST(CheckTypes, NonGroundEvidence) {
  auto r = check_text(vocabulary + "evidence e1 forensic \"x\" {\n"
                                   "  supports performed_by(notpetya, A)\n"
                                   "  confidence likely\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E006"), "12:35 evidence must name the things it speaks of, but 'A' is a variable");
}

TEST(CheckTypes, NonGroundAssumption) {
  auto r = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  holds attributable(notpetya, rus)\n"
                                   "  assume organ_of(gru, S)\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E006"), "13:24 'assume' must name the things it speaks of, but 'S' is a variable");
}

TEST(CheckTypes, ClaimsMayHaveVariables) {
  auto r = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  holds attributable(notpetya, S)\n"
                                   "}\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
}

TEST(CheckTypes, UnsafeHeadVariable) {
  auto r = check_text(vocabulary + "rule r1 \"x\": attributable(Op, S) if performed_by(Op, A).\n");
  EXPECT_EQ(only(r, "E007"),
            "11:31 variable 'S' in the conclusion of rule 'r1' is not bound: it must also appear in a condition "
            "without 'not'");
}

TEST(CheckTypes, UnsafeVariableUnderNot) {
  auto r = check_text(vocabulary +
                      "rule r1 \"x\": attributable(Op, S) if targets(Op, S), not organ_of(A, S).\n");
  EXPECT_EQ(only(r, "E007"),
            "11:66 variable 'A' in 'not organ_of(A, S)' of rule 'r1' is not bound: it must also appear in a "
            "condition without 'not'");
}

TEST(CheckTypes, UnsafeVariableInComparison) {
  auto r = check_text(vocabulary + "rule r1 \"x\": attributable(Op, S) if targets(Op, S), S != T.\n");
  EXPECT_EQ(only(r, "E007"),
            "11:58 variable 'T' in a comparison of rule 'r1' is not bound: it must also appear in a condition "
            "without 'not'");
}

TEST(CheckTypes, AnonymousVariableUnderNot) {
  auto r = check_text(vocabulary + "rule r1 \"x\": attributable(Op, S) if targets(Op, S), not performed_by(Op, _).\n");
  EXPECT_EQ(only(r, "E007"),
            "11:74 '_' in 'not performed_by(Op, _)' of rule 'r1' is never bound: use a named variable that a "
            "condition without 'not' binds");
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

TEST(CheckTypes, NumberPredicateUsedAsACondition) {
  auto r = check_text(vocabulary + "fact harm(notpetya).\n");
  EXPECT_EQ(only(r, "E008"),
            "11:6 'harm' is a number predicate: compare it with a number (for example 'harm(...) > 2') instead of "
            "using it as a condition");
}

TEST(CheckTypes, BooleanPredicateInArithmetic) {
  auto r = check_text(vocabulary + "fact harm(notpetya) > organ_of(gru, rus).\n");
  EXPECT_EQ(only(r, "E008"), "11:23 'organ_of' is not a number predicate, so it cannot be used in arithmetic");
}

TEST(CheckTypes, NumericFactOnABooleanPredicate) {
  auto r = check_text(vocabulary + "fact targets(notpetya, ukr) = 3.\n");
  EXPECT_EQ(only(r, "E008"), "11:6 'targets' is not a number predicate, so it cannot be given a value");
}

TEST(CheckTypes, EntityInArithmetic) {
  auto r = check_text(vocabulary + "fact harm(notpetya) > gru.\n");
  EXPECT_EQ(only(r, "E008"), "11:23 'gru' is an actor, not a number");
}

TEST(CheckTypes, EqualityOfBareNamesComparesEntities) {
  auto r = check_text(vocabulary + "fact gru != rus.\n"
                                   "fact harm(notpetya) = 3.\n");
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
  ASSERT_EQ(r.program.facts.size(), 2u);
  const auto& entity = r.program.facts[0].formula.comparison;
  EXPECT_EQ(entity.lhs.kind, ast::NumExpr::Kind::variable);
  EXPECT_EQ(entity.rhs.kind, ast::NumExpr::Kind::variable);
  EXPECT_EQ(entity.rhs.variable.name, "rus");
  EXPECT_FALSE(entity.rhs.variable.variable);
  EXPECT_TRUE(r.program.facts[1].numeric);
}

} // namespace
} // namespace imputa::testing
