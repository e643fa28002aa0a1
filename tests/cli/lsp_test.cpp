// `imputa lsp` driven as an editor drives it: a scripted session over pipes
// on a shipped example (diagnostics, hover, definition, completion, rename,
// formatting, the verdict lenses), and the hostile cases (malformed
// messages, unknown methods and documents, text that never parses, a 5 MiB
// document, a client that disconnects).
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace imputa {
namespace {
using json = nlohmann::json;
using testing::read_file;
using testing::source_dir;

constexpr int seconds_allowed = testing::sanitized ? 300 : 60;

// An editor: `imputa lsp` on two pipes.
class Client {
public:
  explicit Client(std::vector<std::string> args = {}) {
    int to_child[2], from_child[2];
    if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(to_child[0], STDIN_FILENO);
      ::dup2(from_child[1], STDOUT_FILENO);
      ::close(to_child[1]);
      ::close(from_child[0]);
      std::vector<std::string> all{IMPUTA_BINARY, "lsp"};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(IMPUTA_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
    std::signal(SIGPIPE, SIG_IGN);
  }
  ~Client() {
    if (in_ >= 0) ::close(in_);
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(out_);
  }

  void send_raw(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      auto n = ::write(in_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) return;
      done += static_cast<std::size_t>(n);
    }
  }
  void send(const json& message) {
    std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
    send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  // Sends a request and returns the response (the whole message).
  json call(const std::string& method, json params) {
    int id = next_id_++;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return wait_for([&](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
  }
  // The next message (kept or earlier seen) that `wanted` accepts; fails the test after the time allowed.
  template <typename Pred>
  json wait_for(Pred wanted) {
    for (std::size_t i = 0; i < seen_.size(); ++i)
      if (wanted(seen_[i])) {
        json m = seen_[i];
        seen_.erase(seen_.begin() + static_cast<long>(i));
        return m;
      }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds_allowed);
    for (;;) {
      json m = next(deadline);
      if (m.is_null()) {
        ADD_FAILURE() << "no expected message from imputa lsp in time";
        return json();
      }
      if (wanted(m)) return m;
      seen_.push_back(std::move(m));
    }
  }
  json diagnostics_for(const std::string& uri) {
    return wait_for([&](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
    })["params"]["diagnostics"];
  }
  void close_input() {
    ::close(in_);
    in_ = -1;
  }
  // The exit code, or -1 if the server has not ended within `seconds`.
  int wait_exit(int seconds) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      char drain[4096];
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, 20) > 0 && ::read(out_, drain, sizeof drain) <= 0) ::usleep(20000);
    }
    return -1;
  }

  void initialize(json options = json::object()) {
    json r = call("initialize", {{"processId", nullptr},
                                 {"rootUri", nullptr},
                                 {"capabilities", json::object()},
                                 {"initializationOptions", std::move(options)}});
    ASSERT_TRUE(r.contains("result")) << r.dump();
    notify("initialized", json::object());
  }
  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "imputa"}, {"version", version}, {"text", text}}}});
  }

