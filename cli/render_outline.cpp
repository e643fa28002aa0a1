// The sentences of a report (docs/semantics.md §6 in a lawyer's words), shared by
// the text and Markdown renderers so that both say exactly the same thing.
#include "render.hpp"
#include "render_outline.hpp"
#include "sentences.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

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

// The same for a sentence in the author's labels: without the source in a
// final parenthesis, but keeping one inside the sentence ("The first
// operation (a cyber operation or any other measure) is a response to the
// second (countermeasure, ...)" keeps its first).
std::string predicate_sentence(const Report& report, const std::string& predicate) {
  auto it = report.predicate_labels.find(predicate);
  if (it == report.predicate_labels.end() || it->second.empty()) return words_of(predicate);
  std::string d = it->second;
  int depth = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    depth += d[i] == '(' ? 1 : d[i] == ')' ? -1 : 0;
    if (depth == 0 && d.compare(i, 2, "; ") == 0) {
      d.resize(i);
      break;
    }
  }
  if (!d.empty() && d.back() == ')') {
    depth = 0;
    for (std::size_t i = d.size(); i-- > 0;) {
      depth += d[i] == ')' ? 1 : d[i] == '(' ? -1 : 0;
      if (depth == 0) {
        if (i > 0 && d[i - 1] == ' ') d.resize(i - 1);
        break;
      }
    }
  }
  return d;
}

// An atom in the author's labels: "The operation was conducted by the actor
// — NotPetya wiper campaign; GRU Unit 74455". `description` stands for the
// predicate's words where given (a burden's, which says who bears it). What
// follows the arguments (" = 3..7" of a stipulated value) is kept; a
// stipulated denial ("not p(a)") says "does not hold".
Phrase atom_in_words(const Report& report, std::string atom, const std::string& description = "") {
  Phrase p;
  if (atom.rfind("not ", 0) == 0) {
    p.words("does not hold: ");
    atom.erase(0, 4);
  }
  const auto open = atom.find('('), close = atom.rfind(')');
  const std::string predicate = atom.substr(0, open == std::string::npos ? atom.find(' ') : open);
  p.user(description.empty() ? predicate_sentence(report, predicate) : description);
  if (open == std::string::npos || close == std::string::npos || close < open) {
    if (predicate.size() < atom.size()) p.user(atom.substr(predicate.size()));
    return p;
  }
  const std::string args = atom.substr(open + 1, close - open - 1);
  std::size_t from = 0;
  for (bool first = true; from <= args.size(); first = false) {
    auto comma = args.find(',', from);
    if (comma == std::string::npos) comma = args.size();
    std::string arg = args.substr(from, comma - from);
    arg.erase(0, arg.find_first_not_of(' '));
    p.words(first ? " — " : "; ").user(entity_words(report, arg));
    from = comma + 1;
  }
  if (close + 1 < atom.size()) p.user(atom.substr(close + 1));
  return p;
}

