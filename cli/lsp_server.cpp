// The language server's dispatch (LSP 3.17 over JSON-RPC 2.0): the lifecycle,
// the open documents (full-text sync), the requests, and the judging thread
// that puts a verdict beside each claim on save.
#include "lsp.hpp"
#include "sentences.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>
#include <set>

namespace imputa::cli::lsp {

namespace {

// JSON-RPC and LSP error codes.
enum Code : int {
  parse_error = -32700,
  invalid_request = -32600,
  method_not_found = -32601,
  invalid_params = -32602,
  internal = -32603,
  server_not_initialized = -32002,
  request_failed = -32803,
};

struct Error {
  int code;
  std::string message;
};

std::int64_t integer(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number_integer())
    throw Error{invalid_params, std::string("'") + key + "' must be an integer"};
  return j[key].get<std::int64_t>();
}

const std::string& string(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string())
    throw Error{invalid_params, std::string("'") + key + "' must be a string"};
  return j[key].get_ref<const std::string&>();
}

const json& object(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_object())
    throw Error{invalid_params, std::string("'") + key + "' must be an object"};
  return j[key];
}

// No LSP message nests deeply; nlohmann::json copies and destroys values
// recursively, so a deeper one is refused before it is parsed.
constexpr int max_json_depth = 64;

bool too_deep(std::string_view body) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_json_depth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

std::string path_for(const std::string& uri) {
  if (auto path = path_of_uri(uri)) return *path;
  return "untitled.imputa"; // untitled:, or another scheme: imports resolve from the working directory
}

} // namespace

Server::Server(Send send, ServerOptions options) : send_(std::move(send)), options_(std::move(options)) {
  library(); // read once now: a library file that cannot be read shows in the first document's diagnostics
  if (options_.judge) worker_ = std::thread([this] { judging_loop(); });
}

Server::~Server() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void Server::send(const json& message) {
  std::lock_guard lock(send_mutex_);
  send_(message);
}

