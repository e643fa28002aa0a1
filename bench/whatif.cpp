// The what-if benchmark of `imputa serve` (docs/performance.md, "What-ifs"):
// for each case file, the cold judgment of the whole file (what `imputa check`
// does after reading it) beside the round trips of what-if requests to a
// server on loopback, one click at a time as a user makes them: drop an
// evidence item (and take it back), switch a doctrine, a standard, a date.
// Each what-if asks, as the page does, for the reasons of the claim shown
// (the first) and the verdicts of the others; --every-reason asks for every
// claim's reasons (what /api/case gives without `claim`).
// Usage: whatif [--clicks N] [--every-reason] [FILE...]   (default: every
// shipped example and a 250-operation campaign, `corpus 250 1`)
#include "commands.hpp"
#include "serve.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <thread>

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double median(std::vector<double> v) {
  if (v.empty()) return -1; // nothing of that kind (shown as -)
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// `imputa check FILE` after the process has started: read, check, judge every claim.
double cold_check_ms(const std::string& path) {
  std::vector<double> runs;
  for (int i = 0; i < 3; ++i) {
    auto t = Clock::now();
    imputa::cli::CommonOptions common;
    auto c = imputa::cli::load_and_check(path, common);
    imputa::JudgeOptions options;
    options.jobs = std::max(1u, std::thread::hardware_concurrency());
    imputa::Diagnostics diags;
    auto report = imputa::judge(c.program, options, diags);
    runs.push_back(ms_since(t));
  }
  return median(runs);
}

// The what-ifs of a session, one each, as a user ticks an item off and on
// again, switches a doctrine, a standard, a date: the four kinds in turn.
std::vector<std::pair<std::size_t, std::string>> clicks(const Json& controls, const Json& claims, std::size_t n) {
  std::vector<std::vector<std::string>> kinds(4);
  for (const auto& e : controls["evidence"]) {
    kinds[0].push_back("&drop=" + e["id"].get<std::string>());
    kinds[0].push_back(""); // and back
  }
  std::set<std::string> used;
  for (const auto& c : claims)
    for (const auto& f : c["families"]) used.insert(f.get<std::string>());
  for (const auto& f : controls["families"])
    if (used.count(f["family"].get<std::string>()))
      for (const auto& a : f["alternatives"])
        kinds[1].push_back("&doctrine=" + f["family"].get<std::string>() + "%3D" + a.get<std::string>());
  for (const auto& s : controls["standards"]) kinds[2].push_back("&standard=" + s["name"].get<std::string>());
  for (const auto& d : controls["dates"]) kinds[3].push_back("&as_of=" + d.get<std::string>());
  std::vector<std::pair<std::size_t, std::string>> out;
  std::vector<std::size_t> next(kinds.size(), 0);
  for (std::size_t round = 0; out.size() < n && round < 4 * n; ++round) {
    const std::size_t kind = round % kinds.size();
    if (kinds[kind].empty()) continue;
    out.emplace_back(kind, kinds[kind][next[kind]++ % kinds[kind].size()]);
  }
  return out;
}

struct Row {
  std::string file;
  std::size_t claims = 0;
  double cold = 0, first = 0, median = 0, worst = 0;
  double median_new = 0; // what-ifs not asked before in the session (a click back is an answer already given)
  std::array<double, 4> by_kind{}; // median of each kind: drop (and back), doctrine, standard, date
  std::size_t requests = 0, judged = 0, reused = 0;
};

Row measure(const fs::path& file, std::size_t n, bool every_reason) {
  Row row;
  row.file = file.filename().string();
  row.cold = cold_check_ms(file.string());
  imputa::cli::ServeOptions o;
  o.target = file.string();
  o.port = 0;
  o.judge.jobs = std::max(1u, std::thread::hardware_concurrency());
  imputa::cli::serve::Server server(o);
  std::string error;
  int port = server.bind(error);
  if (port < 0) throw std::runtime_error(error);
  std::thread running([&] { server.run(); });
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(600, 0);
  const std::string base = "/api/case?file=" + file.filename().string();
  auto t = Clock::now();
  auto first = client.Get(base.c_str());
  row.first = ms_since(t);
  if (!first || first->status != 200) throw std::runtime_error("first request failed: " + row.file);
  Json j = Json::parse(first->body);
  row.claims = j["report"]["claims"].size();
  const std::string shown = every_reason || j["report"]["claims"].empty()
                                ? ""
                                : "&claim=" + j["report"]["claims"][0]["id"].get<std::string>();
  std::vector<double> times, fresh;
  std::array<std::vector<double>, 4> kinds;
  std::set<std::string> asked{""};
  for (const auto& [kind, click] : clicks(j["controls"], j["report"]["claims"], n)) {
    const std::string url = base + click + shown;
    t = Clock::now();
    auto r = client.Get(url.c_str());
    times.push_back(ms_since(t));
    if (asked.insert(click).second) fresh.push_back(times.back());
    kinds[kind].push_back(times.back());
    if (!r || r->status != 200) throw std::runtime_error("request failed: " + url);
    Json a = Json::parse(r->body);
    row.judged += a["judged"].get<std::size_t>();
    row.reused += a["reused"].get<std::size_t>();
  }
  row.requests = times.size();
  row.median = median(times);
  row.median_new = median(fresh);
  for (std::size_t k = 0; k < kinds.size(); ++k) row.by_kind[k] = median(kinds[k]);
  row.worst = times.empty() ? 0 : *std::max_element(times.begin(), times.end());
  server.stop();
  running.join();
  return row;
}

} // namespace

int main(int argc, char** argv) {
  std::size_t n = 40;
  bool every_reason = false;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--clicks" && i + 1 < argc) n = std::stoul(argv[++i]);
    else if (a == "--every-reason") every_reason = true;
    else files.emplace_back(a);
  }
  if (files.empty()) {
    for (const char* dir : {IMPUTA_SOURCE_DIR "/examples", IMPUTA_SOURCE_DIR "/examples/classroom"})
      for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".imputa") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    fs::path campaign = fs::temp_directory_path() / "imputa-whatif-bench";
    fs::create_directories(campaign);
    fs::path corpus = campaign / "corpus_250_1.imputa";
    std::string command = std::string(IMPUTA_CORPUS_BIN) + " 250 1 > " + corpus.string();
    if (std::system(command.c_str()) != 0) {
      std::cerr << "whatif: could not run " << command << "\n";
      return 2;
    }
    files.push_back(corpus);
  }
  std::cout << "times in ms; median of all clicks, of those not asked before (new), of each kind; worst click\n";
  std::cout << fmt::format("{:<30} {:>6} {:>8} {:>8} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>13}\n", "file",
                           "claims", "cold", "first", "clicks", "median", "new", "drop", "doctr.", "std", "date",
                           "worst", "judged/reused");
  for (const auto& f : files) {
    Row r = measure(f, n, every_reason);
    auto ms = [](double v) { return v < 0 ? std::string("-") : fmt::format("{:.0f}", v); };
    std::cout << fmt::format("{:<30} {:>6} {:>8} {:>8} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>13}\n", r.file,
                             r.claims, ms(r.cold), ms(r.first), r.requests, ms(r.median), ms(r.median_new),
                             ms(r.by_kind[0]), ms(r.by_kind[1]), ms(r.by_kind[2]), ms(r.by_kind[3]), ms(r.worst),
                             std::to_string(r.judged) + "/" + std::to_string(r.reused))
              << std::flush;
  }
  return 0;
}
