// Instantiation of rules for each derived atom (instantiate.hpp).
#include "ground/instantiate.hpp"

#include <algorithm>

namespace imputa::ground {

Instantiator::Instantiator(const Program& p, const RuleBook& rules, const PossibleAtoms& possible,
                           const CaseIndex& index, Builder& builder, Representatives& representatives, bool shortcuts)
    : p_(p), rules_(rules), possible_(possible), index_(index), builder_(builder), representatives_(representatives),
      shortcuts_(shortcuts) {}

void Instantiator::expand_pending() {
  while (builder_.budget().ok())
    if (auto a = builder_.take_work()) expand(*a);
    else break;
}

void Instantiator::expand(AtomId id) {
  if (expanded_.size() <= id) expanded_.resize(id + 1, false);
  if (expanded_[id]) return;
  expanded_[id] = true;
  const Atom atom = builder_.program().atoms[id]; // copied: interning may grow the table
  auto rules = rules_.by_head.find(atom.predicate);
  if (rules == rules_.by_head.end()) return;
  Expansion x;
  x.def.head = id;
  for (const auto& r : rules->second) {
    Binding b;
    if (!unify(r.head, atom.args, b)) continue;
    if (shortcuts_) bind_equal_to_representatives(r, b);
    RuleJoin j{r, rules_.generators(p_, r), {}, x};
    j.used.assign(j.gens.size(), false);
    join(j, b);
    if (!builder_.budget().ok()) return;
  }
  // Naive premises only (docs/semantics.md §5): the origin atoms that would
  // "make" an attribution atom true.
  const auto* info = atom.info;
  if (info && info->has(Tag::attribution) && atom.args.size() == 2 && info->params.size() == 2 &&
      info->params[0] == EntityType::operation && info->params[1] == EntityType::state) {
    for (const char* origin : {"originates_in", "uses_infrastructure_in"})
      if (p_.predicates.count(origin)) x.def.naive_origin.push_back(builder_.intern(origin, atom.args));
  }
  settle_set_aside(x);
  GroundProgram& g = builder_.program();
  if (g.definition_index.size() <= id) g.definition_index.resize(id + 1, GroundProgram::none);
  g.definition_index[id] = static_cast<std::uint32_t>(g.definitions.size());
  g.definitions.push_back(std::move(x.def));
}

// Joins the generators most selective first: a closed atom binds from the
// premises that state it; then the atom with fewest unbound variables. A
// fully bound generator is a test; a closed one nothing can make true makes
// the body false (generators() marks only positive atoms as closed).
void Instantiator::join(RuleJoin& j, Binding& b) {
  if (!builder_.budget().ok()) return;
  const auto& gens = j.gens;
  std::optional<std::size_t> pick;
  for (std::size_t i = 0; i < gens.size(); ++i) {
    if (j.used[i]) continue;
    if (unbound(*gens[i].atom, b) == 0) {
      if (gens[i].enumerate_possible && !possible(*gens[i].atom, b)) return;
      j.used[i] = true;
      join(j, b);
      j.used[i] = false;
      return;
    }
    if (!pick || (gens[i].enumerate_possible && !gens[*pick].enumerate_possible) ||
        (gens[i].enumerate_possible == gens[*pick].enumerate_possible &&
         unbound(*gens[i].atom, b) < unbound(*gens[*pick].atom, b)))
      pick = i;
  }
  if (!pick) {
    emit(j.rule, b, j.out);
    return;
  }
  const Generator& gen = gens[*pick];
  j.used[*pick] = true;
  if (gen.enumerate_possible) {
    join_possible(j, gen, b);
  } else {
    std::vector<std::string> vars;
    for (const auto& t : gen.atom->args)
      if (t.variable && !b.count(t.name) && std::find(vars.begin(), vars.end(), t.name) == vars.end())
        vars.push_back(t.name);
    if (vars.size() != 1 || !shortcuts_ || !bind_last(j, b, vars.front())) bind_all(j, b, vars, 0);
  }
  j.used[*pick] = false;
}

// The tuples stated for the atom's predicate, narrowed to those with the
// value an argument is bound to where that leaves fewest (in the order of
// the whole set, so instances come out in the same order): walking them all
// for every join made each response's `responds_to(Cm, Op)` cost as many
// steps as the campaign has responses (issue 19).
void Instantiator::join_possible(RuleJoin& j, const Generator& gen, const Binding& b) {
  auto it = possible_.find(gen.atom->predicate.text);
  if (it == possible_.end()) return;
  const std::vector<const std::vector<std::string>*>* narrowest = nullptr;
  const auto& args = gen.atom->args;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string* value = &args[i].name;
    if (args[i].variable) {
      auto bound = b.find(args[i].name);
      if (bound == b.end()) continue;
      value = &bound->second;
    }
    const auto& at = possible_at(it->first, it->second, i);
    auto found = at.find(*value);
    if (found == at.end()) return; // no stated tuple has it
    if (!narrowest || found->second.size() < narrowest->size()) narrowest = &found->second;
  }
  auto try_tuple = [&](const std::vector<std::string>& tuple) {
    Binding extended = b;
    if (unify(*gen.atom, tuple, extended)) join(j, extended);
  };
  if (narrowest)
    for (const auto* tuple : *narrowest) try_tuple(*tuple);
  else
    for (const auto& tuple : it->second) try_tuple(tuple);
}

