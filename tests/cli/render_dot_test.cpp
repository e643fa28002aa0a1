// `imputa graph`: DOT that Graphviz renders for every example and library
// case, shapes and colours as documented, every label escaped.
#include "render.hpp"
#include "render_fixtures.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <sstream>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using testing::contains;

// Renders `dot_text` with Graphviz; returns dot's stderr, or "exit N: ..." on failure.
// Graphviz is required: scripts/setup.sh installs it.
std::string graphviz_problem(const std::string& dot_text, const std::string& name) {
  fs::path dir = testing::temp_dir("dot");
  fs::path in = dir / (name + ".dot"), out = dir / (name + ".svg"), err = dir / (name + ".err");
  testing::write_file(in, dot_text);
  std::string command = "dot -Tsvg '" + in.string() + "' -o '" + out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(command.c_str());
  std::string messages = testing::read_file(err);
  if (status != 0) return "exit " + std::to_string(status) + ": " + messages;
  return messages; // warnings count as problems too
}

TEST(RenderDot, GraphvizIsInstalled) {
  ASSERT_EQ(std::system("dot -V 2>/dev/null"), 0) << "Graphviz 'dot' is missing: run scripts/setup.sh";
}

TEST(RenderDot, EscapesQuotesBackslashesAndNewlines) {
  EXPECT_EQ(render::dot_escape("a \"b\" \\ c\nd\re<f>"), "a \\\"b\\\" \\\\ c\\nd e<f>");
  EXPECT_EQ(render::dot_escape("\033[1m"), "[1m");
}

Graph hostile_graph() {
  const std::string nasty = "say \"hi\" \\ back\\\nnew line <b>bold</b> } ] ; -> n0 \\N \\l end\\";
  Graph g;
  g.nodes.push_back({GraphNode::Kind::evidence, "evidence:e1", "E " + nasty, "origin", false, true, true});
  g.nodes.push_back({GraphNode::Kind::evidence, "evidence:e2", "E2 " + nasty, "forensic", false, true, false});
  g.nodes.push_back({GraphNode::Kind::atom, "atom:performed_by(op, gru)", "performed_by(op, gru)", "", true, true, false});
  g.nodes.push_back({GraphNode::Kind::atom, "atom:organ_of(gru, rus)", "organ_of(gru, rus)", "", true, false, false});
  g.nodes.push_back({GraphNode::Kind::rule, "rule:r1:x:0", "Rule " + nasty, "r1", false, true, false});
  g.nodes.push_back({GraphNode::Kind::claim, "claim:c1", "Claim " + nasty, "c1", false, true, false});
  g.edges.push_back({"evidence:e1", "atom:performed_by(op, gru)", GraphEdge::Kind::discounted});
  g.edges.push_back({"evidence:e2", "atom:performed_by(op, gru)", GraphEdge::Kind::contradicts});
  g.edges.push_back({"atom:performed_by(op, gru)", "rule:r1:x:0", GraphEdge::Kind::condition});
  g.edges.push_back({"atom:organ_of(gru, rus)", "rule:r1:x:0", GraphEdge::Kind::negated_condition});
  g.edges.push_back({"rule:r1:x:0", "claim:c1", GraphEdge::Kind::concludes});
  return g;
}

TEST(RenderDot, ShapesColoursAndDashesAsDocumented) {
  std::string d = render::dot(hostile_graph(), "Title \"t\"");
  EXPECT_TRUE(d.starts_with("digraph imputa {\n")) << d;
  EXPECT_TRUE(contains(d, "shape=box, style=\"filled,dashed\", fillcolor=\"#fdbf6f\"")) << d; // discounted origin
  EXPECT_TRUE(contains(d, "shape=box, style=\"filled\", fillcolor=\"#b2df8a\"")) << d;         // forensic
  EXPECT_TRUE(contains(d, "shape=ellipse, label=\"performed_by(op, gru)\", style=filled, fillcolor=\"#b7e4b0\""));
  EXPECT_TRUE(contains(d, "shape=ellipse, label=\"organ_of(gru, rus)\", style=filled, fillcolor=\"#f4b6b6\""));
  EXPECT_TRUE(contains(d, "shape=diamond")) << d;
  EXPECT_TRUE(contains(d, "shape=doubleoctagon")) << d;
  EXPECT_TRUE(contains(d, "n0 -> n2 [style=dashed, color=\"#808080\", label=\"§28(f)\"];")) << d;
  EXPECT_TRUE(contains(d, "n3 -> n4 [style=dashed, arrowhead=odot, label=\"not\"];")) << d;
  EXPECT_TRUE(contains(d, "label=\"evidence: origin\"")) << d; // the legend names the kinds drawn
  EXPECT_TRUE(contains(d, "label=\"evidence: forensic\"")) << d;
  EXPECT_FALSE(contains(d, "label=<")) << d; // never HTML labels
}

