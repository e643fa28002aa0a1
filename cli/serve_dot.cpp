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

// Starts `dot -Tsvg` with its stdin, stdout and stderr on the pipes; -1 with `error`.
pid_t spawn_dot(Pipe& in, Pipe& out, Pipe& err, std::string& error) {
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
    return -1;
  }
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);
  return pid;
}

// One conversation with a running dot: the DOT written to its stdin while its
// stdout and stderr are read, so that neither side blocks.
class Exchange {
public:
  Exchange(const std::string& dot, Pipe& in, Pipe& out, Pipe& err) : dot_(dot), in_(in), out_(out), err_(err) {
    ::fcntl(in_.fd[1], F_SETFL, O_NONBLOCK);
    if (dot_.empty()) in_.close_end(1);
  }

  // Until dot closes its output; false if it ran out of time or drew too much.
  bool run(std::string& svg, std::string& errors) {
    const auto deadline = std::chrono::steady_clock::now() + dot_time_limit;
    while (out_.fd[0] >= 0 || err_.fd[0] >= 0) {
      pollfd fds[3];
      nfds_t n = 0;
      if (in_.fd[1] >= 0) fds[n++] = {in_.fd[1], POLLOUT, 0};
      if (out_.fd[0] >= 0) fds[n++] = {out_.fd[0], POLLIN, 0};
      if (err_.fd[0] >= 0) fds[n++] = {err_.fd[0], POLLIN, 0};
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      if (::poll(fds, n, static_cast<int>(left.count())) < 0) {
        if (errno == EINTR) continue;
        return true;
      }
      for (nfds_t i = 0; i < n; ++i)
        if (fds[i].revents && !serve(fds[i].fd, svg, errors)) return false;
    }
    return true;
  }

private:
  // One ready descriptor: write more DOT, or read SVG or errors; false if the SVG is too large.
  bool serve(int fd, std::string& svg, std::string& errors) {
    if (fd == in_.fd[1]) {
      ssize_t k = ::write(fd, dot_.data() + written_, dot_.size() - written_);
      if (k > 0) written_ += static_cast<std::size_t>(k);
      if ((k < 0 && errno != EAGAIN) || written_ == dot_.size()) in_.close_end(1);
      return true;
    }
    char buf[65536];
    ssize_t k = ::read(fd, buf, sizeof buf);
    const bool is_out = fd == out_.fd[0];
    if (k <= 0) {
      if (!(k < 0 && errno == EINTR)) (is_out ? out_ : err_).close_end(0);
      return true;
    }
    (is_out ? svg : errors).append(buf, static_cast<std::size_t>(k));
    return svg.size() <= max_svg_bytes;
  }

  const std::string& dot_;
  Pipe &in_, &out_, &err_;
  std::size_t written_ = 0;
};

} // namespace

bool dot_to_svg(const std::string& dot, std::string& svg, std::string& error) {
  Pipe in, out, err;
  if (!in.open() || !out.open() || !err.open()) {
    error = std::strerror(errno);
    return false;
  }
  const pid_t pid = spawn_dot(in, out, err, error);
  if (pid < 0) return false;
  std::string errors;
  const bool finished = Exchange(dot, in, out, err).run(svg, errors);
  if (!finished) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished) {
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
