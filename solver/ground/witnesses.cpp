// Witnesses (representatives.hpp, (f)): which representatives' instances
// need an entity of their own beside them, and which atoms only those reach.
#include "ground/representatives.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace imputa::ground {

// (f) Which conclusions may have to hold in one model, each through its
// representative's instance. A conclusion may have to hold where a premise
// bears on it (a fact, supporting evidence, an assumption) or a claim
// mentions it (its models and counter-models may each need it true), and
// so may a conclusion that a body of such a conclusion holds as a positive
// condition. (One that must be false needs no entity: each
// representative's instance is false through its open link, (b). What a
// double negation could require true is not followed; no generated case
// has needed it.) Two of them are needed together when they lie below two
// conditions of one body, or one below the representative's own body of
// the other; not when they lie below two alternative bodies of one
// conclusion (one body is enough), nor when both are reached only through
// one condition the two share (it has one body in a model). The premises
// are needed together, and with every claim. Two conclusions needed
// together whose representatives are of one type, and whose atoms can
// meet, each get a witness (split_one).
std::vector<char> Representatives::needing_witness(const Program& p, const GroundProgram& g) const {
  std::vector<char> out(records_.size(), 0);
  if (!witnesses_) return out;
  // By head: the records (index) resting on a representative there.
  std::unordered_map<AtomId, std::vector<std::size_t>> of_head;
  for (std::size_t k = 0; k < records_.size(); ++k)
    if (!records_[k].retired && !records_[k].witnessed) of_head[records_[k].head].push_back(k);
  if (of_head.empty()) return out;
  // A body's positive conditions (into a buffer reused: conclusions with
  // many bodies are walked three times a round).
  auto atoms_of = [](const Body& body, std::vector<AtomId>& atoms) -> const std::vector<AtomId>& {
    atoms.clear();
    for (const auto& l : body.literals)
      if (l.kind == Formula::Kind::atom) atoms.push_back(l.atom);
    return atoms;
  };
  std::vector<AtomId> buffer;
  // below[a]: the heads with records at or below a (ascending); computed
  // depth first, a cycle (E009, reported later) cut where it closes.
  std::vector<std::vector<AtomId>> below(g.atoms.size());
  std::vector<char> state(g.atoms.size(), 0); // 1: on the stack, 2: done
  auto compute = [&](AtomId root) {
    std::vector<std::pair<AtomId, bool>> stack{{root, false}};
    while (!stack.empty()) {
      auto [a, children_done] = stack.back();
      stack.pop_back();
      if (children_done) {
        std::vector<AtomId> d;
        if (of_head.count(a)) d.push_back(a);
        if (const Definition* def = g.definition(a))
          for (const auto& body : def->bodies)
            for (AtomId c : atoms_of(body, buffer)) d.insert(d.end(), below[c].begin(), below[c].end());
        std::sort(d.begin(), d.end());
        d.erase(std::unique(d.begin(), d.end()), d.end());
        below[a] = std::move(d);
        state[a] = 2;
        continue;
      }
      if (state[a] != 0) continue;
      state[a] = 1;
      stack.emplace_back(a, true);
      if (const Definition* def = g.definition(a))
        for (const auto& body : def->bodies)
          for (AtomId c : atoms_of(body, buffer))
            if (state[c] == 0) stack.emplace_back(c, false);
    }
  };
  // Where two representatives' atoms can meet: atoms with a representative
  // are joined when one body holds them, or a conclusion and its body do
  // (the completion is the only constraint on them; no premise or claim
  // names them). Two instances whose atoms never meet cannot tell one name
  // from two (the objects of a critical-infrastructure instance and of a
  // distinction instance).
  std::vector<AtomId> parent(g.atoms.size());
  for (AtomId a = 0; a < parent.size(); ++a) parent[a] = a;
  auto find = [&](AtomId a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  };
  auto with_rep = [&](AtomId a) {
    const auto& args = g.atoms[a].args;
    return std::any_of(args.begin(), args.end(), [](const std::string& x) { return is_representative(x); });
  };
  for (const auto& d : g.definitions) {
    const bool head_rep = with_rep(d.head);
    for (const auto& body : d.bodies) {
      std::optional<AtomId> first;
      if (head_rep) first = d.head;
      std::vector<AtomId>& atoms = buffer;
      atoms.clear();
      for (const auto& l : body.literals) collect_atoms(l, atoms);
      for (AtomId a : atoms) {
        if (!with_rep(a)) continue;
        if (!first) first = a;
        else parent[find(a)] = find(*first);
      }
    }
  }
  // A record's key: its representative's type (two names of one type,
  // free_representative, stand for entities of one domain) and where its
  // atoms meet others. By head, its records' keys, ascending.
  std::vector<std::uint64_t> key(records_.size(), 0);
  for (const auto& [h, ks] : of_head)
    for (std::size_t k : ks) {
      const Record& rec = records_[k];
      AtomId where = rec.head;
      for (AtomId a : rec.atoms) {
        const auto& args = g.atoms[a].args;
        if (std::find(args.begin(), args.end(), rec.rep) != args.end()) {
          where = a;
          break;
        }
      }
      key[k] = (std::uint64_t{static_cast<unsigned>(rec.rule->types.at(rec.var))} << 32) | find(where);
    }
  std::unordered_map<AtomId, std::vector<std::uint64_t>> keys;
  for (const auto& [h, ks] : of_head) {
    auto& v = keys[h];
    for (std::size_t k : ks) v.push_back(key[k]);
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  auto mark = [&](AtomId h, const std::vector<std::uint64_t>& which) {
    for (std::size_t k : of_head.at(h))
      if (std::binary_search(which.begin(), which.end(), key[k])) out[k] = 1;
  };
  auto common = [](const std::vector<std::uint64_t>& x, const std::vector<std::uint64_t>& y) {
    std::vector<std::uint64_t> out_;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out_));
    return out_;
  };
  // Atoms needed together (a body's conditions, a claim's atoms): every
  // head below one, with a head of its key below another and not below
  // the first.
  auto together = [&](const std::vector<AtomId>& atoms) {
    if (std::count_if(atoms.begin(), atoms.end(), [&](AtomId a) { return !below[a].empty(); }) < 2) return;
    std::vector<AtomId> group;
    for (AtomId a : atoms)
      if (!below[a].empty() && std::find(group.begin(), group.end(), a) == group.end()) group.push_back(a);
    if (group.size() < 2) return;
    std::vector<std::vector<std::uint64_t>> under(group.size());
    for (std::size_t i = 0; i < group.size(); ++i) {
      for (AtomId x : below[group[i]]) under[i].insert(under[i].end(), keys.at(x).begin(), keys.at(x).end());
      std::sort(under[i].begin(), under[i].end());
      under[i].erase(std::unique(under[i].begin(), under[i].end()), under[i].end());
    }
    for (std::size_t i = 0; i < group.size(); ++i) {
      const auto& xs = below[group[i]];
      std::vector<std::uint64_t> needed;
      for (std::size_t j = 0; j < group.size(); ++j) {
        if (j == i || common(under[i], under[j]).empty()) continue;
        for (AtomId y : below[group[j]]) {
          if (std::binary_search(xs.begin(), xs.end(), y)) continue;
          const auto both = common(keys.at(y), under[i]);
          if (both.empty()) continue;
          mark(y, both);
          needed.insert(needed.end(), both.begin(), both.end());
        }
      }
      std::sort(needed.begin(), needed.end());
      needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
      if (!needed.empty())
        for (AtomId x : xs) mark(x, needed);
    }
  };
  // Every conclusion below the roots, once: its bodies' conditions are
  // needed together, and a record's own body with the head.
  std::vector<AtomId> roots;
  for (const auto& claim : g.claims) collect_atoms(claim.formula, roots);
  std::vector<AtomId> premised;
  for (const auto& f : g.facts) collect_atoms(f.formula, premised);
  premised.insert(premised.end(), g.assumed.begin(), g.assumed.end());
  for (const auto& e : p.evidence)
    for (const auto& b : e.bearings)
      if (b.supports)
        if (auto id = g.find(atom_text(b.atom.predicate.text, args_of(b.atom, {})))) premised.push_back(*id);
  roots.insert(roots.end(), premised.begin(), premised.end());
  for (AtomId r : roots) compute(r);
  std::vector<char> seen(g.atoms.size(), 0);
  std::vector<AtomId> stack = roots;
  while (!stack.empty()) {
    AtomId a = stack.back();
    stack.pop_back();
    if (seen[a]) continue;
    seen[a] = 1;
    const Definition* def = g.definition(a);
    if (!def) continue;
    const auto heads = of_head.find(a);
    for (const auto& body : def->bodies) {
      const std::vector<AtomId>& conditions = atoms_of(body, buffer);
      together(conditions);
      // The representatives' names this body holds (a record's own body holds its own).
      std::vector<const std::string*> names;
      if (heads != of_head.end())
        for (AtomId c : conditions)
          for (const auto& x : g.atoms[c].args)
            if (is_representative(x) &&
                std::none_of(names.begin(), names.end(), [&](const std::string* n) { return *n == x; }))
              names.push_back(&x);
      if (!names.empty())
        for (std::size_t k : heads->second) {
          const std::string& rep = records_[k].rep;
          if (std::none_of(names.begin(), names.end(), [&](const std::string* n) { return *n == rep; })) continue;
          for (AtomId c : conditions)
            for (AtomId y : below[c]) {
              const auto& ky = keys.at(y);
              if (y != a && std::binary_search(ky.begin(), ky.end(), key[k])) {
                out[k] = 1;
                mark(y, {key[k]});
              }
            }
        }
      stack.insert(stack.end(), conditions.begin(), conditions.end());
    }
  }
  // The premises with each other and with every claim's atoms.
  std::erase_if(premised, [&](AtomId a) { return below[a].empty(); });
  std::sort(premised.begin(), premised.end());
  premised.erase(std::unique(premised.begin(), premised.end()), premised.end());
  together(premised);
  for (const auto& claim : g.claims) {
    std::vector<AtomId> group;
    collect_atoms(claim.formula, group);
    group.insert(group.end(), premised.begin(), premised.end());
    together(group);
  }
  return out;
}

