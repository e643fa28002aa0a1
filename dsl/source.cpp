// Line look-up in source files, for diagnostics that quote the offending line.
#include "imputa/source.hpp"

namespace imputa {

std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

std::string_view Sources::line_text(std::uint32_t file, std::uint32_t line) const {
  if (file >= files.size() || line == 0) return {};
  const SourceFile& f = files[file];
  if (line > f.line_starts.size()) return {};
  std::string_view text = f.text;
  std::size_t start = f.line_starts[line - 1];
  std::size_t end = line < f.line_starts.size() ? f.line_starts[line] - 1 : text.size();
  auto out = text.substr(start, end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

} // namespace imputa
