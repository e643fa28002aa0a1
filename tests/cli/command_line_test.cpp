// Words on the command line are checked like the same words in a file: a
// misspelt id given to --drop, --assume, --claim, --doctrine, --standard or as
// a CLAIM argument stops the run (exit 2) with "did you mean", in every command
// that judges (check, explain, compare, graph); and those commands accept the
// same judging options with the same checks and the same help text.
#include "commands.hpp"
#include "small_case.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <sstream>
#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using testing::run_imputa;
using testing::RunResult;

// A small case on the shipped library, written once per test binary.
const std::string& case_path() {
  static const std::string path = [] {
    fs::path dir = testing::temp_dir("command-line");
    fs::path file = dir / "case.imputa";
    testing::write_file(file, testing::small_case);
    return file.string();
  }();
  return path;
}

// The commands that judge, each with the words it needs before the options.
std::vector<std::vector<std::string>> judging_commands() {
  return {{"check", case_path()},
          {"explain", case_path(), "attribution"},
          {"compare", case_path()},
          {"graph", case_path(), "attribution"}};
}

RunResult run_with(std::vector<std::string> command, const std::vector<std::string>& options) {
  command.insert(command.end(), options.begin(), options.end());
  return run_imputa(command);
}

struct Misspelt {
  std::vector<std::string> options;
  std::string message; // in stderr
  std::string hint;    // in stderr
};

class EveryJudgingCommand : public ::testing::TestWithParam<std::size_t> {};

TEST_P(EveryJudgingCommand, RefusesMisspeltWordsWithAHint) {
  const auto command = judging_commands()[GetParam()];
  const std::vector<Misspelt> cases{
      {{"--drop", "e_icaa"}, "unknown fact label, evidence item or rule 'e_icaa'", "did you mean 'e_icca'?"},
      {{"--drop", "f_orgn"}, "unknown fact label, evidence item or rule 'f_orgn'", "did you mean 'f_organ'?"},
      {{"--assume", "organ_of(gru, russ)"}, "unknown entity 'russ'", "did you mean 'rus'?"},
      {{"--assume", "organ_off(gru, rus)"}, "unknown predicate 'organ_off'", "did you mean 'organ_of'?"},
      {{"--assume", "organ_of(gru, rus"}, "'organ_of(gru, rus' is not an atom such as organ_of(gru, rus)", ""},
      {{"--assume", "organ_of(X, rus)"}, "an assumption must name the things it speaks of, but 'X' is a variable", ""},
      {{"--doctrine", "contrl=effective_control"}, "unknown doctrine family 'contrl'", "did you mean 'control'?"},
      {{"--doctrine", "control=efective_control"}, "doctrine 'control' has no alternative 'efective_control'",
       "did you mean 'effective_control'?"},
      {{"--standard", "clear_and_convincin"}, "unknown standard 'clear_and_convincin'",
       "did you mean 'clear_and_convincing'?"},
      // --as-of is read as a date field in a file is: the same syntax, the same calendar.
      {{"--as-of", "2017-6-27"}, "expected a date (YYYY-MM-DD), not '2017-6-27'", ""},
      {{"--as-of", "2017-06-27x"}, "expected a date (YYYY-MM-DD), not '2017-06-27x'", ""},
      {{"--as-of", "2017-02-29"}, "2017-02-29 is not a calendar date", ""},
  };
  for (const auto& c : cases) {
    RunResult r = run_with(command, c.options);
    SCOPED_TRACE(command.front() + " " + c.options[0] + " " + c.options[1] + "\n" + r.err);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("command line:1:"), std::string::npos);
    EXPECT_NE(r.err.find(c.message), std::string::npos);
    if (!c.hint.empty()) {
      EXPECT_NE(r.err.find("hint: " + c.hint), std::string::npos);
    }
    EXPECT_EQ(r.out, "");
  }
}

TEST_P(EveryJudgingCommand, AcceptsTheSameJudgingOptions) {
  const auto command = judging_commands()[GetParam()];
  RunResult r = run_with(command, {"--drop", "e_icca", "--assume", "organ_of(gru, rus)", "--doctrine",
                                   "control=effective_control", "--standard", "clear_and_convincing", "--as-of",
                                   "2020-01-01", "--timeout-ms", "20000", "--jobs", "1", "--color", "never"});
  EXPECT_LT(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, "");
}

