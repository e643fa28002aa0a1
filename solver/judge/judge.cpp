// Judging claims (semantics.md §§4-6): the premises of each claim at its
// standard, the verdict by the precedence of §4, and every reason of §6.
#include "claim_judge.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>
#include <unordered_set>

namespace imputa::judging {
namespace {

enum class Premises { cautious, favourable, naive };

class ClaimJudge {
public:
  // The claim's time limit starts before encoding: encoding counts too.
  ClaimJudge(const CaseIndex& s, const ground::ClaimInstance& inst, Setting setting, std::vector<AtomId> cone)
      : s_(s), inst_(inst), setting_(std::move(setting)), cone_(std::move(cone)),
        cone_facts_(CaseIndex::gather(s.facts_of, cone_)), cone_numeric_(CaseIndex::gather(s.numeric_of, cone_)),
        start_(smt::Clock::now()), deadline_(start_ + s.options.timeout),
        session_(s.program, s.g, cone_, cone_facts_, cone_numeric_, deadline_) {
    goal_ = session_.goal(inst.formula);
    ground::collect_atoms(inst.formula, claim_atoms_);
    std::vector<std::pair<std::size_t, AtomId>> on_cone; // (literal index, its atom), in file order
    for (AtomId a : cone_)
      for (std::size_t i : s_.literals_of[a]) on_cone.emplace_back(i, a);
    std::sort(on_cone.begin(), on_cone.end());
    for (const auto& [i, a] : on_cone) cone_literals_.emplace_back(s_.evidence.literals()[i], a);
    index_cone();
  }

  ClaimGroundingReport run() {
    ClaimGroundingReport r;
    r.bindings = inst_.bindings;
    r.formula = inst_.text;
    auto start = start_;
    r.verdict = decide(setting_.standard, setting_.drops);
    if (r.verdict == Verdict::unknown) r.unknown_reason = unknown_reason();
    if (s_.options.reasons && r.verdict != Verdict::unknown) {
      // Reasons get a time budget of their own; what does not fit is left out.
      deadline_ = smt::Clock::now() + s_.options.timeout;
      explain(r);
      if (smt::Clock::now() >= deadline_)
        r.reasons_cut = "the time limit of " + std::to_string(s_.options.timeout.count()) +
                        " ms for the reasons was reached: some may be missing (a larger --timeout-ms gives them time)";
    }
    r.solve_ms = std::chrono::duration<double, std::milli>(smt::Clock::now() - start).count();
    return r;
  }

private:
  bool in_cone(AtomId a) const { return std::binary_search(cone_.begin(), cone_.end(), a); }

  std::string unknown_reason() const {
    if (smt::Clock::now() >= deadline_)
      return "the time limit of " + std::to_string(s_.options.timeout.count()) + " ms per claim was reached";
    return "the solver could not decide this claim";
  }

  bool rule_active(const RuleItem& rule, const std::set<std::string>& drops) const {
    return rule_in_force(rule, setting_.doctrine, drops);
  }

