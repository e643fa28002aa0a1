// Judging case text held in memory for the solver tests: load without the
// library, check, judge, and read verdicts and reasons back by claim id; and
// a case file loaded and checked as `imputa check` reads it.
#pragma once

#include "imputa/dsl.hpp"
#include "imputa/judge.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace imputa::testing {

struct Judged {
  Sources sources;
  Diagnostics diags;
  Program program;
  Report report;
  bool ok = false; // no errors while loading, checking or grounding

  // Every diagnostic, one per line, for failure messages.
  std::string errors() const {
    std::string out;
    for (const auto& d : diags.items()) out += d.code + " " + std::to_string(d.span.line) + ": " + d.message + "\n";
    return out;
  }

  const ClaimReport* find(const std::string& id) const {
    auto it = std::find_if(report.claims.begin(), report.claims.end(), [&](const auto& c) { return c.id == id; });
    return it == report.claims.end() ? nullptr : &*it;
  }

  // The claim's verdict as its spelling ("established"), or why there is none.
  std::string verdict(const std::string& id) const {
    if (!ok) return "<not judged:\n" + errors() + ">";
    const ClaimReport* c = find(id);
    return c ? std::string(to_string(c->verdict)) : "<no claim " + id + ">";
  }

  // The one grounding of a ground claim (a failed expectation if missing).
  const ClaimGroundingReport& grounding(const std::string& id) const {
    static const ClaimGroundingReport none;
    const ClaimReport* c = find(id);
    if (!c || c->groundings.size() != 1) {
      ADD_FAILURE() << "claim " << id << " is not a judged ground claim\n" << errors();
      return none;
    }
    return c->groundings.front();
  }
};

// Loads `text` as a self-contained case (no shipped library), checks and judges it.
inline Judged judge_text(const std::string& text, const JudgeOptions& options = {}) {
  Judged j;
  parse::LoadOptions load;
  load.with_library = false;
  auto files = parse::load_text("case.imputa", text, load, j.sources, j.diags);
  j.program = check::check(files, j.sources, j.diags);
  if (j.diags.has_errors()) return j;
  j.report = judge(j.program, options, j.diags);
  j.ok = !j.diags.has_errors();
  return j;
}

// A case file as `imputa check` reads it (with the shipped library), checked.
struct CheckedCase {
  Sources sources;
  Diagnostics diags; // errors of loading and checking; judging may add its own
  Program program;
};

inline CheckedCase checked_case(const std::filesystem::path& path) {
  CheckedCase c;
  auto loaded = parse::load(path.string(), {}, c.sources, c.diags);
  c.program = check::check(loaded, c.sources, c.diags);
  return c;
}

// Case text held in memory, loaded without the shipped library and checked.
inline CheckedCase checked_text(const std::string& text) {
  CheckedCase c;
  parse::LoadOptions load;
  load.with_library = false;
  auto files = parse::load_text("case.imputa", text, load, c.sources, c.diags);
  c.program = check::check(files, c.sources, c.diags);
  return c;
}

#ifdef IMPUTA_CORPUS
// The case `bench/corpus ARGS...` writes (the generator the solver tests are
// built with), loaded with the shipped library and checked.
inline CheckedCase corpus_case(const std::vector<std::string>& args) {
  CheckedCase c;
  auto generated = run_program(IMPUTA_CORPUS, args);
  EXPECT_EQ(generated.exit_code, 0) << generated.err;
  auto files = parse::load_text("corpus.imputa", generated.out, {}, c.sources, c.diags);
  c.program = check::check(files, c.sources, c.diags);
  return c;
}
#endif

// Every grounding's verdict, by claim id and bindings ("c S=rus").
inline std::map<std::string, Verdict> verdicts_by_grounding(const Report& report) {
  std::map<std::string, Verdict> out;
  for (const auto& c : report.claims)
    for (const auto& g : c.groundings) {
      std::string key = c.id;
      for (const auto& [var, value] : g.bindings) key += " " + var + "=" + value;
      out[key] = g.verdict;
    }
  return out;
}

// Judges `program` with the grounding shortcuts and with every entity apart
// (the reference; reasons off), expects every grounding's verdict to agree,
// and returns the verdicts with the shortcuts (empty if judging failed).
// `base`: other options for both (a reach budget, for its fallback).
inline std::map<std::string, Verdict> expect_same_verdicts(const Program& program, const std::string& what,
                                                           const JudgeOptions& base = {}) {
  JudgeOptions quick = base;
  quick.reasons = false;
  quick.check_apart_up_to = 0; // the shortcuts alone, not the judge's check of them
  JudgeOptions apart = quick;
  apart.every_entity_apart = true;
  Diagnostics d1, d2;
  auto with = verdicts_by_grounding(judge(program, quick, d1));
  auto without = verdicts_by_grounding(judge(program, apart, d2));
  EXPECT_FALSE(d1.has_errors() || d2.has_errors()) << what;
  if (d1.has_errors() || d2.has_errors()) return {};
  EXPECT_EQ(with.size(), without.size()) << what;
  for (const auto& [key, v] : without) {
    auto it = with.find(key);
    EXPECT_NE(it, with.end()) << what << ": " << key;
    if (it == with.end()) return {};
    EXPECT_EQ(to_string(it->second), to_string(v)) << what << ": " << key;
  }
  return with;
}

