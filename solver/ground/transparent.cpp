// Which positions of derived predicates an entity only passes through.
#include "ground/transparent.hpp"

#include <algorithm>

namespace imputa::ground {

TransparentPositions::TransparentPositions(const Program& p, const RuleBook& rules) : p_(p), rules_(rules) {
  for (const auto& [name, list] : rules_.by_head)
    if (!list.empty())
      for (std::size_t i = 0; i < list.front().head.args.size(); ++i) decide(name, i, 0);
}

bool TransparentPositions::at(const std::string& predicate, std::size_t i) const {
  auto it = seen_.find(predicate);
  return it != seen_.end() && i < it->second.size() && it->second[i] == Seen::transparent;
}

bool TransparentPositions::decide(const std::string& predicate, std::size_t i, int depth) {
  auto rules = rules_.by_head.find(predicate);
  if (rules == rules_.by_head.end() || rules->second.empty()) return false;
  auto& state = seen_[predicate];
  state.resize(std::max(state.size(), rules->second.front().head.args.size()), Seen::no);
  if (i >= state.size()) return false;
  if (state[i] != Seen::no) return state[i] == Seen::transparent;
  if (depth > max_depth) return false; // not remembered: a shallower path may decide it
  state[i] = Seen::in_progress;
  bool ok = std::all_of(rules->second.begin(), rules->second.end(),
                        [&](const PreparedRule& r) { return passes_through(r, i, depth); });
  seen_[predicate][i] = ok ? Seen::transparent : Seen::opaque; // `state` may have moved
  return ok;
}

bool TransparentPositions::passes_through(const PreparedRule& r, std::size_t i, int depth) {
  if (i >= r.head.args.size() || !r.head.args[i].variable) return false;
  const std::string& x = r.head.args[i].name;
  auto in_head = [&](const ast::Term& t) { return !t.variable || has_variable(r.head, t.name); };
  if (std::count_if(r.head.args.begin(), r.head.args.end(), [&](const ast::Term& t) { return t.variable && t.name == x; }) != 1)
    return false;
  for (const auto& l : r.body) {
    bool positive = false;
    const ast::Atom* a = literal_atom(l, positive);
    if (!a) {
      if (mentions_variable(l, x)) return false;
      continue;
    }
    if (!has_variable(*a, x)) continue;
    if (!std::all_of(a->args.begin(), a->args.end(), in_head)) return false;
    auto pred = p_.predicates.find(a->predicate.text);
    if (pred == p_.predicates.end() || pred->second.numeric) return false;
    if (rules_.derived(a->predicate.text)) {
      for (std::size_t j = 0; j < a->args.size(); ++j)
        if (a->args[j].variable && a->args[j].name == x && !decide(a->predicate.text, j, depth + 1)) return false;
    } else if (pred->second.has(Tag::closed)) {
      return false;
    }
  }
  return true;
}

} // namespace imputa::ground
