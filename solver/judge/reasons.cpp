// The reasons of §6 a verdict calls for: support or conflict, counter-models,
// rules that apply, strength, critical evidence; the rest in files of their own.
#include "claim_judge.hpp"

#include <algorithm>
#include <array>

namespace imputa::judging {

void ClaimJudge::explain(ClaimGroundingReport& r, const PremiseSet& premises, Deadline deadline) {
  const Verdict v = r.verdict;
  const std::vector<Lit>& P = premises.lits;
  if (v == Verdict::inconsistent) {
    if (auto m = minimize(P, {}, deadline)) r.conflict = describe(*m, setting_.standard, false);
  }
  if (v == Verdict::established || v == Verdict::refuted) r.support = support(P, v, setting_.drops, deadline);
  if (v == Verdict::not_established || v == Verdict::arguable || v == Verdict::unsubstantiated) {
    auto with_goal = [&](bool value) {
      std::vector<Lit> lits = P;
      lits.push_back({goal_, value});
      return lits;
    };
    // The scope is the claim's own (§4): what its premises connect to it.
    if (auto m = canonical_model(with_goal(false), deadline)) r.counter_model = literals_of(*m, premises.connected);
    if (v == Verdict::not_established)
      if (auto m = canonical_model(with_goal(true), deadline)) r.witness_model = literals_of(*m, premises.connected);
    r.would_establish = would_establish(P, deadline);
  }
  if (v == Verdict::unsubstantiated)
    if (auto naive = naive_reliance(P, deadline)) {
      r.naive_reliance = std::move(naive->kinds);
      r.support = std::move(naive->support); // what the unsubstantiated accusation leaned on
    }
  if (v == Verdict::established || v == Verdict::refuted) {
    mark_rules_that_apply(r.support, P, deadline);
    r.burdens = burdens_of(r.support);
  }
  if (v == Verdict::refuted || v == Verdict::not_established) r.no_rule_in_force = no_rule_in_force();
  if (auto s = strength(v, deadline)) {
    r.strength = s->standard;
    r.strength_burdens = std::move(s->burdens);
  }
  r.critical_evidence = critical_evidence(v, deadline);
  r.defeaters = defeaters(P, r.would_establish);
  r.notes = discount_notes();
  if (v == Verdict::established || v == Verdict::refuted) r.also_supports = also_supports(v, r.support, deadline);
}

// What establishes (or refutes) the claim: a minimal set of its premises.
std::vector<PremiseRef> ClaimJudge::support(const std::vector<Lit>& P, Verdict v, const std::set<std::string>& drops,
                                            Deadline deadline) {
  auto m = minimize(P, {Lit{goal_, v != Verdict::established}}, deadline);
  if (!m) return {};
  std::erase_if(*m, [&](const Lit& l) { return l.selector == goal_; });
  std::vector<PremiseRef> out = describe(*m, setting_.standard, false, drops);
  // A burden-of-proof atom that holds was established by premises of its own: show them too.
  for (const Lit& l : *m) {
    const auto& info = session_.info(l.selector);
    if (info.kind != smt::SelectorInfo::Kind::burden_true) continue;
    for (auto& p : burden_support(info.atom, drops, deadline)) out.push_back(std::move(p));
  }
  return out;
}

// The premises that establish the closed derived atom `a` (its burden of proof, §1).
std::vector<PremiseRef> ClaimJudge::burden_support(AtomId a, const std::set<std::string>& drops, Deadline deadline) {
  PremiseSet rest = premises_for({a}, a, Premises::cautious, setting_.standard, drops, deadline);
  if (rest.unknown) return {};
  Lit through{session_.definition(a), true};
  std::erase(rest.lits, through);
  auto sub = minimize(rest.lits, {through, Lit{atom_goal(a), false}}, deadline);
  if (!sub) return {};
  std::erase_if(*sub, [&](const Lit& x) {
    auto k = session_.info(x.selector).kind;
    return k == smt::SelectorInfo::Kind::goal || k == smt::SelectorInfo::Kind::definition;
  });
  std::vector<PremiseRef> out = describe(*sub, setting_.standard, false, drops);
  for (auto& p : out) p.because_of = s_.g.atoms[a].text;
  return out;
}

// A rule in a support is a reason when some instance of it applies on the
// premises; one that is there only because none applies closes a route. A
// rule that establishes a burden-of-proof atom of the support is read on
// that atom's own premises (burden_support()), not on the claim's, where the
// atom is a premise of its own and its conditions are not in view.
void ClaimJudge::mark_rules_that_apply(std::vector<PremiseRef>& support, const std::vector<Lit>& P,
                                       Deadline deadline) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < s_.program.rules.size(); ++i) index[s_.program.rules[i].id] = i;
  std::map<std::string, std::vector<Lit>> own; // a burden atom's premises, by its text
  auto premises_of = [&](const std::string& atom) -> const std::vector<Lit>& {
    auto [it, fresh] = own.try_emplace(atom);
    if (fresh)
      if (auto a = s_.g.find(atom)) {
        PremiseSet rest = premises_for({*a}, *a, Premises::cautious, setting_.standard, setting_.drops, deadline);
        if (!rest.unknown) it->second = std::move(rest.lits);
      }
    return it->second;
  };
  for (auto& p : support) {
    if (p.kind != PremiseRef::Kind::rule || p.origin_only) continue; // §5: an open rule is counted neither way
    auto applies = session_.rule_applies(index.at(p.id));
    if (!applies) {
      p.applies = false;
      continue;
    }
    if (p.because_of.empty()) {
      p.applies = check_with(P, Lit{*applies, false}, deadline) == Answer::unsat;
    } else {
      const std::vector<Lit>& on = premises_of(p.because_of); // empty: a check ran out of time
      p.applies = !on.empty() && check_with(on, Lit{*applies, false}, deadline) == Answer::unsat;
    }
  }
}

