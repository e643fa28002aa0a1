// Static checks on written values: the calendar. What `imputa check` prints
// for impossible values (E011) and block fields (E012) is in tests/dsl/errors/.
#include "check_helpers.hpp"

#include <gtest/gtest.h>

namespace imputa::testing {
namespace {

std::string evidence_with(const std::string& line) {
  return vocabulary + "evidence e1 forensic \"x\" {\n"
                      "  supports organ_of(gru, rus)\n"
                      "  confidence likely\n" +
         line + "\n}\n";
}

TEST(CheckValues, LeapYears) {
  EXPECT_TRUE(with_code(check_text(evidence_with("  date 2020-02-29")), "E011").empty());
  EXPECT_TRUE(with_code(check_text(evidence_with("  date 2000-02-29")), "E011").empty());
  EXPECT_EQ(with_code(check_text(evidence_with("  date 1900-02-29")), "E011").size(), 1u);
  EXPECT_EQ(with_code(check_text(evidence_with("  date 2018-04-31")), "E011").size(), 1u);
  EXPECT_EQ(with_code(check_text(evidence_with("  date 2018-13-01")), "E011").size(), 1u);
}

} // namespace
} // namespace imputa::testing
