// The HTML report (docs/report.md, "HTML"): the outline of the text and
// Markdown reports as one self-contained page (no script, no external file)
// for memos and course pages; `imputa serve` shows the same claim sections.
// Every string the author wrote is escaped, so a label cannot open a tag.
#include "render.hpp"
#include "render_outline.hpp"

namespace imputa::render {
namespace {

using namespace detail;

// The sentences in the author's labels, with what they name (ids, atoms,
// lines) after them in small type, for whoever checks them against the file.
std::string phrase(const Phrase& p) {
  std::string out;
  for (const auto& s : p.spans) {
    switch (s.kind) {
    case Span::Kind::words: out += html_escape(s.text); break;
    case Span::Kind::user: out += html_escape(s.text); break;
    case Span::Kind::code: out += "<code>" + html_escape(s.text) + "</code>"; break;
    case Span::Kind::cite: out += " <cite>[" + html_escape(s.text) + "]</cite>"; break;
    }
  }
  return out;
}

std::string said(const Phrase& plain, const InWords& in_words) {
  if (in_words.empty()) return phrase(plain);
  return phrase(in_words.words) + " <span class=\"refs\">[" + phrase(in_words.refs) + "]</span>" +
         phrase(in_words.after);
}

void items(std::string& out, const std::vector<Item>& list) {
  out += "<ul>";
  for (const auto& item : list) {
    out += "<li>" + said(item.phrase, item.in_words);
    if (!item.children.empty()) items(out, item.children);
    out += "</li>";
  }
  out += "</ul>\n";
}

void sections(std::string& out, const std::vector<Section>& list) {
  for (const auto& s : list) {
    out += "<div class=\"section\"><span class=\"section-title\">" + html_escape(s.title) + ":</span>";
    if (!s.line.empty()) out += " " + said(s.line, s.line_in_words);
    if (!s.items.empty()) items(out, s.items);
    out += "</div>\n";
  }
}

std::string badge(Verdict v, const std::string& word) {
  return "<span class=\"verdict v-" + std::string(to_string(v)) + "\">" + html_escape(word) + "</span>";
}

std::string claim_section(const Claim& c) {
  std::string out = "<section class=\"claim\" id=\"claim-" + html_escape(c.id) + "\">\n";
  out += "<h2><span class=\"claim-id\">" + html_escape(c.id) + "</span> " + html_escape(c.text) + "</h2>\n";
  out += "<p class=\"verdict-line\">" + badge(c.verdict, c.verdict_word) + " " + html_escape(c.explanation);
  if (!c.as_expected) out += " <span class=\"unmet\">expectation not met</span>";
  out += "</p>\n<p class=\"about\">" + phrase(c.about) + "</p>\n";
  out += "<p class=\"formula\">claim: <code>" + html_escape(c.formula) + "</code></p>\n";
  if (c.groundings.size() == 1) {
    sections(out, c.groundings.front().sections);
  } else {
    for (const auto& g : c.groundings) {
      out += "<div class=\"grounding\"><p>" + said(g.bindings, g.bindings_in_words) + ": " +
             badge(g.verdict, g.verdict_word) + " " + html_escape(g.explanation) + "</p>\n";
      sections(out, g.sections);
      out += "</div>\n";
    }
  }
  return out + "</section>\n";
}

} // namespace

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (unsigned char c : s) {
    switch (c) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default:
      if (c >= 0x20 || c == '\n' || c == '\t') out += static_cast<char>(c); // no control characters
      else out += ' ';
    }
  }
  return out;
}

std::string_view html_style() {
  return R"css(
.report { font-family: Georgia, "DejaVu Serif", serif; line-height: 1.45; color: #1b1b1b; max-width: 60em; }
.report h1 { font-size: 1.5em; margin: 0 0 .3em; }
.report .claim { border-top: 1px solid #ccc; padding: .6em 0; break-inside: avoid-page; }
.report h2 { font-size: 1.15em; margin: .2em 0; }
.claim-id { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; color: #555; }
.verdict { display: inline-block; font: bold .78em "DejaVu Sans", sans-serif; letter-spacing: .03em;
  padding: .1em .5em; border-radius: .3em; border: 1px solid #888; white-space: nowrap; }
.v-established { background: #b7e4b0; border-color: #4d9a43; }
.v-refuted { background: #f4b6b6; border-color: #b03a3a; }
.v-arguable, .v-unsubstantiated { background: #fee391; border-color: #c9a100; }
.v-inconsistent { background: #fdb863; border-color: #b86b00; }
.v-not_established { background: #fff; border-color: #777; }
.v-unknown { background: #d9d9d9; border-color: #555; }
.unmet { color: #b03a3a; font-weight: bold; }
.about, .formula, .refs { color: #444; }
.refs { font-size: .8em; }
.report code { font-family: "DejaVu Sans Mono", monospace; font-size: .88em; }
.report cite { font-style: normal; color: #555; font-size: .88em; }
.section { margin: .3em 0; }
.section-title { font-weight: bold; }
.section ul { margin: .2em 0 .2em 1.2em; padding: 0; }
.grounding { margin-left: 1em; }
.summary { font-weight: bold; margin-top: 1em; }
@media print { .report { max-width: none; font-size: 10.5pt; } .verdict { border-width: 2px; } }
)css";
}

std::vector<std::string> html_claims(const Report& report, const std::string& file, const Style& style) {
  const Document doc = outline(report, file, style.detail, style.timings);
  std::vector<std::string> out;
  for (const auto& c : doc.claims) out.push_back(claim_section(c));
  return out;
}

std::string html(const Report& report, const std::string& file, const Style& style) {
  const Document doc = outline(report, file, style.detail, style.timings);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    html_escape(doc.title) + "</title>\n<style>" + std::string(html_style()) +
                    "body { margin: 2em auto; max-width: 62em; padding: 0 1em; }\n</style>\n</head>\n"
                    "<body>\n<main class=\"report\">\n<h1>" + html_escape(doc.title) + "</h1>\n";
  for (const auto& c : doc.cites) out += "<p class=\"about\"><cite>" + html_escape(c) + "</cite></p>\n";
  out += "<p class=\"summary\">" + html_escape(doc.summary) + "</p>\n";
  for (const auto& c : doc.claims) out += claim_section(c);
  return out + "</main>\n</body>\n</html>\n";
}

} // namespace imputa::render