// Derived atoms the claim depends on that no rule in force can conclude,
// though rules under another alternative of a doctrine family would.
std::vector<NoRuleInForce> ClaimJudge::no_rule_in_force() const {
  std::vector<NoRuleInForce> out;
  std::vector<AtomId> atoms;
  for (AtomId a : ground::dependencies(s_.g, inst_.formula))
    if (s_.g.derived(a)) atoms.push_back(a);
  std::sort(atoms.begin(), atoms.end(), [&](AtomId x, AtomId y) { return s_.g.atoms[x].text < s_.g.atoms[y].text; });
  for (AtomId a : atoms) {
    const auto& atom = s_.g.atoms[a];
    bool any_in_force = false;
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> elsewhere; // (family, alt) -> rules
    for (const auto& rule : s_.program.rules) {
      if (rule.head.predicate.text != atom.predicate) continue;
      if (rule_active(rule, setting_.drops)) any_in_force = true;
      else if (rule.when_family && !setting_.drops.count(rule.id))
        elsewhere[{*rule.when_family, *rule.when_alternative}].push_back(rule.id);
    }
    if (any_in_force || elsewhere.empty()) continue;
    std::map<std::string, NoRuleInForce> by_family;
    for (const auto& [fa, rules] : elsewhere) {
      auto& n = by_family[fa.first];
      n.atom = atom.text;
      n.predicate = atom.predicate;
      n.family = fa.first;
      auto in_force = setting_.doctrine.find(fa.first);
      n.alternative = in_force == setting_.doctrine.end() ? "" : in_force->second;
      n.elsewhere.emplace_back(fa.second, rules);
    }
    for (auto& [_, n] : by_family) out.push_back(std::move(n));
  }
  return out;
}

