// Evidence weighing (docs/semantics.md §3): plain exact arithmetic before Z3 sees
// anything. Which literals are proven at a standard, on which reading, and
// which items carry them.
#pragma once

#include "imputa/program.hpp"

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace imputa::weigh {

enum class Reading { cautious, favourable };

// Everything weighing depends on besides the evidence itself.
struct Config {
  Rational threshold;
  std::optional<Rational> contrary_below;
  std::optional<ast::Date> as_of;
  std::set<std::string> dropped; // evidence ids
  Corroboration corroboration = Corroboration::max;
  bool origin_at_full_weight = false; // the naive premises of an accusation (§5 item 2)
  // An accusation under `substantiation = disclosed_evidence`: official
  // statements carry no weight for link/attribution atoms, like origin
  // evidence (docs/semantics.md §3); origin_at_full_weight lifts both.
  bool statements_discounted = false;
};

struct Weight {
  Rational lo, hi;
  std::vector<std::string> carrying;   // items of the bodies that give the weight
  std::vector<std::string> discounted; // origin items (and, where discounted, official statements) set at zero by §28(f)
};

struct LiteralKey {
  std::string atom; // canonical text, e.g. "performed_by(op, gru)"
  bool positive = true;
  friend auto operator<=>(const LiteralKey&, const LiteralKey&) = default;
};

// The program's evidence indexed by literal, with bodies of evidence (same
// source or linked by derived_from, transitively) resolved once.
class EvidenceIndex {
public:
  explicit EvidenceIndex(const Program& program);

  // The weight of `literal`; items dropped or dated after `as_of` are left out.
  Weight weigh(const LiteralKey& literal, const Config& config) const;

  // Proven at the standard on the given reading: weight at least the threshold
  // and, for standards with contrary_below, the contrary's favourable weight below it.
  bool proven(const LiteralKey& literal, const Config& config, Reading reading) const;

  // The fewest items that alone give the literal a weight at the threshold on
  // the reading (strongest bodies first, one item each): what a reason names,
  // so that every item it names is needed (docs/semantics.md §6). Empty if the
  // literal is not proven on that reading.
  std::vector<std::string> sufficient(const LiteralKey& literal, const Config& config, Reading reading) const;

  // Every literal some evidence bears on, in a stable order.
  const std::vector<LiteralKey>& literals() const { return literals_; }

  // Items bearing on the literal (any config), by index into Program::evidence.
  const std::vector<std::size_t>& items(const LiteralKey& literal) const;

  const EvidenceItem& item(std::size_t i) const { return program_->evidence[i]; }

  // The body of evidence item `i` belongs to (§3: same source, or linked by
  // derived_from), as one of its items: equal for the items of one body.
  std::size_t body(std::size_t i) const { return body_[i]; }

private:
  // Items that count for the literal under `config` (not dropped, not later
  // than as_of, not origin items or official statements discounted by §28(f)), by index.
  std::vector<std::size_t> counted(const LiteralKey& literal, const Config& config,
                                   std::vector<std::string>* discounted) const;
  // weigh()'s lo (or hi) alone; nullopt if no item counts.
  std::optional<Rational> end_weight(const LiteralKey& literal, const Config& config, bool high) const;

  struct KeyHash {
    std::size_t operator()(const LiteralKey& k) const { return std::hash<std::string>{}(k.atom) * 2 + (k.positive ? 1 : 0); }
  };
  const Program* program_;
  std::unordered_map<LiteralKey, std::vector<std::size_t>, KeyHash> by_literal_; // looked up at every weighing
  std::vector<LiteralKey> literals_;
  std::vector<std::size_t> body_;             // item -> representative of its body of evidence
  std::unordered_map<std::string, bool> discounted_atom_; // atom -> predicate tagged link/attribution
};

// The PHIA interval behind a confidence name, if it is one.
std::optional<std::pair<Rational, Rational>> phia(std::string_view name);

} // namespace imputa::weigh
