// `imputa lsp`: the language server on stdin and stdout. Reads framed
// messages, hands each to the server, and ends cleanly when the client says
// `exit`, disconnects, or sends a header that cannot be read.
#include "commands.hpp"
#include "lsp.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace imputa::cli {

namespace {

// Writes all of `bytes` to stdout; false once the client is gone.
bool write_all(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(STDOUT_FILENO, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

} // namespace

int run_lsp(const LspOptions& options) {
  std::signal(SIGPIPE, SIG_IGN); // a client that closed its end: write fails, we stop
  std::atomic<bool> client_gone{false}; // written by whichever thread sends, read by the loop
  lsp::ServerOptions server_options;
  server_options.timeout = std::chrono::milliseconds(options.timeout_ms);
  server_options.library = !options.no_library;
  server_options.library_path = options.library;
  lsp::Server server(
      [&](const lsp::json& message) {
        if (!client_gone && !write_all(lsp::frame(message))) client_gone = true;
      },
      server_options);
  std::string buffer, body, error;
  char chunk[65536];
  while (!server.exited() && !client_gone) {
    lsp::Frame f = lsp::take_frame(buffer, body, error);
    if (f == lsp::Frame::message) {
      server.receive(body);
      continue;
    }
    if (f == lsp::Frame::malformed) {
      spdlog::error("lsp: {}; the session ends", error);
      return input_error;
    }
    ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return server.exit_code() == 0 ? ok : unmet; // the client disconnected
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  return server.exit_code() == 0 ? ok : unmet;
}

} // namespace imputa::cli