const Instantiator::PossibleAt& Instantiator::possible_at(const std::string& predicate,
                                                          const std::set<std::vector<std::string>>& tuples,
                                                          std::size_t position) {
  auto& by_position = possible_at_[predicate];
  if (by_position.empty()) {
    by_position.resize(tuples.empty() ? 0 : tuples.begin()->size());
    for (const auto& tuple : tuples)
      for (std::size_t i = 0; i < tuple.size() && i < by_position.size(); ++i) by_position[i][tuple[i]].push_back(&tuple);
  }
  static const PossibleAt none;
  return position < by_position.size() ? by_position[position] : none;
}

bool Instantiator::possible(const ast::Atom& a, const Binding& b) const {
  auto it = possible_.find(a.predicate.text);
  return it != possible_.end() && it->second.count(args_of(a, b));
}

// A variable that a comparison equates with one bound to a representative
// (a conclusion passed into a representative's instance, or a claim's free
// variable) is bound to that representative too: its instance stands for
// the same entities. Walking the domain for it met the representative in
// no entity, and left every body out (S29: `d2(C2) if p3(A0), p2(a1, B1),
// p1(op3, C2), B1 = C2, ...` for d2(<another actor>), which was then
// false, and a claim above it REFUTED where judging apart leaves it open).
void Instantiator::bind_equal_to_representatives(const PreparedRule& r, Binding& b) const {
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& l : r.body) {
      if (l.kind != ast::Formula::Kind::comparison || l.comparison->op != ast::CmpOp::eq) continue;
      auto lhs = entity_term(l.comparison->lhs, p_), rhs = entity_term(l.comparison->rhs, p_);
      if (!lhs || !rhs || !lhs->variable || !rhs->variable) continue;
      for (const auto& [from, to] : {std::pair{&*lhs, &*rhs}, std::pair{&*rhs, &*lhs}}) {
        auto bound = b.find(from->name);
        if (bound == b.end() || !is_representative(bound->second) || b.count(to->name)) continue;
        b[to->name] = bound->second; // a std::map: `bound` stays valid
        changed = true;
      }
    }
  }
}

void Instantiator::bind_all(RuleJoin& j, Binding& b, const std::vector<std::string>& vars, std::size_t k) {
  if (!builder_.budget().ok()) return;
  if (k == vars.size()) {
    join(j, b);
    return;
  }
  auto type = j.rule.types.find(vars[k]);
  if (type == j.rule.types.end()) return;
  for (const auto& e : rules_.domain(type->second)) {
    b[vars[k]] = e;
    bind_all(j, b, vars, k + 1);
  }
  b.erase(vars[k]);
}

