// Static checks on names: unknown names with "did you mean" hints (E002),
// one namespace for all declarations (E003), selections outside the top-level file (E010).
#include "check_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace imputa::testing {
namespace {

using Hints = std::vector<std::string>;

TEST(CheckNames, UnknownEntityGetsAHint) {
  auto r = check_text(vocabulary + "fact organ_of(gruu, rus).\n");
  EXPECT_EQ(only(r, "E002"), "11:15 unknown entity 'gruu'");
  EXPECT_EQ(hints(r, "E002"), Hints{"did you mean 'gru'?"});
}

TEST(CheckNames, UnknownPredicateGetsAHint) {
  auto r = check_text(vocabulary + "fact organ_off(gru, rus).\n");
  EXPECT_EQ(only(r, "E002"), "11:6 unknown predicate 'organ_off'");
  EXPECT_EQ(hints(r, "E002"), Hints{"did you mean 'organ_of'?"});
}

TEST(CheckNames, NoHintWhenNothingIsClose) {
  auto r = check_text(vocabulary + "fact organ_of(wagner, rus).\n");
  EXPECT_EQ(only(r, "E002"), "11:15 unknown entity 'wagner'");
  EXPECT_EQ(hints(r, "E002"), Hints{});
}

TEST(CheckNames, HintsOnlyNamesOfTheFittingKind) {
  // `gru` is an entity, one edit from `grux`, but a source is wanted here.
  auto r = check_text(vocabulary + "source bbc \"BBC\".\n"
                                   "evidence e1 forensic \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence likely\n"
                                   "  source grux\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E002"), "15:10 unknown source 'grux'");
  EXPECT_EQ(hints(r, "E002"), Hints{});
}

TEST(CheckNames, NameOfTheWrongKind) {
  auto r = check_text(vocabulary + "evidence e1 forensic \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence likely\n"
                                   "  source gru\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E002"), "14:10 'gru' is an actor, not a source");
}

TEST(CheckNames, UnknownEvidenceKind) {
  auto r = check_text(vocabulary + "evidence e1 forensik \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence likely\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E002"),
            "11:13 unknown evidence kind 'forensik': kinds are technical, origin, forensic, intelligence, "
            "testimony, admission, official_statement, judicial, open_source");
  EXPECT_EQ(hints(r, "E002"), Hints{"did you mean 'forensic'?"});
}

TEST(CheckNames, UnknownTag) {
  auto r = check_text(vocabulary + "predicate odd(operation) lnk \"x\".\n");
  EXPECT_EQ(only(r, "E002"), "11:26 unknown tag 'lnk': tags are origin, link, conduct, attribution, breach, closed");
  EXPECT_EQ(hints(r, "E002"), Hints{"did you mean 'link'?"});
}

TEST(CheckNames, UnknownVerdict) {
  auto r = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  holds attributable(notpetya, rus)\n"
                                   "  expect establshed\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E002"),
            "13:10 unknown verdict 'establshed': verdicts are established, refuted, arguable, not_established, "
            "unsubstantiated, inconsistent, unknown");
  EXPECT_EQ(hints(r, "E002"), Hints{"did you mean 'established'?"});
}

TEST(CheckNames, UnknownConfidenceName) {
  auto r = check_text(vocabulary + "evidence e1 forensic \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence likley\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E002"),
            "13:14 unknown confidence 'likley': use a number, an interval or one of remote_chance, "
            "highly_unlikely, unlikely, realistic_possibility, likely, highly_likely, almost_certain");
  EXPECT_EQ(hints(r, "E002"), Hints{"did you mean 'likely'?"});
}

TEST(CheckNames, UnknownDoctrineFamilyAndAlternative) {
  auto r = check_text(vocabulary + "doctrine control = effective_control | overall_control \"c\".\n"
                                   "use doctrine control = efective_control.\n"
                                   "rule r1 \"x\" when contrl = overall_control: attributable(Op, S) if "
                                   "performed_by(Op, S).\n");
  auto found = with_code(r, "E002");
  ASSERT_EQ(found.size(), 2u) << all(r);
  EXPECT_EQ(describe(found[0]), "12:24 doctrine 'control' has no alternative 'efective_control'; its alternatives "
                                "are effective_control, overall_control");
  EXPECT_EQ(found[0].hints, Hints{"did you mean 'effective_control'?"});
  EXPECT_EQ(describe(found[1]), "13:18 unknown doctrine family 'contrl'; the doctrine families are control");
  EXPECT_EQ(found[1].hints, Hints{"did you mean 'control'?"});
}

