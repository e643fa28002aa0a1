// Collecting, ordering and rendering diagnostics in the one format users see:
// `path:line:col: error: message [code]`, the line, and a caret.
#include "imputa/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace imputa {

void Diagnostics::error(std::string code, SourceSpan span, std::string message,
                        std::vector<std::string> hints) {
  items_.push_back({std::move(code), Severity::error, span, std::move(message), std::move(hints)});
}

void Diagnostics::warning(std::string code, SourceSpan span, std::string message,
                          std::vector<std::string> hints) {
  items_.push_back({std::move(code), Severity::warning, span, std::move(message), std::move(hints)});
}

namespace grounding_error {

namespace {
const char* const narrow_hint = "narrow the rule's variables with more selective conditions, or split the case";
} // namespace

Diagnostic rule_too_wide(SourceSpan at, std::string_view rule, std::size_t conditions, std::size_t variables,
                         std::size_t max_conditions, std::size_t max_variables) {
  return {"E013", Severity::error, at,
          "rule '" + std::string(rule) + "' has " + std::to_string(conditions) + " conditions and " +
              std::to_string(variables) + " variables; the limits are " + std::to_string(max_conditions) + " and " +
              std::to_string(max_variables),
          {"split the rule into smaller rules"}};
}

Diagnostic claim_too_wide(SourceSpan at, std::string_view claim, std::size_t variables, std::size_t max_variables) {
  return {"E013", Severity::error, at,
          "claim '" + std::string(claim) + "' has " + std::to_string(variables) + " free variables; the limit is " +
              std::to_string(max_variables),
          {"name the entities the claim is about, or split it into several claims"}};
}

Diagnostic too_many_atoms(SourceSpan at, std::size_t limit, std::string_view predicate, std::size_t count,
                          std::string_view example) {
  return {"E013", Severity::error, at,
          "this case is too large to judge: applying the rules to its entities gives more than " +
              std::to_string(limit) + " distinct statements; " + std::to_string(count) + " of them are about '" +
              std::string(predicate) + "', such as " + std::string(example),
          {narrow_hint}};
}

namespace {

// What grew, for both limits on applying rules: the rule applied most, the
// conclusion it draws in the most ways, and what to do.
Diagnostic rules_too_large(std::string message, const RuleGrowth& growth) {
  const std::string rule = "rule '" + growth.rule + "'";
  if (growth.applications > 0)
    message += "; " + rule + " applies most, " + std::to_string(growth.applications) + " times, to draw " +
               std::to_string(growth.conclusions) + (growth.conclusions == 1 ? " conclusion" : " conclusions");
  std::vector<std::string> hints;
  std::string ways; // nothing drawn yet (every application so far had a false condition): no example
  if (growth.widest_ways > 0)
    ways = growth.widest + " alone can be drawn in " + std::to_string(growth.widest_ways) +
           " ways, one for each entity (or combination of entities) the case leaves open there";
  if (growth.from_library) {
    hints.push_back(rule + " is the library's: what makes it large is the case" + (ways.empty() ? "" : ". " + ways));
    hints.push_back("judge the campaign in parts, a file per period or per set of operations; docs/limits.md, "
                    "\"Limits of size and time\", says what makes a case grow");
  } else {
    if (!ways.empty()) hints.push_back(ways);
    hints.push_back(narrow_hint);
  }
  return {"E013", Severity::error, growth.at, std::move(message), std::move(hints)};
}

} // namespace

Diagnostic too_many_instances(std::size_t limit, const RuleGrowth& growth) {
  return rules_too_large("this case is too large to judge: its rules would apply to more than " +
                             std::to_string(limit) + " combinations of entities",
                         growth);
}

Diagnostic too_many_ways(std::size_t limit, std::string_view conclusion, const RuleGrowth& growth) {
  std::string message = "this case is too large to judge: its rules would draw ";
  message.append(conclusion).append(" in more than ").append(std::to_string(limit)).append(" ways");
  return rules_too_large(std::move(message), growth);
}

Diagnostic depends_on_itself(SourceSpan at, const std::vector<std::string>& loop) {
  std::string chain;
  for (const std::string& atom : loop) chain += (chain.empty() ? "" : " -> ") + atom;
  return {"E009", Severity::error, at, "a conclusion depends on itself after grounding: " + chain,
          {"break the loop: v0.1 rules may not make an atom depend on itself"}};
}

} // namespace grounding_error

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

void Diagnostics::sort(const Sources& sources) {
  static const std::string no_path;
  auto key = [&](const Diagnostic& d) {
    const std::string& path = d.span.file < sources.files.size() ? sources.files[d.span.file].path : no_path;
    return std::tie(d.severity, path, d.span.line, d.span.column, d.code, d.message);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [&](const Diagnostic& a, const Diagnostic& b) {
                             return key(a) == key(b) && a.span.file == b.span.file;
                           }),
               items_.end());
}

std::string render_diagnostic(const Diagnostic& d, const Sources& sources) {
  std::string out;
  const bool known_file = d.span.file < sources.files.size();
  out += known_file ? sources.files[d.span.file].path : std::string("<input>");
  out += ':' + std::to_string(d.span.line) + ':' + std::to_string(d.span.column) + ": ";
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += d.message + " [" + d.code + "]\n";
  if (known_file && d.span.line > 0) {
    std::string_view line = sources.line_text(d.span.file, d.span.line);
    // Quote at most 200 bytes so a minified or binary line cannot flood the terminal.
    std::string shown;
    for (char c : line.substr(0, 200)) {
      unsigned char u = static_cast<unsigned char>(c);
      shown += (u < 0x20 && c != '\t') || u == 0x7f ? '?' : c;
    }
    out += "  " + shown + "\n  ";
    std::size_t col = d.span.column > 0 ? d.span.column - 1 : 0;
    for (std::size_t i = 0; i < col && i < shown.size(); ++i) out += shown[i] == '\t' ? '\t' : ' ';
    out += "^\n";
  }
  for (const auto& h : d.hints) out += "  hint: " + h + "\n";
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
  if (a.size() > b.size() + cap || b.size() > a.size() + cap) return cap + 1;
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], cap + 1);
}

} // namespace imputa