// Binds the rule's last unbound variable without walking its whole domain:
// the entities some premise or claim mentions in the instance's atoms (and
// those a comparison names) one by one, then one entity the case says
// nothing about there, which makes the representative's instance and stands
// for all the others (emit() would collapse each of them into it). Keeps
// grounding linear in the case. False where that does not apply (the
// variable meets a number, a closed atom the instance needs, or a conclusion
// it does not only pass through); the caller then walks the domain.
bool Instantiator::bind_last(RuleJoin& j, Binding& b, const std::string& var) {
  const PreparedRule& r = j.rule;
  if (has_variable(r.head, var)) return false;
  for (const auto& [name, _] : r.types)
    if (name != var && !b.count(name)) return false;
  auto type = r.types.find(var);
  if (type == r.types.end()) return false;
  auto survey = survey_last(r, b, var);
  if (!survey) return false;
  // The named entities first (a std::set walks them in the domain's order),
  // then one the case says nothing about here, found without walking all.
  const auto& domain = rules_.domain(type->second);
  for (const auto& e : survey->named) {
    if (!builder_.budget().ok()) {
      b.erase(var);
      return true;
    }
    if (!std::binary_search(domain.begin(), domain.end(), e)) continue;
    b[var] = e;
    join(j, b);
  }
  if (join_one_unnamed(j, b, var, *survey, domain)) return true;
  for (const auto& e : domain) { // no entity stands for the rest: each on its own
    if (!builder_.budget().ok()) break;
    if (survey->named.count(e)) continue;
    b[var] = e;
    join(j, b);
  }
  b.erase(var);
  return true;
}

// The first entity neither named nor described here: if a representative
// stands for it, its instance is the representative's, for every other one.
bool Instantiator::join_one_unnamed(RuleJoin& j, Binding& b, const std::string& var, const LastVariable& s,
                                    const std::vector<std::string>& domain) {
  for (const std::string* e : undescribed(domain, s.descriptions)) {
    if (s.named.count(*e) || s.is_burdened(*e)) continue;
    b[var] = *e;
    auto anonymous = anonymous_variable(p_, rules_, index_, j.rule, b);
    if (!anonymous || anonymous->first != var || !anonymous->second) return false;
    join(j, b);
    b.erase(var);
    return true;
  }
  return false;
}

const std::vector<const std::string*>& Instantiator::undescribed(const std::vector<std::string>& domain,
                                                                 const Descriptions& descriptions) {
  auto [it, fresh] = undescribed_.try_emplace({&domain, descriptions});
  if (!fresh) return it->second;
  for (const auto& e : domain) {
    bool described = std::any_of(descriptions.begin(), descriptions.end(), [&](const auto& d) {
      return index_.mentioned(d.first, std::vector<std::string>(d.second, e)).has_value();
    });
    if (!described) it->second.push_back(&e);
  }
  return it->second;
}

std::optional<Instantiator::LastVariable> Instantiator::survey_last(const PreparedRule& r, const Binding& b,
                                                                    const std::string& var) const {
  LastVariable s;
  // An entity another variable of the instance is bound to is not "another"
  // one: with X = Y, allied(X, Y) is allied(a, a), not allied(a, <another>).
  // A variable that shares no condition with it, even through others, says
  // nothing about it: an entity bound there is "another" one here too, so
  // that every instance reads the unconnected conditions alike (S16).
  for (const auto& [name, value] : b)
    if (name != var && linked(r, var, name)) s.named.insert(value);
  for (const auto& l : r.body)
    if (!survey_literal(l, b, var, s)) return std::nullopt;
  // A described entity is one more "another" only behind an open link (anonymous_variable).
  if (!s.descriptions.empty() && !s.open_link) return std::nullopt;
  if (!s.open_link) {
    for (const auto* set : s.burdened) s.named.insert(set->begin(), set->end());
    s.burdened.clear();
  }
  return s;
}

