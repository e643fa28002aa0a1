// The evidence graph as Graphviz DOT (docs/report.md, "Graphs"): evidence boxes
// coloured by kind, atoms as ellipses coloured by status, rules as diamonds,
// claims as double octagons with their verdict; what §28(f) discounts is dashed;
// a legend says it in words. Labels are quoted strings, never HTML labels, so
// escaping quotes and backslashes is enough.
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
constexpr const char* presumed_false = "#dde3ee";
constexpr const char* missing_border = "#e66101";

// An atom's look by what the premises say of it (and the words of the legend).
std::string status_attrs(GraphNode::Status status) {
  switch (status) {
  case GraphNode::Status::established: return std::string("style=filled, fillcolor=\"") + proven_true + "\"";
  case GraphNode::Status::refuted: return std::string("style=filled, fillcolor=\"") + proven_false + "\"";
  case GraphNode::Status::presumed: return std::string("style=filled, fillcolor=\"") + presumed_false + "\"";
  case GraphNode::Status::open: break;
  }
  return "";
}

std::string status_words(GraphNode::Status status) {
  switch (status) {
  case GraphNode::Status::established: return "established: proven true";
  case GraphNode::Status::refuted: return "refuted: proven false";
  case GraphNode::Status::presumed: return "presumed false until proven (burden of proof)";
  case GraphNode::Status::open: break;
  }
  return "open: neither proven nor presumed";
}

// The claim's fill: green when established, red when refuted, amber when it
// stands only on a reading or an inference, grey when undecided.
const char* verdict_colour(std::optional<Verdict> v) {
  if (!v) return "#ffffff";
  switch (*v) {
  case Verdict::established: return proven_true;
  case Verdict::refuted: return proven_false;
  case Verdict::arguable:
  case Verdict::unsubstantiated: return "#fee391";
  case Verdict::inconsistent: return "#fdb863";
  case Verdict::not_established: return "#ffffff";
  case Verdict::unknown: return "#d9d9d9";
  }
  return "#ffffff";
}

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

// What the drawn nodes use, so that the legend explains exactly that.
struct Drawn {
  std::set<std::string> kinds; // of evidence
  std::set<GraphNode::Status> statuses;
  bool discounted = false, missing = false, rules = false;
};

std::string evidence_attrs(const GraphNode& n, Drawn& drawn) {
  drawn.kinds.insert(n.detail);
  drawn.discounted = drawn.discounted || n.discounted;
  return "shape=box, style=\"filled" + std::string(n.discounted ? ",dashed" : "") + "\", fillcolor=\"" +
         kind_colour(n.detail) + "\", label=" +
         label({n.id.substr(n.id.find(':') + 1) + " (" + humane(n.detail) + ")", n.label}) +
         (n.discounted ? ", tooltip=\"origin evidence discounted by GGE 2015 §28(f)\"" : "");
}

std::string atom_attrs(const GraphNode& n, Drawn& drawn) {
  drawn.statuses.insert(n.status);
  std::vector<std::string> lines{n.label};
  if (n.would_establish) {
    drawn.missing = true;
    lines.push_back(std::string("missing: proving it ") + (*n.would_establish ? "true" : "false") +
                    " would establish the claim");
  }
  std::string attrs = "shape=ellipse, label=" + label(lines);
  if (auto look = status_attrs(n.status); !look.empty()) attrs += ", " + look;
  if (n.would_establish) attrs += std::string(", color=\"") + missing_border + "\", penwidth=2.5";
  if (n.status != GraphNode::Status::open) attrs += ", tooltip=" + quoted(status_words(n.status));
  return attrs;
}

std::string claim_attrs(const GraphNode& n) {
  std::vector<std::string> lines;
  if (n.verdict) lines.push_back(verdict_word(*n.verdict));
  lines.push_back("claim " + n.detail);
  lines.push_back(n.label);
  return std::string("shape=doubleoctagon, style=\"bold,filled\", fillcolor=\"") + verdict_colour(n.verdict) +
         "\", label=" + label(lines);
}

std::string node_attrs(const GraphNode& n, Drawn& drawn) {
  switch (n.kind) {
  case GraphNode::Kind::evidence: return evidence_attrs(n, drawn);
  case GraphNode::Kind::atom: return atom_attrs(n, drawn);
  case GraphNode::Kind::rule:
    drawn.rules = true;
    return "shape=diamond, fontsize=9, label=" + label({n.detail, n.label});
  case GraphNode::Kind::claim: return claim_attrs(n);
  }
  return "";
}

std::string edge_attrs(GraphEdge::Kind kind) {
  switch (kind) {
  case GraphEdge::Kind::supports: return "color=\"#1b7837\"";
  case GraphEdge::Kind::contradicts: return "color=\"#b2182b\", arrowhead=tee, label=\"against\"";
  case GraphEdge::Kind::discounted: return "style=dashed, color=\"#808080\", label=\"§28(f)\"";
  case GraphEdge::Kind::condition: return "";
  case GraphEdge::Kind::negated_condition: return "style=dashed, arrowhead=odot, label=\"not\"";
  case GraphEdge::Kind::concludes: return "penwidth=1.5";
  case GraphEdge::Kind::claim: return "penwidth=2, color=\"#2166ac\"";
  }
  return "";
}

// The legend, in plain words: what the shapes are, and a colour for each
// kind of evidence and each status drawn, one under the other.
std::string legend(const Drawn& drawn) {
  std::string out = "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=10; style=rounded; color=\"#999999\";\n";
  std::vector<std::string> names;
  auto entry = [&](const std::string& attrs) {
    std::string name = "legend" + std::to_string(names.size());
    out += "    " + name + " [" + attrs + "];\n";
    names.push_back(name);
  };
  entry("shape=doubleoctagon, style=bold, label=\"claim, with the judge's verdict\"");
  if (drawn.rules)
    entry("shape=diamond, fontsize=9, label=\"rule: its conditions give\\nits conclusion (not: must not hold)\"");
  for (auto status : drawn.statuses) {
    std::string look = status_attrs(status);
    entry("shape=ellipse, label=" + quoted("statement, " + status_words(status)) + (look.empty() ? "" : ", " + look));
  }
  if (drawn.missing)
    entry(std::string("shape=ellipse, color=\"") + missing_border +
          "\", penwidth=2.5, label=\"missing: would establish the claim\"");
  for (const auto& k : drawn.kinds)
    entry("shape=box, style=filled, fillcolor=\"" + kind_colour(k) + "\", label=" + quoted("evidence: " + humane(k)));
  if (drawn.discounted)
    entry("shape=box, style=\"filled,dashed\", fillcolor=\"#ffffff\", label=\"discounted by GGE 2015 §28(f)\"");
  out += "    { rank=same;";
  for (const auto& name : names) out += " " + name + ";";
  out += " }\n";
  out += "  }\n";
  return out;
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
  Drawn drawn;
  for (const auto& n : graph.nodes) out += "  " + node_name[n.id] + " [" + node_attrs(n, drawn) + "];\n";
  for (const auto& e : graph.edges) {
    auto from = node_name.find(e.from), to = node_name.find(e.to);
    if (from == node_name.end() || to == node_name.end()) continue;
    std::string attrs = edge_attrs(e.kind);
    out += "  " + from->second + " -> " + to->second + (attrs.empty() ? "" : " [" + attrs + "]") + ";\n";
  }
  return out + legend(drawn) + "}\n";
}

} // namespace imputa::render
