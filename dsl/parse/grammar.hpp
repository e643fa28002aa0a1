// The boundary between the Spirit X3 grammar (grammar.cpp, the only file that
// pays for X3's templates) and the rest of the parser. No X3 types here.
#pragma once

#include "imputa/ast.hpp"

#include <optional>
#include <string>
#include <vector>

namespace imputa::parse::detail {

// Byte offset -> line and column, for one file.
class LineIndex {
public:
  LineIndex(std::uint32_t file, std::string_view text);
  SourceSpan span(const char* begin, const char* end) const;
  const char* base() const { return base_; }

private:
  std::uint32_t file_;
  const char* base_;
  std::vector<std::size_t> line_starts_;
};

struct StatementResult {
  enum class Status { statement, header, end, failed, too_deep };
  Status status = Status::end;
  ast::Statement statement;
  ast::CaseHeader header;
  // failed: where parsing stopped and what was expected there, in words.
  const char* error_at = nullptr;
  std::string expected;
  SourceSpan too_deep_at; // too_deep: where the chain passed the limit
};

// A reserved word of docs/language.md §11 (cannot be used as a name).
bool is_reserved(std::string_view word);

// A whole text read as a date field's value is (YYYY-MM-DD), or nothing.
// Whether it is on the calendar is for the checks (check::is_calendar_date).
std::optional<ast::Date> parse_date(std::string_view text);

// Skips white space and comments, then parses one statement (or the case
// header) starting at `first`, advancing it past what was read.
StatementResult parse_statement(const char*& first, const char* last, const LineIndex& lines);

} // namespace imputa::parse::detail