  weigh::Config weigh_config(const StandardInfo& standard, const std::set<std::string>& drops, bool naive) const {
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
  // official statements on links or attribution (library doctrine; semantics §3).
  bool statements_discounted() const {
    if (setting_.mode != ClaimMode::accusation) return false;
    auto it = setting_.doctrine.find("substantiation");
    return it != setting_.doctrine.end() && it->second == "disclosed_evidence";
  }

  // Local indexes of the cone's atoms, and what connects them (§4): the
  // bodies of each definition by rule, the conclusions above each atom, the
  // fact and numeric premises on it, the evidence literals on it.
  void index_cone() {
    const std::size_t n = cone_.size();
    bodies_.resize(n);
    naive_of_.resize(n);
    parents_.resize(n);
    facts_on_.resize(n);
    numeric_on_.resize(n);
    literals_on_.resize(n);
    auto local = [&](AtomId a) -> std::optional<std::size_t> {
      auto it = std::lower_bound(cone_.begin(), cone_.end(), a);
      if (it == cone_.end() || *it != a) return std::nullopt;
      return static_cast<std::size_t>(it - cone_.begin());
    };
    for (std::size_t i = 0; i < n; ++i) {
      auto d = s_.g.definition_of.find(cone_[i]);
      if (d == s_.g.definition_of.end()) continue;
      const auto& def = s_.g.definitions[d->second];
      for (const auto& body : def.bodies) {
        std::vector<AtomId> atoms;
        for (const auto& l : body.literals) ground::collect_atoms(l, atoms);
        std::vector<std::size_t> locals;
        for (AtomId a : atoms)
          if (auto j = local(a)) {
            locals.push_back(*j);
            parents_[*j].emplace_back(i, body.rule);
          }
        bodies_[i].emplace_back(body.rule, std::move(locals));
      }
      for (AtomId a : def.naive_origin)
        if (auto j = local(a)) {
          naive_of_[i].push_back(*j);
          naive_parents_.emplace(*j, i);
        }
    }
    for (std::size_t k : cone_facts_)
      for (AtomId a : s_.g.facts[k].atoms)
        if (auto j = local(a)) facts_on_[*j].push_back(k);
    for (std::size_t k : cone_numeric_)
      if (auto j = local(s_.g.numeric[k].atom)) numeric_on_[*j].push_back(k);
    for (std::size_t x = 0; x < cone_literals_.size(); ++x)
      if (auto j = local(cone_literals_[x].second)) literals_on_[*j].push_back(x);
  }

  bool burden_atom(AtomId a) const {
    const auto* info = s_.g.atoms[a].info;
    return info && info->has(Tag::closed) && s_.g.derived(a);
  }

  // How a rule's instances stand in these premises.
  enum class RuleUse { out, open, in };
  RuleUse rule_use(std::size_t r, Premises which, const std::set<std::string>& drops) const {
    const RuleItem& rule = s_.program.rules[r];
    if (!session_.rule_in_cone(r) || !rule_active(rule, drops)) return RuleUse::out;
    if (rule.origin_only && setting_.mode == ClaimMode::accusation && which != Premises::naive) return RuleUse::open;
    return RuleUse::in;
  }

  // The premises of §§4-5 for the atoms `roots`, as assumptions: those in
  // force (rules of the claim's doctrines and not dropped, facts kept, for an
  // accusation after §5's exclusions, literals proven at the standard on
  // this reading), restricted to the ones connected to `roots` through
  // premises in force. `link`: a closed derived atom being decided, read
  // through its completion; every other one is a premise of its own, its
  // value decided the same way (§1, the burden of proof), and connects
  // nothing further. `unknown` is set if a check ran out of time.
  std::vector<Lit> premises_for(const std::vector<AtomId>& roots, std::optional<AtomId> link, Premises which,
                                const StandardInfo& standard, const std::set<std::string>& drops, bool& unknown) {
    const bool naive = which == Premises::naive;
    const bool accusation = setting_.mode == ClaimMode::accusation;
    std::vector<RuleUse> use(s_.program.rules.size());
    for (std::size_t r = 0; r < use.size(); ++r) use[r] = rule_use(r, which, drops);
    auto fact_kept = [&](std::size_t k) {
      const FactItem& fact = s_.program.facts[s_.g.facts[k].fact];
      if (fact.label && drops.count(*fact.label)) return false;
      return !(accusation && s_.g.facts[k].mentions_link && !naive);
    };
    auto numeric_kept = [&](std::size_t k) {
      const FactItem& fact = s_.program.facts[s_.g.numeric[k].fact];
      return !(fact.label && drops.count(*fact.label));
    };
    auto config = weigh_config(standard, drops, naive && accusation);
    auto reading = which == Premises::favourable ? weigh::Reading::favourable : weigh::Reading::cautious;
    std::vector<char> proven(cone_literals_.size(), -1); // -1 not weighed yet
    auto is_proven = [&](std::size_t x) {
      if (proven[x] < 0) proven[x] = s_.evidence.proven(cone_literals_[x].first, config, reading) ? 1 : 0;
      return proven[x] == 1;
    };
    // The component of `roots` (§4), over the cone's local indexes.
    std::vector<char> in(cone_.size(), 0);
    std::set<std::size_t> facts_used;
    std::vector<std::size_t> stack;
    for (AtomId a : roots)
      if (auto it = std::lower_bound(cone_.begin(), cone_.end(), a); it != cone_.end() && *it == a)
        stack.push_back(static_cast<std::size_t>(it - cone_.begin()));
    while (!stack.empty()) {
      std::size_t i = stack.back();
      stack.pop_back();
      if (in[i]) continue;
      in[i] = 1;
      for (std::size_t k : facts_on_[i])
        if (fact_kept(k) && facts_used.insert(k).second)
          for (AtomId a : s_.g.facts[k].atoms) stack.push_back(static_cast<std::size_t>(
              std::lower_bound(cone_.begin(), cone_.end(), a) - cone_.begin()));
      const bool opaque = burden_atom(cone_[i]) && cone_[i] != link; // its value is the premise
      if (!opaque) {
        for (const auto& [rule, atoms] : bodies_[i])
          if (use[rule] == RuleUse::in) stack.insert(stack.end(), atoms.begin(), atoms.end());
        if (naive) stack.insert(stack.end(), naive_of_[i].begin(), naive_of_[i].end());
      }
      for (const auto& [p, rule] : parents_[i])
        if (use[rule] == RuleUse::in && !(burden_atom(cone_[p]) && cone_[p] != link)) stack.push_back(p);
      if (naive)
        for (auto [it, end] = naive_parents_.equal_range(i); it != end; ++it)
          if (!(burden_atom(cone_[it->second]) && cone_[it->second] != link)) stack.push_back(it->second);
    }
    last_component_.clear();
    for (std::size_t i = 0; i < cone_.size(); ++i)
      if (in[i]) last_component_.push_back(cone_[i]);
    std::vector<Lit> lits;
    for (std::size_t r = 0; r < use.size(); ++r) {
      if (use[r] == RuleUse::out) continue;
      if (s_.program.rules[r].origin_only && accusation) {
        lits.push_back({session_.rule_open(r), true});
        if (naive) lits.push_back({session_.rule(r), true});
      } else {
        lits.push_back({session_.rule(r), true});
      }
    }
    if (naive) lits.push_back({session_.naive_origin(), true});
    for (std::size_t k : facts_used) lits.push_back({*session_.fact(k), true});
    std::vector<AtomId> burdens;
    for (std::size_t i = 0; i < cone_.size(); ++i) {
      if (!in[i]) continue;
      for (std::size_t k : numeric_on_[i])
        if (numeric_kept(k)) lits.push_back({*session_.numeric(k), true});
      for (std::size_t x : literals_on_[i])
        if (is_proven(x)) lits.push_back({session_.proof(cone_[i], cone_literals_[x].first.positive), true});
      if (burden_atom(cone_[i]) && cone_[i] != link) burdens.push_back(cone_[i]);
      if (auto p = session_.presumption(cone_[i])) lits.push_back({*p, true}); // closed base atoms (§1)
    }
    for (AtomId a : setting_.assumes)
      if (in_cone(a) && in[static_cast<std::size_t>(std::lower_bound(cone_.begin(), cone_.end(), a) - cone_.begin())])
        lits.push_back({session_.assumption(a), true});
    if (link) lits.push_back({session_.definition(*link), true});
    // Burden of proof (§1): a closed derived atom holds exactly when it is
    // established on the same premises: all of them, facts and evidence too.
    // Bottom-up: deciding `link`, only the closed atoms below it have values
    // yet; one beside it (say, in the same body above) stays open.
    if (link) {
      const auto& below = below_of(*link);
      std::erase_if(burdens, [&](AtomId a) { return !std::binary_search(below.begin(), below.end(), a); });
    }
    for (AtomId a : burdens) {
      auto value = established(a, which, standard, drops);
      if (!value) {
        unknown = true;
        return lits;
      }
      lits.push_back({session_.burden(a, *value), true});
    }
    std::sort(lits.begin(), lits.end());
    lits.erase(std::unique(lits.begin(), lits.end()), lits.end());
    return lits;
  }

  std::vector<Lit> premises(Premises which, const StandardInfo& standard, const std::set<std::string>& drops,
                            bool& unknown) {
    return premises_for(claim_atoms_, std::nullopt, which, standard, drops, unknown);
  }

  // Whether the closed derived atom `a` is ESTABLISHED (§4) on its premises
  // read through its own completion; nullopt if a check ran out of time.
  std::optional<bool> established(AtomId a, Premises which, const StandardInfo& standard,
                                  const std::set<std::string>& drops) {
    auto key = std::make_tuple(a, static_cast<int>(which), standard.name, drops);
    if (auto it = burden_cache_.find(key); it != burden_cache_.end()) return it->second;
    bool unknown = false;
    auto lits = premises_for({a}, a, which, standard, drops, unknown);
    if (unknown) return std::nullopt;
    Answer consistent = check_with(lits, std::nullopt);
    if (consistent == Answer::unknown) return std::nullopt;
    bool value = false;
    if (consistent == Answer::sat) {
      Answer entailed = check_with(lits, Lit{atom_goal(a), false});
      if (entailed == Answer::unknown) return std::nullopt;
      value = entailed == Answer::unsat;
    }
    burden_cache_.emplace(std::move(key), value);
    return value;
  }

  // The atoms `a` depends on through rule instances (sorted).
  const std::vector<AtomId>& below_of(AtomId a) {
    if (auto it = below_.find(a); it != below_.end()) return it->second;
    ground::Formula f;
    f.kind = ground::Formula::Kind::atom;
    f.atom = a;
    return below_[a] = ground::dependencies(s_.g, f);
  }

  Selector atom_goal(AtomId a) {
    if (auto it = atom_goals_.find(a); it != atom_goals_.end()) return it->second;
    ground::Formula f;
    f.kind = ground::Formula::Kind::atom;
    f.atom = a;
    return atom_goals_[a] = session_.goal(f);
  }

  // A check whose model and core are not needed: answers are cached, since the
  // same assumptions in this claim's session always get the same answer.
  Answer check_with(std::vector<Lit> lits, std::optional<Lit> extra) {
    if (extra) lits.push_back(*extra);
    std::sort(lits.begin(), lits.end());
    if (auto it = answers_.find(lits); it != answers_.end()) return it->second;
    Answer a = session_.check(lits, deadline_);
    if (a != Answer::unknown) answers_.emplace(std::move(lits), a);
    return a;
  }

  // The verdict of §4 on this claim's premises at `standard`, leaving `drops` out.
  Verdict decide(const StandardInfo& standard, const std::set<std::string>& drops) {
    bool unknown = false;
    P_ = premises(Premises::cautious, standard, drops, unknown);
    P_component_ = last_component_;
    if (unknown) return Verdict::unknown;
    Answer consistent = check_with(P_, std::nullopt);
    if (consistent == Answer::unknown) return Verdict::unknown;
    if (consistent == Answer::unsat) return Verdict::inconsistent;
    Answer a = check_with(P_, Lit{goal_, false});
    if (a == Answer::unknown) return Verdict::unknown;
    if (a == Answer::unsat) return Verdict::established;
    Answer b = check_with(P_, Lit{goal_, true});
    if (b == Answer::unknown) return Verdict::unknown;
    if (b == Answer::unsat) return Verdict::refuted;
    if (carries(Premises::favourable, standard, drops, unknown)) return Verdict::arguable;
    if (unknown) return Verdict::unknown;
    if (setting_.mode == ClaimMode::accusation) {
      if (carries(Premises::naive, standard, drops, unknown)) return Verdict::unsubstantiated;
      if (unknown) return Verdict::unknown;
    }
    return Verdict::not_established;
  }

  // These premises are consistent and entail the claim.
  bool carries(Premises which, const StandardInfo& standard, const std::set<std::string>& drops, bool& unknown) {
    auto lits = premises(which, standard, drops, unknown);
    if (unknown) return false;
    Answer consistent = check_with(lits, std::nullopt);
    if (consistent != Answer::sat) {
      unknown = consistent == Answer::unknown;
      return false;
    }
    Answer a = check_with(lits, Lit{goal_, false});
    unknown = a == Answer::unknown;
    return a == Answer::unsat;
  }

  // Shrinks `members` until no member can go: `fixed` ∪ members stays unsat.
  // A rule that goes is read as open, not as absent: absent, its head would be
  // false, and a refutation would need no rule at all. Rules already read as
  // open (§5) stay. Returns nullopt if a check ran out of time.
  //
  // The set is the one that deleting members one by one in a canonical order
  // (not Z3's core, not file order) leaves, so that the same premises give the
  // same minimal set however the file is laid out. Deleting from the front
  // keeps exactly what adding members from the back until unsat keeps, and
  // QuickXplain (Junker 2004) finds that set with O(k log n) checks for k
  // members kept, not n.
  std::optional<std::vector<Lit>> minimize(std::vector<Lit> members, std::vector<Lit> fixed) {
    auto is_open = [&](const Lit& l) { return session_.info(l.selector).kind == smt::SelectorInfo::Kind::rule_open; };
    for (const Lit& l : members)
      if (is_open(l)) fixed.push_back(l);
    std::erase_if(members, is_open);
    std::vector<Lit> rules; // rule members: read as open unless kept
    for (const Lit& l : members)
      if (session_.info(l.selector).kind == smt::SelectorInfo::Kind::rule) rules.push_back(l);
    // Unsat with only `kept` of the members, the other rules read as open?
    auto unsat_with = [&](const std::vector<Lit>& kept) -> std::optional<bool> {
      std::vector<Lit> lits = fixed;
      lits.insert(lits.end(), kept.begin(), kept.end());
      std::set<Lit> in(kept.begin(), kept.end());
      for (const Lit& l : rules)
        if (!in.count(l)) lits.push_back({session_.rule_open(session_.info(l.selector).index), true});
      Answer a = session_.check(lits, deadline_);
      if (a == Answer::unknown) return std::nullopt;
      return a == Answer::unsat;
    };
    auto first = unsat_with(members);
    if (!first || !*first) return std::nullopt;
    std::vector<std::pair<std::string, Lit>> keyed;
    for (const Lit& l : members) keyed.emplace_back(canonical(l), l);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Lit> order; // the canonical order reversed: the order members are added in
    for (auto it = keyed.rbegin(); it != keyed.rend(); ++it) order.push_back(it->second);
    bool timed_out = false;
    // The members of order[lo, hi) needed, given `base` (unsat with base: none).
    std::function<std::vector<Lit>(const std::vector<Lit>&, bool, std::size_t, std::size_t)> quick =
        [&](const std::vector<Lit>& base, bool check_base, std::size_t lo, std::size_t hi) -> std::vector<Lit> {
      if (timed_out) return {};
      if (check_base) {
        auto u = unsat_with(base);
        if (!u) timed_out = true;
        if (!u || *u) return {};
      }
      if (hi - lo == 1) return {order[lo]};
      std::size_t mid = lo + (hi - lo) / 2;
      std::vector<Lit> with_first = base;
      with_first.insert(with_first.end(), order.begin() + static_cast<std::ptrdiff_t>(lo),
                        order.begin() + static_cast<std::ptrdiff_t>(mid));
      std::vector<Lit> second = quick(with_first, true, mid, hi);
      std::vector<Lit> with_second = base;
      with_second.insert(with_second.end(), second.begin(), second.end());
      std::vector<Lit> out = quick(with_second, !second.empty(), lo, mid);
      out.insert(out.end(), second.begin(), second.end());
      return out;
    };
    std::set<Lit> kept;
    if (!order.empty())
      for (const Lit& l : quick({}, true, 0, order.size())) kept.insert(l);
    if (timed_out) return std::nullopt;
    std::vector<Lit> out; // in canonical order
    for (const auto& [_, l] : keyed)
      if (kept.count(l)) out.push_back(l);
    return out;
  }

  // A premise's name in words that do not depend on statement order.
  std::string canonical(const Lit& l) const {
    const auto& info = session_.info(l.selector);
    using K = smt::SelectorInfo::Kind;
    switch (info.kind) {
    case K::rule:
    case K::rule_open: return "1 " + s_.program.rules[info.index].id;
    case K::fact: return "2 " + ground::to_string(s_.g, s_.g.facts[info.index].formula);
    case K::numeric: return "3 " + s_.g.atoms[s_.g.numeric[info.index].atom].text;
    case K::proof: return std::string("4 ") + (info.positive ? "+" : "-") + s_.g.atoms[info.atom].text;
    case K::assumption: return "5 " + s_.g.atoms[info.atom].text;
    case K::burden_true:
    case K::burden_false:
    case K::presumption: return "6 " + s_.g.atoms[info.atom].text;
    case K::literal: return std::string("7 ") + s_.g.atoms[info.atom].text + (info.positive ? "+" : "-");
    default: return "9";
    }
  }

  // A model of `lits` that does not depend on Z3's choices: each atom the
  // claim depends on, in text order, is false unless the premises force it
  // true. Returns the literals (and leaves them decided), or nullopt.
  //
  // The result is the same as checking every atom in turn, with far fewer
  // checks: an atom a premise states outright is decided without one; the
  // kept model witnesses every atom it makes false; and an atom it makes true
  // is first tried false together with every later atom the model makes true.
  std::optional<std::vector<std::pair<AtomId, bool>>> canonical_model(std::vector<Lit> lits) {
    if (session_.check(lits, deadline_, true) != Answer::sat) return std::nullopt;
    const std::map<AtomId, bool> stated = stated_values(lits);
    const auto& atoms = dependency_atoms();
    std::vector<std::pair<AtomId, bool>> out;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      AtomId a = atoms[i];
      if (auto it = stated.find(a); it != stated.end()) {
        lits.push_back({session_.literal(a, it->second), true});
        out.emplace_back(a, it->second);
        continue;
      }
      lits.push_back({session_.literal(a, false), true});
      // Invariant: the kept model satisfies `lits` (an unsat check keeps the
      // last model, which made `a` true).
      Answer answer = Answer::sat;
      if (session_.value(a)) {
        std::vector<Lit> all_false = lits;
        for (std::size_t j = i + 1; j < atoms.size(); ++j)
          if (!stated.count(atoms[j]) && session_.value(atoms[j])) all_false.push_back({session_.literal(atoms[j], false), true});
        answer = all_false.size() > lits.size() ? session_.check(all_false, deadline_, true) : Answer::unsat;
        if (answer != Answer::sat) answer = session_.check(lits, deadline_, true);
      }
      if (answer == Answer::unknown) return std::nullopt;
      if (answer == Answer::unsat) lits.back() = {session_.literal(a, true), true};
      out.emplace_back(a, answer == Answer::unsat);
    }
    return out;
  }