private:
  json next(std::chrono::steady_clock::time_point deadline) {
    for (;;) {
      auto end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) {
        auto at = buffer_.find("Content-Length: ");
        std::size_t length = std::stoul(buffer_.substr(at + 16, end - at - 16));
        if (buffer_.size() >= end + 4 + length) {
          json m = json::parse(buffer_.substr(end + 4, length));
          buffer_.erase(0, end + 4 + length);
          return m;
        }
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return json();
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return json();
      char chunk[65536];
      auto n = ::read(out_, chunk, sizeof chunk);
      if (n <= 0) return json();
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  bool exited_ = false;
  int next_id_ = 1;
  std::string buffer_;
  std::vector<json> seen_;
};

json position(int line, int character) { return {{"line", line}, {"character", character}}; }
json at(const std::string& uri, int line, int character) {
  return {{"textDocument", {{"uri", uri}}}, {"position", position(line, character)}};
}

// The 0-based line and column of the first `needle` at or after line `from` (0-based) in `text`.
std::pair<int, int> find(const std::string& text, const std::string& needle, int from = 0) {
  int line = 0;
  std::size_t start = 0;
  while (line < from) {
    start = text.find('\n', start) + 1;
    ++line;
  }
  auto hit = text.find(needle, start);
  for (std::size_t i = start; i < hit; ++i)
    if (text[i] == '\n') {
      ++line;
      start = i + 1;
    }
  return {line, static_cast<int>(hit - start)}; // ASCII lines: bytes are UTF-16 units
}

const std::string uri = "file://" + (source_dir() / "examples" / "notpetya_2017.imputa").string();

std::string example() { return read_file(source_dir() / "examples" / "notpetya_2017.imputa"); }

// ---- the session on a shipped example ----

class LspSession : public ::testing::Test {
protected:
  void SetUp() override {
    client.initialize({{"timeoutMs", 5000}});
    client.open(uri, text);
    diags = client.diagnostics_for(uri);
  }
  Client client;
  std::string text = example();
  json diags;
};

TEST_F(LspSession, TheExampleHasNoDiagnostics) { EXPECT_EQ(diags, json::array()) << diags.dump(2); }

TEST_F(LspSession, DiagnosticRangesCountUtf16UnitsAfterNonAsciiLabels) {
  // One line: a label with accents and a flag (a surrogate pair per letter), then an unknown entity.
  std::string edited = text + "state fra \"République française 🇫🇷\". fact targets(notpetya, frx).\n" +
                       "source eset \"ESET again\".\n";
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", edited}}}}});
  json d = client.diagnostics_for(uri);
  const int last = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  json unknown, duplicate;
  for (const auto& item : d) {
    if (item["code"] == "E002") unknown = item;
    if (item["code"] == "E003") duplicate = item;
  }
  ASSERT_FALSE(unknown.is_null()) << d.dump(2);
  // "frx" starts at byte 68 but at UTF-16 unit 62: é and ç are one unit each, the two flag letters two each.
  EXPECT_EQ(unknown["range"]["start"], position(last, 62));
  EXPECT_EQ(unknown["range"]["end"], position(last, 65));
  EXPECT_EQ(unknown["severity"], 1);
  EXPECT_EQ(unknown["source"], "imputa");
  EXPECT_NE(unknown["message"].get<std::string>().find("frx"), std::string::npos);
  // Positions sent by the editor count UTF-16 units too: "targets" starts at unit 44 (byte 50).
  json r = client.call("textDocument/hover", at(uri, last, 46));
  ASSERT_FALSE(r["result"].is_null()) << r.dump();
  EXPECT_NE(r["result"]["contents"]["value"].get<std::string>().find("predicate targets("), std::string::npos);
  EXPECT_EQ(r["result"]["range"]["start"], position(last, 44));
  // A duplicate points at the first declaration.
  ASSERT_FALSE(duplicate.is_null()) << d.dump(2);
  EXPECT_EQ(duplicate["range"]["start"], position(last + 1, 7));
  auto [line, column] = find(text, "source eset \"ESET Research\"");
  ASSERT_EQ(duplicate["relatedInformation"].size(), 1u);
  EXPECT_EQ(duplicate["relatedInformation"][0]["location"]["uri"], uri);
  EXPECT_EQ(duplicate["relatedInformation"][0]["location"]["range"]["start"], position(line, column + 7));
}

TEST_F(LspSession, HoverSaysWhatANameIsInTheAuthorsAndTheLawsWords) {
  auto hover_text = [&](std::pair<int, int> where) {
    json r = client.call("textDocument/hover", at(uri, where.first, where.second + 1));
    return r["result"].is_null() ? std::string() : r["result"]["contents"]["value"].get<std::string>();
  };
  auto claim = find(text, "claim attribution ");
  std::string attributable = hover_text(find(text, "attributable(notpetya, rus)", claim.first));
  EXPECT_NE(attributable.find("predicate attributable(operation, state) attribution"), std::string::npos) << attributable;
  EXPECT_NE(attributable.find("Concluded by"), std::string::npos) << attributable;
  EXPECT_NE(attributable.find("`art4_organ`: Conduct of an organ of the state — *ARSIWA art 4"), std::string::npos)
      << attributable;
  auto rus = find(text, "rus)", claim.first);
  EXPECT_EQ(hover_text(rus), "**state** `rus`: Russian Federation");
  std::string confidence = hover_text(find(text, "almost_certain", find(text, "confidence almost_certain").first));
  EXPECT_NE(confidence.find("0.95..1"), std::string::npos) << confidence;
  std::string standard = hover_text(find(text, "clear_and_convincing"));
  EXPECT_NE(standard.find("at least 0.75"), std::string::npos) << standard;
  std::string evidence_kind = hover_text(find(text, "official_statement"));
  EXPECT_NE(evidence_kind.find("evidence kind"), std::string::npos) << evidence_kind;
  std::string origin = hover_text(find(text, "origin \"Launched"));
  EXPECT_NE(origin.find("para 28(f)"), std::string::npos) << origin;
  std::string source = hover_text(find(text, "eset", find(text, "evidence e_vector").first + 1));
  EXPECT_EQ(source, "**source** `eset`: ESET Research");
  std::string evidence = hover_text(find(text, "e_uk"));
  EXPECT_NE(evidence.find("(official_statement)"), std::string::npos) << evidence;
  EXPECT_NE(evidence.find("confidence 0.95..1"), std::string::npos) << evidence;
  EXPECT_NE(evidence.find("supports `performed_by(notpetya, russian_military)`"), std::string::npos) << evidence;
  // Nothing to say between words.
  EXPECT_EQ(client.call("textDocument/hover", at(uri, 0, 0))["result"], nullptr);
}

TEST_F(LspSession, DefinitionGoesToTheDeclarationHereOrInTheLibrary) {
  auto claim = find(text, "claim attribution ");
  auto rus = find(text, "rus)", claim.first);
  json r = client.call("textDocument/definition", at(uri, rus.first, rus.second));
  auto decl = find(text, "state rus");
  EXPECT_EQ(r["result"]["uri"], uri);
  EXPECT_EQ(r["result"]["range"]["start"], position(decl.first, decl.second + 6));
  EXPECT_EQ(r["result"]["range"]["end"], position(decl.first, decl.second + 9));
  // Into the library, served as a read-only document.
  auto attributable = find(text, "attributable(notpetya", claim.first);
  r = client.call("textDocument/definition", at(uri, attributable.first, attributable.second + 2));
  EXPECT_EQ(r["result"]["uri"], "imputa-library:/gge2015.imputa");
  json library = client.call("imputa/library", json::object());
  std::string lib = library["result"]["text"];
  auto [line, column] = find(lib, "predicate attributable(");
  EXPECT_EQ(r["result"]["range"]["start"], position(line, column + 10));
  // A doctrine alternative, named within its family.
  auto control = find(text, "effective_control");
  r = client.call("textDocument/definition", at(uri, control.first, control.second));
  auto [aline, acolumn] = find(lib, "effective_control |");
  EXPECT_EQ(r["result"]["range"]["start"], position(aline, acolumn));
}

TEST_F(LspSession, DefinitionOfAVariableIsItsFirstUseInTheRule) {
  const std::string rules = "rule mine \"Mine\": attributable(Op, S) if performed_by(Op, A), organ_of(A, S).\n"
                            "rule other \"Other\": attributable(Op, S) if performed_by(Op, S).\n";
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                           {"contentChanges", {{{"text", text + rules}}}}});
  client.diagnostics_for(uri);
  const int line = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  const std::string mine = rules.substr(0, rules.find('\n'));
  // The A of organ_of(A, S) is first written in performed_by(Op, A).
  json r = client.call("textDocument/definition", at(uri, line, static_cast<int>(mine.find("organ_of(A") + 9)));
  EXPECT_EQ(r["result"]["range"]["start"], position(line, static_cast<int>(mine.find("Op, A)") + 4)));
  // The S of the second rule is its own, not the first rule's.
  const std::string other = rules.substr(rules.find('\n') + 1);
  r = client.call("textDocument/definition", at(uri, line + 1, static_cast<int>(other.find("(Op, S).") + 5)));
  EXPECT_EQ(r["result"]["range"]["start"], position(line + 1, static_cast<int>(other.find("S) if") )));
}

