// Loading a case: the library, then imports depth-first (each file once),
// then the top-level file. Imports stay inside the top-level file's directory tree.
#include "imputa/dsl.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace imputa::detail {
extern const std::string_view gge2015_library;
}

namespace imputa::parse {
namespace fs = std::filesystem;

std::string_view shipped_library() { return detail::gge2015_library; }

namespace {

struct Loader {
  Sources& sources;
  Diagnostics& diags;
  fs::path root;                       // canonical directory of the top-level file
  std::vector<fs::path> stack;         // canonical paths being loaded, for cycles
  std::vector<fs::path> done;          // canonical paths already loaded
  std::vector<ast::File> files;

  // Reads a file into Sources; on failure reports at `at` and returns nullopt.
  std::optional<std::uint32_t> read(const fs::path& path, const std::string& shown, const SourceSpan* at) {
    std::error_code ec;
    auto report = [&](const std::string& message) {
      if (at) {
        diags.error("E010", *at, message);
      } else {
        auto id = sources.add({shown, "", false});
        diags.error("E010", SourceSpan{id, 1, 1, 0}, message);
      }
    };
    if (!fs::is_regular_file(path, ec)) {
      report(fs::exists(path, ec) ? "'" + shown + "' is not a file" : "cannot find the file '" + shown + "'");
      return std::nullopt;
    }
    auto size = fs::file_size(path, ec);
    if (!ec && size > max_file_bytes) {
      // Not read: parse_file reports E013 from the size alone.
      auto id = sources.add({shown, std::string(), false});
      diags.error("E013", SourceSpan{id, 1, 1, 0},
                  "this file is " + std::to_string(size) + " bytes; case files may be at most " +
                      std::to_string(max_file_bytes) + " bytes (8 MiB)",
                  {"split the case into several files joined with import"});
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      report("cannot read the file '" + shown + "'");
      return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return sources.add({shown, std::move(text).str(), false});
  }

  void load_file(std::uint32_t id, const fs::path& canonical) {
    stack.push_back(canonical);
    ast::File file = parse_file(sources, id, diags);
    fs::path dir = canonical.parent_path();
    for (const auto& statement : file.statements) {
      if (const auto* import = std::get_if<ast::Import>(&statement)) load_import(*import, dir);
    }
    stack.pop_back();
    done.push_back(canonical);
    files.push_back(std::move(file));
  }

  void load_import(const ast::Import& import, const fs::path& dir) {
    std::error_code ec;
    fs::path target = fs::weakly_canonical(dir / import.path, ec);
    if (ec || fs::path(import.path).is_absolute()) {
      diags.error("E010", import.span, "imports take a path relative to the importing file, not '" + import.path + "'");
      return;
    }
    auto [root_end, target_it] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    if (root_end != root.end()) {
      diags.error("E010", import.span,
                  "'" + import.path + "' leaves the directory of the case file; imports must stay inside it");
      return;
    }
    for (std::size_t i = 0; i < stack.size(); ++i) {
      if (stack[i] != target) continue;
      std::string chain;
      for (std::size_t k = i; k < stack.size(); ++k) chain += display(stack[k]) + " -> ";
      chain += display(target);
      diags.error("E010", import.span, "import cycle: " + chain);
      return;
    }
    if (std::find(done.begin(), done.end(), target) != done.end()) return; // imported twice: once is enough
    auto shown = display(target);
    auto id = read(target, shown, &import.span);
    if (id) load_file(*id, target);
  }

  std::string display(const fs::path& canonical) const {
    auto rel = canonical.lexically_relative(root);
    return rel.empty() ? canonical.string() : rel.string();
  }
};

void load_library(const LoadOptions& options, Loader& loader) {
  if (!options.with_library) return;
  if (options.library_path) {
    auto id = loader.read(*options.library_path, *options.library_path, nullptr);
    if (!id) return;
    loader.sources.files[*id].library = true;
    loader.files.push_back(parse_file(loader.sources, *id, loader.diags));
    return;
  }
  auto id = loader.sources.add({"<library gge2015>", std::string(shipped_library()), true});
  loader.files.push_back(parse_file(loader.sources, id, loader.diags));
}

} // namespace

std::vector<ast::File> load(const std::string& path, const LoadOptions& options, Sources& sources,
                            Diagnostics& diags) {
  Loader loader{sources, diags, {}, {}, {}, {}};
  load_library(options, loader);
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::path(path), ec);
  if (ec) canonical = fs::absolute(path);
  loader.root = canonical.parent_path();
  auto id = loader.read(path, path, nullptr);
  if (!id) return std::move(loader.files);
  // The top-level file is shown as the user typed it; imports relative to its directory.
  loader.load_file(*id, canonical);
  return std::move(loader.files);
}

std::vector<ast::File> load_text(const std::string& path, std::string text, const LoadOptions& options,
                                 Sources& sources, Diagnostics& diags) {
  Loader loader{sources, diags, {}, {}, {}, {}};
  load_library(options, loader);
  fs::path canonical = fs::absolute(fs::path(path)).lexically_normal();
  std::error_code ec;
  if (auto c = fs::weakly_canonical(canonical, ec); !ec) canonical = c;
  loader.root = canonical.parent_path();
  auto id = sources.add({path, std::move(text), false});
  loader.load_file(id, canonical);
  return std::move(loader.files);
}

} // namespace imputa::parse
