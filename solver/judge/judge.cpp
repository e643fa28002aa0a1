// Judging claims (docs/semantics.md §§4-6), the pipeline: ground the case, take each
// claim's cone, judge the claims in parallel, group the verdicts by claim.
#include "claim_judge.hpp"
#include "imputa/ground_case.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <mutex>
#include <thread>

namespace imputa::judging {
namespace {

// The evidence items on the cone's atoms, by id.
std::unordered_map<std::string, std::size_t> items_by_id(const CaseIndex& c,
                                                         const std::vector<std::vector<std::size_t>>& items_on_atom) {
  std::unordered_map<std::string, std::size_t> out;
  for (const auto& items : items_on_atom)
    for (std::size_t i : items) out.emplace(c.evidence.item(i).id, i);
  return out;
}

std::vector<AtomId> atoms_of(const ground::Formula& f) {
  std::vector<AtomId> out;
  ground::collect_atoms(f, out);
  return out;
}

} // namespace

ClaimJudge::ClaimJudge(const CaseIndex& s, const ground::ClaimInstance& inst, Setting setting,
                       std::vector<AtomId> cone)
    : s_(s), inst_(inst), setting_(std::move(setting)), cone_(std::move(cone)),
      cone_facts_(CaseIndex::gather(s.facts_of, cone_)), cone_numeric_(CaseIndex::gather(s.numeric_of, cone_)),
      start_(smt::Clock::now()),
      session_(s.program, s.g, cone_, cone_facts_, cone_numeric_, start_ + s.options.timeout, session_options(s.options)),
      goal_(session_.goal(inst.formula)), claim_atoms_(atoms_of(inst.formula)), cone_literals_(cone_literals(s, cone_)),
      index_(index_cone(s.g, cone_, cone_facts_, cone_numeric_, cone_literals_, s.loose)),
      items_on_atom_(items_on_atoms(s, cone_literals_)), item_of_id_(items_by_id(s, items_on_atom_)) {}

ClaimGroundingReport ClaimJudge::run() {
  ClaimGroundingReport r;
  r.bindings = inst_.bindings;
  r.formula = inst_.text;
  r.time_limit = s_.options.timeout;
  const Deadline deciding = start_ + s_.options.timeout;
  const Decision decision = decide(setting_.drops, deciding);
  r.verdict = decision.verdict;
  if (r.verdict == Verdict::unknown) r.unknown_reason = unknown_reason(deciding);
  if (s_.options.reasons && r.verdict != Verdict::unknown) {
    // Reasons get a time budget of their own; what does not fit is left out.
    const Deadline explaining = smt::Clock::now() + s_.options.timeout;
    explain(r, decision.premises, explaining);
    r.reasons_cut = smt::Clock::now() >= explaining;
  }
  r.solve_ms = std::chrono::duration<double, std::milli>(smt::Clock::now() - start_).count();
  return r;
}

} // namespace imputa::judging