TEST(CheckNames, UnknownStandardDropTargetAndRestatedEvidence) {
  auto r = check_text(vocabulary + "evidence e1 forensic \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence likely\n"
                                   "  derived_from e9\n"
                                   "}\n"
                                   "claim c1 \"c\" {\n"
                                   "  holds organ_of(gru, rus)\n"
                                   "  standard clear_and_convincing\n"
                                   "  drop e7\n"
                                   "}\n");
  auto found = with_code(r, "E002");
  ASSERT_EQ(found.size(), 3u) << all(r);
  EXPECT_EQ(describe(found[0]), "14:16 unknown evidence item 'e9'");
  EXPECT_EQ(found[0].hints, Hints{"did you mean 'e1'?"});
  EXPECT_EQ(describe(found[1]), "18:12 unknown standard 'clear_and_convincing'");
  EXPECT_EQ(describe(found[2]), "19:8 unknown fact label, evidence item or rule 'e7'");
  EXPECT_EQ(found[2].hints, Hints{"did you mean 'e1'?"});
}

TEST(CheckNames, UnknownStandardListsTheStandards) {
  auto r = check_text("use standard clear_and_convincin.\n", true);
  EXPECT_EQ(only(r, "E002"), "1:14 unknown standard 'clear_and_convincin'; the standards are beyond_reasonable_doubt, "
                             "clear_and_convincing, fully_conclusive, preponderance, reasonable_suspicion");
  EXPECT_EQ(hints(r, "E002"), Hints{"did you mean 'clear_and_convincing'?"});
}

TEST(CheckNames, AllErrorsAreReported) {
  auto r = check_text(vocabulary + "fact organ_of(gruu, rus).\n"
                                   "fact organ_of(gru, russ).\n"
                                   "fact organ_off(gru, rus).\n");
  EXPECT_EQ(with_code(r, "E002").size(), 3u) << all(r);
}

TEST(CheckNames, DuplicateDeclarationNamesTheEarlierOne) {
  auto r = check_text(vocabulary + "source gru \"GRU press office\".\n");
  EXPECT_EQ(only(r, "E003"), "11:8 duplicate declaration of 'gru': already declared at case.imputa:9");
}

TEST(CheckNames, OneNamespaceForEvidenceRulesClaimsAndLabels) {
  auto r = check_text(vocabulary + "fact x1: organ_of(gru, rus).\n"
                                   "claim x1 \"c\" {\n"
                                   "  holds organ_of(gru, rus)\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E003"), "12:7 duplicate declaration of 'x1': already declared at case.imputa:11");
}