  // Atoms whose value a premise among `lits` states outright: a fact that is
  // an atom, a negated atom or a conjunction of them; proven evidence; an
  // assumption; a decided literal. Every model of `lits` agrees with them.
  std::map<AtomId, bool> stated_values(const std::vector<Lit>& lits) const {
    std::map<AtomId, bool> out;
    std::function<void(const ground::Formula&, bool)> unit = [&](const ground::Formula& f, bool positive) {
      using K = ground::Formula::Kind;
      if (f.kind == K::atom) out[f.atom] = positive;
      else if (f.kind == K::negation) unit(f.operands[0], !positive);
      else if (f.kind == K::conjunction && positive)
        for (const auto& o : f.operands) unit(o, true);
    };
    for (const Lit& l : lits) {
      if (!l.positive) continue;
      const auto& info = session_.info(l.selector);
      using K = smt::SelectorInfo::Kind;
      if (info.kind == K::fact) unit(s_.g.facts[info.index].formula, true);
      else if (info.kind == K::proof || info.kind == K::literal) out[info.atom] = info.positive;
      else if (info.kind == K::assumption) out[info.atom] = true;
    }
    std::erase_if(out, [&](const auto& entry) {
      const auto* info = s_.g.atoms[entry.first].info;
      return !info || info->numeric || s_.g.derived(entry.first);
    });
    return out;
  }