namespace imputa {
namespace {

using judging::AtomId;
using judging::CaseIndex;
using SteadyTime = std::chrono::steady_clock::time_point;

double ms_since(SteadyTime t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// The options judge this claim (all claims unless some are named).
bool selected(const JudgeOptions& options, const std::string& claim) {
  return options.claims.empty() || std::find(options.claims.begin(), options.claims.end(), claim) != options.claims.end();
}

// Rules no claim of the case can have in force are not ground (docs/semantics.md §1).
// Every claim counts, not only those `options.claims` selects: the ground
// program, and with it each claim's report (its families, representatives,
// counter-models), is then the same whichever claims a run judges
// (docs/decisions.md, "A claim's report does not depend on which claims are judged").
ground::GroundOptions grounding_options(const Program& program, const JudgeOptions& options, SteadyTime started) {
  std::vector<std::pair<std::map<std::string, std::string>, std::set<std::string>>> in_force; // doctrine, drops
  for (const auto& claim : program.claims)
    in_force.emplace_back(judging::doctrine_for(program, claim, options), judging::drops_for(claim, options));
  ground::GroundOptions grounding;
  grounding.shortcuts = !options.every_entity_apart;
  if (options.reach_budget) grounding.reach_budget = *options.reach_budget;
  grounding.witnesses = options.witnesses;
  grounding.deadline = started + options.timeout; // grounding respects the time limit too
  grounding.may_be_in_force = [in_force = std::move(in_force)](const RuleItem& rule) {
    return std::any_of(in_force.begin(), in_force.end(), [&](const auto& setting) {
      return judging::rule_in_force(rule, setting.first, setting.second);
    });
  };
  return grounding;
}

// The claim instances to judge, as indexes into g.claims.
std::vector<std::size_t> selected_instances(const Program& program, const ground::GroundProgram& g,
                                            const JudgeOptions& options) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < g.claims.size(); ++i)
    if (selected(options, program.claims[g.claims[i].claim].id)) out.push_back(i);
  return out;
}

ClaimGroundingReport judge_instance(const CaseIndex& c, const ground::ClaimInstance& inst,
                                    const std::vector<AtomId>& cone) {
  if (c.g.timed_out) { // grounding did not finish: nothing is judged on half a program
    ClaimGroundingReport r;
    r.bindings = inst.bindings;
    r.formula = inst.text;
    r.verdict = Verdict::unknown;
    r.unknown_reason = Undecided::grounding_time_limit;
    r.time_limit = c.options.timeout;
    return r;
  }
  judging::Setting setting = judging::setting_for(c.program, c.g, c.program.claims[inst.claim], c.options);
  judging::ClaimJudge judge(c, inst, std::move(setting), cone);
  return judge.run();
}

// A claim instance's report, and the doctrine families it depends on.
struct Judged {
  ClaimGroundingReport report;
  std::set<std::string> families;
};

// Every selected instance judged on its cone, `options.jobs` at a time; each
// job also takes its instances' cones and families, which only read the case.
// An exception in any job (an allocation that fails, an error inside Z3, one
// thrown by options.progress) stops the others taking new instances and
// reaches the caller as it would with one job, never std::terminate.
std::vector<Judged> judge_all(const CaseIndex& c, const std::vector<std::size_t>& selected) {
  const judging::Cones components(c.g, c.constrained);
  const judging::DoctrineFamilies families(c);
  std::vector<Judged> results(selected.size());
  std::atomic<std::size_t> next{0};
  std::mutex progress_mutex; // serializes options.progress; `done` counts under it
  std::size_t done = 0;
  std::mutex failure_mutex;
  std::exception_ptr failure; // the first exception of any job
  auto judge_some = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < selected.size();) {
      const ground::ClaimInstance& inst = c.g.claims[selected[k]];
      std::vector<AtomId> atoms;
      ground::collect_atoms(inst.formula, atoms);
      const std::vector<AtomId> cone = components.cone(atoms);
      results[k].families = families.of(inst, cone);
      results[k].report = judge_instance(c, inst, cone);
      if (c.options.progress) {
        std::lock_guard lock(progress_mutex);
        c.options.progress(++done, selected.size());
      }
    }
  };
  auto worker = [&] {
    try {
      judge_some();
    } catch (...) {
      next = selected.size();
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  unsigned jobs = std::max(1u, std::min<unsigned>(c.options.jobs, static_cast<unsigned>(selected.size())));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  return results;
}

ClaimReport claim_report(const Program& program, const ground::GroundProgram& g, const ClaimItem& claim,
                         const JudgeOptions& options) {
  judging::Setting s = judging::setting_for(program, g, claim, options);
  ClaimReport cr;
  cr.id = claim.id;
  cr.text = claim.text;
  cr.formula = to_string(claim.formula);
  cr.mode = claim.mode;
  cr.standard = s.standard.name;
  cr.doctrine = s.doctrine;
  record_changes(claim, options, cr);
  cr.expected = claim.expect;
  cr.span = claim.span;
  return cr;
}

// Groundings grouped by claim, in source order, with the families each depends on.
std::vector<ClaimReport> group_by_claim(const Program& program, const ground::GroundProgram& g,
                                        const JudgeOptions& options, const std::vector<std::size_t>& selected,
                                        std::vector<Judged> results) {
  std::vector<ClaimReport> claims;
  std::map<std::size_t, std::size_t> report_of;
  for (std::size_t k = 0; k < selected.size(); ++k) {
    std::size_t c = g.claims[selected[k]].claim;
    auto [it, fresh] = report_of.try_emplace(c, claims.size());
    if (fresh) claims.push_back(claim_report(program, g, program.claims[c], options));
    claims[it->second].groundings.push_back(std::move(results[k].report));
    auto& fams = claims[it->second].families;
    for (const auto& f : results[k].families)
      if (std::find(fams.begin(), fams.end(), f) == fams.end()) fams.push_back(f);
  }
  return claims;
}

// A claim's verdict: its groundings' if they agree; mixed groundings: the
// least favourable verdict for the claim as a whole.
Verdict overall_verdict(const std::vector<ClaimGroundingReport>& groundings) {
  Verdict first = groundings.front().verdict;
  if (std::all_of(groundings.begin(), groundings.end(), [&](const auto& gr) { return gr.verdict == first; }))
    return first;
  for (Verdict v : {Verdict::unknown, Verdict::inconsistent, Verdict::not_established, Verdict::unsubstantiated,
                    Verdict::arguable, Verdict::refuted, Verdict::established})
    if (std::any_of(groundings.begin(), groundings.end(), [&](const auto& gr) { return gr.verdict == v; })) return v;
  return first;
}

void summarize(ClaimReport& cr) {
  std::sort(cr.families.begin(), cr.families.end());
  cr.verdict = overall_verdict(cr.groundings);
  cr.as_expected = std::all_of(cr.groundings.begin(), cr.groundings.end(), [&](const auto& gr) {
    return gr.verdict != Verdict::unknown && (!cr.expected || gr.verdict == *cr.expected);
  });
}

} // namespace