TEST_F(LspSession, CompletionOffersWhatFitsWhereTheCursorIs) {
  auto labels = [&](std::pair<int, int> where) {
    json r = client.call("textDocument/completion", at(uri, where.first, where.second));
    std::vector<std::string> out;
    for (const auto& item : r["result"]["items"]) out.push_back(item["label"]);
    std::sort(out.begin(), out.end());
    return std::pair{out, r["result"]["items"]};
  };
  // The second argument of performed_by(operation, actor): the actors only.
  auto uk = find(text, "performed_by(notpetya, russian_military)");
  auto [actors, _] = labels({uk.first, uk.second + static_cast<int>(std::string("performed_by(notpetya, ").size())});
  EXPECT_EQ(actors, (std::vector<std::string>{"russian_military", "telebots", "unit74455"}));
  // After `confidence `: the PHIA names.
  auto confidence = find(text, "confidence almost_certain");
  auto [phia, phia_items] = labels({confidence.first, confidence.second + 11});
  EXPECT_EQ(phia.size(), 7u);
  EXPECT_NE(std::find(phia.begin(), phia.end(), "highly_likely"), phia.end());
  // After `use doctrine control = `: its alternatives.
  auto use = find(text, "use doctrine control = ");
  auto [alternatives, alt_items] = labels({use.first, use.second + 23});
  EXPECT_EQ(alternatives, (std::vector<std::string>{"effective_control", "overall_control"}));
  // After `use standard `: the standards.
  auto standard = find(text, "use standard ");
  auto [standards, s_items] = labels({standard.first, standard.second + 13});
  EXPECT_NE(std::find(standards.begin(), standards.end(), "beyond_reasonable_doubt"), standards.end());
  // The evidence kind, third word of an evidence item.
  auto kind = find(text, "evidence e_uk ");
  auto [kinds, k_items] = labels({kind.first, kind.second + 14});
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "official_statement"), kinds.end());
  EXPECT_EQ(kinds.size(), 9u);
  // After `supports `: predicates, as snippets with their argument types.
  auto supports = find(text, "supports performed_by(notpetya, telebots)");
  auto [predicates, items] = labels({supports.first, supports.second + 9});
  json performed;
  for (const auto& item : items)
    if (item["label"] == "performed_by") performed = item;
  EXPECT_EQ(performed["insertText"], "performed_by(${1:operation}, ${2:actor})$0");
  EXPECT_EQ(performed["insertTextFormat"], 2);
  EXPECT_EQ(performed["detail"], "predicate performed_by(operation, actor) link");
}

