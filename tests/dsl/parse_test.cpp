// Parser tests: the language as written in docs/language.md §12, positions,
// recovery after errors, and the limits that keep hostile input harmless.
#include "imputa/dsl.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace imputa {
namespace {

struct Parsed {
  Sources sources;
  Diagnostics diags;
  ast::File file;
};

Parsed parse_text(std::string text) {
  Parsed p;
  auto id = p.sources.add({"case.imputa", std::move(text), false});
  p.file = parse::parse_file(p.sources, id, p.diags);
  return p;
}

std::string rendered(const Parsed& p) {
  std::string out;
  for (const auto& d : p.diags.items()) out += render_diagnostic(d, p.sources);
  return out;
}

template <typename T>
const T& statement(const Parsed& p, std::size_t i) {
  return std::get<T>(p.file.statements.at(i));
}

// A diagnostic quotes its line: the first, a middle one ending in CRLF, the
// last without a newline; a line the file does not have quotes nothing.
TEST(Sources, LineTextQuotesTheLineADiagnosticPointsAt) {
  Sources sources;
  auto id = sources.add({"case.imputa", "case a.\r\nfact p(x).\n\nclaim c", false});
  EXPECT_EQ(sources.line_text(id, 1), "case a.");
  EXPECT_EQ(sources.line_text(id, 2), "fact p(x).");
  EXPECT_EQ(sources.line_text(id, 3), "");
  EXPECT_EQ(sources.line_text(id, 4), "claim c");
  EXPECT_EQ(sources.line_text(id, 5), "");
  EXPECT_EQ(sources.line_text(id, 0), "");
  EXPECT_EQ(sources.line_text(id + 1, 1), "");
  auto ends = sources.add({"end.imputa", "a\nb\n", false});
  EXPECT_EQ(sources.line_text(ends, 2), "b");
  EXPECT_EQ(sources.line_text(ends, 3), "");
  EXPECT_EQ(sources.line_text(ends, 4), "");
}

TEST(Parse, LanguageExampleParsesCompletely) {
  auto p = parse_text(testing::read_file(testing::source_dir() / "tests/dsl/parse/language_example.imputa"));
  EXPECT_EQ(rendered(p), "");
  ASSERT_TRUE(p.file.header);
  EXPECT_EQ(p.file.header->id.text, "wiper_2017");
  EXPECT_EQ(p.file.header->cites.size(), 1u);
  EXPECT_EQ(p.file.statements.size(), 16u);
  EXPECT_EQ(p.file.comments.size(), 2u);
  const auto& e3 = statement<ast::Evidence>(p, 12);
  EXPECT_EQ(e3.id.text, "e3");
  EXPECT_EQ(e3.kind.text, "official_statement");
  ASSERT_EQ(e3.fields.size(), 5u);
  EXPECT_EQ(e3.fields[3].kind, ast::Field::Kind::date);
  EXPECT_EQ(e3.fields[3].date, (ast::Date{2018, 2, 15}));
  EXPECT_EQ(e3.span.line, 28u);
  EXPECT_EQ(e3.span.column, 1u);
}

TEST(Parse, DecimalsAreExact) {
  auto p = parse_text("fact a = 0.1.\nfact b = 0.2.\nfact c = 0.3.\n");
  ASSERT_EQ(rendered(p), "");
  auto value = [&](std::size_t i) { return statement<ast::Fact>(p, i).value->lo; };
  EXPECT_EQ(value(0) + value(1), value(2));
  EXPECT_EQ(to_decimal_string(value(0) + value(1)), "0.3");
  EXPECT_EQ(to_decimal_string(Rational(1, 3)), "1/3");
  EXPECT_EQ(*parse_decimal("-1.50"), Rational(-3, 2));
}

// One spelling of an interval for reports and messages: a point is its number.
TEST(Parse, IntervalsAreSpeltOneWay) {
  EXPECT_EQ(to_string(Interval{Rational(8, 10), Rational(9, 10)}), "0.8..0.9");
  EXPECT_EQ(to_string(Interval{Rational(84, 100), Rational(84, 100)}), "0.84");
  EXPECT_EQ(to_string(Interval{Rational(0), Rational(1, 3)}), "0..1/3");
}

TEST(Parse, NumericFactIsNotAComparison) {
  auto p = parse_text("fact harm(op) = 2..5.\nfact h: harm(op) = 3.\nfact harm(op) = 1 + 2.\n");
  ASSERT_EQ(rendered(p), "");
  const auto& interval = statement<ast::Fact>(p, 0);
  EXPECT_TRUE(interval.numeric);
  EXPECT_EQ(interval.value->kind, ast::Value::Kind::interval);
  EXPECT_EQ(interval.value->lo, Rational(2));
  EXPECT_EQ(interval.value->hi, Rational(5));
  const auto& labelled = statement<ast::Fact>(p, 1);
  EXPECT_TRUE(labelled.numeric);
  ASSERT_TRUE(labelled.label);
  EXPECT_EQ(labelled.label->text, "h");
  const auto& sum = statement<ast::Fact>(p, 2);
  EXPECT_FALSE(sum.numeric);
  EXPECT_EQ(sum.formula.kind, ast::Formula::Kind::comparison);
}

TEST(Parse, FormulaPrecedenceNotAndOr) {
  auto p = parse_text("fact a or b(x) and not c(y, Z).\n");
  ASSERT_EQ(rendered(p), "");
  const auto& f = statement<ast::Fact>(p, 0).formula;
  ASSERT_EQ(f.kind, ast::Formula::Kind::disjunction);
  ASSERT_EQ(f.operands.size(), 2u);
  EXPECT_EQ(f.operands[0].kind, ast::Formula::Kind::atom);
  const auto& conj = f.operands[1];
  ASSERT_EQ(conj.kind, ast::Formula::Kind::conjunction);
  EXPECT_EQ(conj.operands[1].kind, ast::Formula::Kind::negation);
  EXPECT_TRUE(conj.operands[1].operands[0].atom.args[1].variable);
}

TEST(Parse, SubtractionAndProduct) {
  auto p = parse_text("fact x(a) -1 >= 2 * y(b) + 3.\n");
  ASSERT_EQ(rendered(p), "");
  const auto& cmp = *statement<ast::Fact>(p, 0).formula.comparison;
  EXPECT_EQ(cmp.op, ast::CmpOp::ge);
  EXPECT_EQ(cmp.lhs.kind, ast::NumExpr::Kind::sub);
  EXPECT_EQ(cmp.rhs.kind, ast::NumExpr::Kind::add);
  EXPECT_EQ(cmp.rhs.operands[0].kind, ast::NumExpr::Kind::mul);
}

TEST(Parse, RuleWithCiteWhenAndComparison) {
  auto p = parse_text("rule art8 \"control\" cite \"ARSIWA art 8\" when control = effective_control:\n"
                      "  attributable(Op, S) if performed_by(Op, A), effective_control_over(S, A, Op) and not x(A), A != S.\n");
  ASSERT_EQ(rendered(p), "");
  const auto& r = statement<ast::Rule>(p, 0);
  EXPECT_EQ(r.id.text, "art8");
  EXPECT_EQ(*r.cite, "ARSIWA art 8");
  EXPECT_EQ(r.when_family->text, "control");
  EXPECT_EQ(r.when_alternative->text, "effective_control");
  ASSERT_EQ(r.body.size(), 4u);
  EXPECT_EQ(r.body[2].kind, ast::Formula::Kind::negation);
  EXPECT_EQ(r.body[3].kind, ast::Formula::Kind::comparison);
  EXPECT_EQ(r.head.span.line, 2u);
  EXPECT_EQ(r.head.span.column, 3u);
}

TEST(Parse, ClaimFieldsAndStringEscapes) {
  auto p = parse_text("claim c \"say \\\"hi\\\"\\n\\\\\" {\n  holds true\n  as accusation\n  standard preponderance\n"
                      "  under control = overall_control\n  as_of 2020-02-29\n  drop e1\n  assume a(b)\n"
                      "  expect not_established\n}\n");
  ASSERT_EQ(rendered(p), "");
  const auto& c = statement<ast::Claim>(p, 0);
  EXPECT_EQ(c.text, "say \"hi\"\n\\");
  ASSERT_EQ(c.fields.size(), 8u);
  EXPECT_EQ(c.fields[1].name.text, "accusation");
  EXPECT_EQ(c.fields[3].name2.text, "overall_control");
  EXPECT_EQ(c.fields[4].kind, ast::Field::Kind::as_of);
}

TEST(Parse, SyntaxErrorIsLocatedAndCoded) {
  auto p = parse_text("state ukr \"Ukraine\".\nfact organ_of(gru rus).\n");
  EXPECT_EQ(rendered(p), "case.imputa:2:19: error: expected ')', found 'rus' [E001]\n"
                         "  fact organ_of(gru rus).\n"
                         "                    ^\n");
}

TEST(Parse, RecoversAtTheNextStatementAndReportsEveryError) {
  auto p = parse_text("fact organ_of(gru rus).\n"
                      "evidnce e1 forensic \"x\" { supports a(b) confidence likely }\n"
                      "state case \"reserved\".\n"
                      "state ok \"fine\".\n"
                      "claim z \"open {\n  holds a\n}\n"
                      "source s \"fine\".\n");
  std::vector<std::pair<std::uint32_t, std::string>> got;
  for (const auto& d : p.diags.items()) got.emplace_back(d.span.line, d.code);
  EXPECT_EQ(got, (std::vector<std::pair<std::uint32_t, std::string>>{{1, "E001"}, {2, "E001"}, {3, "E001"}, {5, "E001"}}));
  EXPECT_EQ(p.diags.items()[1].hints, std::vector<std::string>{"did you mean 'evidence'?"});
  ASSERT_EQ(p.file.statements.size(), 2u);
  EXPECT_EQ(statement<ast::EntityDecl>(p, 0).id.text, "ok");
  EXPECT_EQ(statement<ast::SourceDecl>(p, 1).id.text, "s");
}

// A missing full stop before the next statement: one error, and the
// statement is kept, so what it declares causes no knock-on errors.
TEST(Parse, AMissingFullStopIsOneErrorAndKeepsTheStatement) {
  auto p = parse_text("state victim \"The victim\".\n"
                      "state rus \"Russian Federation\"\n"
                      "actor gru \"GRU\".\n"
                      "fact organ_of(gru, rus)   \n"
                      "\n"
                      "claim c \"x\" {\n  holds organ_of(gru, rus)\n}\n");
  EXPECT_EQ(rendered(p), "case.imputa:3:1: error: expected '.' to end the statement, found 'actor' [E001]\n"
                         "  actor gru \"GRU\".\n"
                         "  ^\n"
                         "case.imputa:6:1: error: expected '.' to end the statement, found 'claim' [E001]\n"
                         "  claim c \"x\" {\n"
                         "  ^\n");
  ASSERT_EQ(p.file.statements.size(), 5u);
  const auto& rus = statement<ast::EntityDecl>(p, 1);
  EXPECT_EQ(rus.id.text, "rus");
  EXPECT_EQ(rus.id.span.line, 2u);
  EXPECT_EQ(rus.id.span.column, 7u);
  EXPECT_EQ(statement<ast::EntityDecl>(p, 2).id.text, "gru");
  EXPECT_EQ(std::get<ast::Fact>(p.file.statements.at(3)).formula.atom.predicate.text, "organ_of");
}

TEST(Parse, AMissingFullStopAtTheEndOfTheFile) {
  auto p = parse_text("state rus \"Russian Federation\"\n");
  ASSERT_EQ(p.diags.items().size(), 1u) << rendered(p);
  EXPECT_EQ(p.diags.items()[0].message, "expected '.' to end the statement, found the end of the file");
  ASSERT_EQ(p.file.statements.size(), 1u);
  EXPECT_EQ(statement<ast::EntityDecl>(p, 0).id.text, "rus");
}

TEST(Parse, CaseHeaderMustComeFirst) {
  auto p = parse_text("state a \"A\".\ncase c \"late\"\n");
  ASSERT_EQ(p.diags.items().size(), 1u);
  EXPECT_EQ(p.diags.items()[0].span.line, 2u);
  EXPECT_EQ(p.diags.items()[0].message, "the case header must be the first statement of the file");
}

TEST(Parse, CommentsAreKeptWithPositions) {
  auto p = parse_text("# first\nstate a \"A # not a comment\". # trailing\n");
  ASSERT_EQ(p.file.comments.size(), 2u);
  EXPECT_EQ(p.file.comments[0].text, "# first");
  EXPECT_EQ(p.file.comments[1].text, "# trailing");
  EXPECT_EQ(p.file.comments[1].span.line, 2u);
  EXPECT_EQ(p.file.comments[1].span.column, 30u);
}

TEST(Limits, FileOverEightMebibytes) {
  auto p = parse_text(std::string(max_file_bytes + 1, ' '));
  ASSERT_EQ(p.diags.items().size(), 1u);
  EXPECT_EQ(p.diags.items()[0].code, "E013");
}

TEST(Limits, HundredThousandParenthesesDoNotOverflowTheStack) {
  auto p = parse_text("fact " + std::string(100000, '(') + "a" + std::string(100000, ')') + ".\n");
  ASSERT_EQ(p.diags.items().size(), 1u);
  EXPECT_EQ(p.diags.items()[0].code, "E013");
  EXPECT_EQ(p.diags.items()[0].span.column, 6u + 256u);
}

TEST(Limits, LongChainsAreRefusedWithoutRecursion) {
  std::string nots, sum, product;
  for (int i = 0; i < 100000; ++i) nots += "not ", sum += "1 + ", product += "2 * ";
  auto p = parse_text("fact " + nots + "a.\nfact x = " + sum + "1.\nfact y = " + product + "z.\nstate s \"S\".\n");
  ASSERT_EQ(p.diags.items().size(), 3u);
  for (const auto& d : p.diags.items()) EXPECT_EQ(d.code, "E013");
  EXPECT_EQ(p.diags.items()[0].span.column, 6u + 4u * 255u);
  ASSERT_EQ(p.file.statements.size(), 1u); // recovery: the next statement is read

  std::string ok_nots;
  for (int i = 0; i < 200; ++i) ok_nots += "not ";
  EXPECT_EQ(rendered(parse_text("fact " + ok_nots + "a.\n")), "");
}

TEST(Limits, NegationsThroughParenthesesNestTogether) {
  // 255 times `not` x 255, each chain and the parentheses below their own limits,
  // nest 65,000 deep: `imputa check` once overflowed the stack on it.
  std::string deep, closing;
  for (int i = 0; i < 255; ++i) {
    for (int k = 0; k < 255; ++k) deep += "not ";
    deep += "(";
    closing += ")";
  }
  auto p = parse_text("fact " + deep + "a" + closing + ".\nstate s \"S\".\n");
  ASSERT_EQ(p.diags.items().size(), 1u);
  EXPECT_EQ(p.diags.items()[0].code, "E013");
  ASSERT_EQ(p.file.statements.size(), 1u); // recovery: the next statement is read

  std::string ok;
  for (int i = 0; i < 127; ++i) ok += "not (";
  EXPECT_EQ(rendered(parse_text("fact " + ok + "a" + std::string(127, ')') + ".\n")), "");
  std::string over;
  for (int i = 0; i < 128; ++i) over += "not not (";
  auto q = parse_text("fact " + over + "a" + std::string(128, ')') + ".\n");
  ASSERT_EQ(q.diags.items().size(), 1u);
  EXPECT_EQ(q.diags.items()[0].code, "E013");
}

TEST(Limits, BinaryGarbageAndInvalidUtf8) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  auto g = parse_text(garbage);
  ASSERT_EQ(g.diags.items().size(), 1u);
  EXPECT_EQ(g.diags.items()[0].code, "E001");

