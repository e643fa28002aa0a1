// What each claim's verdict can depend on, whatever the what-if (drops,
// doctrines, dates): so that a tool which judges a case again and again
// (`imputa serve`) judges again only the claims a change touches.
#pragma once

#include "imputa/diagnostic.hpp"
#include "imputa/program.hpp"

#include <set>
#include <string>
#include <vector>

namespace imputa {

// A claim's cone (docs/semantics.md §4) taken on the case ground with every
// rule in force and every premise kept: a cone under any doctrine, drop or
// date lies inside it. Assumptions (`--assume`) can widen a cone beyond it.
struct ClaimDependencies {
  std::string claim;
  std::set<std::string> evidence; // items on an atom of the cone, and the items they derive from or feed
  std::set<std::string> facts;    // labels of the stipulated facts on an atom of the cone
  std::set<std::string> families; // doctrine families of the rules concluding an atom of the cone
                                  // (and substantiation, for an accusation on which a statement bears)
};

// One entry per claim, in source order. Grounding errors (E009, E013) go to
// `diags`, and the answer is then empty.
std::vector<ClaimDependencies> claim_dependencies(const Program& program, Diagnostics& diags);

} // namespace imputa