void Representatives::mark_witnesses(const CaseIndex& index, GroundProgram& g) const {
  // A witness whose representative went (every entity has its own
  // instance now) is an entity like the others.
  for (const auto& rec : records_) {
    if (!rec.retired || rec.witness.empty()) continue;
    for (auto& body : g.definition(rec.head)->bodies) {
      if (!body.witness || body.rule != rec.rule->index) continue;
      std::vector<AtomId> atoms;
      for (const auto& l : body.literals) collect_atoms(l, atoms);
      if (std::any_of(atoms.begin(), atoms.end(), [&](AtomId a) {
            const auto& args = g.atoms[a].args;
            return std::find(args.begin(), args.end(), rec.witness) != args.end();
          }))
        body.witness = false;
    }
  }
  // Atoms reached from what a premise or claim mentions through bodies
  // that are no witness's.
  std::vector<char> reached(g.atoms.size(), 0);
  std::vector<AtomId> stack;
  for (AtomId a = 0; a < g.atoms.size(); ++a)
    if (index.mentioned(a)) stack.push_back(a);
  while (!stack.empty()) {
    AtomId a = stack.back();
    stack.pop_back();
    if (reached[a]) continue;
    reached[a] = 1;
    if (const Definition* d = g.definition(a)) {
      for (const auto& body : d->bodies)
        if (!body.witness)
          for (const auto& l : body.literals) collect_atoms(l, stack);
      stack.insert(stack.end(), d->naive_origin.begin(), d->naive_origin.end());
    }
  }
  g.witness_atoms.clear();
  for (AtomId a = 0; a < g.atoms.size(); ++a)
    if (!reached[a] && !g.derived(a)) g.witness_atoms.push_back(a);
}

} // namespace imputa::ground
