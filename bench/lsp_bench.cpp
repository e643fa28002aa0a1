// `lsp_bench [N]`: how fast `imputa lsp` answers while a case is edited
// (docs/performance.md, "Editing"). Drives the server in process, as the
// editor would over stdio: opens a corpus case of N operations (default 20,
// about 1,150 lines), then times diagnostics after an edit (the whole
// didChange: parse, check, index, publish) and completion at an argument and
// at the start of a field. Exits 1 if a median misses its target.
#include "lsp.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

using imputa::cli::lsp::json;
namespace lsp = imputa::cli::lsp;
using Clock = std::chrono::steady_clock;

std::string corpus(int n) {
  std::string command = std::string(IMPUTA_CORPUS_BIN) + " " + std::to_string(n) + " 1";
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buf[65536];
    std::size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, got);
    ::pclose(pipe);
  }
  return out;
}

struct Stats {
  double median, p90, max;
};

Stats stats(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[ms.size() * 9 / 10], ms.back()};
}

void print(const std::string& what, const Stats& s, double target) {
  std::printf("%-44s median %7.2f ms  p90 %7.2f ms  max %7.2f ms  (target %.0f ms: %s)\n", what.c_str(), s.median,
              s.p90, s.max, target, s.median <= target ? "met" : "MISSED");
}

} // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 20;
  std::string text = corpus(n);
  if (text.empty()) {
    std::cerr << "lsp_bench: the corpus generator gave nothing (" << IMPUTA_CORPUS_BIN << ")\n";
    return 2;
  }
  const auto lines = std::count(text.begin(), text.end(), '\n');
  lsp::ServerOptions options;
  options.judge = false; // judging runs on save, on its own thread: not part of an edit
  std::size_t diagnostics = 0, items = 0;
  lsp::Server server(
      [&](const json& m) {
        if (m.value("method", "") == "textDocument/publishDiagnostics") diagnostics = m["params"]["diagnostics"].size();
        if (m.contains("result") && m["result"].is_object() && m["result"].contains("items"))
          items = m["result"]["items"].size();
      },
      options);
  const std::string uri = "file:///bench/corpus.imputa";
  server.receive(json({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", json::object()}}).dump());
  server.receive(json({{"jsonrpc", "2.0"},
                       {"method", "textDocument/didOpen"},
                       {"params", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", text}}}}}})
                     .dump());
  if (diagnostics != 0) std::cerr << "lsp_bench: the corpus has " << diagnostics << " diagnostics\n";

  // Edits: one letter of a summary typed and taken back, in turn.
  const auto summary = text.find("Tooling shared");
  std::vector<double> edit_ms;
  for (int i = 0; i < 41; ++i) {
    std::string edited = text;
    edited[summary] = i % 2 ? 'T' : 't';
    std::string message = json({{"jsonrpc", "2.0"},
                                {"method", "textDocument/didChange"},
                                {"params", {{"textDocument", {{"uri", uri}, {"version", i + 2}}},
                                            {"contentChanges", {{{"text", edited}}}}}}})
                              .dump();
    auto start = Clock::now();
    server.receive(message); // parses the JSON, analyses, publishes
    edit_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }

  // Completion: the second argument of a performed_by (actors), and the start of a field (predicates).
  auto position_of = [&](const std::string& needle, std::size_t extra) {
    auto at = text.find(needle) + extra;
    auto line = std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
    auto column = at - (text.rfind('\n', at - 1) + 1);
    return json{{"line", line}, {"character", column}};
  };
  auto time_completion = [&](const json& position) {
    std::vector<double> ms;
    std::string request = json({{"jsonrpc", "2.0"},
                                {"id", 1},
                                {"method", "textDocument/completion"},
                                {"params", {{"textDocument", {{"uri", uri}}}, {"position", position}}}})
                              .dump();
    for (int i = 0; i < 101; ++i) {
      auto start = Clock::now();
      server.receive(request);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::printf("completion at line %d, character %d: %zu items\n", position["line"].get<int>(),
                position["character"].get<int>(), items);
    return stats(ms);
  };
  const std::string arg = "supports performed_by(op_0, ";
  Stats argument = time_completion(position_of(arg, arg.size()));
  Stats field = time_completion(position_of("  supports performed_by", 11));

  std::printf("corpus of %d operations: %ld lines, %zu bytes\n", n, static_cast<long>(lines), text.size());
  Stats edits = stats(edit_ms);
  print("diagnostics after an edit", edits, 50);
  print("completion at an argument (entities)", argument, 20);
  print("completion after 'supports ' (predicates)", field, 20);
  return edits.median <= 50 && argument.median <= 20 && field.median <= 20 ? 0 : 1;
}
