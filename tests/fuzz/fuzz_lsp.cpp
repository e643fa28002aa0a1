// libFuzzer target: arbitrary bytes through the language server's message
// layer (framing, JSON-RPC dispatch, every request on an open document),
// without stdio and without judging, so that each input takes milliseconds.
// Whatever arrives, the server answers with JSON or ignores it; it never
// crashes, hangs or throws.
#include "lsp.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace {

using imputa::cli::lsp::json;
namespace lsp = imputa::cli::lsp;

std::string framed(const json& message) { return lsp::frame(message); }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::size_t sent = 0;
  lsp::ServerOptions options;
  options.judge = false;
  // Documents are checked against the library for one input in eight (chosen
  // by its bytes, so a rerun does the same): it costs ten times the rest.
  options.library = std::hash<std::string>{}(input) % 8 == 0;
  lsp::Server server([&](const json& m) { sent += lsp::frame(m).size(); }, options);

  // 1. The bytes as a stream of framed messages, after initialize.
  std::string stream = framed({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", json::object()}});
  stream += input;
  std::string body, error;
  for (int i = 0; i < 64 && !server.exited(); ++i) {
    auto f = lsp::take_frame(stream, body, error);
    if (f != lsp::Frame::message) break;
    server.receive(body);
  }

  // 2. The bytes as one message body.
  server.receive(input);

  // 3. The bytes as a document, with a request of each kind at a position they choose.
  const std::string uri = "file:///fuzz/case.imputa";
  server.receive(json({{"jsonrpc", "2.0"},
                       {"method", "textDocument/didOpen"},
                       {"params", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", input}}}}}})
                     .dump(-1, ' ', false, json::error_handler_t::replace));
  const int line = size > 0 ? data[0] % 64 : 0;
  const int character = size > 1 ? data[1] % 128 : 0;
  int id = 1;
  for (const char* method : {"textDocument/hover", "textDocument/definition", "textDocument/completion",
                             "textDocument/documentSymbol", "textDocument/formatting", "textDocument/prepareRename",
                             "textDocument/codeLens"}) {
    server.receive(json({{"jsonrpc", "2.0"},
                         {"id", id++},
                         {"method", method},
                         {"params", {{"textDocument", {{"uri", uri}}},
                                     {"position", {{"line", line}, {"character", character}}}}}})
                       .dump());
  }
  server.receive(json({{"jsonrpc", "2.0"},
                       {"id", id++},
                       {"method", "textDocument/rename"},
                       {"params", {{"textDocument", {{"uri", uri}}},
                                   {"position", {{"line", line}, {"character", character}}},
                                   {"newName", "renamed"}}}})
                     .dump());
  if (sent == 0) __builtin_trap(); // initialize always answers
  return 0;
}
