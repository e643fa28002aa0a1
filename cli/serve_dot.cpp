// Inside `imputa serve`: a DOT graph turned into SVG by Graphviz's `dot`,
// fed on stdin with fixed arguments (no shell, no file), stopped if it runs
// longer than a page can wait.
#include "serve_case.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace imputa::cli::serve {
namespace {

constexpr auto dot_time_limit = std::chrono::seconds(20);
constexpr std::size_t max_svg_bytes = 32u * 1024u * 1024u;

struct Pipe {
  int fd[2] = {-1, -1};
  bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  ~Pipe() {
    close_end(0);
    close_end(1);
  }
};

} // namespace

bool dot_to_svg(const std::string& dot, std::string& svg, std::string& error) {
  Pipe in, out, err;
  if (!in.open() || !out.open() || !err.open()) {
    error = std::strerror(errno);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
  char arg0[] = "dot", arg1[] = "-Tsvg";
  char* argv[] = {arg0, arg1, nullptr};
  pid_t pid = -1;
  int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    error = "cannot run dot (Graphviz): " + std::string(std::strerror(spawned));
    return false;
  }
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);

  // Write stdin while reading stdout and stderr, so that neither side blocks.
  const auto deadline = std::chrono::steady_clock::now() + dot_time_limit;
  std::size_t written = 0;
  std::string errors;
  ::fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  if (dot.empty()) in.close_end(1);
  bool timed_out = false;
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    pollfd fds[3];
    nfds_t n = 0;
    if (in.fd[1] >= 0) fds[n++] = {in.fd[1], POLLOUT, 0};
    if (out.fd[0] >= 0) fds[n++] = {out.fd[0], POLLIN, 0};
    if (err.fd[0] >= 0) fds[n++] = {err.fd[0], POLLIN, 0};
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    if (::poll(fds, n, static_cast<int>(left.count())) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in.fd[1]) {
        ssize_t k = ::write(in.fd[1], dot.data() + written, dot.size() - written);
        if (k > 0) written += static_cast<std::size_t>(k);
        if (k < 0 && errno != EAGAIN) in.close_end(1);
        if (written == dot.size()) in.close_end(1);
        continue;
      }
      char buf[65536];
      ssize_t k = ::read(fds[i].fd, buf, sizeof buf);
      bool is_out = fds[i].fd == out.fd[0];
      if (k <= 0) {
        if (k < 0 && errno == EINTR) continue;
        (is_out ? out : err).close_end(0);
        continue;
      }
      (is_out ? svg : errors).append(buf, static_cast<std::size_t>(k));
      if (svg.size() > max_svg_bytes) {
        timed_out = true;
        break;
      }
    }
    if (timed_out) break;
  }
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    error = "dot took too long or drew too much";
    return false;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = errors.empty() ? "dot failed" : errors;
    return false;
  }
  return true;
}

} // namespace imputa::cli::serve
