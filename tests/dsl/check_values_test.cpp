// Static checks on written values (E011) and on block fields (E012).
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

TEST(CheckValues, EmptyInterval) {
  auto r = check_text(vocabulary + "fact harm(notpetya) = 5..2.\n");
  EXPECT_EQ(only(r, "E011"), "11:23 interval 5..2 is empty: the lower end must not exceed the upper end");
}

TEST(CheckValues, NotACalendarDate) {
  auto r = check_text(evidence_with("  date 2018-02-29"));
  EXPECT_EQ(only(r, "E011"), "14:3 2018-02-29 is not a calendar date");
}

TEST(CheckValues, LeapYears) {
  EXPECT_TRUE(with_code(check_text(evidence_with("  date 2020-02-29")), "E011").empty());
  EXPECT_TRUE(with_code(check_text(evidence_with("  date 2000-02-29")), "E011").empty());
  EXPECT_EQ(with_code(check_text(evidence_with("  date 1900-02-29")), "E011").size(), 1u);
  EXPECT_EQ(with_code(check_text(evidence_with("  date 2018-04-31")), "E011").size(), 1u);
  EXPECT_EQ(with_code(check_text(evidence_with("  date 2018-13-01")), "E011").size(), 1u);
}

TEST(CheckValues, BadDateInAClaim) {
  auto r = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  holds organ_of(gru, rus)\n"
                                   "  as_of 2019-02-29\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E011"), "13:3 2019-02-29 is not a calendar date");
}

TEST(CheckValues, ConfidenceOutsideZeroToOne) {
  auto r = check_text(vocabulary + "evidence e1 forensic \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence 1.2\n"
                                   "}\n"
                                   "evidence e2 forensic \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence 0.5..1.5\n"
                                   "}\n");
  auto found = with_code(r, "E011");
  ASSERT_EQ(found.size(), 2u) << all(r);
  EXPECT_EQ(describe(found[0]), "13:14 confidence 1.2 is outside 0..1");
  EXPECT_EQ(describe(found[1]), "17:14 confidence 0.5..1.5 is outside 0..1");
}

TEST(CheckValues, StandardThresholdOutsideZeroToOne) {
  auto r = check_text("standard strict 1.5 \"Too strict\".\n"
                      "standard odd 0.9 contrary_below 2 \"Odd\".\n");
  auto found = with_code(r, "E011");
  ASSERT_EQ(found.size(), 2u) << all(r);
  EXPECT_EQ(describe(found[0]), "1:17 the threshold of standard 'strict' must be between 0 and 1, not 1.5");
  EXPECT_EQ(describe(found[1]), "2:33 contrary_below of standard 'odd' must be between 0 and 1, not 2");
}

TEST(CheckValues, EvidenceWithoutBearing) {
  auto r = check_text(vocabulary + "evidence e1 forensic \"x\" {\n"
                                   "  confidence likely\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E012"),
            "11:10 evidence 'e1' supports or contradicts nothing: add a 'supports' or 'contradicts' line");
}

TEST(CheckValues, EvidenceWithoutConfidence) {
  auto r = check_text(vocabulary + "evidence e1 forensic \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E012"),
            "11:10 evidence 'e1' has no 'confidence': say how strong it is, e.g. 'confidence likely'");
}

TEST(CheckValues, ClaimWithoutHolds) {
  auto r = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  expect established\n"
                                   "}\n");
  EXPECT_EQ(only(r, "E012"), "11:7 claim 'c1' has no 'holds' line: say what the claim asserts");
}

TEST(CheckValues, FieldGivenTwice) {
  auto r = check_text(evidence_with("  confidence 0.9"));
  EXPECT_EQ(only(r, "E012"), "14:3 evidence 'e1' has two 'confidence' lines (the first at line 13)");

  auto c = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  holds organ_of(gru, rus)\n"
                                   "  holds organ_of(gru, ukr)\n"
                                   "}\n");
  EXPECT_EQ(only(c, "E012"), "13:3 claim 'c1' has two 'holds' lines (the first at line 12)");
}

TEST(CheckValues, FieldThatBelongsToTheOtherBlock) {
  auto r = check_text(evidence_with("  holds organ_of(gru, rus)"));
  EXPECT_EQ(only(r, "E012"), "14:3 field 'holds' does not belong in an evidence block");

  auto c = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  holds organ_of(gru, rus)\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "}\n");
  EXPECT_EQ(only(c, "E012"), "13:3 field 'supports' does not belong in a claim block");
}

TEST(CheckValues, SelectionMadeTwice) {
  auto r = check_text("standard strict 0.9 \"Strict\".\n"
                      "use standard strict.\n"
                      "use standard strict.\n");
  EXPECT_EQ(only(r, "E012"), "3:1 the standard of proof is chosen twice (first at line 2)");
}

} // namespace
} // namespace imputa::testing
