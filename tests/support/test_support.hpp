// Helpers shared by the test rooms: reading files, running the imputa binary.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace imputa::testing {

// Built with AddressSanitizer: sanitizers multiply memory and time, so time
// and memory bounds are checked in plain builds only.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool sanitized = true;
#else
inline constexpr bool sanitized = false;
#endif
#else
inline constexpr bool sanitized = false;
#endif

// Under sanitizers, a sweep that starts a process (or judges a case again)
// for each claim of every example takes every other one, or (the heaviest)
// one in four; sweeps of the same kind take disjoint parts. What a
// sanitizer adds is memory and undefined-behaviour errors, which a sample
// of the examples reaches; the plain suite takes them all. (Those sweeps
// were over half of the sanitizer suite's time: docs/building.md.)
inline bool in_sanitized_share(std::size_t index, std::size_t share, std::size_t part) {
  return !sanitized || index % share == part;
}
inline bool in_sanitized_half(std::size_t index, std::size_t half = 0) { return in_sanitized_share(index, 2, half); }

// The repository root (tests run from anywhere).
std::filesystem::path source_dir();

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);

// A fresh empty directory under the system temp dir, removed at exit of the test binary.
std::filesystem::path temp_dir(const std::string& name);

struct RunResult {
  int exit_code = -1;
  std::string out; // stdout
  std::string err; // stderr
};

// Runs `binary` with `args` (no shell), capturing both streams; in
// `working_dir` when one is given, so that relative paths print as a user types them.
RunResult run_program(const std::string& binary, const std::vector<std::string>& args,
                      const std::string& stdin_text = "", const std::filesystem::path& working_dir = {});

// Runs the built `imputa` binary, as run_program does.
RunResult run_imputa(const std::vector<std::string>& args, const std::string& stdin_text = "",
                     const std::filesystem::path& working_dir = {});

// Every tracked `*.imputa` file under the given repo subdirectories.
std::vector<std::filesystem::path> imputa_files(const std::vector<std::string>& subdirs);

// A unified-ish line diff for golden-test failure messages.
std::string line_diff(const std::string& expected, const std::string& actual);

} // namespace imputa::testing
