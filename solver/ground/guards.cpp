// Which positions of derived predicates are guarded (guards.hpp).
#include "ground/guards.hpp"

#include <algorithm>

namespace imputa::ground {

GuardedPositions::GuardedPositions(const Program& p, const RuleBook& rules) : p_(p), rules_(rules) {
  for (const auto& [name, list] : rules_.by_head) {
    if (list.empty()) continue;
    const std::size_t arity = list.front().head.args.size();
    auto& slots = guards_[name];
    slots.assign(arity, {});
    for (std::size_t i = 0; i < arity; ++i) {
      std::vector<const ast::Atom*> found;
      for (const auto& r : list) {
        const ast::Atom* guard = nullptr;
        if (!guard_of(r, i, guard)) break;
        found.push_back(guard);
      }
      if (found.size() == list.size() && !blocked(name, i, 0)) guards_[name][i] = std::move(found);
    }
  }
}

const std::vector<const ast::Atom*>* GuardedPositions::at(const std::string& predicate, std::size_t i) const {
  auto it = guards_.find(predicate);
  if (it == guards_.end() || i >= it->second.size() || it->second[i].empty()) return nullptr;
  return &it->second[i];
}

bool GuardedPositions::guard_of(const PreparedRule& r, std::size_t i, const ast::Atom*& guard) const {
  if (i >= r.head.args.size() || !r.head.args[i].variable) return false;
  const std::string& x = r.head.args[i].name;
  if (std::count_if(r.head.args.begin(), r.head.args.end(), [&](const ast::Term& t) { return t.variable && t.name == x; }) != 1)
    return false;
  auto in_head = [&](const ast::Term& t) { return !t.variable || has_variable(r.head, t.name); };
  for (const auto& l : r.body) {
    bool positive = false;
    const ast::Atom* a = literal_atom(l, positive);
    if (!a || !positive || !has_variable(*a, x) || rules_.derived(a->predicate.text)) continue;
    auto pred = p_.predicates.find(a->predicate.text);
    if (pred == p_.predicates.end() || pred->second.numeric || pred->second.has(Tag::closed)) continue;
    const auto occurrences = std::count_if(a->args.begin(), a->args.end(), [&](const ast::Term& t) { return t.variable && t.name == x; });
    if (occurrences != 1 || a->args.size() < 2 || !std::all_of(a->args.begin(), a->args.end(), in_head)) continue;
    guard = a;
    return true;
  }
  return false;
}

bool GuardedPositions::blocked(const std::string& predicate, std::size_t i, int depth) {
  auto rules = rules_.by_head.find(predicate);
  if (rules == rules_.by_head.end() || rules->second.empty()) return false;
  auto& state = reach_[predicate];
  state.resize(std::max(state.size(), rules->second.front().head.args.size()), Reach::unknown);
  if (i >= state.size()) return true;
  if (state[i] == Reach::in_progress || depth > max_depth) return true;
  if (state[i] != Reach::unknown) return state[i] == Reach::blocked;
  state[i] = Reach::in_progress;
  bool out = false;
  for (const auto& r : rules->second) {
    if (out) break;
    if (i >= r.head.args.size() || !r.head.args[i].variable) continue; // a constant: no entity passes here
    const std::string& x = r.head.args[i].name;
    for (const auto& l : r.body) {
      if (out) break;
      bool positive = false;
      const ast::Atom* a = literal_atom(l, positive);
      if (!a) {
        // A number atom inside a comparison: the representative's number is as unknown
        // as an unnamed entity's, but a named one's may be stated.
        if (l.kind == ast::Formula::Kind::comparison && mentions_variable(l, x) &&
            !(entity_term(l.comparison->lhs, p_) && entity_term(l.comparison->rhs, p_)))
          out = true;
        continue;
      }
      if (!has_variable(*a, x)) continue;
      auto pred = p_.predicates.find(a->predicate.text);
      if (pred == p_.predicates.end() || pred->second.numeric) {
        out = true;
      } else if (rules_.derived(a->predicate.text)) {
        for (std::size_t j = 0; j < a->args.size() && !out; ++j)
          if (a->args[j].variable && a->args[j].name == x) out = blocked(a->predicate.text, j, depth + 1);
      } else if (positive && pred->second.has(Tag::closed)) {
        out = true;
      }
    }
  }
  reach_[predicate][i] = out ? Reach::blocked : Reach::clear; // `state` may have moved
  return out;
}

} // namespace imputa::ground
