// Grounding checks that lint reports too (docs/language.md §10 (E009), E013).
#include "solver_helpers.hpp"
#include "test_support.hpp"

#include <set>

#include <gtest/gtest.h>

namespace imputa {
namespace {

using testing::run_imputa;
using testing::temp_dir;
using testing::write_file;

const char* cycle = R"(predicate p(operation) "p".
predicate q(operation) "q".
operation o "o".
rule r1 "r1": p(O) if q(O).
rule r2 "r2": q(O) if p(O).
claim c "c" { holds p(o) expect not_established }
)";

TEST(Grounding, LintReportsACycleWithTheChainAndTheRule) {
  auto file = temp_dir("cycle") / "cycle.imputa";
  write_file(file, cycle);
  for (const char* command : {"lint", "check"}) {
    auto r = run_imputa({command, "--no-library", file.string()});
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find(file.string() + ":5:1: error: a conclusion depends on itself after grounding: "
                                         "p(o) -> q(o) -> p(o) [E009]"),
              std::string::npos)
        << r.err;
  }
}

// lint grounds what check grounds: a circle only under a position no claim
// takes refuses neither; selected (by the file, or by check's --doctrine) it
// refuses both, with the same diagnostic.
TEST(Grounding, LintAndCheckAgreeOnWhichPositionsAreGround) {
  const std::string declarations = R"(predicate p(operation) "p".
predicate q(operation) "q".
operation o "o".
doctrine reading = narrow | broad "How far p reaches".
rule r1 "r1": p(O) if q(O).
rule r2 "r2" when reading = broad: q(O) if p(O).
claim c "c" { holds p(o) }
)";
  auto dir = temp_dir("lint-positions");
  write_file(dir / "narrow.imputa", "use doctrine reading = narrow.\n" + declarations);
  write_file(dir / "broad.imputa", "use doctrine reading = broad.\n" + declarations);
  const std::string circle = "a conclusion depends on itself after grounding: p(o) -> q(o) -> p(o) [E009]";
  for (const char* command : {"lint", "check"}) {
    auto narrow = run_imputa({command, "--no-library", (dir / "narrow.imputa").string()});
    EXPECT_EQ(narrow.exit_code, 0) << command << "\n" << narrow.err;
    EXPECT_EQ(narrow.err.find("[E009]"), std::string::npos) << command << "\n" << narrow.err;
    auto broad = run_imputa({command, "--no-library", (dir / "broad.imputa").string()});
    EXPECT_EQ(broad.exit_code, 2) << command;
    EXPECT_NE(broad.err.find(circle), std::string::npos) << command << "\n" << broad.err;
  }
  auto chosen = run_imputa({"check", "--no-library", "--doctrine", "reading=broad", (dir / "narrow.imputa").string()});
  EXPECT_EQ(chosen.exit_code, 2);
  EXPECT_NE(chosen.err.find(circle), std::string::npos) << chosen.err;
}

