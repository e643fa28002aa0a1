// The cone of each claim (§4): the atoms that can bear on it, what is encoded
// for it; the case's premises indexed by atom; what connects a cone's atoms.
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

} // namespace

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
    if (const ground::Definition* d = g.definition(a))
      for (AtomId child : children(*d)) stack.push_back(child);
  }
  return constrained;
}

// Read over the whole ground program: the grounder's representatives stand
// only for entities whose instances this reads alike (ground/representatives.hpp, (e)).
std::vector<char> loose_atoms(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence) {
  const std::size_t n = g.atoms.size();
  // 1: occurs as a positive condition; 2: occurs otherwise, or is named by a premise, claim or assumption.
  std::vector<char> seen(n, 0);
  auto named = [&](AtomId a) { seen[a] = 2; };
  for (const auto& d : g.definitions) {
    for (const auto& body : d.bodies)
      for (const auto& l : body.literals) {
        if (l.kind == ground::Formula::Kind::atom) {
          if (seen[l.atom] == 0) seen[l.atom] = 1;
          continue;
        }
        std::vector<AtomId> atoms;
        ground::collect_atoms(l, atoms);
        for (AtomId a : atoms) named(a);
      }
    for (AtomId a : d.naive_origin) named(a);
  }
  for (const auto& f : g.facts)
    for (AtomId a : f.atoms) named(a);
  for (const auto& num : g.numeric) named(num.atom);
  for (const auto& l : evidence.literals())
    if (auto a = g.find(l.atom)) named(*a);
  for (AtomId a : g.assumed) named(a);
  for (const auto& c : g.claims) {
    std::vector<AtomId> atoms;
    ground::collect_atoms(c.formula, atoms);
    for (AtomId a : atoms) named(a);
  }
  std::vector<char> loose(n, 0);
  for (AtomId a = 0; a < n; ++a) {
    const auto* info = g.atoms[a].info;
    loose[a] = seen[a] == 1 && info && !info->numeric && !info->has(Tag::closed) && !g.derived(a);
  }
  return loose;
}

Cones::Cones(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence)
    : Cones(g, constrained_atoms(g, evidence)) {}

