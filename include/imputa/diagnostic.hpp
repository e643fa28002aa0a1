// Diagnostics are data: a code, a severity, a place, a message and hints.
// They are rendered in one place (render_diagnostic), never printed by the library.
#pragma once

#include "imputa/source.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace imputa {

enum class Severity { error, warning };

struct Diagnostic {
  std::string code; // "E002", "W28F", ...
  Severity severity = Severity::error;
  SourceSpan span;
  std::string message;
  std::vector<std::string> hints; // "did you mean 'gru'?"
};

class Diagnostics {
public:
  void error(std::string code, SourceSpan span, std::string message,
             std::vector<std::string> hints = {});
  void warning(std::string code, SourceSpan span, std::string message,
               std::vector<std::string> hints = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }

  // Errors before warnings, then by file, line, column, code; exact
  // duplicates removed. Output order never depends on pass order.
  void sort(const Sources& sources);

private:
  std::vector<Diagnostic> items_;
};

// The errors grounding can stop with (the solver finds them; their words are
// written here, with every other diagnostic's, in dsl/diagnostics.cpp, so the
// solver hands over numbers and names only).
namespace grounding_error {
// E013: a rule with more conditions or variables than the join may recurse over.
Diagnostic rule_too_wide(SourceSpan at, std::string_view rule, std::size_t conditions, std::size_t variables,
                         std::size_t max_conditions, std::size_t max_variables);
// E013: a claim with more free variables than the limit.
Diagnostic claim_too_wide(SourceSpan at, std::string_view claim, std::size_t variables, std::size_t max_variables);
// E013: more distinct ground atoms than the limit; `predicate` (declared at
// `at`) has the most of them, `count`, such as `example`.
Diagnostic too_many_atoms(SourceSpan at, std::size_t limit, std::string_view predicate, std::size_t count,
                          std::string_view example);
// The rule applied most often when grounding stopped: how many times, to
// how many conclusions, and the conclusion reached in the most ways (one way
// for each entity, or combination of entities, the case leaves open there).
struct RuleGrowth {
  std::string rule;
  SourceSpan at;
  std::size_t applications = 0;
  std::size_t conclusions = 0;
  std::string widest; // e.g. attributable(op_12, st_3)
  std::size_t widest_ways = 0;
  bool from_library = false; // the user cannot narrow a library rule: the hints say what to do instead
};
// E013: more rule instances than the limit (at the rule applied most often).
Diagnostic too_many_instances(std::size_t limit, const RuleGrowth& growth);
// E013: one conclusion drawn in more ways than the limit (at the rule
// applied most often).
Diagnostic too_many_ways(std::size_t limit, std::string_view conclusion, const RuleGrowth& growth);
// E009: a ground atom depends on itself; `loop` lists the atoms, first and last the same.
Diagnostic depends_on_itself(SourceSpan at, const std::vector<std::string>& loop);
} // namespace grounding_error

// `path:line:col: error: message [E002]`, the source line, a caret under the
// column, then one `  hint: ...` line per hint. Ends with a newline.
std::string render_diagnostic(const Diagnostic& d, const Sources& sources);

// Levenshtein distance, capped: returns cap + 1 when the distance exceeds cap.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap = 2);

} // namespace imputa
