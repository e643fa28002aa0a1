// The syntax tree stays a plain value where a member is boxed (imputa/box.hpp):
// copies are deep, an empty box reads and compares as a default value. The
// formatter's `==` on trees and every reader of a comparison rely on it.
#include "imputa/dsl.hpp"

#include <gtest/gtest.h>

namespace imputa {
namespace {

ast::Formula comparison(long long right) {
  ast::Formula f;
  f.kind = ast::Formula::Kind::comparison;
  f.comparison->op = ast::CmpOp::ge;
  f.comparison->lhs.kind = ast::NumExpr::Kind::atom;
  f.comparison->lhs.atom.predicate.text = "harm";
  f.comparison->rhs.number = Rational(right);
  return f;
}

TEST(Box, ACopyIsDeep) {
  ast::Formula original = comparison(2);
  ast::Formula copy = original;
  copy.comparison->rhs.number = Rational(3);
  EXPECT_EQ(original.comparison->rhs.number, Rational(2));
  EXPECT_NE(original, copy);
  copy = original;
  EXPECT_EQ(original, copy);
  copy.comparison->op = ast::CmpOp::lt;
  EXPECT_EQ(original.comparison->op, ast::CmpOp::ge);
}

TEST(Box, EmptyReadsAndComparesAsTheDefault) {
  const ast::Formula atom; // no comparison set
  EXPECT_EQ(atom.comparison->op, ast::CmpOp::eq);
  EXPECT_EQ(atom.comparison->lhs.kind, ast::NumExpr::Kind::number);
  ast::Formula touched;
  (void)*touched.comparison; // a non-const read fills the box with a default comparison
  EXPECT_EQ(atom, touched);
  EXPECT_NE(atom, comparison(0));
}

TEST(Box, MovingLeavesTheValueWhole) {
  ast::Field field;
  field.kind = ast::Field::Kind::holds;
  *field.formula = comparison(5);
  ast::Field moved = std::move(field);
  EXPECT_EQ(moved.formula->comparison->rhs.number, Rational(5));
  std::vector<ast::Field> fields;
  for (int i = 0; i < 100; ++i) fields.push_back(moved); // grows by moving
  EXPECT_EQ(fields.front().formula->comparison->rhs.number, Rational(5));
  EXPECT_EQ(fields.back(), moved);
}

} // namespace
} // namespace imputa
