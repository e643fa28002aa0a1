// `imputa fmt`: canonical layout in place, written atomically (temporary file,
// then rename), and never to a file that did not parse.
#include "commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string_view>
#include <vector>

namespace imputa::cli {
namespace fs = std::filesystem;
namespace {

// Writes `text` beside `path` and renames it over `path`, keeping its permissions:
// an interrupted run leaves either the old file or the new one, never half of one.
bool write_atomically(const fs::path& path, const std::string& text, std::string& error) {
  std::random_device rd;
  fs::path tmp = path;
  tmp += ".imputa-fmt-" + std::to_string(rd()) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      error = "cannot write beside '" + path.string() + "'";
      return false;
    }
    out << text;
    out.flush();
    if (!out) {
      error = "writing '" + tmp.string() + "' failed";
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(tmp, fs::status(path, ec).permissions(), ec);
  fs::rename(tmp, path, ec);
  if (ec) {
    error = "cannot replace '" + path.string() + "': " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    auto nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
  return out;
}

// One line of a diff: ' ' kept, '-' removed, '+' added.
using EditScript = std::vector<std::pair<char, std::string_view>>;

// The lines of `before` and `after` in order, each kept, removed or added:
// the longest common subsequence of lines between the common head and tail,
// or a whole-block replacement when the middle is too large for the table.
EditScript edit_script(std::string_view before, std::string_view after) {
  auto a = lines_of(before), b = lines_of(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  EditScript script;
  for (std::size_t i = 0; i < head; ++i) script.emplace_back(' ', a[i]);
  if (n * m <= 4'000'000) {
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        script.emplace_back(' ', a[head + i]);
        ++i, ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        script.emplace_back('-', a[head + i++]); // removals before additions, as diff -u prints them
      } else {
        script.emplace_back('+', b[head + j++]);
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) script.emplace_back('-', a[head + i]);
    for (std::size_t j = 0; j < m; ++j) script.emplace_back('+', b[head + j]);
  }
  for (std::size_t i = a.size() - tail; i < a.size(); ++i) script.emplace_back(' ', a[i]);
  return script;
}

// The hunk of `script` that covers [start, end): its @@ header and lines.
std::string hunk(const EditScript& script, std::size_t start, std::size_t end) {
  std::size_t old_line = 1, new_line = 1;
  for (std::size_t x = 0; x < start; ++x) {
    if (script[x].first != '+') ++old_line;
    if (script[x].first != '-') ++new_line;
  }
  std::size_t old_count = 0, new_count = 0;
  std::string body;
  for (std::size_t x = start; x < end; ++x) {
    if (script[x].first != '+') ++old_count;
    if (script[x].first != '-') ++new_count;
    body += script[x].first;
    body += script[x].second;
    body += '\n';
  }
  return fmt::format("@@ -{},{} +{},{} @@\n", old_line, old_count, new_line, new_count) + body;
}

// What `fmt` would change, as a unified diff with two lines of context.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  constexpr std::size_t context = 2;
  const EditScript script = edit_script(before, after);
  std::string out = "--- " + path + "\n+++ " + path + " (formatted)\n";
  std::size_t k = 0;
  while (k < script.size()) {
    if (script[k].first == ' ') {
      ++k;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines
    // after the last change that is at most 2 * context lines further on.
    std::size_t start = k >= context ? k - context : 0, end = k;
    while (end < script.size()) {
      std::size_t next = end;
      while (next < script.size() && script[next].first == ' ') ++next;
      if (next == script.size() || next - end > 2 * context) break;
      end = next;
      while (end < script.size() && script[end].first != ' ') ++end;
    }
    end = std::min(script.size(), end + context);
    out += hunk(script, start, end);
    k = end;
  }
  return out;
}

} // namespace

int run_fmt(const FmtOptions& options) {
  int exit = ok;
  for (const auto& path : options.common.files) {
    // Only syntax matters for layout: no library, no checks.
    Sources sources;
    Diagnostics diags;
    parse::LoadOptions load_options;
    load_options.with_library = false;
    auto files = parse::load(path, load_options, sources, diags);
    // Import problems belong to lint; fmt cares that this file itself parses.
    bool own_errors = false;
    std::uint32_t own = files.empty() ? 0 : files.back().file;
    for (const auto& d : diags.items())
      if (d.severity == Severity::error && (files.empty() || d.span.file == own) && d.code != "E010") own_errors = true;
    if (files.empty() || own_errors) {
      CommonOptions errors_only = options.common;
      errors_only.quiet = true;
      print_diagnostics(diags, sources, errors_only, std::cerr);
      std::cerr << "imputa fmt: '" << path << "' was not changed because it could not be read\n";
      exit = input_error;
      continue;
    }
    const ast::File& file = files.back();
    std::string formatted = format::format_file(file, sources);
    if (formatted == sources.files[own].text) continue;
    if (options.check) {
      std::cout << "would reformat " << path << "\n" << unified_diff(path, sources.files[own].text, formatted);
      if (exit == ok) exit = unmet;
      continue;
    }
    std::string error;
    if (!write_atomically(path, formatted, error)) {
      std::cerr << "imputa fmt: " << error << "\n";
      exit = input_error;
    } else if (!options.common.quiet) {
      std::cout << "formatted " << path << "\n";
    }
  }
  return exit;
}

} // namespace imputa::cli
