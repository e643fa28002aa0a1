// What the case says something about (case_index.hpp).
#include "ground/case_index.hpp"

#include <algorithm>

namespace imputa::ground {

CaseIndex::CaseIndex(const RuleBook& rules, const TransparentPositions& transparent, const GuardedPositions& guarded,
                     const GroundProgram& g)
    : rules_(rules), transparent_(transparent), guarded_(guarded), g_(g), seeded_(static_cast<AtomId>(g.atoms.size())) {
  for (AtomId a = 0; a < seeded_; ++a) {
    const auto& atom = g_.atoms[a];
    by_predicate_[atom.predicate].push_back(a);
    for (std::size_t i = 0; i < atom.args.size(); ++i) by_argument_[mention_key(atom.predicate, i, atom.args[i])].push_back(a);
  }
}

std::optional<AtomId> CaseIndex::mentioned(const std::string& predicate, const std::vector<std::string>& args) const {
  auto id = g_.find(atom_text(predicate, args));
  if (!id || *id >= seeded_) return std::nullopt;
  return id;
}

void CaseIndex::values(const std::string& predicate, const Pattern& pattern, std::set<std::string>& out) const {
  // Look up by the first known entity: a handful of atoms, not all of the predicate's.
  auto bound = std::find_if(pattern.begin(), pattern.end(), [&](const std::string& x) { return x != hole; });
  auto it = bound == pattern.end()
                ? by_predicate_.find(predicate)
                : by_argument_.find(mention_key(predicate, static_cast<std::size_t>(bound - pattern.begin()), *bound));
  if (it == by_predicate_.end() || it == by_argument_.end()) return;
  for (AtomId id : it->second) {
    const auto& args = g_.atoms[id].args;
    if (args.size() != pattern.size()) continue;
    std::optional<std::string> value;
    bool match = true;
    for (std::size_t i = 0; i < args.size() && match; ++i) {
      if (pattern[i] != hole) match = args[i] == pattern[i];
      else if (!value) value = args[i];
      else match = *value == args[i];
    }
    if (match && value) out.insert(*value);
  }
}

bool CaseIndex::values_through(const std::string& predicate, const Pattern& pattern, std::set<std::string>& out) const {
  const std::set<std::string>* found = through(predicate, pattern);
  if (!found) return false;
  out.insert(found->begin(), found->end());
  return true;
}

const std::set<std::string>* CaseIndex::through(const std::string& predicate, const Pattern& pattern) const {
  std::string key = pattern_text(predicate, pattern);
  auto it = through_memo_.find(key);
  if (it == through_memo_.end()) {
    std::set<std::string> found;
    bool ok = values_through_uncached(predicate, pattern, found);
    it = through_memo_.emplace(std::move(key), ok ? std::optional(std::move(found)) : std::nullopt).first;
  }
  return it->second ? &*it->second : nullptr;
}

bool CaseIndex::values_through_uncached(const std::string& predicate, const Pattern& pattern,
                                        std::set<std::string>& out) const {
  if (!rules_.derived(predicate)) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i)
    if (pattern[i] == hole && !transparent_.at(predicate, i)) return false;
  values(predicate, pattern, out);
  for (const auto& r : rules_.by_head.at(predicate)) {
    Binding b;
    if (!unify(r.head, pattern, b)) continue;
    for (const auto& l : r.body) {
      bool positive = false;
      const ast::Atom* a = literal_atom(l, positive);
      if (!a) continue;
      auto inner = args_of(*a, b);
      if (std::find(inner.begin(), inner.end(), hole) == inner.end()) continue;
      if (rules_.derived(a->predicate.text)) {
        if (!values_through(a->predicate.text, inner, out)) return false;
      } else {
        values(a->predicate.text, inner, out);
      }
    }
  }
  return true;
}

bool CaseIndex::unmentioned_through(const std::string& predicate, std::vector<std::string> args,
                                    const std::string& value) const {
  for (auto& x : args)
    if (x == value) x = hole;
  const std::set<std::string>* found = through(predicate, args);
  return found && !found->count(value);
}

std::vector<std::pair<std::string, std::vector<std::string>>>
CaseIndex::guards_of(const std::string& predicate, const std::vector<std::string>& args, std::size_t i) const {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  const auto* guards = guarded_.at(predicate, i);
  if (!guards) return out;
  const auto& list = rules_.by_head.at(predicate);
  for (std::size_t k = 0; k < list.size(); ++k) {
    Binding b;
    if (!unify(list[k].head, args, b)) continue; // a head with a constant elsewhere: no instance here
    out.emplace_back((*guards)[k]->predicate.text, args_of(*(*guards)[k], b));
  }
  return out;
}

bool CaseIndex::values_guarded(const std::string& predicate, const Pattern& pattern, std::set<std::string>& out) const {
  if (std::count(pattern.begin(), pattern.end(), hole) != 1) return false;
  const auto i = static_cast<std::size_t>(std::find(pattern.begin(), pattern.end(), hole) - pattern.begin());
  if (!guarded_.at(predicate, i)) return false;
  values(predicate, pattern, out);
  for (const auto& [guard, args] : guards_of(predicate, pattern, i)) values(guard, args, out);
  return true;
}

bool CaseIndex::unnamed_behind_guard(const std::string& predicate, std::vector<std::string> args,
                                     const std::string& value) const {
  if (std::count(args.begin(), args.end(), value) != 1 || mentioned(predicate, args)) return false;
  const auto i = static_cast<std::size_t>(std::find(args.begin(), args.end(), value) - args.begin());
  if (!guarded_.at(predicate, i)) return false;
  for (const auto& [guard, guard_args] : guards_of(predicate, args, i))
    if (mentioned(guard, guard_args)) return false;
  return true;
}

} // namespace imputa::ground
