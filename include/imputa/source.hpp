// Source files and positions: where every AST node and diagnostic came from.
#pragma once

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

struct SourceFile {
  std::string path;     // as shown to the user
  std::string text;     // full contents
  bool library = false; // the shipped library (no W101 for its declarations)
};

// Every file read for one run; spans point into it.
struct Sources {
  std::vector<SourceFile> files;

  std::uint32_t add(SourceFile file) {
    files.push_back(std::move(file));
    return static_cast<std::uint32_t>(files.size() - 1);
  }
  const std::string& path(const SourceSpan& s) const { return files.at(s.file).path; }
  // The text of line `line` (1-based) of file `file`, without its newline.
  std::string_view line_text(std::uint32_t file, std::uint32_t line) const;
};

} // namespace imputa
