// Where a ratio between two sizes comes from (docs/performance.md): judges two
// cases one claim at a time (one job, reasons on, as `imputa check`) and
// splits the growth of judging from the smaller to the larger into the mix of
// claims (how many of each kind, at the smaller case's time per grounding of
// that kind) and the time per grounding of each kind. A kind is the predicate
// the claim concludes (`attributable`, `internationally_wrongful`, ...).
//
// Usage: claim_costs SMALL LARGE
// Times are wall clock per grounding (ClaimGroundingReport::solve_ms), so
// run it on an idle machine; the counts are exact.
#include "case_file.hpp"
#include "imputa/judge.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <string>

namespace {

using namespace imputa;

struct Kind {
  std::size_t groundings = 0;
  double ms = 0;
};

struct Costs {
  std::map<std::string, Kind> kinds;
  double ground_ms = 0;
  double total_ms = 0; // judging, the sum over groundings
  std::size_t groundings = 0;
};

// `attributable(op_1, st_2)` -> `attributable`; a composite claim by its text.
std::string kind_of(const std::string& formula) {
  auto open = formula.find('(');
  auto space = formula.find(' ');
  return open != std::string::npos && (space == std::string::npos || open < space) ? formula.substr(0, open) : formula;
}

std::optional<Costs> judge_case(const char* path) {
  auto program = bench::load_case(path, "claim_costs");
  if (!program) return std::nullopt;
  JudgeOptions options;
  options.jobs = 1;
  options.timeout = std::chrono::milliseconds(600'000);
  Diagnostics diags;
  Report report = judge(*program, options, diags);
  if (diags.has_errors()) {
    std::cerr << "claim_costs: " << path << " could not be judged\n";
    return std::nullopt;
  }
  Costs c;
  c.ground_ms = report.ground_ms;
  for (const auto& claim : report.claims)
    for (const auto& g : claim.groundings) {
      Kind& k = c.kinds[kind_of(claim.formula)];
      ++k.groundings;
      k.ms += g.solve_ms;
      c.total_ms += g.solve_ms;
      ++c.groundings;
    }
  return c;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: claim_costs SMALL LARGE\n";
    return 2;
  }
  auto small = judge_case(argv[1]);
  auto large = judge_case(argv[2]);
  if (!small || !large) return 2;
  std::printf("%-32s %9s %9s %6s %10s %10s %6s %9s %9s %6s\n", "kind", "small", "large", "x", "ms small", "ms large",
              "x", "ms/each", "ms/each", "x");
  double at_small_cost = 0; // the large case's mix at the small case's time per grounding of each kind
  for (const auto& [name, l] : large->kinds) {
    auto s = small->kinds.find(name);
    if (s == small->kinds.end()) {
      std::printf("%-32s %9s %9zu (not in the smaller case; left out of the split)\n", name.c_str(), "-", l.groundings);
      continue;
    }
    const Kind& k = s->second;
    const double each_s = k.ms / static_cast<double>(k.groundings), each_l = l.ms / static_cast<double>(l.groundings);
    at_small_cost += each_s * static_cast<double>(l.groundings);
    std::printf("%-32s %9zu %9zu %6.2f %10.0f %10.0f %6.2f %9.2f %9.2f %6.2f\n", name.c_str(), k.groundings,
                l.groundings, static_cast<double>(l.groundings) / static_cast<double>(k.groundings), k.ms, l.ms,
                l.ms / k.ms, each_s, each_l, each_l / each_s);
  }
  const double groundings = static_cast<double>(large->groundings) / static_cast<double>(small->groundings);
  std::printf("\ngroundings %zu -> %zu (%.3fx); grounding %.0f -> %.0f ms (%.2fx)\n", small->groundings,
              large->groundings, groundings, small->ground_ms, large->ground_ms, large->ground_ms / small->ground_ms);
  std::printf("judging %.0f -> %.0f ms (%.3fx) = mix %.3fx (the larger case's claims at the smaller one's time per "
              "grounding of each kind) x time per grounding %.3fx\n",
              small->total_ms, large->total_ms, large->total_ms / small->total_ms, at_small_cost / small->total_ms,
              large->total_ms / at_small_cost);
  return 0;
}
