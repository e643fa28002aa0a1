// Other routes to a verdict as a user reads them: `check` lists up to two
// beside "because:" ("also established by:"), `explain` up to nine more and
// says how many it leaves out ("add --all"), `--all` lists them all; JSON and
// Markdown carry the same. The golden report is tests/cli/routes/*.expected.
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace imputa {
namespace {

using testing::line_diff;
using testing::read_file;
using testing::run_imputa;
using testing::source_dir;
using testing::temp_dir;
using testing::write_file;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Regenerate with: build/cli/imputa check tests/cli/routes/three_sources.imputa --color never
//   > tests/cli/routes/three_sources.expected (and read the diff: is each route really independent?)
TEST(OtherRoutes, CheckListsTheOtherSourcesBesideTheFirst) {
  const std::string file = "tests/cli/routes/three_sources.imputa";
  auto r = run_imputa({"check", file, "--color", "never", "--jobs", "1"}, "", source_dir());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string expected = read_file(source_dir() / "tests/cli/routes/three_sources.expected");
  EXPECT_EQ(r.out, expected) << line_diff(expected, r.out);
  // The victim's CERT repeats the victim (derived_from): one body, never a route of its own.
  EXPECT_EQ(count(r.out, "e_victim_cert"), 0u) << r.out;
  EXPECT_EQ(count(r.out, "also established by:"), 2u) << r.out;
  EXPECT_EQ(count(r.out, "also refuted by:"), 2u) << r.out;
}

// A case with `n` independent sources, each enough on its own.
std::string many_sources(int n) {
  std::string text = "state victim \"The victim\".\nstate rus \"Russian Federation\".\nactor gru \"GRU\".\n"
                     "operation op \"The operation\".\nfact organ_of(gru, rus).\n";
  for (int i = 1; i <= n; ++i) {
    const std::string k = std::to_string(i);
    text += "source s" + k + " \"Source " + k + "\".\n";
    text += "evidence e" + (i < 10 ? "0" + k : k) + " forensic \"Finding " + k +
            "\" { supports performed_by(op, gru) confidence highly_likely source s" + k + " }\n";
  }
  return text + "claim attribution \"Russia's act\" { holds attributable(op, rus) expect established }\n";
}

TEST(OtherRoutes, ExplainCutsAtTenRoutesAndAllListsEveryOne) {
  auto dir = temp_dir("other_routes");
  write_file(dir / "many.imputa", many_sources(12));
  auto check = run_imputa({"check", "many.imputa", "--color", "never"}, "", dir);
  ASSERT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(count(check.out, "  also established by:\n"), 2u) << check.out;
  EXPECT_NE(check.out.find("  and more routes: imputa explain lists them\n"), std::string::npos) << check.out;

  auto explain = run_imputa({"explain", "many.imputa", "attribution", "--color", "never"}, "", dir);
  ASSERT_EQ(explain.exit_code, 0) << explain.out << explain.err;
  EXPECT_EQ(count(explain.out, "  because:\n"), 1u) << explain.out;
  EXPECT_EQ(count(explain.out, "  also established by:\n"), 9u) << explain.out;
  EXPECT_NE(explain.out.find("  and 2 more routes: add --all to list them\n"), std::string::npos) << explain.out;

  auto all = run_imputa({"explain", "many.imputa", "attribution", "--all", "--color", "never"}, "", dir);
  ASSERT_EQ(all.exit_code, 0) << all.out << all.err;
  EXPECT_EQ(count(all.out, "  also established by:\n"), 11u) << all.out;
  EXPECT_EQ(all.out.find("more route"), std::string::npos) << all.out;
  // Every source appears exactly once over the twelve routes.
  for (int i = 1; i <= 12; ++i) {
    const std::string id = i < 10 ? "e0" + std::to_string(i) : "e" + std::to_string(i);
    EXPECT_EQ(count(all.out, "evidence " + id + " "), 1u) << id << "\n" << all.out;
  }
}

TEST(OtherRoutes, OneSourceGivesNoOtherRoute) {
  auto dir = temp_dir("one_route");
  write_file(dir / "one.imputa", many_sources(1));
  auto r = run_imputa({"explain", "one.imputa", "attribution", "--color", "never"}, "", dir);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("also established by"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("more route"), std::string::npos) << r.out;
}

TEST(OtherRoutes, JsonAndMarkdownCarryTheRoutes) {
  auto dir = temp_dir("routes_formats");
  write_file(dir / "many.imputa", many_sources(4));
  auto r = run_imputa({"check", "many.imputa", "--format", "json"}, "", dir);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const auto& also = j["files"][0]["claims"][0]["also_supports"];
  ASSERT_EQ(also["routes"].size(), 2u) << also.dump(2);
  EXPECT_EQ(also["left_out"], 1);
  EXPECT_EQ(also["complete"], false); // check stops one past its bound
  EXPECT_EQ(also["time_ran_out"], false);
  EXPECT_EQ(also["routes"][0]["support"].size(), 4u) << also.dump(2); // the fact, the item, the rule, the presumption
  EXPECT_EQ(j["files"][0]["claims"][0]["groundings"][0]["also_supports"], also);

  auto explain = run_imputa({"explain", "many.imputa", "attribution", "--format", "json"}, "", dir);
  auto e = nlohmann::json::parse(explain.out)["files"][0]["claims"][0]["also_supports"];
  EXPECT_EQ(e["routes"].size(), 3u);
  EXPECT_EQ(e["left_out"], 0);
  EXPECT_EQ(e["complete"], true);

  auto md = run_imputa({"check", "many.imputa", "--format", "markdown"}, "", dir);
  EXPECT_EQ(count(md.out, "**Also established by:**"), 2u) << md.out;
  EXPECT_NE(md.out.find("**And more routes:** imputa explain lists them"), std::string::npos) << md.out;
}

} // namespace
} // namespace imputa
