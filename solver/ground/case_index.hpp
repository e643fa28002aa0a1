// What the case says something about: the atoms premises and claims mention
// (those seed() interned), found by predicate and by argument. Built once
// seeding is done; read-only afterwards (the memo of through() aside,
// which only caches). Whether a premise contests an atom does not matter
// here: a disputed description is covered by a representative like any
// other (representatives.hpp).
#pragma once

#include "ground/builder.hpp"
#include "ground/guards.hpp"
#include "ground/transparent.hpp"

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace imputa::ground {

class CaseIndex {
public:
  // Every atom `g` holds now is one the case mentions; atoms interned later
  // (by rule instances) are not, whatever their text.
  CaseIndex(const RuleBook& rules, const TransparentPositions& transparent, const GuardedPositions& guarded,
            const GroundProgram& g);

  // The id of this atom if a premise or claim mentions it.
  std::optional<AtomId> mentioned(const std::string& predicate, const std::vector<std::string>& args) const;
  bool mentioned(AtomId a) const { return a < seeded_; }

  // Values at the hole of `pattern` (one or more holes, all one entity) of
  // the atoms of `predicate` a premise or claim mentions.
  void values(const std::string& predicate, const Pattern& pattern, std::set<std::string>& out) const;

  // The same for a derived predicate: values that make it, or an atom it
  // depends on through transparent positions, mentioned. False if a hole is
  // not at a transparent position.
  bool values_through(const std::string& predicate, const Pattern& pattern, std::set<std::string>& out) const;
  // The same values, kept (found once per pattern, read by reference: a
  // burden like `military_objective_shown(_)` names a share of the whole
  // campaign's objects and is asked for again in every instance); null if a
  // hole is not at a transparent position.
  const std::set<std::string>* through(const std::string& predicate, const Pattern& pattern) const;

  // The derived atom `predicate(args)` depends on `value` only through atoms
  // no premise or claim mentions (and is not mentioned itself).
  bool unmentioned_through(const std::string& predicate, std::vector<std::string> args, const std::string& value) const;

  // For a derived predicate guarded (guards.hpp) at the one hole of
  // `pattern`: the values a premise or claim names there, on the conclusion
  // itself or on a guard. False if the position is not guarded.
  bool values_guarded(const std::string& predicate, const Pattern& pattern, std::set<std::string>& out) const;

  // The derived atom `predicate(args)`, guarded where `value` stands, is
  // not named there: neither it nor any of its guards is mentioned.
  bool unnamed_behind_guard(const std::string& predicate, std::vector<std::string> args, const std::string& value) const;

  // The guard atoms of `predicate(args)` at position i, one per rule (empty
  // if the position is not guarded or a rule's head does not match).
  std::vector<std::pair<std::string, std::vector<std::string>>> guards_of(const std::string& predicate,
                                                                          const std::vector<std::string>& args,
                                                                          std::size_t i) const;

private:
  bool values_through_uncached(const std::string& predicate, const Pattern& pattern, std::set<std::string>& out) const;

  const RuleBook& rules_;
  const TransparentPositions& transparent_;
  const GuardedPositions& guarded_;
  const GroundProgram& g_; // only atoms below seeded_ are read
  AtomId seeded_ = 0;
  std::unordered_map<std::string, std::vector<AtomId>> by_predicate_, by_argument_; // mention_key
  // By pattern text. Its nodes never move, so the sets through() hands out
  // stay valid while entries are added.
  mutable std::unordered_map<std::string, std::optional<std::set<std::string>>> through_memo_;
};

} // namespace imputa::ground
