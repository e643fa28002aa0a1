// Attaches comments to the lines they belong to, from their positions and a
// light scan of the source text for what the syntax tree does not record
// (where blocks close and `.` statements end); see comments.hpp.
#include "format/comments.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <tuple>

namespace imputa::format::detail {

bool UnitNotes::inner_comments() const {
  return !close.empty() ||
         std::any_of(parts.begin(), parts.end(), [](const Notes& n) { return !n.empty(); });
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Line starts of one source text. An unknown text (a tree built by hand) is
// empty, which makes every comment stand on a line of its own.
class Text {
public:
  explicit Text(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }

  std::string_view view() const { return text_; }

  std::optional<std::size_t> offset(const SourceSpan& s) const {
    if (s.line == 0 || s.column == 0 || s.line > starts_.size()) return std::nullopt;
    std::size_t off = starts_[s.line - 1] + s.column - 1;
    if (off > text_.size()) return std::nullopt;
    return off;
  }

  std::pair<std::uint32_t, std::uint32_t> position(std::size_t off) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), off);
    auto line = static_cast<std::size_t>(it - starts_.begin());
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(off - starts_[line - 1] + 1)};
  }

  std::string_view line(std::uint32_t n) const {
    if (n == 0 || n > starts_.size()) return {};
    std::size_t end = n < starts_.size() ? starts_[n] - 1 : text_.size();
    return text_.substr(starts_[n - 1], end - starts_[n - 1]);
  }

  bool blank(std::uint32_t n) const {
    if (n == 0 || n > starts_.size()) return false;
    auto l = line(n);
    return std::all_of(l.begin(), l.end(), is_space);
  }

  // Nothing but blanks before column `column` of line `n`.
  bool first_on_line(std::uint32_t n, std::uint32_t column) const {
    auto l = line(n);
    auto before = l.substr(0, std::min<std::size_t>(column > 0 ? column - 1 : 0, l.size()));
    return std::all_of(before.begin(), before.end(), is_space);
  }

  // A blank line right above a node that starts its line.
  bool blank_above(const SourceSpan& s) const {
    return s.line >= 2 && first_on_line(s.line, s.column) && blank(s.line - 1);
  }

private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// --- A scan just deep enough to step over strings and comments. ---

std::size_t skip_trivia(std::string_view t, std::size_t i) {
  while (i < t.size()) {
    if (is_space(t[i])) {
      ++i;
    } else if (t[i] == '#') {
      while (i < t.size() && t[i] != '\n') ++i;
    } else {
      break;
    }
  }
  return i;
}

// `i` is at an opening quote; returns the offset after the closing one.
std::size_t skip_string(std::string_view t, std::size_t i) {
  ++i;
  while (i < t.size() && t[i] != '"' && t[i] != '\n') {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] != '\n') ++i;
    ++i;
  }
  return i < t.size() && t[i] == '"' ? i + 1 : i;
}

// The first `c` at or after `i` outside strings and comments (or an opening quote itself).
std::optional<std::size_t> find_code(std::string_view t, std::size_t i, char c) {
  while (i < t.size()) {
    if (t[i] == c) {
      return i;
    } else if (t[i] == '"') {
      i = skip_string(t, i);
    } else if (t[i] == '#') {
      i = skip_trivia(t, i);
    } else {
      ++i;
    }
  }
  return std::nullopt;
}

// The `.` ending a statement that starts at `i`: not a decimal point
// (`0.75`) and not inside an interval (`2..5`).
std::optional<std::size_t> find_terminator(std::string_view t, std::size_t i) {
  while (i < t.size()) {
    if (t[i] == '"') {
      i = skip_string(t, i);
    } else if (t[i] == '#') {
      i = skip_trivia(t, i);
    } else if (t[i] == '.') {
      if (i + 1 < t.size() && t[i + 1] == '.') {
        i += 2;
      } else if (i > 0 && is_digit(t[i - 1]) && i + 1 < t.size() && is_digit(t[i + 1])) {
        ++i;
      } else {
        return i;
      }
    } else {
      ++i;
    }
  }
  return std::nullopt;
}

// --- Anchors: the places a comment can attach to, in source order. ---

constexpr int self_part = -1;  // a statement's first line
constexpr int close_part = -2; // a block's `}`
constexpr int end_part = -3;   // a `.` ending a statement, or the `{` or `:` ending its header

