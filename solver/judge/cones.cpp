// The cone of each claim (§4): the atoms that can bear on it, what is encoded
// for it; and the case's premises indexed by atom, so a claim sees only its cone.
#include "claim_judge.hpp"

#include <algorithm>
#include <unordered_set>

namespace imputa::judging {

// The atoms a claim's cone (§4) can reach under any setting: what is encoded
// for it. The cone itself is taken per setting in ClaimJudge::premises_for(),
// over these atoms, through the premises in force for the claim only (its
// doctrines, drops, an accusation's exclusions, literals proven at its
// standard on each reading), so a rule the claim does not use, a fact it
// drops or evidence below its standard cannot join it to a conflict (issue
// 14: four claims of one file, all INCONSISTENT before, are ESTABLISHED,
// ESTABLISHED, NOT_ESTABLISHED, NOT_ESTABLISHED). From the claim's
// atoms, follow rules down to their conditions, facts across to the atoms they
// mention, and rules up to a conclusion only when something constrains that
// conclusion or one above it (a premise on it). A conclusion nothing
// constrains is a mere definition: it can always be made to agree, so it
// connects nothing. This keeps two claims about different operations apart
// even when they share a status fact such as organ_of(gru, rus), and keeps a
// conflict elsewhere from poisoning an unrelated claim.
namespace {

// The atoms a definition's bodies (and its naive origin) mention, sorted.
std::vector<AtomId> children(const ground::Definition& d) {
  std::vector<AtomId> out;
  for (const auto& b : d.bodies)
    for (const auto& l : b.literals) ground::collect_atoms(l, out);
  out.insert(out.end(), d.naive_origin.begin(), d.naive_origin.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Atoms with a premise on them or on one above them.
std::vector<bool> constrained_atoms(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence) {
  std::vector<bool> constrained(g.atoms.size(), false);
  std::vector<AtomId> stack;
  for (const auto& f : g.facts) stack.insert(stack.end(), f.atoms.begin(), f.atoms.end());
  for (const auto& n : g.numeric) stack.push_back(n.atom);
  for (const auto& l : evidence.literals())
    if (auto a = g.find(l.atom)) stack.push_back(*a);
  stack.insert(stack.end(), g.assumed.begin(), g.assumed.end());
  while (!stack.empty()) {
    AtomId a = stack.back();
    stack.pop_back();
    if (constrained[a]) continue;
    constrained[a] = true;
    if (auto d = g.definition_of.find(a); d != g.definition_of.end())
      for (AtomId child : children(g.definitions[d->second])) stack.push_back(child);
  }
  return constrained;
}

} // namespace

Cones::Cones(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence)
    : g_(g), parents_(g.atoms.size()), facts_of_(g.atoms.size()), constrained_(constrained_atoms(g, evidence)) {
  for (const auto& d : g.definitions)
    for (AtomId child : children(d)) parents_[child].push_back(d.head);
  for (std::size_t k = 0; k < g.facts.size(); ++k)
    for (AtomId a : g.facts[k].atoms) facts_of_[a].push_back(k);
}

std::vector<AtomId> Cones::cone(const std::vector<AtomId>& atoms) const {
  std::vector<bool> in(g_.atoms.size(), false);
  std::vector<AtomId> out, stack(atoms.begin(), atoms.end());
  std::unordered_set<std::size_t> facts_seen;
  while (!stack.empty()) {
    AtomId a = stack.back();
    stack.pop_back();
    if (in[a]) continue;
    in[a] = true;
    out.push_back(a);
    if (auto d = g_.definition_of.find(a); d != g_.definition_of.end())
      for (AtomId child : children(g_.definitions[d->second])) stack.push_back(child);
    for (std::size_t k : facts_of_[a]) // each fact once: a fact of n atoms would push n^2
      if (facts_seen.insert(k).second) stack.insert(stack.end(), g_.facts[k].atoms.begin(), g_.facts[k].atoms.end());
    for (AtomId p : parents_[a])
      if (constrained_[p]) stack.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

CaseIndex::CaseIndex(const Program& p, const ground::GroundProgram& ground, const weigh::EvidenceIndex& e,
                     const JudgeOptions& o)
    : program(p), g(ground), evidence(e), options(o), standards(ranked_standards(p)), literals_of(g.atoms.size()),
      facts_of(g.atoms.size()), numeric_of(g.atoms.size()) {
  for (std::size_t i = 0; i < e.literals().size(); ++i)
    if (auto a = g.find(e.literals()[i].atom)) literals_of[*a].push_back(i);
  for (std::size_t k = 0; k < g.facts.size(); ++k)
    if (!g.facts[k].atoms.empty()) facts_of[g.facts[k].atoms.front()].push_back(k);
  for (std::size_t k = 0; k < g.numeric.size(); ++k) numeric_of[g.numeric[k].atom].push_back(k);
}

std::vector<std::size_t> CaseIndex::gather(const std::vector<std::vector<std::size_t>>& by_atom,
                                           const std::vector<AtomId>& cone) {
  std::vector<std::size_t> out;
  for (AtomId a : cone) out.insert(out.end(), by_atom[a].begin(), by_atom[a].end());
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace imputa::judging
