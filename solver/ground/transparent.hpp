// Positions of derived predicates an entity only passes through: computed
// once from the rules, read-only afterwards.
//
// Position i of a derived predicate is transparent when, in every rule for
// it, the head variable there occurs only in open base atoms and in
// transparent positions of other derived atoms, beside nothing but the
// head's other variables and constants, and in no comparison.
// `violates_sovereignty(Op, V)` is transparent in V: its rules read
// targets(Op, V) and interferes_with_governmental_functions(Op, V). Whether a
// given entity matters there can then be read off those atoms without
// grounding it (CaseIndex::values_through).
#pragma once

#include "ground/rules.hpp"

#include <map>
#include <string>
#include <vector>

namespace imputa::ground {

class TransparentPositions {
public:
  // The least fixed point: a position on a loop of predicates stays opaque,
  // and so does one more than max_depth predicates above the base atoms
  // (each position is decided once, depth first; no deep recursion).
  TransparentPositions(const Program& p, const RuleBook& rules);

  bool at(const std::string& predicate, std::size_t i) const;

private:
  static constexpr int max_depth = 200;
  enum class Seen : char { no, in_progress, opaque, transparent };

  bool decide(const std::string& predicate, std::size_t i, int depth);
  bool passes_through(const PreparedRule& r, std::size_t i, int depth);

  const Program& p_;
  const RuleBook& rules_;
  std::map<std::string, std::vector<Seen>> seen_; // derived predicate -> its positions
};

} // namespace imputa::ground