TEST(RenderDot, EveryQuotedStringIsClosedWhereItShouldBe) {
  std::string d = render::dot(hostile_graph(), "Title \"t\" \\");
  // Each statement line has balanced unescaped quotes, so no label leaks into the syntax.
  std::istringstream lines(d);
  for (std::string line; std::getline(lines, line);) {
    std::size_t quotes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
        continue;
      }
      quotes += line[i] == '"';
    }
    EXPECT_EQ(quotes % 2, 0u) << line;
  }
  EXPECT_EQ(graphviz_problem(d, "hostile"), "");
}

TEST(RenderDot, GraphOfEveryExampleAndLibraryCaseRendersWithGraphviz) {
  auto files = testing::imputa_files({"examples", "tests/library"});
  ASSERT_GT(files.size(), 5u);
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    auto r = testing::run_imputa({"graph", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("digraph imputa {")) << r.out;
    EXPECT_EQ(graphviz_problem(r.out, file.stem().string()), "");
  }
}

TEST(RenderDot, OneClaimAndItsDiscountedOriginEvidence) {
  auto file = (testing::source_dir() / "examples/notpetya_2017.imputa").string();
  auto r = testing::run_imputa({"graph", file, "origin_only"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "shape=doubleoctagon")) << r.out;
  EXPECT_TRUE(contains(r.out, "claim origin_only")) << r.out;
  EXPECT_FALSE(contains(r.out, "claim attribution\\n")) << r.out;

  // Origin evidence set at zero by §28(f) is dashed, node and edge.
  auto demo = testing::run_imputa(
      {"graph", (testing::source_dir() / "examples/explain_demo.imputa").string(), "caldonia_accused"});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  EXPECT_TRUE(contains(demo.out, "shape=box, style=\"filled,dashed\", fillcolor=\"#fdbf6f\", label=\"e_caldonian_ip (origin)"))
      << demo.out;
  EXPECT_TRUE(std::regex_search(demo.out, std::regex("n[0-9]+ -> n[0-9]+ \\[style=dashed, color=\"#808080\", label=\"§28\\(f\\)\"\\];")))
      << demo.out;

  auto unknown = testing::run_imputa({"graph", file, "no_such_claim"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(contains(unknown.err, "no_such_claim")) << unknown.err;
}

TEST(RenderDot, HostileCaseFileRendersWithGraphviz) {
  fs::path file = testing::temp_dir("dot-hostile") / "hostile.imputa";
  testing::write_file(file, R"(case hostile "T \"q\" <b>x</b>\n# h | \\ *c*" { cite "c" }
state rus "Russia \"R\" <script> \\".
actor gru "GRU | pipe".
operation op "Op".
fact organ_of(gru, rus).
evidence e1 forensic "Summary \"quoted\"\n<img src=x> \\ }; -> n0" {
  supports performed_by(op, gru)
  confidence almost_certain
}
evidence e2 origin "Servers \"in\" Russia \\" {
  supports originates_in(op, rus)
  confidence likely
}
claim c1 "Claim \"text\"\n<x> \\" {
  holds attributable(op, rus)
  as accusation
}
)");
  auto r = testing::run_imputa({"graph", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Summary \\\"quoted\\\"")) << r.out;
  EXPECT_EQ(graphviz_problem(r.out, "hostile-file"), "");
}

} // namespace
} // namespace imputa