// The entry of `option` in a command's help: its line and the lines that
// continue it, or "" when the command does not have it.
std::string help_entry(const std::string& help, const std::string& option) {
  std::istringstream lines(help);
  std::string line, entry;
  bool inside = false;
  while (std::getline(lines, line)) {
    if (line.empty() || line.rfind("  -", 0) == 0) {
      const std::string start = "  " + option;
      inside = line.rfind(start, 0) == 0 && (line.size() == start.size() || line[start.size()] == ' ');
    }
    if (inside) entry += line + "\n";
  }
  return entry;
}

// One declaration of the judging options: a command that lost one, or
// describes it in other words, fails here.
TEST_P(EveryJudgingCommand, DescribesTheJudgingOptionsInTheSameWords) {
  const auto command = judging_commands()[GetParam()];
  const RunResult reference = run_imputa({"help", "check"});
  const RunResult help = run_imputa({"help", command.front()});
  ASSERT_EQ(help.exit_code, 0) << help.err;
  for (const std::string option : {"--no-library", "--library", "--werror", "-q,--quiet", "--color", "--standard",
                                   "--doctrine", "--assume", "--drop", "--as-of", "--timeout-ms", "--jobs"}) {
    SCOPED_TRACE(command.front() + " " + option);
    const std::string entry = help_entry(help.out, option);
    EXPECT_NE(entry, "");
    EXPECT_EQ(entry, help_entry(reference.out, option));
  }
}

TEST_P(EveryJudgingCommand, RefusesATimeoutOfZero) {
  const auto command = judging_commands()[GetParam()];
  RunResult r = run_with(command, {"--timeout-ms", "0"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("--timeout-ms"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(CommandLine, EveryJudgingCommand, ::testing::Range<std::size_t>(0, 4),
                         [](const auto& info) { return judging_commands()[info.param].front(); });

TEST(CommandLine, MisspeltClaimIsRefusedEverywhere) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"check", case_path(), "--claim", "atribution"},
                                                                 {"compare", case_path(), "--claim", "atribution"},
                                                                 {"explain", case_path(), "atribution"},
                                                                 {"graph", case_path(), "atribution"}}) {
    RunResult r = run_imputa(args);
    SCOPED_TRACE(args.front() + "\n" + r.err);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("unknown claim 'atribution'"), std::string::npos);
    EXPECT_NE(r.err.find("hint: did you mean 'attribution'?"), std::string::npos);
  }
}

TEST(CommandLine, ErrorPointsAtTheWord) {
  RunResult r = run_imputa({"check", case_path(), "--drop", "e_icaa"});
  EXPECT_EQ(r.err, "command line:1:8: error: unknown fact label, evidence item or rule 'e_icaa' [E002]\n"
                   "  --drop e_icaa\n"
                   "         ^\n"
                   "  hint: did you mean 'e_icca'?\n");
}

TEST(CommandLine, UnknownFamilyAndStandardListTheKnownOnes) {
  RunResult family = run_imputa({"check", case_path(), "--doctrine", "nonsense=x"});
  EXPECT_NE(family.err.find("the doctrine families are "), std::string::npos) << family.err;
  EXPECT_NE(family.err.find("control"), std::string::npos) << family.err;
  RunResult standard = run_imputa({"check", case_path(), "--standard", "nonsense"});
  EXPECT_NE(standard.err.find("the standards are "), std::string::npos) << standard.err;
  EXPECT_NE(standard.err.find("clear_and_convincing"), std::string::npos) << standard.err;
}

TEST(CommandLine, DroppingTheOnlyEvidenceChangesTheVerdict) {
  // The check that --drop is applied, not only accepted.
  RunResult kept = run_imputa({"check", case_path()});
  RunResult dropped = run_imputa({"check", case_path(), "--drop", "e_icca"});
  EXPECT_EQ(kept.exit_code, 0) << kept.out << kept.err;
  EXPECT_EQ(dropped.exit_code, 1) << dropped.out << dropped.err;
}

