// Our sentences about a report's data (see sentences.hpp): the JSON report's
// strings and the outline's words, from the solver's kinds and numbers.
#include "sentences.hpp"

namespace imputa::render::detail {

std::string premise_name(const PremiseRef& p) {
  const bool fact = p.kind == PremiseRef::Kind::fact || p.kind == PremiseRef::Kind::numeric_fact;
  return fact && p.id.empty() ? "fact at line " + std::to_string(p.span.line) : p.id;
}

std::string premise_label(const PremiseRef& p) {
  switch (p.kind) {
  case PremiseRef::Kind::numeric_fact: return p.label + " = " + to_string(p.value);
  case PremiseRef::Kind::assumption: return "assumed for this claim";
  case PremiseRef::Kind::burden_of_proof:
    return p.holds ? "established on the same premises"
                   : "not established, so treated as false: whoever relies on it must prove it";
  case PremiseRef::Kind::naive: return "where an operation came from taken as who is responsible for it";
  default: return p.label;
  }
}

std::vector<std::string> premise_cites(const PremiseRef& p) {
  if (p.kind == PremiseRef::Kind::naive) return {"GGE 2015 §28(f)"};
  return p.cites;
}

std::string premise_detail(const PremiseRef& p) {
  switch (p.kind) {
  case PremiseRef::Kind::fact:
  case PremiseRef::Kind::numeric_fact: return "stipulated";
  case PremiseRef::Kind::evidence:
    if (!p.bears_on) return "";
    return std::string(p.bears_on->positive ? "supports " : "contradicts ") + p.bears_on->atom + " (confidence " +
           to_string(p.confidence) + ", weight " + to_string(p.weight) + ")";
  case PremiseRef::Kind::rule:
    return p.origin_only ? "derives a link from origin alone (GGE 2015 §28(f)): not counted either way" : "";
  case PremiseRef::Kind::assumption: return "";
  case PremiseRef::Kind::closed_world: return "presumed not to hold until proven";
  case PremiseRef::Kind::burden_of_proof: return p.holds ? "holds" : "does not hold";
  case PremiseRef::Kind::naive: return "the inference §28(f) warns against";
  }
  return "";
}

NoteWords note_words(const Note& n) {
  const std::string denial = n.positive ? "" : "the denial of ";
  switch (n.why) {
  case Note::Why::origin:
    return {"GGE 2015 §28(f): evidence ",
            " shows where the operation came from; it is not counted for " + denial, " (origin is not attribution)"};
  case Note::Why::undisclosed_statement:
    return {"GGE 2015 §28(f): evidence ",
            " is an official statement whose evidence is not disclosed; under substantiation = disclosed evidence it "
            "is not counted for " + denial,
            " in an accusation"};
  }
  return {};
}

std::string note_text(const Note& n) {
  const NoteWords w = note_words(n);
  return w.before + "'" + n.evidence + "'" + w.middle + n.atom + w.after;
}

std::string naive_inference_text(NaiveInference kind) {
  switch (kind) {
  case NaiveInference::origin_rule: return "a rule that derives a link or attribution from origin alone (W28F)";
  case NaiveInference::stipulated_link: return "a stipulated link or attribution fact, not substantiated by evidence";
  case NaiveInference::undisclosed_statements:
    return "official statements counted for who did it or for whom, though the evidence behind them is not "
           "disclosed (substantiation = disclosed evidence)";
  case NaiveInference::origin_evidence: return "origin evidence counted for who did it or for whom";
  case NaiveInference::origin_inference: return "the inference from origin or infrastructure to attribution";
  }
  return "";
}

std::string unknown_reason_text(Undecided why, std::chrono::milliseconds time_limit) {
  const std::string limit = "the time limit of " + std::to_string(time_limit.count()) + " ms";
  switch (why) {
  case Undecided::time_limit: return limit + " per claim was reached";
  case Undecided::grounding_time_limit: return limit + " was reached while grounding the case";
  case Undecided::solver: return "the solver could not decide this claim";
  }
  return "";
}

std::string reasons_cut_text(std::chrono::milliseconds time_limit) {
  return "the time limit of " + std::to_string(time_limit.count()) +
         " ms for the reasons was reached: some may be missing (a larger --timeout-ms gives them time)";
}

} // namespace imputa::render::detail
