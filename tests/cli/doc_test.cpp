// The doc test: every command the documentation shows with its output is run,
// and its output compared, so README.md and docs/*.md cannot drift from what
// the tool prints.
//
// The convention (also described in docs/report.md, "Examples in these pages"):
//
// - A fenced block (``` ... ```) whose first line starts with `$ ` shows a
//   command and its output. The command is `imputa ...` or
//   `build/cli/imputa ...` (or `cat FILE`, to show a file); it is run without
//   a shell (no pipes, no redirection; arguments split at spaces, "double" or
//   'single' quotes keep spaces), from the repository root. The lines after it
//   are the output: what the terminal shows, standard output then standard
//   error, compared line by line, exactly.
// - A line `...` on its own in the output stands for any number of lines
//   (none included) that the page leaves out. Nothing else is abbreviated: a
//   shown line is the whole line.
// - The command must exit with status 0, unless the block ends with a line
//   `[exit N]`: then it must exit with N.
// - A fenced block whose first line is `# file: NAME` is a case file the
//   page asks the reader to create (it is a comment, so it can be pasted as
//   it stands). Before the page's commands run, each such block is written
//   to NAME in a scratch copy of the repository root, where the commands run.
// - Any other fenced block must not look like a report (a verdict line or a
//   summary line "N claims: ..."): output shown without its command is an
//   error. A line of such a block that starts with `build/cli/imputa ` and
//   uses no pipe or redirection is run too and must be accepted (exit 0 or
//   1: judged, whatever the verdicts), so a command the docs recommend
//   cannot be refused.
//
// Run: build/tests/imputa_cli_tests --gtest_filter='Doc*'
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using testing::line_diff;
using testing::read_file;
using testing::run_imputa;
using testing::source_dir;

// ---------------------------------------------------------------------------
// Reading the pages

struct Block {
  std::string doc;  // path relative to the repository root
  int line = 0;     // line of the first line inside the fence (1-based)
  std::vector<std::string> lines;
};

// gtest prints a failing parameter with this (not as bytes).
void PrintTo(const Block& b, std::ostream* os) { *os << b.doc << ":" << b.line; }

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// The pages the test reads: README.md and every docs/*.md.
std::vector<std::string> doc_pages() {
  std::vector<std::string> out{"README.md"};
  std::vector<std::string> docs;
  for (const auto& e : fs::directory_iterator(source_dir() / "docs"))
    if (e.is_regular_file() && e.path().extension() == ".md") docs.push_back("docs/" + e.path().filename().string());
  std::sort(docs.begin(), docs.end());
  out.insert(out.end(), docs.begin(), docs.end());
  return out;
}

// Fenced blocks of a Markdown text. A fence may be indented (inside a list
// item); its indentation is removed from the lines inside it.
std::vector<Block> fenced_blocks(const std::string& doc, const std::string& text) {
  std::vector<Block> out;
  auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto indent = lines[i].find_first_not_of(' ');
    if (indent == std::string::npos || lines[i].compare(indent, 3, "```") != 0) continue;
    Block b;
    b.doc = doc;
    b.line = static_cast<int>(i) + 2;
    std::size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      auto k = lines[j].find_first_not_of(' ');
      if (k != std::string::npos && lines[j].compare(k, 3, "```") == 0) break;
      std::string l = lines[j];
      std::size_t strip = std::min(indent, l.find_first_not_of(' ') == std::string::npos ? l.size() : l.find_first_not_of(' '));
      b.lines.push_back(l.substr(strip));
    }
    out.push_back(std::move(b));
    i = j;
  }
  return out;
}

std::vector<Block> all_blocks() {
  std::vector<Block> out;
  for (const auto& doc : doc_pages()) {
    auto blocks = fenced_blocks(doc, read_file(source_dir() / doc));
    out.insert(out.end(), blocks.begin(), blocks.end());
  }
  return out;
}

bool is_command_block(const Block& b) { return !b.lines.empty() && b.lines[0].rfind("$ ", 0) == 0; }

bool is_file_block(const Block& b) { return !b.lines.empty() && b.lines[0].rfind("# file: ", 0) == 0; }