  void explain(ClaimGroundingReport& r) {
    const Verdict v = r.verdict;
    // P_ holds the cautious premises of the claim's own standard after decide().
    const std::vector<Lit> P = P_;
    if (v == Verdict::inconsistent) {
      if (auto m = minimize(P, {})) r.conflict = describe(*m, setting_.standard, false);
    }
    if (v == Verdict::established || v == Verdict::refuted) {
      if (auto m = minimize(P, {Lit{goal_, v != Verdict::established}})) {
        std::erase_if(*m, [&](const Lit& l) { return l.selector == goal_; });
        r.support = describe(*m, setting_.standard, false);
        // A burden-of-proof atom that holds was established by premises of its own: show them too.
        for (const Lit& l : *m) {
          const auto& info = session_.info(l.selector);
          if (info.kind != smt::SelectorInfo::Kind::burden_true) continue;
          bool unknown = false;
          std::vector<Lit> rest = premises_for({info.atom}, info.atom, Premises::cautious, setting_.standard,
                                               setting_.drops, unknown);
          if (unknown) continue;
          Lit through{session_.definition(info.atom), true};
          std::erase(rest, through);
          if (auto sub = minimize(rest, {through, Lit{atom_goal(info.atom), false}})) {
            std::erase_if(*sub, [&](const Lit& x) {
              auto k = session_.info(x.selector).kind;
              return k == smt::SelectorInfo::Kind::goal || k == smt::SelectorInfo::Kind::definition;
            });
            for (auto& p : describe(*sub, setting_.standard, false)) {
              p.because_of = s_.g.atoms[info.atom].text;
              r.support.push_back(std::move(p));
            }
          }
        }
      }
    }
    if (v == Verdict::not_established || v == Verdict::arguable || v == Verdict::unsubstantiated) {
      auto with_goal = [&](bool value) {
        std::vector<Lit> lits = P;
        lits.push_back({goal_, value});
        return lits;
      };
      if (auto m = canonical_model(with_goal(false))) r.counter_model = literals_of(*m);
      if (v == Verdict::not_established)
        if (auto m = canonical_model(with_goal(true))) r.witness_model = literals_of(*m);
      r.would_establish = would_establish(P);
    }
    if (v == Verdict::unsubstantiated) naive_reliance(r);
    if (v == Verdict::established || v == Verdict::refuted) {
      mark_rules_that_apply(r.support, P);
      r.burdens = burdens_of(r.support);
    }
    if (v == Verdict::refuted || v == Verdict::not_established) r.no_rule_in_force = no_rule_in_force();
    strength(r);
    critical_evidence(r);
    defeaters_and_notes(r, P);
  }

  // A rule in a support is a reason when some instance of it applies on the
  // premises; one that is there only because none applies closes a route.
  void mark_rules_that_apply(std::vector<PremiseRef>& support, const std::vector<Lit>& P) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < s_.program.rules.size(); ++i) index[s_.program.rules[i].id] = i;
    for (auto& p : support) {
      if (p.kind != PremiseRef::Kind::rule || !p.detail.empty()) continue; // §5 open rules keep their own words
      auto applies = session_.rule_applies(index.at(p.id));
      if (!applies) {
        p.applies = false;
        continue;
      }
      p.applies = check_with(P, Lit{*applies, false}) == Answer::unsat;
    }
  }

  // The burdens of proof and presumptions a support needs, in words' data.
  std::vector<Burden> burdens_of(const std::vector<PremiseRef>& support) const {
    std::vector<Burden> out;
    for (const auto& p : support) {
      if (p.kind != PremiseRef::Kind::burden_of_proof && p.kind != PremiseRef::Kind::closed_world) continue;
      auto a = s_.g.find(p.id);
      if (!a) continue;
      const auto& atom = s_.g.atoms[*a];
      Burden b;
      b.atom = atom.text;
      b.predicate = atom.predicate;
      b.derived = p.kind == PremiseRef::Kind::burden_of_proof;
      b.holds = p.kind == PremiseRef::Kind::burden_of_proof && p.detail == "holds";
      if (atom.info) b.description = atom.info->description;
      // A defence names the state relying on it when its conclusion has one state (precluded(Op, S)).
      if (b.derived && atom.info) {
        std::vector<std::string> states;
        for (std::size_t i = 0; i < atom.args.size() && i < atom.info->params.size(); ++i)
          if (atom.info->params[i] == ast::EntityType::state) states.push_back(atom.args[i]);
        if (states.size() == 1) {
          b.bearer = states[0];
          if (auto e = s_.program.entities.find(states[0]); e != s_.program.entities.end()) b.bearer_label = e->second.label;
        }
      }
      if (std::none_of(out.begin(), out.end(), [&](const Burden& x) { return x.atom == b.atom; })) out.push_back(std::move(b));
    }
    return out;
  }

