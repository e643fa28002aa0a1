// Minimal supports and conflicts: QuickXplain (Junker 2004) over premises in a
// canonical order, so the same premises give the same set however the file is laid out.
#include "claim_judge.hpp"

#include <algorithm>
#include <functional>

namespace imputa::judging {
namespace {

// The members of `order` needed for unsat: adding members from the back of
// the canonical order until unsat keeps exactly these, found with O(k log n)
// checks for k members kept, not n.
class QuickXplain {
public:
  using UnsatWith = std::function<std::optional<bool>(const std::vector<Lit>&)>;
  QuickXplain(const std::vector<Lit>& order, UnsatWith unsat_with) : order_(order), unsat_with_(std::move(unsat_with)) {}

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
  UnsatWith unsat_with_;
  bool timed_out_ = false;
};

} // namespace

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
  std::vector<std::pair<std::string, Lit>> keyed;
  for (const Lit& l : members) keyed.emplace_back(canonical(l), l);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Lit> order; // the canonical order reversed: the order members are added in
  for (auto it = keyed.rbegin(); it != keyed.rend(); ++it) order.push_back(it->second);
  QuickXplain quick(order, unsat_with);
  std::set<Lit> kept;
  if (!order.empty())
    for (const Lit& l : quick.needed({}, true, 0, order.size())) kept.insert(l);
  if (quick.timed_out()) return std::nullopt;
  std::vector<Lit> out; // in canonical order
  for (const auto& [_, l] : keyed)
    if (kept.count(l)) out.push_back(l);
  return out;
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
