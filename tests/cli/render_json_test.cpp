// The JSON report against its schema (docs/report.schema.json): every example
// and library case validates; a broken report does not. The validator below
// implements exactly the subset of JSON Schema the schema uses (type, const,
// enum, required, properties, additionalProperties, items, local $ref) and
// refuses any other keyword, so the schema cannot silently outgrow it.
#include "render.hpp"
#include "render_fixtures.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace imputa {
namespace {

using Json = nlohmann::json;

class SchemaValidator {
public:
  explicit SchemaValidator(Json schema) : root_(std::move(schema)) {}

  // Problems found, each with the JSON pointer of the offending value; empty: valid.
  std::vector<std::string> validate(const Json& value) const {
    std::vector<std::string> errors;
    check(root_, value, "", errors);
    return errors;
  }

private:
  static bool has_type(const Json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    if (type == "boolean") return v.is_boolean();
    if (type == "null") return v.is_null();
    throw std::runtime_error("schema: unknown type " + type);
  }

  const Json& resolve(const std::string& ref) const {
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0) throw std::runtime_error("schema: only local $defs refs, not " + ref);
    return root_.at("$defs").at(ref.substr(prefix.size()));
  }

  void check(const Json& schema, const Json& v, const std::string& at, std::vector<std::string>& errors) const {
    static const std::set<std::string> known{"$schema", "$id", "$defs", "title", "description", "$ref", "type",
                                             "const", "enum", "required", "properties", "additionalProperties",
                                             "items"};
    for (const auto& [key, _] : schema.items())
      if (!known.count(key)) throw std::runtime_error("schema: keyword '" + key + "' is not supported at " + at);
    if (schema.contains("$ref")) check(resolve(schema["$ref"]), v, at, errors);
    if (schema.contains("type")) {
      const Json& t = schema["type"];
      bool ok = false;
      if (t.is_string()) ok = has_type(v, t);
      else
        for (const auto& one : t) ok = ok || has_type(v, one);
      if (!ok) {
        errors.push_back(at + ": expected type " + t.dump() + ", got " + v.dump());
        return;
      }
    }
    if (schema.contains("const") && v != schema["const"]) errors.push_back(at + ": expected " + schema["const"].dump());
    if (schema.contains("enum")) {
      const auto& options = schema["enum"];
      if (std::find(options.begin(), options.end(), v) == options.end())
        errors.push_back(at + ": " + v.dump() + " is not one of " + options.dump());
    }
    if (v.is_object()) {
      if (schema.contains("required"))
        for (const auto& key : schema["required"])
          if (!v.contains(key.get<std::string>())) errors.push_back(at + ": missing required '" + key.get<std::string>() + "'");
      for (const auto& [key, item] : v.items()) {
        const std::string here = at + "/" + key;
        if (schema.contains("properties") && schema["properties"].contains(key)) {
          check(schema["properties"][key], item, here, errors);
        } else if (schema.contains("additionalProperties")) {
          const Json& extra = schema["additionalProperties"];
          if (extra.is_boolean()) {
            if (!extra.get<bool>()) errors.push_back(here + ": not allowed here");
          } else {
            check(extra, item, here, errors);
          }
        }
      }
    }
    if (v.is_array() && schema.contains("items"))
      for (std::size_t i = 0; i < v.size(); ++i) check(schema["items"], v[i], at + "/" + std::to_string(i), errors);
  }

  Json root_;
};

const SchemaValidator& validator() {
  static const SchemaValidator v(Json::parse(testing::read_file(testing::source_dir() / "docs/report.schema.json")));
  return v;
}

std::string joined(const std::vector<std::string>& errors) {
  std::string s;
  for (const auto& e : errors) s += e + "\n";
  return s;
}

TEST(RenderJson, EveryExampleAndLibraryCaseValidatesAgainstTheSchema) {
  auto files = testing::imputa_files({"examples", "tests/library"});
  ASSERT_GT(files.size(), 5u);
  std::size_t seen = 0;
  for (const auto& file : files) {
    if (!testing::in_sanitized_share(seen++, 4, 0)) continue; // under sanitizers, one file in four
    SCOPED_TRACE(file.string());
    auto check = testing::run_imputa({"check", "--format", "json", "--jobs", "2", file.string()});
    ASSERT_TRUE(check.exit_code == 0 || check.exit_code == 1) << check.err;
    Json report;
    ASSERT_NO_THROW(report = Json::parse(check.out)) << check.out;
    auto errors = validator().validate(report);
    EXPECT_TRUE(errors.empty()) << "check:\n" << joined(errors);

    // explain (every reason) of the first claim, with --timings
    ASSERT_FALSE(report["files"][0]["claims"].empty());
    auto claim = report["files"][0]["claims"][0]["id"].get<std::string>();
    auto explain = testing::run_imputa({"explain", "--format", "json", "--timings", file.string(), claim});
    ASSERT_TRUE(explain.exit_code == 0 || explain.exit_code == 1) << explain.err;
    ASSERT_NO_THROW(report = Json::parse(explain.out)) << explain.out;
    errors = validator().validate(report);
    EXPECT_TRUE(errors.empty()) << "explain:\n" << joined(errors);
  }
}