struct Anchor {
  std::uint32_t line = 0, column = 0;
  std::size_t unit = 0;
  int part = self_part;
};

bool before(const Anchor& a, std::uint32_t line, std::uint32_t column) {
  return std::tie(a.line, a.column) < std::tie(line, column);
}

class Anchors {
public:
  Anchors(const Text& text, std::vector<Anchor>& out) : text_(text), out_(out) {}

  void at(const SourceSpan& s, std::size_t unit, int part) {
    if (s.line != 0 && s.column != 0) out_.push_back({s.line, s.column, unit, part});
  }
  void at(std::optional<std::size_t> off, std::size_t unit, int part) {
    if (!off) return;
    auto [line, column] = text_.position(*off);
    out_.push_back({line, column, unit, part});
  }

  void header(const ast::CaseHeader& h, std::size_t unit) {
    at(h.span, unit, self_part);
    auto t = text_.view();
    auto start = text_.offset(h.span);
    if (!start) return;
    auto title = find_code(t, *start, '"');
    if (!title) return;
    std::size_t i = skip_trivia(t, skip_string(t, *title));
    if (i >= t.size() || t[i] != '{') return;
    at(i, unit, end_part);
    // The tree keeps the cites as bare strings, so find their lines here.
    std::vector<std::size_t> cites;
    for (i = skip_trivia(t, i + 1); i < t.size(); i = skip_trivia(t, i)) {
      if (t[i] == '}') {
        at(i, unit, close_part);
        break;
      }
      if (t.substr(i, 4) != "cite") break;
      cites.push_back(i);
      i = skip_trivia(t, i + 4);
      if (i < t.size() && t[i] == '"') i = skip_string(t, i);
    }
    if (cites.size() != h.cites.size()) return;
    for (std::size_t k = 0; k < cites.size(); ++k) at(cites[k], unit, static_cast<int>(k));
  }

  void block(const SourceSpan& s, const std::vector<ast::Field>& fields, std::size_t unit) {
    at(s, unit, self_part);
    for (std::size_t k = 0; k < fields.size(); ++k) at(fields[k].span, unit, static_cast<int>(k));
    auto start = text_.offset(s);
    if (!start) return;
    if (auto open = find_code(text_.view(), *start, '{')) {
      at(open, unit, end_part);
      at(find_code(text_.view(), *open, '}'), unit, close_part);
    }
  }

  void dotted(const SourceSpan& s, std::size_t unit) {
    at(s, unit, self_part);
    if (auto start = text_.offset(s)) at(find_terminator(text_.view(), *start), unit, end_part);
  }

  void rule(const ast::Rule& r, std::size_t unit) {
    dotted(r.span, unit);
    if (auto start = text_.offset(r.span)) at(find_code(text_.view(), *start, ':'), unit, end_part);
    at(r.head.span, unit, 0);
    for (std::size_t k = 0; k < r.body.size(); ++k) at(r.body[k].span, unit, static_cast<int>(k + 1));
  }

private:
  const Text& text_;
  std::vector<Anchor>& out_;
};

const SourceSpan& span_of(const ast::Statement& s) {
  return std::visit([](const auto& x) -> const SourceSpan& { return x.span; }, s);
}