// One claim re-judged alone, with extra drops and assumptions.
inline std::string verdict_with(const std::string& text, const std::string& claim, std::vector<std::string> drops,
                                std::vector<ast::Atom> assumes = {}) {
  JudgeOptions o;
  o.claims = {claim};
  o.drop = std::move(drops);
  o.assume = std::move(assumes);
  o.reasons = false;
  return judge_text(text, o).verdict(claim);
}

// "organ_of(gru, rus)" -> the atom (ground atoms as reports print them).
inline ast::Atom atom_of(const std::string& text) {
  ast::Atom a;
  auto open = text.find('(');
  a.predicate.text = text.substr(0, open);
  if (open == std::string::npos) return a;
  std::string rest = text.substr(open + 1, text.rfind(')') - open - 1);
  std::size_t start = 0;
  while (start <= rest.size()) {
    auto comma = rest.find(',', start);
    std::string arg = rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    arg.erase(0, arg.find_first_not_of(' '));
    arg.erase(arg.find_last_not_of(' ') + 1);
    a.args.push_back(ast::Term{arg, false, {}});
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return a;
}

inline std::vector<std::string> ids(const std::vector<PremiseRef>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.id);
  return out;
}

// What a report says about one grounding, every reason, in a form that
// compares (two ways of judging that must agree).
inline std::string reasons_fingerprint(const ClaimGroundingReport& g) {
  auto join = [](const std::vector<std::string>& xs) {
    std::string out;
    for (const auto& x : xs) out += x + " ";
    return out;
  };
  std::ostringstream out;
  auto literals = [&](const char* what, const std::vector<Literal>& ls) {
    out << what << ":";
    for (const auto& l : ls) out << " " << (l.positive ? "" : "not ") << l.atom;
    out << "\n";
  };
  out << g.formula << ": " << to_string(g.verdict) << (g.reasons_cut ? " (cut)" : "") << "\n";
  out << "strength: " << g.strength.value_or("-") << " / " << g.strength_burdens.size() << "\n";
  out << "support: " << join(ids(g.support)) << "\n";
  out << "conflict: " << join(ids(g.conflict)) << "\n";
  for (const auto& route : g.also_supports.routes) out << "route: " << join(ids(route.support)) << "\n";
  out << "routes left out: " << g.also_supports.left_out << "\n";
  literals("counter-model", g.counter_model);
  literals("witness", g.witness_model);
  for (const auto& set : g.would_establish) literals("would establish", set);
  out << "critical: " << join(g.critical_evidence) << "\n";
  for (const auto& d : g.defeaters) out << "defeater: " << d.evidence << " " << d.contrary.atom << "\n";
  out << "burdens: " << g.burdens.size() << ", no rule in force: " << g.no_rule_in_force.size() << "\n";
  return out.str();
}

// Two reports of the same case agree on every reason of every grounding.
inline void expect_same_reasons(const Report& with, const Report& without, const std::string& what) {
  ASSERT_EQ(with.claims.size(), without.claims.size()) << what;
  for (std::size_t c = 0; c < with.claims.size(); ++c) {
    const auto& a = with.claims[c].groundings;
    const auto& b = without.claims[c].groundings;
    ASSERT_EQ(a.size(), b.size()) << what << ": " << with.claims[c].id;
    for (std::size_t k = 0; k < a.size(); ++k)
      EXPECT_EQ(reasons_fingerprint(a[k]), reasons_fingerprint(b[k])) << what << ": " << with.claims[c].id;
  }
}

inline bool has_literal(const std::vector<Literal>& model, const std::string& atom, bool positive) {
  return std::find(model.begin(), model.end(), Literal{atom, positive}) != model.end();
}

// The standards every test case declares (the checker wants used standards declared).
inline const char* standards_block() {
  return R"(
standard reasonable_suspicion 0.30 "Reasonable suspicion".
standard preponderance 0.51 "More likely than not".
standard clear_and_convincing 0.75 "Clear and convincing".
standard beyond_reasonable_doubt 0.95 "Beyond reasonable doubt".
standard fully_conclusive 0.95 contrary_below 0.40 "Fully conclusive".
)";
}

} // namespace imputa::testing
