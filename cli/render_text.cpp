// The text report (docs/report.md, "The text report"): one block per claim, the verdict first, then the
// reasons in plain sentences from the author's own labels, each with its cite.
#include "render.hpp"
#include "render_outline.hpp"

namespace imputa::render {
namespace {

using namespace detail;

// The author's strings may hold newlines or terminal escapes: one line each,
// no control characters (an ESC in a label must not reach the terminal).
std::string plain(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else if (c < 0x20 || c == 0x7f) continue;
    else out += static_cast<char>(c);
  }
  return out;
}

std::string paint(const std::string& s, const char* code, const Style& style) {
  return style.color ? std::string(code) + s + "\033[0m" : s;
}

const char* verdict_colour(Verdict v) {
  switch (v) {
  case Verdict::established: return "\033[1;32m";
  case Verdict::refuted: return "\033[1;31m";
  case Verdict::inconsistent:
  case Verdict::unknown: return "\033[1;35m";
  default: return "\033[1;33m";
  }
}

std::string phrase(const Phrase& p, const Style& style) {
  std::string out;
  for (const auto& s : p.spans) {
    switch (s.kind) {
    case Span::Kind::words: out += s.text; break;
    case Span::Kind::user:
    case Span::Kind::code: out += plain(s.text); break;
    case Span::Kind::cite: out += " " + paint("[" + plain(s.text) + "]", "\033[2m", style); break;
    }
  }
  return out;
}

void items(std::string& out, const std::vector<Item>& list, const std::string& indent, const Style& style) {
  for (const auto& item : list) {
    out += indent + "- " + phrase(item.phrase, style) + "\n";
    items(out, item.children, indent + "    ", style);
  }
}

void sections(std::string& out, const std::vector<Section>& list, const std::string& indent, const Style& style) {
  for (const auto& s : list) {
    if (s.items.empty()) {
      out += indent + s.title + ": " + phrase(s.line, style) + "\n";
      continue;
    }
    out += indent + s.title + ":" + (s.line.empty() ? "" : " " + phrase(s.line, style)) + "\n";
    items(out, s.items, indent + "  ", style);
  }
}

} // namespace

std::string text(const Report& report, const std::string& file, const Style& style) {
  const Document doc = outline(report, file, style.detail, style.timings);
  std::string out = paint(plain(doc.title), "\033[1m", style) + "\n";
  for (const auto& c : doc.cites) out += "  cite: " + plain(c) + "\n";
  for (const auto& c : doc.claims) {
    out += "\n" + paint(plain(c.id) + ": " + plain(c.text), "\033[1m", style) + "\n";
    out += "  " + paint(c.verdict_word, verdict_colour(c.verdict), style) + ": " + c.explanation + "\n";
    out += "  " + phrase(c.about, style) + "\n";
    out += "  claim: " + plain(c.formula) + "\n";
    if (c.groundings.size() == 1) {
      sections(out, c.groundings.front().sections, "  ", style);
      continue;
    }
    for (const auto& g : c.groundings) {
      out += "  - " + phrase(g.bindings, style) + ": " + paint(g.verdict_word, verdict_colour(g.verdict), style);
      out += style.detail ? ": " + g.explanation + "\n" : "\n";
      if (style.detail) sections(out, g.sections, "      ", style);
    }
  }
  out += "\n" + summary_line(report) + "\n";
  return out;
}

} // namespace imputa::render
