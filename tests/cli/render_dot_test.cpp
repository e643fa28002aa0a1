// `imputa graph`: DOT that Graphviz renders for every example and library
// case, shapes and colours as documented, every label escaped.
#include "commands.hpp"
#include "imputa/ground_case.hpp"
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
  auto node = [&](GraphNode::Kind kind, std::string id, std::string text, std::string detail) -> GraphNode& {
    GraphNode n;
    n.kind = kind;
    n.id = std::move(id);
    n.label = std::move(text);
    n.detail = std::move(detail);
    g.nodes.push_back(std::move(n));
    return g.nodes.back();
  };
  node(GraphNode::Kind::evidence, "evidence:e1", "E " + nasty, "origin").discounted = true;
  node(GraphNode::Kind::evidence, "evidence:e2", "E2 " + nasty, "forensic");
  node(GraphNode::Kind::atom, "atom:performed_by(op, gru)", "performed_by(op, gru)", "").status =
      GraphNode::Status::established;
  node(GraphNode::Kind::atom, "atom:organ_of(gru, rus)", "organ_of(gru, rus)", "").status = GraphNode::Status::refuted;
  node(GraphNode::Kind::rule, "rule:r1:x:0", "Rule " + nasty, "r1");
  node(GraphNode::Kind::claim, "claim:c1", "Claim " + nasty, "c1").verdict = Verdict::established;
  auto& presumed = node(GraphNode::Kind::atom, "atom:private(gru, op)", "private(gru, op)", "");
  presumed.status = GraphNode::Status::presumed;
  node(GraphNode::Kind::atom, "atom:directed(rus, op)", "directed(rus, op)", "").would_establish = true;
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
  // Atoms by status, in the legend's words; the claim with its verdict.
  EXPECT_TRUE(contains(d, "shape=ellipse, label=\"private(gru, op)\", style=filled, fillcolor=\"#dde3ee\"")) << d;
  EXPECT_TRUE(contains(d, "label=\"directed(rus, op)\\nmissing: proving it true would\\nestablish the claim\", "
                          "color=\"#e66101\", penwidth=2.5")) << d;
  EXPECT_TRUE(contains(d, "shape=doubleoctagon, style=\"bold,filled\", fillcolor=\"#b7e4b0\", label=\"ESTABLISHED\\nclaim c1")) << d;
  EXPECT_TRUE(contains(d, "subgraph cluster_legend {\n    label=\"Legend\"")) << d;
  for (const char* words : {"statement, established: proven true", "statement, refuted: proven false",
                            "statement, presumed false until proven (burden of proof)",
                            "statement, open: neither proven nor presumed", "missing: would establish the claim",
                            "claim, with the judge's verdict"})
    EXPECT_TRUE(contains(d, words)) << words << "\n" << d;
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
  std::size_t seen = 0;
  for (const auto& file : files) {
    if (!testing::in_sanitized_half(seen++, 1)) continue; // under sanitizers, every other file
    SCOPED_TRACE(file.string());
    auto r = testing::run_imputa({"graph", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("digraph imputa {")) << r.out;
    EXPECT_EQ(graphviz_problem(r.out, file.stem().string()), "");
  }
}

