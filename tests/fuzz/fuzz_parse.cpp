// libFuzzer target: arbitrary bytes through the front end — parse and check
// alone — and, for text that parses, the formatter (its output must parse
// again and be a fixed point) and, for some, the checks against the library.
#include "imputa/dsl.hpp"
#include "parsed_library.hpp"

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>

namespace {

using namespace imputa;

using fuzz::library;

// The formatter's contract (docs/language.md §13): its output reads back without
// syntax errors and formats to itself.
void check_formatter(const Sources& sources, const ast::File& file) {
  std::string once = format::format_file(file, sources);
  Sources again;
  Diagnostics diags;
  auto id = again.add({"formatted.imputa", once, false});
  ast::File reread = parse::parse_file(again, id, diags);
  if (diags.has_errors()) __builtin_trap(); // the formatter wrote text it cannot read
  if (format::format_file(reread, again) != once) __builtin_trap(); // not a fixed point
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);

  // Without the library: parse, check, and format what parsed cleanly.
  {
    Sources sources;
    Diagnostics diags;
    auto id = sources.add({"fuzz.imputa", text, false});
    std::vector<ast::File> files{parse::parse_file(sources, id, diags)};
    bool syntax_ok = !diags.has_errors();
    check::check(files, sources, diags);
    diags.sort(sources);
    for (const auto& d : diags.items()) (void)render_diagnostic(d, sources);
    if (!syntax_ok) return 0;
    check_formatter(sources, files.back());
  }

  // With the library, as `imputa lint` reads a case: for one parsed input in
  // four (chosen by its bytes, so a rerun does the same), as it costs five
  // times the rest.
  if (std::hash<std::string>{}(text) % 4 != 0) return 0;
  {
    Sources sources = library().sources;
    Diagnostics diags;
    auto id = sources.add({"fuzz.imputa", std::move(text), false});
    std::vector<ast::File> files{library().file, parse::parse_file(sources, id, diags)};
    check::check(files, sources, diags);
    diags.sort(sources);
    for (const auto& d : diags.items()) (void)render_diagnostic(d, sources);
  }
  return 0;
}
