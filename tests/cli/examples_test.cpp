// The shipped examples (examples/**/*.imputa) against their golden reports:
// `imputa check` meets every expect (exit 0) and prints exactly the committed
// .expected text; the report is the same for --jobs 1 and --jobs 4; the JSON
// report parses. Regenerate the goldens with scripts/update-goldens.sh.
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using testing::imputa_files;
using testing::line_diff;
using testing::read_file;
using testing::run_imputa;
using testing::source_dir;

std::vector<fs::path> examples() { return imputa_files({"examples"}); }

std::string name_of(const fs::path& p) { return fs::relative(p, source_dir()).generic_string(); }

TEST(Examples, AtLeastTenCaseStudies) {
  std::size_t top_level = 0;
  for (const auto& p : examples())
    if (p.parent_path() == source_dir() / "examples") ++top_level;
  EXPECT_GE(top_level, 10u);
}

TEST(Examples, EveryExampleHasAGoldenReport) {
  for (const auto& p : examples()) {
    fs::path expected = fs::path(p).replace_extension(".expected");
    EXPECT_TRUE(fs::exists(expected)) << name_of(p) << ": no " << name_of(expected)
                                      << " (run scripts/update-goldens.sh)";
  }
}

TEST(Examples, CheckMatchesGoldenReport) {
  for (const auto& p : examples()) {
    fs::path expected_path = fs::path(p).replace_extension(".expected");
    if (!fs::exists(expected_path)) continue; // reported by EveryExampleHasAGoldenReport
    auto r = run_imputa({"check", p.string(), "--color", "never", "--jobs", "1"});
    EXPECT_EQ(r.exit_code, 0) << name_of(p) << ": an expect is not met\n" << r.out << r.err;
    std::string expected = read_file(expected_path);
    EXPECT_EQ(r.out, expected) << name_of(p) << " differs from " << name_of(expected_path)
                               << " (if the change is intended, run scripts/update-goldens.sh):\n"
                               << line_diff(expected, r.out);
  }
}

// Under sanitizers, ReportIndependentOfJobs and JsonReportParses take
// complementary halves of the examples (CheckMatchesGoldenReport runs each one).
TEST(Examples, ReportIndependentOfJobs) {
  std::size_t seen = 0;
  for (const auto& p : examples()) {
    if (!testing::in_sanitized_half(seen++, 0)) continue;
    auto one = run_imputa({"check", p.string(), "--color", "never", "--jobs", "1"});
    auto four = run_imputa({"check", p.string(), "--color", "never", "--jobs", "4"});
    EXPECT_EQ(one.exit_code, four.exit_code) << name_of(p);
    EXPECT_EQ(one.out, four.out) << name_of(p) << ": --jobs 1 and --jobs 4 differ:\n"
                                 << line_diff(one.out, four.out);
  }
}

TEST(Examples, JsonReportParses) {
  std::size_t seen = 0;
  for (const auto& p : examples()) {
    if (!testing::in_sanitized_half(seen++, 1)) continue;
    auto r = run_imputa({"check", p.string(), "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << name_of(p) << "\n" << r.err;
    nlohmann::json report;
    try {
      report = nlohmann::json::parse(r.out);
    } catch (const nlohmann::json::parse_error& e) {
      ADD_FAILURE() << name_of(p) << ": JSON report does not parse: " << e.what();
      continue;
    }
    EXPECT_EQ(report.value("format", ""), "imputa-report/1") << name_of(p);
  }
}

} // namespace
} // namespace imputa

namespace imputa {
namespace {

// GGE 2015 §28(f), "accusations should be substantiated": `compare` shows each
// NotPetya accusation an official statement bears on under both readings, and
// on the February 2018 record (governments' statements) the stricter reading
// leaves it unsubstantiated.
TEST(Examples, CompareShowsNotPetyaUnderBothSubstantiationPositions) {
  auto r = testing::run_imputa({"compare", (testing::source_dir() / "examples/notpetya_2017.imputa").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto block = [&](const std::string& claim) {
    auto start = r.out.find("\n" + claim + ":");
    if (start == std::string::npos) return std::string();
    auto end = r.out.find("\n\n", start + 1);
    return r.out.substr(start, end == std::string::npos ? std::string::npos : end - start);
  };
  std::string feb = block("attribution_2018");
  ASSERT_FALSE(feb.empty()) << r.out;
  EXPECT_NE(feb.find("substantiation"), std::string::npos) << feb;
  EXPECT_NE(feb.find("statements_suffice  ESTABLISHED"), std::string::npos) << feb;
  EXPECT_NE(feb.find("disclosed_evidence  UNSUBSTANTIATED"), std::string::npos) << feb;
  // On the full record both readings agree: one line, not a table of equal rows.
  std::string main = block("attribution");
  EXPECT_NE(main.find("the same verdict under every alternative of control, substantiation: ESTABLISHED"),
            std::string::npos)
      << main;
}

} // namespace
} // namespace imputa