std::size_t part_count(const ast::Statement& s) {
  if (auto* e = std::get_if<ast::Evidence>(&s)) return e->fields.size();
  if (auto* c = std::get_if<ast::Claim>(&s)) return c->fields.size();
  if (auto* r = std::get_if<ast::Rule>(&s)) return 1 + r->body.size();
  return 0;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// One printed line has room for one trailing comment, the last one written;
// the others, and those written inside a one-line node (a fact spread over
// lines), go on their own lines before it, in the order they were written. A
// blank line that stood above the node then stands above them.
void settle(Notes& n, std::vector<CommentLine> inside) {
  if (n.trailing.size() > 1) {
    for (std::size_t i = 0; i + 1 < n.trailing.size(); ++i) inside.push_back(std::move(n.trailing[i]));
    n.trailing.erase(n.trailing.begin(), n.trailing.end() - 1);
  }
  if (inside.empty()) return;
  std::stable_sort(inside.begin(), inside.end(), [](const CommentLine& a, const CommentLine& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  for (auto& c : inside) c.blank_above = false;
  inside.front().blank_above = n.blank_above;
  n.blank_above = false;
  for (auto& c : inside) n.leading.push_back(std::move(c));
}

} // namespace

FileNotes attach_comments(const ast::File& file, const Sources& sources) {
  Text text(file.file < sources.files.size() ? std::string_view(sources.files[file.file].text)
                                             : std::string_view());
  FileNotes notes;
  std::vector<Notes> ends; // comments inside a header or a one-line statement
  std::vector<Anchor> anchors;
  Anchors add(text, anchors);

  if (file.header) {
    notes.units.push_back({});
    notes.units.back().parts.resize(file.header->cites.size());
    notes.units.back().self.blank_above = text.blank_above(file.header->span);
    add.header(*file.header, 0);
  }
  for (const auto& s : file.statements) {
    std::size_t unit = notes.units.size();
    notes.units.push_back({});
    notes.units.back().parts.resize(part_count(s));
    notes.units.back().self.blank_above = text.blank_above(span_of(s));
    if (auto* e = std::get_if<ast::Evidence>(&s)) {
      add.block(e->span, e->fields, unit);
      for (std::size_t k = 0; k < e->fields.size(); ++k)
        notes.units.back().parts[k].blank_above = text.blank_above(e->fields[k].span);
    } else if (auto* c = std::get_if<ast::Claim>(&s)) {
      add.block(c->span, c->fields, unit);
      for (std::size_t k = 0; k < c->fields.size(); ++k)
        notes.units.back().parts[k].blank_above = text.blank_above(c->fields[k].span);
    } else if (auto* r = std::get_if<ast::Rule>(&s)) {
      add.rule(*r, unit);
    } else {
      add.dotted(span_of(s), unit);
    }
  }
  ends.resize(notes.units.size());
  std::stable_sort(anchors.begin(), anchors.end(), [](const Anchor& a, const Anchor& b) {
    return before(a, b.line, b.column);
  });

  auto notes_of = [&](const Anchor& a) -> Notes& {
    auto& u = notes.units[a.unit];
    if (a.part == self_part) return u.self;
    if (a.part == close_part) return u.close;
    if (a.part == end_part) return ends[a.unit];
    return u.parts[static_cast<std::size_t>(a.part)];
  };

  std::vector<ast::Comment> comments = file.comments;
  std::stable_sort(comments.begin(), comments.end(), [](const ast::Comment& a, const ast::Comment& b) {
    return std::tie(a.span.line, a.span.column) < std::tie(b.span.line, b.span.column);
  });
  for (const auto& c : comments) {
    auto line = c.span.line, column = c.span.column;
    CommentLine body{trimmed(c.text), line >= 2 && text.blank(line - 1), line, column};
    // First anchor at or after the comment's line.
    auto next = std::lower_bound(anchors.begin(), anchors.end(), line,
                                 [](const Anchor& a, std::uint32_t l) { return a.line < l; });
    if (!text.first_on_line(line, column)) {
      // After code: the first node starting on this line (a `{` or `.` only
      // when nothing else starts there), else the node the line continues (a
      // formula spread over several lines).
      const Anchor* owner = nullptr;
      for (auto it = next; it != anchors.end() && it->line == line && it->column < column; ++it) {
        if (!owner || (owner->part == end_part && it->part != end_part)) owner = &*it;
        if (owner->part != end_part) break;
      }
      if (owner) {
        notes_of(*owner).trailing.push_back(body);
        continue;
      }
      auto after = std::lower_bound(anchors.begin(), anchors.end(), c, [](const Anchor& a, const ast::Comment& x) {
        return before(a, x.span.line, x.span.column);
      });
      if (after != anchors.begin()) {
        notes_of(*std::prev(after)).trailing.push_back(body);
        continue;
      }
    }
    auto after = std::upper_bound(anchors.begin(), anchors.end(), c, [](const ast::Comment& x, const Anchor& a) {
      return std::tie(x.span.line, x.span.column) < std::tie(a.line, a.column);
    });
    if (after == anchors.end()) {
      notes.at_end.push_back(std::move(body));
    } else {
      notes_of(*after).leading.push_back(std::move(body));
    }
  }

  for (std::size_t u = 0; u < notes.units.size(); ++u) {
    auto& unit = notes.units[u];
    std::vector<CommentLine> inside = std::move(ends[u].leading);
    for (auto& c : ends[u].trailing) unit.self.trailing.push_back(std::move(c));
    settle(unit.self, std::move(inside));
    for (auto& p : unit.parts) settle(p, {});
    settle(unit.close, {});
  }
  return notes;
}

} // namespace imputa::format::detail