TEST(CheckNames, DuplicateOfALibraryName) {
  std::string_view library = parse::shipped_library();
  auto at = library.find("predicate attributable(");
  ASSERT_NE(at, std::string_view::npos);
  const auto line = 1 + std::count(library.begin(), library.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  auto r = check_text("state attributable \"A state named like a predicate\".\n", true);
  EXPECT_EQ(only(r, "E003"), "1:7 'attributable' is already a predicate of the library (<library gge2015>:" +
                                 std::to_string(line) + "); choose another name");
}

// Library rule ids are the library's own business (docs/decisions.md): a
// user's name never clashes with one, and the library rule stays in force.
const std::string attack_case = "state vic \"Victim\".\n"
                                "operation op \"The operation\".\n"
                                "fact targets(op, vic).\n";

const RuleItem* rule_named(const Program& p, std::string_view id) {
  for (const auto& r : p.rules)
    if (r.id == id) return &r;
  return nullptr;
}

TEST(CheckNames, AClaimMayTakeTheNameOfALibraryRule) {
  auto r = check_text(attack_case + "claim attack_functionality \"The operation is an attack\" {\n"
                                    "  holds attack(op)\n"
                                    "}\n",
                      true);
  EXPECT_TRUE(with_code(r, "E003").empty()) << all(r);
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
  const RuleItem* library = rule_named(r.program, "library:attack_functionality");
  ASSERT_NE(library, nullptr) << "the shadowed library rule is known as library:ID";
  EXPECT_TRUE(library->from_library);
  EXPECT_EQ(rule_named(r.program, "attack_functionality"), nullptr);
}

TEST(CheckNames, AUserRuleMayTakeTheNameOfALibraryRule) {
  auto r = check_text(attack_case + "rule art4_organ \"My own rule\": attack(Op) if targets(Op, vic).\n", true);
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
  const RuleItem* mine = rule_named(r.program, "art4_organ");
  const RuleItem* library = rule_named(r.program, "library:art4_organ");
  ASSERT_NE(mine, nullptr);
  ASSERT_NE(library, nullptr);
  EXPECT_FALSE(mine->from_library);
  EXPECT_TRUE(library->from_library);
}

TEST(CheckNames, UnshadowedLibraryRulesKeepTheirIds) {
  auto r = check_text(attack_case, true);
  EXPECT_NE(rule_named(r.program, "attack_functionality"), nullptr);
  EXPECT_NE(rule_named(r.program, "art4_organ"), nullptr);
}

TEST(CheckNames, DropNamesTheUsersDeclarationFirstThenTheLibraryRule) {
  auto r = check_text(attack_case + "rule art4_organ \"My own rule\": attack(Op) if targets(Op, vic).\n"
                                    "claim attack_functionality \"The operation is an attack\" {\n"
                                    "  holds attack(op)\n"
                                    "  drop art4_organ\n"
                                    "  drop attack_functionality\n"
                                    "  drop attack_physical_damage\n"
                                    "}\n",
                      true);
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
  ASSERT_EQ(r.program.claims.size(), 1u);
  // The user's rule; the library rule shadowed by the claim's own name; a library rule.
  EXPECT_EQ(r.program.claims[0].drops,
            (std::vector<std::string>{"art4_organ", "library:attack_functionality", "attack_physical_damage"}));
}

// Alternatives are named within their family: the library's
// `countermeasures_by = collective` leaves the name free for a case.
TEST(CheckNames, AnEntityMayTakeTheNameOfADoctrineAlternative) {
  auto r = check_text("actor collective \"A hacker collective\".\n"
                      "state vic \"Victim\".\n"
                      "operation op \"The operation\".\n"
                      "fact performed_by(op, collective).\n"
                      "use doctrine countermeasures_by = collective.\n",
                      true);
  EXPECT_FALSE(r.diags.has_errors()) << all(r);
  EXPECT_EQ(r.program.doctrine.at("countermeasures_by"), "collective");
}

TEST(CheckNames, AnAlternativeTwiceInOneFamily) {
  auto r = check_text("doctrine intent = specific | general | specific \"Mental element\".\n");
  EXPECT_EQ(only(r, "E003"), "1:40 doctrine 'intent' lists the alternative 'specific' twice");
}

TEST(CheckNames, MisspeltDropSuggestsLibraryRulesToo) {
  auto r = check_text(attack_case + "claim c \"The operation is an attack\" {\n"
                                    "  holds attack(op)\n"
                                    "  drop attack_functionalty\n"
                                    "}\n",
                      true);
  EXPECT_EQ(hints(r, "E002"), Hints{"did you mean 'attack_functionality'?"}) << all(r);
}

class CheckImports : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("imputa_check_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  Checked check_main(const std::string& text) { return check_text(text, false, (dir_ / "main.imputa").string()); }

  std::filesystem::path dir_;
};

TEST_F(CheckImports, UseInAnImportedFile) {
  write("part.imputa", "use corroboration noisy_or.\nstate fra \"France\".\n");
  auto r = check_main("import \"part.imputa\".\nstate deu \"Germany\".\n");
  auto found = with_code(r, "E010");
  ASSERT_EQ(found.size(), 1u) << all(r);
  EXPECT_EQ(describe(found[0]), "1:1 'use' belongs in the top-level file, not in an imported file");
  EXPECT_EQ(r.sources.path(found[0].span), "part.imputa");
  // The imported selection is not applied.
  EXPECT_EQ(r.program.corroboration, Corroboration::max);
}

TEST_F(CheckImports, CaseHeaderInAnImportedFile) {
  write("part.imputa", "case other \"Another case\"\nstate fra \"France\".\n");
  auto r = check_main("import \"part.imputa\".\nstate deu \"Germany\".\n");
  auto found = with_code(r, "E010");
  ASSERT_EQ(found.size(), 1u) << all(r);
  EXPECT_EQ(describe(found[0]), "1:1 a 'case' header belongs in the top-level file, not in an imported file");
  EXPECT_FALSE(r.program.case_id.has_value());
}

TEST_F(CheckImports, NamesAreSharedWithImports) {
  write("part.imputa", "state fra \"France\".\n");
  auto r = check_main("import \"part.imputa\".\nstate fra \"France again\".\n");
  EXPECT_EQ(only(r, "E003"), "2:7 duplicate declaration of 'fra': already declared at part.imputa:1");
}

} // namespace
} // namespace imputa::testing