std::string file_block_name(const Block& b) { return b.lines[0].substr(std::string("# file: ").size()); }

// ---------------------------------------------------------------------------
// Commands

// Splits a command line at spaces; "..." and '...' keep spaces. Returns false
// for what needs a shell.
bool split_command(const std::string& line, std::vector<std::string>& words, std::string& why) {
  words.clear();
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote) {
      if (c == quote) quote = 0;
      else cur += c;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ') {
      if (in_word) words.push_back(cur);
      cur.clear();
      in_word = false;
    } else if (c == '|' || c == '>' || c == '<' || c == ';' || c == '&' || c == '$' || c == '`') {
      why = std::string("'") + c + "' needs a shell; a shown command is run without one";
      return false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (quote) {
    why = "unbalanced quote";
    return false;
  }
  if (in_word) words.push_back(cur);
  if (words.empty()) {
    why = "empty command";
    return false;
  }
  return true;
}

struct Outcome {
  bool ran = false;
  std::string error; // why it could not run
  int exit_code = 0;
  std::string output; // stdout then stderr
};

// Runs a shown command in the current directory.
Outcome run_shown(const std::string& line) {
  Outcome o;
  std::vector<std::string> words;
  if (!split_command(line, words, o.error)) return o;
  if (words[0] == "cat" && words.size() == 2) {
    if (!fs::exists(words[1])) {
      o.error = "no file " + words[1];
      return o;
    }
    o.ran = true;
    o.output = read_file(words[1]);
    return o;
  }
  if (words[0] != "imputa" && words[0] != "build/cli/imputa") {
    o.error = "a shown command starts with imputa, build/cli/imputa or cat FILE";
    return o;
  }
  auto r = run_imputa(std::vector<std::string>(words.begin() + 1, words.end()));
  o.ran = true;
  o.exit_code = r.exit_code;
  o.output = r.out + r.err;
  return o;
}

// The repository root as the commands see it: a scratch directory holding a
// link to every top-level entry of the repository, plus the page's files.
class ScratchRoot {
 public:
  explicit ScratchRoot(const std::string& doc) : old_(fs::current_path()) {
    std::string name = doc;
    std::replace(name.begin(), name.end(), '/', '_');
    dir_ = testing::temp_dir("doc-" + name);
    for (const auto& e : fs::directory_iterator(source_dir())) fs::create_directory_symlink(e.path(), dir_ / e.path().filename());
    for (const auto& b : fenced_blocks(doc, read_file(source_dir() / doc)))
      if (is_file_block(b)) testing::write_file(dir_ / file_block_name(b), join_lines(b.lines));
    fs::current_path(dir_);
  }
  ~ScratchRoot() { fs::current_path(old_); }
  ScratchRoot(const ScratchRoot&) = delete;
  ScratchRoot& operator=(const ScratchRoot&) = delete;

 private:
  fs::path old_, dir_;
};

// ---------------------------------------------------------------------------
// Comparing

bool is_skip(const std::string& l) { return l == "..."; }

// Does `actual` match `expected`, where a line "..." matches any run of lines?
bool matches(const std::vector<std::string>& e, std::size_t ei, const std::vector<std::string>& a, std::size_t ai) {
  while (ei < e.size() && !is_skip(e[ei])) {
    if (ai >= a.size() || e[ei] != a[ai]) return false;
    ++ei;
    ++ai;
  }
  if (ei == e.size()) return ai == a.size();
  for (std::size_t k = ai; k <= a.size(); ++k)
    if (matches(e, ei + 1, a, k)) return true;
  return false;
}

// For the failure message: the expected lines with each "..." replaced by the
// actual lines it most plausibly stands for (up to the next shown line).
std::vector<std::string> expand_skips(const std::vector<std::string>& e, const std::vector<std::string>& a) {
  std::vector<std::string> out;
  std::size_t ai = 0;
  for (std::size_t ei = 0; ei < e.size(); ++ei) {
    if (!is_skip(e[ei])) {
      out.push_back(e[ei]);
      ++ai;
      continue;
    }
    std::size_t stop = a.size();
    if (ei + 1 < e.size())
      for (std::size_t k = ai; k < a.size(); ++k)
        if (a[k] == e[ei + 1]) {
          stop = k;
          break;
        }
    for (; ai < stop; ++ai) out.push_back(a[ai]);
  }
  return out;
}

