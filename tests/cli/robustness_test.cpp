// The binary under hostile input: limits (E013), garbage, import containment
// (E010), fmt's atomic writes, report escaping, and byte-identical reruns.
#include "imputa/diagnostic.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fcntl.h>
#include <regex>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace imputa {
namespace {
namespace fs = std::filesystem;
using testing::read_file;
using testing::run_imputa;
using testing::RunResult;
using testing::temp_dir;
using testing::write_file;

// True if `err` holds `file:LINE:COL: error: ... [code]`.
bool located(const std::string& err, const std::string& file, const std::string& code) {
  std::regex re("(^|\n)" + std::regex_replace(file, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                ":[0-9]+:[0-9]+: error: [^\n]*\\[" + code + "\\]");
  return std::regex_search(err, re);
}

struct LimitedRun : RunResult {
  double seconds = 0;        // wall-clock time
  double cpu_seconds = 0;    // the child's processor time (user and system): steady under a loaded machine
  long peak_rss_mib = 0;     // the child's peak resident memory
};

// Like run_imputa, but the child is killed by SIGALRM after `seconds`; with
// `unprivileged`, a child of root runs as nobody so that file permissions bind.
// The time a limit case may take: ten seconds in a plain build; sanitizers
// multiply time (a 0.5 s case takes 10 s under ASan), so there only a hang fails.
constexpr double seconds_allowed = testing::sanitized ? 60.0 : 10.0;

// A copy of the binary that an unprivileged user can run wherever the
// checkout lives (a clone in /root or under `mktemp -d` is closed to others).
std::string binary_for_anyone() {
  static const std::string path = [] {
    fs::path dir = temp_dir("binary-for-anyone");
    fs::path copy = dir / "imputa";
    fs::copy_file(IMPUTA_BINARY, copy, fs::copy_options::overwrite_existing);
    const auto open = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                      fs::perms::others_read | fs::perms::others_exec;
    fs::permissions(copy, open);
    for (fs::path p = dir; p != fs::temp_directory_path() && p.has_parent_path(); p = p.parent_path())
      fs::permissions(p, open);
    return copy.string();
  }();
  return path;
}

LimitedRun run_with_limit(const std::vector<std::string>& args, unsigned seconds, bool unprivileged = false) {
  fs::path dir = temp_dir("limited-run");
  fs::path out_path = dir / "out", err_path = dir / "err";
  const std::string binary = unprivileged ? binary_for_anyone() : std::string(IMPUTA_BINARY);
  pid_t pid = fork();
  if (pid == 0) {
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    if (unprivileged && geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(126);
    std::vector<std::string> copy = args;
    std::string program = binary;
    std::vector<char*> argv{program.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    alarm(seconds); // survives exec: the default action ends the child
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  auto start = std::chrono::steady_clock::now();
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  LimitedRun r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.peak_rss_mib = usage.ru_maxrss / 1024;
  auto to_seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  r.cpu_seconds = to_seconds(usage.ru_utime) + to_seconds(usage.ru_stime);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

// lint and check both refuse the file with exit code 2 and a located diagnostic.
void expect_refused(const fs::path& file, const std::string& code) {
  for (const char* command : {"lint", "check"}) {
    SCOPED_TRACE(command);
    auto r = run_imputa({command, file.string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(located(r.err, file.string(), code)) << r.err.substr(0, 2000);
    EXPECT_EQ(r.out, "");
  }
}

// ---- Limits (docs/language.md §10, E013) ----

TEST(Limits, FileOverEightMebibytesIsRefused) {
  fs::path file = temp_dir("limits-size") / "big.imputa";
  write_file(file, std::string(8u * 1024u * 1024u + 1u, ' '));
  expect_refused(file, "E013");
}

TEST(Limits, HundredThousandParenthesesAreRefused) {
  fs::path file = temp_dir("limits-parens") / "parens.imputa";
  write_file(file, "fact " + std::string(100000, '(') + "a" + std::string(100000, ')') + ".\n");
  expect_refused(file, "E013");
}

TEST(Limits, BinaryGarbageIsRefused) {
  fs::path file = temp_dir("limits-garbage") / "garbage.imputa";
  std::string garbage;
  for (int i = 0; i < 65536; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  write_file(file, garbage);
  expect_refused(file, "E001");
}

TEST(Limits, InvalidUtf8IsRefused) {
  fs::path file = temp_dir("limits-utf8") / "utf8.imputa";
  write_file(file, "state a \"ok\".\nstate b \"bad \xc3\x28 byte\".\nstate c \"\xed\xa0\x80\".\n");
  expect_refused(file, "E001");
}

TEST(Limits, NulBytesAreRefused) {
  fs::path file = temp_dir("limits-nul") / "nul.imputa";
  write_file(file, std::string("state a \"x\".\n\0\0\0state b \"y\".\n", 28));
  expect_refused(file, "E001");
}

TEST(Limits, NegationsNestedThroughParenthesesAreRefused) {
  // Each `not` chain and the parentheses stay below 256 alone; together they
  // nested 65,000 deep and `check` overflowed the stack.
  std::string deep, closing;
  for (int i = 0; i < 255; ++i) {
    for (int k = 0; k < 255; ++k) deep += "not ";
    deep += "(";
    closing += ")";
  }
  fs::path file = temp_dir("limits-negations") / "deep.imputa";
  write_file(file, "actor gru \"G\".\nstate rus \"R\".\nclaim c \"x\" {\n  holds " + deep + "organ_of(gru, rus)" +
                       closing + "\n}\n");
  expect_refused(file, "E013");
}

// 60 actors, a `linked` fact to join on, `rule`, and a claim holding `claim`.
std::string wide_case(const std::string& rule, const std::string& claim) {
  std::string text = "predicate linked(actor, actor) \"x\".\npredicate chained(actor) \"x\".\n"
                     "predicate wide(actor, actor, actor, actor, actor) \"x\".\n";
  for (int i = 0; i < 60; ++i) text += "actor a" + std::to_string(i) + " \"Actor " + std::to_string(i) + "\".\n";
  text += "evidence e forensic \"x\" {\n  supports linked(a0, a1)\n  confidence likely\n}\n";
  return text + rule + "\nclaim c \"x\" {\n  holds " + claim + "\n}\n";
}

// A claim with five free variables over 60 actors: 60^5 groundings. Grounding
// stops at 1,000,000 ground atoms with E013 (about 1.4 GB and 4 s here). The
// time limit covers grounding too, so it is set high enough for the size
// limit to be what stops it (here and below).
TEST(Limits, ClaimWithFiveVariablesStopsWithE013) {
  if (testing::sanitized) GTEST_SKIP() << "gigabytes under ASan";
  fs::path file = temp_dir("limits-claim-grounding") / "wide.imputa";
  write_file(file, wide_case("rule r \"r\": wide(A, B, C, D, E) if linked(A, B), linked(C, D), linked(E, A).",
                             "wide(A, B, C, D, E)"));
  auto r = run_with_limit({"check", "--jobs", "1", "--timeout-ms", "600000", file.string()}, 300);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(located(r.err, file.string(), "E013")) << r.err;
  EXPECT_EQ(r.err.find("ground atom"), std::string::npos) << r.err;
  // What grew: the predicate with the most statements, with one of them.
  EXPECT_NE(r.err.find("of them are about 'wide', such as wide("), std::string::npos) << r.err;
  EXPECT_LT(r.cpu_seconds, 120.0); // seconds of work; the alarm above bounds the wall clock (a loaded machine)
  EXPECT_LT(r.peak_rss_mib, 3072);
}

// A rule with five free variables over 60 actors: 60^5 ways to draw
// chained(a0). It stops with E013 at max_ways_per_conclusion
// (solver/ground/ground.hpp), at once and within memory. Before that limit
// it ran to max_rule_instances; a generated case of 40 lines whose one
// conclusion had 117,649 ways, below that limit, then took 200 s in Z3,
// past every time limit.
TEST(Limits, RuleWithFiveVariablesStopsWithE013InBoundedMemory) {
  if (testing::sanitized) GTEST_SKIP() << "gigabytes under ASan";
  fs::path file = temp_dir("limits-rule-grounding") / "wide.imputa";
  write_file(file, wide_case("rule chain_rule \"five free variables\": chained(A) if linked(A, B), linked(B, C), "
                             "linked(C, D), linked(D, E), linked(E, F).",
                             "chained(a0)"));
  auto r = run_with_limit({"check", "--jobs", "1", "--timeout-ms", "600000", file.string()}, 300);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(located(r.err, file.string(), "E013")) << r.err;
  EXPECT_NE(r.err.find("'chain_rule'"), std::string::npos) << r.err; // names the rule
  // In the user's words: no "ground atom" or "rule instance" (issue 16, item 7).
  EXPECT_NE(r.err.find("too large to judge"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("ground atom"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("instance"), std::string::npos) << r.err;
  // What grew: the rule applied most, and the conclusion drawn in the most ways.
  EXPECT_NE(r.err.find("rule 'chain_rule' applies most"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("to draw 1 conclusion"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hint: chained(a0) alone can be drawn in "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("narrow the rule's variables"), std::string::npos) << r.err; // the user's own rule
  EXPECT_NE(r.err.find("its rules would draw chained(a0) in more than 20000 ways"), std::string::npos) << r.err;
  EXPECT_LT(r.cpu_seconds, 20.0);
  EXPECT_LT(r.peak_rss_mib, 1024);
}

// Conclusions each drawn in fewer ways than that limit, but many of them:
// chained(X) for 100 actors, each in up to 100^2 ways. It stops with E013 at
// max_rule_instances.
TEST(Limits, ManyConclusionsStopWithE013AtTheRuleInstanceLimit) {
  if (testing::sanitized) GTEST_SKIP() << "gigabytes under ASan";
  std::string text = "predicate linked(actor, actor) \"x\".\npredicate chained(actor) \"x\".\n";
  for (int i = 0; i < 100; ++i) text += "actor a" + std::to_string(i) + " \"Actor " + std::to_string(i) + "\".\n";
  text += "evidence e forensic \"x\" {\n  supports linked(a0, a1)\n  confidence likely\n}\n"
          "rule chain_rule \"two free variables\": chained(A) if linked(A, B), linked(B, C).\n"
          "claim c \"x\" {\n  holds chained(X)\n}\n";
  fs::path file = temp_dir("limits-many-conclusions") / "many.imputa";
  write_file(file, text);
  auto r = run_with_limit({"check", "--jobs", "1", "--timeout-ms", "600000", file.string()}, 300);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(located(r.err, file.string(), "E013")) << r.err;
  EXPECT_NE(r.err.find("its rules would apply to more than 500000 combinations of entities"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("rule 'chain_rule' applies most, 500000 times"), std::string::npos) << r.err;
  EXPECT_LT(r.cpu_seconds, 120.0);
  EXPECT_LT(r.peak_rss_mib, 2048);
}

// A library rule cannot be narrowed by the user: the hints say that the case
// makes it large, which conclusion grew most, and what to do instead.
TEST(Limits, TooLargeThroughALibraryRuleSaysWhatToDoInstead) {
  grounding_error::RuleGrowth growth;
  growth.rule = "tadic_overall_control";
  growth.applications = 395328;
  growth.conclusions = 983;
  growth.widest = "attributable(op_3099, st_152)";
  growth.widest_ways = 403;
  growth.from_library = true;
  const Diagnostic d = grounding_error::too_many_instances(500000, growth);
  EXPECT_EQ(d.code, "E013");
  EXPECT_NE(d.message.find("too large to judge"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("rule 'tadic_overall_control' applies most, 395328 times, to draw 983 conclusions"),
            std::string::npos)
      << d.message;
  ASSERT_EQ(d.hints.size(), 2u);
  EXPECT_NE(d.hints[0].find("is the library's"), std::string::npos) << d.hints[0];
  EXPECT_NE(d.hints[0].find("attributable(op_3099, st_152) alone can be drawn in 403 ways"), std::string::npos)
      << d.hints[0];
  EXPECT_NE(d.hints[1].find("judge the campaign in parts"), std::string::npos) << d.hints[1];
  EXPECT_NE(d.hints[1].find("docs/limits.md"), std::string::npos) << d.hints[1];
  for (const auto& h : d.hints) EXPECT_EQ(h.find("narrow the rule"), std::string::npos) << h;
}

// Predicates p0 .. pN, each concluded from the next (and, with `shared`, by a
// second rule from the next and base(X) too), the last from base(X); the
// claim reaches p0 through an open link.
std::string layered_case(int levels, bool shared) {
  std::string text = "operation op \"op\".\nactor a1 \"a1\".\npredicate a(operation, actor) \"a\".\n"
                     "predicate base(actor) \"base\".\npredicate q(operation) \"q\".\n";
  for (int i = 0; i <= levels; ++i) text += "predicate p" + std::to_string(i) + "(actor) \"p\".\n";
  for (int i = 0; i < levels; ++i) {
    std::string head = "p" + std::to_string(i) + "(X)", next = "p" + std::to_string(i + 1) + "(X)";
    text += "rule r" + std::to_string(i) + "a \"r\": " + head + " if " + next + ".\n";
    if (shared) text += "rule r" + std::to_string(i) + "b \"r\": " + head + " if " + next + ", base(X).\n";
  }
  text += "rule rn \"r\": p" + std::to_string(levels) + "(X) if base(X).\n";
  return text + "rule rq \"q\": q(Op) if a(Op, V), p0(V).\nclaim c \"c\" { holds q(op) }\n";
}

// Rules that share their conditions, 60 levels deep: a walk that follows
// every path through them takes 2^60 steps. Grounding remembers what it has
// walked, so this is judged at once.
TEST(Limits, RulesSharingConditionsSixtyLevelsDeepAreJudgedInTime) {
  fs::path file = temp_dir("limits-diamond") / "diamond.imputa";
  write_file(file, layered_case(60, true));
  auto r = run_with_limit({"check", "--no-library", file.string()}, 60);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.seconds, seconds_allowed);
  EXPECT_NE(r.out.find("NOT ESTABLISHED"), std::string::npos) << r.out;
}

// A rule with 30,000 conditions, or a claim with 30,000 free variables: the
// join would recurse 30,000 deep (it crashed). Refused with E013 instead.
TEST(Limits, RuleWithThousandsOfConditionsAndClaimWithThousandsOfVariablesAreRefused) {
  std::string decls = "operation op \"op\".\nactor a1 \"a1\".\npredicate a(operation, actor) \"a\".\n"
                      "predicate q(operation) \"q\".\n";
  std::string body, conjunction;
  for (int i = 0; i < 30000; ++i) {
    body += std::string(i ? ", " : "") + "a(Op, V" + std::to_string(i) + ")";
    conjunction += std::string(i ? " and " : "") + "a(op, V" + std::to_string(i) + ")";
  }
  fs::path dir = temp_dir("limits-long");
  write_file(dir / "rule.imputa", decls + "rule long \"long\": q(Op) if " + body + ".\nclaim c \"c\" { holds q(op) }\n");
  write_file(dir / "claim.imputa", decls + "claim c \"c\" { holds " + conjunction + " }\n");
  for (const char* name : {"rule.imputa", "claim.imputa"}) {
    SCOPED_TRACE(name);
    auto r = run_with_limit({"check", "--no-library", (dir / name).string()}, 60);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(located(r.err, (dir / name).string(), "E013")) << r.err;
    EXPECT_LT(r.seconds, seconds_allowed);
  }
}

// A chain of 5,000 predicates, each concluded from the next.
TEST(Limits, ChainOfFiveThousandRulesIsJudgedInTime) {
  std::string text = layered_case(5000, false);
  fs::path file = temp_dir("limits-chain") / "chain.imputa";
  write_file(file, text);
  auto r = run_with_limit({"check", "--no-library", file.string()}, 60);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.seconds, seconds_allowed);
}

// 5,000 items restating one another on one point: re-judging the claim
// without each of them (critical evidence) outlasts the reasons' time budget.
// The report says so; before, cached answers never looked at the clock and the
// run took minutes at 30,000 items.
TEST(Limits, ReasonsThatRunOutOfTimeAreLeftOutAndSaidToBe) {
  std::string text = "operation op \"op\".\nactor g \"g\".\npredicate performed_by(operation, actor) \"p\".\n"
                     "claim c \"c\" { holds performed_by(op, g) }\n";
  for (int i = 0; i < 5000; ++i) {
    text += "evidence e" + std::to_string(i) + " forensic \"x\" {\n  supports performed_by(op, g)\n  confidence 0.5\n";
    if (i) text += "  derived_from e" + std::to_string(i - 1) + "\n";
    text += "}\n";
  }
  fs::path file = temp_dir("limits-reasons") / "restated.imputa";
  write_file(file, text);
  auto r = run_with_limit({"check", "--no-library", "--timeout-ms", "300", file.string()}, 60);
  EXPECT_LE(r.exit_code, 1) << r.err;
  EXPECT_LT(r.seconds, seconds_allowed);
  EXPECT_NE(r.out.find("reasons left out: the time limit of 300 ms for the reasons was reached"), std::string::npos)
      << r.out;
  auto json = run_imputa({"check", "--no-library", "--timeout-ms", "300", "--format", "json", file.string()});
  auto report = nlohmann::json::parse(json.out);
  EXPECT_TRUE(report["files"][0]["claims"][0]["reasons_cut"].is_string()) << json.out.substr(0, 400);
}

// A fact and a claim each a disjunction over 20,000 actors. Finding the claim's
// cone pushed every atom of the fact once per atom: 20,000^2 entries, 1.4 GB.
TEST(Limits, TwentyThousandWayDisjunctionsStayWithinMemory) {
  std::string text = "operation op \"op\".\npredicate a(operation, actor) \"a\".\n", any;
  for (int i = 0; i < 20000; ++i) {
    text += "actor x" + std::to_string(i) + " \"x\".\n";
    any += std::string(i ? " or " : "") + "a(op, x" + std::to_string(i) + ")";
  }
  text += "fact " + any + ".\nclaim c \"c\" { holds " + any + " }\n";
  fs::path file = temp_dir("limits-disjunction") / "any.imputa";
  write_file(file, text);
  auto r = run_with_limit({"check", "--no-library", file.string()}, 60);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ESTABLISHED"), std::string::npos);
  EXPECT_LT(r.seconds, seconds_allowed);
  if (!testing::sanitized) {
    EXPECT_LT(r.peak_rss_mib, 600);
  }
}

// ---- Containment: imports (E010) ----

TEST(Containment, ImportsCannotLeaveTheCaseDirectory) {
  fs::path dir = temp_dir("contain-dotdot");
  write_file(dir / "outside.imputa", "state x \"X\".\n");
  write_file(dir / "case" / "main.imputa", "import \"../outside.imputa\".\n");
  auto r = run_imputa({"lint", (dir / "case" / "main.imputa").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(located(r.err, (dir / "case" / "main.imputa").string(), "E010")) << r.err;

  write_file(dir / "case" / "abs.imputa", "import \"" + (dir / "outside.imputa").string() + "\".\n");
  r = run_imputa({"lint", (dir / "case" / "abs.imputa").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(located(r.err, (dir / "case" / "abs.imputa").string(), "E010")) << r.err;

  // Up and back down again stays inside: allowed.
  write_file(dir / "case" / "sub" / "ok.imputa", "state y \"Y\".\n");
  write_file(dir / "case" / "fine.imputa", "import \"sub/../sub/ok.imputa\".\n");
  r = run_imputa({"lint", "-q", (dir / "case" / "fine.imputa").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Containment, SymlinksCannotLeadOutOfTheCaseDirectory) {
  fs::path dir = temp_dir("contain-symlink");
  write_file(dir / "secret" / "other.imputa", "state x \"X\".\n");
  write_file(dir / "case" / "main.imputa", "import \"link.imputa\".\n");
  fs::create_symlink(dir / "secret" / "other.imputa", dir / "case" / "link.imputa");
  auto r = run_imputa({"lint", (dir / "case" / "main.imputa").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(located(r.err, (dir / "case" / "main.imputa").string(), "E010")) << r.err;

  // A symlinked directory inside the case pointing outside it.
  write_file(dir / "case" / "viadir.imputa", "import \"out/other.imputa\".\n");
  fs::create_directory_symlink(dir / "secret", dir / "case" / "out");
  r = run_imputa({"lint", (dir / "case" / "viadir.imputa").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(located(r.err, (dir / "case" / "viadir.imputa").string(), "E010")) << r.err;

  // A symlink that stays inside the tree is fine.
  write_file(dir / "case" / "parts" / "real.imputa", "state y \"Y\".\n");
  fs::create_symlink(dir / "case" / "parts" / "real.imputa", dir / "case" / "inside.imputa");
  write_file(dir / "case" / "ok.imputa", "import \"inside.imputa\".\n");
  r = run_imputa({"lint", "-q", (dir / "case" / "ok.imputa").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Containment, ImportCyclesAreReportedWithTheChain) {
  fs::path dir = temp_dir("contain-cycle");
  write_file(dir / "main.imputa", "import \"a.imputa\".\n");
  write_file(dir / "a.imputa", "import \"b.imputa\".\nstate x \"X\".\n");
  write_file(dir / "b.imputa", "import \"a.imputa\".\nstate y \"Y\".\n");
  auto r = run_imputa({"lint", (dir / "main.imputa").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(located(r.err, "b.imputa", "E010")) << r.err;
  EXPECT_NE(r.err.find("a.imputa -> b.imputa -> a.imputa"), std::string::npos) << r.err;

  write_file(dir / "self.imputa", "import \"self.imputa\".\n");
  r = run_imputa({"lint", (dir / "self.imputa").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("self.imputa -> self.imputa"), std::string::npos) << r.err;
}

// ---- Containment: fmt writes atomically and only what it could parse ----

TEST(Containment, FmtLeavesAFileWithASyntaxErrorUntouched) {
  fs::path file = temp_dir("fmt-syntax") / "broken.imputa";
  const std::string text = "state   a \"A\".\nstate b \"B\"\nfact  organ_of(a,\n";
  write_file(file, text);
  auto before = fs::last_write_time(file);
  auto r = run_imputa({"fmt", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(located(r.err, file.string(), "E001")) << r.err;
  EXPECT_EQ(read_file(file), text);
  EXPECT_EQ(fs::last_write_time(file), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()), 1); // no temp left
}

TEST(Containment, FmtInAReadOnlyDirectoryFailsCleanly) {
  fs::path dir = temp_dir("fmt-readonly");
  fs::path file = dir / "case.imputa";
  const std::string text = "state   a   \"A\".\n";
  write_file(file, text);
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                           fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  auto r = run_with_limit({"fmt", file.string()}, 60, /*unprivileged=*/true);
  fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("imputa fmt:"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(file), text);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(Containment, FmtKeepsPermissionsAndLeavesNoTemporaryFile) {
  fs::path dir = temp_dir("fmt-atomic");
  fs::path file = dir / "case.imputa";
  write_file(file, "state   a   \"A\".\n");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  auto r = run_imputa({"fmt", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(file), "state a \"A\".\n");
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

// ---- Report escaping ----

// Labels written to break every format: quotes, newlines, markup, backslashes, unicode.
const char* hostile_case = R"case(case hostile "Title \"q\" <b>x</b>\n# injected heading | a \\ b *c* _d_ `e` Côte" {
  cite "cite \"q\" <i> \\ | # * _\nsecond line"
}

state rus "Russia \"R\" <script>alert(1)</script> \\ *bold*".
actor gru "GRU | pipe # hash _under_ [link](x)".
operation op "Op *bold* _it_ | pipe\n# injected heading".

fact organ_of(gru, rus).

evidence e1 forensic "Summary \"quoted\"\n## injected\n| a | b |\n<img src=x> \\ * _ # — ✓" {
  supports performed_by(op, gru)
  confidence almost_certain
  cite "cite\n- injected item <x> \\"
}

claim c1 "Claim \"text\"\n# injected heading <x> * _ # | \\ ✓" {
  holds attributable(op, rus)
  expect established
}
)case";

std::string hostile_file() {
  fs::path file = temp_dir("hostile") / "hostile.imputa";
  write_file(file, hostile_case);
  return file.string();
}

TEST(Escaping, JsonReportParsesAndKeepsHostileLabels) {
  auto path = hostile_file();
  auto r = run_imputa({"check", "--format", "json", "--jobs", "1", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j;
  ASSERT_NO_THROW(j = nlohmann::json::parse(r.out)) << r.out;
  const auto& file = j.at("files").at(0);
  EXPECT_EQ(file.at("case").at("title"),
            "Title \"q\" <b>x</b>\n# injected heading | a \\ b *c* _d_ `e` Côte");
  EXPECT_EQ(file.at("claims").at(0).at("text"), "Claim \"text\"\n# injected heading <x> * _ # | \\ ✓");
  bool found = false;
  for (const auto& s : file.at("claims").at(0).at("support"))
    if (s.at("id") == "e1") {
      found = true;
      EXPECT_EQ(s.at("label"), "Summary \"quoted\"\n## injected\n| a | b |\n<img src=x> \\ * _ # — ✓");
    }
  EXPECT_TRUE(found) << r.out;
}

// Labels must not add headings, list items or table rows, nor pass HTML through.
TEST(Escaping, MarkdownReportKeepsItsStructureWithHostileLabels) {
  auto path = hostile_file();
  auto r = run_imputa({"check", "--format", "markdown", "--jobs", "1", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string& md = r.out;
  // One title heading and one heading per claim; labels must not add any.
  std::size_t headings = 0;
  std::istringstream lines(md);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("#", 0) == 0) ++headings;
    EXPECT_NE(line.rfind("# injected", 0), 0u) << line;
    EXPECT_NE(line.rfind("## injected", 0), 0u) << line;
    EXPECT_NE(line.rfind("- injected", 0), 0u) << line;
    EXPECT_NE(line.rfind("| a | b |", 0), 0u) << line;
  }
  EXPECT_EQ(headings, 2u) << md;
  EXPECT_EQ(md.find("<script>"), std::string::npos) << md;
  EXPECT_EQ(md.find("<img"), std::string::npos) << md;
  EXPECT_EQ(md.find(" *bold*"), std::string::npos) << md; // emphasis escaped as \*bold\*
}

// ---- Determinism ----

TEST(Determinism, JsonReportsOfEveryExampleAreByteIdenticalAcrossRuns) {
  auto examples = testing::imputa_files({"examples"});
  ASSERT_FALSE(examples.empty());
  std::size_t seen = 0;
  for (const auto& example : examples) {
    if (!testing::in_sanitized_half(seen++)) continue; // under sanitizers, every other example
    SCOPED_TRACE(example.filename().string());
    auto first = run_imputa({"check", "--format", "json", example.string()});
    auto second = run_imputa({"check", "--format", "json", example.string()});
    EXPECT_TRUE(first.exit_code == 0 || first.exit_code == 1) << first.err;
    EXPECT_EQ(first.exit_code, second.exit_code);
    EXPECT_EQ(first.out, second.out) << testing::line_diff(first.out, second.out);
    EXPECT_EQ(first.err, second.err);
  }
}

} // namespace
} // namespace imputa
