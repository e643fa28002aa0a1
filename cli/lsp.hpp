// The language server of `imputa lsp` (docs/editors.md): JSON-RPC messages in,
// messages out. Nothing here reads or writes stdio (lsp_stdio.cpp does), so
// tests and the fuzzer drive the server directly.
#pragma once

#include "imputa/dsl.hpp"
#include "imputa/judge.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

namespace imputa::cli::lsp {

using json = nlohmann::json;

// ---- Framing (lsp_protocol.cpp): `Content-Length: N\r\n\r\n` and N bytes ----

// A message larger than this is refused (the session ends): a case file may
// be 8 MiB, and JSON escapes can make that up to six times longer.
inline constexpr std::size_t max_message_bytes = 64u * 1024u * 1024u;

enum class Frame { message, incomplete, malformed };

// Takes the first whole message off the front of `buffer` into `body`.
// `malformed`: the header cannot be read (no Content-Length, not a number,
// too large, header too long); `error` says why, and nothing can follow.
Frame take_frame(std::string& buffer, std::string& body, std::string& error);

// The bytes that carry `message`.
std::string frame(const json& message);

// ---- Positions (lsp_positions.cpp): LSP counts UTF-16 code units ----

// Line starts of one text, to turn the project's 1-based byte columns into
// LSP positions (0-based line, UTF-16 character) and back.
class Lines {
public:
  explicit Lines(std::string_view text);
  std::string_view line(std::size_t line0) const; // without its newline
  std::size_t count() const { return starts_.size(); }
  json position(std::uint32_t line1, std::uint32_t byte_column1) const;
  json range(const SourceSpan& span) const;
  // The byte offset of an LSP position, clamped to the text.
  std::size_t offset(std::int64_t line0, std::int64_t character) const;
  // The 1-based line and byte column of an LSP position.
  std::pair<std::uint32_t, std::uint32_t> line_column(std::int64_t line0, std::int64_t character) const;

private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// UTF-16 code units in `bytes` (UTF-8; a stray byte counts one unit).
std::size_t utf16_length(std::string_view bytes);

// ---- One document, read and checked (lsp_analysis.cpp) ----

// What a name written in the document stands for.
enum class Namespace {
  user,         // the one namespace of declared names (docs/language.md §2), the library's vocabulary included
  library_rule, // a library rule's id (`drop library:NAME`, or the id in the library)
  alternative,  // a doctrine alternative, named within its family
  variable,     // a rule's variable, within its rule
  word,         // a word the language fixes: confidence, evidence kind, verdict, mode, tag, corroboration
};

struct Occurrence {
  SourceSpan span;
  std::string name;
  Namespace ns = Namespace::user;
  std::string scope;        // alternative: its family; word: what it is ("confidence", "evidence kind", ...)
  bool declaration = false; // where the name is declared
};

struct Declaration {
  SourceSpan span;    // the declared word
  SourceSpan statement;
  std::string what;   // "predicate", "state", "evidence", "rule", ...
};

// The library documents are read with: the shipped one, a file
// (`imputa lsp --library FILE`) or none (`--no-library`), parsed once.
struct Library {
  Sources sources;              // its one file, when there is one
  std::optional<ast::File> file; // none: --no-library, or the file could not be read
  Diagnostics diags;            // reading and parsing it
  std::string uri;              // where "go to definition" leads: library_uri, or the file's file:// URI
};

// The library as the server shows it (a read-only virtual document).
inline constexpr std::string_view library_uri = "imputa-library:/gge2015.imputa";

std::shared_ptr<const Library> shipped_library(); // parsed once per process
std::shared_ptr<const Library> no_library();
// As `check --library FILE` reads it; a file that cannot be read gives its E010.
std::shared_ptr<const Library> read_library(const std::string& path);

struct Analysis {
  std::shared_ptr<const Library> library;
  Sources sources;
  std::vector<ast::File> files; // library, imports, the document last
  std::uint32_t document = 0;   // the document's index in `sources`
  Program program;
  Diagnostics diags;
  bool syntax_ok = true;        // no syntax error (E001, E013) in the document
  std::vector<Occurrence> occurrences; // in the document, in source order
  std::map<std::string, Declaration> declarations;          // Namespace::user, every file
  std::map<std::string, Declaration> library_rules;         // Namespace::library_rule
  std::map<std::pair<std::string, std::string>, Declaration> alternatives; // (family, alternative)
  // By file id: the import statement that brought the file in (in the file that imports it).
  std::map<std::uint32_t, std::pair<std::uint32_t, SourceSpan>> imported_by;
  // By file id: the file's URI (file:// for imports and a library file), empty for the document.
  std::vector<std::string> uris;