  // Derived atoms the claim depends on that no rule in force can conclude,
  // though rules under another alternative of a doctrine family would.
  std::vector<NoRuleInForce> no_rule_in_force() const {
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

  // Base atoms the claim depends on: its atoms and, through rules, their bodies.
  const std::vector<AtomId>& dependency_atoms() {
    if (!dependencies_.empty()) return dependencies_;
    for (AtomId a : ground::dependencies(s_.g, inst_.formula)) {
      const auto* info = s_.g.atoms[a].info;
      if (!s_.g.derived(a) && info && !info->numeric) dependencies_.push_back(a);
    }
    std::sort(dependencies_.begin(), dependencies_.end(),
              [&](AtomId x, AtomId y) { return s_.g.atoms[x].text < s_.g.atoms[y].text; });
    return dependencies_;
  }

  // True literals first, then false ones, each in text order. A false atom is
  // shown only where the case says something about it (a fact, evidence or an
  // assumption): "not performed_by(op, gru)" matters, the hundred atoms nobody
  // mentioned do not.
  std::vector<Literal> literals_of(const std::vector<std::pair<AtomId, bool>>& model) const {
    std::set<AtomId> mentioned(setting_.assumes.begin(), setting_.assumes.end());
    for (const auto& [_, a] : cone_literals_) mentioned.insert(a);
    for (std::size_t k : cone_facts_) mentioned.insert(s_.g.facts[k].atoms.begin(), s_.g.facts[k].atoms.end());
    // Literals a kept stipulated fact states outright: agreed, not part of the scenario.
    std::vector<Lit> kept_facts;
    for (std::size_t k : cone_facts_) {
      const FactItem& fact = s_.program.facts[s_.g.facts[k].fact];
      if (fact.label && setting_.drops.count(*fact.label)) continue;
      if (setting_.mode == ClaimMode::accusation && s_.g.facts[k].mentions_link) continue;
      if (auto sel = session_.fact(k)) kept_facts.push_back({*sel, true});
    }
    const std::map<AtomId, bool> agreed = stated_values(kept_facts);
    std::vector<Literal> out;
    // Atoms outside the component of P are no premise's business (§4): their
    // values in a model say nothing about the case.
    for (const auto& [a, v] : model)
      if ((v || mentioned.count(a)) && std::binary_search(P_component_.begin(), P_component_.end(), a)) {
        const auto& atom = s_.g.atoms[a];
        auto st = agreed.find(a);
        out.push_back({atom.text, v, atom.predicate, atom.args, st != agreed.end() && st->second == v});
      }
    std::stable_sort(out.begin(), out.end(), [](const Literal& x, const Literal& y) { return x.positive > y.positive; });
    return out;
  }

  // The single literals that might establish the claim. A literal that holds
  // in some model of `against` (the premises and the claim's denial) cannot.
  // Assume a whole group of literals of one sign at once: if that is
  // satisfiable, none of them can; if not, halve the group. A few checks
  // instead of two per candidate.
  std::set<std::pair<AtomId, bool>> singles_to_test(const std::vector<Lit>& against, const std::vector<AtomId>& candidates) {
    std::set<std::pair<AtomId, bool>> out;
    std::function<void(const std::vector<AtomId>&, bool)> split = [&](const std::vector<AtomId>& group, bool positive) {
      if (group.empty()) return;
      std::vector<Lit> lits = against;
      for (AtomId a : group) lits.push_back({session_.literal(a, positive), true});
      Answer answer = session_.check(lits, deadline_);
      if (answer == Answer::sat) return;
      if (group.size() == 1 || answer == Answer::unknown) {
        for (AtomId a : group) out.emplace(a, positive);
        return;
      }
      auto mid = group.begin() + static_cast<std::ptrdiff_t>(group.size() / 2);
      split({group.begin(), mid}, positive);
      split({mid, group.end()}, positive);
    };
    split(candidates, true);
    split(candidates, false);
    return out;
  }

  // §6: up to five minimal sets of open base literals that would establish the claim.
  std::vector<std::vector<Literal>> would_establish(const std::vector<Lit>& P) {
    std::vector<AtomId> candidates;
    for (AtomId a : dependency_atoms()) {
      const auto* info = s_.g.atoms[a].info;
      if (info && !info->has(Tag::closed)) candidates.push_back(a);
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<std::vector<Literal>> found;
    std::vector<Lit> blocks;
    auto block = [&](const std::vector<std::pair<AtomId, bool>>& set) {
      ground::Formula conj;
      conj.kind = ground::Formula::Kind::conjunction;
      for (const auto& [a, positive] : set) {
        ground::Formula atom;
        atom.kind = ground::Formula::Kind::atom;
        atom.atom = a;
        if (positive) {
          conj.operands.push_back(atom);
        } else {
          ground::Formula neg;
          neg.kind = ground::Formula::Kind::negation;
          neg.operands.push_back(atom);
          conj.operands.push_back(neg);
        }
      }
      if (conj.operands.size() == 1) conj = conj.operands[0];
      blocks.push_back({session_.goal(conj), false});
    };
    // Single literals first, so that the shortest ways to establish it come first.
    std::vector<Lit> against = P;
    against.push_back({goal_, false});
    std::set<std::pair<AtomId, bool>> open = singles_to_test(against, candidates);
    for (AtomId a : candidates) {
      for (bool positive : {true, false}) {
        if (found.size() >= 5) break;
        if (!open.count({a, positive})) continue;
        std::vector<Lit> lits = P;
        lits.push_back({session_.literal(a, positive), true});
        if (check_with(lits, std::nullopt) != Answer::sat) continue;
        if (check_with(lits, Lit{goal_, false}) != Answer::unsat) continue;
        found.push_back({Literal{s_.g.atoms[a].text, positive}});
        block({{a, positive}});
      }
    }
    for (int round = static_cast<int>(found.size()); round < 5; ++round) {
      std::vector<Lit> lits = P;
      lits.insert(lits.end(), blocks.begin(), blocks.end());
      lits.push_back({goal_, true});
      auto model = canonical_model(lits);
      if (!model) break;
      std::vector<Lit> chosen;
      for (const auto& [a, v] : *model)
        if (std::binary_search(candidates.begin(), candidates.end(), a)) chosen.push_back({session_.literal(a, v), true});
      std::vector<Lit> fixed = P;
      fixed.push_back({goal_, false});
      auto minimal = minimize(chosen, fixed);
      if (!minimal || minimal->empty()) break;
      std::vector<Literal> set;
      std::vector<std::pair<AtomId, bool>> members;
      for (const Lit& l : *minimal) {
        const auto& info = session_.info(l.selector);
        set.push_back({s_.g.atoms[info.atom].text, info.positive});
        members.emplace_back(info.atom, info.positive);
      }
      std::sort(set.begin(), set.end());
      found.push_back(std::move(set));
      block(members); // the next set must not contain this one
    }
    std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
      return x.size() != y.size() ? x.size() < y.size() : x < y;
    });
    return found;
  }

