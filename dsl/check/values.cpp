// Validating written values: calendar dates, intervals, confidences and the
// PHIA probability yardstick (docs/semantics.md §3).
#include "check/values.hpp"
#include "imputa/dsl.hpp"

#include <cstdio>

namespace imputa::check::detail {

namespace {

Rational hundredths(int n) { return Rational(n, 100); }

struct PhiaEntry {
  std::string_view name;
  int lo, hi; // in hundredths, exactly as the table of docs/semantics.md §3
};

constexpr PhiaEntry phia_table[] = {
    {"remote_chance", 0, 5},          {"highly_unlikely", 10, 20}, {"unlikely", 25, 35},
    {"realistic_possibility", 40, 50}, {"likely", 55, 75},          {"highly_likely", 80, 90},
    {"almost_certain", 95, 100},
};

// E011 for an empty interval; shared by confidences and numeric facts.
bool check_interval_order(Checker& c, const ast::Value& value) {
  if (value.kind != ast::Value::Kind::interval || value.lo <= value.hi) return true;
  c.diags.error("E011", value.span,
                "interval " + to_string(Interval{value.lo, value.hi}) +
                    " is empty: the lower end must not exceed the upper end");
  return false;
}

} // namespace

std::optional<Interval> phia_interval(std::string_view name) {
  for (const auto& entry : phia_table)
    if (entry.name == name) return Interval{hundredths(entry.lo), hundredths(entry.hi)};
  return std::nullopt;
}

std::vector<std::string_view> phia_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : phia_table) names.push_back(entry.name);
  return names;
}

bool is_calendar_date(const ast::Date& date) {
  if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1) return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  const int last = date.month == 2 && leap ? 29 : days[date.month - 1];
  return date.day <= last;
}

bool check_date(Checker& c, const ast::Date& date, const SourceSpan& span) {
  if (is_calendar_date(date)) return true;
  c.diags.error("E011", span, to_string(date) + " is not a calendar date");
  return false;
}

std::optional<Interval> check_confidence(Checker& c, const ast::Value& value) {
  if (value.kind == ast::Value::Kind::name) {
    if (auto named = phia_interval(value.name)) return named;
    c.diags.error("E002", value.span,
                  "unknown confidence '" + value.name +
                      "': use a number, an interval or one of remote_chance, highly_unlikely, unlikely, "
                      "realistic_possibility, likely, highly_likely, almost_certain",
                  did_you_mean(value.name, phia_names()));
    return std::nullopt;
  }
  if (!check_interval_order(c, value)) return std::nullopt;
  if (value.lo < 0 || value.hi > 1) {
    c.diags.error("E011", value.span, "confidence " + to_string(Interval{value.lo, value.hi}) + " is outside 0..1");
    return std::nullopt;
  }
  return Interval{value.lo, value.hi};
}

std::optional<Interval> check_numeric_value(Checker& c, const ast::Value& value) {
  if (value.kind == ast::Value::Kind::name) {
    c.diags.error("E011", value.span,
                  "a numeric fact needs a number or an interval, not '" + value.name + "'");
    return std::nullopt;
  }
  if (!check_interval_order(c, value)) return std::nullopt;
  return Interval{value.lo, value.hi};
}

} // namespace imputa::check::detail

namespace imputa::check {

std::vector<ConfidenceName> confidence_names() {
  std::vector<ConfidenceName> out;
  for (auto name : detail::phia_names()) {
    auto interval = detail::phia_interval(name);
    out.push_back({name, interval->lo, interval->hi});
  }
  return out;
}

} // namespace imputa::check
