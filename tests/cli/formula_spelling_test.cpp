// One spelling of formulas: a claim is reported as its author wrote it, with
// the formatter's parentheses, so `not (harm < 5)` never reads `(not harm) < 5`.
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace imputa {
namespace {
namespace fs = std::filesystem;

TEST(FormulaSpelling, ANegatedComparisonKeepsItsParentheses) {
  fs::path dir = testing::temp_dir("formula-spelling");
  fs::path file = dir / "case.imputa";
  testing::write_file(file, R"(operation op "The operation".

fact expected_civilian_harm(op) = 2..3.

claim small_harm "The expected civilian harm is not small" {
  holds not (expected_civilian_harm(op) < 5)
  expect refuted
}
)");
  auto r = testing::run_imputa({"check", file.string(), "--color", "never"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("claim: not (expected_civilian_harm(op) < 5)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("not expected_civilian_harm(op) < 5"), std::string::npos) << r.out;
  // The formatter spells it the same way: the file as written is already canonical.
  auto formatted = testing::run_imputa({"fmt", "--check", file.string()});
  EXPECT_EQ(formatted.exit_code, 0) << formatted.out << formatted.err;
}

} // namespace
} // namespace imputa
