// The evidence graph as Graphviz DOT (docs/report.md, "Graphs"): evidence boxes
// coloured by kind, atoms as ellipses (filled when proven), rules as diamonds,
// claims as double octagons; what §28(f) discounts is dashed. Labels are quoted
// strings, never HTML labels, so escaping quotes and backslashes is enough.
#include "render.hpp"

#include <map>
#include <set>

namespace imputa::render {
namespace {

// One colour per evidence kind of the language (dsl/check/evidence.cpp).
const std::map<std::string, std::string>& kind_colours() {
  static const std::map<std::string, std::string> colours{
      {"technical", "#a6cee3"},   {"origin", "#fdbf6f"},    {"forensic", "#b2df8a"},
      {"intelligence", "#cab2d6"}, {"testimony", "#ffff99"}, {"admission", "#fb9a99"},
      {"official_statement", "#8dd3c7"}, {"judicial", "#bebada"}, {"open_source", "#d9d9d9"}};
  return colours;
}

std::string kind_colour(const std::string& kind) {
  auto it = kind_colours().find(kind);
  return it == kind_colours().end() ? "#ffffff" : it->second;
}

constexpr const char* proven_true = "#b7e4b0";
constexpr const char* proven_false = "#f4b6b6";

// Breaks long author text at spaces so boxes stay readable; `\n` is DOT's line break.
std::string wrapped(const std::string& s, std::size_t width = 36) {
  std::string out, line;
  auto flush = [&] {
    if (!out.empty()) out += "\\n";
    out += line;
    line.clear();
  };
  std::string word;
  auto add_word = [&] {
    if (word.empty()) return;
    if (!line.empty() && line.size() + 1 + word.size() > width) flush();
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  // Work on the escaped text, splitting only at real spaces and at the author's own newlines.
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') {
      add_word();
    } else if (s[i] == '\n') {
      add_word();
      flush();
    } else {
      word += s[i];
    }
  }
  add_word();
  if (!line.empty() || out.empty()) flush();
  return out;
}

std::string quoted(const std::string& s) { return "\"" + dot_escape(s) + "\""; }

// A label from the author's text: escaped, the author's newlines kept as line
// breaks, long lines wrapped.
std::string label(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string escaped;
    for (char c : lines[i]) escaped += c == '\n' ? std::string(1, '\n') : dot_escape(std::string(1, c));
    out += (i ? "\\n" : "") + wrapped(escaped);
  }
  return "\"" + out + "\"";
}

std::string humane(std::string s) {
  for (auto& c : s)
    if (c == '_') c = ' ';
  return s;
}

} // namespace

std::string dot_escape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r' || c == '\t') {
      out += ' ';
    } else if (c >= 0x20 && c != 0x7f) {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string dot(const Graph& graph, const std::string& title) {
  std::map<std::string, std::string> node_name; // graph id -> n0, n1, ... (ids never reach DOT)
  for (const auto& n : graph.nodes) node_name.try_emplace(n.id, "n" + std::to_string(node_name.size()));

  std::string out = "digraph imputa {\n";
  out += "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=" + quoted(title) + "];\n";
  out += "  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n";

  std::set<std::string> kinds;
  for (const auto& n : graph.nodes) {
    std::string attrs;
    switch (n.kind) {
    case GraphNode::Kind::evidence:
      kinds.insert(n.detail);
      attrs = "shape=box, style=\"filled" + std::string(n.discounted ? ",dashed" : "") + "\", fillcolor=\"" +
              kind_colour(n.detail) + "\", label=" +
              label({n.id.substr(n.id.find(':') + 1) + " (" + humane(n.detail) + ")", n.label}) +
              (n.discounted ? ", tooltip=\"origin evidence discounted by GGE 2015 §28(f)\"" : "");
      break;
    case GraphNode::Kind::atom:
      attrs = "shape=ellipse, label=" + label({n.label});
      if (n.proven)
        attrs += std::string(", style=filled, fillcolor=\"") + (n.positive ? proven_true : proven_false) +
                 "\", tooltip=\"proven " + (n.positive ? "true" : "false") + "\"";
      break;
    case GraphNode::Kind::rule: attrs = "shape=diamond, fontsize=9, label=" + label({n.detail, n.label}); break;
    case GraphNode::Kind::claim:
      attrs = "shape=doubleoctagon, style=bold, label=" + label({"claim " + n.detail, n.label});
      break;
    }
    out += "  " + node_name[n.id] + " [" + attrs + "];\n";
  }

  for (const auto& e : graph.edges) {
    auto from = node_name.find(e.from), to = node_name.find(e.to);
    if (from == node_name.end() || to == node_name.end()) continue;
    std::string attrs;
    switch (e.kind) {
    case GraphEdge::Kind::supports: attrs = "color=\"#1b7837\""; break;
    case GraphEdge::Kind::contradicts: attrs = "color=\"#b2182b\", arrowhead=tee, label=\"against\""; break;
    case GraphEdge::Kind::discounted: attrs = "style=dashed, color=\"#808080\", label=\"§28(f)\""; break;
    case GraphEdge::Kind::condition: break;
    case GraphEdge::Kind::negated_condition: attrs = "style=dashed, arrowhead=odot, label=\"not\""; break;
    case GraphEdge::Kind::concludes: attrs = "penwidth=1.5"; break;
    case GraphEdge::Kind::claim: attrs = "penwidth=2, color=\"#2166ac\""; break;
    }
    out += "  " + from->second + " -> " + to->second + (attrs.empty() ? "" : " [" + attrs + "]") + ";\n";
  }

  // The legend: one box per evidence kind drawn, then the other shapes.
  out += "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=10; style=rounded; color=\"#999999\";\n";
  std::size_t i = 0;
  std::string previous;
  auto legend = [&](const std::string& attrs) {
    std::string name = "legend" + std::to_string(i++);
    out += "    " + name + " [" + attrs + "];\n";
    if (!previous.empty()) out += "    " + previous + " -> " + name + " [style=invis];\n";
    previous = name;
  };
  for (const auto& k : kinds)
    legend("shape=box, style=filled, fillcolor=\"" + kind_colour(k) + "\", label=" + quoted("evidence: " + humane(k)));
  legend("shape=box, style=\"filled,dashed\", fillcolor=\"#ffffff\", label=\"discounted by GGE 2015 §28(f)\"");
  legend("shape=ellipse, label=\"atom, open\"");
  legend(std::string("shape=ellipse, style=filled, fillcolor=\"") + proven_true + "\", label=\"atom, proven true\"");
  legend(std::string("shape=ellipse, style=filled, fillcolor=\"") + proven_false + "\", label=\"atom, proven false\"");
  legend("shape=diamond, fontsize=9, label=\"rule\"");
  legend("shape=doubleoctagon, style=bold, label=\"claim\"");
  out += "  }\n}\n";
  return out;
}

} // namespace imputa::render