Report report_header(const Program& program) {
  Report report;
  report.case_id = program.case_id;
  report.case_title = program.case_title;
  report.case_cites = program.case_cites;
  for (const auto& [id, e] : program.entities) report.entity_labels[id] = e.label;
  for (const auto& [id, p] : program.predicates) report.predicate_labels[id] = p.description;
  return report;
}

void record_changes(const ClaimItem& claim, const JudgeOptions& options, ClaimReport& report) {
  const std::set<std::string> drops = judging::drops_for(claim, options);
  report.left_out.assign(drops.begin(), drops.end());
  report.assumed.clear();
  for (const auto& a : judging::assumed_for(claim, options)) report.assumed.push_back(to_string(a));
  report.as_of = judging::as_of_for(claim, options);
}

std::map<std::string, std::string> claim_doctrines(const Program& program, const ClaimItem& claim,
                                                   const JudgeOptions& options) {
  return judging::doctrine_for(program, claim, options);
}

// As judge() grounds with the default options (the doctrines the case and its
// claims select), without a time limit: lint refuses what check would refuse,
// no more (docs/decisions.md, "lint grounds what check grounds").
void check_grounding(const Program& program, Diagnostics& diags) {
  ground::GroundOptions grounding = grounding_options(program, JudgeOptions{}, std::chrono::steady_clock::now());
  grounding.deadline.reset();
  ground::ground(program, {}, diags, grounding);
}

namespace judging {

// Every selected claim judged on a case already ground (judge(), and a case
// ground once for many what-ifs: imputa/ground_case.hpp).
Report judge_ground(const Program& program, const ground::GroundProgram& g, const JudgeOptions& options,
                    const weigh::EvidenceIndex& evidence) {
  Report report = report_header(program);
  report.ground_atoms = g.atoms.size();
  auto solving = std::chrono::steady_clock::now();
  CaseIndex index(program, g, evidence, options);
  const std::vector<std::size_t> selected = selected_instances(program, g, options);
  std::vector<Judged> results = judge_all(index, selected);
  report.solve_ms = ms_since(solving);
  report.claims = group_by_claim(program, g, options, selected, std::move(results));
  for (auto& cr : report.claims) summarize(cr);
  return report;
}

// The case ground for `options`, its evidence indexed on a second thread
// meanwhile (both only read the program). judge(), ground_case() and claim_graph().
GroundCase ground_and_index(const Program& program, const JudgeOptions& options, Diagnostics& diags) {
  auto started = std::chrono::steady_clock::now();
  std::future<weigh::EvidenceIndex> indexing =
      std::async(std::launch::async, [&program] { return weigh::EvidenceIndex(program); });
  ground::GroundProgram g = ground::ground(program, options.assume, diags, grounding_options(program, options, started));
  std::optional<ground::GroundProgram> apart;
  if (!diags.has_errors() && !g.timed_out && !options.every_entity_apart && g.atoms.size() <= options.check_apart_up_to) {
    ground::GroundOptions reference = grounding_options(program, options, started);
    reference.shortcuts = false;
    reference.max_atoms = JudgeOptions::apart_atoms;
    reference.max_instances = 2 * JudgeOptions::apart_atoms;
    Diagnostics given_up; // past those limits the check is left out, not the case refused
    ground::GroundProgram ga = ground::ground(program, options.assume, given_up, reference);
    if (!given_up.has_errors() && !ga.timed_out) apart = std::move(ga);
  }
  return GroundCase{program, std::move(g), indexing.get(), std::move(apart)};
}

} // namespace judging

