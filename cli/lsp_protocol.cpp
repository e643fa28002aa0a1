// The language server's wire format: Content-Length framing (LSP 3.17, "Base
// Protocol") and positions in UTF-16 code units, converted from the byte
// columns every SourceSpan holds.
#include "lsp.hpp"

#include <algorithm>
#include <cctype>

namespace imputa::cli::lsp {

namespace {

constexpr std::size_t max_header_bytes = 8192;

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

} // namespace

Frame take_frame(std::string& buffer, std::string& body, std::string& error) {
  const auto end = buffer.find("\r\n\r\n");
  if (end == std::string::npos) {
    if (buffer.size() <= max_header_bytes) return Frame::incomplete;
    error = "a message header longer than " + std::to_string(max_header_bytes) + " bytes";
    return Frame::malformed;
  }
  std::optional<std::size_t> length;
  std::string_view header(buffer.data(), end);
  while (!header.empty()) {
    auto nl = header.find("\r\n");
    std::string_view field = header.substr(0, nl);
    header.remove_prefix(nl == std::string_view::npos ? header.size() : nl + 2);
    if (!starts_with_nocase(field, "content-length:")) continue; // Content-Type and others: ignored
    std::string_view number = field.substr(15);
    while (!number.empty() && (number.front() == ' ' || number.front() == '\t')) number.remove_prefix(1);
    while (!number.empty() && (number.back() == ' ' || number.back() == '\t')) number.remove_suffix(1);
    if (number.empty() || number.size() > 12 ||
        !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      error = "Content-Length is not a number";
      return Frame::malformed;
    }
    length = std::stoull(std::string(number));
  }
  if (!length) {
    error = "a message without Content-Length";
    return Frame::malformed;
  }
  if (*length > max_message_bytes) {
    error = "a message of " + std::to_string(*length) + " bytes (at most " + std::to_string(max_message_bytes) +
            ")";
    return Frame::malformed;
  }
  const std::size_t start = end + 4;
  if (buffer.size() - start < *length) return Frame::incomplete;
  body.assign(buffer, start, *length);
  buffer.erase(0, start + *length);
  return Frame::message;
}

std::string frame(const json& message) {
  // Invalid UTF-8 in a string becomes U+FFFD rather than an exception.
  std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::size_t utf16_length(std::string_view bytes) {
  std::size_t units = 0;
  for (unsigned char c : bytes) {
    if ((c & 0xC0) == 0x80) continue; // continuation byte
    units += c >= 0xF0 ? 2 : 1;       // four-byte sequences are surrogate pairs
  }
  return units;
}

Lines::Lines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

std::string_view Lines::line(std::size_t line0) const {
  if (line0 >= starts_.size()) return {};
  std::size_t begin = starts_[line0];
  std::size_t end = line0 + 1 < starts_.size() ? starts_[line0 + 1] - 1 : text_.size();
  std::string_view out = text_.substr(begin, end - begin);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

json Lines::position(std::uint32_t line1, std::uint32_t byte_column1) const {
  const std::size_t line0 = line1 == 0 ? 0 : line1 - 1;
  std::string_view text = line(line0);
  const std::size_t bytes = std::min<std::size_t>(byte_column1 == 0 ? 0 : byte_column1 - 1, text.size());
  return {{"line", line0}, {"character", utf16_length(text.substr(0, bytes))}};
}

json Lines::range(const SourceSpan& span) const {
  return {{"start", position(span.line, span.column)}, {"end", position(span.line, span.column + span.length)}};
}

std::pair<std::uint32_t, std::uint32_t> Lines::line_column(std::int64_t line0, std::int64_t character) const {
  if (line0 < 0) line0 = 0;
  if (static_cast<std::size_t>(line0) >= starts_.size()) line0 = static_cast<std::int64_t>(starts_.size() - 1);
  std::string_view text = line(static_cast<std::size_t>(line0));
  std::size_t bytes = 0;
  std::int64_t units = 0;
  while (bytes < text.size() && units < character) {
    auto c = static_cast<unsigned char>(text[bytes]);
    std::size_t width = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    units += c >= 0xF0 ? 2 : 1;
    bytes = std::min(text.size(), bytes + width);
  }
  return {static_cast<std::uint32_t>(line0 + 1), static_cast<std::uint32_t>(bytes + 1)};
}

std::size_t Lines::offset(std::int64_t line0, std::int64_t character) const {
  auto [line1, column1] = line_column(line0, character);
  return starts_[line1 - 1] + column1 - 1;
}

} // namespace imputa::cli::lsp