TEST(RenderJson, InMemoryReportsValidateAndKeepEveryField) {
  render::Style style;
  std::string out = render::json({{"a.imputa", testing::ordinary_report()}, {"h.imputa", testing::hostile_report()}}, style);
  Json j = Json::parse(out);
  EXPECT_TRUE(validator().validate(j).empty()) << joined(validator().validate(j));
  EXPECT_EQ(j["format"], "imputa-report/1");
  const Json& claim = j["files"][0]["claims"][0];
  for (const char* key : {"id", "text", "formula", "standard", "doctrines", "verdict", "expected", "strength", "support",
                          "conflict", "counter_model", "would_establish", "critical_evidence", "defeaters", "notes"})
    EXPECT_TRUE(claim.contains(key)) << key;
  EXPECT_FALSE(claim.contains("timings")) << "timings only with --timings, for byte-stable output";
  const Json& e3 = claim["support"][1];
  EXPECT_EQ(e3["evidence_kind"], "official_statement");
  EXPECT_EQ(e3["bears_on"], (Json{{"atom", "performed_by(notpetya, gru)"}, {"positive", true}}));
  const Json& why = j["files"][0]["claims"][2]["support"][1];
  EXPECT_EQ(why["because_of"], "precluded(cm, s)");
  EXPECT_EQ(j["files"][1]["claims"][0]["text"], "Claim " + testing::hostile);

  style.timings = true;
  Json timed = Json::parse(render::json({{"a.imputa", testing::ordinary_report()}}, style));
  EXPECT_TRUE(timed["files"][0]["claims"][0].contains("timings"));
  EXPECT_TRUE(validator().validate(timed).empty()) << joined(validator().validate(timed));
}

// The solver hands over kinds and numbers; imputa-report/1 keeps its words.
TEST(RenderJson, SaysTheTypedReasonsInTheWordsOfTheFormat) {
  Json j = Json::parse(render::json({{"a.imputa", testing::ordinary_report()}}, {}));
  const Json& fact = j["files"][0]["claims"][0]["support"][0];
  EXPECT_EQ(fact["id"], "fact at line 18"); // an unlabelled fact, named by its line
  EXPECT_EQ(fact["detail"], "stipulated");
  const Json& e3 = j["files"][0]["claims"][0]["support"][1];
  EXPECT_EQ(e3["confidence"], "0.8..0.9");
  EXPECT_EQ(e3["detail"], "supports performed_by(notpetya, gru) (confidence 0.8..0.9, weight 0.8..0.9)");
  const Json& origin = j["files"][0]["claims"][1];
  EXPECT_EQ(origin["naive_reliance"], (Json{"the inference from origin or infrastructure to attribution"}));
  EXPECT_EQ(origin["notes"][0]["text"], "GGE 2015 §28(f): evidence 'e4' shows where the operation came from; it is "
                                        "not counted for attributable(notpetya, rus) (origin is not attribution)");
  const Json& burden = j["files"][0]["claims"][2]["support"][0];
  EXPECT_EQ(burden["detail"], "holds");
  EXPECT_EQ(burden["label"], "established on the same premises");

  Report undecided = testing::ordinary_report();
  auto& g = undecided.claims[0].groundings[0];
  g.unknown_reason = Undecided::time_limit;
  g.reasons_cut = true;
  g.time_limit = std::chrono::milliseconds(300);
  Json u = Json::parse(render::json({{"a.imputa", undecided}}, {}));
  EXPECT_EQ(u["files"][0]["claims"][0]["unknown_reason"], "the time limit of 300 ms per claim was reached");
  EXPECT_EQ(u["files"][0]["claims"][0]["reasons_cut"],
            "the time limit of 300 ms for the reasons was reached: some may be missing (a larger --timeout-ms gives "
            "them time)");
  EXPECT_TRUE(j["files"][0]["claims"][0]["unknown_reason"].is_null());
}

TEST(RenderJson, TheValidatorRejectsReportsThatBreakTheSchema) {
  Json good = Json::parse(render::json({{"a.imputa", testing::ordinary_report()}}, {}));
  ASSERT_TRUE(validator().validate(good).empty());

  auto broken = [&](auto&& edit) {
    Json j = good;
    edit(j);
    return validator().validate(j);
  };
  EXPECT_FALSE(broken([](Json& j) { j["format"] = "imputa-report/2"; }).empty());
  EXPECT_FALSE(broken([](Json& j) { j["files"][0]["claims"][0].erase("verdict"); }).empty());
  EXPECT_FALSE(broken([](Json& j) { j["files"][0]["claims"][0]["verdict"] = "probably"; }).empty());
  EXPECT_FALSE(broken([](Json& j) { j["files"][0]["claims"][0]["strength"] = 3; }).empty());
  EXPECT_FALSE(broken([](Json& j) { j["files"][0]["claims"][0]["surprise"] = true; }).empty());
  EXPECT_FALSE(broken([](Json& j) { j["files"][0]["claims"][0]["support"][0]["line"] = "18"; }).empty());
  EXPECT_FALSE(broken([](Json& j) { j["files"][0]["claims"][1]["would_establish"][0][0].erase("positive"); }).empty());
  EXPECT_FALSE(broken([](Json& j) { j["files"][0]["claims"][0]["doctrines"]["control"] = 1; }).empty());
  auto errors = broken([](Json& j) { j["files"][0]["claims"][0]["support"][1]["kind"] = "hearsay"; });
  ASSERT_EQ(errors.size(), 1u) << joined(errors);
  EXPECT_EQ(errors[0].rfind("/files/0/claims/0/support/1/kind:", 0), 0u) << errors[0];
}

TEST(RenderJson, TheValidatorRefusesKeywordsItDoesNotImplement) {
  SchemaValidator v(Json{{"type", "object"}, {"patternProperties", Json::object()}});
  EXPECT_THROW(v.validate(Json::object()), std::runtime_error);
}

} // namespace
} // namespace imputa
