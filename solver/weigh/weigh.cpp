// Evidence weighing in exact rationals: bodies of evidence, max or noisy_or
// corroboration, the two readings, the GGE 2015 §28(f) discounts (origin
// evidence; official statements under substantiation = disclosed_evidence).
#include "weigh/weigh.hpp"

#include "imputa/ast.hpp"

#include <algorithm>
#include <numeric>

namespace imputa::weigh {
namespace {

std::size_t find(std::vector<std::size_t>& parent, std::size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

void unite(std::vector<std::size_t>& parent, std::size_t a, std::size_t b) {
  a = find(parent, a);
  b = find(parent, b);
  if (a != b) parent[std::max(a, b)] = std::min(a, b);
}

} // namespace

std::optional<std::pair<Rational, Rational>> phia(std::string_view name) {
  static const std::map<std::string_view, std::pair<Rational, Rational>> table{
      {"remote_chance", {Rational(0), Rational(5, 100)}},
      {"highly_unlikely", {Rational(10, 100), Rational(20, 100)}},
      {"unlikely", {Rational(25, 100), Rational(35, 100)}},
      {"realistic_possibility", {Rational(40, 100), Rational(50, 100)}},
      {"likely", {Rational(55, 100), Rational(75, 100)}},
      {"highly_likely", {Rational(80, 100), Rational(90, 100)}},
      {"almost_certain", {Rational(95, 100), Rational(1)}},
  };
  auto it = table.find(name);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

EvidenceIndex::EvidenceIndex(const Program& program) : program_(&program) {
  const auto& items = program.evidence;
  std::map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < items.size(); ++i) by_id[items[i].id] = i;

  // Bodies of evidence: same source, or derived_from (through dropped items too).
  std::vector<std::size_t> parent(items.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::map<std::string, std::size_t> first_of_source;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto [it, fresh] = first_of_source.emplace(items[i].source, i);
    if (!fresh) unite(parent, it->second, i);
    // An item is its own source by default: another item naming it as source joins it.
    if (auto self = by_id.find(items[i].source); self != by_id.end()) unite(parent, self->second, i);
    for (const auto& d : items[i].derived_from)
      if (auto other = by_id.find(d); other != by_id.end()) unite(parent, other->second, i);
  }
  body_.resize(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) body_[i] = find(parent, i);

  for (std::size_t i = 0; i < items.size(); ++i) {
    for (const auto& b : items[i].bearings) {
      LiteralKey key{to_string(b.atom), b.supports};
      auto& list = by_literal_[key];
      if (list.empty() || list.back() != i) list.push_back(i);
      auto pred = program.predicates.find(b.atom.predicate.text);
      discounted_atom_[key.atom] = pred != program.predicates.end() && pred->second.names_who();
    }
  }
  for (const auto& [key, _] : by_literal_) literals_.push_back(key);
  std::sort(literals_.begin(), literals_.end()); // the stable order literals() promises
}

const std::vector<std::size_t>& EvidenceIndex::items(const LiteralKey& literal) const {
  static const std::vector<std::size_t> none;
  auto it = by_literal_.find(literal);
  return it == by_literal_.end() ? none : it->second;
}

std::vector<std::size_t> EvidenceIndex::counted(const LiteralKey& literal, const Config& config,
                                                std::vector<std::string>* discounted) const {
  std::vector<std::size_t> out;
  auto found = by_literal_.find(literal);
  if (found == by_literal_.end()) return out;
  auto disc = discounted_atom_.find(literal.atom);
  const bool link_atom = disc != discounted_atom_.end() && disc->second && !config.origin_at_full_weight;
  auto discounted_kind = [&](const std::string& kind) {
    return link_atom && (kind == "origin" || (config.statements_discounted && kind == "official_statement"));
  };
  for (std::size_t i : found->second) {
    const EvidenceItem& e = program_->evidence[i];
    if (config.dropped.count(e.id)) continue;
    if (config.as_of && e.date && *config.as_of < *e.date) continue;
    if (discounted_kind(e.kind)) {
      if (discounted) discounted->push_back(e.id);
      continue;
    }
    out.push_back(i);
  }
  return out;
}

Weight EvidenceIndex::weigh(const LiteralKey& literal, const Config& config) const {
  Weight w{Rational(0), Rational(0), {}, {}};
  // The strongest item of each body, end by end.
  struct Body {
    Rational lo, hi;
    std::vector<std::string> items;
  };
  std::map<std::size_t, Body> bodies;
  for (std::size_t i : counted(literal, config, &w.discounted)) {
    const EvidenceItem& e = program_->evidence[i];
    auto [it, fresh] = bodies.try_emplace(body_[i], Body{e.lo, e.hi, {e.id}});
    if (!fresh) {
      it->second.lo = std::max(it->second.lo, e.lo);
      it->second.hi = std::max(it->second.hi, e.hi);
      it->second.items.push_back(e.id);
    }
  }
  if (bodies.empty()) return w;
  if (config.corroboration == Corroboration::max) {
    for (const auto& [_, b] : bodies) {
      w.lo = std::max(w.lo, b.lo);
      w.hi = std::max(w.hi, b.hi);
    }
    // The items that carry the weight: those of the bodies reaching the maximum.
    for (const auto& [_, b] : bodies)
      if (b.lo == w.lo || b.hi == w.hi) w.carrying.insert(w.carrying.end(), b.items.begin(), b.items.end());
  } else {
    Rational miss_lo(1), miss_hi(1);
    for (const auto& [_, b] : bodies) {
      miss_lo *= Rational(1) - b.lo;
      miss_hi *= Rational(1) - b.hi;
      w.carrying.insert(w.carrying.end(), b.items.begin(), b.items.end());
    }
    w.lo = Rational(1) - miss_lo;
    w.hi = Rational(1) - miss_hi;
  }
  std::sort(w.carrying.begin(), w.carrying.end());
  return w;
}

std::vector<std::string> EvidenceIndex::sufficient(const LiteralKey& literal, const Config& config,
                                                   Reading reading) const {
  auto end = [&](std::size_t i) -> const Rational& {
    const EvidenceItem& e = program_->evidence[i];
    return reading == Reading::cautious ? e.lo : e.hi;
  };
  // Ties go to the smaller id, never to file order: moving statements must
  // not change the report (docs/semantics.md §7).
  auto stronger = [&](std::size_t a, std::size_t b) {
    if (end(a) != end(b)) return end(b) < end(a);
    return program_->evidence[a].id < program_->evidence[b].id;
  };
  // One item per body: one that reaches the body's end on this reading.
  std::map<std::size_t, std::size_t> best; // body -> item
  for (std::size_t i : counted(literal, config, nullptr)) {
    auto [it, fresh] = best.try_emplace(body_[i], i);
    if (!fresh && stronger(i, it->second)) it->second = i;
  }
  std::vector<std::size_t> strongest;
  for (const auto& [_, i] : best) strongest.push_back(i);
  std::sort(strongest.begin(), strongest.end(), stronger);
  // Strongest first until the threshold is reached: the first k that reach it
  // are a smallest set, and no member can go (any k-1 bodies weigh less).
  std::vector<std::string> out;
  Rational miss(1);
  for (std::size_t i : strongest) {
    out.push_back(program_->evidence[i].id);
    Rational weight = config.corroboration == Corroboration::max ? end(i) : Rational(1) - (miss *= Rational(1) - end(i));
    if (weight >= config.threshold) {
      std::sort(out.begin(), out.end());
      return out;
    }
    if (config.corroboration == Corroboration::max) out.clear(); // the strongest body alone did not reach it
  }
  return {};
}

// One end of weigh()'s weight, without naming the items that carry it
// (critical evidence asks again for each item it leaves out, claim after
// claim); nullopt where weigh() finds no item that counts.
std::optional<Rational> EvidenceIndex::end_weight(const LiteralKey& literal, const Config& config, bool high) const {
  const std::vector<std::size_t> items = counted(literal, config, nullptr);
  if (items.empty()) return std::nullopt;
  auto end = [&](std::size_t i) -> const Rational& {
    const EvidenceItem& e = program_->evidence[i];
    return high ? e.hi : e.lo;
  };
  if (config.corroboration == Corroboration::max) { // the strongest item of all, at least 0, as weigh()
    const Rational* best = &end(items.front());
    for (std::size_t i : items)
      if (*best < end(i)) best = &end(i);
    return std::max(Rational(0), *best);
  }
  // Noisy-or over the bodies, each weighing what its strongest item does.
  std::vector<std::pair<std::size_t, const Rational*>> bodies;
  for (std::size_t i : items) {
    auto it = std::find_if(bodies.begin(), bodies.end(), [&](const auto& x) { return x.first == body_[i]; });
    if (it == bodies.end()) bodies.emplace_back(body_[i], &end(i));
    else if (*it->second < end(i)) it->second = &end(i);
  }
  Rational miss(1);
  for (const auto& [_, e] : bodies) miss *= Rational(1) - *e;
  return Rational(1) - miss;
}

bool EvidenceIndex::proven(const LiteralKey& literal, const Config& config, Reading reading) const {
  const auto value = end_weight(literal, config, reading == Reading::favourable);
  if (!value || *value < config.threshold) return false;
  if (config.contrary_below) {
    const auto contrary = end_weight(LiteralKey{literal.atom, !literal.positive}, config, true);
    if (contrary && *contrary >= *config.contrary_below) return false;
  }
  return true;
}

} // namespace imputa::weigh
