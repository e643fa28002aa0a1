// The verdict of a claim (§4): consistency, entailment either way, then the
// favourable reading and an accusation's naive premises, in that precedence.
#include "claim_judge.hpp"

#include <algorithm>

namespace imputa::judging {

// A check whose model and core are not needed: answers are cached, since the
// same assumptions in this claim's session always get the same answer.
Answer ClaimJudge::check_with(std::vector<Lit> lits, std::optional<Lit> extra, Deadline deadline) {
  if (extra) lits.push_back(*extra);
  std::sort(lits.begin(), lits.end());
  return answer_of(std::move(lits), [&](const std::vector<Lit>& sorted) { return session_.check(sorted, deadline); });
}

// What a core showed: `lits` with `extra` is unsatisfiable (check_with answers it from now on).
void ClaimJudge::remember_unsat(std::vector<Lit> lits, Lit extra) {
  lits.push_back(extra);
  std::sort(lits.begin(), lits.end());
  answers_.emplace(std::move(lits), Answer::unsat);
}

// The verdict of §4 on this claim's premises at its standard, leaving `drops` out.
Decision ClaimJudge::decide(const std::set<std::string>& drops, Deadline deadline) {
  Decision d;
  d.premises = premises(Premises::cautious, setting_.standard, drops, deadline);
  if (!d.premises.unknown) d.verdict = verdict_on(d.premises.lits, drops, deadline);
  return d;
}

Verdict ClaimJudge::verdict_on(const std::vector<Lit>& P, const std::set<std::string>& drops, Deadline deadline) {
  Answer consistent = check_with(P, std::nullopt, deadline);
  if (consistent == Answer::unknown) return Verdict::unknown;
  if (consistent == Answer::unsat) return Verdict::inconsistent;
  Answer a = check_with(P, Lit{goal_, false}, deadline);
  if (a == Answer::unknown) return Verdict::unknown;
  if (a == Answer::unsat) return Verdict::established;
  Answer b = check_with(P, Lit{goal_, true}, deadline);
  if (b == Answer::unknown) return Verdict::unknown;
  if (b == Answer::unsat) return Verdict::refuted;
  auto favourable = carries(Premises::favourable, setting_.standard, drops, deadline);
  if (!favourable) return Verdict::unknown;
  if (*favourable) return Verdict::arguable;
  if (setting_.mode == ClaimMode::accusation) {
    auto naive = carries(Premises::naive, setting_.standard, drops, deadline);
    if (!naive) return Verdict::unknown;
    if (*naive) return Verdict::unsubstantiated;
  }
  return Verdict::not_established;
}

// These premises are consistent and entail the claim; nullopt if a check ran out of time.
std::optional<bool> ClaimJudge::carries(Premises which, const StandardInfo& standard,
                                        const std::set<std::string>& drops, Deadline deadline) {
  PremiseSet lits = premises(which, standard, drops, deadline);
  if (lits.unknown) return std::nullopt;
  Answer consistent = check_with(lits.lits, std::nullopt, deadline);
  if (consistent == Answer::unknown) return std::nullopt;
  if (consistent == Answer::unsat) return false;
  Answer a = check_with(lits.lits, Lit{goal_, false}, deadline);
  if (a == Answer::unknown) return std::nullopt;
  return a == Answer::unsat;
}

Undecided ClaimJudge::unknown_reason(Deadline deadline) const {
  return smt::Clock::now() >= deadline ? Undecided::time_limit : Undecided::solver;
}

} // namespace imputa::judging
