// Inside `imputa serve`: a case file judged under a what-if (the judging
// options of check, given as request parameters), answered as JSON or SVG.
// Files are read again only when they change; a claim is judged again only
// when the what-if touches its cone (serve_case.cpp).
#pragma once

#include "commands.hpp"

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace imputa {
struct GroundCase;
}

namespace imputa::cli::serve {

// The what-if of a request: the words of check's judging options.
struct WhatIf {
  std::vector<std::string> drop, assume, doctrine; // doctrine: FAMILY=ALTERNATIVE
  std::optional<std::string> standard, as_of;
};

// What in a what-if the case does not know, one sentence each in the page's
// words ("No evidence item named e_sponsr; did you mean e_sponsor?"); empty
// if every word is known. `claims`: those a request names (a graph's claim).
std::vector<std::string> what_if_problems(const WhatIf& what_if, const std::vector<std::string>& claims,
                                          const Program& program, const JudgeCommandOptions& base);

struct Answer {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// {"error": message, "diagnostics": text}
Answer json_error(int status, const std::string& message, const std::string& diagnostics = "");

// What serve_dot.cpp makes of a DOT graph: SVG, or false with `error`.
bool dot_to_svg(const std::string& dot, std::string& svg, std::string& error);

class Cases {
public:
  explicit Cases(JudgeCommandOptions base) : base_(std::move(base)) {}
  // `path` is checked to lie under the served folder; `shown` is how the page names it.
  // Every claim judged under the what-if; with `explained`, that claim (the
  // one the page shows) with its reasons and the others with their verdicts
  // only, which is about half the work; without it, every claim with its reasons.
  Answer report(const std::string& path, const std::string& shown, const WhatIf& what_if,
                const std::optional<std::string>& explained = std::nullopt);
  Answer graph(const std::string& path, const std::string& shown, const std::string& claim, const WhatIf& what_if,
               bool full);
  // Claims judged and claims reused since the start (the benchmark and tests read them).
  std::size_t judged() const;
  std::size_t reused() const;

private:
  struct Loaded;
  std::shared_ptr<const Loaded> load(const std::string& path);
  std::shared_ptr<const GroundCase> ground_for(const Loaded& loaded, const JudgeOptions& options, Diagnostics& diags);
  Report judged_on_ground(const Loaded& loaded, const JudgeOptions& options, Diagnostics& diags);
  std::array<Report, 2> judge_batches(const Loaded& loaded, const std::array<JudgeOptions, 2>& batch,
                                      Diagnostics& diags);
  std::vector<ClaimReport> claims_for(const Loaded& loaded, const JudgeOptions& options,
                                      const std::optional<std::string>& explained, Diagnostics& diags,
                                      std::size_t& judged_now);
  Answer answer(const Loaded& loaded, const std::string& shown, const Report& report,
                const std::optional<std::string>& explained, std::size_t judged_now);
  JudgeCommandOptions base_;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Loaded>> loaded_;
  std::size_t judged_ = 0, reused_ = 0;
};

} // namespace imputa::cli::serve
