// The sentences of a report (docs/semantics.md §6 in a lawyer's words), shared by
// the text and Markdown renderers so that both say exactly the same thing.
#include "render.hpp"
#include "render_outline.hpp"

#include <algorithm>
#include <map>

namespace imputa::render {
namespace detail {
namespace {

constexpr std::size_t shown_model_literals = 12;

std::string mode_phrase(ClaimMode m) {
  switch (m) {
  case ClaimMode::accusation: return "an accusation";
  case ClaimMode::hypothesis: return "a hypothesis (a test of the argument, not a finding)";
  case ClaimMode::assessment: return "an assessment";
  }
  return "";
}

void add_cites(Phrase& p, const std::vector<std::string>& cites) {
  for (const auto& c : cites) p.cite(c);
}

Phrase literals(const std::vector<Literal>& ls, const char* joiner, std::size_t limit = SIZE_MAX) {
  Phrase p;
  std::size_t n = std::min(ls.size(), limit);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) p.words(joiner);
    p.code(to_string(ls[i]));
  }
  if (ls.size() > n) p.words(" and " + std::to_string(ls.size() - n) + " more");
  return p;
}

bool unlabelled_fact(const PremiseRef& p) { return p.id.rfind("fact at line ", 0) == 0; }

// A predicate's description as a phrase: its first clause, without the
// parenthesised source ("The operation was conducted by the actor").
std::string predicate_words(const Report& report, const std::string& predicate) {
  auto it = report.predicate_labels.find(predicate);
  if (it == report.predicate_labels.end() || it->second.empty()) return words_of(predicate);
  std::string d = it->second;
  if (auto cut = d.find(" ("); cut != std::string::npos) d.resize(cut);
  if (auto cut = d.find("; "); cut != std::string::npos) d.resize(cut);
  return d;
}

std::string entity_words(const Report& report, const std::string& id) {
  auto it = report.entity_labels.find(id);
  return it == report.entity_labels.end() || it->second.empty() ? id : it->second;
}

// One literal of a model in the author's words: "does not hold: The operation
// was conducted by the actor — NotPetya; GRU [not performed_by(notpetya, gru)]".
Phrase model_literal(const Report& report, const Literal& l) {
  Phrase p;
  p.words(l.positive ? "holds" : "does not hold");
  if (l.stipulated) p.words(" (agreed: a stipulated fact)");
  p.words(": ");
  if (l.predicate.empty()) return p.code(to_string(l));
  p.user(predicate_words(report, l.predicate));
  for (std::size_t i = 0; i < l.args.size(); ++i) p.words(i ? "; " : " — ").user(entity_words(report, l.args[i]));
  p.words(" [").code(to_string(l)).words("]");
  return p;
}

// Who bears a burden of proof, and what it is about, in words.
Phrase burden_phrase(const Burden& b) {
  Phrase p;
  p.code(b.atom);
  if (!b.derived) {
    p.words(" is presumed not to hold until it is proven");
  } else if (b.holds) {
    p.words(" is established, and it had to be: ");
    if (b.bearer) p.user(b.bearer_label ? *b.bearer_label : *b.bearer).words(", which relies on it, bears that burden");
    else p.words("whoever relies on it bears that burden");
    return b.description.empty() ? p : p.words(" — \"").user(b.description).words("\"");
  } else {
    p.words(" is not shown, so it is taken as false: ");
    if (b.bearer) p.user(b.bearer_label ? *b.bearer_label : *b.bearer).words(", which relies on it, bears that burden");
    else p.words("whoever relies on it bears that burden");
  }
  return b.description.empty() ? p : p.words(" — \"").user(b.description).words("\"");
}

// One premise as a sentence: what it is, the author's label, what it bears on,
// its cites. `burdens` say who bears a burden-of-proof premise.
Phrase premise_phrase(const PremiseRef& p, const std::vector<Burden>& burdens) {
  Phrase s;
  const std::string line = p.span.line ? " (line " + std::to_string(p.span.line) + ")" : "";
  switch (p.kind) {
  case PremiseRef::Kind::fact:
  case PremiseRef::Kind::numeric_fact:
    s.words(p.kind == PremiseRef::Kind::fact ? "stipulated fact" : "stipulated value");
    if (!unlabelled_fact(p)) s.words(" ").user(p.id);
    s.words(line + ": ").code(p.label);
    break;
  case PremiseRef::Kind::evidence:
    s.words("evidence ").user(p.id);
    if (!p.evidence_kind.empty()) s.words(" (").user(words_of(p.evidence_kind)).words(", " + p.confidence + ")");
    s.words(": \"").user(p.label).words("\"");
    if (p.bears_on) {
      s.words(p.bears_on->positive ? " — supports " : " — contradicts ").code(p.bears_on->atom);
      if (!p.weight.empty() && p.weight != p.confidence) s.words(" (with corroboration, weight " + p.weight + ")");
    } else if (!p.detail.empty()) {
      s.words(" — ").user(p.detail);
    }
    break;
  case PremiseRef::Kind::rule:
    s.words("rule ").user(p.id).words(": ").user(p.label);
    if (!p.detail.empty()) s.words(" — ").user(p.detail);
    break;
  case PremiseRef::Kind::assumption:
    s.words("assumed for this run (--assume): ").code(p.id);
    break;
  case PremiseRef::Kind::closed_world:
  case PremiseRef::Kind::burden_of_proof: {
    Burden b;
    b.atom = p.id;
    b.derived = p.kind == PremiseRef::Kind::burden_of_proof;
    b.holds = p.detail == "holds";
    for (const auto& known : burdens)
      if (known.atom == p.id) b = known;
    s.append(burden_phrase(b));
    break;
  }
  case PremiseRef::Kind::naive:
    s.words("the inference §28(f) warns against: ").user(p.label);
    break;
  }
  add_cites(s, p.cites);
  return s;
}

// Support as a list, with what establishes a burden-of-proof atom nested
// under it. Rules that are there only because none of their instances applies
// are left out: they close a route, they are not a reason (closed_routes lists them).
std::vector<Item> premise_items(const std::vector<PremiseRef>& ps, const std::vector<Burden>& burdens = {}) {
  std::vector<Item> out;
  std::vector<bool> placed(ps.size(), false);
  for (std::size_t i = 0; i < ps.size(); ++i)
    if (ps[i].kind == PremiseRef::Kind::rule && !ps[i].applies) placed[i] = true;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (!ps[i].because_of.empty() || placed[i]) continue;
    Item item{premise_phrase(ps[i], burdens), {}};
    if (ps[i].kind == PremiseRef::Kind::burden_of_proof) {
      for (std::size_t j = 0; j < ps.size(); ++j) {
        if (ps[j].because_of != ps[i].id || placed[j]) continue;
        item.children.push_back({premise_phrase(ps[j], burdens), {}});
        placed[j] = true;
      }
      if (!item.children.empty()) item.phrase.words(", because:");
    }
    placed[i] = true;
    out.push_back(std::move(item));
  }
  // Sub-support whose burden-of-proof item is not in the list: keep it, saying what it is for.
  for (std::size_t j = 0; j < ps.size(); ++j) {
    if (placed[j]) continue;
    Item item{premise_phrase(ps[j], burdens), {}};
    item.phrase.words(" (this is why ").code(ps[j].because_of).words(" holds)");
    out.push_back(std::move(item));
  }
  return out;
}