TEST_F(LspSession, RenameChangesEveryUseOfTheUsersOwnName) {
  auto decl = find(text, "source eset");
  json r = client.call("textDocument/prepareRename", at(uri, decl.first, decl.second + 8));
  EXPECT_EQ(r["result"]["placeholder"], "eset");
  r = client.call("textDocument/rename", {{"textDocument", {{"uri", uri}}},
                                          {"position", position(decl.first, decl.second + 8)},
                                          {"newName", "eset_research"}});
  json edits = r["result"]["changes"][uri];
  ASSERT_EQ(edits.size(), 3u) << r.dump(2); // the declaration and two `source eset`
  for (const auto& e : edits) EXPECT_EQ(e["newText"], "eset_research");
  auto second = find(text, "  source eset", decl.first + 1);
  EXPECT_EQ(edits[1]["range"]["start"], position(second.first, second.second + 9));
  // The library's words are not the user's to rename.
  auto attributable = find(text, "attributable(notpetya");
  r = client.call("textDocument/rename", {{"textDocument", {{"uri", uri}}},
                                          {"position", position(attributable.first, attributable.second + 1)},
                                          {"newName", "imputable"}});
  ASSERT_TRUE(r.contains("error"));
  EXPECT_NE(r["error"]["message"].get<std::string>().find("library"), std::string::npos);
  // Nor may a name become a reserved word or another name.
  r = client.call("textDocument/rename", {{"textDocument", {{"uri", uri}}},
                                          {"position", position(decl.first, decl.second + 8)},
                                          {"newName", "us_gov"}});
  ASSERT_TRUE(r.contains("error"));
  EXPECT_NE(r["error"]["message"].get<std::string>().find("already declared"), std::string::npos);
}

TEST_F(LspSession, FormattingIsTheFmtLayout) {
  // The example is in canonical layout: spoil the indentation and spacing of one item.
  std::string messy = text;
  auto at_ = messy.find("  supports performed_by(notpetya, telebots)");
  messy.replace(at_, 2, "        ");
  messy.replace(messy.find("state ukr \"Ukraine\"."), 20, "state   ukr   \"Ukraine\" .");
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", messy}}}}});
  client.diagnostics_for(uri);
  json r = client.call("textDocument/formatting",
                       {{"textDocument", {{"uri", uri}}}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}});
  ASSERT_EQ(r["result"].size(), 1u) << r.dump();
  EXPECT_EQ(r["result"][0]["newText"], text);
  EXPECT_EQ(r["result"][0]["range"]["start"], position(0, 0));
  // Text that does not parse is left alone.
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                           {"contentChanges", {{{"text", text + "claim {"}}}}});
  client.diagnostics_for(uri);
  r = client.call("textDocument/formatting", {{"textDocument", {{"uri", uri}}}, {"options", json::object()}});
  EXPECT_TRUE(r["result"].is_null()) << r.dump();
}

