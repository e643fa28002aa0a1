// Static checks on names, where more than the printed diagnostic matters: which
// rule a name means, where a diagnostic points in an imported file, what is
// left in the program. What `imputa check` prints for unknown names (E002),
// duplicates (E003) and imports (E010) is in tests/dsl/errors/.
#include "check_helpers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace imputa::testing {
namespace {

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
