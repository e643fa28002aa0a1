// Premises read back as the facts, evidence and rules a lawyer can check, and
// the burdens of proof and presumptions a support needs.
#include "claim_judge.hpp"

#include <algorithm>

namespace imputa::judging {

std::string interval(const Rational& lo, const Rational& hi) {
  return lo == hi ? to_decimal_string(lo) : to_decimal_string(lo) + ".." + to_decimal_string(hi);
}

// The evidence item with this id, or nullptr.
const EvidenceItem* ClaimJudge::item_by_id(const std::string& id) const {
  auto it = std::find_if(s_.program.evidence.begin(), s_.program.evidence.end(),
                         [&](const EvidenceItem& e) { return e.id == id; });
  return it == s_.program.evidence.end() ? nullptr : &*it;
}

// Reads selectors back as the facts, evidence and rules a lawyer can check.
std::vector<PremiseRef> ClaimJudge::describe(const std::vector<Lit>& lits, const StandardInfo& standard, bool naive,
                                             const std::set<std::string>& drops) const {
  std::vector<PremiseRef> out;
  auto config = weigh_config(standard, drops, naive);
  for (const Lit& l : lits) {
    const auto& info = session_.info(l.selector);
    if (info.kind == smt::SelectorInfo::Kind::proof)
      for (auto& p : describe_proof(info, config)) out.push_back(std::move(p));
    else if (auto p = describe_premise(info)) out.push_back(std::move(*p));
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

// A proven literal: the evidence items that carry it.
std::vector<PremiseRef> ClaimJudge::describe_proof(const smt::SelectorInfo& info, const weigh::Config& config) const {
  std::vector<PremiseRef> out;
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
  return out;
}

// Any other premise; nullopt for a selector that is no premise (a goal).
std::optional<PremiseRef> ClaimJudge::describe_premise(const smt::SelectorInfo& info) const {
  using K = smt::SelectorInfo::Kind;
  auto atom = [&] { return s_.g.atoms[info.atom].text; };
  auto fact_name = [](const FactItem& fact) {
    return fact.label ? *fact.label : "fact at line " + std::to_string(fact.span.line);
  };
  switch (info.kind) {
  case K::rule:
  case K::rule_open: {
    const RuleItem& rule = s_.program.rules[info.index];
    PremiseRef p{PremiseRef::Kind::rule, rule.id, rule.label, {}, "", rule.span};
    if (rule.cite) p.cites.push_back(*rule.cite);
    if (info.kind == K::rule_open) p.detail = "derives a link from origin alone (GGE 2015 §28(f)): not counted either way";
    return p;
  }
  case K::naive_origin:
    return PremiseRef{PremiseRef::Kind::naive, "origin_inference",
                      "where an operation came from taken as who is responsible for it", {"GGE 2015 §28(f)"},
                      "the inference §28(f) warns against", {}};
  case K::fact: {
    const auto& premise = s_.g.facts[info.index];
    const FactItem& fact = s_.program.facts[premise.fact];
    return PremiseRef{PremiseRef::Kind::fact, fact_name(fact), ground::to_string(s_.g, premise.formula), {},
                      "stipulated", fact.span};
  }
  case K::numeric: {
    const auto& premise = s_.g.numeric[info.index];
    const FactItem& fact = s_.program.facts[premise.fact];
    return PremiseRef{PremiseRef::Kind::numeric_fact, fact_name(fact),
                      s_.g.atoms[premise.atom].text + " = " + interval(premise.lo, premise.hi), {}, "stipulated",
                      fact.span};
  }
  case K::assumption: return PremiseRef{PremiseRef::Kind::assumption, atom(), "assumed for this claim", {}, "", {}};
  case K::presumption: {
    const auto* pred = s_.g.atoms[info.atom].info;
    return PremiseRef{PremiseRef::Kind::closed_world, atom(), pred ? pred->description : "", {},
                      "presumed not to hold until proven", {}};
  }
  case K::burden_true:
  case K::burden_false:
    return PremiseRef{PremiseRef::Kind::burden_of_proof, atom(),
                      info.positive ? "established on the same premises"
                                    : "not established, so treated as false: whoever relies on it must prove it",
                      {}, info.positive ? "holds" : "does not hold", {}};
  default: return std::nullopt;
  }
}

// The burdens of proof and presumptions a support needs, in words' data.
std::vector<Burden> ClaimJudge::burdens_of(const std::vector<PremiseRef>& support) const {
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

} // namespace imputa::judging
