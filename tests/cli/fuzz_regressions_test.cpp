// Replays every input the fuzzers once broke (tests/fuzz/regressions/) through
// the real binary: each must end with exit code 0, 1 or 2, never a crash, and
// what fmt writes must be a fixed point of fmt.
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using testing::run_imputa;

std::vector<fs::path> regressions() {
  std::vector<fs::path> out;
  fs::path dir = testing::source_dir() / "tests/fuzz/regressions";
  if (fs::exists(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

bool clean_exit(int code) { return code == 0 || code == 1 || code == 2; }

TEST(FuzzRegressions, EveryPastCrashEndsCleanly) {
  auto inputs = regressions();
  if (inputs.empty()) GTEST_SKIP() << "no regression inputs yet";
  for (const auto& input : inputs) {
    SCOPED_TRACE(input.filename().string());
    // A copy named *.imputa: fmt may rewrite it.
    fs::path file = testing::temp_dir("fuzz-regression") / "case.imputa";
    fs::copy_file(input, file);
    const std::string path = file.string();

    for (const auto& args : std::vector<std::vector<std::string>>{
             {"lint", path}, {"lint", "--no-library", path}, {"fmt", "--check", path}}) {
      auto r = run_imputa(args);
      EXPECT_TRUE(clean_exit(r.exit_code)) << args[0] << " exited " << r.exit_code << "\n" << r.err;
    }
    // What fmt writes, fmt leaves alone.
    auto formatted = run_imputa({"fmt", path});
    EXPECT_TRUE(clean_exit(formatted.exit_code)) << "fmt exited " << formatted.exit_code << "\n" << formatted.err;
    if (formatted.exit_code == 0) {
      auto again = run_imputa({"fmt", "--check", path});
      EXPECT_EQ(again.exit_code, 0) << "fmt is not a fixed point:\n" << again.out << again.err;
    }
    fs::copy_file(input, file, fs::copy_options::overwrite_existing);
    auto r = run_imputa({"check", "--format", "json", "--timeout-ms", "1000", "--jobs", "1", path});
    EXPECT_TRUE(clean_exit(r.exit_code)) << "check exited " << r.exit_code << "\n" << r.err;
    if (r.exit_code == 0 || r.exit_code == 1) {
      EXPECT_TRUE(nlohmann::json::accept(r.out)) << r.out;
    }
  }
}

} // namespace
} // namespace imputa
