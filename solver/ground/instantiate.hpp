// Instantiation: each derived atom interned gets its definition, every
// ground body of every rule for it that may be in force, joined from the
// body's most selective literal; never the full cross product of domains.
//
// Shortcuts (GroundOptions::shortcuts; off, every entity is judged apart):
//  - Representatives (representatives.hpp): entities the case says nothing
//    about in an instance are judged once, through "<another actor>".
//  - Binding the last variable from what the case mentions (bind_last): the
//    entities premises or claims mention in the instance's atoms, and those
//    bound elsewhere in it, are joined one by one; then one entity the case
//    says nothing about there makes the representative's instance, which
//    would stand for every other one anyway. Where that cannot be shown (a
//    number atom, a closed atom the instance needs, a conclusion the entity
//    does not only pass through) the whole domain is walked.
//    A conclusion the variable enters at a guarded position (guards.hpp:
//    `lawful_countermeasure(Op, S, _)`, guarded by targets(Op, T)) is read
//    the same way: the entities named on it or on its guard, then one.
//  - Transparent positions (transparent.hpp): a derived atom that depends on
//    the entity only through open base atoms nobody mentions is one more
//    unmentioned atom for both.
//  - A closed base atom nothing can make true (no fact, proven literal or
//    assumption names it) is false, so a body that needs it positively is
//    false and is not ground.
// Gone since issue 14, "nothing can make it true" for conclusions: it
// compared the placeholder of an unbound argument with head constants (S3:
// allied(a1, _) under allied(X, a1) looked impossible, so not cx(a1) was
// ESTABLISHED), and dropping a false conclusion's bodies dropped its links
// (S4: the fact cx(a2) needs some allied(Y, a2), so allied(a1, a2) shares its
// conflict: INCONSISTENT). A false conclusion keeps its bodies; each is false
// by its own closed atom.
#pragma once

#include "ground/case_index.hpp"
#include "ground/representatives.hpp"
#include "ground/seed.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace imputa::ground {

class Instantiator {
public:
  Instantiator(const Program& p, const RuleBook& rules, const PossibleAtoms& possible, const CaseIndex& index,
               Builder& builder, Representatives& representatives, bool shortcuts);

  // Expands every derived atom interned and not yet expanded (and those its
  // instances intern), until none is left or grounding stops.
  void expand_pending();

private:
  // An instance set aside for an entity the case describes but never
  // connects: the representative's own instance covers it, if there is one.
  struct SetAside {
    const PreparedRule* rule = nullptr;
    Binding binding;
    std::string var;
  };
  // The definition of the atom being expanded, as it grows.
  struct Expansion {
    Definition def;
    std::vector<SetAside> set_aside;
  };
  // One rule joined for it.
  struct RuleJoin {
    const PreparedRule& rule;
    std::vector<Generator> gens;
    std::vector<bool> used;
    Expansion& out;
  };
  // Atoms about an entity alone: predicate, arity (`organised_group(G)`).
  using Descriptions = std::vector<std::pair<std::string, std::size_t>>;
  // What the last variable of an instance meets in its body (bind_last).
  struct LastVariable {
    std::set<std::string> named; // entities to judge one by one
    Descriptions descriptions;
    // Entities a negated burden about them alone may be met for, through
    // what the case mentions (`not military_objective_shown(O)`): covered,
    // like the described ones, behind an open link. The sets CaseIndex keeps,
    // not copies (a campaign's burden names a share of all its objects).
    std::vector<const std::set<std::string>*> burdened;
    bool is_burdened(const std::string& e) const {
      return std::any_of(burdened.begin(), burdened.end(), [&](const auto* set) { return set->count(e) != 0; });
    }
    bool open_link = false; // a condition linking the entity to the others, open to proof
  };

  void expand(AtomId id);
  void join(RuleJoin& j, Binding& b);
  void join_possible(RuleJoin& j, const Generator& gen, const Binding& b);
  // The stated tuples of a predicate by the value at one position, in the set's order.
  using PossibleAt = std::unordered_map<std::string, std::vector<const std::vector<std::string>*>>;
  const PossibleAt& possible_at(const std::string& predicate, const std::set<std::vector<std::string>>& tuples,
                                std::size_t position);
  void bind_all(RuleJoin& j, Binding& b, const std::vector<std::string>& vars, std::size_t k);
  void bind_equal_to_representatives(const PreparedRule& r, Binding& b) const;
  bool bind_last(RuleJoin& j, Binding& b, const std::string& var);
  std::optional<LastVariable> survey_last(const PreparedRule& r, const Binding& b, const std::string& var) const;
  bool survey_literal(const ast::Formula& l, const Binding& b, const std::string& var, LastVariable& s) const;
  bool join_one_unnamed(RuleJoin& j, Binding& b, const std::string& var, const LastVariable& s,
                        const std::vector<std::string>& domain);
  // The entities of a domain no seeded atom describes alone, in the
  // domain's order (join_one_unnamed's candidates), computed once per
  // domain and set of descriptions: a campaign that describes most of its
  // groups would otherwise walk them all again for every instance.
  const std::vector<const std::string*>& undescribed(const std::vector<std::string>& domain,
                                                     const Descriptions& descriptions);
  void emit(const PreparedRule& r, const Binding& given, Expansion& x);
  void settle_set_aside(Expansion& x);
  bool possible(const ast::Atom& a, const Binding& b) const;

  const Program& p_;
  const RuleBook& rules_;
  const PossibleAtoms& possible_;
  const CaseIndex& index_;
  Builder& builder_;
  Representatives& representatives_;
  bool shortcuts_;
  std::vector<bool> expanded_;
  std::unordered_map<std::string, std::vector<PossibleAt>> possible_at_; // by predicate, built when first joined
  std::map<std::pair<const std::vector<std::string>*, Descriptions>, std::vector<const std::string*>> undescribed_;
};

} // namespace imputa::ground
