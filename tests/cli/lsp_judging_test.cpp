// The judging thread of `imputa lsp` when the text changes under it. The
// server runs in-process with a hook that holds judging before a claim, so
// the edit arrives mid-judging every time, whatever the machine's speed.
#include "lsp.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace imputa {
namespace {
using json = nlohmann::json;
namespace lsp = cli::lsp;

// Judging stops before the claim `held` until the test lets it go.
class Gate {
public:
  explicit Gate(std::string held) : held_(std::move(held)) {}
  void before(const std::string& claim) {
    std::unique_lock lock(mutex_);
    if (claim != held_ || passed_) return;
    reached_ = true;
    changed_.notify_all();
    changed_.wait_for(lock, std::chrono::seconds(120), [&] { return open_; });
    passed_ = true; // held once: the judging of the new text goes through
  }
  bool wait_reached() {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(120), [&] { return reached_; });
  }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

private:
  std::string held_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool reached_ = false, open_ = false, passed_ = false;
};

// What the server sent, from both of its threads.
class Sent {
public:
  void add(const json& m) {
    std::lock_guard lock(mutex_);
    messages_.push_back(m);
  }
  std::vector<json> with_method(const std::string& method) {
    std::lock_guard lock(mutex_);
    std::vector<json> out;
    for (const auto& m : messages_)
      if (m.value("method", "") == method) out.push_back(m);
    return out;
  }
  json response(int id) {
    std::lock_guard lock(mutex_);
    for (const auto& m : messages_)
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
    return json();
  }

private:
  std::mutex mutex_;
  std::vector<json> messages_;
};

const std::string text = "operation op \"op\".\nactor a1 \"a1\".\nactor a2 \"a2\".\n"
                         "predicate a(operation, actor) \"a\".\nfact a(op, a1).\n"
                         "claim first \"first\" { holds a(op, a1) expect established }\n"
                         "claim second \"second\" { holds a(op, a2) expect not_established }\n";
const std::string uri = "file:///tmp/imputa-lsp-judging.imputa";

void send(lsp::Server& server, const json& message) { server.receive(message.dump()); }

json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

// The lenses' titles by 0-based line.
std::map<int, std::string> lenses(lsp::Server& server, Sent& sent, int id) {
  send(server, {{"jsonrpc", "2.0"}, {"id", id}, {"method", "textDocument/codeLens"},
                {"params", {{"textDocument", {{"uri", uri}}}}}});
  std::map<int, std::string> out;
  json r = sent.response(id);
  EXPECT_TRUE(r.contains("result")) << r.dump();
  for (const auto& lens : r["result"]) out[lens["range"]["start"]["line"]] = lens["command"]["title"];
  return out;
}

TEST(LspJudging, AnEditWhileJudgingMarksTheLensesStaleAndOnlyTheNewTextIsJudged) {
  Gate gate("second");
  Sent sent;
  lsp::ServerOptions options;
  options.library = false;
  options.timeout = std::chrono::milliseconds(30000);
  options.before_judging = [&](const std::string& claim) { gate.before(claim); };
  lsp::Server server([&](const json& m) { sent.add(m); }, options);
  struct Release { // whatever fails below, the judging thread is let go before the server ends
    Gate& gate;
    ~Release() { gate.open(); }
  } release{gate};

  send(server, {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}});
  send(server, notification("textDocument/didOpen",
                            {{"textDocument", {{"uri", uri}, {"languageId", "imputa"}, {"version", 1}, {"text", text}}}}));
  ASSERT_TRUE(gate.wait_reached()); // `first` judged, `second` held
  auto before = lenses(server, sent, 2);
  EXPECT_EQ(before, (std::map<int, std::string>{{5, "ESTABLISHED · expected ✓"}}));

  // The edit: a line above, and `first` now expected REFUTED.
  std::string edited = "\n" + text;
  edited.replace(edited.find("expect established"), 18, "expect refuted");
  send(server, notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                                       {"contentChanges", {{{"text", edited}}}}}));
  auto stale = lenses(server, sent, 3);
  EXPECT_EQ(stale, (std::map<int, std::string>{
                       {6, "ESTABLISHED · expected ✓ (before your edits: save to judge again)"}}));
  send(server, notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}));
  gate.open();
  server.wait_idle();

  // Only the new text's verdicts were announced, and the lenses are theirs.
  auto verdicts = sent.with_method("imputa/verdicts");
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_EQ(verdicts[0]["params"]["version"], 2);
  EXPECT_EQ(verdicts[0]["params"]["claims"][0]["title"], "ESTABLISHED · expected REFUTED ✗");
  auto after = lenses(server, sent, 4);
  EXPECT_EQ(after, (std::map<int, std::string>{{6, "ESTABLISHED · expected REFUTED ✗"},
                                               {7, "NOT ESTABLISHED · expected ✓"}}));
}

} // namespace
} // namespace imputa
