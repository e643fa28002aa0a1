// The passes of the static checks, in the order check() runs them
// (docs/language.md §10). Each reads the syntax tree and fills the program.
#pragma once

#include "check/context.hpp"

#include <vector>

namespace imputa::check::detail {

// symbols.cpp: every declared name into the one namespace (E003); predicates,
// entities, sources, standards (E011) and doctrine families into the program.
void declare_names(Checker& c, const std::vector<ast::File>& files);

// selections.cpp: the case header and `use` statements of the top-level file;
// E010 for those in imports or the library. Fills the program's defaults.
void read_selections(Checker& c, const std::vector<ast::File>& files);

// facts.cpp, evidence.cpp, rules.cpp, claims.cpp: one statement each, appended
// to the program in load order.
void check_fact(Checker& c, const ast::Fact& fact);
void check_evidence(Checker& c, const ast::Evidence& evidence);
void check_rule(Checker& c, const ast::Rule& rule);
void check_claim(Checker& c, const ast::Claim& claim);

// warnings.cpp: what needs the whole program (W101, W105).
void warn_unused(Checker& c);
void warn_stipulated_and_supported(Checker& c);

} // namespace imputa::check::detail
