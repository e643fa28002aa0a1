// `imputa graph FILE [CLAIM]`: the evidence graph of a claim (or of every
// claim) as Graphviz DOT on stdout, e.g. `imputa graph case.imputa | dot -Tsvg`.
#include "commands.hpp"
#include "render.hpp"

#include <iostream>

namespace imputa::cli {

int run_graph(const GraphOptions& o) {
  const std::string& path = o.judge.common.files.front();
  CheckedCase c = load_and_check(path, o.judge.common);
  if (report_diagnostics(c, o.judge.common, std::cerr)) return input_error;

  JudgeCommandOptions command = o.judge;
  command.claims.clear();
  if (o.claim) command.claims.push_back(*o.claim); // checked like --claim
  command.claims_option = "graph " + path;
  JudgeOptions options;
  if (!make_judge_options(command, c.program, options, std::cerr)) return input_error;

  Diagnostics diags;
  Graph graph = claim_graph(c.program, options, o.claim, diags);
  if (diags.has_errors()) {
    print_diagnostics(diags, c.sources, o.judge.common, std::cerr);
    return input_error;
  }
  std::string title = c.program.case_id ? c.program.case_title : path;
  if (o.claim) title += " — claim " + *o.claim;
  std::cout << render::dot(graph, title);
  return ok;
}

} // namespace imputa::cli
