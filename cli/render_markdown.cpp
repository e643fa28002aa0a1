// The Markdown report (docs/report.md, "Markdown"): the text report's content for a memo or a
// course page, its reasons in the author's labels with the ids, atoms and
// lines in footnotes. Every string the author wrote is escaped, so a label
// cannot open a heading, a list, a table cell, a link or raw HTML.
#include "render.hpp"
#include "render_outline.hpp"

#include <algorithm>
#include <cctype>

namespace imputa::render {
namespace {

using namespace detail;

// One line, no control characters.
std::string one_line(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else if (c >= 0x20 && c != 0x7f) out += static_cast<char>(c);
  }
  return out;
}

// A code span that no backtick in `s` can close early (CommonMark: a longer fence).
std::string code_span(const std::string& raw) {
  std::string s = one_line(raw);
  std::size_t run = 0, longest = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !s.empty() && (s.front() == '`' || s.back() == '`');
  return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
}

std::string upper_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string phrase(const Phrase& p, bool in_table) {
  std::string out;
  for (const auto& s : p.spans) {
    switch (s.kind) {
    case Span::Kind::words: out += s.text; break;
    case Span::Kind::user: out += markdown_escape(s.text); break;
    // GFM splits table cells at '|' even inside code spans: plain escaped text there.
    case Span::Kind::code: out += in_table ? markdown_escape(s.text) : code_span(s.text); break;
    case Span::Kind::cite: out += " \\[" + markdown_escape(s.text) + "\\]"; break;
    }
  }
  return out;
}

// The memo's footnotes: each sentence reads in the author's labels and ends
// with a marker; its definition, after the claim's section, keeps the ids,
// atoms and lines it names, for whoever checks it against the case file.
// Numbered through the document (GFM wants each label once).
class Footnotes {
public:
  // The sentence in words with its marker, or `plain` where it names nothing labelled.
  std::string say(const Phrase& plain, const InWords& in_words, bool in_table = false) {
    if (in_words.empty()) return phrase(plain, in_table);
    std::string label = "[^" + std::to_string(next_++) + "]";
    pending_ += label + ": " + phrase(in_words.refs, false) + "\n";
    return phrase(in_words.words, in_table) + label + phrase(in_words.after, in_table);
  }
  // The definitions so far, after a blank line.
  void flush(std::string& out) {
    if (!pending_.empty()) out += "\n" + pending_;
    pending_.clear();
  }

private:
  std::size_t next_ = 1;
  std::string pending_;
};

void items(std::string& out, const std::vector<Item>& list, const std::string& indent, Footnotes& notes) {
  for (const auto& item : list) {
    out += indent + "- " + notes.say(item.phrase, item.in_words) + "\n";
    items(out, item.children, indent + "  ", notes);
  }
}

void sections(std::string& out, const std::vector<Section>& list, Footnotes& notes) {
  for (const auto& s : list) {
    const std::string line = s.line.empty() ? "" : " " + notes.say(s.line, s.line_in_words);
    if (s.items.empty()) {
      out += "\n**" + upper_first(s.title) + ":**" + line + "\n";
      continue;
    }
    out += "\n**" + upper_first(s.title) + ":**" + line + "\n\n";
    items(out, s.items, "", notes);
  }
}

std::string expectation(const Claim& c) {
  if (!c.expected) return "—";
  return words_of(std::string(to_string(*c.expected))) + (c.as_expected ? ", met" : ", **NOT MET**");
}

} // namespace

std::string markdown_escape(const std::string& raw) {
  std::string s = one_line(raw), out;
  out.reserve(s.size() + s.size() / 4);
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
    case '<': out += "&lt;"; continue;
    case '>': out += "&gt;"; continue;
    case '&': out += "&amp;"; continue;
    case '\\': case '`': case '*': case '_': case '#': case '|': case '[': case ']': case '~':
      out += '\\';
      out += c;
      continue;
    default: break;
    }
    // At the start of a string, "-", "+" or "1." could open a list where the
    // string begins a line (a note, a list item): escape them there.
    if (i == 0 && (c == '-' || c == '+' || c == '=')) {
      out += '\\';
      out += c;
      continue;
    }
    if ((c == '.' || c == ')') && i > 0 &&
        std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(i), [](unsigned char d) { return std::isdigit(d); })) {
      out += '\\';
      out += c;
      continue;
    }
    out += c;
  }
  return out;
}

std::string markdown(const Report& report, const std::string& file, const Style& style) {
  const Document doc = outline(report, file, style.detail, style.timings);
  std::string out = "# " + markdown_escape(doc.title) + "\n";
  if (!doc.cites.empty()) {
    out += "\nCited:";
    for (std::size_t i = 0; i < doc.cites.size(); ++i) out += (i ? "; " : " ") + markdown_escape(doc.cites[i]);
    out += "\n";
  }
  out += "\n**Summary:** " + markdown_escape(doc.summary) + "\n\n| Claim | Verdict | Expected |\n|---|---|---|\n";
  for (const auto& c : doc.claims)
    out += "| " + markdown_escape(c.id) + ": " + markdown_escape(c.text) + " | " + c.verdict_word + " | " +
           expectation(c) + " |\n";

  Footnotes notes;
  for (const auto& c : doc.claims) {
    out += "\n## " + markdown_escape(c.id) + ": " + markdown_escape(c.text) + "\n\n";
    out += "**" + c.verdict_word + "**: " + c.explanation + "\n\n";
    out += "- **Claim:** " + code_span(c.formula) + "\n";
    out += "- **Judged as:** " + phrase(c.about, false) + "\n";
    if (c.groundings.size() == 1) {
      sections(out, c.groundings.front().sections, notes);
      notes.flush(out);
      continue;
    }
    std::vector<std::string> bindings;
    for (const auto& g : c.groundings) bindings.push_back(notes.say(g.bindings, g.bindings_in_words, true));
    out += "\n| Values | Verdict |\n|---|---|\n";
    for (std::size_t i = 0; i < c.groundings.size(); ++i)
      out += "| " + bindings[i] + " | " + c.groundings[i].verdict_word + " |\n";
    if (style.detail) {
      for (std::size_t i = 0; i < c.groundings.size(); ++i) {
        const auto& g = c.groundings[i];
        // The marker of the table names these values already.
        out += "\n**" + phrase(g.bindings_in_words.empty() ? g.bindings : g.bindings_in_words.words, false) + ": " +
               g.verdict_word + "**: " + g.explanation + "\n";
        sections(out, g.sections, notes);
      }
    }
    notes.flush(out);
  }
  return out;
}

} // namespace imputa::render
