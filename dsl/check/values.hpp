// Validating written values (docs/language.md §2, §10 E011): calendar dates,
// intervals, confidences and the PHIA yardstick of docs/semantics.md §3.
#pragma once

#include "check/context.hpp"

#include <optional>
#include <string_view>
#include <utility>

namespace imputa::check::detail {

// The PHIA name's interval (exact), or nothing for an unknown name.
std::optional<Interval> phia_interval(std::string_view name);
std::vector<std::string_view> phia_names();

bool is_calendar_date(const ast::Date& date);

// E011 unless `date` is a real calendar date. `span` is where it was written.
bool check_date(Checker& c, const ast::Date& date, const SourceSpan& span);

// An evidence item's confidence: a PHIA name, a number or an interval, all
// within 0..1. Reports E002 for an unknown name and E011 for bad values.
std::optional<Interval> check_confidence(Checker& c, const ast::Value& value);

// The value of a numeric fact: a number or an interval with lo <= hi (E011).
std::optional<Interval> check_numeric_value(Checker& c, const ast::Value& value);

} // namespace imputa::check::detail
