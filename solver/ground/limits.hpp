// What every phase of grounding shares: the E013 limits, the deadline, and
// whether grounding has stopped (an error or the time limit).
#pragma once

#include "imputa/diagnostic.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace imputa::ground {

class Budget {
public:
  Budget(Diagnostics& diags, std::optional<std::chrono::steady_clock::time_point> deadline)
      : diags_(diags), deadline_(deadline) {}

  // Grounding goes on: no limit hit, no cycle found, the deadline not passed.
  bool ok() const { return !failed_ && !timed_out_; }
  bool timed_out() const { return timed_out_; }

  // Every phase respects the time limit: looked at every 1024 steps.
  void tick() {
    if (!deadline_ || (++ticks_ & 1023u) != 0) return;
    if (std::chrono::steady_clock::now() >= *deadline_) timed_out_ = true;
  }

  // E013, once: the first limit hit stops grounding.
  void fail_limit(const std::string& what, SourceSpan at,
                  std::string hint = "narrow the rule's variables with more selective conditions, or split the case") {
    if (failed_) return;
    failed_ = true;
    diags_.error("E013", at, what, {std::move(hint)});
  }

  // Any other error that stops grounding (E009).
  void fail(const char* code, SourceSpan at, const std::string& what, std::string hint) {
    failed_ = true;
    diags_.error(code, at, what, {std::move(hint)});
  }

  // Rule instances so far; false (and E013) past max_rule_instances.
  bool count_instance(std::size_t limit) { return ++instances_ <= limit; }

private:
  Diagnostics& diags_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  std::uint32_t ticks_ = 0;
  std::size_t instances_ = 0;
  bool failed_ = false;
  bool timed_out_ = false;
};

} // namespace imputa::ground
