// `imputa serve`: every endpoint of the page's API, the what-ifs checked as
// check checks its options, and the refusals of docs/serve.md ("Safety"):
// path traversal, symlinks out, a foreign Host header, oversized and
// malformed requests. The server runs in-process on a free loopback port.
#include "render.hpp"
#include "serve.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <thread>

namespace imputa {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;
using testing::source_dir;

// A server on a free port of 127.0.0.1, stopped when the test ends.
class Running {
public:
  explicit Running(const fs::path& target, long timeout_ms = 10000) {
    cli::ServeOptions o;
    o.target = target.string();
    o.port = 0;
    o.judge.timeout_ms = timeout_ms;
    o.judge.jobs = 2;
    server_ = std::make_unique<cli::serve::Server>(o);
    std::string error;
    port_ = server_->bind(error);
    EXPECT_GT(port_, 0) << error;
    thread_ = std::thread([this] { server_->run(); });
  }
  ~Running() {
    server_->stop();
    thread_.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(120, 0); // generous: the machine may be loaded
    return c;
  }
  httplib::Result get(const std::string& path) const { return client().Get(path.c_str()); }
  Json json(const std::string& path, int expected_status = 200) const {
    auto r = get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return {};
    EXPECT_EQ(r->status, expected_status) << path << "\n" << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json") << path;
    return Json::parse(r->body);
  }
  std::string url() const { return server_->url(); }

private:
  std::unique_ptr<cli::serve::Server> server_;
  std::thread thread_;
  int port_ = -1;
};

const Json& claim(const Json& answer, const std::string& id) {
  for (const auto& c : answer["report"]["claims"])
    if (c["id"] == id) return c;
  static const Json none;
  ADD_FAILURE() << "no claim " << id;
  return none;
}

Running& examples() {
  static Running* server = new Running(source_dir() / "examples"); // one for the whole binary
  return *server;
}

TEST(Serve, ThePageAndItsFilesComeFromTheBinary) {
  for (const char* path : {"/", "/app.js", "/style.css", "/report.css"}) {
    auto r = examples().get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_FALSE(r->body.empty()) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  }
  EXPECT_NE(examples().get("/")->body.find("<script src=\"/app.js\""), std::string::npos);
  EXPECT_EQ(examples().get("/nothing-here")->status, 404);
  EXPECT_EQ(examples().url().rfind("http://127.0.0.1:", 0), 0u);
}

TEST(Serve, ListsTheCaseFilesOfTheFolder) {
  Json j = examples().json("/api/files");
  std::vector<std::string> files = j["files"];
  EXPECT_NE(std::find(files.begin(), files.end(), "classroom/control.imputa"), files.end());
  EXPECT_NE(std::find(files.begin(), files.end(), "notpetya_2017.imputa"), files.end());
  for (const auto& f : files) EXPECT_TRUE(f.ends_with(".imputa")) << f;
  EXPECT_TRUE(j["stamp"].is_string());
}

TEST(Serve, JudgesAFileAsCheckDoesWithTheReportAndItsSections) {
  Json j = examples().json("/api/case?file=classroom/control.imputa");
  EXPECT_TRUE(j["ok"]);
  EXPECT_EQ(j["report"]["file"], "classroom/control.imputa");
  EXPECT_EQ(claim(j, "under_effective")["verdict"], "not_established");
  EXPECT_EQ(claim(j, "under_overall")["verdict"], "established");
  ASSERT_EQ(j["html"].size(), j["report"]["claims"].size());
  EXPECT_NE(j["html"][0].get<std::string>().find("<section class=\"claim\""), std::string::npos);
  const Json& controls = j["controls"];
  EXPECT_EQ(controls["evidence"][0]["id"], "e_tools");
  bool control_family = false;
  for (const auto& f : controls["families"]) control_family |= f["family"] == "control";
  EXPECT_TRUE(control_family);
  EXPECT_FALSE(controls["standards"].empty());
}

TEST(Serve, WhatIfsChangeTheVerdicts) {
  auto& s = examples();
  Json overall = s.json("/api/case?file=classroom/control.imputa&doctrine=control%3Doverall_control");
  EXPECT_EQ(claim(overall, "under_effective")["verdict"], "established");
  Json without = s.json("/api/case?file=classroom/control.imputa&drop=e_sponsor");
  EXPECT_EQ(claim(without, "under_overall")["verdict"], "not_established");
  EXPECT_EQ(claim(without, "supported_only")["verdict"], "not_established");
  Json np = s.json("/api/case?file=notpetya_2017.imputa");
  EXPECT_EQ(claim(np, "attribution")["verdict"], "established");
  Json early = s.json("/api/case?file=notpetya_2017.imputa&as_of=2017-06-28");
  EXPECT_EQ(claim(early, "attribution")["verdict"], "not_established");
  Json strict = s.json("/api/case?file=classroom/control.imputa&standard=beyond_reasonable_doubt");
  EXPECT_EQ(claim(strict, "under_overall")["standard"], "beyond_reasonable_doubt");
  Json assumed =
      s.json("/api/case?file=classroom/control.imputa&assume=effective_control_over(borduria,%20hacker_collective,%20"
             "bank_wipe)");
  EXPECT_TRUE(assumed["ok"]);
}

TEST(Serve, AMisspeltWordIsRefusedWithDidYouMean) {
  auto& s = examples();
  Json j = s.json("/api/case?file=classroom/control.imputa&drop=e_sponsr", 400);
  EXPECT_NE(j["diagnostics"].get<std::string>().find("e_sponsor"), std::string::npos) << j.dump(2);
  // In the page's words: the page has no command line to point into.
  EXPECT_EQ(j["error"], "No evidence item named e_sponsr; did you mean e_sponsor?") << j.dump(2);
  for (const char* command_line : {"command line", "--drop", "error:"})
    EXPECT_EQ(j.dump().find(command_line), std::string::npos) << command_line << "\n" << j.dump(2);
  j = s.json("/api/case?file=classroom/control.imputa&doctrine=control%3Doverall", 400);
  EXPECT_NE(j["diagnostics"].get<std::string>().find("overall_control"), std::string::npos) << j.dump(2);
  j = s.json("/api/case?file=classroom/control.imputa&doctrine=control", 400);
  EXPECT_NE(j["diagnostics"].get<std::string>().find("FAMILY=ALTERNATIVE"), std::string::npos) << j.dump(2);
  j = s.json("/api/case?file=classroom/control.imputa&standard=clear_convincing", 400);
  EXPECT_NE(j["diagnostics"].get<std::string>().find("clear_and_convincing"), std::string::npos) << j.dump(2);
  j = s.json("/api/case?file=classroom/control.imputa&as_of=2017-13-01", 400);
  EXPECT_FALSE(j["diagnostics"].get<std::string>().empty());
  j = s.json("/api/case?file=classroom/control.imputa&assume=organ_of(", 400);
  EXPECT_NE(j["diagnostics"].get<std::string>().find("is not an atom"), std::string::npos) << j.dump(2);
  j = s.json("/api/graph?file=classroom/control.imputa&claim=under_overal", 400);
  EXPECT_NE(j["diagnostics"].get<std::string>().find("under_overall"), std::string::npos) << j.dump(2);
  EXPECT_EQ(j["error"], "No claim named under_overal; did you mean under_overall?") << j.dump(2);
  j = s.json("/api/case?file=classroom/control.imputa&doctrine=control%3Doverall", 400);
  EXPECT_EQ(j["error"], "The doctrine family control has no alternative overall; its alternatives are "
                        "effective_control, overall_control.");
  j = s.json("/api/case?file=classroom/control.imputa&doctrine=control%3Doverall_contrl", 400);
  EXPECT_EQ(j["error"], "The doctrine family control has no alternative overall_contrl; did you mean overall_control?");
  j = s.json("/api/case?file=classroom/control.imputa&standard=clear_convincing", 400);
  EXPECT_EQ(j["error"], "No standard of proof named clear_convincing; the standards are beyond_reasonable_doubt, "
                        "clear_and_convincing, fully_conclusive, preponderance, reasonable_suspicion.");
  j = s.json("/api/case?file=classroom/control.imputa&standard=preponderanse", 400);
  EXPECT_EQ(j["error"], "No standard of proof named preponderanse; did you mean preponderance?");
  j = s.json("/api/case?file=classroom/control.imputa&drop=zzzz&drop=e_sponsr", 400); // each problem, in order
  EXPECT_EQ(j["error"], "No evidence item, labelled fact or rule named zzzz in this case. "
                        "No evidence item named e_sponsr; did you mean e_sponsor?");
  j = s.json("/api/case?file=classroom/control.imputa&doctrine=control%3Doverall_control"
             "&doctrine=control%3Deffective_control", 400);
  EXPECT_NE(j["error"].get<std::string>().find("chosen twice"), std::string::npos) << j.dump(2);
}

// cpp-httplib keeps a repeated identical parameter once (drop=a&drop=a); an
// item repeated under another spelling (%61) is kept once by the server. The
// answer is that of the item dropped once, and the page's address follows it
// (tests/browser: the address names the item once).
TEST(Serve, AnItemDroppedTwiceIsDroppedOnce) {
  auto& s = examples();
  const std::string file = "/api/case?file=notpetya_2017.imputa";
  Json once = s.json(file + "&drop=e_indictment&drop=e_uk");
  for (const char* twice : {"&drop=e_indictment&drop=e_uk&drop=e_indictment",
                            "&drop=e_indictment&drop=e_uk&drop=e_%69ndictment&drop=e_uk"}) {
    Json j = s.json(file + twice);
    EXPECT_EQ(j["report"]["claims"], once["report"]["claims"]) << twice;
    EXPECT_EQ(j["report"]["summary"], once["report"]["summary"]) << twice;
    EXPECT_EQ(j["judged"], 0) << twice << ": the same what-if as dropping each once, its verdicts reused";
  }
}

// A what-if reuses the verdicts it does not touch (imputa/dependencies.hpp):
// each answer of a server that has seen other what-ifs is the answer of a
// fresh server, claim by claim, reasons included.
TEST(Serve, ReusedVerdictsAreTheVerdictsOfAFreshJudgment) {
  Running warm(source_dir() / "examples");
  const std::vector<std::string> session{
      "file=notpetya_2017.imputa",
      "file=notpetya_2017.imputa&drop=e_vector",
      "file=notpetya_2017.imputa&drop=e_vector&drop=e_indictment",
      "file=notpetya_2017.imputa&drop=e_indictment&as_of=2018-03-01",
      "file=notpetya_2017.imputa&as_of=2017-07-01",
      "file=notpetya_2017.imputa&doctrine=substantiation%3Ddisclosed_evidence",
      "file=notpetya_2017.imputa&as_of=2017-07-01&assume=organ_of(telebots,%20rus)",
      "file=classroom/control.imputa",
      "file=classroom/control.imputa&doctrine=control%3Doverall_control",
      "file=classroom/control.imputa&drop=e_tools",
      "file=classroom/control.imputa&doctrine=control%3Doverall_control&drop=e_tools",
      "file=classroom/origin.imputa&standard=beyond_reasonable_doubt",
      "file=classroom/origin.imputa",
  };
  for (const auto& query : session) {
    Json reused = warm.json("/api/case?" + query);
    Running cold(source_dir() / "examples");
    Json fresh = cold.json("/api/case?" + query);
    ASSERT_EQ(reused["report"]["claims"].size(), fresh["report"]["claims"].size()) << query;
    for (std::size_t i = 0; i < fresh["report"]["claims"].size(); ++i) {
      const Json& a = reused["report"]["claims"][i];
      const Json& b = fresh["report"]["claims"][i];
      for (const auto& [key, value] : b.items())
        EXPECT_EQ(a[key], value) << query << ": claim " << b["id"] << ", " << key;
    }
    EXPECT_EQ(reused["report"]["summary"], fresh["report"]["summary"]) << query;
  }
}

// With `claim`, the page's request: that claim with its reasons, every other
// claim with the verdict a full judgment gives it, under each what-if, reused
// or not; asking for another claim's reasons then judges only that claim.
TEST(Serve, TheClaimShownComesWithItsReasonsAndTheOthersWithTheirVerdicts) {
  Running warm(source_dir() / "examples");
  const std::vector<std::string> session{
      "file=notpetya_2017.imputa",
      "file=notpetya_2017.imputa&drop=e_vector",
      "file=notpetya_2017.imputa&drop=e_indictment&as_of=2018-03-01",
      "file=notpetya_2017.imputa&standard=beyond_reasonable_doubt",
      "file=classroom/control.imputa&doctrine=control%3Doverall_control",
  };
  for (const auto& query : session) {
    Json full = warm.json("/api/case?" + query);
    const Json& claims = full["report"]["claims"];
    ASSERT_FALSE(claims.empty()) << query;
    for (const std::string& shown : {claims.front()["id"].get<std::string>(), claims.back()["id"].get<std::string>()}) {
      Running cold(source_dir() / "examples");
      for (const Running* server : {&warm, &cold}) {
        Json page = server->json("/api/case?" + query + "&claim=" + shown);
        EXPECT_EQ(page["explained"], shown) << query;
        ASSERT_EQ(page["report"]["claims"].size(), claims.size()) << query;
        for (std::size_t i = 0; i < claims.size(); ++i) {
          const Json& a = page["report"]["claims"][i];
          EXPECT_EQ(a["verdict"], claims[i]["verdict"]) << query << ": claim " << a["id"];
          EXPECT_EQ(a["as_expected"], claims[i]["as_expected"]) << query << ": claim " << a["id"];
          if (a["id"] == shown) {
            EXPECT_EQ(a, claims[i]) << query << ": the claim shown, reasons and all";
          }
        }
        EXPECT_EQ(page["report"]["summary"], full["report"]["summary"]) << query;
      }
    }
  }
  Json one = warm.json("/api/case?file=sony_2014.imputa&drop=e_fbi&claim=accused_2014");
  EXPECT_EQ(one["explained"], "accused_2014");
  Json other = warm.json("/api/case?file=sony_2014.imputa&drop=e_fbi&claim=" +
                         one["report"]["claims"].back()["id"].get<std::string>());
  EXPECT_LE(other["judged"].get<int>(), 1) << "only the claim newly shown is judged again";
  warm.json("/api/case?file=sony_2014.imputa&claim=accused_201", 400);
  warm.json("/api/case?file=sony_2014.imputa&claim=accused_2014&view=full", 400);
}

TEST(Serve, MalformedRequestsAreRefusedWithTheProblemNamed) {
  auto& s = examples();
  Json j = s.json("/api/case", 400);
  EXPECT_NE(j["error"].get<std::string>().find("'file'"), std::string::npos);
  j = s.json("/api/case?file=classroom/control.imputa&colour=red", 400);
  EXPECT_NE(j["error"].get<std::string>().find("unknown parameter 'colour'"), std::string::npos);
  j = s.json("/api/case?file=classroom/control.imputa&standard=a&standard=b", 400);
  EXPECT_NE(j["error"].get<std::string>().find("more than once"), std::string::npos);
  std::string many = "/api/case?file=classroom/control.imputa";
  for (int i = 0; i < 70; ++i) many += "&drop=e_tools" + std::to_string(i); // distinct: httplib merges repeats
  j = s.json(many, 400);
  EXPECT_NE(j["error"].get<std::string>().find("too many parameters"), std::string::npos);
  j = s.json("/api/case?file=classroom/control.imputa&drop=" + std::string(600, 'x'), 400);
  EXPECT_NE(j["error"].get<std::string>().find("too long"), std::string::npos);
  j = s.json("/api/graph?file=classroom/control.imputa", 400);
  EXPECT_NE(j["error"].get<std::string>().find("'claim'"), std::string::npos);
  j = s.json("/api/graph?file=classroom/control.imputa&claim=under_overall&view=sideways", 400);
  EXPECT_NE(j["error"].get<std::string>().find("view"), std::string::npos);
}

TEST(Serve, OversizedRequestsAndWritesAreRefused) {
  auto c = examples().client();
  auto r = c.Post("/api/case", std::string(1024 * 1024, 'x'), "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  r = c.Post("/api/case", "x", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  r = c.Get(("/api/case?file=" + std::string(9000, 'a')).c_str());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 414);
}

TEST(Serve, PathsOutOfTheFolderAreRefused) {
  auto& s = examples();
  s.json("/api/case?file=../CMakeLists.txt", 403);
  s.json("/api/case?file=../examples/notpetya_2017.imputa", 403);
  s.json("/api/case?file=classroom/../../dsl/lib/gge2015.imputa", 403);
  s.json("/api/case?file=%2e%2e/tests/dsl/errors/e001_missing_dot.imputa", 403);
  s.json("/api/case?file=/etc/passwd", 403);
  s.json("/api/case?file=%2Fetc%2Fpasswd", 403);
  s.json("/api/case?file=notpetya_2017.expected", 403);
  s.json("/api/graph?file=../CMakeLists.txt&claim=x", 403);
  s.json("/api/case?file=no_such_case.imputa", 404);
}

TEST(Serve, SymlinksOutOfTheFolderAreRefusedAndNotListed) {
  fs::path dir = testing::temp_dir("serve_symlink");
  fs::path outside = testing::temp_dir("serve_outside");
  fs::copy_file(source_dir() / "examples/classroom/control.imputa", outside / "secret.imputa");
  fs::create_directory(dir / "cases");
  fs::copy_file(source_dir() / "examples/classroom/control.imputa", dir / "cases/inside.imputa");
  fs::create_symlink(outside / "secret.imputa", dir / "cases/link.imputa");
  fs::create_directory_symlink(outside, dir / "cases/linked_dir");
  Running s(dir / "cases");
  s.json("/api/case?file=link.imputa", 403);
  s.json("/api/case?file=linked_dir/secret.imputa", 403);
  s.json("/api/case?file=inside.imputa");
  Json files = s.json("/api/files");
  EXPECT_EQ(files["files"], Json::array({"inside.imputa"}));
}

TEST(Serve, AForeignHostHeaderIsRefused) {
  auto c = examples().client();
  for (const char* host : {"evil.example", "evil.example:8017", "192.168.1.10", "localhost.evil.example",
                           "127.0.0.1.evil.example", "127.evil.example:8017"}) {
    auto r = c.Get("/api/files", {{"Host", host}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << host;
    EXPECT_NE(r->body.find("Host header"), std::string::npos) << r->body;
  }
  for (const char* host : {"localhost", "127.0.0.1:8017", "[::1]:8017"}) {
    auto r = c.Get("/api/files", {{"Host", host}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << host;
  }
}

TEST(Serve, AClaimsGraphIsSvg) {
  auto r = examples().get("/api/graph?file=classroom/control.imputa&claim=under_overall&doctrine=control%3D"
                          "effective_control");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "image/svg+xml");
  EXPECT_NE(r->body.find("<svg"), std::string::npos);
  auto full = examples().get("/api/graph?file=classroom/control.imputa&claim=under_overall&view=full");
  ASSERT_TRUE(full);
  EXPECT_EQ(full->status, 200);
}

TEST(Serve, AFileThatNoLongerParsesShowsItsDiagnosticsAndTheStampMoves) {
  fs::path dir = testing::temp_dir("serve_watch");
  testing::write_file(dir / "case.imputa", testing::read_file(source_dir() / "examples/classroom/control.imputa"));
  Running s(dir);
  Json before = s.json("/api/stamp");
  EXPECT_TRUE(s.json("/api/case?file=case.imputa")["ok"]);
  std::this_thread::sleep_for(std::chrono::milliseconds(20)); // a new modification time
  testing::write_file(dir / "case.imputa", "claim broken \"no dot\" { holds attributable(x, y) }\nstate");
  EXPECT_NE(s.json("/api/stamp")["stamp"], before["stamp"]);
  Json j = s.json("/api/case?file=case.imputa");
  EXPECT_FALSE(j["ok"]);
  EXPECT_NE(j["diagnostics"].get<std::string>().find("error"), std::string::npos) << j.dump(2);
}

TEST(Serve, ACaseFileGivenAloneIsTheOnlyOneServed) {
  Running s(source_dir() / "examples/classroom/control.imputa");
  EXPECT_EQ(s.json("/api/files")["files"], Json::array({"control.imputa"}));
  s.json("/api/case?file=control.imputa");
  s.json("/api/case?file=origin.imputa", 403);
  EXPECT_NE(s.url().find("#file=control.imputa"), std::string::npos);
}

TEST(Serve, AClaimOutOfTimeShowsUnknownAndTheAnswerStillComes) {
  Running s(source_dir() / "examples", 1);
  Json j = s.json("/api/case?file=notpetya_2017.imputa");
  ASSERT_TRUE(j["ok"]);
  for (const auto& c : j["report"]["claims"]) {
    const std::string v = c["verdict"];
    EXPECT_TRUE(verdict_from_string(v).has_value()) << v;
    if (v == "unknown") {
      EXPECT_FALSE(c["unknown_reason"].is_null());
    }
  }
}

TEST(Serve, CannotServeWhatIsNotAFolderOrACaseFile) {
  cli::ServeOptions o;
  o.target = (source_dir() / "README.md").string();
  o.port = 0;
  cli::serve::Server server(o);
  std::string error;
  EXPECT_EQ(server.bind(error), -1);
  EXPECT_NE(error.find("not a folder or a case file"), std::string::npos) << error;
}

TEST(RenderHtml, OneSelfContainedPageWithTheAuthorsTextEscaped) {
  EXPECT_EQ(render::html_escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
  auto r = testing::run_imputa({"check", "--format", "html", (source_dir() / "examples/classroom/control.imputa").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("<!DOCTYPE html>")) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("class=\"verdict v-established\""), std::string::npos);
  EXPECT_NE(r.out.find("under_effective"), std::string::npos);
  EXPECT_EQ(r.out.find("<script"), std::string::npos);
  EXPECT_EQ(r.out.find("http"), std::string::npos); // nothing fetched
}

} // namespace
} // namespace imputa
