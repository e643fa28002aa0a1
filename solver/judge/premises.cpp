// The premises of §§4-5 a claim is judged on, on each reading of the evidence,
// and the burden of proof (§1): a closed derived atom decided on premises of its own.
#include "claim_judge.hpp"

#include <algorithm>

namespace imputa::judging {

bool ClaimJudge::in_cone(AtomId a) const { return std::binary_search(cone_.begin(), cone_.end(), a); }

// The position of an atom of the cone in it.
std::size_t ClaimJudge::local(AtomId a) const {
  return static_cast<std::size_t>(std::lower_bound(cone_.begin(), cone_.end(), a) - cone_.begin());
}

// The positions of those of `atoms` that are in the cone.
std::vector<std::size_t> ClaimJudge::locals_in_cone(const std::vector<AtomId>& atoms) const {
  std::vector<std::size_t> out;
  for (AtomId a : atoms)
    if (in_cone(a)) out.push_back(local(a));
  return out;
}

bool ClaimJudge::rule_active(const RuleItem& rule, const std::set<std::string>& drops) const {
  return rule_in_force(rule, setting_.doctrine, drops);
}

weigh::Config ClaimJudge::weigh_config(const StandardInfo& standard, const std::set<std::string>& drops,
                                       bool naive) const {
  weigh::Config c;
  c.threshold = standard.threshold;
  c.contrary_below = standard.contrary_below;
  c.as_of = setting_.as_of;
  c.dropped = drops;
  c.corroboration = s_.program.corroboration;
  c.origin_at_full_weight = naive;
  c.statements_discounted = statements_discounted();
  return c;
}

// Under `substantiation = disclosed_evidence` an accusation is not carried by
// official statements on links or attribution (library doctrine; docs/semantics.md §3).
bool ClaimJudge::statements_discounted() const {
  if (setting_.mode != ClaimMode::accusation) return false;
  auto it = setting_.doctrine.find("substantiation");
  return it != setting_.doctrine.end() && it->second == "disclosed_evidence";
}

// Whether cone literal `x` is proven on this reading under `config` (made by
// weigh_config() at `standard`). Weighing reads only the items on the
// literal's atom, either way, so the answer is kept by which of them are
// left out: critical evidence re-decides a claim once per item, and every
// literal but the item's own weighs as before. With none of them left out
// (nearly every question), the answer is kept in a table by literal.
bool ClaimJudge::proven(std::size_t x, const StandardInfo& standard, const weigh::Config& config,
                        weigh::Reading reading) {
  const std::vector<std::size_t>& dropped = dropped_items(config.dropped);
  std::vector<std::size_t> left_out;
  for (std::size_t i : items_on_atom_[x])
    if (std::binary_search(dropped.begin(), dropped.end(), i)) left_out.push_back(i);
  if (left_out.empty()) {
    signed char& known = unaltered_proven(standard)[x][static_cast<std::size_t>(reading) * 2 +
                                                       (config.origin_at_full_weight ? 1 : 0)];
    if (known < 0) known = s_.evidence.proven(cone_literals_[x].first, config, reading) ? 1 : 0;
    return known == 1;
  }
  auto key = std::make_tuple(x, static_cast<int>(reading), standard.name, config.origin_at_full_weight,
                             std::move(left_out));
  if (auto it = proven_cache_.find(key); it != proven_cache_.end()) return it->second;
  const bool value = s_.evidence.proven(cone_literals_[x].first, config, reading);
  proven_cache_.emplace(std::move(key), value);
  return value;
}

// The evidence items of the cone among `dropped` (ids), sorted. The last
// set asked about is kept: the literals of one premise set all ask about it.
// (The memo starts as the empty set's answer: no items.)
const std::vector<std::size_t>& ClaimJudge::dropped_items(const std::set<std::string>& dropped) {
  if (dropped_.ids == dropped) return dropped_.items;
  dropped_.ids = dropped;
  dropped_.items.clear();
  for (const auto& id : dropped)
    if (auto it = item_of_id_.find(id); it != item_of_id_.end()) dropped_.items.push_back(it->second);
  std::sort(dropped_.items.begin(), dropped_.items.end());
  return dropped_.items;
}

// By cone literal, whether it is proven at `standard` with none of its items
// left out, on each reading and weight of origin (-1: not asked yet).
std::vector<std::array<signed char, 4>>& ClaimJudge::unaltered_proven(const StandardInfo& standard) {
  for (auto& [name, table] : unaltered_)
    if (name == standard.name) return table;
  std::array<signed char, 4> unknown;
  unknown.fill(-1);
  unaltered_.emplace_back(standard.name, std::vector<std::array<signed char, 4>>(cone_literals_.size(), unknown));
  return unaltered_.back().second;
}

bool ClaimJudge::burden_atom(AtomId a) const {
  const auto* info = s_.g.atoms[a].info;
  return info && info->has(Tag::closed) && s_.g.derived(a);
}

// Cone atom `i` is a closed derived atom other than `link`: its value is the
// premise, and it connects nothing further.
bool ClaimJudge::opaque(std::size_t i, std::optional<AtomId> link) const {
  return burden_atom(cone_[i]) && cone_[i] != link;
}

ClaimJudge::RuleUse ClaimJudge::rule_use(std::size_t r, Premises which, const std::set<std::string>& drops) const {
  const RuleItem& rule = s_.program.rules[r];
  if (!session_.rule_in_cone(r) || !rule_active(rule, drops)) return RuleUse::out;
  if (rule.origin_only && setting_.mode == ClaimMode::accusation && which != Premises::naive) return RuleUse::open;
  return RuleUse::in;
}

bool ClaimJudge::fact_kept(std::size_t k, Premises which, const std::set<std::string>& drops) const {
  const FactItem& fact = s_.program.facts[s_.g.facts[k].fact];
  if (fact.label && drops.count(*fact.label)) return false;
  return !(setting_.mode == ClaimMode::accusation && s_.g.facts[k].mentions_link && which != Premises::naive);
}

// The component of `roots` (§4), over the cone's local indexes.
// With `cut`, a conclusion does not reach down into the conditions of a
// possibility (a body holding a loose atom): the possibility can always be
// false through its loose atom, so what lies behind it cannot force the
// conclusion. (Upwards nothing is cut: a premise on a conclusion does force
// the conditions of its only body, loose atom or not.) Atoms marked in
// `barrier` are not entered.
ClaimJudge::Component ClaimJudge::component(const std::vector<AtomId>& roots, std::optional<AtomId> link,
                                            Premises which, const std::vector<RuleUse>& use,
                                            const std::set<std::string>& drops, const std::vector<char>& below,
                                            bool cut, const std::vector<char>* barrier) const {
  const bool naive = which == Premises::naive;
  // Deciding a closed derived atom, a conclusion above that nothing constrains
  // (cones.cpp) is a mere definition: it can always be made to agree, so it
  // connects nothing. Leaving it out makes the premises the same whichever
  // claim asks (a claim's cone holds its own unconstrained atoms), so that
  // claims can share the answer (established()). A claim's own component
  // still goes up to its atoms: to the conclusions below its roots through
  // rules in force (`below`, below_in_force(); read only for a claim). Not to one the
  // cone holds only through a rule the claim does not have in force (the
  // generated case of seed 634: every entity apart, such a conclusion
  // joined a conflict that the shortcuts' grounding rightly kept apart).
  auto joins = [&](std::size_t p) { return s_.constrained[cone_[p]] || (!link && below[p]); };
  Component c;
  c.in.assign(cone_.size(), 0);
  std::vector<std::size_t> stack = locals_in_cone(roots);
  while (!stack.empty()) {
    std::size_t i = stack.back();
    stack.pop_back();
    if (c.in[i] || (barrier && (*barrier)[i])) continue;
    c.in[i] = 1;
    for (std::size_t k : index_.facts_on[i])
      if (fact_kept(k, which, drops) && c.facts.insert(k).second)
        for (AtomId a : s_.g.facts[k].atoms) stack.push_back(local(a));
    if (!opaque(i, link)) {
      const auto& bodies = index_.bodies[i];
      for (std::size_t b = 0; b < bodies.size(); ++b)
        if (use[bodies[b].first] == RuleUse::in && !(cut && index_.possibility[i][b]))
          stack.insert(stack.end(), bodies[b].second.begin(), bodies[b].second.end());
      if (naive) stack.insert(stack.end(), index_.naive_of[i].begin(), index_.naive_of[i].end());
    }
    for (const auto& [p, rule] : index_.parents[i])
      if (use[rule] == RuleUse::in && !opaque(p, link) && joins(p)) stack.push_back(p);
    if (naive)
      for (auto [it, end] = index_.naive_parents.equal_range(i); it != end; ++it)
        if (!opaque(it->second, link) && joins(it->second)) stack.push_back(it->second);
  }
  return c;
}

// The cone atoms below `roots` through rules in force (and, for the naive
// premises, naive origins), by local index.
std::vector<char> ClaimJudge::below_in_force(const std::vector<AtomId>& roots, const std::vector<RuleUse>& use,
                                             bool naive) const {
  std::vector<char> out(cone_.size(), 0);
  std::vector<std::size_t> stack = locals_in_cone(roots);
  while (!stack.empty()) {
    std::size_t i = stack.back();
    stack.pop_back();
    if (out[i]) continue;
    out[i] = 1;
    for (const auto& [rule, atoms] : index_.bodies[i])
      if (use[rule] == RuleUse::in) stack.insert(stack.end(), atoms.begin(), atoms.end());
    if (naive) stack.insert(stack.end(), index_.naive_of[i].begin(), index_.naive_of[i].end());
  }
  return out;
}

// The rules in force, as read on this reading (§5: a W28F rule is open in an accusation).
std::vector<Lit> ClaimJudge::rule_premises(const std::vector<RuleUse>& use, Premises which) const {
  const bool naive = which == Premises::naive;
  std::vector<Lit> lits;
  for (std::size_t r = 0; r < use.size(); ++r) {
    if (use[r] == RuleUse::out) continue;
    if (s_.program.rules[r].origin_only && setting_.mode == ClaimMode::accusation) {
      lits.push_back({session_.rule_open(r), true});
      if (naive) lits.push_back({session_.rule(r), true});
    } else {
      lits.push_back({session_.rule(r), true});
    }
  }
  if (naive) lits.push_back({session_.naive_origin(), true});
  return lits;
}

// Appends the premises on the atoms of `c`: numeric facts, literals proven at
// `standard` on this reading, presumptions, assumptions, and the completion
// of `link`. Returns the closed derived atoms whose values are premises.
std::vector<AtomId> ClaimJudge::atom_premises(const Component& c, std::optional<AtomId> link, Premises which,
                                              const StandardInfo& standard, const std::set<std::string>& drops,
                                              std::vector<Lit>& lits) {
  auto config = weigh_config(standard, drops, which == Premises::naive && setting_.mode == ClaimMode::accusation);
  auto reading = which == Premises::favourable ? weigh::Reading::favourable : weigh::Reading::cautious;
  auto numeric_kept = [&](std::size_t k) {
    const FactItem& fact = s_.program.facts[s_.g.numeric[k].fact];
    return !(fact.label && drops.count(*fact.label));
  };
  std::vector<AtomId> burdens;
  for (std::size_t i = 0; i < cone_.size(); ++i) {
    if (!c.in[i]) continue;
    for (std::size_t k : index_.numeric_on[i])
      if (numeric_kept(k)) lits.push_back({*session_.numeric(k), true});
    for (std::size_t x : index_.literals_on[i])
      if (proven(x, standard, config, reading))
        lits.push_back({session_.proof(cone_[i], cone_literals_[x].first.positive), true});
    if (opaque(i, link)) burdens.push_back(cone_[i]);
    if (auto p = session_.presumption(cone_[i])) lits.push_back({*p, true}); // closed base atoms (§1)
  }
  for (AtomId a : setting_.assumes)
    if (in_cone(a) && c.in[local(a)]) lits.push_back({session_.assumption(a), true});
  if (link) lits.push_back({session_.definition(*link), true});
  return burdens;
}

// The premises of §§4-5 for the atoms `roots`, as assumptions: those in
// force (rules of the claim's doctrines and not dropped, facts kept, for an
// accusation after §5's exclusions, literals proven at the standard on
// this reading), restricted to the ones connected to `roots` through
// premises in force. `link`: a closed derived atom being decided, read
// through its completion; every other one is a premise of its own, its
// value decided the same way (§1, the burden of proof), and connects
// nothing further.
//
// One narrowing (docs/decisions.md, "Possibilities"): premises that reach
// the roots only through the conditions of possibilities, and contradict
// each other, are left out; the possibilities through them stay open.
// With `narrow` false, the whole component (established() narrows it only
// when it has to decide the answer itself).
PremiseSet ClaimJudge::premises_for(const std::vector<AtomId>& roots, std::optional<AtomId> link, Premises which,
                                    const StandardInfo& standard, const std::set<std::string>& drops,
                                    Deadline deadline, bool narrow) {
  const Connected& connected = connected_by(roots, link, which, drops);
  PremiseSet out = premises_on(connected.component, connected.rules, link, which, standard, drops, deadline);
  if (!narrow || !connected.behind_possibilities || out.unknown) return out;
  return narrowed(connected, link, which, standard, drops, std::move(out), deadline);
}

// `out`, the premises of the whole component, less the inconsistent parts
// behind possibilities if it is inconsistent.
PremiseSet ClaimJudge::narrowed(const Connected& connected, std::optional<AtomId> link, Premises which,
                                const StandardInfo& standard, const std::set<std::string>& drops, PremiseSet out,
                                Deadline deadline) {
  const Answer whole = check_premises(connected, link, out.lits, false, deadline);
  if (whole == Answer::unknown) out.unknown = true; // undecided: never the letter of §4 by chance
  if (whole != Answer::unsat) return out;
  bool unknown = false;
  auto rest = without_conflicts_behind_possibilities(link, which, standard, drops, connected, deadline, unknown);
  if (unknown) {
    out.unknown = true;
    return out;
  }
  if (!rest) return out;
  return premises_on(*rest, connected.rules, link, which, standard, drops, deadline);
}

// The whole component less the parts that reach the roots only through the
// conditions of possibilities and are inconsistent on their own; nullopt if
// there is no such part. A part is what the component reaches from such a
// condition's atom without entering the atoms the roots reach when
// possibilities connect nothing (`firm`). A part that is consistent stays
// (the verdict is then the one the whole component gives); one that is not
// would make the claim INCONSISTENT through a link nothing mentions.
std::optional<ClaimJudge::Component> ClaimJudge::without_conflicts_behind_possibilities(
    std::optional<AtomId> link, Premises which, const StandardInfo& standard, const std::set<std::string>& drops,
    const Connected& whole, Deadline deadline, bool& unknown) {
  const Component& all = whole.component;
  std::vector<char> seen = whole.firm; // firm atoms, and those of the parts found so far
  std::optional<Component> out;
  for (std::size_t seed = 0; seed < cone_.size(); ++seed) {
    if (!all.in[seed] || seen[seed]) continue;
    const Component part = component({cone_[seed]}, link, which, whole.use, drops, whole.below, false, &whole.firm);
    for (std::size_t i = 0; i < cone_.size(); ++i)
      if (part.in[i]) seen[i] = 1;
    PremiseSet own = premises_on(part, whole.rules, link, which, standard, drops, deadline);
    if (own.unknown) {
      unknown = true;
      return std::nullopt;
    }
    Answer a = check_premises(whole, link, own.lits, false, deadline);
    if (a == Answer::unknown) {
      unknown = true;
      return std::nullopt;
    }
    if (a == Answer::sat) continue;
    if (!out) out = all;
    for (std::size_t i = 0; i < cone_.size(); ++i)
      if (part.in[i]) out->in[i] = 0;
    for (std::size_t k : part.facts) out->facts.erase(k);
  }
  return out;
}

// The premises in force on the atoms of `c` (premises_for()).
PremiseSet ClaimJudge::premises_on(const Component& c, const std::vector<Lit>& rules, std::optional<AtomId> link,
                                   Premises which, const StandardInfo& standard, const std::set<std::string>& drops,
                                   Deadline deadline) {
  PremiseSet out;
  out.lits = rules;
  for (std::size_t k : c.facts) out.lits.push_back({*session_.fact(k), true});
  std::vector<AtomId> burdens = atom_premises(c, link, which, standard, drops, out.lits);
  out.connected = c.in;
  // Burden of proof (§1): a closed derived atom holds exactly when it is
  // established on the same premises: all of them, facts and evidence too.
  // Bottom-up: deciding `link`, only the closed atoms below it have values
  // yet; one beside it (say, in the same body above) stays open.
  if (link) {
    const auto& below = below_of(*link);
    std::erase_if(burdens, [&](AtomId a) { return !std::binary_search(below.begin(), below.end(), a); });
  }
  for (AtomId a : burdens) {
    std::optional<bool> value = established(a, which, standard, drops, deadline);
    if (!value) {
      out.unknown = true;
      return out;
    }
    out.lits.push_back({session_.burden(a, *value), true});
  }
  std::sort(out.lits.begin(), out.lits.end());
  out.lits.erase(std::unique(out.lits.begin(), out.lits.end()), out.lits.end());
  return out;
}

// The component of `roots` and the rules in force, as premises_for() reads
// them. Neither depends on which evidence items are left out (only weighing
// reads those), so they are kept by the other drops: critical evidence leaves
// out one item at a time and finds them here.
const ClaimJudge::Connected& ClaimJudge::connected_by(const std::vector<AtomId>& roots, std::optional<AtomId> link,
                                                      Premises which, const std::set<std::string>& drops) {
  std::set<std::string> others;
  for (const auto& id : drops)
    if (!item_of_id_.count(id)) others.insert(id);
  auto key = std::make_tuple(roots, link ? *link + std::uint64_t{1} : std::uint64_t{0}, static_cast<int>(which),
                             std::move(others));
  if (auto it = connected_.find(key); it != connected_.end()) return it->second;
  Connected out;
  out.use.resize(s_.program.rules.size());
  for (std::size_t r = 0; r < out.use.size(); ++r) out.use[r] = rule_use(r, which, drops);
  if (!link) out.below = below_in_force(roots, out.use, which == Premises::naive);
  out.component = component(roots, link, which, out.use, drops, out.below);
  out.rules = rule_premises(out.use, which);
  out.firm = component(roots, link, which, out.use, drops, out.below, true).in;
  for (std::size_t i = 0; i < cone_.size() && !out.behind_possibilities; ++i)
    out.behind_possibilities = out.component.in[i] && !out.firm[i];
  return connected_.emplace(std::move(key), std::move(out)).first->second;
}

PremiseSet ClaimJudge::premises(Premises which, const StandardInfo& standard, const std::set<std::string>& drops,
                                Deadline deadline) {
  return premises_for(claim_atoms_, std::nullopt, which, standard, drops, deadline);
}

// Whether the closed derived atom `a` is ESTABLISHED (§4) on its premises
// read through its own completion (nullopt if a check ran out of time).
//
// An evidence item left out that bears on no atom of `a`'s component changes
// none of its premises (weighing reads only the items on a literal's atom),
// so the answer is kept without it: critical evidence leaves out one item at
// a time, and each burden of a chain of responses is decided once for the
// items of its own component only, not once per item of the claim's cone.
std::optional<bool> ClaimJudge::established(AtomId a, Premises which, const StandardInfo& standard,
                                                const std::set<std::string>& all_drops, Deadline deadline) {
  auto asked = std::make_tuple(a, static_cast<int>(which), standard.name, all_drops);
  if (auto it = burden_cache_.find(asked); it != burden_cache_.end()) return it->second;
  // The same whichever evidence is left out (connected_by()); a stable reference into its map.
  const Connected& connected = connected_by({a}, a, which, all_drops);
  const std::set<std::string> drops = drops_on(connected.component, all_drops);
  auto key = std::make_tuple(a, static_cast<int>(which), standard.name, drops);
  auto keep = [&](bool value) { // under both keys
    if (drops != all_drops) burden_cache_.emplace(asked, value);
    burden_cache_.emplace(key, value);
    return value;
  };
  if (drops != all_drops)
    if (auto it = burden_cache_.find(key); it != burden_cache_.end()) return keep(it->second);
  PremiseSet own = premises_for({a}, a, which, standard, drops, deadline, false);
  if (own.unknown) return {};
  BurdenAnswers::Key shared = shared_key(a, own);
  if (auto known = s_.burden_answers.find(shared)) return keep(*known);
  // The answer depends on the whole component's premises only: narrowing is decided by them.
  if (connected.behind_possibilities) {
    own = narrowed(connected, a, which, standard, drops, std::move(own), deadline);
    if (own.unknown) return {};
  }
  Answer consistent = check_premises(connected, a, own.lits, false, deadline);
  if (consistent == Answer::unknown) return {};
  bool value = false;
  if (consistent == Answer::sat) {
    Answer entailed = check_premises(connected, a, own.lits, true, deadline);
    if (entailed == Answer::unknown) return {};
    value = entailed == Answer::unsat;
  }
  s_.burden_answers.remember(std::move(shared), value);
  return keep(value);
}

namespace {

// The selector of `to` that stands for the same premise as `s` of `from`
// (nullopt: none, or not a premise).
std::optional<Selector> same_premise(const smt::Session& from, smt::Session& to, Selector s) {
  using K = smt::SelectorInfo::Kind;
  const smt::SelectorInfo& info = from.info(s);
  switch (info.kind) {
  case K::rule: return to.rule(info.index);
  case K::rule_open: return to.rule_open(info.index);
  case K::naive_origin: return to.naive_origin();
  case K::fact: return to.fact(info.index);
  case K::numeric: return to.numeric(info.index);
  case K::proof: return to.proof(info.atom, info.positive);
  case K::assumption: return to.assumption(info.atom);
  case K::burden_true:
  case K::burden_false: return to.burden(info.atom, info.positive);
  case K::definition: return to.definition(info.atom);
  case K::presumption: return to.presumption(info.atom);
  case K::goal:
  case K::literal: return std::nullopt;
  }
  return std::nullopt;
}

// A burden's component gets a session of its own (burden_session()) if it
// holds at most this many atoms and a quarter of the cone
// (JudgeOptions::burden_sessions_from sets the cone's size); the last
// `own_sessions_kept` are kept.
constexpr std::size_t own_session_atoms = 1024, own_sessions_kept = 8;

} // namespace

// A burden's answer depends on its component's premises alone (shared_key()),
// so a session that encodes the component and nothing else gives the same
// SAT/UNSAT answers as the claim's (with `lits` a subset of its premises:
// narrowing checks parts of it). Where the component is a small part of a
// large cone, its checks are made there: a satisfiable check costs about the
// size of the whole session, and a chain of countermeasures asks about
// hundreds of burdens of a few hundred atoms each in a cone of 90,000
// (docs/performance.md, "A burden's own session"). The answer is kept under
// the question as the claim's session words it, like every other.
Answer ClaimJudge::check_premises(const Connected& connected, std::optional<AtomId> link, const std::vector<Lit>& lits,
                                  bool deny, Deadline deadline) {
  const std::optional<Lit> extra = deny ? std::optional<Lit>(Lit{atom_goal(*link), false}) : std::nullopt;
  if (!link) return check_with(lits, extra, deadline);
  std::vector<Lit> asked = lits;
  if (extra) asked.push_back(*extra);
  std::sort(asked.begin(), asked.end());
  return answer_of(std::move(asked), [&](const std::vector<Lit>& sorted) {
    BurdenSession* own = burden_session(connected, *link, deadline);
    if (!own) return session_.check(sorted, deadline);
    std::vector<Lit> same;
    same.reserve(sorted.size());
    for (const Lit& l : lits) {
      auto s = same_premise(session_, *own->session, l.selector);
      if (!s) return session_.check(sorted, deadline);
      same.push_back({*s, l.positive});
    }
    if (deny) same.push_back({own->goal, false});
    return own->session->check(same, deadline);
  });
}

// The session of `connected`'s component alone (the component of the burden
// `link`), with `link` as its goal, or null where the claim's serves: made
// for a component that is a small part of a large cone, and kept among the
// last few made (a claim can ask about hundreds of burdens: a Z3 solver
// costs a few megabytes).
ClaimJudge::BurdenSession* ClaimJudge::burden_session(const Connected& connected, AtomId link, Deadline deadline) {
  auto [it, fresh] = burden_sessions_.try_emplace(&connected);
  BurdenSession& own = it->second;
  if (!fresh && (!own.eligible || own.session)) return own.session ? &own : nullptr;
  std::vector<AtomId> atoms;
  for (std::size_t i = 0; i < cone_.size(); ++i)
    if (connected.component.in[i]) atoms.push_back(cone_[i]);
  const std::size_t from = s_.options.burden_sessions_from;
  own.eligible = from == 0 || (cone_.size() >= from && atoms.size() <= own_session_atoms &&
                               atoms.size() * 4 <= cone_.size());
  if (!own.eligible) return nullptr;
  if (live_burden_sessions_.size() == own_sessions_kept) {
    burden_sessions_.at(live_burden_sessions_.front()).session.reset();
    live_burden_sessions_.pop_front();
  }
  // Facts by their first atom: one kept in the component has every atom there
  // (component()); one not kept is denied in the claim's session too.
  own.session.emplace(s_.program, s_.g, atoms, CaseIndex::gather(s_.facts_of, atoms),
                      CaseIndex::gather(s_.numeric_of, atoms), deadline, session_options(s_.options));
  ground::Formula f;
  f.kind = ground::Formula::Kind::atom;
  f.atom = link;
  own.goal = own.session->goal(f);
  live_burden_sessions_.push_back(&connected);
  return &own;
}

std::set<std::string> ClaimJudge::drops_on(const Component& c, const std::set<std::string>& drops) {
  if (std::none_of(drops.begin(), drops.end(), [&](const std::string& id) { return item_of_id_.count(id) != 0; }))
    return drops; // no item of the cone left out (nearly every question)
  if (atoms_of_item_.empty())
    for (std::size_t i = 0; i < cone_.size(); ++i)
      for (std::size_t x : index_.literals_on[i])
        for (std::size_t item : items_on_atom_[x]) atoms_of_item_[item].push_back(i);
  std::set<std::string> out;
  for (const auto& id : drops) {
    auto item = item_of_id_.find(id);
    if (item == item_of_id_.end()) {
      out.insert(id); // a fact's or a rule's label, or an item outside the cone
      continue;
    }
    auto atoms = atoms_of_item_.find(item->second);
    if (atoms != atoms_of_item_.end() &&
        std::any_of(atoms->second.begin(), atoms->second.end(), [&](std::size_t i) { return c.in[i] != 0; }))
      out.insert(id);
  }
  return out;
}

// The premises of `a`'s question as the case names them, not as this claim's
// session numbers its selectors: the key under which claims share the answer.
// The answer depends on nothing else. The component of `a` is the same in
// every cone that holds `a` (component(): cones are closed under the steps it
// takes), a formula of the session off the component is satisfiable whatever
// the component's atoms are (definitions of stratified rules, selectors denied
// or free), and a rule's selector matters only where the rule concludes an
// atom of the component through its completion: the others are left out of
// the key (a claim's session holds the rules of its whole cone).
BurdenAnswers::Key ClaimJudge::shared_key(AtomId a, const PremiseSet& own) const {
  using K = smt::SelectorInfo::Kind;
  std::vector<char> rules(s_.program.rules.size(), 0);
  for (std::size_t i = 0; i < cone_.size(); ++i)
    if (own.connected[i] && !opaque(i, a))
      for (const auto& [rule, _] : index_.bodies[i]) rules[rule] = 1;
  BurdenAnswers::Key key;
  key.reserve(own.lits.size() + 1);
  for (const Lit& l : own.lits) {
    const auto& info = session_.info(l.selector);
    const bool by_index = info.kind == K::rule || info.kind == K::rule_open || info.kind == K::fact ||
                          info.kind == K::numeric;
    if ((info.kind == K::rule || info.kind == K::rule_open) && !rules[info.index]) continue;
    const std::uint64_t what = by_index ? info.index : info.atom;
    key.push_back(static_cast<std::uint64_t>(info.kind) << 56 | std::uint64_t{info.positive} << 55 |
                  std::uint64_t{l.positive} << 54 | what);
  }
  std::sort(key.begin(), key.end());
  key.insert(key.begin(), a);
  return key;
}

// The atoms `a` depends on through rule instances (sorted).
const std::vector<AtomId>& ClaimJudge::below_of(AtomId a) {
  if (auto it = below_.find(a); it != below_.end()) return it->second;
  ground::Formula f;
  f.kind = ground::Formula::Kind::atom;
  f.atom = a;
  return below_[a] = ground::dependencies(s_.g, f);
}

Selector ClaimJudge::atom_goal(AtomId a) {
  if (auto it = atom_goals_.find(a); it != atom_goals_.end()) return it->second;
  ground::Formula f;
  f.kind = ground::Formula::Kind::atom;
  f.atom = a;
  return atom_goals_[a] = session_.goal(f);
}

} // namespace imputa::judging
