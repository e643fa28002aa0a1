// `imputa help language`: the case language on one screen, for the user who
// knows what to say and has forgotten how (docs/language.md has the rest).
#include "commands.hpp"

namespace imputa::cli {

std::string_view language_summary() {
  return R"(The imputa case language on one screen (docs/language.md has the rest).

case ID "title" { cite "..." }             first, optional
import "other.imputa".                     parties, evidence, rules of another file
use standard clear_and_convincing.         use doctrine control = overall_control.
use corroboration noisy_or.                (default: max)
state rus "Russian Federation".            also: actor, object, operation, source
fact organ_of(gru, rus).                   fact f1: A or B.   fact harm(op) = 2..5.
evidence ID KIND "summary" {               KIND: technical origin forensic intelligence
  supports ATOM / contradicts ATOM           testimony admission official_statement
  confidence likely                          judicial open_source
  source S   derived_from ID   date 2018-02-15   cite "..."
}
claim ID "the conclusion in words" {
  holds FORMULA                            required; a Variable asks for every entity
  as accusation                            or assessment (default), hypothesis
  standard S   under FAMILY = ALT   as_of 2017-12-31
  drop ID   assume ATOM   expect established
}
rule ID "label" cite "source" when FAMILY = ALT:
  head(Op, S) if cond(Op, A), not other(A, S), harm(Op) >= 3.
predicate name(operation, state) TAGS "description".   TAGS: origin link conduct
standard ID 0.9 "description".                          attribution breach closed
doctrine ID = alt_one | alt_two "description".

FORMULA: A and B, A or B, not A, (A), true, false, x = y, x != y, harm(op) <= 5, a + b
Names: lower_case; Variables: Capitalised, _ for anything; # comments to line end.
Confidence: 0.8, 0.6..0.8, or remote_chance highly_unlikely unlikely
  realistic_possibility likely highly_likely almost_certain.
Verdicts: established refuted arguable not_established unsubstantiated inconsistent unknown.
The library's words: imputa library --predicates [--tag TAG] [WORD], --doctrines, --rules.
)";
}

} // namespace imputa::cli
