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
  Builder builder(program, rules, budget, options.shortcuts, options.max_atoms, options.max_instances,
                  options.max_ways);
  seed(program, rules, extra_assumptions, builder);
  const CaseIndex index(rules, transparent, guarded, builder.program());
  Representatives representatives(options.reach_budget, options.witnesses);
  Instantiator instantiator(program, rules, possible, index, builder, representatives, options.shortcuts);
  for (;;) {
    instantiator.expand_pending();
    // A representative stands only for entities whose atoms there occur
    // nowhere else; those found elsewhere are judged on their own (S1).
    if (!budget.ok() || !options.shortcuts || !representatives.split(program, rules, index, builder)) break;
  }
  if (budget.ok()) check_cycles(program, builder.program(), budget);
  if (budget.ok()) representatives.mark_witnesses(index, builder.program());
  GroundProgram g = std::move(builder.program());
  g.timed_out = budget.timed_out();
  return g;
}

} // namespace imputa::ground
