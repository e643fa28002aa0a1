// Source files and positions: where every AST node and diagnostic came from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace imputa {

// A place in a source file. `file` indexes `Sources::files`; lines and columns
// count from 1 (columns in bytes); `length` is the extent in bytes on that line.
struct SourceSpan {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t length = 0;

  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

// The byte offset at which each line of `text` begins: 0, then one past every
// newline.
std::vector<std::size_t> line_starts(std::string_view text);

struct SourceFile {
  std::string path;     // as shown to the user
  std::string text;     // full contents
  bool library = false; // the shipped library (no W101 for its declarations)
  // line_starts(text), filled by Sources::add: quoting a line for a diagnostic
  // must not rescan the file, as a large case can have thousands of warnings.
  std::vector<std::size_t> line_starts{};
};

// Every file read for one run; spans point into it.
struct Sources {
  std::vector<SourceFile> files;

  std::uint32_t add(SourceFile file) {
    file.line_starts = line_starts(file.text);
    files.push_back(std::move(file));
    return static_cast<std::uint32_t>(files.size() - 1);
  }
  const std::string& path(const SourceSpan& s) const { return files.at(s.file).path; }
  // The text of line `line` (1-based) of file `file`, without its newline;
  // empty for a line the file does not have (or a file not added with add).
  std::string_view line_text(std::uint32_t file, std::uint32_t line) const;
};

} // namespace imputa