Cones::Cones(const ground::GroundProgram& g, std::vector<bool> constrained)
    : g_(g), parents_(g.atoms.size()), facts_of_(g.atoms.size()), constrained_(std::move(constrained)) {
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
    if (const ground::Definition* d = g_.definition(a))
      for (AtomId child : children(*d)) stack.push_back(child);
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
      facts_of(g.atoms.size()), numeric_of(g.atoms.size()), constrained(constrained_atoms(ground, e)),
      loose(loose_atoms(ground, e)) {
  for (std::size_t i = 0; i < e.literals().size(); ++i)
    if (auto a = g.find(e.literals()[i].atom)) literals_of[*a].push_back(i);
  for (std::size_t k = 0; k < g.facts.size(); ++k)
    if (!g.facts[k].atoms.empty()) facts_of[g.facts[k].atoms.front()].push_back(k);
  for (std::size_t k = 0; k < g.numeric.size(); ++k) numeric_of[g.numeric[k].atom].push_back(k);
}

std::optional<bool> BurdenAnswers::find(const Key& key) const {
  std::lock_guard lock(mutex_);
  auto it = answers_.find(key);
  return it == answers_.end() ? std::nullopt : std::optional<bool>(it->second);
}

void BurdenAnswers::remember(Key key, bool value) {
  std::lock_guard lock(mutex_);
  answers_.emplace(std::move(key), value);
}

std::size_t BurdenAnswers::Hash::operator()(const Key& key) const {
  std::uint64_t h = fnv_basis;
  for (std::uint64_t w : key) h = fnv_step(h, w);
  return static_cast<std::size_t>(h);
}

std::vector<std::size_t> CaseIndex::gather(const std::vector<std::vector<std::size_t>>& by_atom,
                                           const std::vector<AtomId>& cone) {
  std::vector<std::size_t> out;
  for (AtomId a : cone) out.insert(out.end(), by_atom[a].begin(), by_atom[a].end());
  std::sort(out.begin(), out.end());
  return out;
}

ConeLiterals cone_literals(const CaseIndex& c, const std::vector<AtomId>& cone) {
  std::vector<std::pair<std::size_t, AtomId>> on_cone; // (literal index, its atom), in file order
  for (AtomId a : cone)
    for (std::size_t i : c.literals_of[a]) on_cone.emplace_back(i, a);
  std::sort(on_cone.begin(), on_cone.end());
  ConeLiterals out;
  for (const auto& [i, a] : on_cone) out.emplace_back(c.evidence.literals()[i], a);
  return out;
}

std::vector<std::vector<std::size_t>> items_on_atoms(const CaseIndex& c, const ConeLiterals& literals) {
  std::vector<std::vector<std::size_t>> out(literals.size());
  for (std::size_t x = 0; x < literals.size(); ++x)
    for (bool positive : {true, false}) {
      const auto& items = c.evidence.items(weigh::LiteralKey{literals[x].first.atom, positive});
      out[x].insert(out[x].end(), items.begin(), items.end());
    }
  return out;
}

namespace {

// The position of `a` in the sorted `cone`, if it is there.
std::optional<std::size_t> local_index(const std::vector<AtomId>& cone, AtomId a) {
  auto it = std::lower_bound(cone.begin(), cone.end(), a);
  if (it == cone.end() || *it != a) return std::nullopt;
  return static_cast<std::size_t>(it - cone.begin());
}

// The bodies and naive origin of the definition of cone atom `i`, and their parents.
void index_definition(const ground::Definition& def, std::size_t i, const std::vector<AtomId>& cone,
                      const std::vector<char>& loose, ConeIndex& x) {
  for (const auto& body : def.bodies) {
    std::vector<AtomId> atoms;
    for (const auto& l : body.literals) ground::collect_atoms(l, atoms);
    const bool possibility = std::any_of(atoms.begin(), atoms.end(), [&](AtomId a) { return loose[a] != 0; });
    std::vector<std::size_t> locals;
    for (AtomId a : atoms)
      if (auto j = local_index(cone, a)) {
        locals.push_back(*j);
        x.parents[*j].emplace_back(i, body.rule);
      }
    x.bodies[i].emplace_back(body.rule, std::move(locals));
    x.possibility[i].push_back(possibility ? 1 : 0);
  }
  for (AtomId a : def.naive_origin)
    if (auto j = local_index(cone, a)) {
      x.naive_of[i].push_back(*j);
      x.naive_parents.emplace(*j, i);
    }
}

} // namespace

ConeIndex index_cone(const ground::GroundProgram& g, const std::vector<AtomId>& cone,
                     const std::vector<std::size_t>& facts, const std::vector<std::size_t>& numeric,
                     const ConeLiterals& literals, const std::vector<char>& loose) {
  const std::size_t n = cone.size();
  ConeIndex x;
  x.bodies.resize(n);
  x.possibility.resize(n);
  x.naive_of.resize(n);
  x.parents.resize(n);
  x.facts_on.resize(n);
  x.numeric_on.resize(n);
  x.literals_on.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    if (const ground::Definition* d = g.definition(cone[i]))
      index_definition(*d, i, cone, loose, x);
  for (std::size_t k : facts)
    for (AtomId a : g.facts[k].atoms)
      if (auto j = local_index(cone, a)) x.facts_on[*j].push_back(k);
  for (std::size_t k : numeric)
    if (auto j = local_index(cone, g.numeric[k].atom)) x.numeric_on[*j].push_back(k);
  for (std::size_t l = 0; l < literals.size(); ++l)
    if (auto j = local_index(cone, literals[l].second)) x.literals_on[*j].push_back(l);
  return x;
}

} // namespace imputa::judging