  void naive_reliance(ClaimGroundingReport& r) {
    bool unknown = false;
    auto naive = premises(Premises::naive, setting_.standard, setting_.drops, unknown);
    if (unknown) return;
    auto m = minimize(naive, {Lit{goal_, false}});
    if (!m) return;
    std::set<Lit> in_p(P_.begin(), P_.end());
    std::set<std::string> kinds;
    for (const Lit& l : *m) {
      if (l.selector == goal_ || in_p.count(l)) continue;
      const auto& info = session_.info(l.selector);
      // P's component can be smaller than the naive premises' (§4 on each
      // reading): a premise of P outside it is not one §28(f) warns against.
      const auto* atom_info = s_.g.atoms[info.atom].info;
      if (info.kind == smt::SelectorInfo::Kind::proof &&
          (!atom_info || !(atom_info->has(Tag::link) || atom_info->has(Tag::attribution)) ||
           s_.evidence.proven({s_.g.atoms[info.atom].text, info.positive},
                              weigh_config(setting_.standard, setting_.drops, false), weigh::Reading::cautious)))
        continue;
      if (info.kind == smt::SelectorInfo::Kind::fact && !s_.g.facts[info.index].mentions_link) continue;
      if (info.kind == smt::SelectorInfo::Kind::rule && !s_.program.rules[info.index].origin_only) continue;
      switch (info.kind) {
      case smt::SelectorInfo::Kind::fact: kinds.insert("a stipulated link or attribution fact, not substantiated by evidence"); break;
      case smt::SelectorInfo::Kind::proof: {
        // Which discounted kinds of evidence the naive reading counted here.
        weigh::LiteralKey key{s_.g.atoms[info.atom].text, info.positive};
        auto config = weigh_config(setting_.standard, setting_.drops, false);
        for (const auto& id : s_.evidence.weigh(key, config).discounted) {
          const auto& kind = item_by_id(id)->kind;
          kinds.insert(kind == "origin" ? "origin evidence counted for who did it or for whom"
                                        : "official statements counted for who did it or for whom, though the "
                                          "evidence behind them is not disclosed (substantiation = disclosed evidence)");
        }
        break;
      }
      case smt::SelectorInfo::Kind::rule: kinds.insert("a rule that derives a link or attribution from origin alone (W28F)"); break;
      case smt::SelectorInfo::Kind::naive_origin: kinds.insert("the inference from origin or infrastructure to attribution"); break;
      default: break;
      }
    }
    r.naive_reliance.assign(kinds.begin(), kinds.end());
    r.support = describe(*m, setting_.standard, true); // what the unsubstantiated accusation leaned on
  }

  void strength(ClaimGroundingReport& r) {
    const StandardInfo* best = nullptr;
    std::vector<Lit> best_premises;
    for (const auto& standard : s_.standards) {
      bool unknown = false;
      auto lits = premises(Premises::cautious, standard, setting_.drops, unknown);
      if (unknown) return;
      if (check_with(lits, std::nullopt) != Answer::sat) continue;
      Answer a = check_with(lits, Lit{goal_, false});
      if (a == Answer::unknown) return;
      if (a == Answer::unsat) {
        best = &standard;
        best_premises = std::move(lits);
      }
    }
    if (!best) return;
    r.strength = best->name;
    // Established at a higher standard than the claim's own, where it is not:
    // say what makes it so there (a lower standard proves more; that needs no reason).
    if (r.verdict == Verdict::established) return;
    auto rank = [&](const std::string& name) {
      for (std::size_t i = 0; i < s_.standards.size(); ++i)
        if (s_.standards[i].name == name) return i;
      return std::size_t{0};
    };
    if (rank(best->name) <= rank(setting_.standard.name)) return;
    if (auto m = minimize(best_premises, {Lit{goal_, false}})) {
      std::erase_if(*m, [&](const Lit& l) { return l.selector == goal_; });
      r.strength_burdens = burdens_of(describe(*m, *best, false));
    }
  }

  // Items bearing on the cone, in file order, not already dropped.
  std::vector<std::size_t> cone_items() {
    std::set<std::size_t> items;
    for (const auto& [literal, _] : cone_literals_) {
      for (std::size_t i : s_.evidence.items(literal))
        if (!setting_.drops.count(s_.evidence.item(i).id)) items.insert(i);
    }
    return {items.begin(), items.end()};
  }

  void critical_evidence(ClaimGroundingReport& r) {
    auto saved = P_;
    auto saved_component = P_component_;
    for (std::size_t i : cone_items()) {
      // Cached answers never reach Z3's deadline: look at the clock here too.
      if (smt::Clock::now() >= deadline_) break;
      auto drops = setting_.drops;
      drops.insert(s_.evidence.item(i).id);
      Verdict v = decide(setting_.standard, drops);
      if (v == Verdict::unknown) break;
      if (v != r.verdict) r.critical_evidence.push_back(s_.evidence.item(i).id);
    }
    P_ = saved;
    P_component_ = saved_component;
    // By id, not file order: moving statements must not change the report (§7).
    std::sort(r.critical_evidence.begin(), r.critical_evidence.end());
  }

  static std::string interval(const Rational& lo, const Rational& hi) {
    return lo == hi ? to_decimal_string(lo) : to_decimal_string(lo) + ".." + to_decimal_string(hi);
  }

  void defeaters_and_notes(ClaimGroundingReport& r, const std::vector<Lit>& P) {
    auto config = weigh_config(setting_.standard, setting_.drops, false);
    std::set<std::pair<std::string, std::string>> seen;
    auto contrary_items = [&](const weigh::LiteralKey& contrary) {
      for (std::size_t i : s_.evidence.items(contrary)) {
        const auto& e = s_.evidence.item(i);
        if (config.dropped.count(e.id) || (config.as_of && e.date && *config.as_of < *e.date)) continue;
        if (!seen.insert({e.id, contrary.atom}).second) continue;
        r.defeaters.push_back({e.id, e.summary, Literal{contrary.atom, contrary.positive}, interval(e.lo, e.hi)});
      }
    };
    // Contrary items on every literal proven in the premises.
    for (const Lit& l : P) {
      const auto& info = session_.info(l.selector);
      if (info.kind != smt::SelectorInfo::Kind::proof) continue;
      contrary_items({s_.g.atoms[info.atom].text, !info.positive});
    }
    // A claim not established: items against what would establish it.
    for (const auto& set : r.would_establish)
      for (const auto& literal : set) contrary_items({literal.atom, !literal.positive});
    // §28(f) notes: origin items that count for nothing on link/attribution atoms.
    for (const auto& [literal, _] : cone_literals_) {
      for (const auto& id : s_.evidence.weigh(literal, config).discounted) {
        const std::string what = (literal.positive ? "" : "the denial of ") + literal.atom;
        if (item_by_id(id)->kind == "origin")
          r.notes.push_back({id, literal.atom,
                             "GGE 2015 §28(f): evidence '" + id + "' shows where the operation came from; it is not "
                             "counted for " + what + " (origin is not attribution)"});
        else
          r.notes.push_back({id, literal.atom,
                             "GGE 2015 §28(f): evidence '" + id + "' is an official statement whose evidence is not "
                             "disclosed; under substantiation = disclosed evidence it is not counted for " + what +
                                 " in an accusation"});
      }
    }
    // By evidence id, not file order: moving statements must not change the report (§7).
    std::stable_sort(r.defeaters.begin(), r.defeaters.end(), [](const Defeater& a, const Defeater& b) {
      return std::tie(a.evidence, a.contrary) < std::tie(b.evidence, b.contrary);
    });
    std::stable_sort(r.notes.begin(), r.notes.end(),
                     [](const Note& a, const Note& b) { return std::tie(a.evidence, a.atom) < std::tie(b.evidence, b.atom); });
  }