// The claims of a case file, by id, in file order.
std::vector<std::string> claim_ids(const fs::path& file) {
  std::vector<std::string> ids;
  std::string text = testing::read_file(file);
  std::regex claim("(^|\n)\\s*claim ([a-z_][a-z0-9_]*)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), claim); it != std::sregex_iterator(); ++it)
    ids.push_back((*it)[2]);
  return ids;
}

// Rule instances drawn (the legend's diamond is not one).
std::size_t rule_nodes(const std::string& dot) {
  std::regex rule("\n  n[0-9]+ \\[shape=diamond");
  return static_cast<std::size_t>(std::distance(std::sregex_iterator(dot.begin(), dot.end(), rule), std::sregex_iterator()));
}

TEST(RenderDot, EveryClaimOfEveryExampleRendersWithGraphviz) {
  std::size_t seen = 0;
  for (const auto& file : testing::imputa_files({"examples"})) {
    auto ids = claim_ids(file);
    ASSERT_FALSE(ids.empty()) << file;
    for (const auto& id : ids) {
      if (!testing::in_sanitized_share(seen++, 4, 1)) continue; // under sanitizers, one claim in four
      SCOPED_TRACE(file.string() + " " + id);
      auto r = testing::run_imputa({"graph", file.string(), id});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      EXPECT_TRUE(contains(r.out, "claim " + id)) << r.out;
      EXPECT_TRUE(contains(r.out, "subgraph cluster_legend")) << r.out;
      EXPECT_EQ(graphviz_problem(r.out, file.stem().string() + "-" + id), "");
    }
    auto full = testing::run_imputa({"graph", file.string(), "--full"});
    ASSERT_EQ(full.exit_code, 0) << full.err;
    EXPECT_EQ(graphviz_problem(full.out, file.stem().string() + "-full"), "");
  }
}

TEST(RenderDot, DefaultViewDrawsWhatCarriesTheVerdict) {
  auto file = (testing::source_dir() / "examples/notpetya_2017.imputa").string();
  auto support = testing::run_imputa({"graph", file, "attribution"});
  auto full = testing::run_imputa({"graph", file, "attribution", "--full"});
  ASSERT_EQ(support.exit_code, 0) << support.err;
  ASSERT_EQ(full.exit_code, 0) << full.err;
  // The rule that carries the verdict and the premises it rests on, nothing else.
  EXPECT_GE(rule_nodes(support.out), 1u) << support.out;
  EXPECT_LE(rule_nodes(support.out) * 4, rule_nodes(full.out)) << support.out << full.out;
  EXPECT_TRUE(contains(support.out, "label=\"art4_organ\\n")) << support.out;
  EXPECT_FALSE(contains(support.out, "empowered_by_law(rus, rus)")) << support.out;
  EXPECT_TRUE(contains(support.out, "e_indictment (judicial)")) << support.out;
  // The claim carries its verdict, established conclusions are coloured, the presumption too.
  EXPECT_TRUE(contains(support.out, "label=\"ESTABLISHED\\nclaim attribution\\n")) << support.out;
  EXPECT_TRUE(contains(support.out, "label=\"attributable(notpetya, rus)\", style=filled, fillcolor=\"#b7e4b0\""))
      << support.out;
  EXPECT_TRUE(contains(support.out, "label=\"acting_in_private_capacity(unit74455,\\nnotpetya)\", style=filled, "
                                    "fillcolor=\"#dde3ee\"")) << support.out;
  EXPECT_TRUE(contains(support.out, "what carries the verdict")) << support.out;
  EXPECT_TRUE(contains(full.out, "every rule instance in force")) << full.out;
  EXPECT_TRUE(contains(full.out, "label=\"ESTABLISHED\\nclaim attribution\\n")) << full.out;
}

TEST(RenderDot, TheJudgingOptionsDecideTheVerdictDrawn) {
  auto file = (testing::source_dir() / "examples/cloud_hopper_2018.imputa").string();
  auto own = testing::run_imputa({"graph", file, "china_overall"});
  auto disclosed = testing::run_imputa({"graph", file, "china_overall", "--doctrine", "substantiation=disclosed_evidence"});
  ASSERT_EQ(own.exit_code, 0) << own.err;
  ASSERT_EQ(disclosed.exit_code, 0) << disclosed.err;
  EXPECT_TRUE(contains(own.out, "label=\"ESTABLISHED\\nclaim china_overall\\n")) << own.out;
  EXPECT_TRUE(contains(disclosed.out, "label=\"UNSUBSTANTIATED\\nclaim china_overall\\n")) << disclosed.out;
}

// `imputa serve` draws a claim's graph from the grounding it keeps for a
// what-if, made for other options that need no new grounding (a standard,
// an evidence item left out): the graph is the one drawn afresh.
TEST(RenderDot, AGraphFromAKeptGroundingIsTheOneDrawnAfresh) {
  cli::CheckedCase c = cli::load_and_check((testing::source_dir() / "examples/notpetya_2017.imputa").string(), {});
  ASSERT_FALSE(c.diags.has_errors());
  Diagnostics diags;
  auto ground = ground_case(c.program, JudgeOptions{}, diags);
  ASSERT_TRUE(ground);
  JudgeOptions what_if;
  what_if.standard = "beyond_reasonable_doubt";
  what_if.drop = {"e_indictment"};
  for (GraphView view : {GraphView::support, GraphView::full}) {
    const std::string fresh = render::dot(claim_graph(c.program, what_if, "attribution", view, diags), "t");
    const std::string kept = render::dot(claim_graph(*ground, what_if, "attribution", view), "t");
    ASSERT_FALSE(diags.has_errors());
    EXPECT_EQ(kept, fresh);
    EXPECT_NE(fresh, render::dot(claim_graph(*ground, JudgeOptions{}, "attribution", view), "t"))
        << "the what-if changes nothing drawn: pick one that does";
  }
}

TEST(RenderDot, NotEstablishedShowsWhatIsMissing) {
  auto file = (testing::source_dir() / "examples/notpetya_2017.imputa").string();
  auto r = testing::run_imputa({"graph", file, "no_russian_origin"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "label=\"NOT ESTABLISHED\\nclaim no_russian_origin")) << r.out;
  EXPECT_TRUE(contains(r.out, "label=\"originates_in(notpetya, rus)\\nmissing: proving it true would\\nestablish "
                              "the claim\", color=\"#e66101\"")) << r.out;
}

TEST(RenderDot, OneClaimAndItsDiscountedOriginEvidence) {
  auto file = (testing::source_dir() / "examples/notpetya_2017.imputa").string();
  auto r = testing::run_imputa({"graph", file, "origin_only"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "shape=doubleoctagon")) << r.out;
  EXPECT_TRUE(contains(r.out, "claim origin_only")) << r.out;
  EXPECT_FALSE(contains(r.out, "claim attribution\\n")) << r.out;

  // Origin evidence set at zero by §28(f) is dashed, node and edge, in the full view.
  auto demo = testing::run_imputa(
      {"graph", (testing::source_dir() / "examples/explain_demo.imputa").string(), "caldonia_accused", "--full"});
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
