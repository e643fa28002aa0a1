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
  EXPECT_TRUE(contains(md, "\n**Because:**\n\n- stipulated fact (line 18): `organ_of(gru, rus)`\n"
                           "- evidence e3 (official statement, 0.8..0.9): \"UK attributes NotPetya to the Russian "
                           "military\" — supports `performed_by(notpetya, gru)` \\[UK Foreign Office press release, "
                           "15 Feb 2018\\]\n"))
      << md;
  EXPECT_TRUE(contains(md, "**Missing to establish it (proving any one of these would do):**\n\n"
                           "- `performed_by(notpetya, gru)`\n"
                           "- `organ_of(sandworm, rus)` and `performed_by(notpetya, sandworm)`\n"))
      << md;
  // Burden-of-proof support nests under its item.
  EXPECT_TRUE(contains(md, "bears the burden\", because:\n  - stipulated fact (line 46): `responds_to(cm, op)`\n")) << md;
  EXPECT_TRUE(contains(md, "**ESTABLISHED (HYPOTHESIS)**: on these premises the argument goes through")) << md;
  std::size_t headings = 0;
  for (const auto& line : lines_of(md)) headings += line.rfind("#", 0) == 0;
  EXPECT_EQ(headings, 1u + ordinary_report().claims.size()) << md;
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
  EXPECT_TRUE(contains(md, "- \\- note Say \"hi\" \\# heading \\| cell \\\\ back \\*bold\\* \\_it\\_ \\`tick\\` "
                           "&lt;script&gt;x&lt;/script&gt; \\[link\\](http://x) \\~\\~s\\~\\~ \\[31mred\n"))
      << md;
}

TEST(RenderMarkdown, TheCommandPrintsTheRealRenderer) {
  auto r = testing::run_imputa(
      {"check", "--format", "markdown", (testing::source_dir() / "examples/notpetya_2017.imputa").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("# NotPetya wiper, June 2017 (notpetya\\_2017)\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "\n## origin\\_only: Origin in Ukrainian territory")) << r.out;
  EXPECT_FALSE(contains(r.out, "\033")) << r.out;
}

} // namespace
} // namespace imputa
