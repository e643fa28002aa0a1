// Command-line parsing (CLI11): the commands of docs/commands.md and their options.
// New commands register here (a declare_* function) and implement a run_* function in their own file.
#include "commands.hpp"
#include "serve.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#ifndef IMPUTA_VERSION
#define IMPUTA_VERSION "0.0.0"
#endif

namespace imputa::cli {
namespace {

// A command: its CLI11 subcommand, and what runs when it was the one given.
struct Command {
  CLI::App* cmd;
  std::function<int()> run;
};

// Reading case files: every command that reads them.
void add_reading(CLI::App* cmd, CommonOptions& o) {
  cmd->add_flag("--no-library", o.no_library, "do not load the shipped gge2015 library");
  cmd->add_option("--library", o.library, "load this library file instead of the shipped one");
  cmd->add_flag("--werror", o.werror, "treat warnings as errors (exit code 2)");
  cmd->add_flag("-q,--quiet", o.quiet, "print errors only");
  cmd->add_option("--color", o.color, "colour at a terminal: auto, always or never (auto: not with NO_COLOR or TERM=dumb)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

void add_common(CLI::App* cmd, CommonOptions& o) {
  cmd->add_option("FILE", o.files, "case files (*.imputa)")->required();
  add_reading(cmd, o);
}

// The one declaration of the judging options, shared by check, explain,
// compare and graph: the same options, the same defaults, the same checks
// (make_judge_options). Each command adds only how it names its claims and
// what it prints.
void add_judging(CLI::App* cmd, JudgeCommandOptions& o) {
  o.jobs = std::max(1u, std::thread::hardware_concurrency());
  add_reading(cmd, o.common);
  cmd->add_option("--standard", o.standard, "standard of proof for every claim without its own");
  cmd->add_option("--doctrine", o.doctrine, "FAMILY=ALTERNATIVE, e.g. control=overall_control (repeatable)");
  cmd->add_option("--assume", o.assume, "treat this atom as proven, e.g. organ_of(gru, rus) (repeatable)");
  cmd->add_option("--drop", o.drop,
                  "leave out this evidence item, fact label or rule; library:RULE names a library rule (repeatable)");
  cmd->add_option("--as-of", o.as_of, "ignore evidence dated after YYYY-MM-DD");
  cmd->add_option("--timeout-ms", o.timeout_ms, "time limit per claim in milliseconds (default 10000)")
      ->check(CLI::Range(1L, 3600000L));
  cmd->add_option("--jobs", o.jobs, "claims judged in parallel (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
}

// What check, explain and compare print: a report in one of three formats
// (check and explain also as one HTML page).
void add_report_format(CLI::App* cmd, JudgeCommandOptions& o, bool html = false) {
  if (html)
    cmd->add_option("--format", o.format, "text, json, markdown or html")
        ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  else
    cmd->add_option("--format", o.format, "text, json or markdown")->check(CLI::IsMember({"text", "json", "markdown"}));
}

// The reports that can say how long each claim took: check and explain.
void add_timings(CLI::App* cmd, JudgeCommandOptions& o) {
  cmd->add_flag("--timings", o.timings, "add solving times to the report (makes output vary between runs)");
}

// What explain and graph read before their options: one case file and a
// claim, put where every judging command keeps them once parsed.
struct CaseAndClaim {
  JudgeCommandOptions judge;
  std::string file;
  std::optional<std::string> claim;

  const JudgeCommandOptions& parsed(const std::string& command) {
    judge.common.files = {file};
    if (claim) judge.claims = {*claim};
    judge.claims_option = command + " " + file; // a misspelt CLAIM is reported as "explain FILE ..."
    return judge;
  }
};

Command declare_lint(CLI::App& app) {
  auto o = std::make_shared<CommonOptions>();
  auto* cmd = app.add_subcommand("lint", "static checks only: report errors and warnings");
  add_common(cmd, *o);
  return {cmd, [o] { return run_lint(*o); }};
}

Command declare_fmt(CLI::App& app) {
  auto o = std::make_shared<FmtOptions>();
  auto* cmd = app.add_subcommand("fmt", "rewrite case files in canonical layout (in place)");
  add_common(cmd, o->common);
  cmd->add_flag("--check", o->check, "only report files that would change (exit code 1)");
  return {cmd, [o] { return run_fmt(*o); }};
}

Command declare_check(CLI::App& app) {
  auto o = std::make_shared<JudgeCommandOptions>();
  auto* cmd = app.add_subcommand("check", "judge every claim and print a report");
  cmd->add_option("FILE", o->common.files, "case files (*.imputa)")->required();
  add_judging(cmd, *o);
  add_report_format(cmd, *o, true);
  cmd->add_option("--claim", o->claims, "judge only this claim (repeatable)");
  add_timings(cmd, *o);
  return {cmd, [o] { return run_judge(*o, false); }};
}

Command declare_explain(CLI::App& app) {
  auto o = std::make_shared<CaseAndClaim>();
  auto* cmd = app.add_subcommand("explain", "one claim in full: verdict and every reason");
  cmd->add_option("FILE", o->file, "the case file")->required();
  cmd->add_option("CLAIM", o->claim, "the claim's id")->required();
  add_judging(cmd, o->judge);
  add_report_format(cmd, o->judge, true);
  add_timings(cmd, o->judge);
  cmd->add_flag("--all", o->judge.all_routes,
                "every other route to the verdict (on other evidence), not only the first ten routes");
  return {cmd, [o] { return run_judge(o->parsed("explain"), true); }};
}

Command declare_compare(CLI::App& app) {
  auto o = std::make_shared<JudgeCommandOptions>();
  auto* cmd = app.add_subcommand("compare", "every claim under every doctrine combination it depends on");
  cmd->add_option("FILE", o->common.files, "the case file")->required()->expected(1);
  add_judging(cmd, *o);
  add_report_format(cmd, *o);
  cmd->add_option("--claim", o->claims, "compare only this claim (repeatable)");
  return {cmd, [o] { return run_compare(*o); }};
}

Command declare_graph(CLI::App& app) {
  auto o = std::make_shared<CaseAndClaim>();
  auto* cmd = app.add_subcommand("graph", "Graphviz DOT of evidence -> atoms -> rules -> claim (pipe into dot -Tsvg)");
  cmd->add_option("FILE", o->file, "the case file")->required();
  cmd->add_option("CLAIM", o->claim, "only this claim (default: every claim)");
  add_judging(cmd, o->judge);
  auto full = std::make_shared<bool>(false);
  cmd->add_flag("--full", *full, "every rule instance that touches a premise, not only what carries the verdict");
  return {cmd, [o, full] { return run_graph(o->parsed("graph"), *full ? GraphView::full : GraphView::support); }};
}

Command declare_library(CLI::App& app) {
  auto o = std::make_shared<LibraryOptions>();
  auto* cmd = app.add_subcommand(
      "library", "print the shipped library, its rules (--rules), predicates (--predicates) or doctrines (--doctrines)");
  cmd->add_flag("--rules", o->rules, "an index of the rules with their sources");
  auto* predicates = cmd->add_flag("--predicates", o->predicates, "the predicates: argument types, tags and description");
  auto* doctrines = cmd->add_flag("--doctrines", o->doctrines, "the doctrine families and their alternatives");
  cmd->add_option("--tag", o->tag, "with --predicates: only those with this tag (origin, link, ...)");
  cmd->add_option("WORD", o->word, "with --predicates: only those whose name or description contains it");
  predicates->excludes(doctrines);
  cmd->add_option("--format", o->format, "text or markdown (for --rules)")->check(CLI::IsMember({"text", "markdown"}));
  cmd->add_option("--library", o->library, "a library file instead of the shipped one");
  return {cmd, [o] { return run_library(*o); }};
}

// `imputa serve`: the judging options of check apply to every request, under
// the what-ifs the page adds (cli/serve.cpp).
Command declare_serve(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "a local web page to explore a case: what-ifs by clicking (until Ctrl-C)");
  cmd->add_option("TARGET", o->target, "a case file, or a folder of them (default: the current folder)");
  cmd->add_option("--port", o->port, "the port (default 8017; 0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--host", o->host, "the address to listen on (default 127.0.0.1: this computer only)");
  add_judging(cmd, o->judge);
  return {cmd, [o] { return run_serve(*o); }};
}

// `imputa lsp`: the language server, for editors (docs/editors.md).
Command declare_lsp(CLI::App& app) {
  auto o = std::make_shared<LspOptions>();
  auto* cmd = app.add_subcommand("lsp", "language server for editors (LSP on stdin and stdout; docs/editors.md)");
  cmd->add_option("--timeout-ms", o->timeout_ms, "time limit per claim for the verdicts beside claims (default 10000)")
      ->check(CLI::Range(1L, 3600000L));
  cmd->add_flag("--no-library", o->no_library, "do not load the shipped gge2015 library");
  cmd->add_option("--library", o->library, "load this library file instead of the shipped one");
  return {cmd, [o] { return run_lsp(*o); }};
}

// `imputa help [COMMAND|language]`: the help of the whole program, of one
// command, or the case language.
int run_help(CLI::App& app, const std::string& topic) {
  if (topic.empty()) {
    std::cout << app.help();
    return ok;
  }
  if (topic == "language") {
    std::cout << language_summary();
    return ok;
  }
  for (auto* sub : app.get_subcommands({})) {
    if (sub->get_name() == topic) {
      std::cout << sub->help();
      return ok;
    }
  }
  std::cerr << "imputa: there is no command '" << topic
            << "'\nRun 'imputa --help' for the commands, 'imputa help language' for the case language.\n";
  return input_error;
}

Command declare_help(CLI::App& app) {
  auto topic = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("help", "describe a command (imputa help COMMAND) or the case language "
                                         "(imputa help language)");
  cmd->add_option("COMMAND", *topic, "the command to describe, or 'language'");
  return {cmd, [&app, topic] { return run_help(app, *topic); }};
}

// Logging (spdlog) goes to stderr; -v adds timings per phase.
void start_logging(bool verbose) {
  auto logger = spdlog::stderr_logger_st("imputa");
  logger->set_pattern("imputa: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(verbose ? spdlog::level::info : spdlog::level::warn);
}

} // namespace

int run(int argc, char** argv) {
  CLI::App app{"imputa: who is legally responsible for a cyber operation?\n"
               "Judges the claims of a case file against the evidence, the standard of proof\n"
               "and the law (UN GGE 2015, ARSIWA, ICJ case law, Tallinn Manual 2.0).",
               "imputa"};
  bool version = false;
  app.add_flag("--version", version, "print the version and exit");
  app.require_subcommand(0, 1);
  app.fallthrough(); // -v works after the command too: imputa check -v FILE
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "log timings per phase to stderr");
  // In the order `imputa --help` lists them.
  const std::vector<Command> commands{declare_lint(app),    declare_fmt(app),   declare_check(app),
                                      declare_explain(app), declare_compare(app), declare_graph(app),
                                      declare_library(app), declare_serve(app), declare_lsp(app),
                                      declare_help(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "imputa: " << e.what() << "\nRun 'imputa --help' for the commands and their options.\n";
    return input_error;
  }
  start_logging(verbose);
  if (version) {
    std::cout << "imputa " IMPUTA_VERSION << "\n";
    return ok;
  }
  for (const auto& command : commands)
    if (*command.cmd) return command.run();
  std::cout << app.help();
  return ok;
}

} // namespace imputa::cli
