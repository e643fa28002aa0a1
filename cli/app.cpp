// Command-line parsing (CLI11): the commands of cli.md and their options.
// New commands register here and implement a run_* function in their own file.
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <iostream>
#include <thread>

#ifndef IMPUTA_VERSION
#define IMPUTA_VERSION "0.0.0"
#endif

namespace imputa::cli {
namespace {

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
// compare and graph: the same options, the same checks (make_judge_options).
void add_judging(CLI::App* cmd, JudgeCommandOptions& o) {
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

void add_report_format(CLI::App* cmd, JudgeCommandOptions& o) {
  cmd->add_option("--format", o.format, "text, json or markdown")->check(CLI::IsMember({"text", "json", "markdown"}));
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

  CommonOptions lint;
  auto* lint_cmd = app.add_subcommand("lint", "static checks only: report errors and warnings");
  add_common(lint_cmd, lint);

  FmtOptions fmt;
  auto* fmt_cmd = app.add_subcommand("fmt", "rewrite case files in canonical layout (in place)");
  add_common(fmt_cmd, fmt.common);
  fmt_cmd->add_flag("--check", fmt.check, "only report files that would change (exit code 1)");

  JudgeCommandOptions check;
  check.jobs = std::max(1u, std::thread::hardware_concurrency());
  auto* check_cmd = app.add_subcommand("check", "judge every claim and print a report");
  check_cmd->add_option("FILE", check.common.files, "case files (*.imputa)")->required();
  add_judging(check_cmd, check);
  add_report_format(check_cmd, check);
  check_cmd->add_option("--claim", check.claims, "judge only this claim (repeatable)");
  check_cmd->add_flag("--timings", check.timings, "add solving times to the report (makes output vary between runs)");

  JudgeCommandOptions explain;
  explain.jobs = check.jobs;
  std::string explain_file, explain_claim;
  auto* explain_cmd = app.add_subcommand("explain", "one claim in full: verdict and every reason");
  explain_cmd->add_option("FILE", explain_file, "the case file")->required();
  explain_cmd->add_option("CLAIM", explain_claim, "the claim's id")->required();
  add_judging(explain_cmd, explain);
  add_report_format(explain_cmd, explain);
  explain_cmd->add_flag("--timings", explain.timings, "add solving times to the report (makes output vary between runs)");

  JudgeCommandOptions compare;
  compare.jobs = check.jobs;
  auto* compare_cmd = app.add_subcommand("compare", "every claim under every doctrine combination it depends on");
  compare_cmd->add_option("FILE", compare.common.files, "the case file")->required()->expected(1);
  add_judging(compare_cmd, compare);
  add_report_format(compare_cmd, compare);
  compare_cmd->add_option("--claim", compare.claims, "compare only this claim (repeatable)");

  GraphOptions graph;
  std::string graph_file;
  auto* graph_cmd = app.add_subcommand("graph", "Graphviz DOT of evidence -> atoms -> rules -> claim (pipe into dot -Tsvg)");
  graph_cmd->add_option("FILE", graph_file, "the case file")->required();
  graph_cmd->add_option("CLAIM", graph.claim, "only this claim (default: every claim)");
  graph.judge.jobs = check.jobs;
  add_judging(graph_cmd, graph.judge);

  LibraryOptions library;
  auto* library_cmd = app.add_subcommand(
      "library", "print the shipped library, its rules (--rules), predicates (--predicates) or doctrines (--doctrines)");
  library_cmd->add_flag("--rules", library.rules, "an index of the rules with their sources");
  auto* predicates_flag =
      library_cmd->add_flag("--predicates", library.predicates, "the predicates: argument types, tags and description");
  auto* doctrines_flag =
      library_cmd->add_flag("--doctrines", library.doctrines, "the doctrine families and their alternatives");
  library_cmd->add_option("--tag", library.tag, "with --predicates: only those with this tag (origin, link, ...)");
  library_cmd->add_option("WORD", library.word, "with --predicates: only those whose name or description contains it");
  predicates_flag->excludes(doctrines_flag);
  library_cmd->add_option("--format", library.format, "text or markdown (for --rules)")
      ->check(CLI::IsMember({"text", "markdown"}));
  library_cmd->add_option("--library", library.library, "a library file instead of the shipped one");

  std::string help_topic;
  auto* help_cmd = app.add_subcommand("help", "describe a command (imputa help COMMAND) or the case language "
                                              "(imputa help language)");
  help_cmd->add_option("COMMAND", help_topic, "the command to describe, or 'language'");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "imputa: " << e.what() << "\nRun 'imputa --help' for the commands and their options.\n";
    return input_error;
  }

  // Logging (spdlog) goes to stderr; -v adds timings per phase.
  auto logger = spdlog::stderr_logger_st("imputa");
  logger->set_pattern("imputa: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(verbose ? spdlog::level::info : spdlog::level::warn);

  if (version) {
    std::cout << "imputa " IMPUTA_VERSION << "\n";
    return ok;
  }
  if (*lint_cmd) return run_lint(lint);
  if (*library_cmd) return run_library(library);
  if (*compare_cmd) return run_compare(compare);
  if (*graph_cmd) {
    graph.judge.common.files = {graph_file};
    return run_graph(graph);
  }
  if (*check_cmd) return run_judge(check, false);
  if (*explain_cmd) {
    explain.common.files = {explain_file};
    explain.claims = {explain_claim};
    explain.claims_option = "explain " + explain_file;
    return run_judge(explain, true);
  }
  if (*fmt_cmd) return run_fmt(fmt);
  if (*help_cmd) {
    if (help_topic.empty()) {
      std::cout << app.help();
      return ok;
    }
    if (help_topic == "language") {
      std::cout << language_summary();
      return ok;
    }
    for (auto* sub : app.get_subcommands({})) {
      if (sub->get_name() == help_topic) {
        std::cout << sub->help();
        return ok;
      }
    }
    std::cerr << "imputa: there is no command '" << help_topic
              << "'\nRun 'imputa --help' for the commands, 'imputa help language' for the case language.\n";
    return input_error;
  }
  std::cout << app.help();
  return ok;
}

} // namespace imputa::cli