// Splits a command block into command, expected lines and exit status.
struct Expected {
  std::string command;
  std::vector<std::string> lines;
  int exit_code = 0;
};

Expected expected_of(const Block& b) {
  Expected x;
  x.command = b.lines[0].substr(2);
  x.lines.assign(b.lines.begin() + 1, b.lines.end());
  static const std::regex exit_line(R"(\[exit (\d+)\])");
  std::smatch m;
  if (!x.lines.empty() && std::regex_match(x.lines.back(), m, exit_line)) {
    x.exit_code = std::stoi(m[1]);
    x.lines.pop_back();
  }
  return x;
}

// Empty when the output matches the block; otherwise the failure message.
std::string compare_block(const Block& b, const Outcome& o) {
  Expected x = expected_of(b);
  std::string where = b.doc + ":" + std::to_string(b.line) + ": $ " + x.command + "\n";
  if (!o.ran) return where + "cannot run: " + o.error;
  std::string msg;
  if (o.exit_code != x.exit_code)
    msg += "exit status " + std::to_string(o.exit_code) + ", the page says " + std::to_string(x.exit_code) +
           (x.exit_code == 0 ? " (add a last line [exit N] if that is intended)" : "") + "\n";
  auto actual = split_lines(o.output);
  if (!matches(x.lines, 0, actual, 0))
    msg += "the output differs from the page (- page, + tool; \"...\" filled in from the tool's output):\n" +
           line_diff(join_lines(expand_skips(x.lines, actual)), o.output);
  return msg.empty() ? msg : where + msg;
}

// ---------------------------------------------------------------------------
// Output shown without a command

bool looks_like_report(const std::string& line) {
  static const std::regex summary(R"(\d+ claims?: .*)");
  static const std::regex verdict(R"( *(ESTABLISHED|REFUTED|ARGUABLE|UNSUBSTANTIATED|NOT ESTABLISHED|INCONSISTENT|UNKNOWN)(:| +\().*)");
  return std::regex_match(line, summary) || std::regex_match(line, verdict);
}

// ---------------------------------------------------------------------------
// The tests