// The highest standard at which the claim is established; nullopt if none,
// or if a check ran out of time.
std::optional<ClaimJudge::Strength> ClaimJudge::strength(Verdict v, Deadline deadline) {
  const StandardInfo* best = nullptr;
  std::vector<Lit> best_premises;
  for (const auto& standard : s_.standards) {
    PremiseSet lits = premises(Premises::cautious, standard, setting_.drops, deadline);
    if (lits.unknown) return std::nullopt;
    if (check_with(lits.lits, std::nullopt, deadline) != Answer::sat) continue;
    Answer a = check_with(lits.lits, Lit{goal_, false}, deadline);
    if (a == Answer::unknown) return std::nullopt;
    if (a == Answer::unsat) {
      best = &standard;
      best_premises = std::move(lits.lits);
    }
  }
  if (!best) return std::nullopt;
  Strength out{best->name, {}};
  // Established at a higher standard than the claim's own, where it is not:
  // say what makes it so there (a lower standard proves more; that needs no reason).
  if (v == Verdict::established) return out;
  auto rank = [&](const std::string& name) {
    for (std::size_t i = 0; i < s_.standards.size(); ++i)
      if (s_.standards[i].name == name) return i;
    return std::size_t{0};
  };
  if (rank(best->name) <= rank(setting_.standard.name)) return out;
  if (auto m = minimize(best_premises, {Lit{goal_, false}}, deadline)) {
    std::erase_if(*m, [&](const Lit& l) { return l.selector == goal_; });
    out.burdens = burdens_of(describe(*m, *best, false));
  }
  return out;
}

// Items bearing on the cone, in file order, not already dropped.
std::vector<std::size_t> ClaimJudge::cone_items() const {
  std::set<std::size_t> items;
  for (const auto& [literal, _] : cone_literals_) {
    for (std::size_t i : s_.evidence.items(literal))
      if (!setting_.drops.count(s_.evidence.item(i).id)) items.insert(i);
  }
  return {items.begin(), items.end()};
}

// The readings the verdict is decided on (decide(), §§4-5): cautious and
// favourable, and an accusation's naive premises.
namespace {
constexpr std::array<std::pair<bool, weigh::Reading>, 4> readings{{{false, weigh::Reading::cautious},
                                                                   {false, weigh::Reading::favourable},
                                                                   {true, weigh::Reading::cautious},
                                                                   {true, weigh::Reading::favourable}}};
} // namespace

// The weighing of each reading at the claim's standard, with `drops` left out.
std::array<weigh::Config, 4> ClaimJudge::reading_configs(const std::set<std::string>& drops) const {
  std::array<weigh::Config, 4> out;
  for (std::size_t k = 0; k < readings.size(); ++k) out[k] = weigh_config(setting_.standard, drops, readings[k].first);
  return out;
}

// Whether cone literal `x` is proven on each reading (reading_configs()).
std::array<bool, 4> ClaimJudge::proven_on_readings(std::size_t x, const std::array<weigh::Config, 4>& configs) {
  std::array<bool, 4> out{};
  for (std::size_t k = 0; k < readings.size(); ++k) out[k] = proven(x, setting_.standard, configs[k], readings[k].second);
  return out;
}

// The items without which the verdict `v` would change. Leaving an item out
// can change the verdict only by changing which literals of the cone are
// proven on a reading the verdict is decided on; where it changes none,
// every premise set of decide() is the same without it, and so is the
// verdict, and no check is made. (Only weighing notices an evidence id among
// the drops: names are unique across evidence, facts and rules.) An item can
// change only the literals on the atoms it bears on, either way: those are
// listed per item once, so that each item looks at its own few literals, not
// at the whole cone (a claim of a contested campaign has hundreds of items
// and thousands of cone literals).
std::vector<std::string> ClaimJudge::critical_evidence(Verdict v, Deadline deadline) {
  std::vector<std::string> out;
  std::map<std::size_t, std::vector<std::size_t>> literals_of; // item -> the cone literals on the atoms it bears on
  for (std::size_t x = 0; x < cone_literals_.size(); ++x)
    for (std::size_t i : items_on_atom_[x]) literals_of[i].push_back(x);
  const auto with = reading_configs(setting_.drops);
  for (std::size_t i : cone_items()) {
    // Cached answers never reach Z3's deadline: look at the clock here too.
    if (smt::Clock::now() >= deadline) break;
    auto drops = setting_.drops;
    drops.insert(s_.evidence.item(i).id);
    const auto without = reading_configs(drops);
    bool changes = false;
    for (std::size_t x : literals_of[i])
      if (proven_on_readings(x, with) != proven_on_readings(x, without)) {
        changes = true;
        break;
      }
    if (!changes) continue;
    Verdict without_it = decide(drops, deadline).verdict;
    if (without_it == Verdict::unknown) break;
    if (without_it != v) out.push_back(s_.evidence.item(i).id);
  }
  // By id, not file order: moving statements must not change the report (§7).
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace imputa::judging