TEST_F(LspSession, DocumentSymbolsOutlineTheCase) {
  json r = client.call("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
  std::map<std::string, std::string> kinds;
  for (const auto& s : r["result"]) kinds[s["name"]] = s["detail"];
  EXPECT_EQ(kinds["notpetya_2017"], "case");
  EXPECT_EQ(kinds["rus"], "state");
  EXPECT_EQ(kinds["e_uk"], "evidence");
  EXPECT_EQ(kinds["attribution_2018"], "claim");
  EXPECT_EQ(kinds["eset"], "source");
}

TEST_F(LspSession, VerdictsStandBesideEachClaim) {
  client.wait_for([&](const json& m) { return m.value("method", "") == "imputa/verdicts"; });
  json r = client.call("textDocument/codeLens", {{"textDocument", {{"uri", uri}}}});
  std::map<int, std::string> lenses;
  for (const auto& lens : r["result"]) lenses[lens["range"]["start"]["line"]] = lens["command"]["title"];
  EXPECT_EQ(lenses[find(text, "claim attribution ").first], "ESTABLISHED · expected ✓");
  EXPECT_EQ(lenses[find(text, "claim origin_only").first], "UNSUBSTANTIATED · expected ✓");
  EXPECT_EQ(lenses[find(text, "claim no_russian_origin").first], "NOT ESTABLISHED · expected ✓");
  EXPECT_EQ(lenses.size(), 5u);
  // An edit makes them stale until the file is saved again; saving judges the new text.
  std::string edited = "\n" + text;
  edited.replace(edited.find("expect not_established"), 22, "expect established");
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", edited}}}}});
  client.diagnostics_for(uri);
  r = client.call("textDocument/codeLens", {{"textDocument", {{"uri", uri}}}});
  for (const auto& lens : r["result"])
    EXPECT_NE(lens["command"]["title"].get<std::string>().find("save to judge again"), std::string::npos);
  EXPECT_EQ(r["result"][0]["range"]["start"]["line"], find(text, "claim attribution ").first + 1); // moved with the text
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  client.wait_for([&](const json& m) { return m.value("method", "") == "imputa/verdicts"; });
  r = client.call("textDocument/codeLens", {{"textDocument", {{"uri", uri}}}});
  lenses.clear();
  for (const auto& lens : r["result"]) lenses[lens["range"]["start"]["line"]] = lens["command"]["title"];
  EXPECT_EQ(lenses[find(edited, "claim no_russian_origin").first], "NOT ESTABLISHED · expected ESTABLISHED ✗");
}

TEST_F(LspSession, InlayHintsGiveTheVerdictAtTheEndOfEachClaimsLine) {
  client.wait_for([&](const json& m) { return m.value("method", "") == "imputa/verdicts"; });
  json r = client.call("textDocument/inlayHint", {{"textDocument", {{"uri", uri}}},
                                                  {"range", {{"start", position(0, 0)}, {"end", position(9999, 0)}}}});
  ASSERT_EQ(r["result"].size(), 5u) << r.dump(2);
  auto [line, column] = find(text, "claim attribution ");
  const std::string claim_line = text.substr(text.find("claim attribution "), text.find('\n', text.find("claim attribution ")) -
                                                                                  text.find("claim attribution "));
  json hint;
  for (const auto& h : r["result"])
    if (h["position"]["line"] == line) hint = h;
  ASSERT_FALSE(hint.is_null()) << r.dump(2);
  EXPECT_EQ(hint["label"], "ESTABLISHED · expected ✓");
  EXPECT_EQ(hint["position"]["character"], column + static_cast<int>(claim_line.size())); // the end of the line (ASCII)
  // Only the lines asked for.
  r = client.call("textDocument/inlayHint", {{"textDocument", {{"uri", uri}}},
                                             {"range", {{"start", position(line, 0)}, {"end", position(line, 0)}}}});
  EXPECT_EQ(r["result"].size(), 1u) << r.dump(2);
}

// ---- the library, imports, and what stops judging ----

namespace fs = std::filesystem;

bool has_code(const json& diags, const std::string& code) {
  return std::any_of(diags.begin(), diags.end(), [&](const json& d) { return d.value("code", "") == code; });
}

// `imputa lsp --library FILE` reads documents with that library, as `check --library FILE` does.
TEST(LspLibrary, DocumentsAreReadWithTheLibraryGivenOnTheCommandLine) {
  fs::path dir = fs::canonical(testing::temp_dir("lsp-library"));
  testing::write_file(dir / "mini.imputa", "predicate ponders(actor) \"the actor ponders\".\n");
  testing::write_file(dir / "broken.imputa", "predicate ponders(actor) \"the actor ponders\".\npredicate odd(nothing) \"x\".\n");
  const std::string text = "actor a \"A\".\nfact ponders(a).\n";
  const std::string doc = "file://" + (dir / "case.imputa").string();
  {
    Client client({"--library", (dir / "mini.imputa").string()});
    client.initialize();
    client.open(doc, text);
    EXPECT_EQ(client.diagnostics_for(doc), json::array());
    json r = client.call("textDocument/definition", at(doc, 1, 6));
    EXPECT_EQ(r["result"]["uri"], "file://" + (dir / "mini.imputa").string()) << r.dump();
    EXPECT_EQ(r["result"]["range"]["start"], position(0, 10));
    r = client.call("imputa/library", json::object());
    EXPECT_EQ(r["result"]["text"], read_file(dir / "mini.imputa"));
    // The library file edited on disk: read again at the document's next change.
    auto before = fs::last_write_time(dir / "mini.imputa");
    testing::write_file(dir / "mini.imputa", "predicate ponders(actor) \"the actor ponders\".\n"
                                             "predicate doubts(actor) \"the actor doubts\".\n");
    fs::last_write_time(dir / "mini.imputa", before + std::chrono::seconds(1)); // whatever the clock's grain
    client.notify("textDocument/didChange", {{"textDocument", {{"uri", doc}, {"version", 2}}},
                                             {"contentChanges", {{{"text", text + "fact doubts(a).\n"}}}}});
    EXPECT_EQ(client.diagnostics_for(doc), json::array());
  }
  for (const std::vector<std::string>& args : {std::vector<std::string>{}, std::vector<std::string>{"--no-library"}}) {
    Client client(args);
    client.initialize();
    client.open(doc, text);
    EXPECT_TRUE(has_code(client.diagnostics_for(doc), "E002")) << "ponders is not in the shipped library, nor in none";
  }
  // An error in the library file: at the top of the document, naming the file, and on the file itself.
  Client client({"--library", (dir / "broken.imputa").string()});
  client.initialize();
  client.open(doc, text);
  json d = client.diagnostics_for(doc);
  ASSERT_EQ(d.size(), 1u) << d.dump(2);
  EXPECT_EQ(d[0]["range"]["start"], position(0, 0));
  EXPECT_EQ(d[0]["message"].get<std::string>().rfind("library " + (dir / "broken.imputa").string() + ":2:", 0), 0u)
      << d.dump(2);
  json there = client.diagnostics_for("file://" + (dir / "broken.imputa").string());
  ASSERT_EQ(there.size(), 1u) << there.dump(2);
  EXPECT_EQ(there[0]["range"]["start"]["line"], 1);
  EXPECT_EQ(there[0]["code"], d[0]["code"]);
}

// A mistake in an imported file: on the import statement of the open
// document, naming the file and its line:column; and on the imported file
// itself, at its place there.
TEST(LspImports, DiagnosticsOfAnImportedFileShowOnTheImportAndOnTheFile) {
  fs::path dir = fs::canonical(testing::temp_dir("lsp-imports"));
  testing::write_file(dir / "parties.imputa", "actor gru \"GRU\".\nfact organ_of(gru, rux).\n");
  const std::string doc = "file://" + (dir / "case.imputa").string();
  const std::string parties = "file://" + (dir / "parties.imputa").string();
  const std::string text = "state rus \"Russia\".\nimport \"parties.imputa\".\nfact organ_of(gru, rus).\n";
  Client client;
  client.initialize();
  client.open(doc, text);
  json d = client.diagnostics_for(doc);
  ASSERT_EQ(d.size(), 1u) << d.dump(2);
  EXPECT_EQ(d[0]["code"], "E002");
  EXPECT_EQ(d[0]["range"]["start"], position(1, 0)); // the import statement, not line 1
  const std::string message = d[0]["message"];
  EXPECT_EQ(message.rfind("parties.imputa:2:20: ", 0), 0u) << message;
  EXPECT_NE(message.find("rux"), std::string::npos) << message;
  ASSERT_EQ(d[0]["relatedInformation"].size(), 1u) << d.dump(2);
  EXPECT_EQ(d[0]["relatedInformation"][0]["location"]["uri"], parties);
  EXPECT_EQ(d[0]["relatedInformation"][0]["location"]["range"]["start"], position(1, 19));
  json there = client.diagnostics_for(parties);
  ASSERT_EQ(there.size(), 1u) << there.dump(2);
  EXPECT_EQ(there[0]["code"], "E002");
  EXPECT_EQ(there[0]["range"]["start"], position(1, 19));
  EXPECT_EQ(there[0]["range"]["end"], position(1, 22));
  // Without the import, the imported file's diagnostics are withdrawn.
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", doc}, {"version", 2}}},
                                           {"contentChanges", {{{"text", "state rus \"Russia\".\n"}}}}});
  EXPECT_FALSE(has_code(client.diagnostics_for(doc), "E002"));
  EXPECT_EQ(client.diagnostics_for(parties), json::array());
}

