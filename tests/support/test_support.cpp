// Test helpers: files, temporary folders, running the real binary.
#include "test_support.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace imputa::testing {
namespace fs = std::filesystem;

fs::path source_dir() { return fs::path(IMPUTA_SOURCE_DIR); }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

fs::path temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("imputa-test-" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

namespace {
std::string slurp(int fd) {
  std::string out;
  std::array<char, 65536> buf{};
  ssize_t n;
  while ((n = read(fd, buf.data(), buf.size())) > 0) out.append(buf.data(), static_cast<std::size_t>(n));
  return out;
}
} // namespace

RunResult run_program(const std::string& binary, const std::vector<std::string>& args, const std::string& stdin_text,
                      const fs::path& working_dir) {
  // stdout and stderr go to temporary files so that large outputs cannot deadlock pipes.
  fs::path dir = fs::temp_directory_path() / ("imputa-run-" + std::to_string(getpid()));
  fs::create_directories(dir);
  fs::path out_path = dir / "out", err_path = dir / "err", in_path = dir / "in";
  write_file(in_path, stdin_text);
  pid_t pid = fork();
  if (pid == 0) {
    int in = open(in_path.c_str(), O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (!working_dir.empty() && chdir(working_dir.c_str()) != 0) _exit(126);
    std::vector<char*> argv;
    std::string program = binary;
    argv.push_back(program.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  int fd = open(out_path.c_str(), O_RDONLY);
  r.out = slurp(fd);
  close(fd);
  fd = open(err_path.c_str(), O_RDONLY);
  r.err = slurp(fd);
  close(fd);
  return r;
}

RunResult run_imputa(const std::vector<std::string>& args, const std::string& stdin_text, const fs::path& working_dir) {
  return run_program(IMPUTA_BINARY, args, stdin_text, working_dir);
}

std::vector<fs::path> imputa_files(const std::vector<std::string>& subdirs) {
  std::vector<fs::path> out;
  for (const auto& sub : subdirs) {
    fs::path dir = source_dir() / sub;
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().extension() == ".imputa") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string line_diff(const std::string& expected, const std::string& actual) {
  auto lines = [](const std::string& s) {
    std::vector<std::string> v;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) v.push_back(l);
    return v;
  };
  auto e = lines(expected), a = lines(actual);
  std::string out;
  std::size_t n = std::max(e.size(), a.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::string el = i < e.size() ? e[i] : "<none>", al = i < a.size() ? a[i] : "<none>";
    if (el != al) out += "line " + std::to_string(i + 1) + ":\n  - " + el + "\n  + " + al + "\n";
  }
  return out.empty() ? "(no line differs; check trailing newline)" : out;
}

} // namespace imputa::testing
