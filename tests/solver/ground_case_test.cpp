// A case ground once (imputa/ground_case.hpp) is judged as judge() judges it
// under what-ifs that need no new grounding: each evidence item or fact
// dropped, each standard of proof, each evidence date, verdicts without their
// reasons, and some claims only;
// the whole report, reasons included, for every example, on the grounding of
// the file's doctrines and on that of overall control. A claim judged alone on it is
// reported as it is when every claim is judged (as judge() with one claim
// reports it: tests/cli/claim_alone_test.cpp).
#include "imputa/ground_case.hpp"
#include "render.hpp"
#include "solver_helpers.hpp"
#include "test_support.hpp"

#include <set>

namespace imputa::testing {
namespace {

// What-ifs on top of `base` that keep its grounding: the first items and
// facts dropped, the weakest and the strongest standard, the first and the
// last date of the evidence (each kind, not every value: the suite runs on
// two loaded cores).
std::vector<JudgeOptions> what_ifs(const Program& program, const JudgeOptions& base) {
  std::vector<JudgeOptions> out{base};
  std::vector<std::string> drops;
  for (std::size_t i = 0; i < program.evidence.size() && i < 3; ++i) drops.push_back(program.evidence[i].id);
  for (const auto& f : program.facts)
    if (f.label && drops.size() < 4) drops.push_back(*f.label);
  for (const auto& id : drops) {
    JudgeOptions o = base;
    o.drop = {id};
    out.push_back(o);
  }
  if (!drops.empty()) { // verdicts without their reasons (serve: the claims not shown)
    JudgeOptions o = base;
    o.drop = {drops.front()};
    o.reasons = false;
    out.push_back(o);
  }
  for (const char* name : {"reasonable_suspicion", "fully_conclusive"})
    if (program.standards.count(name)) {
      JudgeOptions o = base;
      o.standard = name;
      o.standard_overrides_claims = true;
      out.push_back(o);
    }
  std::set<ast::Date> dates;
  for (const auto& e : program.evidence)
    if (e.date) dates.insert(*e.date);
  if (!dates.empty())
    for (const auto& d : {*dates.begin(), *dates.rbegin()}) {
      JudgeOptions o = base;
      o.as_of = d;
      out.push_back(o);
    }
  return out;
}

std::string describe(const JudgeOptions& o) {
  std::string s;
  for (const auto& [f, a] : o.doctrine) s += " doctrine " + f + "=" + a;
  for (const auto& d : o.drop) s += " drop " + d;
  if (o.standard) s += " standard " + *o.standard;
  if (o.as_of) s += " as of " + std::to_string(o.as_of->year) + "-" + std::to_string(o.as_of->month);
  for (const auto& c : o.claims) s += " claim " + c;
  if (!o.reasons) s += " without reasons";
  return s;
}

void expect_same(const Program& program, const GroundCase& ground, const JudgeOptions& o, const std::string& file) {
  Diagnostics d;
  const std::string once = render::json({{file, judge(ground, o)}}, {});
  const std::string each = render::json({{file, judge(program, o, d)}}, {});
  ASSERT_FALSE(d.has_errors()) << file;
  EXPECT_EQ(once, each) << file << describe(o) << "\n" << line_diff(each, once);
}

TEST(GroundCase, JudgesEveryExampleAsJudgeDoesUnderWhatIfsThatKeepItsGrounding) {
  auto files = imputa_files({"examples"});
  ASSERT_GE(files.size(), 10u);
  for (std::size_t f = 0; f < files.size(); ++f) {
    const auto& file = files[f];
    CheckedCase checked = checked_case(file);
    const Program& program = checked.program;
    ASSERT_FALSE(checked.diags.has_errors()) << file;
    // The file's doctrines, and overall control over every claim's.
    std::vector<JudgeOptions> bases(2);
    bases[1].doctrine["control"] = "overall_control";
    bases[1].doctrine_overrides_claims = true;
    for (std::size_t b = 0; b < bases.size(); ++b) {
      if (!in_sanitized_share(f + b, 4, 0)) continue; // under sanitizers, one grounding of every other example
      JudgeOptions base = bases[b];
      base.jobs = 2;
      base.timeout = std::chrono::minutes(2); // no claim may run out of time: both must answer
      auto ground = ground_case(program, base, checked.diags);
      ASSERT_TRUE(ground) << file;
      const auto list = what_ifs(program, base);
      for (std::size_t k = 0; k < list.size(); ++k) {
        expect_same(program, *ground, list[k], file.string());
        if (k == 1 && base.doctrine.empty()) { // each claim alone, with the first item dropped
          Diagnostics d;
          const Report all = judge(program, list[k], d);
          ASSERT_EQ(all.claims.size(), program.claims.size()) << file;
          for (std::size_t c = 0; c < program.claims.size(); ++c) {
            JudgeOptions one = list[k];
            one.claims = {program.claims[c].id};
            Report alone = judge(*ground, one);
            Report expected = all;
            expected.claims = {all.claims[c]};
            EXPECT_EQ(render::json({{file.string(), alone}}, {}), render::json({{file.string(), expected}}, {}))
                << file << describe(one);
          }
        }
      }
    }
  }
}

} // namespace
} // namespace imputa::testing
