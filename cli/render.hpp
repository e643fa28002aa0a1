// Renderers: a judged report as text for a lawyer, Markdown for a memo, HTML for a page, or JSON
// for machines (imputa-report/1); a claim's graph as Graphviz DOT. They know
// nothing of Z3 or the parser (docs/report.md describes every format).
#pragma once

#include "imputa/judge.hpp"

#include <string>
#include <string_view>
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

// HTML: one self-contained page (no script, no external file), and the same
// claim sections one by one with the style sheet they use (`imputa serve`).
std::string html(const Report& report, const std::string& file, const Style& style);
std::vector<std::string> html_claims(const Report& report, const std::string& file, const Style& style);
std::string_view html_style();

// `6 claims: 3 established, 1 unsubstantiated, 2 not established; 6/6 as expected`
std::string summary_line(const Report& report);

std::string verdict_word(Verdict v); // "NOT ESTABLISHED"

// Graphviz DOT of `imputa graph`: evidence boxes coloured by kind, atoms
// coloured by status, rules, claims with their verdict, and a legend in words;
// §28(f) discounts dashed.
std::string dot(const Graph& graph, const std::string& title);

// The author's text made inert: in Markdown (no heading, list, table cell,
// link or HTML can start inside it) and in a quoted DOT string.
std::string markdown_escape(const std::string& s);
std::string dot_escape(const std::string& s);
std::string html_escape(const std::string& s);

} // namespace imputa::render