// A what-if report says what it changed in the record, in every format, so a
// pasted report of a what-if never reads as the full record.
TEST(CommandLine, AWhatIfReportSaysWhatItLeftOutAndTheDateOfTheRecord) {
  const std::vector<std::string> what_if = {"--drop", "e_icca", "--as-of", "2020-01-01"};
  for (const char* format : {"text", "markdown"}) {
    RunResult full = run_imputa({"check", case_path(), "--format", format});
    RunResult changed = run_with({"check", case_path(), "--format", format}, what_if);
    EXPECT_EQ(full.out.find("left out"), std::string::npos) << full.out;
    EXPECT_EQ(full.out.find("as of"), std::string::npos) << full.out;
    EXPECT_NE(changed.out.find("left out: "), std::string::npos) << changed.out;
    EXPECT_NE(changed.out.find("e_icca"), std::string::npos) << changed.out;
    EXPECT_NE(changed.out.find("the record as of 2020-01-01"), std::string::npos) << changed.out;
  }
  RunResult json = run_with({"check", case_path(), "--format", "json"}, what_if);
  EXPECT_NE(json.out.find("\"left_out\": [\n"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"as_of\": \"2020-01-01\""), std::string::npos) << json.out;
}

// Runs imputa with stdout and stderr on a terminal (a pseudo-terminal), with
// `env` set and NO_COLOR unset unless `env` sets it; returns what it printed.
std::string run_at_terminal(const std::vector<std::string>& args,
                            const std::vector<std::pair<std::string, std::string>>& env) {
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    unsetenv("NO_COLOR");
    setenv("TERM", "xterm", 1);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<std::string> copy = args;
    std::string binary = IMPUTA_BINARY;
    std::vector<char*> argv{binary.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  std::string out;
  char buffer[4096];
  for (;;) {
    ssize_t n = read(master, buffer, sizeof buffer);
    if (n > 0) out.append(buffer, static_cast<std::size_t>(n));
    else if (n < 0 && errno == EINTR) continue;
    else break; // EOF, or EIO once the child has closed the terminal
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  return out;
}

// One colour policy for every command: colour at a terminal, none with
// NO_COLOR or TERM=dumb, for reports and diagnostics alike.
TEST(CommandLine, OneColourPolicy) {
  fs::path dir = testing::temp_dir("colour");
  fs::path file = dir / "warn.imputa";
  testing::write_file(file, "actor bystander \"An actor the case says nothing about\".\n");
  const std::string escape = "\033[";
  for (const auto& args : std::vector<std::vector<std::string>>{{"lint", file.string()}, {"check", case_path()}}) {
    SCOPED_TRACE(args.front());
    EXPECT_NE(run_at_terminal(args, {}).find(escape), std::string::npos);
    EXPECT_EQ(run_at_terminal(args, {{"NO_COLOR", "1"}}).find(escape), std::string::npos);
    EXPECT_EQ(run_at_terminal(args, {{"TERM", "dumb"}}).find(escape), std::string::npos);
    EXPECT_EQ(run_at_terminal(args, {{"NO_COLOR", "1"}}).empty(), false);
  }
}

// The progress line redraws itself with "\r" and an erase: at a terminal that
// can erase only. A dumb terminal (TERM=dumb, Emacs' shell) would show the
// escapes as text; --quiet and a file or pipe never get it.
TEST(CommandLine, ProgressLineOnlyAtATerminalThatCanErase) {
  int master = -1, terminal = -1;
  ASSERT_EQ(openpty(&master, &terminal, nullptr, nullptr, nullptr), 0);
  const char* saved = std::getenv("TERM");
  const std::string was = saved ? saved : "";
  setenv("TERM", "xterm", 1);
  EXPECT_TRUE(cli::progress_wanted(false, terminal));
  EXPECT_FALSE(cli::progress_wanted(true, terminal));
  setenv("TERM", "dumb", 1);
  EXPECT_FALSE(cli::progress_wanted(false, terminal));
  unsetenv("TERM");
  EXPECT_TRUE(cli::progress_wanted(false, terminal));
  fs::path file = testing::temp_dir("progress") / "out.txt";
  testing::write_file(file, "");
  int not_a_terminal = open(file.c_str(), O_RDONLY);
  EXPECT_FALSE(cli::progress_wanted(false, not_a_terminal));
  close(not_a_terminal);
  if (saved) setenv("TERM", was.c_str(), 1);
  close(terminal);
  close(master);
}

} // namespace
} // namespace imputa
