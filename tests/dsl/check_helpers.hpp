// Running the static checks on case text held in memory, and reading their
// diagnostics back as "line:col message" for the check_*.cpp tests.
#pragma once

#include "imputa/dsl.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace imputa::testing {

struct Checked {
  Sources sources;
  Diagnostics diags;
  Program program;
};

// Loads `text` as the top-level file `path` (with or without the shipped
// library) and checks it. Diagnostics come sorted, as the CLI shows them.
inline Checked check_text(const std::string& text, bool with_library = false,
                          const std::string& path = "case.imputa") {
  Checked r;
  parse::LoadOptions options;
  options.with_library = with_library;
  auto files = parse::load_text(path, text, options, r.sources, r.diags);
  r.program = check::check(files, r.sources, r.diags);
  r.diags.sort(r.sources);
  return r;
}

inline std::vector<Diagnostic> with_code(const Checked& r, std::string_view code) {
  std::vector<Diagnostic> out;
  for (const auto& d : r.diags.items())
    if (d.code == code) out.push_back(d);
  return out;
}

inline std::string describe(const Diagnostic& d) {
  return std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + " " + d.message;
}

// Every diagnostic, one per line, for failure messages.
inline std::string all(const Checked& r) {
  std::string out;
  for (const auto& d : r.diags.items()) out += d.code + " " + describe(d) + "\n";
  return out;
}

// "line:col message" of the one diagnostic with `code`; when there is not
// exactly one, a listing of everything reported, so the test shows why.
inline std::string only(const Checked& r, std::string_view code) {
  auto found = with_code(r, code);
  if (found.size() == 1) return describe(found.front());
  return "expected exactly one " + std::string(code) + ", got " + std::to_string(found.size()) + ":\n" + all(r);
}

// The hints of the one diagnostic with `code` (empty if not exactly one).
inline std::vector<std::string> hints(const Checked& r, std::string_view code) {
  auto found = with_code(r, code);
  return found.size() == 1 ? found.front().hints : std::vector<std::string>{};
}

// A small vocabulary for self-contained cases (no library): ten lines, so a
// test's own text starts on line 11.
inline const std::string vocabulary =
    "predicate performed_by(operation, actor) link \"Who conducted the operation\".\n"
    "predicate organ_of(actor, state) \"An organ of the state\".\n"
    "predicate targets(operation, state) conduct \"The operation targets the state\".\n"
    "predicate originates_in(operation, state) origin \"Launched from the state's territory\".\n"
    "predicate attributable(operation, state) attribution \"Conduct of the state in law\".\n"
    "predicate harm(operation): number \"Harm on an ordinal scale\".\n"
    "state rus \"Russian Federation\".\n"
    "state ukr \"Ukraine\".\n"
    "actor gru \"GRU\".\n"
    "operation notpetya \"NotPetya\".\n";

} // namespace imputa::testing
