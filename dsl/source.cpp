// Line look-up in source files, for diagnostics that quote the offending line.
#include "imputa/source.hpp"

namespace imputa {

std::string_view Sources::line_text(std::uint32_t file, std::uint32_t line) const {
  if (file >= files.size() || line == 0) return {};
  std::string_view text = files[file].text;
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line; ++l) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  auto end = text.find('\n', start);
  auto out = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

} // namespace imputa
