// The Markdown report: headings per claim, bullet lists, a summary table, and
// author strings that cannot break any of them.
#include "render.hpp"
#include "render_fixtures.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace imputa {
namespace {

using testing::contains;
using testing::hostile_report;
using testing::ordinary_report;

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(RenderMarkdown, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(render::markdown_escape("a*b_c`d#e|f[g]h\\i~j"), "a\\*b\\_c\\`d\\#e\\|f\\[g\\]h\\\\i\\~j");
  EXPECT_EQ(render::markdown_escape("<script>&"), "&lt;script&gt;&amp;");
  EXPECT_EQ(render::markdown_escape("one\ntwo\r\tthree"), "one two  three");
  EXPECT_EQ(render::markdown_escape("- item"), "\\- item");
  EXPECT_EQ(render::markdown_escape("+ item"), "\\+ item");
  EXPECT_EQ(render::markdown_escape("12. item"), "12\\. item");
  EXPECT_EQ(render::markdown_escape("plain words, 0.8..0.9 - fine"), "plain words, 0.8..0.9 - fine");
  EXPECT_EQ(render::markdown_escape("\033[31mred"), "\\[31mred");
}

TEST(RenderMarkdown, HeadingsPerClaimListsAndASummaryTable) {
  std::string md = render::markdown(ordinary_report(), "notpetya.imputa", {});
  EXPECT_TRUE(md.starts_with("# NotPetya wiper, June 2017 (notpetya\\_2017)\n")) << md;
  EXPECT_TRUE(contains(md, "| Claim | Verdict | Expected |\n|---|---|---|\n"
                           "| attribution: NotPetya is attributable to the Russian Federation | ESTABLISHED | "
                           "established, met |\n"))
      << md;
  EXPECT_TRUE(contains(md, "\n## attribution: NotPetya is attributable to the Russian Federation\n\n"
                           "**ESTABLISHED**: the premises prove it to the standard of proof required\n\n"
                           "- **Claim:** `attributable(notpetya, rus)`\n"))
      << md;
  EXPECT_TRUE(contains(md, "**Missing to establish it (proving any one of these would do):**\n\n"
                           "- The operation was conducted by the actor — NotPetya wiper campaign; GRU[^7]\n"
                           "- The actor is an organ of the state under its internal law — sandworm; Russian Federation; "
                           "and The operation was conducted by the actor — NotPetya wiper campaign; sandworm[^8]\n"))
      << md;
  EXPECT_TRUE(contains(md, "[^7]: `performed_by(notpetya, gru)`\n"
                           "[^8]: `organ_of(sandworm, rus)` and `performed_by(notpetya, sandworm)`\n"))
      << md;
  // Burden-of-proof support nests under its item.
  EXPECT_TRUE(contains(md, "- established, and it had to be (State S, which relies on it, bears that burden): The state "
                           "invoking it bears the burden — cm; State S[^10], because:\n"
                           "  - stipulated fact: responds to — cm; op[^11]\n"))
      << md;
  EXPECT_TRUE(contains(md, "**ESTABLISHED (HYPOTHESIS)**: on these premises the argument goes through")) << md;
  std::size_t headings = 0;
  for (const auto& line : lines_of(md)) headings += line.rfind("#", 0) == 0;
  EXPECT_EQ(headings, 1u + ordinary_report().claims.size()) << md;
}

// A memo reads in the author's labels: each reason in words, with a footnote
// marker whose definition, after the claim, keeps the ids, atoms and lines.
TEST(RenderMarkdown, ReasonsReadInLabelsWithIdsInFootnotes) {
  std::string md = render::markdown(ordinary_report(), "notpetya.imputa", {});
  EXPECT_TRUE(contains(md, "\n**Because:**\n\n"
                           "- stipulated fact: The actor is an organ of the state under its internal law — GRU; Russian "
                           "Federation[^1]\n"
                           "- evidence (official statement, confidence 0.8..0.9): \"UK attributes NotPetya to the "
                           "Russian military\" — supports: The operation was conducted by the actor — NotPetya wiper campaign; GRU "
                           "\\[UK Foreign Office press release, 15 Feb 2018\\][^2]\n"
                           "- rule: Conduct of an organ of the state \\[ARSIWA art 4\\][^3]\n"))
      << md;
  // The definitions close the claim's section, before the next heading.
  EXPECT_TRUE(contains(md, "\n\n[^1]: stipulated fact, line 18: `organ_of(gru, rus)`\n"
                           "[^2]: evidence `e3`, line 27; supports `performed_by(notpetya, gru)`\n"
                           "[^3]: rule `art4_organ`\n\n## origin\\_only: "))
      << md;
  EXPECT_TRUE(contains(md, "- holds (agreed: a stipulated fact): The actor is an organ of the state under its internal "
                           "law — GRU; Russian Federation[^"))
      << md;
  // A §28(f) note quotes the item it discounts and says the atom in words.
  EXPECT_TRUE(contains(md, "- GGE 2015 §28(f): evidence \"Command servers located in the Russian Federation\" shows "
                           "where the operation came from; it is not counted for attributable — NotPetya wiper "
                           "campaign; Russian Federation (origin is not attribution)[^9]\n"))
      << md;
  EXPECT_TRUE(contains(md, "[^9]: evidence `e4`; on `attributable(notpetya, rus)`\n")) << md;
  // Outside the heading, the formula line and the footnotes, no id or atom is left in the body.
  for (const auto& line : lines_of(md)) {
    if (line.starts_with("#") || line.starts_with("|") || line.starts_with("- **Claim:**") || line.starts_with("[^"))
      continue;
    EXPECT_FALSE(contains(line, "`")) << line;
    for (const char* id : {"e3", "e4", "art4\\_organ", "art22", "fact at line", "(line "})
      EXPECT_FALSE(contains(line, id)) << id << " in: " << line;
  }
  // Markers are numbered through the document and each is defined once.
  std::size_t markers = 0;
  for (std::size_t n = 1; contains(md, "[^" + std::to_string(n) + "]"); ++n) {
    EXPECT_TRUE(contains(md, "\n[^" + std::to_string(n) + "]: ")) << n;
    ++markers;
  }
  EXPECT_EQ(markers, 13u) << md;
}

TEST(RenderMarkdown, HostileLabelsCannotBreakTheStructure) {
  Report report = hostile_report();
  render::Style detail;
  detail.detail = true;
  std::string md = render::markdown(report, "hostile.imputa", detail);
  std::size_t headings = 0, rows = 0;
  for (const auto& line : lines_of(md)) {
    headings += line.rfind("#", 0) == 0;
    if (line.rfind("|", 0) == 0) {
      ++rows;
      // Every table row keeps its three cells: no unescaped pipe from a label.
      std::size_t pipes = 0;
      for (std::size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
      EXPECT_EQ(pipes, 4u) << line;
    }
    EXPECT_NE(line.rfind("# heading", 0), 0u) << line;
    EXPECT_NE(line.rfind("- cite", 0), 0u) << line;
    EXPECT_NE(line.rfind("- note", 0), 0u) << line;
    EXPECT_EQ(line.find("\\\\["), std::string::npos) << line; // an escape that escapes itself would reopen a link
  }
  EXPECT_EQ(headings, 1u + report.claims.size()) << md;
  EXPECT_EQ(rows, 2u + report.claims.size()) << md;
  EXPECT_FALSE(contains(md, "<script>")) << md;
  EXPECT_FALSE(contains(md, " [link](")) << md; // brackets escaped: no link
  EXPECT_TRUE(contains(md, " \\[link\\](http://x)")) << md;
  EXPECT_FALSE(contains(md, " *bold*")) << md;
  EXPECT_FALSE(contains(md, "\033")) << md;
  // A §28(f) note quotes the hostile summary of the item it discounts, escaped.
  EXPECT_TRUE(contains(md, "- GGE 2015 §28(f): evidence \"Say \"hi\" \\# heading \\| cell \\\\ back \\*bold\\* \\_it\\_ "
                           "\\`tick\\` &lt;script&gt;x&lt;/script&gt; \\[link\\](http://x) \\~\\~s\\~\\~ \\[31mred\" shows where "))
      << md;
}

// Entity and predicate labels are the author's too: escaped wherever the memo says them.
TEST(RenderMarkdown, HostileEntityAndPredicateLabelsAreEscaped) {
  Report report = hostile_report();
  for (const char* id : {"gru", "rus", "op"}) report.entity_labels[id] = "- " + std::string(id) + " " + testing::hostile;
  report.predicate_labels["performed_by"] = "# heading " + testing::hostile;
  report.predicate_labels["organ_of"] = "| cell " + testing::hostile;
  render::Style detail;
  detail.detail = true;
  std::string md = render::markdown(report, "hostile.imputa", detail);
  std::size_t headings = 0;
  for (const auto& line : lines_of(md)) {
    headings += line.starts_with("#");
    if (line.starts_with("|")) {
      std::size_t pipes = 0;
      for (std::size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
      EXPECT_EQ(pipes, 4u) << line;
    }
    EXPECT_FALSE(line.starts_with("- gru") || line.starts_with("- op") || line.starts_with("# heading")) << line;
    EXPECT_EQ(line.find("\\\\["), std::string::npos) << line;
  }
  EXPECT_EQ(headings, 1u + report.claims.size()) << md;
  EXPECT_FALSE(contains(md, "<script>")) << md;
  EXPECT_FALSE(contains(md, "\033")) << md;
  EXPECT_TRUE(contains(md, "- does not hold: \\# heading Say \"hi\" \\# heading \\| cell")) << md;
  EXPECT_TRUE(contains(md, " — \\- op Say \"hi\"")) << md;
}

TEST(RenderMarkdown, TheCommandPrintsTheRealRenderer) {
  auto r = testing::run_imputa(
      {"check", "--format", "markdown", (testing::source_dir() / "examples/notpetya_2017.imputa").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("# NotPetya wiper, June 2017 (notpetya\\_2017)\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "\n## origin\\_only: Origin in Ukrainian territory")) << r.out;
  // The reasons read in the case's own labels; the ids are in the footnotes.
  EXPECT_TRUE(contains(r.out, "— supports: The operation was conducted by the actor — NotPetya wiper campaign; GRU Unit "
                              "74455"))
      << r.out;
  EXPECT_TRUE(contains(r.out, ": evidence `e_indictment`, line ")) << r.out;
  EXPECT_FALSE(contains(r.out, "\033")) << r.out;
}

} // namespace
} // namespace imputa
