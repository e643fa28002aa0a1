// Where each `# ...` comment of a file goes in the formatted text: before or
// after which statement, block field or rule literal (docs/language.md §13).
#pragma once

#include "imputa/ast.hpp"

#include <string>
#include <vector>

namespace imputa::format::detail {

struct CommentLine {
  std::string text;         // from '#', trailing blanks removed
  bool blank_above = false; // the source had a blank line right above it
  std::uint32_t line = 0, column = 0; // where it was written
};

// The comments of one printed line: those on lines of their own before it, and
// the one after it on the same line.
struct Notes {
  std::vector<CommentLine> leading;
  std::vector<CommentLine> trailing; // at most one
  bool blank_above = false;          // a blank line right above the line itself
  bool empty() const { return leading.empty() && trailing.empty(); }
};

// One statement (or the case header). `parts` are the lines inside it: block
// fields, case-header cites, or a rule's head (0) and body literals (1...).
struct UnitNotes {
  Notes self;
  std::vector<Notes> parts;
  Notes close; // a block's `}`
  bool inner_comments() const;
};

struct FileNotes {
  std::vector<UnitNotes> units;    // the case header first when present, then statements
  std::vector<CommentLine> at_end; // after the last statement
};

// Attaches every comment of `file` by its position in the source text: a
// comment alone on its line goes before the next line-starting node, one after
// code goes after the first node that starts on its line. Comments written
// inside a one-line node (a fact spread over lines) move before it.
FileNotes attach_comments(const ast::File& file, const Sources& sources);

} // namespace imputa::format::detail