// One literal of the body for survey_last(); false where the shortcut does not apply.
bool Instantiator::survey_literal(const ast::Formula& l, const Binding& b, const std::string& var,
                                  LastVariable& s) const {
  bool positive = false;
  const ast::Atom* a = literal_atom(l, positive);
  if (!a) {
    if (!mentions_variable(l, var)) return true;
    if (l.kind != ast::Formula::Kind::comparison) return false;
    auto lhs = entity_term(l.comparison->lhs, p_), rhs = entity_term(l.comparison->rhs, p_);
    if (!lhs || !rhs) return false;
    for (const ast::Term* t : {&*lhs, &*rhs}) {
      if (!t->variable) s.named.insert(t->name);
      else if (auto it = b.find(t->name); it != b.end()) s.named.insert(it->second);
    }
    return true;
  }
  Pattern pattern = args_of(*a, b);
  if (!has_variable(*a, var)) return true;
  for (std::size_t i = 0; i < a->args.size(); ++i)
    if (a->args[i].variable && a->args[i].name == var) pattern[i] = hole;
  auto pred = p_.predicates.find(a->predicate.text);
  if (pred == p_.predicates.end() || pred->second.numeric) return false;
  // A conclusion the entity only passes through, or one it is guarded in (guards.hpp).
  if (rules_.derived(a->predicate.text)) {
    // A negated burden about the entity alone that an entity nobody
    // mentions cannot meet (anonymous_variable).
    if (!positive && std::all_of(pattern.begin(), pattern.end(), [](const std::string& x) { return x == hole; }) &&
        rules_.unmet_unless_mentioned(p_, a->predicate.text)) {
      const auto* found = index_.through(a->predicate.text, pattern);
      if (found) s.burdened.push_back(found);
      return found != nullptr;
    }
    return index_.values_through(a->predicate.text, pattern, s.named) ||
           (positive && index_.values_guarded(a->predicate.text, pattern, s.named));
  }
  bool closed = pred->second.has(Tag::closed);
  if (closed && positive) return false; // joined from what premises state, not from the domain
  bool link = std::any_of(pattern.begin(), pattern.end(), [&](const std::string& x) { return x != hole; });
  if (link) {
    index_.values(a->predicate.text, pattern, s.named);
  } else {
    // Described entities, disputed or not, are covered by the representative
    // behind the open link (anonymous_variable); split() gives those that
    // break its conditions their own instances.
    s.descriptions.emplace_back(a->predicate.text, pattern.size());
  }
  s.open_link = s.open_link || (link && positive && !closed);
  return true;
}

void Instantiator::emit(const PreparedRule& r, const Binding& given, Expansion& x) {
  Binding b = given;
  if (!shortcuts_) {
    builder_.emit_body(r, b, x.def);
    return;
  }
  if (auto anonymous = anonymous_variable(p_, rules_, index_, r, b)) {
    const std::string var = anonymous->first;
    auto type = r.types.find(var);
    if (type != r.types.end()) {
      if (!anonymous->second) { // decided once the head's instances are all known
        x.set_aside.push_back({&r, b, var});
        return;
      }
      // One representative per instance of the other variables (S2).
      if (!representatives_.claim(x.def.head, r.index, b, var)) return; // judged once already
      b[var] = *free_representative(type->second, b); // anonymous_variable() checked there is one
      std::size_t before = x.def.bodies.size();
      builder_.emit_body(r, b, x.def);
      if (x.def.bodies.size() > before)
        representatives_.record(x.def.head, r, b, var, x.def.bodies.back(), builder_.program(), rules_, index_);
      return;
    }
  }
  builder_.emit_body(r, b, x.def);
}

// Instances set aside for an entity the case describes but never connects:
// the representative's own instance (an entity the case says nothing about)
// covers them, as it holds wherever they can; without one, they stay.
void Instantiator::settle_set_aside(Expansion& x) {
  for (auto& d : x.set_aside)
    if (!representatives_.claimed(x.def.head, d.rule->index, d.binding, d.var))
      builder_.emit_body(*d.rule, d.binding, x.def);
  x.set_aside.clear();
}

} // namespace imputa::ground
