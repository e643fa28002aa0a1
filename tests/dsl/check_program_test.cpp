// What the static checks hand to the solver: the checked Program, with
// defaults filled in, exact confidences, flags and verdict names.
#include "check_helpers.hpp"

#include <gtest/gtest.h>

namespace imputa::testing {
namespace {

// docs/language.md §1, verbatim.
const std::string notpetya = R"(# Illustrative case, loosely modelled on public reporting about NotPetya (2017).
case notpetya_2017 "NotPetya wiper, June 2017" {
  cite "UK NCSC statement, 15 Feb 2018; US White House statement, 15 Feb 2018"
}

use standard clear_and_convincing.
use doctrine control = effective_control.

state ukr "Ukraine".
state rus "Russian Federation".
actor gru "GRU, military intelligence of the Russian Federation".
actor sandworm "Sandworm intrusion set".
operation notpetya "NotPetya wiper campaign".

source eset "ESET Research".
source uk_gov "Government of the United Kingdom".

fact organ_of(gru, rus).
fact targets(notpetya, ukr).

evidence e2 forensic "Backdoor code shared with earlier Sandworm tooling" {
  supports performed_by(notpetya, sandworm)
  confidence likely
  source eset
}

evidence e3 official_statement "UK attributes NotPetya to the Russian military" {
  supports performed_by(notpetya, gru)
  confidence highly_likely
  source uk_gov
  date 2018-02-15
  cite "UK Foreign Office press release, 15 Feb 2018"
}

evidence e4 origin "Command servers located in the Russian Federation" {
  supports originates_in(notpetya, rus)
  confidence highly_likely
  source eset
}

claim attribution "NotPetya is attributable to the Russian Federation" {
  holds attributable(notpetya, rus)
  as accusation
  expect established
}

claim origin_only "Origin in Russian territory alone makes it Russian conduct" {
  holds attributable(notpetya, rus)
  as accusation
  drop e3
  expect unsubstantiated
}
)";

Rational r(int n, int d = 1) { return Rational(n, d); }

TEST(CheckProgram, TheLanguageExampleIsClean) {
  auto c = check_text(notpetya, true);
  EXPECT_TRUE(c.diags.items().empty()) << all(c);
  const Program& p = c.program;
  EXPECT_EQ(p.case_id, std::optional<std::string>("notpetya_2017"));
  EXPECT_EQ(p.case_title, "NotPetya wiper, June 2017");
  EXPECT_EQ(p.case_cites.size(), 1u);
  EXPECT_EQ(p.standard, "clear_and_convincing");
  EXPECT_EQ(p.doctrine.at("control"), "effective_control");
  EXPECT_EQ(p.doctrine.at("sovereignty"), "sovereignty_rule"); // first alternative
  EXPECT_EQ(p.corroboration, Corroboration::max);
  EXPECT_EQ(p.entities.at("rus").type, ast::EntityType::state);
  EXPECT_EQ(p.entities.at("notpetya").type, ast::EntityType::operation);
  EXPECT_TRUE(p.predicates.at("performed_by").from_library);
  EXPECT_TRUE(p.predicates.at("performed_by").has(Tag::link));
  EXPECT_TRUE(p.predicates.at("originates_in").has(Tag::origin));
  EXPECT_TRUE(p.predicates.at("attributable").has(Tag::attribution));

  ASSERT_EQ(p.facts.size(), 2u);
  ASSERT_EQ(p.evidence.size(), 3u);
  const EvidenceItem& e2 = p.evidence[0];
  EXPECT_EQ(e2.id, "e2");
  EXPECT_EQ(e2.kind, "forensic");
  EXPECT_EQ(e2.source, "eset");
  EXPECT_EQ(e2.lo, r(55, 100));
  EXPECT_EQ(e2.hi, r(75, 100));
  ASSERT_EQ(e2.bearings.size(), 1u);
  EXPECT_TRUE(e2.bearings[0].supports);
  EXPECT_EQ(e2.bearings[0].atom.predicate.text, "performed_by");
  const EvidenceItem& e3 = p.evidence[1];
  EXPECT_EQ(e3.date, (ast::Date{2018, 2, 15}));
  EXPECT_EQ(e3.cites, std::vector<std::string>{"UK Foreign Office press release, 15 Feb 2018"});

  ASSERT_EQ(p.claims.size(), 2u);
  EXPECT_EQ(p.claims[0].mode, ClaimMode::accusation);
  EXPECT_EQ(p.claims[0].expect, Verdict::established);
  EXPECT_EQ(p.claims[1].drops, std::vector<std::string>{"e3"});
  EXPECT_EQ(p.claims[1].expect, Verdict::unsubstantiated);
}

TEST(CheckProgram, DefaultsWithoutSelections) {
  auto c = check_text("doctrine control = effective_control | overall_control \"c\".\n");
  EXPECT_FALSE(c.diags.has_errors()) << all(c);
  // The default standard is kept even when no library declares it.
  EXPECT_EQ(c.program.standard, "clear_and_convincing");
  EXPECT_EQ(c.program.doctrine.at("control"), "effective_control");
  EXPECT_EQ(c.program.corroboration, Corroboration::max);
  EXPECT_FALSE(c.program.case_id.has_value());
}

TEST(CheckProgram, Selections) {
  auto c = check_text("standard strict 0.9 contrary_below 0.4 \"Strict\".\n"
                      "doctrine control = effective_control | overall_control \"c\".\n"
                      "use standard strict.\n"
                      "use doctrine control = overall_control.\n"
                      "use corroboration noisy_or.\n");
  EXPECT_FALSE(c.diags.has_errors()) << all(c);
  EXPECT_EQ(c.program.standard, "strict");
  EXPECT_EQ(c.program.standards.at("strict").threshold, r(9, 10));
  EXPECT_EQ(c.program.standards.at("strict").contrary_below, std::optional<Rational>(r(2, 5)));
  EXPECT_EQ(c.program.doctrine.at("control"), "overall_control");
  EXPECT_EQ(c.program.corroboration, Corroboration::noisy_or);
}

TEST(CheckProgram, PhiaConfidencesAreExact) {
  const std::vector<std::tuple<std::string, Rational, Rational>> table = {
      {"remote_chance", r(0), r(5, 100)},          {"highly_unlikely", r(10, 100), r(20, 100)},
      {"unlikely", r(25, 100), r(35, 100)},        {"realistic_possibility", r(40, 100), r(50, 100)},
      {"likely", r(55, 100), r(75, 100)},          {"highly_likely", r(80, 100), r(90, 100)},
      {"almost_certain", r(95, 100), r(1)},
  };
  for (const auto& [name, lo, hi] : table) {
    auto c = check_text(vocabulary + "evidence e1 forensic \"x\" {\n"
                                     "  supports organ_of(gru, rus)\n"
                                     "  confidence " + name + "\n}\n");
    ASSERT_FALSE(c.diags.has_errors()) << name << "\n" << all(c);
    EXPECT_EQ(c.program.evidence.at(0).lo, lo) << name;
    EXPECT_EQ(c.program.evidence.at(0).hi, hi) << name;
    EXPECT_EQ(c.program.evidence.at(0).source, "e1"); // its own source by default
  }
}

TEST(CheckProgram, NumericFactsAndIntervals) {
  auto c = check_text(vocabulary + "fact harm(notpetya) = 2..5.\n");
  EXPECT_FALSE(c.diags.has_errors()) << all(c);
  ASSERT_EQ(c.program.facts.size(), 1u);
  EXPECT_TRUE(c.program.facts[0].numeric);
  EXPECT_EQ(c.program.facts[0].lo, r(2));
  EXPECT_EQ(c.program.facts[0].hi, r(5));
}

TEST(CheckProgram, DerivedPredicatesAndRules) {
  auto c = check_text(vocabulary +
                      "rule art4 \"organ\" cite \"ARSIWA art 4\": attributable(Op, S) if performed_by(Op, A), "
                      "organ_of(A, S), A != S.\n");
  EXPECT_FALSE(c.diags.has_errors()) << all(c);
  EXPECT_TRUE(c.program.predicates.at("attributable").derived);
  EXPECT_FALSE(c.program.predicates.at("performed_by").derived);
  EXPECT_FALSE(c.program.predicates.at("attributable").from_library);
  ASSERT_EQ(c.program.rules.size(), 1u);
  const RuleItem& rule = c.program.rules[0];
  EXPECT_EQ(rule.cite, std::optional<std::string>("ARSIWA art 4"));
  ASSERT_EQ(rule.body.size(), 3u);
  // `A != S` compares entities: both sides are terms in the checked program.
  const auto& cmp = *rule.body[2].comparison;
  EXPECT_EQ(cmp.op, ast::CmpOp::ne);
  EXPECT_EQ(cmp.lhs.kind, ast::NumExpr::Kind::variable);
  EXPECT_EQ(cmp.rhs.kind, ast::NumExpr::Kind::variable);
  EXPECT_TRUE(cmp.rhs.variable.variable);
}

TEST(CheckProgram, ClaimFields) {
  auto c = check_text(vocabulary + "standard strict 0.9 \"Strict\".\n"
                                   "doctrine control = effective_control | overall_control \"c\".\n"
                                   "fact f1: organ_of(gru, rus).\n"
                                   "claim c1 \"c\" {\n"
                                   "  holds attributable(notpetya, rus)\n"
                                   "  as hypothesis\n"
                                   "  standard strict\n"
                                   "  under control = overall_control\n"
                                   "  as_of 2018-03-01\n"
                                   "  drop f1\n"
                                   "  assume performed_by(notpetya, gru)\n"
                                   "  expect not_established\n"
                                   "}\n");
  EXPECT_FALSE(c.diags.has_errors()) << all(c);
  ASSERT_EQ(c.program.claims.size(), 1u);
  const ClaimItem& claim = c.program.claims[0];
  EXPECT_EQ(claim.mode, ClaimMode::hypothesis);
  EXPECT_EQ(claim.standard, std::optional<std::string>("strict"));
  EXPECT_EQ(claim.under.at("control"), "overall_control");
  EXPECT_EQ(claim.as_of, (ast::Date{2018, 3, 1}));
  EXPECT_EQ(claim.drops, std::vector<std::string>{"f1"});
  ASSERT_EQ(claim.assumes.size(), 1u);
  EXPECT_EQ(claim.expect, Verdict::not_established);
  ASSERT_EQ(c.program.facts.size(), 1u);
  EXPECT_EQ(c.program.facts[0].label, std::optional<std::string>("f1"));
}

TEST(CheckProgram, VerdictNames) {
  for (auto v : {Verdict::established, Verdict::refuted, Verdict::arguable, Verdict::not_established,
                 Verdict::unsubstantiated, Verdict::inconsistent, Verdict::unknown})
    EXPECT_EQ(verdict_from_string(to_string(v)), v);
  EXPECT_EQ(to_string(Verdict::not_established), "not_established");
  EXPECT_EQ(verdict_from_string("ESTABLISHED"), std::nullopt);
}

TEST(CheckProgram, SameInputSameProgram) {
  auto a = check_text(notpetya, true), b = check_text(notpetya, true);
  ASSERT_EQ(a.program.evidence.size(), b.program.evidence.size());
  for (std::size_t i = 0; i < a.program.evidence.size(); ++i)
    EXPECT_EQ(a.program.evidence[i].id, b.program.evidence[i].id);
  EXPECT_EQ(a.program.doctrine, b.program.doctrine);
}

} // namespace
} // namespace imputa::testing
