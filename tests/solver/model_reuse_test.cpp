// Four ways of answering a check faster change no report: a check answered
// SAT from a model found earlier in the claim's session, as it stands or
// with two entities swapped (solver/smt/smt.cpp, satisfied_by_kept() and
// rotated_kept(); JudgeOptions::reuse_models_from), one answered UNSAT from
// an earlier answer's core (JudgeOptions::reuse_cores_from), a rule's bodies
// encoded as a product of independent parts (solver/smt/factor.hpp;
// JudgeOptions::products_from), and a burden of proof decided in a session
// of its component alone (solver/judge/premises.cpp, burden_session();
// JudgeOptions::burden_sessions_from). Every example and
// library case, and generated campaigns of both corpora, are judged with
// every reason twice, taking the way on every cone and never, and each
// grounding's reasons must agree (for burden sessions, the small generated
// campaigns too: GeneratedCases.BurdenSessionsChangeNoReasonOfCampaigns).
#include "solver_helpers.hpp"
#include "test_support.hpp"

#include <cstdint>

namespace imputa::testing {
namespace {

// A way of answering checks: JudgeOptions' field that sets from which cone size it is taken.
using Way = std::size_t JudgeOptions::*;

void expect_same_reports(const Program& program, const std::string& what, Way way) {
  JudgeOptions always;
  always.*way = 0;
  always.timeout = std::chrono::milliseconds(120000);
  JudgeOptions never = always;
  never.*way = SIZE_MAX;
  Diagnostics d1, d2;
  const Report with = judge(program, always, d1);
  const Report without = judge(program, never, d2);
  ASSERT_FALSE(d1.has_errors() || d2.has_errors()) << what;
  expect_same_reasons(with, without, what);
}

void expect_same_reports_on_every_case(Way way) {
  auto files = imputa_files({"examples", "tests/library"});
  ASSERT_GE(files.size(), 30u);
  for (const auto& file : files) {
    const CheckedCase c = checked_case(file);
    ASSERT_FALSE(c.diags.has_errors()) << file;
    expect_same_reports(c.program, file.string(), way);
  }
}

void expect_same_reports_on_corpora(Way way) {
  for (bool contested : {false, true}) {
    std::vector<std::string> args = {"30", "3"};
    if (contested) args.push_back("--contested");
    const CheckedCase c = corpus_case(args);
    ASSERT_FALSE(c.diags.has_errors());
    expect_same_reports(c.program, std::string("corpus 30 3") + (contested ? " --contested" : ""), way);
  }
}

TEST(ModelReuse, ChangesNoReasonOfAnyExampleOrLibraryCase) {
  expect_same_reports_on_every_case(&JudgeOptions::reuse_models_from);
}

TEST(ModelReuse, ChangesNoReasonOfBenchCorpora) { expect_same_reports_on_corpora(&JudgeOptions::reuse_models_from); }

// Checks answered UNSAT from an earlier answer's core (Session::check).
TEST(CoreReuse, ChangesNoReasonOfAnyExampleOrLibraryCase) {
  expect_same_reports_on_every_case(&JudgeOptions::reuse_cores_from);
}

TEST(CoreReuse, ChangesNoReasonOfBenchCorpora) { expect_same_reports_on_corpora(&JudgeOptions::reuse_cores_from); }

// Bodies encoded as a product of independent parts (solver/smt/factor.hpp).
TEST(Products, ChangeNoReasonOfAnyExampleOrLibraryCase) {
  expect_same_reports_on_every_case(&JudgeOptions::products_from);
}

TEST(Products, ChangeNoReasonOfBenchCorpora) { expect_same_reports_on_corpora(&JudgeOptions::products_from); }

TEST(BurdenSessions, ChangeNoReasonOfAnyExampleOrLibraryCase) {
  expect_same_reports_on_every_case(&JudgeOptions::burden_sessions_from);
}

TEST(BurdenSessions, ChangeNoReasonOfBenchCorpora) {
  expect_same_reports_on_corpora(&JudgeOptions::burden_sessions_from);
}

} // namespace
} // namespace imputa::testing
