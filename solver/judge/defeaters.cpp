// Evidence against a claim and GGE 2015 §28(f): defeaters, the notes on
// evidence §28(f) discounts, and what an unsubstantiated accusation relied on.
#include "claim_judge.hpp"

#include <algorithm>

namespace imputa::judging {

// Contrary items on every literal proven in the premises `P`, and, for a
// claim not established, on what would establish it.
std::vector<Defeater> ClaimJudge::defeaters(const std::vector<Lit>& P,
                                            const std::vector<std::vector<Literal>>& would) const {
  auto config = weigh_config(setting_.standard, setting_.drops, false);
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<Defeater> out;
  auto contrary_items = [&](const weigh::LiteralKey& contrary) {
    for (std::size_t i : s_.evidence.items(contrary)) {
      const auto& e = s_.evidence.item(i);
      if (config.dropped.count(e.id) || (config.as_of && e.date && *config.as_of < *e.date)) continue;
      if (!seen.insert({e.id, contrary.atom}).second) continue;
      out.push_back({e.id, e.summary, Literal{contrary.atom, contrary.positive}, Interval{e.lo, e.hi}});
    }
  };
  for (const Lit& l : P) {
    const auto& info = session_.info(l.selector);
    if (info.kind != smt::SelectorInfo::Kind::proof) continue;
    contrary_items({s_.g.atoms[info.atom].text, !info.positive});
  }
  for (const auto& set : would)
    for (const auto& literal : set) contrary_items({literal.atom, !literal.positive});
  // By evidence id, not file order: moving statements must not change the report (§7).
  std::stable_sort(out.begin(), out.end(), [](const Defeater& a, const Defeater& b) {
    return std::tie(a.evidence, a.contrary) < std::tie(b.evidence, b.contrary);
  });
  return out;
}

// §28(f) notes: origin items that count for nothing on link/attribution atoms.
std::vector<Note> ClaimJudge::discount_notes() const {
  auto config = weigh_config(setting_.standard, setting_.drops, false);
  std::vector<Note> out;
  for (const auto& [literal, _] : cone_literals_) {
    for (const auto& id : s_.evidence.weigh(literal, config).discounted)
      out.push_back({id, literal.atom, literal.positive,
                     item_by_id(id)->kind == "origin" ? Note::Why::origin : Note::Why::undisclosed_statement});
  }
  // By evidence id, not file order: moving statements must not change the report (§7).
  std::stable_sort(out.begin(), out.end(),
                   [](const Note& a, const Note& b) { return std::tie(a.evidence, a.atom) < std::tie(b.evidence, b.atom); });
  return out;
}

// Which naive premise `l` of a support is; none for a premise that
// the cautious premises have too, or that §28(f) does not warn against.
std::vector<NaiveInference> ClaimJudge::naive_kinds(const Lit& l) const {
  const auto& info = session_.info(l.selector);
  // P's component can be smaller than the naive premises' (§4 on each
  // reading): a premise of P outside it is not one §28(f) warns against.
  const auto* atom_info = s_.g.atoms[info.atom].info;
  auto config = weigh_config(setting_.standard, setting_.drops, false);
  if (info.kind == smt::SelectorInfo::Kind::proof &&
      (!atom_info || !atom_info->names_who() ||
       s_.evidence.proven({s_.g.atoms[info.atom].text, info.positive}, config, weigh::Reading::cautious)))
    return {};
  if (info.kind == smt::SelectorInfo::Kind::fact && !s_.g.facts[info.index].mentions_link) return {};
  if (info.kind == smt::SelectorInfo::Kind::rule && !s_.program.rules[info.index].origin_only) return {};
  switch (info.kind) {
  case smt::SelectorInfo::Kind::fact: return {NaiveInference::stipulated_link};
  case smt::SelectorInfo::Kind::proof: {
    // Which discounted kinds of evidence the naive reading counted here.
    std::vector<NaiveInference> out;
    weigh::LiteralKey key{s_.g.atoms[info.atom].text, info.positive};
    for (const auto& id : s_.evidence.weigh(key, config).discounted) {
      out.push_back(item_by_id(id)->kind == "origin" ? NaiveInference::origin_evidence
                                                     : NaiveInference::undisclosed_statements);
    }
    return out;
  }
  case smt::SelectorInfo::Kind::rule: return {NaiveInference::origin_rule};
  case smt::SelectorInfo::Kind::naive_origin: return {NaiveInference::origin_inference};
  default: return {};
  }
}

// UNSUBSTANTIATED: what carried the accusation on its naive premises that
// its cautious premises `P` lack; nullopt if a check ran out of time.
std::optional<ClaimJudge::NaiveReliance> ClaimJudge::naive_reliance(const std::vector<Lit>& P, Deadline deadline) {
  PremiseSet naive = premises(Premises::naive, setting_.standard, setting_.drops, deadline);
  if (naive.unknown) return std::nullopt;
  auto m = minimize(naive.lits, {Lit{goal_, false}}, deadline);
  if (!m) return std::nullopt;
  std::set<Lit> in_p(P.begin(), P.end());
  std::set<NaiveInference> kinds;
  for (const Lit& l : *m) {
    if (l.selector == goal_ || in_p.count(l)) continue;
    for (NaiveInference kind : naive_kinds(l)) kinds.insert(kind);
  }
  return NaiveReliance{{kinds.begin(), kinds.end()}, describe(*m, setting_.standard, true)};
}

} // namespace imputa::judging
