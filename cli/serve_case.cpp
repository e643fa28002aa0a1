// Inside `imputa serve`: a case file judged under a what-if. Every word of
// the what-if is checked as check checks its options (make_judge_options:
// "did you mean"); a file that does not parse answers with its diagnostics.
#include "serve_case.hpp"
#include "render.hpp"

#include "imputa/dependencies.hpp"
#include "imputa/ground_case.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <future>
#include <set>
#include <sstream>

namespace imputa::cli::serve {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

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
                            {"date", e.date ? Json(to_string(*e.date)) : Json(nullptr)},
                            {"cites", e.cites},
                            {"bears_on", bears},
                            {"line", e.span.line}});
    if (e.date) dates.push_back(to_string(*e.date));
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
// refusal (400) in `refusal`, each problem in the page's words.
bool options_for(const JudgeCommandOptions& base, const WhatIf& w, const Program& program, JudgeOptions& out,
                 Answer& refusal) {
  if (auto problems = what_if_problems(w, base.claims, program, base); !problems.empty()) {
    std::string error, lines;
    for (const auto& p : problems) error += (error.empty() ? "" : " ") + p, lines += p + "\n";
    refusal = json_error(400, error, lines);
    return false;
  }
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
  if (!make_judge_options(o, program, out, err)) { // what_if_problems missed it: check's own words
    refusal = json_error(400, "a what-if names something the case does not know", err.str());
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
    if (everything) key += "as_of=" + to_string(*o.as_of) + "\n";
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

// A claim's report without reasons answers only a request that asks for none
// for it: its key says so.
std::string kept_key(const std::string& reuse, bool explained) { return explained ? reuse : reuse + "verdict only\n"; }

// Out of time is not an answer to keep: the next request tries again.
bool complete(const ClaimReport& cr) {
  return std::all_of(cr.groundings.begin(), cr.groundings.end(),
                     [](const auto& g) { return g.verdict != Verdict::unknown && !g.reasons_cut; });
}

} // namespace

// The case ground for a what-if's doctrines, dropped rules and assumptions,
// ground once for every claim and kept. Null if grounding found errors (in
// `diags`) or ran out of time.
std::shared_ptr<const GroundCase> Cases::ground_for(const Loaded& loaded, const JudgeOptions& options,
                                                    Diagnostics& diags) {
  const std::string key = grounding_key(options, loaded.rule_ids);
  {
    std::lock_guard lock(loaded.mutex);
    if (auto it = loaded.grounds.find(key); it != loaded.grounds.end()) return it->second;
  }
  JudgeOptions every = options;
  every.claims.clear();
  auto ground = ground_case(loaded.checked.program, every, diags);
  if (!ground) return nullptr;
  std::lock_guard lock(loaded.mutex);
  if (loaded.grounds.size() >= max_kept_grounds) loaded.grounds.clear();
  loaded.grounds[key] = ground;
  return ground;
}

// A what-if judged on its grounding (or by judge() if grounding ran out of time: it says so).
Report Cases::judged_on_ground(const Loaded& loaded, const JudgeOptions& options, Diagnostics& diags) {
  auto ground = ground_for(loaded, options, diags);
  if (!ground) return diags.has_errors() ? Report{} : judge(loaded.checked.program, options, diags);
  return judge(*ground, options);
}

// The claim shown with its reasons (batch 0) and the other claims to judge
// for their verdicts (batch 1), at the same time on one grounding: the claim
// shown alone would leave a core idle.
std::array<Report, 2> Cases::judge_batches(const Loaded& loaded, const std::array<JudgeOptions, 2>& batch,
                                           Diagnostics& diags) {
  std::array<Report, 2> judged;
  auto ground = ground_for(loaded, batch[0].claims.empty() ? batch[1] : batch[0], diags);
  if (diags.has_errors()) return judged;
  if (!ground || batch[0].claims.empty() || batch[1].claims.empty()) {
    for (std::size_t b = 0; b < 2; ++b)
      if (!batch[b].claims.empty()) judged[b] = judged_on_ground(loaded, batch[b], diags);
    return judged;
  }
  // A future, not a bare thread: an exception in either half reaches the
  // server's handler (a JSON error), and the other half is waited for.
  auto explaining = std::async(std::launch::async, [&] { return judge(*ground, batch[0]); });
  judged[1] = judge(*ground, batch[1]);
  judged[0] = explaining.get();
  return judged;
}

// The claims of a what-if: those it does not touch reused, the others judged
// together (with their reasons where `explained` asks for them, their
// verdicts only elsewhere) and kept. Errors go to `diags`.
std::vector<ClaimReport> Cases::claims_for(const Loaded& loaded, const JudgeOptions& options,
                                           const std::optional<std::string>& explained, Diagnostics& diags,
                                           std::size_t& judged_now) {
  const Program& program = loaded.checked.program;
  const std::size_t n = program.claims.size();
  std::vector<std::string> keys(n);
  std::vector<std::optional<ClaimReport>> claims(n);
  std::vector<std::string> to_explain, to_judge; // claims judged with their reasons, and verdicts only
  {
    std::lock_guard lock(loaded.mutex);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string& id = program.claims[i].id;
      if (!options.claims.empty() && std::find(options.claims.begin(), options.claims.end(), id) == options.claims.end())
        continue; // serve started with --claim: only those
      const bool explain = !explained || *explained == id;
      keys[i] = reuse_key(loaded.dependencies[i], options, program, loaded.evidence_ids, loaded.fact_labels);
      auto it = loaded.verdicts.find(kept_key(keys[i], true)); // with reasons, it answers either request
      if (it == loaded.verdicts.end() && !explain) it = loaded.verdicts.find(kept_key(keys[i], false));
      if (it != loaded.verdicts.end()) {
        claims[i] = it->second;
        claims[i]->doctrine = claim_doctrines(program, program.claims[i], options);
        record_changes(program.claims[i], options, *claims[i]);
      } else {
        (explain ? to_explain : to_judge).push_back(id);
      }
    }
  }
  std::array<JudgeOptions, 2> batch{options, options};
  batch[0].claims = to_explain;
  batch[1].claims = to_judge;
  batch[1].reasons = false;
  std::array<Report, 2> judged;
  if (!to_explain.empty() || !to_judge.empty()) judged = judge_batches(loaded, batch, diags);
  if (diags.has_errors()) return {};
  std::lock_guard lock(loaded.mutex);
  if (loaded.verdicts.size() > max_kept_verdicts) loaded.verdicts.clear();
  for (std::size_t b = 0; b < 2; ++b)
    for (auto& cr : judged[b].claims)
      for (std::size_t i = 0; i < n; ++i)
        if (program.claims[i].id == cr.id) {
          if (complete(cr)) loaded.verdicts[kept_key(keys[i], batch[b].reasons)] = cr;
          claims[i] = std::move(cr);
          break;
        }
  judged_now = to_explain.size() + to_judge.size();
  std::vector<ClaimReport> out;
  for (auto& cr : claims)
    if (cr) out.push_back(std::move(*cr));
  return out;
}

