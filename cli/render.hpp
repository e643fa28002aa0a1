// Renderers: a judged report as text for a lawyer, Markdown for a memo, or JSON
// for machines (imputa-report/1). They know nothing of Z3 or the parser.
#pragma once

#include "imputa/judge.hpp"

#include <string>
#include <vector>

namespace imputa::render {

struct Style {
  bool color = false;  // ANSI colours (terminal only)
  bool detail = false; // every reason (explain), not the summary of check
  bool timings = false;
};

std::string text(const Report& report, const std::string& file, const Style& style);
std::string markdown(const Report& report, const std::string& file, const Style& style);
std::string json(const std::vector<std::pair<std::string, Report>>& reports, const Style& style);

// `6 claims: 3 established, 1 unsubstantiated, 2 not established; 6/6 as expected`
std::string summary_line(const Report& report);

std::string verdict_word(Verdict v); // "NOT ESTABLISHED"

} // namespace imputa::render
