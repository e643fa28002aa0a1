// `imputa fmt`: canonical layout in place, written atomically (temporary file,
// then rename), and never to a file that did not parse.
#include "commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

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
      diags.sort(sources);
      for (const auto& d : diags.items())
        if (d.severity == Severity::error) std::cerr << render_diagnostic(d, sources);
      std::cerr << "imputa fmt: '" << path << "' was not changed because it could not be read\n";
      exit = input_error;
      continue;
    }
    const ast::File& file = files.back();
    std::string formatted = format::format_file(file, sources);
    if (formatted == sources.files[own].text) continue;
    if (options.check) {
      std::cout << "would reformat " << path << "\n";
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
