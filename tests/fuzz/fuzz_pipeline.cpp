// libFuzzer target: the whole pipeline on small inputs — parse and check
// against the shipped library, judge every claim (200 ms each, one job), and
// render the report as text, Markdown and JSON; the JSON must parse.
#include "imputa/dsl.hpp"
#include "parsed_library.hpp"
#include "imputa/judge.hpp"
#include "render.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace imputa;

constexpr std::size_t max_input = 4096; // keeps each run short; the parser target takes the rest

using fuzz::library;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > max_input) return -1; // not added to the corpus
  Sources sources = library().sources;
  Diagnostics diags;
  auto id = sources.add({"fuzz.imputa", std::string(reinterpret_cast<const char*>(data), size), false});
  std::vector<ast::File> files{library().file, parse::parse_file(sources, id, diags)};
  Program program = check::check(files, sources, diags);
  if (diags.has_errors()) return 0; // `imputa check` stops here too

  JudgeOptions options;
  options.timeout = std::chrono::milliseconds(200);
  options.jobs = 1;
  Diagnostics ground_diags;
  Report report = judge(program, options, ground_diags);
  if (ground_diags.has_errors()) return 0;

  render::Style style;
  (void)render::text(report, "fuzz.imputa", style);
  (void)render::markdown(report, "fuzz.imputa", style);
  style.detail = true;
  (void)render::text(report, "fuzz.imputa", style);
  std::string json = render::json({{"fuzz.imputa", report}}, style);
  if (!nlohmann::json::accept(json)) __builtin_trap(); // the machine contract must stay valid JSON
  return 0;
}
