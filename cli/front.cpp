// Reading, checking and reporting diagnostics for the commands: the one place
// where diagnostics are printed.
#include "commands.hpp"

#include "imputa/judge.hpp"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace imputa::cli {

CheckedCase load_and_check(const std::string& path, const CommonOptions& options) {
  CheckedCase c;
  parse::LoadOptions load_options;
  load_options.with_library = !options.no_library;
  load_options.library_path = options.library;
  c.files = parse::load(path, load_options, c.sources, c.diags);
  if (!c.files.empty()) c.program = check::check(c.files, c.sources, c.diags);
  c.diags.sort(c.sources);
  return c;
}

namespace {
bool dumb_terminal() {
  const char* term = std::getenv("TERM");
  return term && std::string(term) == "dumb";
}
} // namespace

bool colour_wanted(const std::string& choice, int fd) {
  if (choice != "auto") return choice == "always";
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) && !(no_color && *no_color) && !dumb_terminal();
}

bool progress_wanted(bool quiet, int fd) { return !quiet && isatty(fd) && !dumb_terminal(); }

void print_diagnostics(Diagnostics& diags, const Sources& sources, const CommonOptions& options, std::ostream& err) {
  diags.sort(sources);
  const bool color = colour_wanted(options.color, STDERR_FILENO);
  for (const auto& d : diags.items()) {
    if (options.quiet && d.severity == Severity::warning) continue;
    std::string text = render_diagnostic(d, sources);
    if (color) {
      // Colour the "error:" / "warning:" word only.
      const char* word = d.severity == Severity::error ? "error:" : "warning:";
      const char* code = d.severity == Severity::error ? "\033[1;31m" : "\033[1;35m";
      if (auto at = text.find(word); at != std::string::npos)
        text.replace(at, std::string_view(word).size(), std::string(code) + word + "\033[0m");
    }
    err << text;
  }
}

bool report_errors(Diagnostics& diags, const Sources& sources, const CommonOptions& options, std::ostream& err) {
  if (!diags.has_errors()) return false;
  print_diagnostics(diags, sources, options, err);
  return true;
}

bool report_diagnostics(CheckedCase& c, const CommonOptions& options, std::ostream& err) {
  print_diagnostics(c.diags, c.sources, options, err);
  return c.diags.has_errors() || (options.werror && c.diags.warning_count() > 0);
}

int run_lint(const CommonOptions& options) {
  int exit = ok;
  for (const auto& path : options.files) {
    CheckedCase c = load_and_check(path, options);
    // What only grounding finds (E009 cycles, E013 size) is a static check too.
    if (!c.diags.has_errors()) {
      Diagnostics grounding;
      check_grounding(c.program, grounding);
      for (const auto& d : grounding.items()) c.diags.add(d);
      c.diags.sort(c.sources);
    }
    if (report_diagnostics(c, options, std::cerr)) exit = input_error;
  }
  return exit;
}

} // namespace imputa::cli