void Server::respond(const json& id, json result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::fail(const json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::receive(std::string_view body) {
  if (too_deep(body)) {
    fail(nullptr, parse_error, "the message nests more than " + std::to_string(max_json_depth) + " levels deep");
    return;
  }
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    fail(nullptr, parse_error, "the message is not JSON");
    return;
  }
  dispatch(message);
}

void Server::dispatch(const json& message) {
  if (!message.is_object()) {
    fail(nullptr, invalid_request, "a message must be a JSON object");
    return;
  }
  const bool has_id = message.contains("id");
  json id = has_id ? message["id"] : json(nullptr);
  if (has_id && !id.is_string() && !id.is_number_integer() && !id.is_null()) {
    fail(nullptr, invalid_request, "'id' must be a number or a string");
    return;
  }
  if (!message.contains("method")) {
    if (has_id && (message.contains("result") || message.contains("error"))) return; // the client's answer to us
    fail(id, invalid_request, "a message without 'method'");
    return;
  }
  if (!message["method"].is_string()) {
    fail(id, invalid_request, "'method' must be a string");
    return;
  }
  const std::string& method = message["method"].get_ref<const std::string&>();
  const json params = message.contains("params") && !message["params"].is_null() ? message["params"] : json::object();
  if (!params.is_object() && !params.is_array()) {
    if (has_id) fail(id, invalid_request, "'params' must be an object or an array");
    return;
  }
  try {
    if (has_id) {
      respond(id, request(method, params));
    } else {
      notification(method, params);
    }
  } catch (const Error& e) {
    if (has_id) fail(id, e.code, e.message);
  } catch (const json::exception& e) {
    if (has_id) fail(id, invalid_params, e.what());
  } catch (const std::exception& e) {
    if (has_id) fail(id, internal, e.what());
  }
}

json Server::request(const std::string& method, const json& params) {
  if (method == "initialize") return initialize(params);
  if (!initialized_) throw Error{server_not_initialized, "the server is not initialized"};
  if (shutdown_) throw Error{invalid_request, "the server is shutting down"};
  if (method == "shutdown") {
    shutdown();
    return nullptr;
  }
  if (method == "imputa/library") return library_document();
  return document_request(method, params);
}

json Server::initialize(const json& params) {
  if (initialized_) throw Error{invalid_request, "initialize was already received"};
  initialized_ = true;
  if (params.is_object() && params.contains("capabilities")) {
    const json& caps = params["capabilities"];
    auto refresh = [&](const char* what) {
      return caps.is_object() && caps.contains("workspace") && caps["workspace"].is_object() &&
             caps["workspace"].contains(what) && caps["workspace"][what].is_object() &&
             caps["workspace"][what].value("refreshSupport", false);
    };
    refresh_lenses_ = refresh("codeLens");
    refresh_hints_ = refresh("inlayHint");
  }
  if (params.is_object() && params.contains("initializationOptions") && params["initializationOptions"].is_object()) {
    const json& init = params["initializationOptions"];
    if (init.contains("timeoutMs") && init["timeoutMs"].is_number_integer() && init["timeoutMs"].get<long>() > 0)
      options_.timeout = std::chrono::milliseconds(init["timeoutMs"].get<long>());
  }
  return {{"capabilities",
           {{"positionEncoding", "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"definitionProvider", true},
            {"documentSymbolProvider", true},
            {"documentFormattingProvider", true},
            {"renameProvider", {{"prepareProvider", true}}},
            {"completionProvider", {{"triggerCharacters", {"(", ",", " ", "="}}}},
            {"codeLensProvider", {{"resolveProvider", false}}},
            {"inlayHintProvider", true}}},
          {"serverInfo", {{"name", "imputa"}, {"version", IMPUTA_VERSION}}}};
}

void Server::shutdown() {
  shutdown_ = true;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true; // judging stops at its next claim
    jobs_.clear();
  }
  wake_.notify_all();
}

// `imputa/library`: the text of the library documents are read with.
json Server::library_document() const {
  const Library& l = *library_;
  if (!l.file) return {{"uri", l.uri}, {"text", ""}};
  return {{"uri", l.uri}, {"text", l.sources.files.at(l.file->file).text}};
}

json Server::document_request(const std::string& method, const json& params) {
  static const std::set<std::string, std::less<>> on_documents{
      "textDocument/hover",         "textDocument/definition",    "textDocument/completion",
      "textDocument/documentSymbol", "textDocument/formatting",   "textDocument/prepareRename",
      "textDocument/rename",        "textDocument/codeLens",      "textDocument/inlayHint"};
  if (!on_documents.count(method)) throw Error{method_not_found, "no method '" + method + "'"};
  const std::string& uri = string(object(params, "textDocument"), "uri");
  Document& doc = document(params);
  Where w{*doc.analysis, *doc.lines, uri, doc.text};
  auto at = [&]() {
    const json& pos = object(params, "position");
    return doc.lines->line_column(integer(pos, "line"), integer(pos, "character"));
  };
  if (method == "textDocument/hover") {
    auto [line, column] = at();
    return hover(w, line, column);
  }
  if (method == "textDocument/definition") {
    auto [line, column] = at();
    return definition(w, line, column);
  }
  if (method == "textDocument/completion") {
    const json& pos = object(params, "position");
    return completion(w, doc.lines->offset(integer(pos, "line"), integer(pos, "character")));
  }
  if (method == "textDocument/documentSymbol") return document_symbols(w);
  if (method == "textDocument/formatting") {
    json edits = formatting(w);
    if (edits.is_null())
      send({{"jsonrpc", "2.0"},
            {"method", "window/showMessage"},
            {"params", {{"type", 2}, {"message", "imputa: the file has syntax errors; it is formatted once they are fixed"}}}});
    return edits;
  }
  if (method == "textDocument/prepareRename") {
    auto [line, column] = at();
    return prepare_rename(w, line, column);
  }
  if (method == "textDocument/rename") {
    auto [line, column] = at();
    auto result = rename(w, line, column, string(params, "newName"));
    if (auto* why = std::get_if<std::string>(&result)) throw Error{request_failed, *why};
    return std::get<json>(result);
  }
  if (method == "textDocument/inlayHint") return inlay_hints(uri, doc, params);
  return code_lenses(uri, doc); // textDocument/codeLens
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return; // notifications before initialize are dropped (LSP 3.17)
  if (method == "textDocument/didOpen") {
    const json& item = object(params, "textDocument");
    open(string(item, "uri"), string(item, "text"), integer(item, "version"));
  } else if (method == "textDocument/didChange") {
    change(params);
  } else if (method == "textDocument/didSave") {
    const std::string& uri = string(object(params, "textDocument"), "uri");
    if (auto it = documents_.find(uri); it != documents_.end()) schedule(uri, it->second);
  } else if (method == "textDocument/didClose") {
    close(string(object(params, "textDocument"), "uri"));
  }
  // $/cancelRequest: every request is answered before the next message is read, so there is nothing to cancel.
  // Other notifications ($/setTrace, initialized, workspace/didChangeConfiguration, ...): nothing to do.
}

void Server::change(const json& params) {
  const std::string& uri = string(object(params, "textDocument"), "uri");
  if (!params.contains("contentChanges") || !params["contentChanges"].is_array() || params["contentChanges"].empty())
    return;
  // Full sync: the last change holds the whole text.
  const json& change = params["contentChanges"].back();
  if (!change.is_object() || change.contains("range")) return;
  std::int64_t version = params["textDocument"].value("version", std::int64_t{0});
  if (documents_.count(uri)) open(uri, string(change, "text"), version);
}

void Server::close(const std::string& uri) {
  if (auto it = documents_.find(uri); it != documents_.end()) {
    std::lock_guard lock(mutex_);
    ++*it->second.generation; // abandons its judging
    documents_.erase(it);
    verdicts_.erase(uri);
  }
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/publishDiagnostics"},
        {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
  publish_elsewhere(uri, {});
}

Server::Document& Server::document(const json& params) {
  const std::string& uri = string(object(params, "textDocument"), "uri");
  auto it = documents_.find(uri);
  if (it == documents_.end()) throw Error{invalid_params, "no open document '" + uri + "'"};
  return it->second;
}

// The library, read again when --library FILE has changed on disk since it was read.
const std::shared_ptr<const Library>& Server::library() {
  if (!options_.library) {
    if (!library_) library_ = no_library();
  } else if (!options_.library_path) {
    if (!library_) library_ = shipped_library();
  } else {
    std::error_code ec;
    auto time = std::filesystem::last_write_time(*options_.library_path, ec);
    std::optional<std::filesystem::file_time_type> seen;
    if (!ec) seen = time;
    if (!library_ || seen != library_time_) {
      library_ = read_library(*options_.library_path);
      library_time_ = seen;
    }
  }
  return library_;
}

void Server::open(const std::string& uri, std::string text, std::int64_t version) {
  auto [it, fresh] = documents_.try_emplace(uri);
  Document& doc = it->second;
  {
    std::lock_guard lock(mutex_);
    ++*doc.generation; // the text changed: judging of the old text stops at its next claim
  }
  doc.text = std::move(text);
  doc.version = version;
  doc.path = path_for(uri);
  doc.analysis = analyse(doc.path, doc.text, library());
  doc.lines = std::make_unique<Lines>(doc.text);
  publish(uri, doc);
  if (fresh) schedule(uri, doc); // verdicts on open too: the file as saved
}

void Server::publish(const std::string& uri, const Document& doc) {
  Where w{*doc.analysis, *doc.lines, uri, doc.text};
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/publishDiagnostics"},
        {"params", {{"uri", uri}, {"version", doc.version}, {"diagnostics", diagnostics(w)}}}});
  publish_elsewhere(uri, diagnostics_elsewhere(w));
}

