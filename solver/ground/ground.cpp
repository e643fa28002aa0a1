// Grounding as a pipeline of named phases (solver/README.md): prepare the
// rules, find the positions entities only pass through, seed the premises'
// and claims' atoms, index what the case mentions, instantiate rules until
// no derived atom is left unexpanded and no representative needs splitting,
// then look for cycles (E009). Each phase reads what earlier ones produced.
#include "ground/ground.hpp"

#include "ground/builder.hpp"
#include "ground/case_index.hpp"
#include "ground/cycles.hpp"
#include "ground/guards.hpp"
#include "ground/instantiate.hpp"
#include "ground/representatives.hpp"
#include "ground/rules.hpp"
#include "ground/seed.hpp"
#include "ground/transparent.hpp"

#include <functional>
#include <utility>

namespace imputa::ground {

GroundProgram ground(const Program& program, const std::vector<ast::Atom>& extra_assumptions, Diagnostics& diags,
                     const GroundOptions& options) {
  Budget budget(diags, options.deadline);
  const RuleBook rules = prepare_rules(program, options, budget);
  const TransparentPositions transparent(program, rules);
  const GuardedPositions guarded(program, rules);
  const PossibleAtoms possible = possible_atoms(program, extra_assumptions);
  Builder builder(program, rules, budget, options.shortcuts);
  seed(program, rules, extra_assumptions, builder);
  const CaseIndex index(rules, transparent, guarded, builder.program());
  Representatives representatives;
  Instantiator instantiator(program, rules, possible, index, builder, representatives, options.shortcuts);
  for (;;) {
    instantiator.expand_pending();
    // A representative stands only for entities whose atoms there occur
    // nowhere else; those found elsewhere are judged on their own (S1).
    if (!budget.ok() || !options.shortcuts || !representatives.split(program, rules, index, builder)) break;
  }
  if (budget.ok()) check_cycles(program, builder.program(), budget);
  GroundProgram g = std::move(builder.program());
  g.timed_out = budget.timed_out();
  return g;
}

std::uint32_t AtomIndex::hash_of(std::string_view text) {
  const std::size_t h = std::hash<std::string_view>{}(text);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// The slot holding `text`, or the empty slot where it would go.
std::size_t AtomIndex::slot_of(std::string_view text, std::uint32_t h, const std::vector<Atom>& atoms) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].id != empty && !(slots_[i].hash == h && atoms[slots_[i].id].text == text)) i = (i + 1) & mask;
  return i;
}

std::optional<AtomId> AtomIndex::find(std::string_view text, const std::vector<Atom>& atoms) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& s = slots_[slot_of(text, hash_of(text), atoms)];
  return s.id == empty ? std::nullopt : std::optional<AtomId>(s.id);
}

std::pair<AtomId, bool> AtomIndex::try_emplace(std::string_view text, AtomId fresh, const std::vector<Atom>& atoms) {
  if ((used_ + 1) * 8 > slots_.size() * 5) grow();
  const std::uint32_t h = hash_of(text);
  Slot& s = slots_[slot_of(text, h, atoms)];
  if (s.id != empty) return {s.id, false};
  s = {h, fresh};
  ++used_;
  return {fresh, true};
}

void AtomIndex::grow() {
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots_.empty() ? 1024 : slots_.size() * 2));
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == empty) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].id != empty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

} // namespace imputa::ground