// A file imported by an imported file: on the document's own import that leads to it.
TEST(LspImports, AMistakeTwoImportsDownShowsOnTheDocumentsImportThatLeadsToIt) {
  fs::path dir = fs::canonical(testing::temp_dir("lsp-imports-nested"));
  testing::write_file(dir / "parties.imputa", "actor gru \"GRU\".\nimport \"more/states.imputa\".\n");
  testing::write_file(dir / "more" / "states.imputa", "state rus \"Russia\".\nfact organ_of(gru, ruz).\n");
  const std::string doc = "file://" + (dir / "case.imputa").string();
  Client client;
  client.initialize();
  client.open(doc, "# the parties\nimport \"parties.imputa\".\nfact organ_of(gru, rus).\n");
  json d = client.diagnostics_for(doc);
  ASSERT_EQ(d.size(), 1u) << d.dump(2);
  EXPECT_EQ(d[0]["range"]["start"], position(1, 0));
  EXPECT_EQ(d[0]["message"].get<std::string>().rfind("more/states.imputa:2:20: ", 0), 0u) << d.dump(2);
  json there = client.diagnostics_for("file://" + (dir / "more" / "states.imputa").string());
  ASSERT_EQ(there.size(), 1u) << there.dump(2);
  EXPECT_EQ(there[0]["range"]["start"], position(1, 19));
}