Phrase literal_in_words(const Report& report, const Literal& l) {
  Phrase p;
  if (!l.positive) p.words("does not hold: ");
  return p.append(atom_in_words(report, l.atom));
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

Phrase model_literal_in_words(const Report& report, const Literal& l) {
  Phrase p;
  p.words(l.positive ? "holds" : "does not hold");
  if (l.stipulated) p.words(" (agreed: a stipulated fact)");
  return p.words(": ").append(atom_in_words(report, l.atom));
}

// Who bears a burden of proof, and what it is about, in words.
// The burden a support premise names: the judge's own entry when it made one,
// else what the premise itself says (which atom, derived or presumed, holds or not).
Burden burden_named(const PremiseRef& p, const std::vector<Burden>& burdens) {
  for (const auto& known : burdens)
    if (known.atom == p.id) return known;
  Burden b;
  b.atom = p.id;
  b.derived = p.kind == PremiseRef::Kind::burden_of_proof;
  b.holds = p.holds;
  return b;
}

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

// The same, the atom said in words: the description names the predicate (and
// who bears the burden), so it is not quoted again.
Phrase burden_in_words(const Report& report, const Burden& b) {
  Phrase p;
  if (!b.derived) {
    p.words("presumed not to hold until it is proven: ");
  } else {
    p.words(b.holds ? "established, and it had to be (" : "not shown, so taken as false (");
    if (b.bearer) p.user(b.bearer_label ? *b.bearer_label : *b.bearer).words(", which relies on it, bears that burden): ");
    else p.words("whoever relies on it bears that burden): ");
  }
  return p.append(atom_in_words(report, b.atom, b.description));
}

Phrase burden_refs(const Burden& b) {
  return Phrase().words(b.derived ? "burden of proof: " : "presumption: ").code(b.atom);
}

std::string line_ref(const SourceSpan& span) { return span.line ? ", line " + std::to_string(span.line) : ""; }

// One premise as a sentence: what it is, the author's label, what it bears on,
// its cites. `burdens` say who bears a burden-of-proof premise.
Phrase premise_phrase(const PremiseRef& p, const std::vector<Burden>& burdens) {
  Phrase s;
  const std::string line = p.span.line ? " (line " + std::to_string(p.span.line) + ")" : "";
  switch (p.kind) {
  case PremiseRef::Kind::fact:
  case PremiseRef::Kind::numeric_fact:
    s.words(p.kind == PremiseRef::Kind::fact ? "stipulated fact" : "stipulated value");
    if (!p.id.empty()) s.words(" ").user(p.id);
    s.words(line + ": ").code(premise_label(p));
    break;
  case PremiseRef::Kind::evidence:
    s.words("evidence ").user(p.id);
    if (!p.evidence_kind.empty()) s.words(" (").user(words_of(p.evidence_kind)).words(", " + to_string(p.confidence) + ")");
    s.words(": \"").user(p.label).words("\"");
    if (p.bears_on) {
      s.words(p.bears_on->positive ? " — supports " : " — contradicts ").code(p.bears_on->atom);
      if (p.weight != p.confidence) s.words(" (with corroboration, weight " + to_string(p.weight) + ")");
    }
    break;
  case PremiseRef::Kind::rule:
    s.words("rule ").user(p.id).words(": ").user(p.label);
    if (p.origin_only) s.words(" — " + premise_detail(p));
    break;
  case PremiseRef::Kind::assumption:
    s.words("assumed for this run (--assume): ").code(p.id);
    break;
  case PremiseRef::Kind::closed_world:
  case PremiseRef::Kind::burden_of_proof: {
    s.append(burden_phrase(burden_named(p, burdens)));
    break;
  }
  case PremiseRef::Kind::naive:
    s.words("the inference §28(f) warns against: " + premise_label(p));
    break;
  }
  add_cites(s, premise_cites(p));
  return s;
}

// One premise in the author's labels, with its ids, atom and line as references.
InWords premise_in_words(const Report& report, const PremiseRef& p, const std::vector<Burden>& burdens) {
  InWords out;
  Phrase& s = out.words;
  Phrase& r = out.refs;
  switch (p.kind) {
  case PremiseRef::Kind::fact:
  case PremiseRef::Kind::numeric_fact:
    s.words(p.kind == PremiseRef::Kind::fact ? "stipulated fact" : "stipulated value");
    r.words(p.kind == PremiseRef::Kind::fact ? "stipulated fact" : "stipulated value");
    if (!p.id.empty()) r.words(" ").code(p.id); // a fact's label is an id too
    if (p.label.rfind("not ", 0) == 0) s.words(" (it does not hold): ").append(atom_in_words(report, p.label.substr(4)));
    else s.words(": ").append(atom_in_words(report, premise_label(p)));
    r.words(line_ref(p.span) + ": ").code(premise_label(p));
    break;
  case PremiseRef::Kind::evidence:
    s.words("evidence");
    if (!p.evidence_kind.empty())
      s.words(" (").user(words_of(p.evidence_kind)).words(", confidence " + to_string(p.confidence) + ")");
    s.words(": \"").user(p.label).words("\"");
    r.words("evidence ").code(p.id).words(line_ref(p.span));
    if (p.bears_on) {
      s.words(p.bears_on->positive ? " — supports: " : " — contradicts: ").append(atom_in_words(report, p.bears_on->atom));
      if (p.weight != p.confidence) s.words(" (with corroboration, weight " + to_string(p.weight) + ")");
      r.words(p.bears_on->positive ? "; supports " : "; contradicts ").code(p.bears_on->atom);
    }
    break;
  case PremiseRef::Kind::rule:
    s.words("rule: ").user(p.label);
    if (p.origin_only) s.words(" — " + premise_detail(p));
    r.words("rule ").code(p.id);
    break;
  case PremiseRef::Kind::assumption:
    s.words("assumed for this run (--assume): ").append(atom_in_words(report, p.id));
    r.words("assumed: ").code(p.id);
    break;
  case PremiseRef::Kind::closed_world:
  case PremiseRef::Kind::burden_of_proof: {
    const Burden b = burden_named(p, burdens);
    s.append(burden_in_words(report, b));
    r = burden_refs(b);
    break;
  }
  case PremiseRef::Kind::naive:
    return {};
  }
  add_cites(s, premise_cites(p));
  return out;
}

// Support as a list, with what establishes a burden-of-proof atom nested
// under it. Rules that are there only because none of their instances applies
// are left out: they close a route, they are not a reason (closed_routes lists them).
std::vector<Item> premise_items(const Report& report, const std::vector<PremiseRef>& ps, const std::vector<Burden>& burdens) {
  std::vector<Item> out;
  std::vector<bool> placed(ps.size(), false);
  for (std::size_t i = 0; i < ps.size(); ++i)
    if (ps[i].kind == PremiseRef::Kind::rule && !ps[i].applies) placed[i] = true;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (!ps[i].because_of.empty() || placed[i]) continue;
    Item item{premise_phrase(ps[i], burdens), {}, premise_in_words(report, ps[i], burdens)};
    if (ps[i].kind == PremiseRef::Kind::burden_of_proof) {
      for (std::size_t j = 0; j < ps.size(); ++j) {
        if (ps[j].because_of != ps[i].id || placed[j]) continue;
        item.children.push_back({premise_phrase(ps[j], burdens), {}, premise_in_words(report, ps[j], burdens)});
        placed[j] = true;
      }
      if (!item.children.empty()) {
        item.phrase.words(", because:");
        item.in_words.after.words(", because:");
      }
    }
    placed[i] = true;
    out.push_back(std::move(item));
  }
  // Sub-support whose burden-of-proof item is not in the list: keep it, saying what it is for.
  for (std::size_t j = 0; j < ps.size(); ++j) {
    if (placed[j]) continue;
    Item item{premise_phrase(ps[j], burdens), {}, premise_in_words(report, ps[j], burdens)};
    item.phrase.words(" (this is why ").code(ps[j].because_of).words(" holds)");
    if (!item.in_words.empty()) {
      item.in_words.words.words(" (this is why ").append(atom_in_words(report, ps[j].because_of)).words(" holds)");
      item.in_words.refs.words("; it helps establish ").code(ps[j].because_of);
    }
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

// The same routes by their labels, their ids as references.
InWords closed_routes_in_words(const std::vector<PremiseRef>& ps) {
  InWords out;
  auto closes = [](const PremiseRef& r) { return r.kind == PremiseRef::Kind::rule && !r.applies; };
  out.refs.words(std::count_if(ps.begin(), ps.end(), closes) > 1 ? "rules" : "rule");
  for (const auto& r : ps) {
    if (!closes(r)) continue;
    out.refs.words(out.words.empty() ? " " : ", ").code(r.id);
    if (!out.words.empty()) out.words.words("; ");
    out.words.user(r.label.empty() ? r.id : r.label);
  }
  return out;
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

InWords no_rule_in_words(const Report& report, const NoRuleInForce& n) {
  InWords out;
  out.words.words("under ").user(words_of(n.family)).words(" = ").user(words_of(n.alternative))
      .words(" no rule concludes that ").append(atom_in_words(report, n.atom));
  out.refs.code(n.atom);
  for (const auto& [alt, rules] : n.elsewhere) {
    out.words.words("; under ").user(words_of(n.family)).words(" = ").user(words_of(alt))
        .words(rules.size() > 1 ? " other rules would decide it" : " another rule would decide it");
    out.refs.words("; under ").user(words_of(alt)).words(": rule");
    if (rules.size() > 1) out.refs.words("s");
    for (std::size_t i = 0; i < rules.size(); ++i) out.refs.words(i ? ", " : " ").code(rules[i]);
  }
  return out;
}

// A set of literals that would establish a claim; each literal in words.
InWords literals_in_words(const Report& report, const std::vector<Literal>& ls) {
  InWords out;
  for (std::size_t i = 0; i < ls.size(); ++i) {
    if (i) {
      out.words.words("; and ");
      out.refs.words(" and ");
    }
    out.words.append(literal_in_words(report, ls[i]));
    out.refs.code(to_string(ls[i]));
  }
  return out;
}

// An evidence item by its summary, where the grounding's reasons quote it
// (the report carries no other summaries).
std::optional<Phrase> evidence_in_words(const ClaimGroundingReport& g, const std::string& id) {
  for (const auto& p : g.support)
    if (p.kind == PremiseRef::Kind::evidence && p.id == id) return Phrase().words("\"").user(p.label).words("\"");
  for (const auto& d : g.defeaters)
    if (d.evidence == id) return Phrase().words("\"").user(d.summary).words("\"");
  return std::nullopt;
}

// A §28(f) note: the evidence item by id, the atom in the case file's notation.
Phrase note_phrase(const Note& n) {
  const NoteWords w = note_words(n);
  return Phrase().words(w.before + "'").user(n.evidence).words("'" + w.middle).code(n.atom).words(w.after);
}

// The same with its evidence item quoted by its summary (where the reasons
// quote it; else the references name it) and its atom in words.
InWords note_in_words(const Report& report, const ClaimGroundingReport& g, const Note& n) {
  InWords out;
  const NoteWords w = note_words(n);
  if (auto item = evidence_in_words(g, n.evidence)) out.words.words(w.before).append(*item);
  else out.words.words(w.before.substr(0, w.before.size() - 1)); // "...: evidence shows where ..."
  out.words.words(w.middle).append(atom_in_words(report, n.atom)).words(w.after);
  out.refs.words("evidence ").code(n.evidence).words("; on ").code(n.atom);
  return out;
}

// The premises a route shares with the support (facts, rules, presumptions:
// never evidence), named in one line instead of being listed again.
Item shared_with_support(const Report& report, const std::vector<PremiseRef>& shared) {
  Item item;
  item.phrase.words("and, as above: ");
  item.in_words.words.words("and, as above: ");
  for (std::size_t i = 0; i < shared.size(); ++i) {
    const PremiseRef& p = shared[i];
    if (i) {
      item.phrase.words(", ");
      item.in_words.words.words("; ");
      item.in_words.refs.words("; ");
    }
    switch (p.kind) {
    case PremiseRef::Kind::fact:
    case PremiseRef::Kind::numeric_fact:
      item.phrase.words(p.kind == PremiseRef::Kind::fact ? "stipulated fact" : "stipulated value");
      if (p.id.empty()) item.phrase.words(" (line " + std::to_string(p.span.line) + ")");
      else item.phrase.words(" ").user(p.id);
      item.in_words.words.words(p.kind == PremiseRef::Kind::fact ? "stipulated fact: " : "stipulated value: ")
          .append(atom_in_words(report, premise_label(p)));
      item.in_words.refs.words(p.kind == PremiseRef::Kind::fact ? "stipulated fact" : "stipulated value");
      if (!p.id.empty()) item.in_words.refs.words(" ").code(p.id);
      item.in_words.refs.words(line_ref(p.span) + ": ").code(premise_label(p));
      break;
    case PremiseRef::Kind::rule:
      item.phrase.words("rule ").user(p.id);
      item.in_words.words.words("rule: ").user(p.label);
      item.in_words.refs.words("rule ").code(p.id);
      break;
    case PremiseRef::Kind::closed_world:
    case PremiseRef::Kind::burden_of_proof: {
      if (p.kind == PremiseRef::Kind::closed_world) {
        item.phrase.words("the presumption that ").code(p.id).words(" does not hold");
        item.in_words.words.words("the presumption that it does not hold: ");
      } else {
        item.phrase.words("the burden of proof on ").code(p.id);
        item.in_words.words.words("the burden of proof on: ");
      }
      item.in_words.words.append(atom_in_words(report, p.id));
      item.in_words.refs.append(burden_refs(burden_named(p, {})));
      break;
    }
    case PremiseRef::Kind::assumption:
      item.phrase.words("the assumption ").code(p.id);
      item.in_words.words.words("the assumption: ").append(atom_in_words(report, p.id));
      item.in_words.refs.words("assumed: ").code(p.id);
      break;
    default: // evidence, naive inferences: never shared (other bodies of evidence; no route of an accusation's)
      item.phrase.user(p.id);
      item.in_words.words.user(p.id);
      item.in_words.refs.code(p.id);
      break;
    }
  }
  return item;
}

// Other routes to the verdict, each on bodies of evidence the support and the
// routes before it do not use: one section per route, listed like "because:"
// (what it shares with "because:" named in one line), then a line when the
// list is cut (`explain`: how many more, and --all).
std::vector<Section> also_supports_sections(const Report& report, const ClaimGroundingReport& g, bool hypothesis,
                                            bool detail) {
  std::vector<Section> out;
  const AlsoSupports& also = g.also_supports;
  const std::string title = hypothesis                        ? "the argument also rests on"
                            : g.verdict == Verdict::refuted ? "also refuted by"
                                                            : "also established by";
  auto in_support = [&](const PremiseRef& p) {
    return std::any_of(g.support.begin(), g.support.end(), [&](const PremiseRef& q) {
      return q.kind == p.kind && q.id == p.id && q.label == p.label && q.span.line == p.span.line &&
             q.value == p.value && q.holds == p.holds && q.origin_only == p.origin_only && q.because_of == p.because_of;
    });
  };
  for (const auto& route : also.routes) {
    std::vector<PremiseRef> own, shared;
    for (const auto& p : route.support) {
      if (!in_support(p)) own.push_back(p);
      else if (p.because_of.empty() && !(p.kind == PremiseRef::Kind::rule && !p.applies)) shared.push_back(p);
    }
    auto items = premise_items(report, own, route.burdens);
    if (!shared.empty()) items.push_back(shared_with_support(report, shared));
    if (!items.empty()) out.push_back({title, {}, std::move(items)});
  }
  if (also.left_out > 0 && !detail) {
    out.push_back({"and more routes", Phrase().words("imputa explain lists them"), {}});
  } else if (also.left_out > 0) {
    const bool one = also.left_out == 1;
    out.push_back({"and " + std::string(also.complete ? "" : "at least ") + std::to_string(also.left_out) + " more " +
                       (one ? "route" : "routes"),
                   Phrase().words(one ? "add --all to list it" : "add --all to list them"), {}});
  }
  if (also.time_ran_out)
    out.push_back({"other routes", Phrase().words("the time limit was reached while looking for them, so there may "
                                                  "be more (a larger --timeout-ms gives them time)"), {}});
  return out;
}

// "S = rus" for a claim with variables, in ids and in the author's labels.
void add_bindings(const Report& report, const ClaimGroundingReport& g, Grounding& out) {
  for (const auto& [var, value] : g.bindings) {
    if (!out.bindings.empty()) out.bindings.words(", ");
    out.bindings.code(var).words(" = ").code(value);
    if (!out.bindings_in_words.words.empty()) {
      out.bindings_in_words.words.words(", ");
      out.bindings_in_words.refs.words(", ");
    }
    out.bindings_in_words.words.user(var).words(" = ").user(entity_words(report, value));
    out.bindings_in_words.refs.code(var).words(" = ").code(value);
  }
}

// What the verdict rests on ("because:"), the routes that do not apply, and
// the other routes to it.
std::vector<Section> support_sections(const Report& report, const ClaimGroundingReport& g, bool hypothesis,
                                      bool detail) {
  std::vector<Section> out;
  if (g.support.empty()) return out;
  std::string title = g.verdict == Verdict::unsubstantiated ? "it rests only on"
                      : hypothesis                         ? "the argument rests on"
                                                           : "because";
  auto items = premise_items(report, g.support, g.burdens);
  if (!items.empty()) out.push_back({title, {}, std::move(items)});
  Phrase routes = closed_routes(g.support);
  if (!routes.empty())
    out.push_back({g.verdict == Verdict::refuted ? "no rule concludes it: none of these applies"
                                                 : "routes that do not apply",
                   routes, {}, closed_routes_in_words(g.support)});
  for (auto& s : also_supports_sections(report, g, hypothesis, detail)) out.push_back(std::move(s));
  return out;
}

// What stands in the way of a finding: no rule in force under the claim's
// doctrine, an accusation leaning on what §28(f) discounts, premises in conflict.
std::vector<Section> obstacle_sections(const Report& report, const ClaimGroundingReport& g) {
  std::vector<Section> out;
  if (!g.no_rule_in_force.empty()) {
    Section s{"under the doctrine in force", {}, {}};
    for (const auto& n : g.no_rule_in_force) s.items.push_back({no_rule_phrase(n), {}, no_rule_in_words(report, n)});
    out.push_back(std::move(s));
  }
  if (g.verdict == Verdict::unsubstantiated && !g.naive_reliance.empty()) {
    Section s{"GGE 2015 §28(f): accusations should be substantiated; this one leans on", {}, {}};
    for (NaiveInference k : g.naive_reliance) s.items.push_back({Phrase().words(naive_inference_text(k)), {}});
    out.push_back(std::move(s));
  }
  if (!g.conflict.empty())
    out.push_back(
        {"the premises contradict each other; a minimal conflicting set", {}, premise_items(report, g.conflict, g.burdens)});
  return out;
}

// A model as a list: the scenario first, what is agreed (stipulated) after it.
Section model_section(const Report& report, const std::string& title, std::vector<Literal> ls) {
  std::stable_partition(ls.begin(), ls.end(), [](const Literal& l) { return !l.stipulated; });
  Section s{title, {}, {}};
  for (std::size_t i = 0; i < ls.size() && i < shown_model_literals; ++i)
    s.items.push_back(
        {model_literal(report, ls[i]), {}, {model_literal_in_words(report, ls[i]), Phrase().code(to_string(ls[i]))}});
  if (ls.size() > shown_model_literals)
    s.items.push_back({Phrase().words("and " + std::to_string(ls.size() - shown_model_literals) + " more"), {}});
  return s;
}

// The counter-model (and, in detail, the witness model), then what is missing.
std::vector<Section> model_sections(const Report& report, const ClaimGroundingReport& g, bool detail) {
  std::vector<Section> out;
  if (!g.counter_model.empty() && (detail || g.verdict != Verdict::established))
    out.push_back(model_section(report, "the evidence is also consistent with the claim being false, for instance",
                                g.counter_model));
  if (detail && !g.witness_model.empty())
    out.push_back(model_section(report, "and with the claim being true, for instance", g.witness_model));
  if (!g.would_establish.empty()) {
    Section s{"missing to establish it (proving any one of these would do)", {}, {}};
    for (const auto& set : g.would_establish) s.items.push_back({literals(set, " and "), {}, literals_in_words(report, set)});
    out.push_back(std::move(s));
  }
  return out;
}

// The highest standard at which the claim is established, and why a higher
// standard than the claim's own can be easier (a burden of proof).
Section strength_section(const Report& report, const ClaimGroundingReport& g) {
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
    for (const auto& b : g.strength_burdens)
      s.items.push_back({burden_phrase(b), {}, {burden_in_words(report, b), burden_refs(b)}});
  return s;
}

// The evidence items each of which alone changes the verdict when removed.
Section critical_evidence_section(const ClaimGroundingReport& g) {
  Phrase p;
  InWords w;
  std::size_t unquoted = 0; // items the reasons do not quote: the references name them
  for (std::size_t i = 0; i < g.critical_evidence.size(); ++i) {
    if (i) p.words(", ");
    p.user(g.critical_evidence[i]);
    w.refs.words(i ? ", " : "evidence ").code(g.critical_evidence[i]);
    auto item = evidence_in_words(g, g.critical_evidence[i]);
    if (!item) {
      ++unquoted;
      continue;
    }
    if (!w.words.empty()) w.words.words("; ");
    w.words.append(*item);
  }
  if (unquoted)
    w.words.words(w.words.empty() ? "" : "; and ")
        .words(unquoted == 1 ? "one item of evidence" : std::to_string(unquoted) + " items of evidence");
  return {"critical evidence (removing any one of these alone changes the verdict)", p, {}, w};
}

// Evidence that bears against an atom the claim depends on.
Section defeaters_section(const Report& report, const ClaimGroundingReport& g) {
  Section s{"evidence against", {}, {}};
  for (const auto& d : g.defeaters) {
    Phrase p;
    p.words("evidence ").user(d.evidence).words(": \"").user(d.summary).words("\" — bears on ")
        .code(to_string(d.contrary)).words(" (confidence " + to_string(d.weight) + ")");
    InWords w;
    w.words.words("evidence \"").user(d.summary).words("\" (confidence " + to_string(d.weight) + ")")
        .words(d.contrary.positive ? " — that it holds: " : " — that it does not hold: ")
        .append(atom_in_words(report, d.contrary.atom));
    w.refs.words("evidence ").code(d.evidence).words("; bears on ").code(to_string(d.contrary));
    s.items.push_back({p, {}, w});
  }
  return s;
}

// One claim grounding's sections, in the order a reader needs them: the
// verdict's grounds, what stands in its way, the models, how strong it is,
// which evidence matters, and the notes.
Grounding grounding(const Report& report, const ClaimGroundingReport& g, bool hypothesis, bool detail, bool timings) {
  Grounding out;
  add_bindings(report, g, out);
  out.verdict = g.verdict;
  out.verdict_word = verdict_word(g.verdict);
  out.explanation = explain_verdict(g.verdict, hypothesis);
  auto& sections = out.sections;
  auto add = [&](std::vector<Section> more) {
    for (auto& s : more) sections.push_back(std::move(s));
  };
  if (g.unknown_reason)
    sections.push_back(
        {"why it could not be decided", Phrase().words(unknown_reason_text(*g.unknown_reason, g.time_limit)), {}});
  add(support_sections(report, g, hypothesis, detail));
  add(obstacle_sections(report, g));
  add(model_sections(report, g, detail));
  if (detail || g.strength) sections.push_back(strength_section(report, g));
  if (detail && !g.critical_evidence.empty()) sections.push_back(critical_evidence_section(g));
  if (detail && !g.defeaters.empty()) sections.push_back(defeaters_section(report, g));
  if (!g.notes.empty()) {
    Section s{"GGE 2015 §28(f) notes", {}, {}};
    for (const auto& n : g.notes) s.items.push_back({note_phrase(n), {}, note_in_words(report, g, n)});
    sections.push_back(std::move(s));
  }
  if (g.reasons_cut) sections.push_back({"reasons left out", Phrase().words(reasons_cut_text(g.time_limit)), {}});
  if (timings) sections.push_back({"solved in", Phrase().words(std::to_string(static_cast<long>(g.solve_ms)) + " ms"), {}});
  return out;
}

// What a run changed in the record, said beside the standard and doctrines:
// a report of a what-if must never read as one of the full record.
void what_if(Phrase& about, const ClaimReport& c) {
  for (std::size_t i = 0; i < c.left_out.size(); ++i)
    about.words(i ? ", " : "; left out: ").code(c.left_out[i]);
  for (std::size_t i = 0; i < c.assumed.size(); ++i)
    about.words(i ? ", " : "; assumed proven: ").code(c.assumed[i]);
  if (c.as_of) about.words("; the record as of ").words(to_string(*c.as_of));
  // The judge's check of its shortcut for unnamed entities (docs/limits.md).
  if (c.shortcut_verdict)
    about.words("; judged with every entity on its own, because judging the unnamed ones together gave " +
                (*c.shortcut_verdict == c.verdict ? std::string("another verdict for some values of its variables")
                                                  : verdict_word(*c.shortcut_verdict)));
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
    what_if(claim.about, c);
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
