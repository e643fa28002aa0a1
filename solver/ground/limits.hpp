// What every phase of grounding shares: the E013 limits, the deadline, and
// whether grounding has stopped (an error or the time limit). The errors are
// typed (imputa::grounding_error); their words are written in dsl/.
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
  bool failed() const { return failed_; } // a limit or another error stopped grounding

  // Every phase respects the time limit: looked at every 1024 steps.
  void tick() {
    if (!deadline_ || (++ticks_ & 1023u) != 0) return;
    if (std::chrono::steady_clock::now() >= *deadline_) timed_out_ = true;
  }

  // E013, once: the first limit hit stops grounding.
  void fail_limit(Diagnostic d) {
    if (failed_) return;
    failed_ = true;
    diags_.add(std::move(d));
  }

  // Any other error that stops grounding (E009).
  void fail(Diagnostic d) {
    failed_ = true;
    diags_.add(std::move(d));
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