Answer Cases::report(const std::string& path, const std::string& shown, const WhatIf& what_if,
                     const std::optional<std::string>& explained) {
  auto loaded = load(path);
  if (!loaded->ok) {
    Json j{{"file", shown}, {"stamp", loaded->stamp}, {"ok", false}, {"diagnostics", loaded->diagnostics}};
    return {200, "application/json", j.dump(2) + "\n"};
  }
  const CheckedCase& c = loaded->checked;
  JudgeOptions options;
  Answer refusal;
  JudgeCommandOptions base = base_;
  if (explained) base.claims.push_back(*explained); // checked as a claim of the case
  if (!options_for(base, what_if, c.program, options, refusal)) return refusal;
  if (explained) options.claims.pop_back(); // it chooses whose reasons, not which claims
  Report report = report_header(c.program);
  Diagnostics diags;
  std::size_t judged_now = 0;
  if (loaded->dependencies.empty()) { // no reuse: every claim judged, with its reasons
    report = judged_on_ground(*loaded, options, diags);
    judged_now = report.claims.size();
  } else {
    report.claims = claims_for(*loaded, options, explained, diags, judged_now);
  }
  if (diags.has_errors())
    return json_error(422, "the case cannot be judged", diagnostics_text(diags, c.sources, base_.common));
  {
    std::lock_guard lock(mutex_);
    judged_ += judged_now;
    reused_ += report.claims.size() - judged_now;
  }
  return answer(*loaded, shown, report, loaded->dependencies.empty() ? std::nullopt : explained, judged_now);
}

// The answer of /api/case: the report as JSON and as the HTML report's claim
// sections, the what-if controls, whose reasons it gives, and how many claims
// were judged for it.
Answer Cases::answer(const Loaded& loaded, const std::string& shown, const Report& report,
                     const std::optional<std::string>& explained, std::size_t judged_now) {
  render::Style style;
  Json j;
  j["file"] = shown;
  j["stamp"] = loaded.stamp;
  j["ok"] = true;
  j["diagnostics"] = loaded.diagnostics;
  j["report"] = Json::parse(render::json({{shown, report}}, style))["files"][0];
  j["html"] = render::html_claims(report, shown, style);
  j["controls"] = loaded.controls;
  j["explained"] = explained ? Json(*explained) : Json(nullptr); // whose reasons are given (null: every claim's)
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
  Answer refusal;
  JudgeCommandOptions base = base_;
  base.claims = {claim};
  base.claims_option = "claim";
  if (!options_for(base, what_if, c.program, options, refusal)) return refusal;
  Diagnostics diags;
  const GraphView view = full ? GraphView::full : GraphView::support;
  // Drawn from the what-if's grounding, the one its verdicts were found on
  // (grounding that ran out of time: claim_graph() grounds without the limit).
  Graph graph;
  if (auto ground = ground_for(*loaded, options, diags))
    graph = claim_graph(*ground, options, claim, view);
  else if (!diags.has_errors())
    graph = claim_graph(c.program, options, claim, view, diags);
  if (diags.has_errors())
    return json_error(422, "the case cannot be judged", diagnostics_text(diags, c.sources, base_.common));
  std::string title = (c.program.case_id ? c.program.case_title : shown) + " — claim " + claim;
  title += full ? " (every rule instance in force)" : " (what carries the verdict)";
  std::string svg, error;
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