// E013 (too large to ground) is found only by judging: the judging thread
// shows it at the claim it concerns, and the claim's lens says so in words.
TEST(LspJudging, AClaimTooLargeToJudgeGetsADiagnosticAndALensThatSaySo) {
  std::string conjunction;
  for (int i = 0; i < 33; ++i) conjunction += std::string(i ? " and " : "") + "a(op, V" + std::to_string(i) + ")";
  const std::string text = "operation op \"op\".\nactor a1 \"a1\".\npredicate a(operation, actor) \"a\".\n"
                           "claim wide \"33 free variables\" { holds " + conjunction + " }\n"
                           "claim narrow \"one\" { holds a(op, a1) }\n";
  const std::string doc = "file:///tmp/imputa-lsp-wide.imputa";
  Client client({"--no-library"});
  client.initialize();
  client.open(doc, text);
  EXPECT_FALSE(has_code(client.diagnostics_for(doc), "E013")); // reading the file does not ground it
  client.wait_for([&](const json& m) { return m.value("method", "") == "imputa/verdicts"; });
  json d = client.diagnostics_for(doc);
  ASSERT_TRUE(has_code(d, "E013")) << d.dump(2);
  EXPECT_EQ(d[0]["range"]["start"], position(3, 0));
  EXPECT_NE(d[0]["message"].get<std::string>().find("33 free variables"), std::string::npos) << d.dump(2);
  json r = client.call("textDocument/codeLens", {{"textDocument", {{"uri", doc}}}});
  std::map<int, std::string> lenses;
  for (const auto& lens : r["result"]) lenses[lens["range"]["start"]["line"]] = lens["command"]["title"];
  EXPECT_EQ(lenses[3].rfind("too large to judge: claim 'wide' has 33 free variables", 0), 0u) << r.dump(2);
  // Grounding reads the whole case: the other claim is not judged either, and its lens says why.
  EXPECT_EQ(lenses[4].rfind("not judged: claim 'wide' has 33 free variables", 0), 0u) << r.dump(2);
}

// ---- robustness ----

