// `imputa serve`: a local web page to explore a case (docs/serve.md). The
// server reads case files under one folder, judges them with what-if
// parameters and answers in JSON (the imputa-report/1 report, the claim
// sections of the HTML report) and SVG (a claim's graph). It never writes a file.
#pragma once

#include "commands.hpp"

#include <memory>
#include <string>

namespace imputa::cli {

struct ServeOptions {
  std::string target = ".";       // a case file, or a folder of them
  std::string host = "127.0.0.1"; // loopback unless the user says otherwise (with a warning)
  int port = 8017;                // 0: any free port
  JudgeCommandOptions judge;      // reading and judging options, as check takes them
};

int run_serve(const ServeOptions& options);

namespace serve {

// The limits of a request (docs/serve.md, "Safety").
inline constexpr std::size_t max_body_bytes = 16 * 1024;
inline constexpr std::size_t max_parameters = 64;
inline constexpr std::size_t max_parameter_bytes = 512;
inline constexpr std::size_t max_listed_files = 2000;

// The server, for `run_serve` and for tests that start it in-process.
class Server {
public:
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Checks the target and binds; returns the port, or -1 with `error` in words.
  int bind(std::string& error);
  // Serves until stop() (from another thread or a signal).
  void run();
  void stop();
  // The page's address, e.g. http://127.0.0.1:8017/
  std::string url() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace serve
} // namespace imputa::cli
