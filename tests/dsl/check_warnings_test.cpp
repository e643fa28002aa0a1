// Warnings of the static checks: unused declarations and evidence (W101),
// GGE 2015 §28(f) (W28F, W103), accusations without expect (W104),
// stipulated atoms also supported by evidence (W105).
#include "check_helpers.hpp"

#include <gtest/gtest.h>

namespace imputa::testing {
namespace {

std::vector<std::string> described(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(describe(d));
  return out;
}

TEST(CheckWarnings, UnusedDeclarations) {
  auto r = check_text("state fra \"France\".\n"
                      "source bbc \"BBC\".\n"
                      "predicate spied_on(state) \"Someone spied on the state\".\n");
  EXPECT_EQ(described(with_code(r, "W101")),
            (std::vector<std::string>{"1:7 'fra' (a state) is declared but never used",
                                      "2:8 source 'bbc' is declared but no evidence comes from it",
                                      "3:11 predicate 'spied_on' is declared but never used"}));
  EXPECT_FALSE(r.diags.has_errors());
}

// docs/limits.md: declaring an actor the case says nothing about keeps
// "someone else did it" open; named unidentified..., it passes --werror.
TEST(CheckWarnings, AnUnidentifiedEntityIsNeverUnused) {
  auto r = check_text("actor unidentified_actor \"An actor the case cannot name\".\n"
                      "state unidentified \"A state the case cannot name\".\n"
                      "actor bystander \"An actor the case says nothing about\".\n");
  auto found = with_code(r, "W101");
  ASSERT_EQ(found.size(), 1u) << all(r);
  EXPECT_EQ(describe(found[0]), "3:7 'bystander' (an actor) is declared but never used");
  EXPECT_EQ(found[0].hints,
            std::vector<std::string>{"if it is there to keep \"someone else did it\" open, call it unidentified_bystander"});
}

TEST(CheckWarnings, LibraryDeclarationsAreNeverUnused) {
  auto r = check_text("", true);
  EXPECT_TRUE(with_code(r, "W101").empty()) << all(r);
}

TEST(CheckWarnings, EvidenceNoClaimDependsOn) {
  auto r = check_text(vocabulary + "evidence e1 forensic \"x\" {\n"
                                   "  supports targets(notpetya, ukr)\n"
                                   "  confidence likely\n"
                                   "}\n"
                                   "evidence e2 forensic \"y\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence likely\n"
                                   "}\n"
                                   "rule r1 \"organ\": attributable(Op, S) if performed_by(Op, A), organ_of(A, S).\n"
                                   "claim c1 \"c\" {\n"
                                   "  holds attributable(notpetya, rus)\n"
                                   "}\n");
  std::vector<std::string> about_evidence;
  for (const auto& d : with_code(r, "W101"))
    if (d.message.rfind("evidence", 0) == 0) about_evidence.push_back(describe(d));
  EXPECT_EQ(about_evidence, std::vector<std::string>{"11:10 evidence 'e1' bears on nothing any claim depends on"});
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
  EXPECT_EQ(only(r, "W28F"),
            "11:6 rule 'from_origin' concludes 'attributable', an attribution predicate, from origin predicates "
            "alone: under GGE 2015 §28(f) where an operation came from does not by itself show who conducted it, "
            "so this rule does not count for accusations");
  ASSERT_EQ(r.program.rules.size(), 2u);
  EXPECT_TRUE(r.program.rules[0].origin_only);
  EXPECT_FALSE(r.program.rules[1].origin_only);
}

TEST(CheckWarnings, OriginEvidenceForALinkAtom) {
  auto r = check_text(vocabulary + "evidence e4 origin \"Command servers in Russia\" {\n"
                                   "  supports performed_by(notpetya, gru)\n"
                                   "  supports originates_in(notpetya, rus)\n"
                                   "  confidence highly_likely\n"
                                   "}\n");
  EXPECT_EQ(only(r, "W103"),
            "12:12 evidence 'e4' is of kind origin, so it carries no weight for 'performed_by(notpetya, gru)': "
            "under GGE 2015 §28(f) where an operation came from does not by itself show who conducted it or for "
            "whom");
}

TEST(CheckWarnings, AccusationWithoutExpect) {
  auto r = check_text(vocabulary + "claim c1 \"c\" {\n"
                                   "  holds attributable(notpetya, rus)\n"
                                   "  as accusation\n"
                                   "}\n"
                                   "claim c2 \"c\" {\n"
                                   "  holds attributable(notpetya, rus)\n"
                                   "  as accusation\n"
                                   "  expect established\n"
                                   "}\n");
  EXPECT_EQ(only(r, "W104"),
            "11:7 claim 'c1' is an accusation but states no 'expect': say which verdict you expect, so that a "
            "change in the evidence that alters it is noticed");
}

TEST(CheckWarnings, StipulatedAndSupported) {
  auto r = check_text(vocabulary + "fact organ_of(gru, rus) and targets(notpetya, ukr).\n"
                                   "evidence e1 forensic \"x\" {\n"
                                   "  supports targets(notpetya, ukr)\n"
                                   "  confidence likely\n"
                                   "}\n");
  EXPECT_EQ(only(r, "W105"),
            "13:12 'targets(notpetya, ukr)' is stipulated as a fact (at case.imputa:11) and also supported by "
            "evidence 'e1': while the fact stands the evidence changes nothing");
}

TEST(CheckWarnings, ADisjunctionStipulatesNoSingleAtom) {
  auto r = check_text(vocabulary + "fact organ_of(gru, rus) or organ_of(gru, ukr).\n"
                                   "evidence e1 forensic \"x\" {\n"
                                   "  supports organ_of(gru, rus)\n"
                                   "  confidence likely\n"
                                   "}\n");
  EXPECT_TRUE(with_code(r, "W105").empty()) << all(r);
}

} // namespace
} // namespace imputa::testing
