// `imputa check` and `imputa explain`: read, check, judge, render.
#include "commands.hpp"
#include "render.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace imputa::cli {
namespace {

// Reads a command-line atom (`--assume organ_of(gru, rus)`) with the case
// language's own parser, against the checked program's names.
std::optional<ast::Atom> parse_atom_option(const std::string& text, const Program& program, std::string& error) {
  Sources sources;
  Diagnostics diags;
  auto id = sources.add({"--assume", "fact " + text + ".", false});
  ast::File file = parse::parse_file(sources, id, diags);
  if (diags.has_errors() || file.statements.size() != 1) {
    error = "'" + text + "' is not an atom such as organ_of(gru, rus)";
    return std::nullopt;
  }
  const auto* fact = std::get_if<ast::Fact>(&file.statements.front());
  if (!fact || fact->numeric || fact->formula.kind != ast::Formula::Kind::atom) {
    error = "'" + text + "' is not an atom such as organ_of(gru, rus)";
    return std::nullopt;
  }
  const ast::Atom& atom = fact->formula.atom;
  auto pred = program.predicates.find(atom.predicate.text);
  if (pred == program.predicates.end()) {
    error = "--assume: unknown predicate '" + atom.predicate.text + "'";
    return std::nullopt;
  }
  if (pred->second.params.size() != atom.args.size()) {
    error = "--assume: '" + atom.predicate.text + "' takes " + std::to_string(pred->second.params.size()) + " arguments";
    return std::nullopt;
  }
  for (const auto& t : atom.args) {
    if (t.variable || !program.entities.count(t.name)) {
      error = "--assume: unknown entity '" + t.name + "'";
      return std::nullopt;
    }
  }
  return atom;
}

std::optional<ast::Date> parse_date_option(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || text.size() != 10) return std::nullopt;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
  return ast::Date{y, m, d};
}

} // namespace

// Builds the judge's options from the command line, checking every name.
bool make_judge_options(const JudgeCommandOptions& o, const Program& program, JudgeOptions& out, std::ostream& err) {
  bool ok = true;
  auto fail = [&](const std::string& message) {
    err << "imputa: " << message << "\n";
    ok = false;
  };
  if (o.standard) {
    if (!program.standards.count(*o.standard)) fail("unknown standard '" + *o.standard + "'");
    out.standard = o.standard;
  }
  for (const auto& sel : o.doctrine) {
    auto eq = sel.find('=');
    if (eq == std::string::npos) {
      fail("--doctrine takes FAMILY=ALTERNATIVE, not '" + sel + "'");
      continue;
    }
    std::string family = sel.substr(0, eq), alt = sel.substr(eq + 1);
    auto it = program.doctrines.find(family);
    if (it == program.doctrines.end()) fail("unknown doctrine family '" + family + "'");
    else if (std::find(it->second.alternatives.begin(), it->second.alternatives.end(), alt) == it->second.alternatives.end())
      fail("'" + alt + "' is not an alternative of doctrine family '" + family + "'");
    else out.doctrine[family] = alt;
  }
  for (const auto& text : o.assume) {
    std::string error;
    if (auto atom = parse_atom_option(text, program, error)) out.assume.push_back(*atom);
    else fail(error);
  }
  for (const auto& id : o.drop) out.drop.push_back(id);
  if (o.as_of) {
    if (auto d = parse_date_option(*o.as_of)) out.as_of = d;
    else fail("--as-of takes a date YYYY-MM-DD, not '" + *o.as_of + "'");
  }
  for (const auto& id : o.claims) {
    bool known = std::any_of(program.claims.begin(), program.claims.end(), [&](const ClaimItem& c) { return c.id == id; });
    if (!known) fail("there is no claim '" + id + "'");
    out.claims.push_back(id);
  }
  out.timeout = std::chrono::milliseconds(o.timeout_ms);
  out.jobs = o.jobs;
  return ok;
}

namespace {

// --color auto: only at a terminal, and not when NO_COLOR is set or TERM=dumb.
bool colour_wanted(const std::string& choice, int fd) {
  if (choice != "auto") return choice == "always";
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(fd) && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
}

// "judging 12/40 claims, 3.2 s" on stderr, once a run has taken more than a
// second and only at a terminal; erased when the run ends.
class ProgressLine {
public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { clear(); }

  // Called by the judge, serialized.
  void update(std::size_t done, std::size_t total) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    double seconds = std::chrono::duration<double>(now - start_).count();
    // Not before a second has passed, then at most ten redraws a second.
    if (seconds < 1.0 || (done < total && now - drawn_ < std::chrono::milliseconds(100))) return;
    drawn_ = now;
    char line[96];
    std::snprintf(line, sizeof line, "\rjudging %zu/%zu claims, %.1f s\033[K", done, total, seconds);
    std::cerr << line << std::flush;
    shown_ = true;
  }
  void clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point drawn_{};
};

} // namespace

int run_judge(const JudgeCommandOptions& o, bool explain) {
  std::vector<std::pair<std::string, Report>> reports;
  bool any_input_error = false, all_met = true;
  render::Style style;
  style.color = colour_wanted(o.common.color, STDOUT_FILENO);
  style.detail = explain;
  style.timings = o.timings;
  if (o.format != "text") style.color = false;
  for (const auto& path : o.common.files) {
    auto started = std::chrono::steady_clock::now();
    CheckedCase c = load_and_check(path, o.common);
    spdlog::info("{}: parse and check {:.1f} ms ({} files read, {} rules, {} evidence items, {} claims)", path,
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count(),
                 c.sources.files.size(), c.program.rules.size(), c.program.evidence.size(), c.program.claims.size());
    if (report_diagnostics(c, o.common, std::cerr)) {
      any_input_error = true;
      continue;
    }
    JudgeOptions options;
    if (!make_judge_options(o, c.program, options, std::cerr)) {
      any_input_error = true;
      continue;
    }
    Diagnostics ground_diags;
    ProgressLine progress(!o.common.quiet && isatty(STDERR_FILENO));
    options.progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
    Report report = judge(c.program, options, ground_diags);
    progress.clear();
    spdlog::info("{}: ground {:.1f} ms ({} ground atoms), solve {:.1f} ms ({} claims, {} jobs)", path,
                 report.ground_ms, report.ground_atoms, report.solve_ms, report.claims.size(), options.jobs);
    if (ground_diags.has_errors()) {
      ground_diags.sort(c.sources);
      for (const auto& d : ground_diags.items()) std::cerr << render_diagnostic(d, c.sources);
      any_input_error = true;
      continue;
    }
    for (const auto& claim : report.claims)
      if (!claim.as_expected) all_met = false;
    if (o.format == "text") std::cout << render::text(report, path, style) << (o.common.files.size() > 1 ? "\n" : "");
    else if (o.format == "markdown") std::cout << render::markdown(report, path, style);
    reports.emplace_back(path, std::move(report));
  }
  if (o.format == "json" && !reports.empty()) std::cout << render::json(reports, style);
  if (any_input_error) return input_error;
  return all_met ? ok : unmet;
}

} // namespace imputa::cli
