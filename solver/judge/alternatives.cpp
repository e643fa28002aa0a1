// Other routes to an ESTABLISHED or REFUTED verdict (docs/semantics.md §6): minimal
// supports on other bodies of evidence, so that a reader sees whether the verdict
// survives losing a source.
//
// Greedy, in a fixed order: the support's bodies of evidence are left out (every
// item of each, §3), the claim is decided again and, if the verdict stands, a
// minimal support of the new premises is the next route; its bodies are left out
// in turn, and so on until the verdict falls, a route needs no evidence, or the
// bound or the time is reached. Each route is minimal and shares no body of
// evidence with any other; the number of routes found is not promised to be the
// largest number of pairwise independent ones (that is a packing problem).
#include "claim_judge.hpp"

namespace imputa::judging {

// Adds the bodies of evidence the support's items belong to to `bodies`, and
// every item of the claim's cone in those bodies to `drops`. False if the
// support names no evidence (nothing to leave out: no other route).
bool ClaimJudge::leave_out_bodies(const std::vector<PremiseRef>& support, std::set<std::size_t>& bodies,
                                  std::set<std::string>& drops) const {
  bool any = false;
  for (const auto& p : support) {
    if (p.kind != PremiseRef::Kind::evidence) continue;
    const EvidenceItem* item = item_by_id(p.id);
    if (!item) continue;
    bodies.insert(s_.evidence.body(static_cast<std::size_t>(item - s_.program.evidence.data())));
    any = true;
  }
  if (!any) return false;
  for (std::size_t i : cone_items())
    if (bodies.count(s_.evidence.body(i))) drops.insert(s_.evidence.item(i).id);
  return true;
}

AlsoSupports ClaimJudge::also_supports(Verdict v, const std::vector<PremiseRef>& support, Deadline deadline) {
  AlsoSupports out;
  const std::size_t keep = s_.options.other_supports;
  const bool counting = s_.options.count_other_supports;
  if (keep == 0) return out;
  std::set<std::size_t> bodies;
  std::set<std::string> drops = setting_.drops;
  if (!leave_out_bodies(support, bodies, drops)) return out;
  std::vector<AlsoSupports::Route> found;
  while (true) {
    if (!counting && found.size() > keep) { // one past the bound: enough to say there are more
      out.complete = false;
      break;
    }
    // Cached answers never reach Z3's deadline: look at the clock here too.
    if (smt::Clock::now() >= deadline) {
      out.complete = false;
      out.time_ran_out = true;
      break;
    }
    Decision d = decide(drops, deadline);
    if (d.verdict == Verdict::unknown) {
      out.complete = false;
      out.time_ran_out = smt::Clock::now() >= deadline;
      break;
    }
    if (d.verdict != v) break; // the verdict falls without these bodies: no other route
    std::vector<PremiseRef> route = this->support(d.premises.lits, v, drops, deadline);
    if (route.empty()) { // a check ran out of time (a verdict always has a support)
      out.complete = false;
      out.time_ran_out = smt::Clock::now() >= deadline;
      break;
    }
    mark_rules_that_apply(route, d.premises.lits, deadline);
    std::vector<Burden> burdens = burdens_of(route);
    const bool rests_on_evidence = leave_out_bodies(route, bodies, drops);
    found.push_back({std::move(route), std::move(burdens)});
    if (!rests_on_evidence) break; // it needs no evidence: nothing more to leave out
  }
  if (found.size() > keep) {
    out.left_out = found.size() - keep;
    found.resize(keep);
  }
  out.routes = std::move(found);
  return out;
}

} // namespace imputa::judging