TEST(LspRobustness, MalformedMessagesGetJsonRpcErrors) {
  Client client;
  // Before initialize: requests are refused.
  json r = client.call("textDocument/hover", at(uri, 0, 0));
  EXPECT_EQ(r["error"]["code"], -32002);
  client.initialize();
  client.send_raw("Content-Length: 8\r\n\r\n{\"jsonrp");
  r = client.wait_for([](const json& m) { return m.contains("error"); });
  EXPECT_EQ(r["error"]["code"], -32700);
  EXPECT_EQ(r["id"], nullptr);
  client.send(json::array({1, 2}));
  r = client.wait_for([](const json& m) { return m.contains("error"); });
  EXPECT_EQ(r["error"]["code"], -32600);
  client.send({{"jsonrpc", "2.0"}, {"id", 7}, {"method", 42}});
  r = client.wait_for([](const json& m) { return m.contains("error"); });
  EXPECT_EQ(r["error"]["code"], -32600);
  EXPECT_EQ(r["id"], 7);
  // Nested deeper than any LSP message: refused before it is parsed (a JSON library recurses on it).
  client.send_raw([] {
    std::string body = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"x\",\"params\":" + std::string(200000, '[') +
                       std::string(200000, ']') + "}";
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }());
  r = client.wait_for([](const json& m) { return m.contains("error"); });
  EXPECT_EQ(r["error"]["code"], -32700);
  r = client.call("textDocument/noSuchThing", json::object());
  EXPECT_EQ(r["error"]["code"], -32601);
  r = client.call("workspace/whatever", json::object());
  EXPECT_EQ(r["error"]["code"], -32601);
  r = client.call("textDocument/hover", at("file:///nowhere.imputa", 0, 0));
  EXPECT_EQ(r["error"]["code"], -32602);
  r = client.call("textDocument/hover", {{"textDocument", {{"uri", 5}}}});
  EXPECT_EQ(r["error"]["code"], -32602);
  client.open(uri, example());
  client.diagnostics_for(uri);
  r = client.call("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", "x"}}}});
  EXPECT_EQ(r["error"]["code"], -32602);
  // Positions past the end are clamped, not trusted.
  r = client.call("textDocument/hover", at(uri, 1'000'000, 1'000'000));
  EXPECT_TRUE(r.contains("result"));
  r = client.call("textDocument/completion", at(uri, -4, -7));
  EXPECT_TRUE(r.contains("result"));
  // Unknown notifications are ignored; the server still answers.
  client.notify("$/somethingNew", json::object());
  r = client.call("shutdown", nullptr);
  EXPECT_TRUE(r.contains("result"));
  r = client.call("textDocument/hover", at(uri, 0, 0));
  EXPECT_EQ(r["error"]["code"], -32600); // after shutdown
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(seconds_allowed), 0);
}

TEST(LspRobustness, ADocumentThatNeverParsesStillAnswers) {
  Client client;
  client.initialize();
  const std::string garbage = std::string("claim ((( \"unterminated\n\xff\xfe evidence {{{ ") + '\0' + "}}} ))) .";
  client.open("file:///tmp/garbage.imputa", garbage);
  json d = client.diagnostics_for("file:///tmp/garbage.imputa");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0]["severity"], 1);
  for (const auto& method : {"textDocument/hover", "textDocument/definition", "textDocument/completion",
                             "textDocument/prepareRename"}) {
    json r = client.call(method, at("file:///tmp/garbage.imputa", 0, 3));
    EXPECT_TRUE(r.contains("result")) << method << ": " << r.dump();
  }
  json r = client.call("textDocument/documentSymbol", {{"textDocument", {{"uri", "file:///tmp/garbage.imputa"}}}});
  EXPECT_TRUE(r.contains("result"));
  r = client.call("textDocument/codeLens", {{"textDocument", {{"uri", "file:///tmp/garbage.imputa"}}}});
  EXPECT_EQ(r["result"], json::array());
}

TEST(LspRobustness, AFiveMebibyteDocumentIsRead) {
  Client client;
  client.initialize();
  std::string big = example();
  std::string entities;
  for (int i = 0; entities.size() + big.size() < 5u * 1024u * 1024u; ++i)
    entities += "state s" + std::to_string(i) + " \"A state with a long label, to fill the file: " +
                std::string(40, 'x') + "\".\n";
  client.open("file:///tmp/big.imputa", big + entities);
  json d = client.diagnostics_for("file:///tmp/big.imputa");
  EXPECT_TRUE(d.is_array());
  json r = client.call("textDocument/hover", at("file:///tmp/big.imputa", 170, 7));
  EXPECT_TRUE(r.contains("result"));
  r = client.call("shutdown", nullptr);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(seconds_allowed), 0);
}

TEST(LspRobustness, AClientThatDisconnectsEndsTheSession) {
  Client client;
  client.initialize();
  client.open(uri, example());
  client.close_input(); // mid-judging: the verdicts of the example are under way
  EXPECT_EQ(client.wait_exit(seconds_allowed), 1); // no shutdown: exit code 1 (LSP 3.17)
}

TEST(LspRobustness, AnUnreadableHeaderEndsTheSession) {
  Client client;
  client.initialize();
  client.send_raw("Content-Length: lots\r\n\r\n{}");
  EXPECT_EQ(client.wait_exit(seconds_allowed), 2);
  Client again;
  again.initialize();
  again.send_raw("Content-Length: 99999999999\r\n\r\n{}");
  EXPECT_EQ(again.wait_exit(seconds_allowed), 2);
}

} // namespace
} // namespace imputa
