// Would-establish sets (§6): up to five minimal sets of open base literals
// that, added to the premises, would establish a claim that is not established.
#include "claim_judge.hpp"

#include <algorithm>
#include <functional>

namespace imputa::judging {

namespace {
// The literal as a formula: the atom, or its negation.
ground::Formula literal_formula(AtomId a, bool positive) {
  ground::Formula atom;
  atom.kind = ground::Formula::Kind::atom;
  atom.atom = a;
  if (positive) return atom;
  ground::Formula neg;
  neg.kind = ground::Formula::Kind::negation;
  neg.operands.push_back(std::move(atom));
  return neg;
}
} // namespace

// The open (not closed-world) base atoms the claim depends on, by id, but a
// witness's (GroundProgram::witness_atoms: the representative's twin stands for it).
std::vector<AtomId> ClaimJudge::open_candidates() {
  std::vector<AtomId> candidates;
  for (AtomId a : dependency_atoms()) {
    const auto* info = s_.g.atoms[a].info;
    if (info && !info->has(Tag::closed) && !s_.g.witness_atom(a)) candidates.push_back(a);
  }
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

// The single literals that might establish the claim: those inconsistent with
// `against` (the premises and the claim's denial), or not decided in time.
// Assume a whole group of literals of one sign at once: if that is
// satisfiable, none of them can. If not, the unsat core names which of them
// conflict: one alone is such a literal. Several are asked the other way:
// if not even one of them can hold (`against` with their disjunction is
// unsatisfiable), each is such a literal; if one can, the model shows which
// of them (and of the rest of the group) hold with `against`, and those are
// not. Cores are rarely minimal: narrowing them down by halves cost about
// twelve checks per literal found on the contested campaign
// (docs/performance.md). The answer does not depend on the cores or models
// Z3 gives: each literal ends in a satisfiable check, or in an
// unsatisfiable one that shows it cannot hold with `against`.
std::set<std::pair<AtomId, bool>> ClaimJudge::singles_to_test(const std::vector<Lit>& against,
                                                              const std::vector<AtomId>& candidates,
                                                              Deadline deadline) {
  std::set<std::pair<AtomId, bool>> out;
  auto found = [&](AtomId a, bool positive, bool shown_unsat) {
    out.emplace(a, positive);
    if (shown_unsat) remember_unsat(against, {session_.literal(a, positive), true});
  };
  // `against` with "one of `atoms` has this sign" (the model kept when satisfiable).
  auto either = [&](const std::vector<AtomId>& atoms, bool positive) {
    ground::Formula any;
    any.kind = ground::Formula::Kind::disjunction;
    for (AtomId a : atoms) any.operands.push_back(literal_formula(a, positive));
    std::vector<Lit> lits = against;
    lits.push_back({session_.goal(any), true});
    return session_.check(lits, deadline, true);
  };
  std::function<void(std::vector<AtomId>, bool)> test = [&](std::vector<AtomId> group, bool positive) {
    while (!group.empty()) {
      std::vector<Lit> lits = against;
      std::map<Selector, AtomId> atom_of;
      for (AtomId a : group) {
        Selector s = session_.literal(a, positive);
        lits.push_back({s, true});
        atom_of.emplace(s, a);
      }
      Answer answer = session_.check(lits, deadline);
      if (answer == Answer::sat) return;
      std::vector<AtomId> conflicting;
      if (answer == Answer::unsat)
        for (Selector s : session_.core())
          if (auto it = atom_of.find(s); it != atom_of.end()) conflicting.push_back(it->second);
      // Undecided, or `against` alone is unsatisfiable: each literal may establish the claim.
      if (answer == Answer::unknown || conflicting.empty() || group.size() == 1) {
        for (AtomId a : group) found(a, positive, answer == Answer::unsat && group.size() == 1);
        return;
      }
      std::sort(conflicting.begin(), conflicting.end());
      std::vector<AtomId> settled; // found, or shown to hold with `against`
      if (conflicting.size() == 1) {
        found(conflicting.front(), positive, true);
        settled = conflicting;
      } else if (Answer any = either(conflicting, positive); any == Answer::unsat) {
        for (AtomId a : conflicting) found(a, positive, true);
        settled = conflicting;
      } else if (any == Answer::sat) {
        for (AtomId a : group)
          if (session_.value(a) == positive) settled.push_back(a);
      }
      if (settled.empty()) { // undecided (or no literal of the model's): narrow the core down by halves
        if (conflicting.size() < group.size()) {
          test(conflicting, positive);
        } else {
          auto mid = group.begin() + static_cast<std::ptrdiff_t>(group.size() / 2);
          test({group.begin(), mid}, positive);
          conflicting.assign(mid, group.end());
          test(conflicting, positive);
          return;
        }
        settled = std::move(conflicting);
      }
      std::vector<AtomId> rest;
      std::set_difference(group.begin(), group.end(), settled.begin(), settled.end(), std::back_inserter(rest));
      group = std::move(rest);
    }
  };
  test(candidates, true);
  test(candidates, false);
  return out;
}

// A goal that is false when all literals of `set` hold: the next set must not contain this one.
Lit ClaimJudge::blocking(const std::vector<std::pair<AtomId, bool>>& set) {
  ground::Formula conj;
  conj.kind = ground::Formula::Kind::conjunction;
  for (const auto& [a, positive] : set) conj.operands.push_back(literal_formula(a, positive));
  if (conj.operands.size() == 1) conj = conj.operands[0];
  return {session_.goal(conj), false};
}

// P with the literal is consistent and entails the claim.
bool ClaimJudge::establishes(const std::vector<Lit>& P, AtomId a, bool positive, Deadline deadline) {
  std::vector<Lit> lits = P;
  lits.push_back({session_.literal(a, positive), true});
  if (check_with(lits, std::nullopt, deadline) != Answer::sat) return false;
  return check_with(lits, Lit{goal_, false}, deadline) == Answer::unsat;
}

// A minimal set of candidate literals, none of the `blocks` sets, that
// establishes the claim: read off a canonical model where it holds.
std::optional<ClaimJudge::Model> ClaimJudge::next_establishing_set(const std::vector<Lit>& P,
                                                                   const std::vector<AtomId>& candidates,
                                                                   const std::vector<Lit>& blocks,
                                                                   Deadline deadline) {
  std::vector<Lit> lits = P;
  lits.insert(lits.end(), blocks.begin(), blocks.end());
  lits.push_back({goal_, true});
  auto model = canonical_model(lits, deadline);
  if (!model) return std::nullopt;
  std::vector<Lit> chosen;
  for (const auto& [a, v] : *model)
    if (std::binary_search(candidates.begin(), candidates.end(), a)) chosen.push_back({session_.literal(a, v), true});
  std::vector<Lit> fixed = P;
  fixed.push_back({goal_, false});
  auto minimal = minimize(chosen, fixed, deadline);
  if (!minimal || minimal->empty()) return std::nullopt;
  Model members;
  for (const Lit& l : *minimal) {
    const auto& info = session_.info(l.selector);
    members.emplace_back(info.atom, info.positive);
  }
  return members;
}

// §6: up to five minimal sets of open base literals that would establish the claim.
// P is consistent and does not entail the claim (the verdicts that call for
// these sets). An atom whose value P states outright (a fact, proven
// evidence) is no candidate: its literal either follows from P, and adds
// nothing, or contradicts it. Left in, each cost checks: a retorsion claim
// depends on a `not targets(op, X)` fact for every state X (docs/performance.md).
// In a minimal set such a literal never stays, so leaving it out changes no set.
std::vector<std::vector<Literal>> ClaimJudge::would_establish(const std::vector<Lit>& P, Deadline deadline) {
  std::vector<AtomId> candidates = open_candidates();
  const std::map<AtomId, bool> stated = stated_values(P);
  std::erase_if(candidates, [&](AtomId a) { return stated.count(a) != 0; });
  std::vector<std::vector<Literal>> found;
  // A set through a witness has a twin through the representative, which
  // the report names instead: the sets are looked for with the witnesses'
  // atoms false (GroundProgram::witness_atoms).
  std::vector<Lit> blocks;
  for (AtomId a : dependency_atoms())
    if (s_.g.witness_atom(a)) blocks.push_back({session_.literal(a, false), true});
  // Single literals first, so that the shortest ways to establish it come first.
  std::vector<Lit> against = P;
  against.push_back({goal_, false});
  std::set<std::pair<AtomId, bool>> open = singles_to_test(against, candidates, deadline);
  for (AtomId a : candidates) {
    for (bool positive : {true, false}) {
      if (found.size() >= 5) break;
      if (!open.count({a, positive}) || !establishes(P, a, positive, deadline)) continue;
      found.push_back({Literal{s_.g.atoms[a].text, positive}});
      blocks.push_back(blocking({{a, positive}}));
    }
  }
  for (int round = static_cast<int>(found.size()); round < 5; ++round) {
    auto members = next_establishing_set(P, candidates, blocks, deadline);
    if (!members) break;
    std::vector<Literal> set;
    for (const auto& [a, positive] : *members) set.push_back({s_.g.atoms[a].text, positive});
    std::sort(set.begin(), set.end());
    found.push_back(std::move(set));
    blocks.push_back(blocking(*members)); // the next set must not contain this one
  }
  std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    return x.size() != y.size() ? x.size() < y.size() : x < y;
  });
  return found;
}

} // namespace imputa::judging
