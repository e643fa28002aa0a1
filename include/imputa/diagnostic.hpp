// Diagnostics are data: a code, a severity, a place, a message and hints.
// They are rendered in one place (render_diagnostic), never printed by the library.
#pragma once

#include "imputa/source.hpp"

#include <string>
#include <vector>

namespace imputa {

enum class Severity { error, warning };

struct Diagnostic {
  std::string code; // "E002", "W28F", ...
  Severity severity = Severity::error;
  SourceSpan span;
  std::string message;
  std::vector<std::string> hints; // "did you mean 'gru'?"
};

class Diagnostics {
public:
  void error(std::string code, SourceSpan span, std::string message,
             std::vector<std::string> hints = {});
  void warning(std::string code, SourceSpan span, std::string message,
               std::vector<std::string> hints = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }

  // Errors before warnings, then by file, line, column, code; exact
  // duplicates removed. Output order never depends on pass order.
  void sort(const Sources& sources);

private:
  std::vector<Diagnostic> items_;
};

// `path:line:col: error: message [E002]`, the source line, a caret under the
// column, then one `  hint: ...` line per hint. Ends with a newline.
std::string render_diagnostic(const Diagnostic& d, const Sources& sources);

// Levenshtein distance, capped: returns cap + 1 when the distance exceeds cap.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap = 2);

} // namespace imputa
