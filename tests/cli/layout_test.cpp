// Every case file shipped in the repository is in the canonical layout of
// `imputa fmt` (docs/language.md §13), so `fmt --check` passes on the project itself.
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace imputa {
namespace {

TEST(Layout, ShippedCaseFilesAreFormatted) {
  std::vector<std::string> args{"fmt", "--check"};
  for (const auto& f : testing::imputa_files({"examples", "tests/library", "dsl/lib"})) args.push_back(f.string());
  ASSERT_GT(args.size(), 30u);
  auto r = testing::run_imputa(args);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
}

} // namespace
} // namespace imputa
