// `imputa check` and `imputa explain`: read, check, judge, render; and the
// judging options of every command turned into JudgeOptions, word by word.
#include "commands.hpp"
#include "render.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <unistd.h>

namespace imputa::cli {
namespace {

// The command line as sources, so that a misspelt word on it is reported like
// the same word in a file: `command line:1:8: error: ...`, a caret, a hint.
struct CommandLine {
  Sources sources;

  // `option value` as one quoted line; the span of `value` on it.
  check::Word word(const std::string& option, const std::string& value) {
    auto id = sources.add({"command line", option + " " + value, false});
    return {value, SourceSpan{id, 1, static_cast<std::uint32_t>(option.size() + 2),
                              static_cast<std::uint32_t>(value.size())}};
  }
  SourceSpan at(const check::Word& w, std::size_t offset, std::size_t length) const {
    SourceSpan s = w.span;
    s.column += static_cast<std::uint32_t>(offset);
    s.length = static_cast<std::uint32_t>(length);
    return s;
  }
};

// Reads a command-line atom (`--assume organ_of(gru, rus)`) with the case
// language's own parser; spans are moved onto the quoted command line.
std::optional<ast::Atom> parse_atom_option(CommandLine& line, const check::Word& word, Diagnostics& diags) {
  static constexpr std::string_view prefix = "fact ";
  Sources parsed;
  Diagnostics parse_diags;
  auto id = parsed.add({"command line", std::string(prefix) + word.text + ".", false});
  ast::File file = parse::parse_file(parsed, id, parse_diags);
  const ast::Fact* fact = file.statements.size() == 1 ? std::get_if<ast::Fact>(&file.statements.front()) : nullptr;
  if (parse_diags.has_errors() || !fact || fact->numeric || fact->formula.kind != ast::Formula::Kind::atom) {
    diags.error("E001", word.span, "'" + word.text + "' is not an atom such as organ_of(gru, rus)");
    return std::nullopt;
  }
  ast::Atom atom = fact->formula.atom;
  auto relocate = [&](ast::Pos& p) {
    std::size_t offset = p.column > prefix.size() ? p.column - 1 - prefix.size() : 0;
    p = line.at(word, offset, p.length);
  };
  relocate(atom.span);
  relocate(atom.predicate.span);
  for (auto& t : atom.args) relocate(t.span);
  return atom;
}

} // namespace

// Builds the judge's options from the command line, checking every word as
// the same word in a file is checked (E002 with "did you mean").
bool make_judge_options(const JudgeCommandOptions& o, const Program& program, JudgeOptions& out, std::ostream& err) {
  CommandLine line;
  Diagnostics diags;
  if (o.standard) {
    auto w = line.word("--standard", *o.standard);
    if (check::resolve_standard(program, w, diags)) out.standard = o.standard;
  }
  for (const auto& sel : o.doctrine) {
    auto w = line.word("--doctrine", sel);
    auto eq = sel.find('=');
    if (eq == std::string::npos) {
      diags.error("E001", w.span, "--doctrine takes FAMILY=ALTERNATIVE, e.g. control=overall_control, not '" + sel + "'");
      continue;
    }
    check::Word family{sel.substr(0, eq), line.at(w, 0, eq)};
    check::Word alt{sel.substr(eq + 1), line.at(w, eq + 1, sel.size() - eq - 1)};
    if (check::resolve_doctrine(program, family, alt, diags)) out.doctrine[family.text] = alt.text;
  }
  for (const auto& text : o.assume) {
    auto w = line.word("--assume", text);
    if (auto atom = parse_atom_option(line, w, diags); atom && check::resolve_ground_atom(program, *atom, diags))
      out.assume.push_back(*atom);
  }
  for (const auto& id : o.drop)
    if (auto dropped = check::resolve_drop(program, line.word("--drop", id), diags)) out.drop.push_back(*dropped);
  if (o.as_of) {
    auto w = line.word("--as-of", *o.as_of);
    if (auto d = check::resolve_date(w, diags)) out.as_of = d;
  }
  for (const auto& id : o.claims)
    if (check::resolve_claim(program, line.word(o.claims_option, id), diags)) out.claims.push_back(id);
  out.timeout = std::chrono::milliseconds(o.timeout_ms);
  out.jobs = o.jobs;
  print_diagnostics(diags, line.sources, o.common, err);
  return !diags.has_errors();
}

namespace {

// How many routes to a verdict (its support and the others, on other evidence)
// explain shows without --all; check shows three (JudgeOptions' default).
constexpr std::size_t explain_routes = 10;

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
    std::cerr << fmt::format("\rjudging {}/{} claims, {:.1f} s\033[K", done, total, seconds) << std::flush;
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
    // Judging reads the checked program only: the syntax tree's memory goes
    // back to the allocator for grounding to reuse (at 4,000 operations it
    // is about 90 MiB; docs/performance.md, "The size of the syntax tree").
    c.files = {};
    JudgeOptions options;
    if (!make_judge_options(o, c.program, options, std::cerr)) {
      any_input_error = true;
      continue;
    }
    if (explain) { // every other route, counted; the first ten routes shown unless --all
      options.other_supports = o.all_routes ? std::numeric_limits<std::size_t>::max() : explain_routes - 1;
      options.count_other_supports = true;
    }
    Diagnostics ground_diags;
    ProgressLine progress(progress_wanted(o.common.quiet, STDERR_FILENO));
    options.progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
    Report report = judge(c.program, options, ground_diags);
    progress.clear();
    if (report_errors(ground_diags, c.sources, o.common, std::cerr)) { // refused by grounding: nothing was timed
      any_input_error = true;
      continue;
    }
    spdlog::info("{}: ground {:.1f} ms ({} ground atoms), solve {:.1f} ms ({} claims, {} jobs)", path,
                 report.ground_ms, report.ground_atoms, report.solve_ms, report.claims.size(), options.jobs);
    for (const auto& claim : report.claims)
      if (!claim.as_expected) all_met = false;
    if (o.format == "text") std::cout << render::text(report, path, style) << (o.common.files.size() > 1 ? "\n" : "");
    else if (o.format == "markdown") std::cout << render::markdown(report, path, style);
    else if (o.format == "html") std::cout << render::html(report, path, style);
    reports.emplace_back(path, std::move(report));
  }
  if (o.format == "json" && !reports.empty()) std::cout << render::json(reports, style);
  if (any_input_error) return input_error;
  return all_met ? ok : unmet;
}

} // namespace imputa::cli