// Diagnostics in the files a document imports, on those files' own URIs. A
// file imported by several open documents shows what each finds there; one
// open in the editor itself shows its own analysis instead.
void Server::publish_elsewhere(const std::string& uri, std::map<std::string, json> by_file) {
  std::set<std::string> changed;
  for (auto& [file, by_document] : elsewhere_)
    if (by_document.erase(uri)) changed.insert(file);
  for (auto& [file, diags] : by_file) {
    if (diags.empty() || documents_.count(file)) continue;
    elsewhere_[file][uri] = std::move(diags);
    changed.insert(file);
  }
  for (const auto& file : changed) {
    json all = json::array();
    std::set<std::string> seen;
    for (const auto& [_, diags] : elsewhere_[file])
      for (const auto& d : diags)
        if (seen.insert(d.dump()).second) all.push_back(d);
    if (elsewhere_[file].empty()) elsewhere_.erase(file);
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/publishDiagnostics"},
          {"params", {{"uri", file}, {"diagnostics", std::move(all)}}}});
  }
}

// ---- verdicts ----

void Server::schedule(const std::string& uri, const Document& doc) {
  if (!options_.judge || shutdown_) return;
  std::lock_guard lock(mutex_);
  // A newer job for the same document replaces one not yet started.
  for (auto it = jobs_.begin(); it != jobs_.end();)
    it = it->uri == uri ? jobs_.erase(it) : it + 1;
  jobs_.push_back({uri, doc.path, doc.text, doc.version, library_, doc.generation->load(), doc.generation});
  wake_.notify_all();
}

