// Damaged case files (issue: robustness): hundreds of deterministic mutants of
// the shipped examples and library test cases, each run through `imputa check`
// as a user would. Whatever the damage, the answer is a verdict (exit 0 or 1)
// or a located diagnostic (exit 2), within 10 s: never a crash, a hang or an
// unlocated error.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <regex>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using testing::run_imputa;

enum class Damage { cut_bytes, drop_line, repeat_line, swap_lines, insert_token, swap_names, flip_byte, truncate };

const Damage all_damages[] = {Damage::cut_bytes,    Damage::drop_line,  Damage::repeat_line, Damage::swap_lines,
                              Damage::insert_token, Damage::swap_names, Damage::flip_byte,   Damage::truncate};

std::string name_of(Damage d) {
  switch (d) {
  case Damage::cut_bytes: return "CutBytes";
  case Damage::drop_line: return "DropLine";
  case Damage::repeat_line: return "RepeatLine";
  case Damage::swap_lines: return "SwapLines";
  case Damage::insert_token: return "InsertToken";
  case Damage::swap_names: return "SwapNames";
  case Damage::flip_byte: return "FlipByte";
  case Damage::truncate: return "Truncate";
  }
  return "Unknown";
}

// What a hurried editor or a broken export might leave behind.
const char* const tokens[] = {
    "claim", "rule", "fact", "evidence", "holds", "if", "not", "and", "or", "when", "under", "expect", "assume",
    "import \"../outside.imputa\".", "import \"missing.imputa\".", "use standard", "case", "state", "actor",
    "predicate", "(", ")", "{", "}", ".", ",", ":", "\"", "#", "\n", "\t", "S", "Op", "_", "0.5", "1.5", "-0",
    "0.9..0.1", "99999999999999999999", "2021-13-45", "supports", "contradicts", "confidence", "derived_from",
    "cite \"x\"", "= ", "!=", "<=", "*", "+", "--", "\xff", "\xc3", "attributable(S, S)", "holds p(X, Y, Z)",
};

struct Rng {
  std::mt19937 gen;
  explicit Rng(unsigned seed) : gen(seed) {}
  std::size_t below(std::size_t n) { return n == 0 ? 0 : gen() % n; }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) {
      out.push_back(text.substr(start));
      break;
    }
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() ? "\n" : "");
  return out;
}

std::string damage(std::string text, Damage d, Rng& rng) {
  auto lines = lines_of(text);
  switch (d) {
  case Damage::cut_bytes: {
    std::size_t at = rng.below(text.size());
    text.erase(at, 1 + rng.below(40));
    return text;
  }
  case Damage::drop_line: lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(rng.below(lines.size()))); break;
  case Damage::repeat_line: {
    std::size_t i = rng.below(lines.size());
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(rng.below(lines.size())), lines[i]);
    break;
  }
  case Damage::swap_lines: std::swap(lines[rng.below(lines.size())], lines[rng.below(lines.size())]); break;
  case Damage::insert_token: {
    const std::size_t count = sizeof(tokens) / sizeof(tokens[0]);
    text.insert(rng.below(text.size() + 1), std::string(" ") + tokens[rng.below(count)] + " ");
    return text;
  }
  case Damage::swap_names: { // one identifier where another stood: type and arity confusion
    static const std::regex word("[a-z][a-z0-9_]*");
    std::vector<std::pair<std::size_t, std::string>> words;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it)
      words.emplace_back(static_cast<std::size_t>(it->position()), it->str());
    if (words.size() < 2) return text;
    const auto& [at, old] = words[rng.below(words.size())];
    text.replace(at, old.size(), words[rng.below(words.size())].second);
    return text;
  }
  case Damage::flip_byte: {
    if (text.empty()) return text;
    text[rng.below(text.size())] = static_cast<char>(rng.below(256));
    return text;
  }
  case Damage::truncate: return text.substr(0, rng.below(text.size()));
  }
  return joined(lines);
}

class Mutants : public ::testing::TestWithParam<Damage> {};

// 40 mutants per kind of damage (320 in all), 1 to 3 damages each, from a
// fixed seed: the same files every run, so a failure reproduces (the mutant is
// kept on disk). Under sanitizers the first 20 of each kind: the fuzzers
// (scripts/fuzz.sh) put damaged input under AddressSanitizer far more often.
TEST_P(Mutants, AreJudgedOrDiagnosedInTime) {
  const Damage kind = GetParam();
  auto sources = testing::imputa_files({"examples", "tests/library"});
  ASSERT_GE(sources.size(), 20u);
  std::sort(sources.begin(), sources.end());
  // IMPUTA_MUTANTS and IMPUTA_MUTATION_SEED run a larger or different set by hand.
  const char* count_env = std::getenv("IMPUTA_MUTANTS");
  const char* seed_env = std::getenv("IMPUTA_MUTATION_SEED");
  const int count = count_env ? std::max(1, std::atoi(count_env)) : testing::sanitized ? 20 : 40;
  Rng rng((seed_env ? static_cast<unsigned>(std::atoi(seed_env)) : 1000u) + static_cast<unsigned>(kind));
  auto dir = testing::temp_dir("mutants-" + name_of(kind));
  const std::regex location(R"(\.imputa:[0-9]+:[0-9]+: error: )");
  int outcomes[4] = {0, 0, 0, 0}; // exit 0, 1, 2, other
  for (int k = 0; k < count; ++k) {
    const fs::path& source = sources[rng.below(sources.size())];
    std::string text = testing::read_file(source);
    int damages = 1 + static_cast<int>(rng.below(3));
    for (int d = 0; d < damages; ++d) text = damage(std::move(text), d == 0 ? kind : all_damages[rng.below(8)], rng);
    auto file = dir / (std::to_string(k) + "-" + source.filename().string());
    testing::write_file(file, text);
    auto start = std::chrono::steady_clock::now();
    auto r = run_imputa({"check", file.string()});
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++outcomes[std::clamp(r.exit_code, 0, 3)];
    bool exit_ok = r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 2;
    bool located = r.exit_code != 2 || std::regex_search(r.err, location);
    bool reported = r.exit_code > 1 || !r.out.empty();
    if (exit_ok && located && reported && seconds < 10.0) continue;
    // Keep the mutant where it survives the test run, to reproduce by hand.
    auto kept = fs::temp_directory_path() / "imputa-failed-mutants" / file.filename();
    fs::create_directories(kept.parent_path());
    fs::copy_file(file, kept, fs::copy_options::overwrite_existing);
    SCOPED_TRACE("mutant of " + source.string() + ", kept as " + kept.string());
    EXPECT_TRUE(exit_ok) << "exit " << r.exit_code << "\n" << r.err;
    EXPECT_LT(seconds, 10.0);
    EXPECT_TRUE(located) << "no file:line:col error:\n" << r.err;
    EXPECT_TRUE(reported) << "a verdict needs a report";
  }
  std::cout << "  " << name_of(kind) << ": " << outcomes[0] + outcomes[1] << " judged (exit 0 or 1), " << outcomes[2]
            << " diagnosed (exit 2)\n";
  // Not every damage breaks a file: some mutants must reach the solver, or
  // this would test the parser alone.
  if (kind != Damage::truncate && kind != Damage::flip_byte) {
    EXPECT_GT(outcomes[0] + outcomes[1], 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Damages, Mutants, ::testing::ValuesIn(all_damages),
                         [](const ::testing::TestParamInfo<Damage>& info) { return name_of(info.param); });

} // namespace
} // namespace imputa
