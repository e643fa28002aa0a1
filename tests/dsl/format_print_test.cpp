// The formatter on syntax trees built by hand: spelling of numbers, strings,
// formulas and fields, independent of the parser.
#include "imputa/dsl.hpp"

#include <gtest/gtest.h>

namespace imputa {
namespace {

ast::Name name(std::string text) { return ast::Name{std::move(text), {}}; }

ast::Atom atom(std::string predicate, std::vector<std::string> args = {}) {
  ast::Atom a;
  a.predicate = name(std::move(predicate));
  for (auto& x : args) {
    ast::Term t;
    t.variable = !x.empty() && (x[0] == '_' || (x[0] >= 'A' && x[0] <= 'Z'));
    t.name = std::move(x);
    a.args.push_back(std::move(t));
  }
  return a;
}

ast::Formula f_atom(std::string p, std::vector<std::string> args = {}) {
  ast::Formula f;
  f.kind = ast::Formula::Kind::atom;
  f.atom = atom(std::move(p), std::move(args));
  return f;
}

ast::Formula f_node(ast::Formula::Kind kind, std::vector<ast::Formula> operands) {
  ast::Formula f;
  f.kind = kind;
  f.operands = std::move(operands);
  return f;
}

ast::NumExpr n_num(Rational r) {
  ast::NumExpr e;
  e.kind = ast::NumExpr::Kind::number;
  e.number = r;
  return e;
}

ast::NumExpr n_atom(std::string p, std::vector<std::string> args = {}) {
  ast::NumExpr e;
  e.kind = ast::NumExpr::Kind::atom;
  e.atom = atom(std::move(p), std::move(args));
  return e;
}

ast::NumExpr n_op(ast::NumExpr::Kind kind, ast::NumExpr a, ast::NumExpr b) {
  ast::NumExpr e;
  e.kind = kind;
  e.operands = {std::move(a), std::move(b)};
  return e;
}

ast::Formula f_cmp(ast::CmpOp op, ast::NumExpr lhs, ast::NumExpr rhs) {
  ast::Formula f;
  f.kind = ast::Formula::Kind::comparison;
  f.comparison = ast::Comparison{op, std::move(lhs), std::move(rhs)};
  return f;
}

std::string format_facts(std::vector<ast::Formula> formulas) {
  ast::File file;
  for (auto& f : formulas) {
    ast::Fact fact;
    fact.formula = std::move(f);
    file.statements.emplace_back(std::move(fact));
  }
  return format::format_file(file, Sources{});
}

using K = ast::Formula::Kind;

TEST(FormatPrint, KeywordSpellings) {
  EXPECT_EQ(ast::to_string(ast::EntityType::operation), "operation");
  EXPECT_EQ(ast::to_string(ast::CmpOp::le), "<=");
  EXPECT_EQ(ast::to_string(ast::CmpOp::ne), "!=");
  EXPECT_EQ(ast::to_string(ast::Field::Kind::derived_from), "derived_from");
  EXPECT_EQ(ast::to_string(ast::Field::Kind::as_of), "as_of");
}

TEST(FormatPrint, FormulasTakeFewestParentheses) {
  auto a = f_atom("a"), b = f_atom("b", {"X", "c"}), c = f_atom("c");
  EXPECT_EQ(format_facts({f_node(K::disjunction, {f_node(K::conjunction, {a, b}), c})}),
            "fact a and b(X, c) or c.\n");
  EXPECT_EQ(format_facts({f_node(K::conjunction, {f_node(K::disjunction, {a, b}), c})}),
            "fact (a or b(X, c)) and c.\n");
  // A parenthesised chain of the same kind is a node of its own.
  EXPECT_EQ(format_facts({f_node(K::conjunction, {f_node(K::conjunction, {a, c}), b})}),
            "fact (a and c) and b(X, c).\n");
  EXPECT_EQ(format_facts({f_node(K::disjunction, {a, f_node(K::disjunction, {b, c})})}),
            "fact a or (b(X, c) or c).\n");
  EXPECT_EQ(format_facts({f_node(K::negation, {f_node(K::conjunction, {a, c})})}),
            "fact not (a and c).\n");
  EXPECT_EQ(format_facts({f_node(K::negation, {f_node(K::negation, {a})})}), "fact not not a.\n");
  EXPECT_EQ(format_facts({f_node(K::conjunction, {f_node(K::truth, {}), f_node(K::falsity, {})})}),
            "fact true and false.\n");
}

TEST(FormatPrint, ComparisonsAndArithmetic) {
  using N = ast::NumExpr::Kind;
  auto sum = n_op(N::add, n_op(N::sub, n_atom("v", {"o"}), n_num(Rational(3, 4))), n_num(-2));
  auto scaled = n_op(N::mul, n_num(Rational(1, 2)), n_atom("w", {"o"}));
  EXPECT_EQ(format_facts({f_cmp(ast::CmpOp::ge, sum, scaled)}), "fact v(o) - 0.75 + -2 >= 0.5 * w(o).\n");
  // Under `not`, and where `fact v(o) = 5.` would read as a numeric fact.
  EXPECT_EQ(format_facts({f_node(K::negation, {f_cmp(ast::CmpOp::lt, n_atom("v", {"o"}), n_num(5))})}),
            "fact not (v(o) < 5).\n");
  EXPECT_EQ(format_facts({f_cmp(ast::CmpOp::eq, n_atom("v", {"o"}), n_num(5))}), "fact (v(o) = 5).\n");
  EXPECT_EQ(format_facts({f_cmp(ast::CmpOp::ne, n_atom("gru"), n_atom("fsb"))}), "fact gru != fsb.\n");
}

TEST(FormatPrint, StringsAreEscaped) {
  ast::File file;
  ast::EntityDecl e;
  e.type = ast::EntityType::actor;
  e.id = name("apt");
  e.label = "say \"hi\"\\ then\nstop";
  file.statements.emplace_back(e);
  EXPECT_EQ(format::format_file(file, Sources{}), "actor apt \"say \\\"hi\\\"\\\\ then\\nstop\".\n");
}

TEST(FormatPrint, FieldsValuesAndDates) {
  ast::File file;
  ast::Evidence ev;
  ev.id = name("e1");
  ev.kind = name("forensic");
  ev.summary = "s";
  ast::Field f;
  f.kind = ast::Field::Kind::confidence;
  f.value->kind = ast::Value::Kind::interval;
  f.value->lo = Rational(1, 2);
  f.value->hi = Rational(3, 4);
  ev.fields.push_back(f);
  f = {};
  f.kind = ast::Field::Kind::date;
  f.date = {2017, 6, 7};
  ev.fields.push_back(f);
  file.statements.emplace_back(ev);
  ast::Claim claim;
  claim.id = name("c");
  claim.text = "t";
  f = {};
  f.kind = ast::Field::Kind::under;
  f.name = name("control");
  f.name2 = name("effective_control");
  claim.fields.push_back(f);
  file.statements.emplace_back(claim);
  ast::Claim empty;
  empty.id = name("d");
  empty.text = "u";
  file.statements.emplace_back(empty);
  EXPECT_EQ(format::format_file(file, Sources{}),
            "evidence e1 forensic \"s\" {\n"
            "  confidence 0.5..0.75\n"
            "  date 2017-06-07\n"
            "}\n"
            "\n"
            "claim c \"t\" {\n"
            "  under control = effective_control\n"
            "}\n"
            "\n"
            "claim d \"u\" {}\n");
}

TEST(FormatPrint, LongRulesBreak) {
  ast::Rule r;
  r.id = name("r");
  r.label = std::string(60, 'x');
  r.cite = "ARSIWA art. 8";
  r.head = atom("attributable", {"O", "S"});
  r.body = {f_atom("performed_by", {"O", "A"}), f_node(K::negation, {f_atom("organ_of", {"A", "S"})})};
  ast::File file;
  file.statements.emplace_back(r);
  EXPECT_EQ(format::format_file(file, Sources{}),
            "rule r \"" + std::string(60, 'x') + "\" cite \"ARSIWA art. 8\":\n"
            "    attributable(O, S) if performed_by(O, A), not organ_of(A, S).\n");
  r.label = "short";
  r.cite.reset();
  file.statements = {r};
  EXPECT_EQ(format::format_file(file, Sources{}),
            "rule r \"short\": attributable(O, S) if performed_by(O, A), not organ_of(A, S).\n");
  r.body.push_back(f_atom(std::string(80, 'p'), {"O"}));
  file.statements = {r};
  EXPECT_EQ(format::format_file(file, Sources{}),
            "rule r \"short\":\n"
            "    attributable(O, S) if\n"
            "        performed_by(O, A),\n"
            "        not organ_of(A, S),\n"
            "        " + std::string(80, 'p') + "(O).\n");
}

} // namespace
} // namespace imputa
