// Finding the vocabulary and the smaller conveniences of issue 16: `library
// --predicates/--doctrines`, `help language`, `compare` grouping rows that
// do not differ, `fmt --check` showing its diff, `--drop library:RULE`.
#include "small_case.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using testing::run_imputa;
using testing::RunResult;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(Vocabulary, PredicatesWithTypesTagsAndDescriptions) {
  RunResult all = run_imputa({"library", "--predicates"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("organ_of(actor, state)\n  The actor is an organ"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("attributable(operation, state)  [attribution]  (concluded by rules)\n"), std::string::npos);

  RunResult tagged = run_imputa({"library", "--predicates", "--tag", "origin"});
  ASSERT_EQ(tagged.exit_code, 0) << tagged.err;
  EXPECT_NE(tagged.out.find("originates_in("), std::string::npos) << tagged.out;
  EXPECT_EQ(tagged.out.find("organ_of("), std::string::npos) << tagged.out;

  RunResult word = run_imputa({"library", "--predicates", "organ"});
  ASSERT_EQ(word.exit_code, 0) << word.err;
  EXPECT_NE(word.out.find("organ_of("), std::string::npos);
  EXPECT_EQ(word.out.find("targets("), std::string::npos);

  RunResult misspelt = run_imputa({"library", "--predicates", "--tag", "orign"});
  EXPECT_EQ(misspelt.exit_code, 2);
  EXPECT_NE(misspelt.err.find("did you mean 'origin'?"), std::string::npos) << misspelt.err;
}

TEST(Vocabulary, DoctrinesWithTheirAlternatives) {
  RunResult r = run_imputa({"library", "--doctrines"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("control — "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  effective_control  (the default)\n  overall_control\n"), std::string::npos) << r.out;
}

TEST(Vocabulary, HelpLanguageFitsOnOneScreen) {
  RunResult r = run_imputa({"help", "language"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("evidence ID KIND"), std::string::npos);
  EXPECT_NE(r.out.find("claim ID"), std::string::npos);
  EXPECT_LE(count(r.out, "\n"), 40u);
}

using testing::small_case;

TEST(Vocabulary, CompareGroupsRowsThatDoNotDiffer) {
  fs::path file = testing::temp_dir("compare-grouped") / "case.imputa";
  testing::write_file(file, small_case);
  RunResult r = run_imputa({"compare", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The organ route does not depend on the control test: one line, no table of equal rows.
  EXPECT_NE(r.out.find("the same verdict under every alternative of "), std::string::npos) << r.out;
  EXPECT_LE(count(r.out, "established"), 1u) << r.out;
}

TEST(Vocabulary, FmtCheckShowsTheDiff) {
  fs::path file = testing::temp_dir("fmt-diff") / "case.imputa";
  testing::write_file(file, "state   rus \"Russian Federation\".\nstate ukr \"Ukraine\".\n");
  RunResult r = run_imputa({"fmt", "--check", file.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("would reformat " + file.string() + "\n--- " + file.string() + "\n+++ " + file.string() +
                       " (formatted)\n@@ -1,2 +1,2 @@\n-state   rus \"Russian Federation\".\n"
                       "+state rus \"Russian Federation\".\n state ukr \"Ukraine\".\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(testing::read_file(file), "state   rus \"Russian Federation\".\nstate ukr \"Ukraine\".\n");
}

TEST(Vocabulary, DropNamesALibraryRuleUnambiguously) {
  // The user's claim takes the name of the library rule art4_organ; the
  // library rule stays in force and `--drop library:art4_organ` sets it aside.
  fs::path file = testing::temp_dir("drop-library") / "case.imputa";
  std::string text = small_case;
  text.replace(text.find("claim attribution"), 17, "claim art4_organ");
  testing::write_file(file, text);
  RunResult kept = run_imputa({"check", file.string()});
  EXPECT_EQ(kept.exit_code, 0) << kept.out << kept.err;
  EXPECT_NE(kept.out.find("library:art4_organ"), std::string::npos) << kept.out;
  RunResult dropped = run_imputa({"check", file.string(), "--drop", "library:art4_organ"});
  EXPECT_EQ(dropped.exit_code, 1) << dropped.out << dropped.err;
  RunResult bare = run_imputa({"check", file.string(), "--drop", "art4_organ"});
  EXPECT_EQ(bare.exit_code, 1) << "the claim is not droppable: the bare name falls back to the library rule";
  RunResult wrong = run_imputa({"check", file.string(), "--drop", "library:art4_organs"});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("did you mean 'art4_organ'?"), std::string::npos) << wrong.err;
}

} // namespace
} // namespace imputa
