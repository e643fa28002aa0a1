// Google Benchmark micro-benchmarks of the pipeline's phases (docs/performance.md):
// parse, check, ground, weigh, and solve (with and without reasons) on a
// corpus from bench/corpus. IMPUTA_BENCH_N (default 100) sets the corpus size,
// IMPUTA_BENCH_CLAIMS (default 3) how many claims the solve benchmarks judge.
#include "ground/ground.hpp"
#include "weigh/weigh.hpp"

#include "imputa/dsl.hpp"
#include "imputa/judge.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace {

using namespace imputa;

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

// The corpus text, generated once by the corpus executable built beside us.
const std::string& corpus_text() {
  static const std::string text = [] {
    std::string cmd = std::string(IMPUTA_CORPUS_BIN) + " " + std::to_string(env_int("IMPUTA_BENCH_N", 100)) + " 1";
    std::string out;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + cmd);
    char buf[65536];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    if (pclose(pipe) != 0) throw std::runtime_error(cmd + " failed");
    return out;
  }();
  return text;
}

struct Loaded {
  Sources sources;
  std::vector<ast::File> files;
  Program program;
};

const Loaded& loaded() {
  static const Loaded l = [] {
    Loaded out;
    Diagnostics diags;
    out.files = parse::load_text("corpus.imputa", corpus_text(), {}, out.sources, diags);
    out.program = check::check(out.files, out.sources, diags);
    if (diags.has_errors()) throw std::runtime_error("the corpus has errors");
    return out;
  }();
  return l;
}

void BM_parse(benchmark::State& state) {
  const std::string& text = corpus_text();
  for (auto _ : state) {
    Sources sources;
    Diagnostics diags;
    auto files = parse::load_text("corpus.imputa", text, {}, sources, diags);
    benchmark::DoNotOptimize(files);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_check(benchmark::State& state) {
  const Loaded& l = loaded();
  for (auto _ : state) {
    Diagnostics diags;
    Program p = check::check(l.files, l.sources, diags);
    benchmark::DoNotOptimize(p);
  }
}

void BM_ground(benchmark::State& state) {
  const Program& p = loaded().program;
  std::size_t atoms = 0;
  for (auto _ : state) {
    Diagnostics diags;
    auto g = ground::ground(p, {}, diags);
    atoms = g.atoms.size();
    benchmark::DoNotOptimize(g);
  }
  state.counters["ground_atoms"] = static_cast<double>(atoms);
}

// Index the evidence and decide every literal at every standard, both readings.
void BM_weigh(benchmark::State& state) {
  const Program& p = loaded().program;
  std::size_t proven = 0;
  for (auto _ : state) {
    weigh::EvidenceIndex index(p);
    proven = 0;
    for (const auto& [_, standard] : p.standards) {
      weigh::Config c;
      c.threshold = standard.threshold;
      c.contrary_below = standard.contrary_below;
      c.corroboration = p.corroboration;
      for (const auto& literal : index.literals())
        for (auto reading : {weigh::Reading::cautious, weigh::Reading::favourable})
          proven += index.proven(literal, c, reading) ? 1 : 0;
    }
    benchmark::DoNotOptimize(proven);
  }
  state.counters["literals"] = static_cast<double>(weigh::EvidenceIndex(p).literals().size());
}

// Judge the first IMPUTA_BENCH_CLAIMS claims (one thread); range(0): reasons on or off.
void BM_solve(benchmark::State& state) {
  const Program& p = loaded().program;
  JudgeOptions o;
  o.jobs = 1;
  o.reasons = state.range(0) != 0;
  int k = env_int("IMPUTA_BENCH_CLAIMS", 3);
  for (const auto& c : p.claims) {
    if (static_cast<int>(o.claims.size()) >= k) break;
    o.claims.push_back(c.id);
  }
  for (auto _ : state) {
    Diagnostics diags;
    Report r = judge(p, o, diags);
    benchmark::DoNotOptimize(r);
  }
  state.counters["claims"] = static_cast<double>(o.claims.size());
  state.counters["s_per_claim"] = benchmark::Counter(static_cast<double>(o.claims.size()),
                                                      benchmark::Counter::kIsIterationInvariantRate |
                                                          benchmark::Counter::kInvert);
}

BENCHMARK(BM_parse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_check)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ground)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_weigh)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_solve)->Arg(0)->Arg(1)->ArgNames({"reasons"})->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
