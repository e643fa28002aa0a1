// A case ground once and judged under many what-ifs (`imputa serve`).
// Grounding is most of the time of judging a large case, and a standard of
// proof, a date or a dropped evidence item or fact needs no new grounding:
// the ground program depends only on the claims, the doctrines, the dropped
// rules and the assumptions.
#pragma once

#include "imputa/judge.hpp"

#include <memory>

namespace imputa {

struct GroundCase; // the program ground as judge() grounds it, opaque

// Grounds `program` as judge(program, options) does (for every claim of the
// case, whichever options.claims names: their doctrines, dropped rules and
// assumptions); `program` must outlive the
// answer. Null, with the errors in `diags`, if grounding finds one (E009, E013),
// and null if it runs out of time (judge() then says UNKNOWN, and why).
std::shared_ptr<const GroundCase> ground_case(const Program& program, const JudgeOptions& options, Diagnostics& diags);

// What judge(program, options) says, for `options` that differ from those of
// the grounding at most in: the claims (some of the grounded ones), the
// standard, dropped evidence items and facts, the date, the time limit, the
// jobs, the reasons. Safe to call from several threads at once.
Report judge(const GroundCase& ground, const JudgeOptions& options);

// claim_graph() (imputa/judge.hpp) on a case already ground, for `options`
// as judge(ground, options) takes them: drawn from the program the verdicts
// were found on, with no grounding of its own.
Graph claim_graph(const GroundCase& ground, const JudgeOptions& options, const std::optional<std::string>& claim,
                  GraphView view);

} // namespace imputa
