// Small in-memory reports for the renderer tests (render_*_test.cpp): one
// ordinary case modelled on examples/notpetya_2017.imputa, one hostile case
// whose every author string tries to break the format it lands in.
#pragma once

#include "imputa/judge.hpp"

#include <string>

namespace imputa::testing {

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline PremiseRef fact(std::string text, std::uint32_t line, std::string label = "") {
  PremiseRef p;
  p.kind = PremiseRef::Kind::fact;
  p.id = std::move(label); // empty: an unlabelled fact, named by its line
  p.label = std::move(text);
  p.span.line = line;
  return p;
}

inline PremiseRef evidence(std::string id, std::string kind, std::string summary, std::string atom,
                           std::string cite = "", bool positive = true) {
  PremiseRef p;
  p.kind = PremiseRef::Kind::evidence;
  p.id = std::move(id);
  p.label = std::move(summary);
  if (!cite.empty()) p.cites.push_back(std::move(cite));
  p.evidence_kind = std::move(kind);
  p.confidence = Interval{Rational(8, 10), Rational(9, 10)};
  p.weight = p.confidence;
  p.bears_on = Literal{std::move(atom), positive};
  p.span.line = 27;
  return p;
}

inline PremiseRef rule(std::string id, std::string label, std::string cite) {
  PremiseRef p;
  p.kind = PremiseRef::Kind::rule;
  p.id = std::move(id);
  p.label = std::move(label);
  p.cites.push_back(std::move(cite));
  return p;
}

inline PremiseRef burden(std::string atom, bool holds) {
  PremiseRef p;
  p.kind = PremiseRef::Kind::burden_of_proof;
  p.id = std::move(atom);
  p.holds = holds;
  return p;
}

// Two claims like the NotPetya example, plus a countermeasure with a burden of proof.
inline Report ordinary_report() {
  Report r;
  r.case_id = "notpetya_2017";
  r.case_title = "NotPetya wiper, June 2017";
  r.case_cites = {"UK NCSC statement, 15 Feb 2018"};

  ClaimReport a;
  a.id = "attribution";
  a.text = "NotPetya is attributable to the Russian Federation";
  a.formula = "attributable(notpetya, rus)";
  a.mode = ClaimMode::accusation;
  a.standard = "clear_and_convincing";
  a.expected = Verdict::established;
  a.verdict = Verdict::established;
  a.span.line = 42;
  ClaimGroundingReport ga;
  ga.formula = a.formula;
  ga.verdict = Verdict::established;
  ga.strength = "clear_and_convincing";
  ga.support = {fact("organ_of(gru, rus)", 18),
                evidence("e3", "official_statement", "UK attributes NotPetya to the Russian military",
                         "performed_by(notpetya, gru)", "UK Foreign Office press release, 15 Feb 2018"),
                rule("art4_organ", "Conduct of an organ of the state", "ARSIWA art 4")};
  ga.critical_evidence = {"e3"};
  a.groundings.push_back(ga);
  r.claims.push_back(a);

  ClaimReport o;
  o.id = "origin_only";
  o.text = "Origin in Russian territory alone makes it Russian conduct";
  o.formula = "attributable(notpetya, rus)";
  o.mode = ClaimMode::accusation;
  o.standard = "clear_and_convincing";
  o.expected = Verdict::unsubstantiated;
  o.verdict = Verdict::unsubstantiated;
  ClaimGroundingReport go;
  go.formula = o.formula;
  go.verdict = Verdict::unsubstantiated;
  go.support = {evidence("e4", "origin", "Command servers located in the Russian Federation",
                         "originates_in(notpetya, rus)")};
  go.naive_reliance = {NaiveInference::origin_inference};
  go.counter_model = {{"organ_of(gru, rus)", true, "organ_of", {"gru", "rus"}, true},
                      {"performed_by(notpetya, gru)", false, "performed_by", {"notpetya", "gru"}, false}};
  r.entity_labels = {{"gru", "GRU"}, {"rus", "Russian Federation"}, {"notpetya", "NotPetya wiper campaign"},
                     {"s", "State S"}};
  r.predicate_labels = {{"organ_of", "The actor is an organ of the state under its internal law (ARSIWA art 4)"},
                        {"performed_by", "The operation was conducted by the actor (a state may stand in the actor position)"}};
  go.would_establish = {{{"performed_by(notpetya, gru)", true}},
                        {{"organ_of(sandworm, rus)", true}, {"performed_by(notpetya, sandworm)", true}}};
  go.notes = {{"e4", "attributable(notpetya, rus)", true, Note::Why::origin}};
  o.groundings.push_back(go);
  r.claims.push_back(o);

  ClaimReport c;
  c.id = "cm_precluded";
  c.text = "Wrongfulness is precluded";
  c.formula = "precluded(cm, s)";
  c.standard = "clear_and_convincing";
  c.expected = Verdict::established;
  c.verdict = Verdict::established;
  ClaimGroundingReport gc;
  gc.formula = c.formula;
  gc.verdict = Verdict::established;
  gc.support = {burden("precluded(cm, s)", true)};
  gc.burdens = {{"precluded(cm, s)", "precluded", true, true, "The state invoking it bears the burden", "s", "State S"}};
  PremiseRef why = fact("responds_to(cm, op)", 46);
  why.because_of = "precluded(cm, s)";
  PremiseRef why_rule = rule("art22_countermeasure", "A lawful countermeasure precludes wrongfulness", "ARSIWA art 22");
  why_rule.because_of = "precluded(cm, s)";
  gc.support.push_back(why);
  gc.support.push_back(why_rule);
  c.groundings.push_back(gc);
  r.claims.push_back(c);

  ClaimReport h;
  h.id = "h1";
  h.text = "Sandworm acted for the GRU";
  h.formula = "performed_by(notpetya, sandworm)";
  h.mode = ClaimMode::hypothesis;
  h.standard = "clear_and_convincing";
  h.verdict = Verdict::established;
  ClaimGroundingReport gh;
  gh.formula = h.formula;
  gh.verdict = Verdict::established;
  gh.support = {evidence("e2", "forensic", "Backdoor code shared with earlier Sandworm tooling",
                         "performed_by(notpetya, sandworm)")};
  h.groundings.push_back(gh);
  r.claims.push_back(h);
  return r;
}

// Every author string written to break a format: quotes, newlines, markup,
// HTML, backslashes, pipes, a terminal escape.
inline const std::string hostile = "Say \"hi\"\n# heading | cell \\ back *bold* _it_ `tick` <script>x</script> "
                                   "[link](http://x) ~~s~~ \033[31mred";

inline Report hostile_report() {
  Report r;
  r.case_id = "hostile";
  r.case_title = "Title " + hostile;
  r.case_cites = {"- cite " + hostile};
  ClaimReport c;
  c.id = "c1";
  c.text = "Claim " + hostile;
  c.formula = "attributable(op, rus)";
  c.standard = "clear_and_convincing";
  c.expected = Verdict::not_established;
  c.verdict = Verdict::not_established;
  ClaimGroundingReport g;
  g.formula = c.formula;
  g.verdict = Verdict::not_established;
  g.support = {};
  g.counter_model = {{"performed_by(op, gru)", false}};
  g.would_establish = {{{"performed_by(op, gru)", true}}};
  // A note quotes the item it discounts by its summary: here the defeater's.
  g.notes = {{"e9", "attributable(op, rus)", true, Note::Why::origin}};
  g.naive_reliance = {};
  g.defeaters = {{"e9", hostile, {"performed_by(op, gru)", false}, {Rational(55, 100), Rational(75, 100)}}};
  c.groundings.push_back(g);
  r.claims.push_back(c);

  ClaimReport e = c;
  e.id = "c2";
  e.verdict = Verdict::established;
  e.expected = Verdict::established;
  e.groundings.front().verdict = Verdict::established;
  e.groundings.front().support = {fact("organ_of(gru, rus)", 3, "f1"),
                                  evidence("e1", "forensic", "Summary " + hostile, "performed_by(op, gru)", hostile),
                                  rule("r1", "Rule " + hostile, "1. cite " + hostile)};
  r.claims.push_back(e);
  return r;
}

} // namespace imputa::testing
