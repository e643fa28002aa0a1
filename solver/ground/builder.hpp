// The ground program under construction: each atom interned once (its id
// is its place in the order of first mention), formulas ground under a
// binding, rule instances emitted and counted against E013, and the derived
// atoms still to expand.
#pragma once

#include "ground/rules.hpp"
#include "ground/text_table.hpp"
#include "imputa/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace imputa::ground {

class Builder {
public:
  // `record_instances`: remember every instance emitted (for the representatives).
  // `max_atoms`, `max_instances`, `max_ways`: E013's limits (GroundOptions).
  Builder(const Program& p, const RuleBook& rules, Budget& budget, bool record_instances,
          std::size_t max_atoms = max_ground_atoms, std::size_t max_instances = max_rule_instances,
          std::size_t max_ways = max_ways_per_conclusion);

  GroundProgram& program() { return g_; }
  const GroundProgram& program() const { return g_; }
  Budget& budget() { return budget_; }

  AtomId intern(const std::string& predicate, std::vector<std::string> args);
  std::optional<AtomId> find(const std::string& predicate, const std::vector<std::string>& args) const;
  Formula formula(const ast::Formula& f, const Binding& b);

  // Grounds the body of `r` under `b` into `def`; a body with a false literal
  // is left out. Nothing once past E013's limit on rule instances.
  void emit_body(const PreparedRule& r, const Binding& b, Definition& def);
  // Whether emit_body() emitted this instance (record_instances only).
  bool emitted(AtomId head, std::size_t rule, const Binding& b) const;
  // The same by the instance's key (instance_key).
  bool emitted(std::string_view key) const { return emitted_.contains(key); }

  // The next derived atom interned and not yet taken, if any.
  std::optional<AtomId> take_work();

  // Entities at the hole of `pattern` (one hole) among the atoms of
  // `predicate`, with their atoms, in the order they were interned.
  const std::vector<std::pair<std::string, AtomId>>* at_hole(const std::string& predicate, const Pattern& pattern) const;

private:
  NumTerm number(const ast::NumExpr& e, const Binding& b);
  grounding_error::RuleGrowth growth(std::size_t rule, const Definition& pending) const;
  void too_many_atoms();

  const Program& p_;
  const RuleBook& rules_;
  Budget& budget_;
  bool record_instances_;
  std::size_t max_atoms_, max_instances_, max_ways_;
  GroundProgram g_;
  std::vector<AtomId> work_;
  TextSet emitted_; // instance_key of every instance emitted
  // Adds atom `a` to by_pattern_ under its text with a hole at `position`.
  void index_at(AtomId a, std::size_t position) const;

  // Each predicate's atoms, in the order interned, and the argument
  // positions by_pattern_ holds them at.
  struct PredicateAtoms {
    std::vector<AtomId> atoms;
    std::vector<char> indexed; // by argument position
  };
  mutable std::unordered_map<std::string, PredicateAtoms> by_predicate_;
  // Atom text with one hole -> the entities there, with their atoms. Built
  // for a predicate's argument position when at_hole() first asks about it,
  // then kept up to date by intern(): most positions are never asked about.
  mutable std::unordered_map<std::string, std::vector<std::pair<std::string, AtomId>>> by_pattern_;
};

} // namespace imputa::ground
