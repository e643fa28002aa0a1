// Inside `imputa serve`: a case file judged under a what-if. Every word of
// the what-if is checked as check checks its options (make_judge_options:
// "did you mean"); a file that does not parse answers with its diagnostics.
#include "serve_case.hpp"
#include "render.hpp"

#include "imputa/dependencies.hpp"
#include "imputa/ground_case.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

namespace imputa::cli::serve {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

std::string date_text(const ast::Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// What a file's version is: the modification time and size of every file it read.
std::string stamp_of(const Sources& sources) {
  std::string stamp;
  for (const auto& f : sources.files) {
    if (f.library) continue;
    std::error_code ec;
    auto time = fs::last_write_time(f.path, ec);
    auto size = ec ? 0 : fs::file_size(f.path, ec);
    stamp += f.path + ":" + std::to_string(time.time_since_epoch().count()) + ":" + std::to_string(size) + ";";
  }
  return stamp;
}

// The what-if controls the page offers for a program: evidence items and
// labelled stipulated facts of the case (not of the library), doctrine
// families, standards of proof and the dates of the evidence.
Json controls(const CheckedCase& c) {
  Json evidence = Json::array();
  std::vector<std::string> dates;
  for (const auto& e : c.program.evidence) {
    if (c.sources.files.at(e.span.file).library) continue;
    Json bears = Json::array();
    for (const auto& b : e.bearings) bears.push_back(Json{{"atom", to_string(b.atom)}, {"supports", b.supports}});
    evidence.push_back(Json{{"id", e.id},
                            {"kind", e.kind},
                            {"summary", e.summary},
                            {"date", e.date ? Json(date_text(*e.date)) : Json(nullptr)},
                            {"cites", e.cites},
                            {"bears_on", bears},
                            {"line", e.span.line}});
    if (e.date) dates.push_back(date_text(*e.date));
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  Json facts = Json::array();
  for (const auto& f : c.program.facts) {
    if (!f.label || c.sources.files.at(f.span.file).library) continue;
    facts.push_back(Json{{"label", *f.label}, {"text", f.numeric ? to_string(f.target) : to_string(f.formula)},
                         {"line", f.span.line}});
  }
  Json families = Json::array();
  for (const auto& [name, d] : c.program.doctrines) {
    auto chosen = c.program.doctrine.find(name);
    families.push_back(Json{{"family", name},
                            {"alternatives", d.alternatives},
                            {"description", d.description},
                            {"in_file", chosen == c.program.doctrine.end() ? Json(nullptr) : Json(chosen->second)}});
  }
  Json standards = Json::array();
  for (const auto& [name, s] : c.program.standards)
    standards.push_back(Json{{"name", name}, {"description", s.description}, {"threshold", to_decimal_string(s.threshold)}});
  return Json{{"evidence", evidence}, {"facts", facts},         {"families", families},
              {"standards", standards}, {"in_file_standard", c.program.standard}, {"dates", dates}};
}

std::string diagnostics_text(Diagnostics& diags, const Sources& sources, const CommonOptions& common) {
  std::ostringstream out;
  CommonOptions plain = common;
  plain.color = "never";
  plain.quiet = false;
  print_diagnostics(diags, sources, plain, out);
  return out.str();
}

} // namespace

Answer json_error(int status, const std::string& message, const std::string& diagnostics) {
  Json j{{"error", message}};
  if (!diagnostics.empty()) j["diagnostics"] = diagnostics;
  return {status, "application/json", j.dump(2) + "\n"};
}

// A file read and checked, at one version, with the verdicts judged on it so
// far: a claim is judged again only when a what-if touches what its verdict
// depends on (imputa/dependencies.hpp); otherwise its report is reused.
struct Cases::Loaded {
  std::string stamp;
  CheckedCase checked;
  bool ok = false;          // no errors: it can be judged
  std::string diagnostics;  // warnings (ok) or errors, as check prints them
  Json controls;
  std::vector<ClaimDependencies> dependencies; // by claim, in source order; empty: judge every claim every time
  // The case ground for each doctrine setting, dropped rules and assumptions
  // asked so far (grounding_key): a date, a standard or a dropped item needs no new grounding.
  mutable std::map<std::string, std::shared_ptr<const GroundCase>> grounds;
  std::set<std::string> rule_ids;
  std::set<std::string> evidence_ids, fact_labels;

  mutable std::mutex mutex;
  mutable std::map<std::string, ClaimReport> verdicts; // by key()
};

std::shared_ptr<const Cases::Loaded> Cases::load(const std::string& path) {
  {
    std::lock_guard lock(mutex_);
    auto it = loaded_.find(path);
    if (it != loaded_.end() && it->second->stamp == stamp_of(it->second->checked.sources)) return it->second;
  }
  auto fresh = std::make_shared<Loaded>();
  fresh->checked = load_and_check(path, base_.common);
  fresh->stamp = stamp_of(fresh->checked.sources);
  fresh->ok = !fresh->checked.diags.has_errors() && !fresh->checked.files.empty();
  fresh->diagnostics = diagnostics_text(fresh->checked.diags, fresh->checked.sources, base_.common);
  if (fresh->ok) {
    fresh->controls = controls(fresh->checked);
    Diagnostics ground_diags;
    fresh->dependencies = claim_dependencies(fresh->checked.program, ground_diags);
    if (fresh->dependencies.size() != fresh->checked.program.claims.size()) fresh->dependencies.clear();
    for (const auto& r : fresh->checked.program.rules) fresh->rule_ids.insert(r.id), fresh->rule_ids.insert("library:" + r.id);
    for (const auto& e : fresh->checked.program.evidence) fresh->evidence_ids.insert(e.id);
    for (const auto& f : fresh->checked.program.facts)
      if (f.label) fresh->fact_labels.insert(*f.label);
  }
  std::lock_guard lock(mutex_);
  loaded_[path] = fresh;
  return fresh;
}

namespace {

// The judge's options for a what-if, every word checked; false with the
// diagnostics ("did you mean") in `error`.
bool options_for(const JudgeCommandOptions& base, const WhatIf& w, const Program& program, JudgeOptions& out,
                 std::string& error) {
  JudgeCommandOptions o = base;
  o.common.color = "never";
  o.common.quiet = false;
  // The page's what-if comes on top of the options serve was started with.
  if (w.standard) o.standard = w.standard;
  if (w.as_of) o.as_of = w.as_of;
  o.doctrine.insert(o.doctrine.end(), w.doctrine.begin(), w.doctrine.end());
  o.assume.insert(o.assume.end(), w.assume.begin(), w.assume.end());
  o.drop.insert(o.drop.end(), w.drop.begin(), w.drop.end());
  std::ostringstream err;
  if (!make_judge_options(o, program, out, err)) {
    error = err.str();
    return false;
  }
  // A what-if applies to every claim, over the claim's own `under` and `standard`:
  // "what if the court applies overall control" asks it of all of them.
  out.doctrine_overrides_claims = !out.doctrine.empty();
  out.standard_overrides_claims = out.standard.has_value();
  return true;
}

// What a claim's verdict depends on in a what-if: the key of its reuse.
// With an assumption (which can widen a cone), every part of the what-if counts.
std::string reuse_key(const ClaimDependencies& d, const JudgeOptions& o, const Program& program,
                      const std::set<std::string>& evidence_ids, const std::set<std::string>& fact_labels) {
  const bool everything = !o.assume.empty();
  std::string key = d.claim + "\nstandard=" + (o.standard ? *o.standard : "") + "\n";
  for (const auto& [family, alternative] : o.doctrine)
    if (everything || d.families.count(family)) key += "doctrine=" + family + "=" + alternative + "\n";
  std::vector<std::string> drops = o.drop;
  std::sort(drops.begin(), drops.end());
  for (const auto& id : drops) {
    const bool item = evidence_ids.count(id) != 0, fact = fact_labels.count(id) != 0;
    const bool touches = (item && d.evidence.count(id)) || (fact && d.facts.count(id)) || (!item && !fact);
    if (everything || touches) key += "drop=" + id + "\n";
  }
  if (o.as_of) {
    if (everything) key += "as_of=" + date_text(*o.as_of) + "\n";
    else
      for (const auto& e : program.evidence) // the items of its cone the date leaves out
        if (e.date && *e.date > *o.as_of && d.evidence.count(e.id)) key += "later=" + e.id + "\n";
  }
  for (const auto& a : o.assume) key += "assume=" + to_string(a) + "\n";
  return key;
}

// What the grounding of a what-if depends on (imputa/ground_case.hpp): the
// doctrines, the dropped rules, the assumptions (every claim is ground).
std::string grounding_key(const JudgeOptions& o, const std::set<std::string>& rule_ids) {
  std::string key = o.doctrine_overrides_claims ? "override\n" : "\n";
  for (const auto& [family, alternative] : o.doctrine) key += "doctrine=" + family + "=" + alternative + "\n";
  std::vector<std::string> drops = o.drop;
  std::sort(drops.begin(), drops.end());
  for (const auto& id : drops)
    if (rule_ids.count(id)) key += "drop=" + id + "\n";
  for (const auto& a : o.assume) key += "assume=" + to_string(a) + "\n";
  return key;
}

constexpr std::size_t max_kept_grounds = 8;

constexpr std::size_t max_kept_verdicts = 20000;

} // namespace

Answer Cases::report(const std::string& path, const std::string& shown, const WhatIf& what_if) {
  auto loaded = load(path);
  if (!loaded->ok) {
    Json j{{"file", shown}, {"stamp", loaded->stamp}, {"ok", false}, {"diagnostics", loaded->diagnostics}};
    return {200, "application/json", j.dump(2) + "\n"};
  }
  const CheckedCase& c = loaded->checked;
  JudgeOptions options;
  std::string error;
  if (!options_for(base_, what_if, c.program, options, error))
    return json_error(400, "a what-if names something the case does not know", error);
  Report report = report_header(c.program);
  std::size_t judged_now = 0;
  // Judged on the grounding of this what-if, ground once for every claim and kept.
  auto judged_by = [&](const JudgeOptions& o, Diagnostics& diags) {
    const std::string key = grounding_key(options, loaded->rule_ids);
    std::shared_ptr<const GroundCase> ground;
    {
      std::lock_guard lock(loaded->mutex);
      if (auto it = loaded->grounds.find(key); it != loaded->grounds.end()) ground = it->second;
    }
    if (!ground) {
      JudgeOptions every = options;
      every.claims.clear();
      ground = ground_case(c.program, every, diags);
      if (!ground) return diags.has_errors() ? Report{} : judge(c.program, o, diags); // out of time: judge() says so
      std::lock_guard lock(loaded->mutex);
      if (loaded->grounds.size() >= max_kept_grounds) loaded->grounds.clear();
      loaded->grounds[key] = ground;
    }
    return judge(*ground, o);
  };
  if (loaded->dependencies.empty()) { // no reuse: every claim judged
    Diagnostics diags;
    report = judged_by(options, diags);
    if (diags.has_errors())
      return json_error(422, "the case cannot be judged", diagnostics_text(diags, c.sources, base_.common));
    judged_now = report.claims.size();
    std::lock_guard lock(mutex_);
    judged_ += report.claims.size();
  } else {
    // Reuse what this what-if does not touch; judge the rest together.
    const bool named = !options.claims.empty();
    std::vector<std::string> keys;
    std::vector<std::optional<ClaimReport>> claims(c.program.claims.size());
    std::vector<std::string> to_judge;
    {
      std::lock_guard lock(loaded->mutex);
      for (std::size_t i = 0; i < c.program.claims.size(); ++i) {
        keys.push_back(reuse_key(loaded->dependencies[i], options, c.program, loaded->evidence_ids,
                                 loaded->fact_labels));
        if (named && std::find(options.claims.begin(), options.claims.end(), c.program.claims[i].id) ==
                         options.claims.end())
          continue;
        if (auto it = loaded->verdicts.find(keys[i]); it != loaded->verdicts.end()) {
          claims[i] = it->second;
          claims[i]->doctrine = claim_doctrines(c.program, c.program.claims[i], options);
        } else {
          to_judge.push_back(c.program.claims[i].id);
        }
      }
    }
    if (!to_judge.empty()) {
      JudgeOptions some = options;
      some.claims = to_judge;
      Diagnostics diags;
      Report judged = judged_by(some, diags);
      if (diags.has_errors())
        return json_error(422, "the case cannot be judged", diagnostics_text(diags, c.sources, base_.common));
      report.ground_atoms = judged.ground_atoms;
      std::lock_guard lock(loaded->mutex);
      if (loaded->verdicts.size() > max_kept_verdicts) loaded->verdicts.clear();
      for (auto& cr : judged.claims)
        for (std::size_t i = 0; i < c.program.claims.size(); ++i)
          if (c.program.claims[i].id == cr.id) {
            // Out of time is not an answer to keep: the next request tries again.
            const bool complete = std::all_of(cr.groundings.begin(), cr.groundings.end(), [](const auto& g) {
              return g.verdict != Verdict::unknown && !g.reasons_cut;
            });
            if (complete) loaded->verdicts[keys[i]] = cr;
            claims[i] = std::move(cr);
            break;
          }
    }
    for (auto& cr : claims)
      if (cr) report.claims.push_back(std::move(*cr));
    judged_now = to_judge.size();
    std::lock_guard lock(mutex_);
    judged_ += to_judge.size();
    reused_ += report.claims.size() - to_judge.size();
  }
  render::Style style;
  Json j;
  j["file"] = shown;
  j["stamp"] = loaded->stamp;
  j["ok"] = true;
  j["diagnostics"] = loaded->diagnostics;
  j["report"] = Json::parse(render::json({{shown, report}}, style))["files"][0];
  j["html"] = render::html_claims(report, shown, style);
  j["controls"] = loaded->controls;
  j["judged"] = judged_now; // claims judged for this answer; the others were reused
  j["reused"] = report.claims.size() - judged_now;
  return {200, "application/json", j.dump() + "\n"};
}

Answer Cases::graph(const std::string& path, const std::string& shown, const std::string& claim,
                    const WhatIf& what_if, bool full) {
  auto loaded = load(path);
  if (!loaded->ok) return json_error(422, "the case file has errors", loaded->diagnostics);
  const CheckedCase& c = loaded->checked;
  JudgeOptions options;
  std::string error;
  JudgeCommandOptions base = base_;
  base.claims = {claim};
  base.claims_option = "claim";
  if (!options_for(base, what_if, c.program, options, error))
    return json_error(400, "a what-if names something the case does not know", error);
  Diagnostics diags;
  Graph graph = claim_graph(c.program, options, claim, full ? GraphView::full : GraphView::support, diags);
  if (diags.has_errors())
    return json_error(422, "the case cannot be judged", diagnostics_text(diags, c.sources, base_.common));
  std::string title = (c.program.case_id ? c.program.case_title : shown) + " — claim " + claim;
  title += full ? " (every rule instance in force)" : " (what carries the verdict)";
  std::string svg;
  if (!dot_to_svg(render::dot(graph, title), svg, error)) return json_error(500, "Graphviz failed: " + error);
  return {200, "image/svg+xml", svg};
}

std::size_t Cases::judged() const {
  std::lock_guard lock(mutex_);
  return judged_;
}

std::size_t Cases::reused() const {
  std::lock_guard lock(mutex_);
  return reused_;
}

} // namespace imputa::cli::serve
