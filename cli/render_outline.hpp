// What a report says, before it is laid out: the sentences of the text and
// Markdown reports, with the author's own strings kept apart from ours so
// that each format can escape them its own way.
#pragma once

#include "imputa/judge.hpp"

#include <optional>
#include <string>
#include <vector>

namespace imputa::render::detail {

// A piece of a sentence. `words` are ours (safe in every format); `user` is a
// label, summary or title the author wrote; `code` is an atom or formula in
// the case file's notation; `cite` is one `cite` text.
struct Span {
  enum class Kind { words, user, code, cite };
  Kind kind = Kind::words;
  std::string text;
};

struct Phrase {
  std::vector<Span> spans;
  Phrase& words(std::string s) { return add(Span::Kind::words, std::move(s)); }
  Phrase& user(std::string s) { return add(Span::Kind::user, std::move(s)); }
  Phrase& code(std::string s) { return add(Span::Kind::code, std::move(s)); }
  Phrase& cite(std::string s) { return add(Span::Kind::cite, std::move(s)); }
  Phrase& append(const Phrase& p) {
    spans.insert(spans.end(), p.spans.begin(), p.spans.end());
    return *this;
  }
  bool empty() const { return spans.empty(); }

private:
  Phrase& add(Span::Kind k, std::string s) {
    spans.push_back({k, std::move(s)});
    return *this;
  }
};

// A sentence said in the author's labels only (no ids, no atoms), with what
// it names in the case file (ids, atoms, lines) kept apart so that a reader
// can trace it: the Markdown report's footnotes. Empty where `phrase` names
// nothing the author labelled.
struct InWords {
  Phrase words;
  Phrase refs;
  Phrase after{}; // what follows the reference (", because:" before nested items)
  bool empty() const { return words.empty(); }
};

struct Item {
  Phrase phrase;
  std::vector<Item> children; // e.g. why a burden-of-proof atom holds
  InWords in_words{};
};

// "because:" with its items, or a one-line section such as "strength: ...".
struct Section {
  std::string title; // our words, no trailing colon
  Phrase line;       // one-line sections
  std::vector<Item> items;
  InWords line_in_words{};
};

struct Grounding {
  Phrase bindings; // "S = rus" (claims with variables)
  InWords bindings_in_words{};
  Verdict verdict = Verdict::unknown;
  std::string verdict_word;
  std::string explanation;
  std::vector<Section> sections;
};

struct Claim {
  std::string id;
  std::string text;
  Verdict verdict = Verdict::unknown;
  std::string verdict_word; // "NOT ESTABLISHED"
  std::string explanation;  // one plain line: what the verdict means
  bool hypothesis = false;
  Phrase about;             // mode, standard, doctrines, expectation
  std::optional<Verdict> expected;
  bool as_expected = true;
  std::string formula;
  std::vector<Grounding> groundings; // one for a ground claim
};

struct Document {
  std::string title;
  std::vector<std::string> cites;
  std::vector<Claim> claims;
  std::string summary;
};

Document outline(const Report& report, const std::string& file, bool detail, bool timings);

// "clear_and_convincing" -> "clear and convincing"
std::string words_of(std::string identifier);

// One plain line per verdict (hypotheses are never findings).
std::string explain_verdict(Verdict v, bool hypothesis);

} // namespace imputa::render::detail