// Named by page and the block's rank among the page's command blocks (not by
// line, so that editing the prose above a block does not rename its test
// between a build, which lists the tests for ctest, and a run).
std::string test_name(const Block& b) {
  auto blocks = fenced_blocks(b.doc, read_file(source_dir() / b.doc));
  int rank = 0;
  for (const auto& other : blocks) {
    if (!is_command_block(other)) continue;
    ++rank;
    if (other.line == b.line) break;
  }
  std::string name = b.doc + "_" + std::to_string(rank);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

std::vector<Block> command_blocks() {
  std::vector<Block> out;
  for (auto& b : all_blocks())
    if (is_command_block(b)) out.push_back(b);
  return out;
}

class DocBlock : public ::testing::TestWithParam<Block> {};

TEST_P(DocBlock, OutputMatchesTheTool) {
  const Block& b = GetParam();
  ScratchRoot root(b.doc);
  std::string failure = compare_block(b, run_shown(expected_of(b).command));
  EXPECT_TRUE(failure.empty()) << failure;
}

INSTANTIATE_TEST_SUITE_P(Docs, DocBlock, ::testing::ValuesIn(command_blocks()),
                         [](const ::testing::TestParamInfo<Block>& info) { return test_name(info.param); });

TEST(DocPages, EveryTutorialShowsOutputTheTestRuns) {
  // A page that loses its command blocks (a fence typo, a changed convention)
  // would otherwise pass silently.
  auto blocks = command_blocks();
  for (std::string doc : {"README.md", "docs/getting-started.md", "docs/tutorial-legal-advisers.md",
                          "docs/tutorial-instructors.md", "docs/tutorial-academics.md", "docs/report.md"}) {
    auto n = std::count_if(blocks.begin(), blocks.end(), [&](const Block& b) { return b.doc == doc; });
    EXPECT_GT(n, 0) << doc << " shows no `$ imputa ...` block";
  }
}

TEST(DocPages, NoOutputWithoutItsCommand) {
  for (const auto& b : all_blocks()) {
    if (is_command_block(b) || is_file_block(b)) continue;
    for (std::size_t i = 0; i < b.lines.size(); ++i)
      EXPECT_FALSE(looks_like_report(b.lines[i]))
          << b.doc << ":" << b.line + static_cast<int>(i) << ": looks like a report, but the block does not start with"
          << " `$ imputa ...`, so no test checks it:\n  " << b.lines[i];
  }
}

TEST(DocPages, FileBlocksAreCaseFilesThatParse) {
  for (const auto& b : all_blocks()) {
    if (!is_file_block(b)) continue;
    std::string name = file_block_name(b);
    EXPECT_TRUE(std::regex_match(name, std::regex(R"([A-Za-z0-9_-]+\.imputa)")))
        << b.doc << ":" << b.line << ": a file block names a plain file NAME.imputa, not '" << name << "'";
    fs::path dir = testing::temp_dir("doc-file");
    testing::write_file(dir / "case.imputa", join_lines(b.lines));
    auto r = run_imputa({"lint", (dir / "case.imputa").string()});
    EXPECT_EQ(r.exit_code, 0) << b.doc << ":" << b.line << ": " << name << " does not pass lint:\n" << r.out << r.err;
  }
}

TEST(DocPages, CommandsShownWithoutOutputAreAccepted) {
  for (const auto& doc : doc_pages()) {
    ScratchRoot root(doc);
    for (const auto& b : fenced_blocks(doc, read_file(source_dir() / doc))) {
      if (is_command_block(b) || is_file_block(b)) continue;
      for (std::size_t i = 0; i < b.lines.size(); ++i) {
        const std::string& l = b.lines[i];
        if (l.rfind("build/cli/imputa ", 0) != 0) continue;
        std::vector<std::string> words;
        std::string why;
        if (!split_command(l, words, why)) continue; // a pipe or redirection: shown, not run
        auto o = run_shown(l);
        EXPECT_TRUE(o.exit_code == 0 || o.exit_code == 1)
            << doc << ":" << b.line + static_cast<int>(i) << ": " << l << "\nexits with " << o.exit_code << ":\n"
            << o.output;
      }
    }
  }
}

// The comparison itself: a drifted line fails, "..." skips lines, the exit
// status counts.
TEST(DocConvention, ComparesExactlyAndSkipsOnlyAtMarkers) {
  Block b{"getting-started.md", 1, {"$ imputa check x.imputa", "first", "...", "last"}};
  Outcome o{true, "", 0, "first\nmiddle\nmore\nlast\n"};
  EXPECT_EQ(compare_block(b, o), "");
  o.output = "first\nlast\n";
  EXPECT_EQ(compare_block(b, o), "");
  o.output = "first\nmiddle\nlast but changed\n";
  EXPECT_NE(compare_block(b, o), "");
  o.output = "first\nmiddle\nlast\nextra\n";
  EXPECT_NE(compare_block(b, o), "");
  Block exact{"getting-started.md", 1, {"$ imputa check x.imputa", "first", "second", "[exit 1]"}};
  Outcome drifted{true, "", 1, "first\nsecond, reworded\n"};
  std::string failure = compare_block(exact, drifted);
  EXPECT_NE(failure.find("+ second, reworded"), std::string::npos) << failure;
  Outcome ok{true, "", 1, "first\nsecond\n"};
  EXPECT_EQ(compare_block(exact, ok), "");
  ok.exit_code = 0;
  EXPECT_NE(compare_block(exact, ok), "");
}

TEST(DocConvention, CommandsRunWithoutAShell) {
  std::vector<std::string> words;
  std::string why;
  ASSERT_TRUE(split_command("imputa check a.imputa --claim \"x y\"", words, why));
  EXPECT_EQ(words, (std::vector<std::string>{"imputa", "check", "a.imputa", "--claim", "x y"}));
  EXPECT_FALSE(split_command("imputa check a.imputa > out.txt", words, why));
  EXPECT_FALSE(split_command("imputa graph a.imputa | dot -Tsvg", words, why));
}

} // namespace
} // namespace imputa