namespace {

// Every selected claim's verdicts with every entity apart (reasons off); the
// claims whose verdicts differ from the shortcuts' are judged again that
// way, together, with reasons, and replace the shortcuts' reports. An
// UNKNOWN either way replaces nothing.
void check_apart(const GroundCase& ground, const JudgeOptions& options, Report& report) {
  const auto started = std::chrono::steady_clock::now();
  JudgeOptions quick = options;
  quick.every_entity_apart = true;
  quick.reasons = false;
  quick.progress = nullptr;
  const Report reference = judging::judge_ground(ground.program, *ground.apart, quick, ground.evidence);
  auto verdicts = [](const ClaimReport& c) {
    std::map<std::map<std::string, std::string>, Verdict> out;
    for (const auto& gr : c.groundings) out[gr.bindings] = gr.verdict;
    return out;
  };
  auto undecided = [](const auto& by_binding) {
    return std::any_of(by_binding.begin(), by_binding.end(), [](const auto& x) { return x.second == Verdict::unknown; });
  };
  JudgeOptions differing = options;
  differing.every_entity_apart = true;
  differing.claims.clear();
  differing.progress = nullptr;
  for (const auto& claim : report.claims) {
    auto it = std::find_if(reference.claims.begin(), reference.claims.end(),
                           [&](const ClaimReport& c) { return c.id == claim.id; });
    if (it == reference.claims.end()) continue;
    const auto mine = verdicts(claim), theirs = verdicts(*it);
    if (!undecided(mine) && !undecided(theirs) && mine != theirs) differing.claims.push_back(claim.id);
  }
  if (!differing.claims.empty()) {
    Report apart = judging::judge_ground(ground.program, *ground.apart, differing, ground.evidence);
    for (auto& claim : report.claims)
      for (auto& judged : apart.claims)
        if (judged.id == claim.id) {
          const Verdict shortcut = claim.verdict;
          claim = std::move(judged);
          claim.shortcut_verdict = shortcut;
          break;
        }
  }
  report.solve_ms += ms_since(started);
}

} // namespace

std::shared_ptr<const GroundCase> ground_case(const Program& program, const JudgeOptions& options, Diagnostics& diags) {
  auto ground = std::make_shared<GroundCase>(judging::ground_and_index(program, options, diags));
  if (diags.has_errors() || ground->g.timed_out) return nullptr;
  return ground;
}

Report judge(const GroundCase& ground, const JudgeOptions& options) {
  Report report = judging::judge_ground(ground.program, ground.g, options, ground.evidence);
  if (ground.apart && options.check_apart_up_to > 0 && !options.every_entity_apart)
    check_apart(ground, options, report);
  return report;
}

Report judge(const Program& program, const JudgeOptions& options, Diagnostics& diags) {
  auto started = std::chrono::steady_clock::now();
  const GroundCase ground = judging::ground_and_index(program, options, diags);
  if (diags.has_errors()) return report_header(program);
  const double ground_ms = ms_since(started);
  Report report = judge(ground, options); // a timed-out grounding is judged too: UNKNOWN, and why
  report.ground_ms = ground_ms; // grounding and evidence indexing
  return report;
}

} // namespace imputa
