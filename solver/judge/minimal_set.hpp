// The minimal set a support or conflict keeps: the members of a canonical
// order that deleting members one by one from its front leaves, found two
// ways. Both give the same set; they differ only in how many checks they make.
#pragma once

#include "smt/smt.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace imputa::judging {

// Whether the members kept (a subset of `canonical`, in its order) are still
// unsatisfiable with whatever is fixed around them; nullopt: time ran out.
// It must be monotone: a superset of an unsatisfiable set is unsatisfiable.
using UnsatWith = std::function<std::optional<bool>(const std::vector<smt::Lit>&)>;

// `canonical` is unsatisfiable. Each returns the members that deleting one
// by one from the front of `canonical` keeps (each member goes if the rest
// stays unsatisfiable without it), in canonical order, or nullopt if a check
// ran out of time.
//
// QuickXplain (Junker 2004): adds members from the back until unsatisfiable,
// which keeps the same set, with O(k log(n/k)) checks for k members kept of
// n, but about 2k when nearly all are kept.
std::optional<std::vector<smt::Lit>> quickxplain(const std::vector<smt::Lit>& canonical, const UnsatWith& unsat_with);
// One check per member: cheaper when nearly every member is kept.
std::optional<std::vector<smt::Lit>> delete_one_by_one(const std::vector<smt::Lit>& canonical,
                                                       const UnsatWith& unsat_with);

} // namespace imputa::judging
