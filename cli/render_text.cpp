// The text report (cli.md): one block per claim, the verdict first, then the
// reasons in plain sentences from the author's own labels, each with its cite.
#include "render.hpp"

#include <algorithm>
#include <map>

namespace imputa::render {
namespace {

std::string mode_word(ClaimMode m) {
  switch (m) {
  case ClaimMode::accusation: return "accusation";
  case ClaimMode::hypothesis: return "hypothesis";
  case ClaimMode::assessment: return "assessment";
  }
  return "";
}

std::string paint(const std::string& s, const char* code, const Style& style) {
  return style.color ? std::string(code) + s + "\033[0m" : s;
}

const char* verdict_colour(Verdict v) {
  switch (v) {
  case Verdict::established: return "\033[1;32m";
  case Verdict::refuted: return "\033[1;31m";
  case Verdict::inconsistent:
  case Verdict::unknown: return "\033[1;35m";
  default: return "\033[1;33m";
  }
}

std::string kind_word(const PremiseRef& p) {
  switch (p.kind) {
  case PremiseRef::Kind::fact:
  case PremiseRef::Kind::numeric_fact: return "fact";
  case PremiseRef::Kind::evidence: return "evidence";
  case PremiseRef::Kind::rule: return "rule";
  case PremiseRef::Kind::assumption: return "assumed";
  case PremiseRef::Kind::closed_world: return "presumption";
  case PremiseRef::Kind::burden_of_proof: return "burden of proof";
  case PremiseRef::Kind::naive: return "naive inference";
  }
  return "";
}

// "evidence e3 — UK attributes NotPetya to the Russian military: supports ... [cite]"
std::string sentence(const PremiseRef& p) {
  std::string s = kind_word(p) + " " + p.id;
  if (!p.label.empty()) s += " — " + p.label;
  if (!p.detail.empty()) s += " (" + p.detail + ")";
  for (const auto& c : p.cites) s += " [" + c + "]";
  return s;
}

std::string literals(const std::vector<Literal>& ls) {
  std::string s;
  for (std::size_t i = 0; i < ls.size(); ++i) s += (i ? ", " : "") + to_string(ls[i]);
  return s;
}

void grounding_block(std::string& out, const ClaimGroundingReport& g, const Style& style, const std::string& indent) {
  auto line = [&](const std::string& s) { out += indent + s + "\n"; };
  if (!g.unknown_reason.empty()) line("why unknown: " + g.unknown_reason);
  if (!g.support.empty()) {
    line(g.verdict == Verdict::unsubstantiated ? "it rests on:" : "because:");
    for (const auto& p : g.support) line("  - " + sentence(p));
  }
  if (g.verdict == Verdict::unsubstantiated && !g.naive_reliance.empty()) {
    line("GGE 2015 §28(f): accusations should be substantiated; this one leans on:");
    for (const auto& n : g.naive_reliance) line("  - " + n);
  }
  if (!g.conflict.empty()) {
    line("the premises contradict each other; a minimal conflicting set:");
    for (const auto& p : g.conflict) line("  - " + sentence(p));
  }
  if (!g.counter_model.empty() && (style.detail || g.verdict != Verdict::established)) {
    std::vector<Literal> shown(g.counter_model.begin(),
                               g.counter_model.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(g.counter_model.size(), 12)));
    std::string more = g.counter_model.size() > shown.size() ? ", ..." : "";
    line("consistent with the premises, and the claim false: " + literals(shown) + more);
  }
  if (style.detail && !g.witness_model.empty()) {
    std::vector<Literal> shown(g.witness_model.begin(),
                               g.witness_model.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(g.witness_model.size(), 12)));
    std::string more = g.witness_model.size() > shown.size() ? ", ..." : "";
    line("also consistent, and the claim true: " + literals(shown) + more);
  }
  if (!g.would_establish.empty()) {
    line("missing to establish it (any one of these, if proven):");
    for (const auto& set : g.would_establish) line("  - " + literals(set));
  }
  if (style.detail || g.strength) line("strength: " + (g.strength ? *g.strength : std::string("not established at any standard")));
  if (style.detail && !g.critical_evidence.empty()) {
    std::string s;
    for (std::size_t i = 0; i < g.critical_evidence.size(); ++i) s += (i ? ", " : "") + g.critical_evidence[i];
    line("critical evidence (removing any one alone changes the verdict): " + s);
  }
  if (style.detail && !g.defeaters.empty()) {
    line("evidence against:");
    for (const auto& d : g.defeaters)
      line("  - evidence " + d.evidence + " — " + d.summary + " (bears on " + to_string(d.contrary) + ", confidence " + d.weight + ")");
  }
  for (const auto& n : g.notes) line("note: " + n.text);
  if (style.timings) line("solved in " + std::to_string(static_cast<long>(g.solve_ms)) + " ms");
}

} // namespace

std::string verdict_word(Verdict v) {
  std::string s(to_string(v));
  std::replace(s.begin(), s.end(), '_', ' ');
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::string summary_line(const Report& report) {
  std::map<Verdict, std::size_t> counts;
  std::size_t expected = 0, met = 0;
  for (const auto& c : report.claims) {
    ++counts[c.verdict];
    if (c.expected) {
      ++expected;
      if (c.as_expected) ++met;
    }
  }
  std::string s = std::to_string(report.claims.size()) + (report.claims.size() == 1 ? " claim: " : " claims: ");
  bool first = true;
  for (Verdict v : {Verdict::established, Verdict::refuted, Verdict::arguable, Verdict::unsubstantiated,
                    Verdict::not_established, Verdict::inconsistent, Verdict::unknown}) {
    if (!counts[v]) continue;
    std::string word(to_string(v));
    std::replace(word.begin(), word.end(), '_', ' ');
    s += (first ? "" : ", ") + std::to_string(counts[v]) + " " + word;
    first = false;
  }
  if (first) s += "none judged";
  s += "; " + std::to_string(met) + "/" + std::to_string(expected) + " as expected";
  return s;
}

std::string text(const Report& report, const std::string& file, const Style& style) {
  std::string out;
  if (report.case_id) out += report.case_title + " (" + *report.case_id + ")\n";
  else out += file + "\n";
  for (const auto& c : report.case_cites) out += "  cite: " + c + "\n";
  for (const auto& c : report.claims) {
    out += "\n" + c.id + ": " + c.text + "\n";
    std::string head = "  " + paint(verdict_word(c.verdict), verdict_colour(c.verdict), style);
    head += "  (" + mode_word(c.mode) + ", standard " + c.standard;
    if (c.expected)
      head += std::string("; expected ") + std::string(to_string(*c.expected)) + (c.as_expected ? ", met" : ", NOT MET");
    head += ")\n";
    out += head;
    out += "  claim: " + c.formula + "\n";
    if (c.mode == ClaimMode::hypothesis) out += "  (a hypothesis: this is a test of the argument, not a finding)\n";
    if (c.groundings.size() == 1) {
      grounding_block(out, c.groundings.front(), style, "  ");
    } else {
      for (const auto& g : c.groundings) {
        std::string b;
        for (const auto& [var, value] : g.bindings) b += (b.empty() ? "" : ", ") + var + " = " + value;
        out += "  - " + b + ": " + paint(verdict_word(g.verdict), verdict_colour(g.verdict), style) + "\n";
        if (style.detail) grounding_block(out, g, style, "      ");
      }
    }
  }
  out += "\n" + summary_line(report) + "\n";
  return out;
}

} // namespace imputa::render
