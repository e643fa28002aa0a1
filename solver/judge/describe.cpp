// Premises read back as the facts, evidence and rules a lawyer can check, and
// the burdens of proof and presumptions a support needs.
#include "claim_judge.hpp"

#include <algorithm>

namespace imputa::judging {

namespace {

// Where a premise stands in a support: by kind, then by name, then by what it
// says, so that no choice of Z3's shows. Reports name an unlabelled fact by
// its line ("fact at line 12", cli/): it sorts among the labels where that name
// does, after a label `fact` and before `fact_x` (labels are identifiers, so
// "fact at ..." precedes any longer one), its line compared as text.
auto order_key(const PremiseRef& p) {
  using K = PremiseRef::Kind;
  const bool fact = p.kind == K::fact || p.kind == K::numeric_fact;
  int group = 0;
  std::string name = p.id;
  if (fact && p.id.empty()) {
    group = 1;
    name = std::to_string(p.span.line);
  } else if (fact && p.id > "fact") {
    group = 2;
  }
  // What it says: contradicting before supporting evidence, rules counted
  // before origin-only ones, burdens not holding before those that hold.
  const bool flag = p.kind == K::evidence ? p.bears_on && p.bears_on->positive
                    : p.kind == K::rule   ? p.origin_only
                                          : p.holds;
  // Last, what it states: the facts one statement stipulates (`fact a and b.`)
  // share its line and label, and each is a premise of its own.
  return std::make_tuple(p.kind, group, std::move(name), flag, p.bears_on ? p.bears_on->atom : std::string(),
                         p.label);
}

bool same_premise(const PremiseRef& a, const PremiseRef& b) { return order_key(a) == order_key(b); }

} // namespace

// The evidence item with this id, or nullptr. Every item a reason names bears
// on the cone, so the cone's own table answers (a pass over every item of the
// case, claim after claim, grew with the square of a campaign).
const EvidenceItem* ClaimJudge::item_by_id(const std::string& id) const {
  if (auto own = item_of_id_.find(id); own != item_of_id_.end()) return &s_.evidence.item(own->second);
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
  std::stable_sort(out.begin(), out.end(),
                   [](const PremiseRef& a, const PremiseRef& b) { return order_key(a) < order_key(b); });
  out.erase(std::unique(out.begin(), out.end(), same_premise), out.end());
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
    PremiseRef p{PremiseRef::Kind::evidence, it->id, it->summary, it->cites, it->span};
    p.evidence_kind = it->kind;
    p.confidence = Interval{it->lo, it->hi};
    p.weight = Interval{w.lo, w.hi};
    p.bears_on = Literal{key.atom, info.positive};
    out.push_back(std::move(p));
  }
  return out;
}

// Any other premise; nullopt for a selector that is no premise (a goal).
std::optional<PremiseRef> ClaimJudge::describe_premise(const smt::SelectorInfo& info) const {
  using K = smt::SelectorInfo::Kind;
  auto atom = [&] { return s_.g.atoms[info.atom].text; };
  auto fact_label = [](const FactItem& fact) { return fact.label.value_or(""); };
  switch (info.kind) {
  case K::rule:
  case K::rule_open: {
    const RuleItem& rule = s_.program.rules[info.index];
    PremiseRef p{PremiseRef::Kind::rule, rule.id, rule.label, {}, rule.span};
    if (rule.cite) p.cites.push_back(*rule.cite);
    p.origin_only = info.kind == K::rule_open;
    return p;
  }
  case K::naive_origin: return PremiseRef{PremiseRef::Kind::naive, "origin_inference", "", {}, {}};
  case K::fact: {
    const auto& premise = s_.g.facts[info.index];
    const FactItem& fact = s_.program.facts[premise.fact];
    return PremiseRef{PremiseRef::Kind::fact, fact_label(fact), ground::to_string(s_.g, premise.formula), {},
                      fact.span};
  }
  case K::numeric: {
    const auto& premise = s_.g.numeric[info.index];
    const FactItem& fact = s_.program.facts[premise.fact];
    PremiseRef p{PremiseRef::Kind::numeric_fact, fact_label(fact), s_.g.atoms[premise.atom].text, {}, fact.span};
    p.value = Interval{premise.lo, premise.hi};
    return p;
  }
  case K::assumption: return PremiseRef{PremiseRef::Kind::assumption, atom(), "", {}, {}};
  case K::presumption: {
    const auto* pred = s_.g.atoms[info.atom].info;
    return PremiseRef{PremiseRef::Kind::closed_world, atom(), pred ? pred->description : "", {}, {}};
  }
  case K::burden_true:
  case K::burden_false: {
    PremiseRef p{PremiseRef::Kind::burden_of_proof, atom(), "", {}, {}};
    p.holds = info.kind == K::burden_true;
    return p;
  }
  default: return std::nullopt;
  }
}

// The burdens of proof and presumptions a support needs, as data.
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
    b.holds = p.kind == PremiseRef::Kind::burden_of_proof && p.holds;
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