// The rules of a support none of whose instances applies: the routes the
// verdict had to close, named without their cites ("no other rule concludes it").
Phrase closed_routes(const std::vector<PremiseRef>& ps) {
  Phrase p;
  bool first = true;
  for (const auto& r : ps) {
    if (r.kind != PremiseRef::Kind::rule || r.applies) continue;
    if (!first) p.words(", ");
    p.user(r.id);
    first = false;
  }
  return p;
}

// "under sovereignty = sovereignty principle no rule concludes ...; under
// sovereignty = sovereignty rule it would turn on rules ..."
Phrase no_rule_phrase(const NoRuleInForce& n) {
  Phrase p;
  p.words("under ").user(words_of(n.family)).words(" = ").user(words_of(n.alternative))
      .words(" no rule concludes ").code(n.atom);
  for (const auto& [alt, rules] : n.elsewhere) {
    p.words("; under ").user(words_of(n.family)).words(" = ").user(words_of(alt)).words(" it would turn on rule");
    if (rules.size() > 1) p.words("s");
    for (std::size_t i = 0; i < rules.size(); ++i) p.words(i ? ", " : " ").user(rules[i]);
  }
  return p;
}

Grounding grounding(const Report& report, const ClaimGroundingReport& g, bool hypothesis, bool detail, bool timings) {
  Grounding out;
  for (const auto& [var, value] : g.bindings) {
    if (!out.bindings.empty()) out.bindings.words(", ");
    out.bindings.code(var).words(" = ").code(value);
  }
  out.verdict = g.verdict;
  out.verdict_word = verdict_word(g.verdict);
  out.explanation = explain_verdict(g.verdict, hypothesis);
  auto& sections = out.sections;

  if (!g.unknown_reason.empty()) sections.push_back({"why it could not be decided", Phrase().user(g.unknown_reason), {}});
  if (!g.support.empty()) {
    std::string title = g.verdict == Verdict::unsubstantiated ? "it rests only on"
                        : hypothesis                         ? "the argument rests on"
                                                             : "because";
    auto items = premise_items(g.support, g.burdens);
    if (!items.empty()) sections.push_back({title, {}, std::move(items)});
    Phrase routes = closed_routes(g.support);
    if (!routes.empty())
      sections.push_back({g.verdict == Verdict::refuted ? "no rule concludes it: none of these applies"
                                                        : "routes that do not apply",
                          routes, {}});
  }
  if (!g.no_rule_in_force.empty()) {
    Section s{"under the doctrine in force", {}, {}};
    for (const auto& n : g.no_rule_in_force) s.items.push_back({no_rule_phrase(n), {}});
    sections.push_back(std::move(s));
  }
  if (g.verdict == Verdict::unsubstantiated && !g.naive_reliance.empty()) {
    Section s{"GGE 2015 §28(f): accusations should be substantiated; this one leans on", {}, {}};
    for (const auto& n : g.naive_reliance) s.items.push_back({Phrase().user(n), {}});
    sections.push_back(std::move(s));
  }
  if (!g.conflict.empty())
    sections.push_back({"the premises contradict each other; a minimal conflicting set", {}, premise_items(g.conflict, g.burdens)});
  auto model = [&](const std::string& title, std::vector<Literal> ls) {
    // The scenario first, what is agreed (stipulated) after it.
    std::stable_partition(ls.begin(), ls.end(), [](const Literal& l) { return !l.stipulated; });
    Section s{title, {}, {}};
    for (std::size_t i = 0; i < ls.size() && i < shown_model_literals; ++i) s.items.push_back({model_literal(report, ls[i]), {}});
    if (ls.size() > shown_model_literals)
      s.items.push_back({Phrase().words("and " + std::to_string(ls.size() - shown_model_literals) + " more"), {}});
    sections.push_back(std::move(s));
  };
  if (!g.counter_model.empty() && (detail || g.verdict != Verdict::established))
    model("the evidence is also consistent with the claim being false, for instance", g.counter_model);
  if (detail && !g.witness_model.empty()) model("and with the claim being true, for instance", g.witness_model);
  if (!g.would_establish.empty()) {
    Section s{"missing to establish it (proving any one of these would do)", {}, {}};
    for (const auto& set : g.would_establish) s.items.push_back({literals(set, " and "), {}});
    sections.push_back(std::move(s));
  }
  if (detail || g.strength) {
    Phrase p;
    if (g.strength && g.verdict == Verdict::established)
      p.words("established up to the standard ").user(words_of(*g.strength));
    else if (g.strength && g.verdict == Verdict::inconsistent)
      p.words("not at this standard, where the evidence conflicts, but established at the standard ")
          .user(words_of(*g.strength)).words(", where the conflicting evidence no longer counts");
    else if (g.strength) {
      // Another standard counts other evidence: only a burden of proof or a presumption can make it easier.
      p.words("not at this standard, but established at the standard ").user(words_of(*g.strength));
      if (!g.strength_burdens.empty()) p.words(", because there a burden of proof decides it:");
    } else p.words("not established at any standard of proof");
    Section s{"strength", p, {}};
    if (g.verdict != Verdict::established)
      for (const auto& b : g.strength_burdens) s.items.push_back({burden_phrase(b), {}});
    sections.push_back(std::move(s));
  }
  if (detail && !g.critical_evidence.empty()) {
    Phrase p;
    for (std::size_t i = 0; i < g.critical_evidence.size(); ++i) {
      if (i) p.words(", ");
      p.user(g.critical_evidence[i]);
    }
    sections.push_back({"critical evidence (removing any one of these alone changes the verdict)", p, {}});
  }
  if (detail && !g.defeaters.empty()) {
    Section s{"evidence against", {}, {}};
    for (const auto& d : g.defeaters) {
      Phrase p;
      p.words("evidence ").user(d.evidence).words(": \"").user(d.summary).words("\" — bears on ")
          .code(to_string(d.contrary)).words(" (confidence " + d.weight + ")");
      s.items.push_back({p, {}});
    }
    sections.push_back(std::move(s));
  }
  if (!g.notes.empty()) {
    Section s{"GGE 2015 §28(f) notes", {}, {}};
    for (const auto& n : g.notes) s.items.push_back({Phrase().user(n.text), {}});
    sections.push_back(std::move(s));
  }
  if (!g.reasons_cut.empty()) sections.push_back({"reasons left out", Phrase().words(g.reasons_cut), {}});
  if (timings) sections.push_back({"solved in", Phrase().words(std::to_string(static_cast<long>(g.solve_ms)) + " ms"), {}});
  return out;
}

} // namespace

