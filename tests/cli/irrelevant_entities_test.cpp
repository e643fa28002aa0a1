// Once a case has an entity of each kind it says nothing about, more such
// entities cannot change a verdict, nor can entities it describes (an
// organised group, a piece of critical infrastructure) but never links to an
// operation: every verdict of every shipped example stays as it was. This is
// what lets the grounder judge them all once, through a representative
// (docs/decisions.md), and bind rule variables from what the case mentions.
// (The first such entity can change a verdict: an object nobody mentions may
// be what the operation was directed at. docs/limits.md: only the listed
// entities exist.)
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using testing::run_imputa;

// claim id and bindings -> verdict
std::map<std::string, std::string> verdicts(const fs::path& file) {
  auto r = run_imputa({"check", "--format", "json", file.string()});
  EXPECT_LE(r.exit_code, 1) << r.err;
  std::map<std::string, std::string> out;
  auto report = nlohmann::json::parse(r.out, nullptr, false);
  if (report.is_discarded()) return out;
  for (const auto& f : report["files"])
    for (const auto& c : f["claims"])
      for (const auto& g : c["groundings"]) out[c["id"].get<std::string>() + " " + g["bindings"].dump()] = g["verdict"];
  return out;
}

// One state, actor and object the case says nothing about.
const char* unnamed = R"(

state extra_state_1 "An uninvolved state".
actor extra_actor_1 "An actor the case says nothing about".
object extra_object_1 "An object the case says nothing about".
)";

const char* extra = R"(
state extra_state_2 "Another uninvolved state".
actor extra_group_1 "An organised group nobody links to the operations".
actor extra_group_2 "A second such group".
actor extra_actor_3 "An actor the case says nothing about".
object extra_plant "A power plant".
object extra_server "A server".
evidence extra_e1 intelligence "The group is organised and structured" { supports organised_group(extra_group_1) confidence 0.9 }
evidence extra_e2 intelligence "So is this one" { supports organised_group(extra_group_2) confidence 0.7 }
fact critical_infrastructure(extra_plant).
)";

TEST(IrrelevantEntities, BeyondTheFirstUnnamedOneChangeNoVerdict) {
  auto files = testing::imputa_files({"examples"});
  ASSERT_GE(files.size(), 10u);
  auto dir = testing::temp_dir("irrelevant");
  std::size_t seen = 0;
  for (const auto& file : files) {
    if (!testing::in_sanitized_half(seen++)) continue; // under sanitizers, every other example
    SCOPED_TRACE(file.string());
    auto base = dir / ("base-" + file.filename().string());
    testing::write_file(base, testing::read_file(file) + unnamed);
    auto before = verdicts(base);
    ASSERT_FALSE(before.empty());
    auto widened = dir / file.filename();
    testing::write_file(widened, testing::read_file(file) + unnamed + extra);
    auto after = verdicts(widened);
    // Claims with a free variable gain groundings for the new entities; every
    // grounding that existed keeps its verdict.
    for (const auto& [key, verdict] : before) {
      auto it = after.find(key);
      ASSERT_NE(it, after.end()) << key;
      EXPECT_EQ(it->second, verdict) << key;
    }
  }
}

} // namespace
} // namespace imputa