void Server::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return stopping_ || (jobs_.empty() && !judging_); });
}

void Server::judging_loop() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) break;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      judging_ = true;
    }
    try {
      judge_job(job);
    } catch (const std::exception& e) {
      spdlog::warn("judging {} failed: {}", job.uri, e.what());
    }
    {
      std::lock_guard lock(mutex_);
      judging_ = false;
    }
    idle_.notify_all();
  }
  idle_.notify_all();
}

bool Server::superseded(const Job& job) { return stopping_ || job.current->load() != job.generation; }

// Each claim of the document in turn; the lenses fill in as claims are
// judged. An edit (a new generation) abandons the job at its next claim, and
// nothing of the old text is sent once the edit has been received.
void Server::judge_job(const Job& job) {
  auto analysis = analyse(job.path, job.text, job.library);
  if (analysis->diags.has_errors()) return; // the lenses wait for a file that checks
  Lines lines(job.text);
  Where w{*analysis, lines, job.uri, job.text};
  Verdicts result;
  result.generation = job.generation;
  for (const auto& claim : analysis->program.claims) {
    if (claim.span.file != analysis->document) continue;
    if (options_.before_judging) options_.before_judging(claim.id);
    {
      std::lock_guard lock(mutex_);
      if (superseded(job)) return;
    }
    result.claims.push_back(judge_claim(w, claim, result.diagnostics));
    std::lock_guard lock(mutex_);
    if (superseded(job)) return;
    verdicts_[job.uri] = result;
  }
  finish_job(job, w, std::move(result));
}

ClaimVerdict Server::judge_claim(const Where& w, const ClaimItem& claim, json& problems) const {
  JudgeOptions options;
  options.claims = {claim.id};
  options.timeout = options_.timeout;
  options.reasons = false;
  Diagnostics grounding;
  Report report = imputa::judge(w.a.program, options, grounding);
  ClaimVerdict v{claim.id, Verdict::unknown, claim.expect, false, {}, {}};
  if (grounding.has_errors()) {
    // E009, E013: shown where the diagnostic points, else at the claim, and said on the lens.
    for (const auto& d : grounding.items()) {
      if (d.severity != Severity::error) continue;
      json item = diagnostic(w, d, claim.span);
      if (std::find(problems.begin(), problems.end(), item) == problems.end()) problems.push_back(item);
      if (!v.problem.empty()) continue;
      const bool another_claim = std::any_of(w.a.program.claims.begin(), w.a.program.claims.end(), [&](const ClaimItem& c) {
        return c.id != claim.id && c.span == d.span;
      });
      v.problem = problem_title(d, another_claim);
    }
    return v;
  }
  for (const auto& c : report.claims) {
    v = ClaimVerdict{c.id, c.verdict, c.expected, c.as_expected, {}, {}};
    if (c.verdict == Verdict::unknown)
      for (const auto& g : c.groundings)
        if (g.unknown_reason) v.why_unknown = render::detail::unknown_reason_text(*g.unknown_reason, g.time_limit);
  }
  return v;
}

