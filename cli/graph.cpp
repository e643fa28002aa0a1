// `imputa graph FILE [CLAIM] [--full]`: the evidence graph of a claim (or of
// every claim) as Graphviz DOT on stdout, e.g. `imputa graph case.imputa | dot -Tsvg`.
#include "commands.hpp"
#include "render.hpp"

#include <iostream>

namespace imputa::cli {

int run_graph(const JudgeCommandOptions& o, GraphView view) {
  const std::string& path = o.common.files.front();
  CheckedCase c = load_and_check(path, o.common);
  if (report_diagnostics(c, o.common, std::cerr)) return input_error;

  JudgeOptions options;
  if (!make_judge_options(o, c.program, options, std::cerr)) return input_error; // CLAIM checked like --claim
  std::optional<std::string> claim;
  if (!o.claims.empty()) claim = o.claims.front();

  Diagnostics diags;
  Graph graph = claim_graph(c.program, options, claim, view, diags);
  if (report_errors(diags, c.sources, o.common, std::cerr)) return input_error;
  std::string title = c.program.case_id ? c.program.case_title : path;
  if (claim) title += " — claim " + *claim;
  title += view == GraphView::full ? " (every rule instance in force)" : " (what carries the verdict)";
  std::cout << render::dot(graph, title);
  return ok;
}

} // namespace imputa::cli