  const ast::File& file() const { return files.back(); }
  const Occurrence* occurrence_at(std::uint32_t line1, std::uint32_t column1) const;
  const Declaration* declaration_of(const Occurrence& o) const;
  // The import statement of the document that brings in `file`, directly or through other imports.
  std::optional<SourceSpan> import_in_document(std::uint32_t file) const;
};

// Reads `text` as the case file at `path` (imports relative to it) with `library`.
std::shared_ptr<const Analysis> analyse(const std::string& path, std::string text,
                                        std::shared_ptr<const Library> library);

// ---- Features (lsp_features.cpp): each a function of an analysis ----

struct Where {
  const Analysis& a;
  const Lines& lines;         // of the document
  const std::string& uri;     // of the document
  std::string_view text;      // of the document
};

// At most max_diagnostics of them, then one line saying how many more.
inline constexpr std::size_t max_diagnostics = 1000;
json diagnostics(const Where& w);
// One diagnostic as the document shows it: where it points in the document;
// on the import statement that brings in the file it points into, with that
// file's name and line:column; else at `elsewhere` (the top of the document,
// or the claim being judged).
json diagnostic(const Where& w, const Diagnostic& d, const SourceSpan& elsewhere);
// The diagnostics in the other files the document reads (imports, a library
// file), by the file's own file:// URI, at their places there.
std::map<std::string, json> diagnostics_elsewhere(const Where& w);
json hover(const Where& w, std::uint32_t line1, std::uint32_t column1);
json definition(const Where& w, std::uint32_t line1, std::uint32_t column1);
json completion(const Where& w, std::size_t offset);
json document_symbols(const Where& w);
json formatting(const Where& w);
json prepare_rename(const Where& w, std::uint32_t line1, std::uint32_t column1);
// A WorkspaceEdit, or a string saying why the name cannot be renamed.
std::variant<json, std::string> rename(const Where& w, std::uint32_t line1, std::uint32_t column1,
                                       const std::string& new_name);

// The location of a span of any file of the analysis (the document, an
// import, the library).
json location(const Where& w, const SourceSpan& span);

// file:///a/b%20c.imputa <-> /a/b c.imputa; other schemes give nothing.
std::optional<std::string> path_of_uri(const std::string& uri);
std::string uri_of_path(const std::string& path);

// ---- Verdicts beside claims ----

struct ClaimVerdict {
  std::string id;
  Verdict verdict = Verdict::unknown;
  std::optional<Verdict> expected;
  bool as_expected = true;
  std::string why_unknown; // UNKNOWN: the time limit, or what stopped the solver
  std::string problem;     // not judged (E009, E013): "too large to judge: ...", in words
};

// "ESTABLISHED · expected ✓", "NOT ESTABLISHED · expected ESTABLISHED ✗", "ARGUABLE",
// or the problem that stopped judging ("too large to judge: ...").
std::string verdict_title(const ClaimVerdict& v);

// What stopped judging a claim (E009, E013), in words for its lens:
// "too large to judge: ...", "cannot be judged: ..."; "not judged: ..." when
// the diagnostic is about another claim (grounding reads the whole case).
std::string problem_title(const Diagnostic& d, bool another_claim);

// ---- The server (lsp_server.cpp) ----

struct ServerOptions {
  std::chrono::milliseconds timeout{10000}; // per claim, as check --timeout-ms
  bool judge = true;                        // verdict lenses (the fuzzer turns them off)
  bool library = true;                      // false: --no-library (and the fuzzer, mostly)
  std::optional<std::string> library_path;  // --library FILE: this library instead of the shipped one
  // For tests: called on the judging thread before each claim is judged.
  std::function<void(const std::string& claim)> before_judging;
};

class Server {
public:
  using Send = std::function<void(const json&)>;
  // `send` is called from the receiving thread and from the judging thread,
  // never from both at once.
  Server(Send send, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // One message's body (JSON text).
  void receive(std::string_view body);
  bool exited() const { return exited_; }
  // After `exit`: 0 if `shutdown` came first, 1 if not (LSP 3.17).
  int exit_code() const { return shutdown_ ? 0 : 1; }
  // Waits until no judging is pending (tests, benchmarks).
  void wait_idle();

private:
  struct Document {
    std::string text;
    std::int64_t version = 0;
    std::string path;
    std::shared_ptr<const Analysis> analysis;
    std::unique_ptr<Lines> lines;
    std::shared_ptr<std::atomic<std::uint64_t>> generation = std::make_shared<std::atomic<std::uint64_t>>(0);
  };
  struct Verdicts {
    std::uint64_t generation = 0; // of the text judged
    bool done = false;
    std::vector<ClaimVerdict> claims;
    json diagnostics = json::array(); // what stopped judging a claim (E009, E013), in the text judged
  };
  struct Job {
    std::string uri, path, text;
    std::int64_t version = 0;
    std::shared_ptr<const Library> library;
    std::uint64_t generation = 0;
    std::shared_ptr<std::atomic<std::uint64_t>> current;
  };

  void send(const json& message);
  void respond(const json& id, json result);
  void fail(const json& id, int code, const std::string& message);
  void dispatch(const json& message);
  json request(const std::string& method, const json& params);
  json initialize(const json& params);
  void shutdown();
  json library_document() const;
  json document_request(const std::string& method, const json& params);
  void notification(const std::string& method, const json& params);
  void change(const json& params);
  void close(const std::string& uri);
  void open(const std::string& uri, std::string text, std::int64_t version);
  void publish(const std::string& uri, const Document& doc);
  void publish_elsewhere(const std::string& uri, std::map<std::string, json> by_file);
  Document& document(const json& params);
  const std::shared_ptr<const Library>& library();
  void schedule(const std::string& uri, const Document& doc);
  void judging_loop();
  void judge_job(const Job& job);
  ClaimVerdict judge_claim(const Where& w, const ClaimItem& claim, json& problems) const;
  bool superseded(const Job& job); // under mutex_
  void finish_job(const Job& job, const Where& w, Verdicts result);
  struct Beside {
    SourceSpan claim; // its name, where the text now has it
    std::string title;
    ClaimVerdict verdict;
  };
  std::vector<Beside> verdicts_beside_claims(const std::string& uri, const Document& doc);
  json code_lenses(const std::string& uri, const Document& doc);
  json inlay_hints(const std::string& uri, const Document& doc, const json& params);

  Send send_;
  std::mutex send_mutex_;
  ServerOptions options_;
  bool initialized_ = false, shutdown_ = false, exited_ = false;
  bool refresh_lenses_ = false; // the client asked for workspace/codeLens/refresh
  bool refresh_hints_ = false;  // ... and for workspace/inlayHint/refresh
  std::int64_t next_request_id_ = 1;
  std::map<std::string, Document> documents_;
  std::shared_ptr<const Library> library_;
  std::optional<std::filesystem::file_time_type> library_time_; // of --library FILE when read
  // Diagnostics of imported files, by the file's URI, then by the open document that imports it.
  std::map<std::string, std::map<std::string, json>> elsewhere_;

  // Shared with the judging thread, under mutex_ (the documents' generations change under it too).
  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<Job> jobs_;
  bool judging_ = false, stopping_ = false;
  std::map<std::string, Verdicts> verdicts_;
  std::thread worker_;
};

} // namespace imputa::cli::lsp
