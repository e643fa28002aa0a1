// Reading one file: limits and encoding first (E013, E001), comments collected
// for the formatter, then statement by statement with recovery after an error.
#include "grammar.hpp"

#include "imputa/dsl.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace imputa::parse {
namespace {

// The first byte that is not valid UTF-8 (or a NUL), or npos.
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra = 0;
    unsigned min = 0;
    if ((c & 0xE0) == 0xC0) extra = 1, min = 0x80;
    else if ((c & 0xF0) == 0xE0) extra = 2, min = 0x800;
    else if ((c & 0xF8) == 0xF0) extra = 3, min = 0x10000;
    else return i;
    if (i + extra >= text.size()) return i;
    unsigned code = c & (0x3F >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
      auto d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      code = (code << 6) | (d & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += extra + 1;
  }
  return std::string_view::npos;
}

// One pass over the raw text that knows strings and comments: collects the
// comments and finds the first place where parentheses nest too deep, before
// the recursive grammar could exhaust the stack on it.
struct Scan {
  std::vector<ast::Comment> comments;
  std::optional<std::size_t> too_deep_at;
};

Scan scan(std::string_view text, const detail::LineIndex& lines) {
  Scan out;
  std::size_t depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') ++i;
      if (i < text.size() && text[i] == '\n') --i; // an unterminated string ends at the line's end
    } else if (c == '#') {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      std::size_t stop = end;
      if (stop > i && text[stop - 1] == '\r') --stop;
      out.comments.push_back(
          {std::string(text.substr(i, stop - i)), lines.span(text.data() + i, text.data() + stop)});
      i = end;
    } else if (c == '(') {
      if (++depth > max_nesting && !out.too_deep_at) out.too_deep_at = i;
    } else if (c == ')') {
      if (depth > 0) --depth;
    }
  }
  return out;
}

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// What stands at `p`, in words, for "expected X, found Y".
std::string found_at(const char* p, const char* end) {
  while (p != end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) ++p;
  if (p == end) return "the end of the file";
  if (*p == '"') return "a text in quotes";
  if (is_ident_char(*p) || *p == '-') {
    const char* q = p + 1;
    while (q != end && (is_ident_char(*q) || *q == '.' || *q == '-') && q - p < 40) ++q;
    return "'" + std::string(p, q) + "'";
  }
  auto u = static_cast<unsigned char>(*p);
  if (u < 0x20 || u >= 0x7f) return "an unexpected character";
  return "'" + std::string(1, *p) + "'";
}

constexpr std::array statement_words{"case", "import", "use", "doctrine", "predicate", "state", "actor",
                                     "object", "operation", "fact", "evidence", "rule", "claim",
                                     "standard", "source"};

bool starts_with_word(const char* p, const char* end, std::string_view word) {
  if (static_cast<std::size_t>(end - p) < word.size() || std::string_view(p, word.size()) != word) return false;
  return p + word.size() == end || !is_ident_char(p[word.size()]);
}

// A line that plausibly opens a statement. `standard` and `source` also open
// claim and evidence fields; as statements they are followed by a name and
// then a number or a quoted label.
bool opens_statement(const char* p, const char* end) {
  while (p != end && (*p == ' ' || *p == '\t')) ++p;
  for (std::string_view w : statement_words) {
    if (!starts_with_word(p, end, w)) continue;
    if (w != "standard" && w != "source") return true;
    const char* q = p + w.size();
    while (q != end && (*q == ' ' || *q == '\t')) ++q;
    while (q != end && is_ident_char(*q)) ++q;
    while (q != end && (*q == ' ' || *q == '\t')) ++q;
    return q != end && (*q == '"' || (*q >= '0' && *q <= '9'));
  }
  return false;
}

// After an error in the statement that begins at `start`: where to resume.
// That is just past the statement's end (a '.' outside braces, or the '}'
// closing its block) or the start of a line that opens a statement, whichever
// comes first after the error, so one typo hides nothing that follows it.
const char* recover(const char* start, const char* error_at, const char* end) {
  std::size_t depth = 0;
  const char* from = std::max(start + 1, error_at);
  for (const char* p = start; p < end; ++p) {
    char c = *p;
    if (c == '"') {
      for (++p; p < end && *p != '"' && *p != '\n'; ++p)
        if (*p == '\\' && p + 1 < end && p[1] != '\n') ++p;
      if (p == end) return end;
      if (*p == '\n') --p;
      continue;
    }
    if (c == '#') {
      p = std::find(p, end, '\n');
      if (p == end) return end;
      --p;
      continue;
    }
    if (c == '\n' && p + 1 >= from && opens_statement(p + 1, end)) return p + 1;
    if (p < from) {
      if (c == '{') ++depth;
      else if (c == '}' && depth > 0) --depth;
      continue;
    }
    if (c == '{') ++depth;
    else if (c == '}') {
      if (depth <= 1) return p + 1;
      --depth;
    } else if (c == '.' && depth == 0) {
      bool in_number = (p > start && (p[-1] == '.' || (p[-1] >= '0' && p[-1] <= '9'))) &&
                       (p + 1 < end && ((p[1] >= '0' && p[1] <= '9') || p[1] == '.'));
      bool range = (p + 1 < end && p[1] == '.') || (p > start && p[-1] == '.');
      if (!in_number && !range) return p + 1;
    }
  }
  return end;
}

// "did you mean 'evidence'?" for a misspelt statement keyword at line start.
std::vector<std::string> keyword_hint(const char* p, const char* end) {
  const char* q = p;
  while (q != end && is_ident_char(*q)) ++q;
  std::string_view word(p, static_cast<std::size_t>(q - p));
  if (word.empty()) return {};
  for (std::string_view w : statement_words)
    if (edit_distance(word, w) <= 2 && word != w) return {"did you mean '" + std::string(w) + "'?"};
  return {};
}

