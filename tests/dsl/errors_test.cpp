// Expected diagnostics as files, as Soufflé keeps its semantic-error tests:
// every tests/dsl/errors/NAME.imputa is run as a user runs it, `imputa check
// NAME.imputa` from that folder, and what it prints on stderr must be exactly
// NAME.err. A file with an error stops with exit code 2 and no report; one with
// warnings only is still judged (exit 0). Every code of docs/language.md has
// at least one case. Regenerate the .err files with scripts/update-goldens.sh.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace imputa::testing {
namespace {
namespace fs = std::filesystem;

fs::path errors_dir() { return source_dir() / "tests" / "dsl" / "errors"; }

// The cases: top-level files only; files in subfolders are what they import.
std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(errors_dir()))
    if (entry.is_regular_file() && entry.path().extension() == ".imputa") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class ErrorFile : public ::testing::TestWithParam<std::string> {};

TEST_P(ErrorFile, CheckPrintsExactlyTheExpectedDiagnostics) {
  const std::string name = GetParam();
  const fs::path expected_path = errors_dir() / (name + ".err");
  ASSERT_TRUE(fs::exists(expected_path)) << "no " << name << ".err beside " << name
                                         << ".imputa (run scripts/update-goldens.sh)";
  const std::string expected = read_file(expected_path);
  auto r = run_imputa({"check", name + ".imputa", "--color", "never"}, "", errors_dir());
  EXPECT_EQ(r.err, expected) << "tests/dsl/errors/" << name << ".err differs from what `imputa check` prints "
                             << "(if the change is intended, run scripts/update-goldens.sh and review the diff):\n"
                             << line_diff(expected, r.err);
  if (expected.find(": error: ") != std::string::npos) {
    EXPECT_EQ(r.exit_code, 2) << "an error must stop the run with exit code 2\n" << r.err;
    EXPECT_EQ(r.out, "") << "an error must stop the run before any report";
  } else {
    EXPECT_EQ(r.exit_code, 0) << "warnings alone must not stop the run\n" << r.err << r.out;
    EXPECT_NE(r.out, "") << "warnings alone must not stop the report";
  }
}

INSTANTIATE_TEST_SUITE_P(Errors, ErrorFile, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// Every diagnostic code docs/language.md lists ("| E001 |", "| W28F |") is
// printed by at least one case, so a code no test reaches is noticed.
TEST(ErrorFiles, EveryDocumentedCodeHasACase) {
  const std::regex table_row(R"(\| ([EW][0-9A-Z]{3}) \|)");
  std::set<std::string> codes;
  const std::string language = read_file(source_dir() / "docs" / "language.md");
  for (std::sregex_iterator it(language.begin(), language.end(), table_row), end;
       it != end; ++it)
    codes.insert((*it)[1]);
  ASSERT_GE(codes.size(), 18u) << "the tables of codes in docs/language.md were not found";
  std::string printed;
  for (const auto& name : case_names()) printed += read_file(errors_dir() / (name + ".err"));
  for (const auto& code : codes)
    EXPECT_NE(printed.find("[" + code + "]"), std::string::npos)
        << code << " is documented in docs/language.md but no tests/dsl/errors/*.err shows it: add a case";
}

TEST(ErrorFiles, NoExpectedDiagnosticsWithoutTheirCase) {
  for (const auto& entry : fs::directory_iterator(errors_dir())) {
    if (entry.path().extension() != ".err") continue;
    EXPECT_TRUE(fs::exists(fs::path(entry.path()).replace_extension(".imputa")))
        << entry.path().filename() << " has no case file beside it";
  }
}

} // namespace
} // namespace imputa::testing
