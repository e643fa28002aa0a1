// Our sentences about a report's data, written once: the strings of the JSON
// report (imputa-report/1 keeps them word for word) and the words the text and
// Markdown outline builds its phrases from. The solver hands over kinds, ids,
// numbers and intervals; only cli/ speaks.
#pragma once

#include "imputa/judge.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace imputa::render::detail {

// A fact's label, or for an unlabelled fact "fact at line 12"; other premises' ids.
std::string premise_name(const PremiseRef& p);

// What the premise is: a fact's formula, "harm(op) = 3..7" for a numeric
// fact, an evidence summary, a rule label; our words for an assumption, a
// burden of proof and the naive inference.
std::string premise_label(const PremiseRef& p);

// The premise's cites; the naive inference cites GGE 2015 §28(f).
std::vector<std::string> premise_cites(const PremiseRef& p);

// One line on how it counts: "supports p(a) (confidence 0.8..0.9, weight
// 0.84..0.9)", "stipulated", "holds", ...; empty where there is nothing to add.
std::string premise_detail(const PremiseRef& p);

// "GGE 2015 §28(f): evidence 'e4' shows where the operation came from; ..."
std::string note_text(const Note& n);

// The pieces of note_text around the evidence id and the atom, for a sentence
// that says them otherwise: before + 'id' + middle + atom + after.
struct NoteWords {
  std::string before, middle, after;
};
NoteWords note_words(const Note& n);

// "origin evidence counted for who did it or for whom", ...
std::string naive_inference_text(NaiveInference kind);

// "the time limit of 10000 ms per claim was reached", ...
std::string unknown_reason_text(Undecided why, std::chrono::milliseconds time_limit);

// Why reasons are missing: their own time limit ran out.
std::string reasons_cut_text(std::chrono::milliseconds time_limit);

} // namespace imputa::render::detail