// The library's predicate-level loop (wrongful act -> countermeasure -> wrongful
// act) is fine while responds_to is acyclic: bodies with a closed atom nothing
// can make true are pruned first.
TEST(Grounding, ClosedAtomsNothingMakesTrueBreakPredicateLoops) {
  auto file = temp_dir("closed-loop") / "loop.imputa";
  write_file(file, R"(state s "S".
state t "T".
operation op "op".
operation cm "cm".
fact responds_to(cm, op).
fact targets(op, s).
fact targets(cm, t).
claim w "w" { holds internationally_wrongful(cm, s) expect not_established }
)");
  auto r = run_imputa({"lint", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Grounding, ACyclicRespondsToIsACycle) {
  auto file = temp_dir("responds-cycle") / "cycle.imputa";
  write_file(file, R"(state s "S".
state t "T".
operation a "a".
operation b "b".
fact responds_to(a, b).
fact responds_to(b, a).
fact targets(a, s).
fact targets(b, t).
claim w "w" { holds internationally_wrongful(a, t) expect not_established }
)");
  auto r = run_imputa({"lint", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("[E009]"), std::string::npos) << r.err;
}

// Every atom named in the claim's "missing to establish it" sets.
std::set<std::string> would_establish_atoms(const testing::Judged& j, const std::string& claim) {
  std::set<std::string> out;
  for (const auto& set : j.grounding(claim).would_establish)
    for (const auto& l : set) out.insert(l.atom);
  return out;
}

// A group the case describes (organised_group) but never connects to this
// operation or state is one more "another actor": judged once, through the
// representative, not as a route of its own. A group the case connects to the
// state stays a route by name, and so does an entity singled out by a closed
// predicate.
TEST(Grounding, EntitiesDescribedButNeverConnectedShareTheRepresentative) {
  const std::string base = "case r \"representatives\"\n" + std::string(testing::standards_block()) + R"(
state s "S".
operation op "The operation".
actor g1 "Group 1".
actor g2 "Group 2".
actor g3 "Group 3".
object o1 "Object 1".
object o2 "Object 2".
predicate performed_by(operation, actor) conduct "Carried out by".
predicate organised_group(actor) "An organised group".
predicate controls(state, actor) "Overall control".
predicate attributed(operation, state) attribution "Attributable".
predicate affects(operation, object) conduct "Affected the object".
predicate military_objective(object) closed "A military objective".
predicate hits_civilians(operation) "Hit a civilian object".
rule r_control "Overall control": attributed(Op, S) if performed_by(Op, A), organised_group(A), controls(S, A).
rule r_civilian "Civilian object": hits_civilians(Op) if affects(Op, O), not military_objective(O).
evidence e_g1 intelligence "Group 1 is organised" { supports organised_group(g1) confidence 0.9 }
evidence e_g2 intelligence "Group 2 is organised" { supports organised_group(g2) confidence 0.9 }
evidence e_c2 intelligence "S controls group 2" { supports controls(s, g2) confidence 0.9 }
fact f_mil: military_objective(o1).
claim c "attributed" { holds attributed(op, s) }
claim h "civilians" { holds hits_civilians(op) }
)";
  auto j = testing::judge_text(base);
  ASSERT_TRUE(j.ok) << j.errors();
  ASSERT_EQ(j.verdict("c"), "not_established");
  auto atoms = would_establish_atoms(j, "c");
  EXPECT_TRUE(atoms.count("performed_by(op, g2)")) << "connected to the state: a route by name";
  EXPECT_TRUE(atoms.count("performed_by(op, <another actor>)"));
  EXPECT_FALSE(atoms.count("performed_by(op, g1)")) << "described, never connected: another actor";
  EXPECT_FALSE(atoms.count("performed_by(op, g3)"));
  // A closed predicate singles o1 out (it is a military objective, not civilian).
  auto civilian = would_establish_atoms(j, "h");
  EXPECT_TRUE(civilian.count("affects(op, <another object>)"));
  EXPECT_FALSE(civilian.count("affects(op, o1)"));
  EXPECT_EQ(j.verdict("h"), "not_established");
}

// Only an entity the case says nothing about makes the representative: when
// every object is described, each stays a route of its own, by name.
TEST(Grounding, WithoutAnUndescribedEntityDescribedOnesStayRoutes) {
  const std::string base = "case r \"representatives\"\n" + std::string(testing::standards_block()) + R"(
operation op "The operation".
object o1 "Object 1".
object o2 "Object 2".
predicate affects(operation, object) conduct "Affected the object".
predicate critical(object) "Critical infrastructure".
predicate damaging(operation) "Damaged critical infrastructure".
rule r_damage "Damage": damaging(Op) if affects(Op, O), critical(O).
)";
  for (const char* described : {"fact f1: critical(o1).\nfact f2: critical(o2).\n", "fact f1: critical(o1).\n"}) {
    SCOPED_TRACE(described);
    auto j = testing::judge_text(base + described + "claim c \"damage\" { holds damaging(op) }\n");
    ASSERT_TRUE(j.ok) << j.errors();
    auto atoms = would_establish_atoms(j, "c");
    bool all_described = std::string(described).find("o2") != std::string::npos;
    EXPECT_EQ(atoms.count("affects(op, o1)"), all_described ? 1u : 0u);
    EXPECT_EQ(atoms.count("affects(op, <another object>)"), all_described ? 0u : 1u);
  }
}

} // namespace
} // namespace imputa
