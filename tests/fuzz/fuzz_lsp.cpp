// libFuzzer target: arbitrary bytes through the language server's message
// layer (framing, JSON-RPC dispatch, every request on an open document),
// without stdio and without judging, so that each input takes milliseconds.
// Whatever arrives, the server answers with JSON or ignores it; it never
// crashes, hangs or throws.
#include "lsp.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace {

using imputa::cli::lsp::json;
namespace lsp = imputa::cli::lsp;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::size_t sent = 0;
  lsp::ServerOptions options;
  options.judge = false;
  // Chosen by the input's bytes, so that a rerun does the same: one input in
  // four is also read as a case file, one in 32 against the library (which
  // costs ten times the rest); the others meet a small fixed document.
  const std::size_t choice = std::hash<std::string>{}(input);
  const bool as_document = choice % 4 == 0;
  options.library = choice % 32 == 0;
  lsp::Server server([&](const json& m) { sent += lsp::frame(m).size(); }, options);

  server.receive(json({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", json::object()}}).dump());
  // A document: the bytes, or a small case.
  const std::string uri = "file:///fuzz/case.imputa";
  const std::string text = as_document ? input
                                       : "state rus \"Russia\".\nevidence e origin \"é\" {\n  supports "
                                         "originates_in(op, rus)\n  confidence likely\n}\n";
  server.receive(json({{"jsonrpc", "2.0"},
                       {"method", "textDocument/didOpen"},
                       {"params", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", text}}}}}})
                     .dump(-1, ' ', false, json::error_handler_t::replace));

  // 1. The bytes as a stream of framed messages.
  std::string stream = input;
  std::string body, error;
  for (int i = 0; i < 64 && !server.exited(); ++i) {
    auto f = lsp::take_frame(stream, body, error);
    if (f != lsp::Frame::message) break;
    server.receive(body);
  }

  // 2. The bytes as one message body, then each of their lines as one.
  server.receive(input);
  std::string_view rest = input;
  for (int i = 0; i < 16 && !rest.empty(); ++i) {
    auto nl = rest.find('\n');
    server.receive(rest.substr(0, nl));
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
  }

  // 3. A request of each kind on the document, at a position the bytes choose.
  const int line = size > 0 ? data[0] % 64 : 0;
  const int character = size > 1 ? data[1] % 128 : 0;
  int id = 1;
  for (const char* method : {"textDocument/hover", "textDocument/definition", "textDocument/completion",
                             "textDocument/documentSymbol", "textDocument/formatting", "textDocument/prepareRename",
                             "textDocument/codeLens", "textDocument/inlayHint"}) {
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
