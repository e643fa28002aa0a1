// `imputa compare`: every claim under every combination of the doctrine
// families its rules depend on, as a table (text, Markdown or JSON).
#include "commands.hpp"
#include "render.hpp"

#include <algorithm>
#include <iostream>
#include <set>
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

// The families whose alternative changes the verdict somewhere: for each
// combination of the others, not every alternative gives the same verdict.
std::vector<std::string> deciding_families(const ClaimTable& t) {
  std::vector<std::string> out;
  for (const auto& f : t.families) {
    std::map<std::map<std::string, std::string>, std::set<Verdict>> verdicts;
    for (const auto& r : t.rows) {
      auto others = r.doctrine;
      others.erase(f);
      verdicts[others].insert(r.verdict);
    }
    if (std::any_of(verdicts.begin(), verdicts.end(), [](const auto& v) { return v.second.size() > 1; }))
      out.push_back(f);
  }
  return out;
}

// The table with the families that decide nothing left out: one row per
// combination of the deciding ones (the claim's own if any merged row was).
ClaimTable grouped(const ClaimTable& t, std::vector<std::string>& idle) {
  ClaimTable g{t.id, t.text, deciding_families(t), {}};
  for (const auto& f : t.families)
    if (std::find(g.families.begin(), g.families.end(), f) == g.families.end()) idle.push_back(f);
  for (const auto& r : t.rows) {
    Row row{{}, r.verdict, r.claim_own};
    for (const auto& f : g.families) row.doctrine[f] = r.doctrine.at(f);
    auto same = std::find_if(g.rows.begin(), g.rows.end(), [&](const Row& x) { return x.doctrine == row.doctrine; });
    if (same == g.rows.end()) g.rows.push_back(std::move(row));
    else same->claim_own = same->claim_own || row.claim_own;
  }
  return g;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// One claim under every combination of the families it depends on that
// --doctrine leaves open.
ClaimTable table_of(const ClaimReport& claim, const Program& program, const JudgeOptions& base, Diagnostics& diags) {
  std::vector<std::string> varied;
  for (const auto& f : claim.families)
    if (!base.doctrine.count(f)) varied.push_back(f);
  ClaimTable t{claim.id, claim.text, varied, {}};
  for (const auto& combo : combinations(varied, program)) {
    JudgeOptions options = base;
    options.claims = {claim.id};
    for (const auto& [f, a] : combo) options.doctrine[f] = a;
    options.doctrine_overrides_claims = true;
    Report r = judge(program, options, diags);
    Row row{combo, r.claims.empty() ? Verdict::unknown : r.claims.front().verdict, true};
    for (const auto& [f, a] : combo)
      if (claim.doctrine.at(f) != a) row.claim_own = false;
    t.rows.push_back(std::move(row));
  }
  return t;
}

// `--format json`: imputa-compare/1, every row of every claim.
std::string compare_json(const std::string& path, const std::vector<ClaimTable>& tables) {
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
  return root.dump(2) + "\n";
}

// The rows of a grouped table as a Markdown table.
std::string rows_markdown(const ClaimTable& t) {
  std::string out = "|";
  for (const auto& f : t.families) out += " " + f + " |";
  out += " verdict |\n|";
  for (std::size_t i = 0; i <= t.families.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& r : t.rows) {
    out += "|";
    for (const auto& f : t.families) out += " " + r.doctrine.at(f) + " |";
    // Appended piece by piece: `" " + std::string(...)` here makes GCC 12 warn falsely (-Wrestrict).
    out += ' ';
    out += render::verdict_word(r.verdict);
    out += r.claim_own ? " (the claim's own) |\n" : " |\n";
  }
  return out;
}

// The rows of a grouped table as aligned text columns.
std::string rows_text(const ClaimTable& t) {
  std::vector<std::size_t> width;
  for (const auto& f : t.families) {
    std::size_t w = f.size();
    for (const auto& r : t.rows) w = std::max(w, r.doctrine.at(f).size());
    width.push_back(w + 2);
  }
  std::string out = "  ";
  for (std::size_t i = 0; i < t.families.size(); ++i) out += pad(t.families[i], width[i]);
  out += "verdict\n";
  for (const auto& r : t.rows) {
    out += "  ";
    for (std::size_t i = 0; i < t.families.size(); ++i) out += pad(r.doctrine.at(t.families[i]), width[i]);
    out += render::verdict_word(r.verdict) + (r.claim_own ? "   <- the claim's own selection" : "") + "\n";
  }
  return out;
}

// `--format text` or `markdown`: per claim, the families that decide nothing
// named once, then a row per combination of those that do.
std::string compare_document(const std::string& path, const std::vector<ClaimTable>& tables, bool md) {
  std::string out = md ? "# Doctrine comparison: " + render::markdown_escape(path) + "\n" : "Doctrine comparison: " + path + "\n";
  for (const auto& full : tables) {
    std::vector<std::string> idle;
    const ClaimTable t = grouped(full, idle);
    out += md ? "\n## " + render::markdown_escape(t.id) + ": " + render::markdown_escape(t.text) + "\n\n"
              : "\n" + t.id + ": " + t.text + "\n";
    if (full.families.empty()) {
      out += std::string(md ? "" : "  ") + "depends on no doctrine family: " +
             render::verdict_word(t.rows.front().verdict) + "\n";
      continue;
    }
    if (!idle.empty()) {
      const char* tick = md ? "`" : ""; // appended: `"`" + std::string` makes GCC 12 warn falsely (-Wrestrict)
      std::string families = tick;
      families += joined(idle);
      families += tick;
      out += std::string(md ? "" : "  ") + "the same verdict under every alternative of " + families + (t.families.empty() ? ": " + render::verdict_word(t.rows.front().verdict) : "") + "\n";
      if (t.families.empty()) continue;
      if (md) out += "\n";
    }
    out += md ? rows_markdown(t) : rows_text(t);
  }
  return out;
}

} // namespace

int run_compare(const JudgeCommandOptions& o) {
  const std::string& path = o.common.files.front();
  CheckedCase c = load_and_check(path, o.common);
  if (report_diagnostics(c, o.common, std::cerr)) return input_error;

  JudgeOptions base;
  if (!make_judge_options(o, c.program, base, std::cerr)) return input_error;
  base.reasons = false;
  Diagnostics diags;
  Report first = judge(c.program, base, diags);
  if (report_errors(diags, c.sources, o.common, std::cerr)) return input_error;
  std::vector<ClaimTable> tables;
  for (const auto& claim : first.claims) tables.push_back(table_of(claim, c.program, base, diags));
  std::cout << (o.format == "json" ? compare_json(path, tables) : compare_document(path, tables, o.format == "markdown"));
  return ok;
}

} // namespace imputa::cli
