// `imputa compare`: every claim under every combination of the doctrine
// families its rules depend on, as a table (text, Markdown or JSON).
#include "commands.hpp"
#include "render.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

namespace imputa::cli {
namespace {

struct Row {
  std::map<std::string, std::string> doctrine;
  Verdict verdict = Verdict::unknown;
  bool claim_own = false; // the combination the claim itself selects
};

struct ClaimTable {
  std::string id, text;
  std::vector<std::string> families;
  std::vector<Row> rows;
};

std::vector<std::map<std::string, std::string>> combinations(const std::vector<std::string>& families,
                                                             const Program& p) {
  std::vector<std::map<std::string, std::string>> out{{}};
  for (const auto& f : families) {
    std::vector<std::map<std::string, std::string>> next;
    for (const auto& partial : out)
      for (const auto& alt : p.doctrines.at(f).alternatives) {
        auto m = partial;
        m[f] = alt;
        next.push_back(std::move(m));
      }
    out = std::move(next);
  }
  return out;
}

std::string pad(std::string s, std::size_t width) {
  // Width in characters, not bytes: labels are ASCII names.
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

} // namespace

int run_compare(const JudgeCommandOptions& o) {
  const std::string& path = o.common.files.front();
  CheckedCase c = load_and_check(path, o.common);
  if (report_diagnostics(c, o.common, std::cerr)) return input_error;

  JudgeOptions base;
  base.reasons = false;
  base.timeout = std::chrono::milliseconds(o.timeout_ms);
  base.jobs = o.jobs;
  Diagnostics diags;
  Report first = judge(c.program, base, diags);
  if (diags.has_errors()) {
    diags.sort(c.sources);
    for (const auto& d : diags.items()) std::cerr << render_diagnostic(d, c.sources);
    return input_error;
  }
  std::vector<ClaimTable> tables;
  for (const auto& claim : first.claims) {
    ClaimTable t{claim.id, claim.text, claim.families, {}};
    for (const auto& combo : combinations(claim.families, c.program)) {
      JudgeOptions options = base;
      options.claims = {claim.id};
      options.doctrine = combo;
      options.doctrine_overrides_claims = true;
      Report r = judge(c.program, options, diags);
      Row row{combo, r.claims.empty() ? Verdict::unknown : r.claims.front().verdict, true};
      for (const auto& [f, a] : combo)
        if (claim.doctrine.at(f) != a) row.claim_own = false;
      t.rows.push_back(std::move(row));
    }
    tables.push_back(std::move(t));
  }

  if (o.format == "json") {
    nlohmann::ordered_json root;
    root["format"] = "imputa-compare/1";
    root["file"] = path;
    root["claims"] = nlohmann::ordered_json::array();
    for (const auto& t : tables) {
      nlohmann::ordered_json j;
      j["id"] = t.id;
      j["text"] = t.text;
      j["families"] = t.families;
      j["rows"] = nlohmann::ordered_json::array();
      for (const auto& r : t.rows) {
        nlohmann::ordered_json row;
        row["doctrines"] = nlohmann::ordered_json::object();
        for (const auto& [f, a] : r.doctrine) row["doctrines"][f] = a;
        row["verdict"] = std::string(to_string(r.verdict));
        row["claims_own_selection"] = r.claim_own;
        j["rows"].push_back(std::move(row));
      }
      root["claims"].push_back(std::move(j));
    }
    std::cout << root.dump(2) << "\n";
    return ok;
  }

  const bool md = o.format == "markdown";
  std::string out = md ? "# Doctrine comparison: " + render::markdown_escape(path) + "\n" : "Doctrine comparison: " + path + "\n";
  for (const auto& t : tables) {
    out += md ? "\n## " + render::markdown_escape(t.id) + ": " + render::markdown_escape(t.text) + "\n\n"
              : "\n" + t.id + ": " + t.text + "\n";
    if (t.families.empty()) {
      out += std::string(md ? "" : "  ") + "depends on no doctrine family: " +
             render::verdict_word(t.rows.front().verdict) + "\n";
      continue;
    }
    if (md) {
      out += "|";
      for (const auto& f : t.families) out += " " + f + " |";
      out += " verdict |\n|";
      for (std::size_t i = 0; i <= t.families.size(); ++i) out += "---|";
      out += "\n";
      for (const auto& r : t.rows) {
        out += "|";
        for (const auto& f : t.families) out += " " + r.doctrine.at(f) + " |";
        out += " " + render::verdict_word(r.verdict) + (r.claim_own ? " (the claim's own)" : "") + " |\n";
      }
      continue;
    }
    std::vector<std::size_t> width;
    for (const auto& f : t.families) {
      std::size_t w = f.size();
      for (const auto& r : t.rows) w = std::max(w, r.doctrine.at(f).size());
      width.push_back(w + 2);
    }
    out += "  ";
    for (std::size_t i = 0; i < t.families.size(); ++i) out += pad(t.families[i], width[i]);
    out += "verdict\n";
    for (const auto& r : t.rows) {
      out += "  ";
      for (std::size_t i = 0; i < t.families.size(); ++i) out += pad(r.doctrine.at(t.families[i]), width[i]);
      out += render::verdict_word(r.verdict) + (r.claim_own ? "   <- the claim's own selection" : "") + "\n";
    }
  }
  std::cout << out;
  return ok;
}

} // namespace imputa::cli