struct Kept {
  ast::Statement statement;
  const char* resume;
};

// A statement that failed only for want of its full stop, before a line that
// opens the next statement: read again with the '.' put back after its last
// word. The copy differs from the text only from that point on, so every
// position in the statement read from it is a position in the text.
std::optional<Kept> with_full_stop(const std::string& text, std::uint32_t file, const char* pos, const char* at,
                                   const std::string& expected) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (expected.find("'.'") == std::string::npos) return std::nullopt;
  const char* line_start = at;
  while (line_start > begin && (line_start[-1] == ' ' || line_start[-1] == '\t')) --line_start;
  // Before the next statement on a line of its own, or at the end of the file.
  if (at != end && (line_start == begin || line_start[-1] != '\n' || !opens_statement(line_start, end)))
    return std::nullopt;
  const char* stop = line_start;
  while (stop > pos && (stop[-1] == ' ' || stop[-1] == '\t' || stop[-1] == '\r' || stop[-1] == '\n')) --stop;
  if (stop == pos) return std::nullopt;
  const auto offset = static_cast<std::size_t>(stop - begin);
  std::string copy = text.substr(0, offset) + "." + text.substr(offset);
  detail::LineIndex copy_lines(file, copy);
  const char* first = copy.data() + (pos - begin);
  detail::StatementResult r = detail::parse_statement(first, copy.data() + copy.size(), copy_lines);
  // Read exactly up to the full stop put back (phrase_parse may skip the space after it).
  const char* dot_end = copy.data() + offset + 1;
  if (r.status != detail::StatementResult::Status::statement || first < dot_end ||
      first > copy.data() + (line_start - begin) + 1)
    return std::nullopt;
  return Kept{std::move(r.statement), stop};
}

} // namespace

ast::File parse_file(const Sources& sources, std::uint32_t file, Diagnostics& diags) {
  ast::File out;
  out.file = file;
  const std::string& text = sources.files.at(file).text;
  detail::LineIndex lines(file, text);
  const char* begin = text.data();
  const char* end = begin + text.size();

  if (text.size() > max_file_bytes) {
    diags.error("E013", SourceSpan{file, 1, 1, 0},
                "this file is " + std::to_string(text.size()) + " bytes; case files may be at most " +
                    std::to_string(max_file_bytes) + " bytes (8 MiB)",
                {"split the case into several files joined with import"});
    return out;
  }
  if (auto bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    diags.error("E001", lines.span(begin + bad, begin + bad + 1),
                "this file is not UTF-8 text (an invalid or NUL byte at this position)",
                {"save the case file as plain UTF-8 text"});
    return out;
  }
  Scan scanned = scan(text, lines);
  out.comments = std::move(scanned.comments);
  if (scanned.too_deep_at) {
    diags.error("E013", lines.span(begin + *scanned.too_deep_at, begin + *scanned.too_deep_at + 1),
                "parentheses nest deeper than " + std::to_string(max_nesting) + " levels",
                {"simplify the formula, or split it with intermediate rules"});
    return out;
  }

  const char* pos = begin;
  bool first_statement = true;
  while (pos != end) {
    detail::StatementResult r = detail::parse_statement(pos, end, lines);
    using Status = detail::StatementResult::Status;
    if (r.status == Status::end) break;
    if (r.status == Status::header) {
      if (!first_statement || out.header) {
        diags.error("E001", r.header.span, "the case header must be the first statement of the file");
      } else {
        out.header = std::move(r.header);
      }
    } else if (r.status == Status::too_deep) {
      diags.error("E013", r.too_deep_at,
                  "this formula nests deeper than " + std::to_string(max_nesting) + " levels",
                  {"simplify the formula, or split it with intermediate rules"});
      pos = recover(pos, pos, end);
    } else if (r.status == Status::statement) {
      out.statements.push_back(std::move(r.statement));
    } else {
      const char* at = r.error_at ? r.error_at : pos;
      while (at != end && (*at == ' ' || *at == '\t' || *at == '\r' || *at == '\n')) ++at;
      std::vector<std::string> hints;
      if (at == pos) hints = keyword_hint(pos, end);
      std::string found = found_at(at, end);
      if (found.size() > 2 && found.front() == '\'' && detail::is_reserved(found.substr(1, found.size() - 2)) &&
          r.expected.find("name") != std::string::npos)
        hints.push_back(found + " is a reserved word of the case language and cannot be used as a name");
      const char* tok_end = at;
      while (tok_end != end && is_ident_char(*tok_end)) ++tok_end;
      if (tok_end == at && at != end) ++tok_end;
      if (r.expected == "'\"'" && r.error_at && (*r.error_at == '\n' || *r.error_at == '\r'))
        diags.error("E001", lines.span(r.error_at, r.error_at), "this text in quotes is not closed on its line",
                    {"texts in quotes are one line; write \\n for a line break"});
      else
        diags.error("E001", lines.span(at, tok_end), "expected " + r.expected + ", found " + found, std::move(hints));
      if (auto kept = with_full_stop(text, file, pos, at, r.expected)) {
        // Only the full stop was missing: keep the statement, so that what it
        // declares is known and one mistake gives one error.
        out.statements.push_back(std::move(kept->statement));
        pos = kept->resume;
      } else {
        pos = recover(pos, at, end);
      }
    }
    first_statement = false;
  }
  return out;
}

} // namespace imputa::parse