void Server::finish_job(const Job& job, const Where& w, Verdicts result) {
  json claims = json::array();
  for (const auto& c : result.claims) {
    json claim{{"id", c.id}, {"verdict", std::string(to_string(c.verdict))}, {"title", verdict_title(c)}};
    if (!c.problem.empty()) claim["problem"] = c.problem;
    claims.push_back(std::move(claim));
  }
  {
    // Sent under the lock: an edit received meanwhile (a new generation) stops them.
    std::lock_guard lock(mutex_);
    if (superseded(job)) return;
    result.done = true;
    if (!result.diagnostics.empty()) {
      json all = diagnostics(w);
      all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
      send({{"jsonrpc", "2.0"},
            {"method", "textDocument/publishDiagnostics"},
            {"params", {{"uri", job.uri}, {"version", job.version}, {"diagnostics", std::move(all)}}}});
    }
    verdicts_[job.uri] = std::move(result);
    send({{"jsonrpc", "2.0"},
          {"method", "imputa/verdicts"},
          {"params", {{"uri", job.uri}, {"version", job.version}, {"claims", claims}}}});
  }
  for (const auto& [wanted, method] : {std::pair{refresh_lenses_, "workspace/codeLens/refresh"},
                                       std::pair{refresh_hints_, "workspace/inlayHint/refresh"}}) {
    if (!wanted) continue;
    std::int64_t id;
    {
      std::lock_guard lock(mutex_);
      id = next_request_id_++;
    }
    send({{"jsonrpc", "2.0"}, {"id", "imputa-refresh-" + std::to_string(id)}, {"method", method}});
  }
}

// The verdicts judged for a document, each beside its claim as the text now
// has it (the claim may have moved since it was judged).
std::vector<Server::Beside> Server::verdicts_beside_claims(const std::string& uri, const Document& doc) {
  Verdicts verdicts;
  {
    std::lock_guard lock(mutex_);
    auto it = verdicts_.find(uri);
    if (it == verdicts_.end()) return {};
    verdicts = it->second;
  }
  const bool stale = verdicts.generation != doc.generation->load();
  std::vector<Beside> out;
  for (const auto& v : verdicts.claims) {
    auto decl = doc.analysis->declarations.find(v.id);
    if (decl == doc.analysis->declarations.end() || decl->second.what != "claim" ||
        decl->second.span.file != doc.analysis->document)
      continue;
    std::string title = verdict_title(v);
    if (stale) title += " (before your edits: save to judge again)";
    out.push_back({decl->second.span, std::move(title), v});
  }
  return out;
}

json Server::code_lenses(const std::string& uri, const Document& doc) {
  json out = json::array();
  for (const auto& b : verdicts_beside_claims(uri, doc))
    out.push_back({{"range", doc.lines->range(b.claim)},
                   {"command", {{"title", b.title}, {"command", ""}}},
                   {"data", {{"claim", b.verdict.id}, {"verdict", std::string(to_string(b.verdict.verdict))}}}});
  return out;
}

// The same verdicts as inlay hints, at the end of each claim's first line.
json Server::inlay_hints(const std::string& uri, const Document& doc, const json& params) {
  std::int64_t first = 0, last = std::numeric_limits<std::int64_t>::max();
  if (params.contains("range") && params["range"].is_object()) {
    first = integer(object(params["range"], "start"), "line");
    last = integer(object(params["range"], "end"), "line");
  }
  json out = json::array();
  for (const auto& b : verdicts_beside_claims(uri, doc)) {
    const std::int64_t line0 = static_cast<std::int64_t>(b.claim.line) - 1;
    if (line0 < first || line0 > last) continue;
    const auto end = static_cast<std::uint32_t>(doc.lines->line(b.claim.line - 1).size() + 1);
    out.push_back({{"position", doc.lines->position(b.claim.line, end)},
                   {"label", b.title},
                   {"paddingLeft", true},
                   {"tooltip", "the verdict of claim '" + b.verdict.id + "' (imputa check)"}});
  }
  return out;
}

} // namespace imputa::cli::lsp
