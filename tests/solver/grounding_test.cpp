// Grounding checks that lint reports too (language.md E009, E013).
#include "test_support.hpp"

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

} // namespace
} // namespace imputa
