// Minimal supports and conflicts: the set deleting premises one by one in a
// canonical order leaves (minimal_set.hpp), so the same premises give the same
// set however the file is laid out.
#include "claim_judge.hpp"

#include "minimal_set.hpp"

#include <algorithm>
#include <set>

namespace imputa::judging {
namespace {

// The members of `order` needed for unsat: adding members from the front of
// `order` (the canonical order reversed) until unsat keeps exactly these.
class QuickXplain {
public:
  QuickXplain(const std::vector<Lit>& order, const UnsatWith& unsat_with) : order_(order), unsat_with_(unsat_with) {}

  // The members of order[lo, hi) needed, given `base` (unsat with base: none).
  std::vector<Lit> needed(const std::vector<Lit>& base, bool check_base, std::size_t lo, std::size_t hi) {
    if (timed_out_) return {};
    if (check_base) {
      auto u = unsat_with_(base);
      if (!u) timed_out_ = true;
      if (!u || *u) return {};
    }
    if (hi - lo == 1) return {order_[lo]};
    std::size_t mid = lo + (hi - lo) / 2;
    std::vector<Lit> with_first = base;
    with_first.insert(with_first.end(), order_.begin() + static_cast<std::ptrdiff_t>(lo),
                      order_.begin() + static_cast<std::ptrdiff_t>(mid));
    std::vector<Lit> second = needed(with_first, true, mid, hi);
    std::vector<Lit> with_second = base;
    with_second.insert(with_second.end(), second.begin(), second.end());
    std::vector<Lit> out = needed(with_second, !second.empty(), lo, mid);
    out.insert(out.end(), second.begin(), second.end());
    return out;
  }

  bool timed_out() const { return timed_out_; }

private:
  const std::vector<Lit>& order_;
  const UnsatWith& unsat_with_;
  bool timed_out_ = false;
};

// The members of `canonical` that are in `kept`, in canonical order.
std::vector<Lit> in_order(const std::vector<Lit>& canonical, const std::vector<Lit>& kept) {
  std::set<Lit> in(kept.begin(), kept.end());
  std::vector<Lit> out;
  for (const Lit& l : canonical)
    if (in.count(l)) out.push_back(l);
  return out;
}

} // namespace

std::optional<std::vector<Lit>> quickxplain(const std::vector<Lit>& canonical, const UnsatWith& unsat_with) {
  if (canonical.empty()) return std::vector<Lit>{};
  const std::vector<Lit> order(canonical.rbegin(), canonical.rend());
  QuickXplain quick(order, unsat_with);
  std::vector<Lit> kept = quick.needed({}, true, 0, order.size());
  if (quick.timed_out()) return std::nullopt;
  return in_order(canonical, kept);
}

std::optional<std::vector<Lit>> delete_one_by_one(const std::vector<Lit>& canonical, const UnsatWith& unsat_with) {
  std::vector<Lit> left = canonical;
  for (std::size_t i = 0; i < left.size();) {
    std::vector<Lit> without = left;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
    auto u = unsat_with(without);
    if (!u) return std::nullopt;
    if (*u)
      left = std::move(without);
    else
      ++i;
  }
  return left;
}

// Shrinks `members` until no member can go: `fixed` ∪ members stays unsat.
// A rule that goes is read as open, not as absent: absent, its head would be
// false, and a refutation would need no rule at all. Rules already read as
// open (§5) stay. Returns nullopt if a check ran out of time.
//
// The set is the one that deleting members one by one in a canonical order
// (not Z3's core, not file order) leaves, so that the same premises give the
// same minimal set however the file is laid out. QuickXplain finds it with
// few checks when few members are kept; when nearly every member is kept
// (a retorsion claim's support keeps every "does not target" fact,
// docs/performance.md), deleting one by one checks half as often. Z3's core
// of the first check is the guess: over half the members, one by one.
std::optional<std::vector<Lit>> ClaimJudge::minimize(std::vector<Lit> members, std::vector<Lit> fixed,
                                                     Deadline deadline) {
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
    Answer a = session_.check(lits, deadline);
    if (a == Answer::unknown) return std::nullopt;
    return a == Answer::unsat;
  };
  auto first = unsat_with(members);
  if (!first || !*first) return std::nullopt;
  // How many members Z3's core of that check names: a guess at how many the
  // set keeps, used only to choose how to find it (the set is the same).
  std::size_t in_core = 0;
  {
    std::set<Selector> core;
    for (Selector c : session_.core()) core.insert(c);
    for (const Lit& l : members) in_core += core.count(l.selector);
  }
  std::vector<std::pair<std::string, Lit>> keyed;
  for (const Lit& l : members) keyed.emplace_back(canonical(l), l);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Lit> order; // canonical, each member once
  std::set<Lit> seen;
  for (const auto& [_, l] : keyed)
    if (seen.insert(l).second) order.push_back(l);
  return 2 * in_core > order.size() ? delete_one_by_one(order, unsat_with) : quickxplain(order, unsat_with);
}

// A premise's name in words that do not depend on statement order.
std::string ClaimJudge::canonical(const Lit& l) const {
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

} // namespace imputa::judging