  auto u = parse_text("state a \"\xc3\x28\".\n");
  ASSERT_EQ(u.diags.items().size(), 1u);
  EXPECT_EQ(u.diags.items()[0].code, "E001");
  EXPECT_EQ(u.diags.items()[0].span.column, 10u);

  auto ok = parse_text("state a \"C\xc3\xb4te d'Ivoire\".\n");
  EXPECT_EQ(rendered(ok), "");
}

TEST(Limits, ReservedWordsAreNotNames) {
  auto p = parse_text("actor and \"x\".\n");
  ASSERT_EQ(p.diags.items().size(), 1u);
  EXPECT_EQ(p.diags.items()[0].hints.at(0), "'and' is a reserved word of the case language and cannot be used as a name");
}

} // namespace
} // namespace imputa

namespace imputa {
namespace {

TEST(Parse, ConfidenceKeepsItsNumber) {
  auto p = parse_text("evidence e forensic \"x\" {\n  supports a(b)\n  confidence 0.70\n}\n"
                      "evidence f forensic \"y\" {\n  supports a(b)\n  confidence 0.6..0.9\n}\n");
  ASSERT_EQ(rendered(p), "");
  const auto& e = *statement<ast::Evidence>(p, 0).fields[1].value;
  EXPECT_EQ(e.kind, ast::Value::Kind::number);
  EXPECT_EQ(e.lo, Rational(7, 10));
  const auto& f = *statement<ast::Evidence>(p, 1).fields[1].value;
  EXPECT_EQ(f.kind, ast::Value::Kind::interval);
  EXPECT_EQ(f.lo, Rational(6, 10));
  EXPECT_EQ(f.hi, Rational(9, 10));
}

} // namespace
} // namespace imputa
