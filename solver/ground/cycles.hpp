// E009: a ground atom that depends on itself.
#pragma once

#include "ground/ground.hpp"
#include "ground/limits.hpp"

namespace imputa::ground {

// Reports the first cycle found (as a chain of atoms) and stops grounding.
void check_cycles(const Program& p, const GroundProgram& g, Budget& budget);

} // namespace imputa::ground
