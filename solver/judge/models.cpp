// Counter-models and witnesses in canonical form: a model that does not depend
// on Z3's choices, shown as the literals the case says something about.
#include "claim_judge.hpp"

#include <algorithm>
#include <functional>

namespace imputa::judging {

// A model of `lits` that does not depend on Z3's choices, kept by its
// question: asked again, the same model. A witness of a claim NOT
// ESTABLISHED is also the first model would-establish reads when no single
// literal establishes the claim. (Unsatisfiable or out of time: not kept.)
std::optional<ClaimJudge::Model> ClaimJudge::canonical_model(std::vector<Lit> lits, Deadline deadline) {
  if (auto it = models_.find(lits); it != models_.end()) return it->second;
  std::vector<Lit> question = lits;
  auto out = canonical_model_of(std::move(lits), deadline);
  if (out) models_.emplace(std::move(question), *out);
  return out;
}

// A model of `lits` that does not depend on Z3's choices: each atom the
// claim depends on, in text order (a witness's first,
// GroundProgram::witness_atoms), is false unless the premises force it
// true. Returns the literals (and leaves them decided), or nullopt.
//
// The result is the same as checking every atom in turn, with far fewer
// checks: an atom a premise states outright is decided without one; the
// kept model witnesses every atom it makes false; and an atom it makes true
// is first tried false together with every later atom the model makes true.
std::optional<ClaimJudge::Model> ClaimJudge::canonical_model_of(std::vector<Lit> lits, Deadline deadline) {
  if (session_.check(lits, deadline, true) != Answer::sat) return std::nullopt;
  const std::map<AtomId, bool> stated = stated_values(lits);
  const auto& atoms = dependency_atoms();
  Model out;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    AtomId a = atoms[i];
    if (auto it = stated.find(a); it != stated.end()) {
      lits.push_back({session_.literal(a, it->second), true});
      out.emplace_back(a, it->second);
      continue;
    }
    lits.push_back({session_.literal(a, false), true});
    // Invariant: the kept model satisfies `lits` (an unsat check keeps the
    // last model, which made `a` true).
    Answer answer = Answer::sat;
    if (session_.value(a)) {
      std::vector<Lit> all_false = lits;
      for (std::size_t j = i + 1; j < atoms.size(); ++j)
        if (!stated.count(atoms[j]) && session_.value(atoms[j])) all_false.push_back({session_.literal(atoms[j], false), true});
      answer = all_false.size() > lits.size() ? session_.check(all_false, deadline, true) : Answer::unsat;
      if (answer != Answer::sat) answer = session_.check(lits, deadline, true);
    }
    if (answer == Answer::unknown) return std::nullopt;
    if (answer == Answer::unsat) lits.back() = {session_.literal(a, true), true};
    out.emplace_back(a, answer == Answer::unsat);
  }
  return out;
}

// Atoms whose value a premise among `lits` states outright: a fact that is
// an atom, a negated atom or a conjunction of them; proven evidence; an
// assumption; a decided literal. Every model of `lits` agrees with them.
std::map<AtomId, bool> ClaimJudge::stated_values(const std::vector<Lit>& lits) const {
  std::map<AtomId, bool> out;
  std::function<void(const ground::Formula&, bool)> unit = [&](const ground::Formula& f, bool positive) {
    using K = ground::Formula::Kind;
    if (f.kind == K::atom) out[f.atom] = positive;
    else if (f.kind == K::negation) unit(f.operands[0], !positive);
    else if (f.kind == K::conjunction && positive)
      for (const auto& o : f.operands) unit(o, true);
  };
  for (const Lit& l : lits) {
    if (!l.positive) continue;
    const auto& info = session_.info(l.selector);
    using K = smt::SelectorInfo::Kind;
    if (info.kind == K::fact) unit(s_.g.facts[info.index].formula, true);
    else if (info.kind == K::proof || info.kind == K::literal) out[info.atom] = info.positive;
    else if (info.kind == K::assumption) out[info.atom] = true;
  }
  std::erase_if(out, [&](const auto& entry) {
    const auto* info = s_.g.atoms[entry.first].info;
    return !info || info->numeric || s_.g.derived(entry.first);
  });
  return out;
}

// Base atoms the claim depends on: its atoms and, through rules, their bodies.
const std::vector<AtomId>& ClaimJudge::dependency_atoms() {
  if (!dependencies_.empty()) return dependencies_;
  for (AtomId a : ground::dependencies(s_.g, inst_.formula)) {
    const auto* info = s_.g.atoms[a].info;
    if (!s_.g.derived(a) && info && !info->numeric) dependencies_.push_back(a);
  }
  // A witness's atoms first (made false first): where one entity nobody
  // names carries the claim, the model names the representative.
  std::sort(dependencies_.begin(), dependencies_.end(), [&](AtomId x, AtomId y) {
    const bool wx = s_.g.witness_atom(x), wy = s_.g.witness_atom(y);
    return wx != wy ? wx : s_.g.atoms[x].text < s_.g.atoms[y].text;
  });
  return dependencies_;
}

// True literals first, then false ones, each in text order. A false atom is
// shown only where the case says something about it (a fact, evidence or an
// assumption): "not performed_by(op, gru)" matters, the hundred atoms nobody
// mentioned do not. `scope`: PremiseSet::connected, by position in the cone.
std::vector<Literal> ClaimJudge::literals_of(const Model& model, const std::vector<char>& scope) const {
  std::set<AtomId> mentioned(setting_.assumes.begin(), setting_.assumes.end());
  for (const auto& [_, a] : cone_literals_) mentioned.insert(a);
  for (std::size_t k : cone_facts_) mentioned.insert(s_.g.facts[k].atoms.begin(), s_.g.facts[k].atoms.end());
  // Literals a kept stipulated fact states outright: agreed, not part of the scenario.
  std::vector<Lit> kept_facts;
  for (std::size_t k : cone_facts_) {
    const FactItem& fact = s_.program.facts[s_.g.facts[k].fact];
    if (fact.label && setting_.drops.count(*fact.label)) continue;
    if (setting_.mode == ClaimMode::accusation && s_.g.facts[k].mentions_link) continue;
    if (auto sel = session_.fact(k)) kept_facts.push_back({*sel, true});
  }
  const std::map<AtomId, bool> agreed = stated_values(kept_facts);
  std::vector<Literal> out;
  // Atoms outside the component of P are no premise's business (§4): their
  // values in a model say nothing about the case.
  for (const auto& [a, v] : model)
    if ((v || mentioned.count(a)) && in_cone(a) && scope[local(a)]) {
      const auto& atom = s_.g.atoms[a];
      auto st = agreed.find(a);
      out.push_back({atom.text, v, atom.predicate, atom.args, st != agreed.end() && st->second == v});
    }
  std::stable_sort(out.begin(), out.end(), [](const Literal& x, const Literal& y) { return x.positive > y.positive; });
  return out;
}

} // namespace imputa::judging
