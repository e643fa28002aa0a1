// The imputa commands, each a function from parsed options to an exit code
// (docs/commands.md, "Exit codes": 0 all good, 1 an expectation not met, 2 input or usage error, 3 a bug).
#pragma once

#include "imputa/diagnostic.hpp"
#include "imputa/dsl.hpp"
#include "imputa/judge.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imputa::cli {

enum Exit : int { ok = 0, unmet = 1, input_error = 2, internal_error = 3 };

// Options shared by the commands that read case files.
struct CommonOptions {
  std::vector<std::string> files;
  bool no_library = false;
  std::optional<std::string> library;
  bool werror = false;
  bool quiet = false;
  std::string color = "auto"; // auto|always|never
};

// One case file read and checked, with everything its diagnostics point into.
struct CheckedCase {
  Sources sources;
  Diagnostics diags;
  std::vector<ast::File> files;
  Program program;
};

CheckedCase load_and_check(const std::string& path, const CommonOptions& options);

// Prints the diagnostics to `err`; returns true if the run must stop (errors,
// or warnings under --werror).
bool report_diagnostics(CheckedCase& c, const CommonOptions& options, std::ostream& err);
// The one printer of diagnostics (sorted first; warnings left out under --quiet).
void print_diagnostics(Diagnostics& diags, const Sources& sources, const CommonOptions& options, std::ostream& err);
// What judging found (E009 cycles, E013 size): printed only if it holds an
// error; returns true if so (the run must stop).
bool report_errors(Diagnostics& diags, const Sources& sources, const CommonOptions& options, std::ostream& err);

// The one colour policy: --color always/never, or (auto) only at a terminal
// and not when NO_COLOR is set or TERM=dumb.
bool colour_wanted(const std::string& choice, int fd);
// The progress line (check, explain) redraws itself with a carriage return and
// an erase: only at a terminal that can erase (not TERM=dumb), never with --quiet.
bool progress_wanted(bool quiet, int fd);

int run_lint(const CommonOptions& options);

struct FmtOptions {
  CommonOptions common;
  bool check = false;
};
int run_fmt(const FmtOptions& options);

// Options of the commands that judge claims (check, explain, compare, graph):
// declared once (app.cpp add_judging), checked once (make_judge_options).
struct JudgeCommandOptions {
  CommonOptions common;
  std::string format = "text"; // text|json|markdown
  std::optional<std::string> standard;
  std::vector<std::string> doctrine; // FAMILY=ALT
  std::vector<std::string> claims;        // --claim, or the CLAIM of explain and graph
  std::string claims_option = "--claim"; // how the claims were given, for messages: "explain FILE"
  std::vector<std::string> assume;
  std::vector<std::string> drop;
  std::optional<std::string> as_of;
  long timeout_ms = 10000;
  unsigned jobs = 1;                     // add_judging: the number of cores
  bool timings = false;
  bool all_routes = false;               // explain --all: every other route to the verdict, not only the first
};
// check (explain = false) or explain (one claim, every reason).
int run_judge(const JudgeCommandOptions& options, bool explain);

// The judge's options from the command line, every name checked against the
// program; problems go to `err` (returns false).
bool make_judge_options(const JudgeCommandOptions& options, const Program& program, JudgeOptions& out,
                        std::ostream& err);

// graph: Graphviz DOT of one claim (claims holds its CLAIM) or of every
// claim (claims empty) to stdout, what carries the verdicts or (full) everything.
int run_graph(const JudgeCommandOptions& options, GraphView view);

// compare: every claim under every doctrine combination its cone depends on.
int run_compare(const JudgeCommandOptions& options);

struct LibraryOptions {
  bool rules = false;
  bool predicates = false;          // the vocabulary: name(types), tags, description
  bool doctrines = false;           // families, alternatives, descriptions
  std::optional<std::string> tag;   // --predicates: only those with this tag
  std::optional<std::string> word;  // --predicates: only names or descriptions containing it
  std::string format = "text"; // text|markdown (rule index)
  std::optional<std::string> library;
};
int run_library(const LibraryOptions& options);

// `imputa lsp`: the language server on stdio (docs/editors.md). Exit code 0
// after shutdown and exit, 1 when the client left without shutdown, 2 on an
// unreadable message header.
struct LspOptions {
  long timeout_ms = 10000; // per claim, for the verdicts beside claims
  bool no_library = false;
  std::optional<std::string> library; // read documents with this library file instead of the shipped one
};
int run_lsp(const LspOptions& options);

// `imputa help language`: a one-screen summary of the case language.
std::string_view language_summary();

// Entry point: parses argv and dispatches.
int run(int argc, char** argv);

} // namespace imputa::cli
