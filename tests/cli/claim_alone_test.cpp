// A claim's report does not depend on which claims a run judges (issue 15,
// docs/decisions.md): for every claim of every example, `imputa check FILE
// --claim X` and `imputa explain FILE X` report X as `imputa check FILE` does;
// explain differs only in listing more of the other routes.
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using testing::imputa_files;
using testing::line_diff;
using testing::run_imputa;
using testing::source_dir;

std::string name_of(const fs::path& p) { return fs::relative(p, source_dir()).generic_string(); }

// The claims of `imputa ARGS --format json` (one file), by their order in the report.
json claims_of(std::vector<std::string> args, const std::string& what) {
  args.insert(args.end(), {"--format", "json", "--jobs", "1"});
  auto r = run_imputa(args);
  EXPECT_EQ(r.exit_code, 0) << what << "\n" << r.err;
  json report = json::parse(r.out, nullptr, false);
  if (report.is_discarded() || !report.contains("files") || report["files"].size() != 1) {
    ADD_FAILURE() << what << ": not a report of one file\n" << r.out;
    return json::array();
  }
  return report["files"][0]["claims"];
}

// The one claim of a run that names it.
json alone(std::vector<std::string> args, const std::string& what) {
  json claims = claims_of(std::move(args), what);
  if (claims.size() != 1) {
    ADD_FAILURE() << what << ": " << claims.size() << " claims reported, not one";
    return json::object();
  }
  return claims[0];
}

void expect_same(const json& whole, const json& one, const std::string& what) {
  EXPECT_EQ(whole, one) << what << " differs from its entry in the report of every claim:\n"
                        << line_diff(whole.dump(1), one.dump(1));
}

TEST(ClaimAlone, CheckOneClaimReportsItAsCheckOfEveryClaim) {
  const auto files = imputa_files({"examples"});
  ASSERT_GE(files.size(), 10u);
  std::size_t claims = 0, seen = 0;
  for (const auto& file : files) {
    for (const auto& whole : claims_of({"check", file.string()}, name_of(file))) {
      if (!testing::in_sanitized_share(seen++, 4, 0)) continue; // under sanitizers one in four; explain another
      const std::string id = whole["id"];
      expect_same(whole, alone({"check", file.string(), "--claim", id}, name_of(file) + " --claim " + id),
                  "check " + name_of(file) + " --claim " + id);
      ++claims;
    }
  }
  EXPECT_GE(claims, testing::sanitized ? 22u : 90u); // every claim of every example was compared (a quarter under sanitizers)
}

// Explain looks for up to ten routes where check looks for three, and counts
// the rest: the other routes check lists come first in explain's list (the
// claim's own `also_supports` and each grounding's); all else is the same.
void expect_routes_first(json& checked, json& explained, const std::string& what) {
  const json& routes = checked["routes"];
  ASSERT_LE(routes.size(), explained["routes"].size()) << what;
  for (std::size_t r = 0; r < routes.size(); ++r)
    EXPECT_EQ(routes[r], explained["routes"][r]) << what << ": other route " << r + 1;
  checked = nullptr; // compared here
  explained = nullptr;
}

TEST(ClaimAlone, ExplainReportsTheClaimAsCheckOfEveryClaim) {
  const auto files = imputa_files({"examples"});
  ASSERT_GE(files.size(), 10u);
  std::size_t seen = 0;
  for (const auto& file : files) {
    for (auto whole : claims_of({"check", file.string()}, name_of(file))) {
      if (!testing::in_sanitized_share(seen++, 4, 2)) continue; // under sanitizers one in four; check --claim another
      const std::string id = whole["id"];
      const std::string what = "explain " + name_of(file) + " " + id;
      json one = alone({"explain", file.string(), id}, what);
      if (!one.contains("groundings") || one["groundings"].size() != whole["groundings"].size()) {
        ADD_FAILURE() << what << ": not the groundings of check";
        continue;
      }
      expect_routes_first(whole["also_supports"], one["also_supports"], what);
      for (std::size_t g = 0; g < whole["groundings"].size(); ++g)
        expect_routes_first(whole["groundings"][g]["also_supports"], one["groundings"][g]["also_supports"],
                            what + ", grounding " + std::to_string(g + 1));
      expect_same(whole, one, what);
    }
  }
}

} // namespace
} // namespace imputa