  // The evidence item with this id, or nullptr.
  const EvidenceItem* item_by_id(const std::string& id) const {
    auto it = std::find_if(s_.program.evidence.begin(), s_.program.evidence.end(),
                           [&](const EvidenceItem& e) { return e.id == id; });
    return it == s_.program.evidence.end() ? nullptr : &*it;
  }

  // Reads selectors back as the facts, evidence and rules a lawyer can check.
  std::vector<PremiseRef> describe(const std::vector<Lit>& lits, const StandardInfo& standard, bool naive) {
    std::vector<PremiseRef> out;
    auto config = weigh_config(standard, setting_.drops, naive);
    for (const Lit& l : lits) {
      const auto& info = session_.info(l.selector);
      using K = smt::SelectorInfo::Kind;
      switch (info.kind) {
      case K::rule:
      case K::rule_open: {
        const RuleItem& rule = s_.program.rules[info.index];
        PremiseRef p{PremiseRef::Kind::rule, rule.id, rule.label, {}, "", rule.span};
        if (rule.cite) p.cites.push_back(*rule.cite);
        if (info.kind == K::rule_open)
          p.detail = "derives a link from origin alone (GGE 2015 §28(f)): not counted either way";
        out.push_back(std::move(p));
        break;
      }
      case K::naive_origin:
        out.push_back({PremiseRef::Kind::naive, "origin_inference",
                       "where an operation came from taken as who is responsible for it", {"GGE 2015 §28(f)"},
                       "the inference §28(f) warns against", {}});
        break;
      case K::fact: {
        const auto& premise = s_.g.facts[info.index];
        const FactItem& fact = s_.program.facts[premise.fact];
        out.push_back({PremiseRef::Kind::fact, fact.label ? *fact.label : "fact at line " + std::to_string(fact.span.line),
                       ground::to_string(s_.g, premise.formula), {}, "stipulated", fact.span});
        break;
      }
      case K::numeric: {
        const auto& premise = s_.g.numeric[info.index];
        const FactItem& fact = s_.program.facts[premise.fact];
        out.push_back({PremiseRef::Kind::numeric_fact,
                       fact.label ? *fact.label : "fact at line " + std::to_string(fact.span.line),
                       s_.g.atoms[premise.atom].text + " = " + interval(premise.lo, premise.hi), {}, "stipulated",
                       fact.span});
        break;
      }
      case K::proof: {
        weigh::LiteralKey key{s_.g.atoms[info.atom].text, info.positive};
        auto w = s_.evidence.weigh(key, config);
        // Premises are proven on the cautious reading: name only the items needed there.
        auto needed = s_.evidence.sufficient(key, config, weigh::Reading::cautious);
        for (const auto& id : needed.empty() ? w.carrying : needed) {
          const EvidenceItem* it = item_by_id(id);
          if (!it) continue;
          PremiseRef p{PremiseRef::Kind::evidence, it->id, it->summary, it->cites,
                       std::string(info.positive ? "supports " : "contradicts ") + key.atom + " (confidence " +
                           interval(it->lo, it->hi) + ", weight " + interval(w.lo, w.hi) + ")",
                       it->span};
          p.evidence_kind = it->kind;
          p.confidence = interval(it->lo, it->hi);
          p.weight = interval(w.lo, w.hi);
          p.bears_on = Literal{key.atom, info.positive};
          out.push_back(std::move(p));
        }
        break;
      }
      case K::assumption:
        out.push_back({PremiseRef::Kind::assumption, s_.g.atoms[info.atom].text, "assumed for this claim", {}, "", {}});
        break;
      case K::presumption: {
        const auto* pred = s_.g.atoms[info.atom].info;
        out.push_back({PremiseRef::Kind::closed_world, s_.g.atoms[info.atom].text, pred ? pred->description : "",
                       {}, "presumed not to hold until proven", {}});
        break;
      }
      case K::burden_true:
      case K::burden_false:
        out.push_back({PremiseRef::Kind::burden_of_proof, s_.g.atoms[info.atom].text,
                       info.positive ? "established on the same premises"
                                     : "not established, so treated as false: whoever relies on it must prove it",
                       {}, info.positive ? "holds" : "does not hold", {}});
        break;
      default: break;
      }
    }
    // One entry per item, in a stable order.
    std::stable_sort(out.begin(), out.end(), [](const PremiseRef& a, const PremiseRef& b) {
      return std::tie(a.kind, a.id, a.detail) < std::tie(b.kind, b.id, b.detail);
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const PremiseRef& a, const PremiseRef& b) { return a.kind == b.kind && a.id == b.id && a.detail == b.detail; }),
              out.end());
    return out;
  }

  const CaseIndex& s_;
  const ground::ClaimInstance& inst_;
  Setting setting_;
  std::vector<AtomId> cone_;
  std::vector<std::size_t> cone_facts_, cone_numeric_; // fact premises encoded for the cone
  smt::Clock::time_point start_, deadline_;
  smt::Session session_;
  Selector goal_ = 0;
  std::vector<AtomId> claim_atoms_;
  // The cone's connections, by local index (index_cone()).
  std::vector<std::vector<std::pair<std::size_t, std::vector<std::size_t>>>> bodies_; // (rule, atoms) per body
  std::vector<std::vector<std::size_t>> naive_of_;
  std::multimap<std::size_t, std::size_t> naive_parents_;
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> parents_;             // (conclusion, rule)
  std::vector<std::vector<std::size_t>> facts_on_, numeric_on_, literals_on_;
  std::map<std::tuple<AtomId, int, std::string, std::set<std::string>>, bool> burden_cache_;
  std::map<AtomId, Selector> atom_goals_;
  std::map<AtomId, std::vector<AtomId>> below_;
  std::vector<AtomId> last_component_, P_component_; // sorted atoms of the last premises' component, and of P's
  std::vector<AtomId> dependencies_;
  std::vector<Lit> P_;
  std::vector<std::pair<weigh::LiteralKey, AtomId>> cone_literals_; // evidence literals on cone atoms
  std::map<std::vector<Lit>, Answer> answers_;
};

} // namespace
} // namespace imputa::judging

