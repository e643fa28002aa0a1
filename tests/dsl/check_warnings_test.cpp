// Warnings of the static checks, where more than the printed text matters:
// what is never reported, and the rules W28F marks in the program. What `imputa
// check` prints for W101, W28F, W103, W104 and W105 is in tests/dsl/errors/.
#include "check_helpers.hpp"

#include <gtest/gtest.h>

namespace imputa::testing {
namespace {

TEST(CheckWarnings, LibraryDeclarationsAreNeverUnused) {
  auto r = check_text("", true);
  EXPECT_TRUE(with_code(r, "W101").empty()) << all(r);
}

TEST(CheckWarnings, EntitiesAClaimVariableRangesOverAreUsed) {
  auto r = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  holds attributable(notpetya, S)\n"
                                   "}\n");
  std::vector<std::string> entities;
  for (const auto& d : with_code(r, "W101"))
    if (d.message.find("is declared but never used") != std::string::npos && d.message.rfind("predicate", 0) != 0)
      entities.push_back(describe(d));
  // rus and ukr are states, the domain of S; the actor gru is not.
  EXPECT_EQ(entities, std::vector<std::string>{"9:7 'gru' (an actor) is declared but never used"});
}

TEST(CheckWarnings, AttributionFromOriginAlone) {
  auto r = check_text(vocabulary +
                      "rule from_origin \"origin only\": attributable(Op, S) if originates_in(Op, S).\n"
                      "rule mixed \"origin and conduct\": attributable(Op, S) if originates_in(Op, S), "
                      "performed_by(Op, S).\n");
  EXPECT_EQ(with_code(r, "W28F").size(), 1u) << all(r);
  ASSERT_EQ(r.program.rules.size(), 2u);
  EXPECT_TRUE(r.program.rules[0].origin_only);
  EXPECT_FALSE(r.program.rules[1].origin_only);
}

TEST(CheckWarnings, ADisjunctionStipulatesNoSingleAtom) {
  auto r = check_text(vocabulary + "fact organ_of(gru, rus) or organ_of(gru, ukr).\n"
                                   "evidence e1 forensic \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence likely\n"
                                   "}\n");
  EXPECT_TRUE(with_code(r, "W105").empty()) << all(r);
}

// In an accusation a stipulated link is set aside and the evidence weighed
// (docs/language.md): W105 must not say the evidence changes nothing there.
TEST(CheckWarnings, StipulatedLinkWithEvidenceNamesTheAccusationException) {
  const std::string evidence = "fact performed_by(notpetya, gru).\n"
                               "evidence e1 forensic \"x\" {\n"
                               "  supports performed_by(notpetya, gru)\n"
                               "  confidence likely\n"
                               "}\n";
  const std::string exception = "except in the claims `as accusation`";
  auto assessed = check_text(vocabulary + evidence + "claim c \"c\" { holds performed_by(notpetya, gru) }\n");
  ASSERT_EQ(with_code(assessed, "W105").size(), 1u) << all(assessed);
  EXPECT_EQ(with_code(assessed, "W105")[0].message.find(exception), std::string::npos) << all(assessed);
  auto accused =
      check_text(vocabulary + evidence + "claim c \"c\" { holds performed_by(notpetya, gru) as accusation }\n");
  ASSERT_EQ(with_code(accused, "W105").size(), 1u) << all(accused);
  EXPECT_NE(with_code(accused, "W105")[0].message.find(exception), std::string::npos) << all(accused);
}

} // namespace
} // namespace imputa::testing