std::string words_of(std::string identifier) {
  std::replace(identifier.begin(), identifier.end(), '_', ' ');
  return identifier;
}

std::string explain_verdict(Verdict v, bool hypothesis) {
  if (hypothesis && v != Verdict::established && v != Verdict::refuted)
    return explain_verdict(v, false) + " (a test of the argument, not a finding)";
  switch (v) {
  case Verdict::established:
    return hypothesis ? "on these premises the argument goes through (a test of the argument, not a finding)"
                      : "the premises prove it to the standard of proof required";
  case Verdict::refuted:
    return hypothesis ? "on these premises the argument fails: its opposite follows (a test, not a finding)"
                      : "the premises prove the opposite to the standard of proof required";
  case Verdict::arguable: return "established only on the favourable reading of the confidence intervals";
  case Verdict::unsubstantiated: return "only the kinds of inference GGE 2015 §28(f) warns against carry it";
  case Verdict::not_established: return "the evidence leaves it open, consistent both with the claim and with its denial";
  case Verdict::inconsistent: return "the premises contradict each other, so nothing can be concluded from them";
  case Verdict::unknown: return "the solver could not decide in the time allowed; this is not a verdict";
  }
  return "";
}

Document outline(const Report& report, const std::string& file, bool detail, bool timings) {
  Document doc;
  doc.title = report.case_id ? report.case_title + " (" + *report.case_id + ")" : file;
  doc.cites = report.case_cites;
  for (const auto& c : report.claims) {
    Claim claim;
    claim.id = c.id;
    claim.text = c.text;
    claim.verdict = c.verdict;
    claim.hypothesis = c.mode == ClaimMode::hypothesis;
    claim.verdict_word = verdict_word(c.verdict) + (claim.hypothesis ? " (HYPOTHESIS)" : "");
    claim.explanation = explain_verdict(c.verdict, claim.hypothesis);
    if (c.groundings.size() > 1) claim.explanation = "for some values of its variables (the least favourable result)";
    claim.expected = c.expected;
    claim.as_expected = c.as_expected;
    claim.formula = c.formula;
    claim.about.words(mode_phrase(c.mode) + "; standard of proof: ").user(words_of(c.standard));
    bool first = true;
    for (const auto& f : c.families) {
      auto it = c.doctrine.find(f);
      if (it == c.doctrine.end()) continue;
      claim.about.words(first ? "; doctrine: " : ", ").user(words_of(f)).words(" = ").user(words_of(it->second));
      first = false;
    }
    if (c.expected)
      claim.about.words("; expected " + words_of(std::string(to_string(*c.expected))) +
                        (c.as_expected ? " (met)" : " (NOT MET)"));
    for (const auto& g : c.groundings) claim.groundings.push_back(grounding(report, g, claim.hypothesis, detail, timings));
    doc.claims.push_back(std::move(claim));
  }
  doc.summary = summary_line(report);
  return doc;
}

} // namespace detail

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
    s += (first ? "" : ", ") + std::to_string(counts[v]) + " " + detail::words_of(std::string(to_string(v)));
    first = false;
  }
  if (first) s += "none judged";
  s += "; " + std::to_string(met) + "/" + std::to_string(expected) + " as expected";
  return s;
}

} // namespace imputa::render