namespace imputa {

using namespace judging;

void check_grounding(const Program& program, Diagnostics& diags) { ground::ground(program, {}, diags); }

Report judge(const Program& program, const JudgeOptions& options, Diagnostics& diags) {
  Report report;
  report.case_id = program.case_id;
  report.case_title = program.case_title;
  report.case_cites = program.case_cites;
  for (const auto& [id, e] : program.entities) report.entity_labels[id] = e.label;
  for (const auto& [id, p] : program.predicates) report.predicate_labels[id] = p.description;
  auto started = std::chrono::steady_clock::now();
  auto ms_since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
  };
  // Rules no judged claim can have in force are not ground (semantics.md §1).
  std::vector<std::pair<std::map<std::string, std::string>, std::set<std::string>>> in_force; // doctrine, drops
  for (const auto& claim : program.claims) {
    if (!options.claims.empty() && std::find(options.claims.begin(), options.claims.end(), claim.id) == options.claims.end())
      continue;
    in_force.emplace_back(doctrine_for(program, claim, options), drops_for(claim, options));
  }
  ground::GroundOptions grounding;
  grounding.shortcuts = !options.every_entity_apart;
  grounding.deadline = started + options.timeout; // grounding respects the time limit too
  grounding.may_be_in_force = [&](const RuleItem& rule) {
    return std::any_of(in_force.begin(), in_force.end(),
                       [&](const auto& setting) { return rule_in_force(rule, setting.first, setting.second); });
  };
  ground::GroundProgram g = ground::ground(program, options.assume, diags, grounding);
  if (diags.has_errors()) return report;
  report.ground_atoms = g.atoms.size();
  weigh::EvidenceIndex evidence(program);
  report.ground_ms = ms_since(started);
  auto solving = std::chrono::steady_clock::now();
  CaseIndex shared(program, g, evidence, options);
  Cones components(g, evidence);

  std::vector<std::size_t> selected; // claim instances to judge
  for (std::size_t i = 0; i < g.claims.size(); ++i) {
    const auto& id = program.claims[g.claims[i].claim].id;
    if (options.claims.empty() || std::find(options.claims.begin(), options.claims.end(), id) != options.claims.end())
      selected.push_back(i);
  }
  std::vector<std::vector<AtomId>> cones(selected.size());
  for (std::size_t k = 0; k < selected.size(); ++k) {
    std::vector<AtomId> atoms;
    ground::collect_atoms(g.claims[selected[k]].formula, atoms);
    cones[k] = components.cone(atoms);
  }

  // The doctrine families each claim's cone depends on (for `compare`): those
  // of the rules concluding any derived atom of the cone, even where no ground
  // body exists (the atom is then false under that doctrine and true under none).
  std::map<std::string, std::set<std::string>> families_of_head;
  for (const auto& rule : program.rules)
    if (rule.when_family) families_of_head[rule.head.predicate.text].insert(*rule.when_family);
  // Only what the claim depends on (its atoms and, through rules, their
  // conditions) counts: a doctrine elsewhere in the cone cannot change it.
  std::vector<std::set<std::string>> families(selected.size());
  for (std::size_t k = 0; k < selected.size(); ++k)
    for (AtomId a : ground::dependencies(g, g.claims[selected[k]].formula))
      if (auto f = families_of_head.find(g.atoms[a].predicate); f != families_of_head.end() && g.derived(a))
        families[k].insert(f->second.begin(), f->second.end());

  // An accusation depends on `substantiation` when an official statement bears
  // on a link or attribution atom of its cone (the family then decides its weight).
  if (program.doctrines.count("substantiation"))
    for (std::size_t k = 0; k < selected.size(); ++k) {
      if (program.claims[g.claims[selected[k]].claim].mode != ClaimMode::accusation) continue;
      for (AtomId a : cones[k]) {
        const auto* info = g.atoms[a].info;
        if (!info || !(info->has(Tag::link) || info->has(Tag::attribution))) continue;
        for (std::size_t l : shared.literals_of[a])
          for (std::size_t i : evidence.items(evidence.literals()[l]))
            if (evidence.item(i).kind == "official_statement") families[k].insert("substantiation");
      }
    }

  std::vector<ClaimGroundingReport> results(selected.size());
  std::atomic<std::size_t> next{0};
  std::mutex progress_mutex; // serializes options.progress; `done` counts under it
  std::size_t done = 0;
  auto worker = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < selected.size();) {
      const auto& inst = g.claims[selected[k]];
      if (g.timed_out) { // grounding did not finish: nothing is judged on half a program
        results[k].bindings = inst.bindings;
        results[k].formula = inst.text;
        results[k].verdict = Verdict::unknown;
        results[k].unknown_reason = "the time limit of " + std::to_string(options.timeout.count()) +
                                    " ms was reached while grounding the case";
      } else {
        Setting setting = setting_for(program, g, program.claims[inst.claim], options);
        ClaimJudge judge(shared, inst, std::move(setting), cones[k]);
        results[k] = judge.run();
      }
      if (options.progress) {
        std::lock_guard lock(progress_mutex);
        options.progress(++done, selected.size());
      }
    }
  };
  unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(selected.size())));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  report.solve_ms = ms_since(solving);

  // Group groundings by claim, in source order.
  std::map<std::size_t, std::size_t> report_of;
  for (std::size_t k = 0; k < selected.size(); ++k) {
    std::size_t c = g.claims[selected[k]].claim;
    auto [it, fresh] = report_of.try_emplace(c, report.claims.size());
    if (fresh) {
      const ClaimItem& claim = program.claims[c];
      Setting s = setting_for(program, g, claim, options);
      ClaimReport cr;
      cr.id = claim.id;
      cr.text = claim.text;
      cr.formula = to_string(claim.formula);
      cr.mode = claim.mode;
      cr.standard = s.standard.name;
      cr.doctrine = s.doctrine;
      cr.expected = claim.expect;
      cr.span = claim.span;
      report.claims.push_back(std::move(cr));
    }
    report.claims[it->second].groundings.push_back(std::move(results[k]));
    auto& fams = report.claims[it->second].families;
    for (const auto& f : families[k])
      if (std::find(fams.begin(), fams.end(), f) == fams.end()) fams.push_back(f);
  }
  for (auto& cr : report.claims) {
    std::sort(cr.families.begin(), cr.families.end());
    cr.verdict = cr.groundings.front().verdict;
    bool all_same = true;
    for (const auto& gr : cr.groundings) all_same = all_same && gr.verdict == cr.verdict;
    if (!all_same) {
      // Mixed groundings: report the least favourable verdict for the claim as a whole.
      for (Verdict v : {Verdict::unknown, Verdict::inconsistent, Verdict::not_established, Verdict::unsubstantiated,
                        Verdict::arguable, Verdict::refuted, Verdict::established}) {
        if (std::any_of(cr.groundings.begin(), cr.groundings.end(), [&](const auto& gr) { return gr.verdict == v; })) {
          cr.verdict = v;
          break;
        }
      }
    }
    cr.as_expected = std::all_of(cr.groundings.begin(), cr.groundings.end(), [&](const auto& gr) {
      return gr.verdict != Verdict::unknown && (!cr.expected || gr.verdict == *cr.expected);
    });
  }
  return report;
}

} // namespace imputa
