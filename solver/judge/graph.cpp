// The evidence graph of a claim (for `imputa graph`, docs/report.md "Graphs"):
// by default only what carries or blocks the judge's verdict, with `full` every
// rule instance that touches a premise; each atom with what the premises say of it.
#include "claim_judge.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace imputa {
namespace {

using judging::AtomId;
using Status = GraphNode::Status;

// Atoms some premise mentions: in the full view a rule instance is drawn only if it touches one.
std::set<AtomId> mentioned_atoms(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence) {
  std::set<AtomId> mentioned;
  for (const auto& f : g.facts) mentioned.insert(f.atoms.begin(), f.atoms.end());
  for (const auto& n : g.numeric) mentioned.insert(n.atom);
  for (const auto& l : evidence.literals())
    if (auto a = g.find(l.atom)) mentioned.insert(*a);
  mentioned.insert(g.assumed.begin(), g.assumed.end());
  return mentioned;
}

GraphNode make_node(GraphNode::Kind kind, std::string id, std::string label, std::string detail) {
  GraphNode n;
  n.kind = kind;
  n.id = std::move(id);
  n.label = std::move(label);
  n.detail = std::move(detail);
  return n;
}

std::vector<AtomId> atoms_of(const ground::Formula& f) {
  std::vector<AtomId> out;
  ground::collect_atoms(f, out);
  return out;
}

// What the premises of one claim's setting say of each atom: stipulated facts,
// assumptions, evidence proven on the cautious reading, the presumptions and
// burdens the judge reported, and the definitions read in three values
// (true, false, open). It only colours the drawing: the verdict is the judge's.
class Statuses {
public:
  enum class Truth { open, yes, no };

  Statuses(const Program& program, const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence,
           const judging::Setting& setting, const std::vector<Burden>& burdens)
      : program_(program), g_(g), evidence_(evidence), setting_(setting) {
    config_.threshold = setting.standard.threshold;
    config_.contrary_below = setting.standard.contrary_below;
    config_.as_of = setting.as_of;
    config_.dropped = setting.drops;
    config_.corroboration = program.corroboration;
    auto substantiation = setting.doctrine.find("substantiation");
    config_.statements_discounted = setting.mode == ClaimMode::accusation && substantiation != setting.doctrine.end() &&
                                    substantiation->second == "disclosed_evidence";
    for (const auto& f : g.facts) {
      const FactItem& fact = program.facts[f.fact];
      if (fact.label && setting.drops.count(*fact.label)) continue;
      if (f.formula.kind == ground::Formula::Kind::atom) known_[f.formula.atom] = Status::established;
      if (f.formula.kind == ground::Formula::Kind::negation && f.formula.operands[0].kind == ground::Formula::Kind::atom)
        known_[f.formula.operands[0].atom] = Status::refuted;
    }
    for (auto a : setting.assumes) known_[a] = Status::established;
    for (const auto& b : burdens)
      if (auto a = g.find(b.atom)) known_.try_emplace(*a, b.holds ? Status::established : Status::presumed);
  }

  const weigh::Config& config() const { return config_; }

  // The evidence proves the literal on the favourable reading (ARGUABLE rests on it).
  bool favourable(AtomId a, bool positive) const {
    return evidence_.proven({g_.atoms[a].text, positive}, config_, weigh::Reading::favourable);
  }

  bool in_force(const ground::Body& body) const {
    return judging::rule_in_force(program_.rules[body.rule], setting_.doctrine, setting_.drops);
  }

  Status status(AtomId a) {
    if (auto it = known_.find(a); it != known_.end()) return it->second;
    known_[a] = Status::open; // no atom depends on itself (E009); this only guards the recursion
    Status s = Status::open;
    if (evidence_.proven({g_.atoms[a].text, true}, config_, weigh::Reading::cautious)) s = Status::established;
    else if (evidence_.proven({g_.atoms[a].text, false}, config_, weigh::Reading::cautious)) s = Status::refuted;
    else if (const ground::Definition* d = g_.definition(a)) s = derived_status(*d);
    const auto* info = g_.atoms[a].info;
    if (s == Status::open && info && info->has(Tag::closed)) s = Status::presumed; // §1: false until proven
    return known_[a] = s;
  }

  Truth truth(AtomId a) {
    switch (status(a)) {
    case Status::established: return Truth::yes;
    case Status::refuted:
    case Status::presumed: return Truth::no;
    case Status::open: break;
    }
    return Truth::open;
  }

  Truth truth(const ground::Formula& f) {
    using K = ground::Formula::Kind;
    switch (f.kind) {
    case K::atom: return truth(f.atom);
    case K::truth: return Truth::yes;
    case K::falsity: return Truth::no;
    case K::comparison: return Truth::open; // numeric: not coloured
    case K::negation: {
      Truth t = truth(f.operands[0]);
      return t == Truth::yes ? Truth::no : t == Truth::no ? Truth::yes : Truth::open;
    }
    case K::conjunction:
    case K::disjunction: {
      Truth decisive = f.kind == K::conjunction ? Truth::no : Truth::yes;
      bool open = false;
      for (const auto& o : f.operands) {
        Truth t = truth(o);
        if (t == decisive) return decisive;
        open = open || t == Truth::open;
      }
      return open ? Truth::open : decisive == Truth::no ? Truth::yes : Truth::no;
    }
    }
    return Truth::open;
  }

  Truth truth(const ground::Body& body) {
    bool open = false;
    for (const auto& l : body.literals) {
      Truth t = truth(l);
      if (t == Truth::no) return Truth::no;
      open = open || t == Truth::open;
    }
    return open ? Truth::open : Truth::yes;
  }

private:
  // Clark completion: true if a body in force holds, false if every one fails.
  Status derived_status(const ground::Definition& def) {
    bool all_fail = true;
    for (const auto& body : def.bodies) {
      if (!in_force(body)) continue;
      Truth t = truth(body);
      if (t == Truth::yes) return Status::established;
      all_fail = all_fail && t == Truth::no;
    }
    return all_fail ? Status::refuted : Status::open;
  }

  const Program& program_;
  const ground::GroundProgram& g_;
  const weigh::EvidenceIndex& evidence_;
  const judging::Setting& setting_;
  weigh::Config config_;
  std::map<AtomId, Status> known_;
};

// What the support view keeps of one claim grounding: the judge's premises
// (support or conflict) or, with none, what would establish it.
struct Selection {
  bool from_premises = false;           // support or conflict: only their rules and evidence
  std::set<std::string> rules, evidence; // ids
  std::set<AtomId> targets;             // the atoms the view leads down to
  std::map<AtomId, bool> missing;       // would-establish atoms and the value that would establish
};

// The atoms a stipulated fact premise of the judge's reasons states (matched by its place in the file).
void add_fact_atoms(const Program& program, const ground::GroundProgram& g, const PremiseRef& p, std::set<AtomId>& out) {
  auto same_place = [&](std::size_t fact) {
    return program.facts[fact].span.line == p.span.line && program.facts[fact].span.file == p.span.file;
  };
  for (const auto& f : g.facts)
    if (same_place(f.fact)) out.insert(f.atoms.begin(), f.atoms.end());
  for (const auto& n : g.numeric)
    if (same_place(n.fact)) out.insert(n.atom);
}

Selection select(const Program& program, const ground::GroundProgram& g, const ClaimGroundingReport& r) {
  Selection s;
  std::vector<const PremiseRef*> premises;
  for (const auto& p : r.support) premises.push_back(&p);
  for (const auto& p : r.conflict) premises.push_back(&p);
  s.from_premises = !premises.empty();
  for (const PremiseRef* p : premises) {
    switch (p->kind) {
    case PremiseRef::Kind::rule: s.rules.insert(p->id); break;
    case PremiseRef::Kind::evidence:
      s.evidence.insert(p->id);
      if (p->bears_on)
        if (auto a = g.find(p->bears_on->atom)) s.targets.insert(*a);
      break;
    case PremiseRef::Kind::fact:
    case PremiseRef::Kind::numeric_fact: add_fact_atoms(program, g, *p, s.targets); break;
    case PremiseRef::Kind::assumption:
    case PremiseRef::Kind::closed_world:
    case PremiseRef::Kind::burden_of_proof:
      if (auto a = g.find(p->id)) s.targets.insert(*a);
      break;
    case PremiseRef::Kind::naive: break;
    }
  }
  if (!s.from_premises)
    for (const auto& set : r.would_establish)
      for (const auto& l : set)
        if (auto a = g.find(l.atom)) {
          s.missing[*a] = l.positive;
          s.targets.insert(*a);
        }
  return s;
}

// Draws claim groundings one after the other into one graph; nodes and edges
// drawn twice are kept once (the first claim to draw an atom colours it).
class Drawing {
public:
  Drawing(const Program& program, const JudgeOptions& options, const ground::GroundProgram& g,
          const weigh::EvidenceIndex& evidence, GraphView view)
      : program_(program), options_(options), g_(g), evidence_(evidence), view_(view),
        mentioned_(mentioned_atoms(g, evidence)) {}

  void draw(const ground::ClaimInstance& inst, const ClaimGroundingReport* report) {
    const ClaimItem& c = program_.claims[inst.claim];
    judging::Setting setting = judging::setting_for(program_, g_, c, options_);
    Statuses statuses(program_, g_, evidence_, setting, report ? report->burdens : std::vector<Burden>{});
    Instance in{c, statuses, report ? select(program_, g_, *report) : Selection{}, {}, {}, {}, false, false};
    in.naive = report && report->verdict == Verdict::unsubstantiated && c.mode == ClaimMode::accusation;

    std::string claim_id = "claim:" + c.id + (inst.bindings.empty() ? "" : ":" + inst.text);
    std::string label = c.text;
    for (const auto& [var, value] : inst.bindings) label += " [" + var + " = " + value + "]";
    GraphNode node = make_node(GraphNode::Kind::claim, claim_id, label, c.id);
    if (report) node.verdict = report->verdict;
    add_node(std::move(node));
    for (auto a : atoms_of(inst.formula)) {
      add_edge(atom_id(a), claim_id, GraphEdge::Kind::claim);
      draw_atom(in, a);
    }
    if (view_ == GraphView::support && !in.selection.from_premises) {
      // Missing atoms to prove true that no way of proven or favoured
      // conditions reaches: the ways to them through open conditions, and
      // only to them. (One to prove false is a condition of no rule.)
      std::set<AtomId> unreached;
      for (const auto& [a, positive] : in.selection.missing)
        if (positive && !in.drawn.count(a)) unreached.insert(a);
      if (!unreached.empty()) {
        std::set<AtomId> drawn = std::move(in.drawn);
        in.drawn.clear();
        in.selection.targets = unreached;
        in.leads.clear();
        in.could.clear();
        in.open_allowed = true;
        for (auto a : atoms_of(inst.formula)) draw_atom(in, a);
        in.drawn.insert(drawn.begin(), drawn.end());
      }
    }
    draw_evidence(in);
  }

  Graph take() { return std::move(graph_); }

private:
  struct Instance {
    const ClaimItem& claim;
    Statuses& statuses;
    Selection selection;
    std::set<AtomId> drawn;
    std::map<AtomId, bool> leads; // support view: the atom leads down to a target
    std::map<AtomId, bool> could; // support view, nothing established: the atom would hold with the missing ones
    bool open_allowed = false;    // ... or with open conditions
    bool naive = false;           // an accusation only the naive premises carry (§5)
  };

  void add_node(GraphNode n) {
    if (node_ids_.insert(n.id).second) graph_.nodes.push_back(std::move(n));
  }
  void add_edge(const std::string& from, const std::string& to, GraphEdge::Kind kind) {
    if (edge_ids_.insert({from, to, static_cast<int>(kind)}).second) graph_.edges.push_back({from, to, kind});
  }
  std::string atom_id(AtomId a) const { return "atom:" + g_.atoms[a].text; }

  // Support view: the rules a body may come from (the judge's, or any in force when it named none).
  bool allowed(Instance& in, const ground::Body& body) const {
    if (!in.statuses.in_force(body)) return false;
    return !in.selection.from_premises || in.selection.rules.count(program_.rules[body.rule].id);
  }

  // Support view: some way down from `a` through allowed bodies reaches a target.
  bool leads(Instance& in, AtomId a) {
    if (auto it = in.leads.find(a); it != in.leads.end()) return it->second;
    in.leads[a] = false; // guards the recursion (E009: no cycles)
    bool found = in.selection.targets.count(a) != 0;
    if (const ground::Definition* d = g_.definition(a); !found && d)
      for (const auto& body : d->bodies) {
        if (!allowed(in, body)) continue;
        for (const auto& l : body.literals)
          for (auto x : atoms_of(l)) found = found || leads(in, x);
        if (found) break;
      }
    return in.leads[a] = found;
  }

  // Without premises to draw (NOT ESTABLISHED): the literal holds, or would
  // once the missing atoms are proven, directly or through a rule.
  bool could_hold(Instance& in, const ground::Formula& l) {
    using K = ground::Formula::Kind;
    auto truth = in.statuses.truth(l);
    if (truth == Statuses::Truth::yes || (in.open_allowed && truth == Statuses::Truth::open)) return true;
    bool positive = l.kind == K::atom;
    if (!positive && !(l.kind == K::negation && l.operands[0].kind == K::atom)) return false;
    AtomId a = positive ? l.atom : l.operands[0].atom;
    if (in.statuses.favourable(a, positive)) return true;
    if (auto m = in.selection.missing.find(a); m != in.selection.missing.end()) return m->second == positive;
    if (!positive) return false;
    if (auto c = in.could.find(a); c != in.could.end()) return c->second;
    in.could[a] = false; // guards the recursion (E009: no cycles)
    bool found = false;
    if (const ground::Definition* d = g_.definition(a))
      for (const auto& body : d->bodies)
        found = found || (allowed(in, body) && could_hold(in, body));
    return in.could[a] = found;
  }
  bool could_hold(Instance& in, const ground::Body& body) {
    return std::all_of(body.literals.begin(), body.literals.end(), [&](const auto& l) { return could_hold(in, l); });
  }

  // The support view keeps a body that leads to a target and agrees with what
  // is known of the atom: a body that holds for a proven atom, a failing one
  // for a refuted or presumed atom (its failing conditions only).
  bool keep_body(Instance& in, AtomId a, const ground::Body& body) {
    if (!allowed(in, body)) return false;
    bool to_target = false;
    for (const auto& l : body.literals)
      for (auto x : atoms_of(l)) to_target = to_target || leads(in, x);
    if (!to_target) return false;
    auto t = in.statuses.truth(body);
    if (!in.selection.from_premises) return could_hold(in, body); // a way the missing atoms would open
    switch (in.statuses.status(a)) {
    case Status::established: return t == Statuses::Truth::yes;
    case Status::refuted:
    case Status::presumed: return t == Statuses::Truth::no;
    case Status::open: return true;
    }
    return true;
  }

  void draw_atom(Instance& in, AtomId a) {
    if (!in.drawn.insert(a).second) return;
    GraphNode node = make_node(GraphNode::Kind::atom, atom_id(a), g_.atoms[a].text, "");
    node.status = in.statuses.status(a);
    if (auto m = in.selection.missing.find(a); m != in.selection.missing.end() && view_ == GraphView::support)
      node.would_establish = m->second;
    add_node(std::move(node));
    if (view_ == GraphView::support && in.selection.missing.count(a)) return; // what is missing ends the way
    const ground::Definition* d = g_.definition(a);
    if (!d) return;
    const auto& def = *d;
    if (view_ == GraphView::support && in.naive) // UNSUBSTANTIATED: the §28(f) inference that carries it
      for (auto o : def.naive_origin) {
        add_edge(atom_id(o), atom_id(a), GraphEdge::Kind::discounted);
        draw_atom(in, o);
      }
    if (view_ == GraphView::full) {
      // §5: for an accusation, the inference from origin that §28(f) warns against.
      if (in.claim.mode == ClaimMode::accusation)
        for (auto o : def.naive_origin) {
          add_edge(atom_id(o), atom_id(a), GraphEdge::Kind::discounted);
          draw_atom(in, o);
        }
      for (std::size_t b = 0; b < def.bodies.size(); ++b) {
        const auto& body = def.bodies[b];
        std::vector<AtomId> body_atoms;
        for (const auto& l : body.literals) ground::collect_atoms(l, body_atoms);
        bool relevant = std::any_of(body_atoms.begin(), body_atoms.end(),
                                    [&](auto x) { return mentioned_.count(x) || g_.derived(x); });
        if ((relevant || body_atoms.empty()) && in.statuses.in_force(body)) draw_body(in, a, b, body, false);
      }
      return;
    }
    for (std::size_t b = 0; b < def.bodies.size(); ++b)
      if (keep_body(in, a, def.bodies[b])) draw_body(in, a, b, def.bodies[b], true);
  }

  // Body `b` of the definition of `a` as a rule instance; in the support view a
  // failing body shows only its failing conditions, and only atoms that lead to
  // a target are followed down.
  void draw_body(Instance& in, AtomId a, std::size_t b, const ground::Body& body, bool support) {
    const RuleItem& rule = program_.rules[body.rule];
    std::string rule_id = "rule:" + rule.id + ":" + g_.atoms[a].text + ":" + std::to_string(b);
    add_node(make_node(GraphNode::Kind::rule, rule_id, rule.label, rule.id));
    add_edge(rule_id, atom_id(a), GraphEdge::Kind::concludes);
    bool failing = support && in.statuses.truth(body) == Statuses::Truth::no;
    for (const auto& l : body.literals) {
      if (failing && in.statuses.truth(l) != Statuses::Truth::no) continue;
      bool negated = l.kind == ground::Formula::Kind::negation;
      for (auto x : atoms_of(l)) {
        add_edge(atom_id(x), rule_id, negated ? GraphEdge::Kind::negated_condition : GraphEdge::Kind::condition);
        if (!support || leads(in, x)) {
          draw_atom(in, x);
        } else if (in.drawn.insert(x).second) { // a condition drawn, not followed
          GraphNode leaf = make_node(GraphNode::Kind::atom, atom_id(x), g_.atoms[x].text, "");
          leaf.status = in.statuses.status(x);
          add_node(std::move(leaf));
        }
      }
    }
  }

  // Evidence items on the atoms drawn (the support view: only those the judge named, if it named premises).
  void draw_evidence(Instance& in) {
    for (const auto& literal : evidence_.literals()) {
      auto a = g_.find(literal.atom);
      if (!a || !in.drawn.count(*a)) continue;
      auto w = evidence_.weigh(literal, in.statuses.config());
      for (std::size_t i : evidence_.items(literal)) {
        const auto& e = evidence_.item(i);
        if (view_ == GraphView::support && in.selection.from_premises && !in.selection.evidence.count(e.id)) continue;
        bool discounted = std::find(w.discounted.begin(), w.discounted.end(), e.id) != w.discounted.end();
        GraphNode node = make_node(GraphNode::Kind::evidence, "evidence:" + e.id, e.summary, e.kind);
        node.discounted = discounted;
        add_node(std::move(node));
        if (discounted)
          for (auto& n : graph_.nodes)
            if (n.id == "evidence:" + e.id) n.discounted = true;
        add_edge("evidence:" + e.id, "atom:" + literal.atom,
                 discounted ? GraphEdge::Kind::discounted
                            : literal.positive ? GraphEdge::Kind::supports : GraphEdge::Kind::contradicts);
      }
    }
  }

  const Program& program_;
  const JudgeOptions& options_;
  const ground::GroundProgram& g_;
  const weigh::EvidenceIndex& evidence_;
  const GraphView view_;
  const std::set<AtomId> mentioned_;
  Graph graph_;
  std::set<std::string> node_ids_;
  std::set<std::tuple<std::string, std::string, int>> edge_ids_;
};

} // namespace

namespace {

// The judge's options for the graph: the verdicts and reasons it draws, on
// the same options (the graph does not judge again).
JudgeOptions drawing_options(const JudgeOptions& options, const std::optional<std::string>& claim) {
  JudgeOptions judging = options;
  judging.claims = claim ? std::vector<std::string>{*claim} : std::vector<std::string>{};
  judging.progress = nullptr;
  judging.other_supports = 0; // the graph draws the support, not the other routes
  return judging;
}

// The claims of `g` (one, or every one) drawn with the verdicts of `report`.
Graph draw(const Program& program, const JudgeOptions& options, const Report& report, const ground::GroundProgram& g,
           const weigh::EvidenceIndex& evidence, const std::optional<std::string>& claim, GraphView view) {
  std::map<std::pair<std::string, std::string>, const ClaimGroundingReport*> reports; // (claim, formula)
  for (const auto& cr : report.claims)
    for (const auto& gr : cr.groundings) reports[{cr.id, gr.formula}] = &gr;
  Drawing drawing(program, options, g, evidence, view);
  for (const auto& inst : g.claims) {
    const ClaimItem& c = program.claims[inst.claim];
    if (claim && c.id != *claim) continue;
    auto r = reports.find({c.id, inst.text});
    drawing.draw(inst, r == reports.end() ? nullptr : r->second);
  }
  Graph graph = drawing.take();
  for (auto& node : graph.nodes)
    if (node.kind == GraphNode::Kind::claim)
      for (const auto& cr : report.claims)
        if (cr.id == node.detail && cr.shortcut_verdict) node.label += " (judged with every entity on its own)";
  return graph;
}

bool judged_apart(const Report& report) {
  return std::any_of(report.claims.begin(), report.claims.end(),
                     [](const ClaimReport& c) { return c.shortcut_verdict.has_value(); });
}

} // namespace

Graph claim_graph(const GroundCase& ground, const JudgeOptions& options, const std::optional<std::string>& claim,
                  GraphView view) {
  const Report report = judge(ground, drawing_options(options, claim));
  // A claim the judge reports with every entity apart (its check of the
  // shortcut, JudgeOptions::check_apart_up_to) is drawn that way too: its
  // reasons name the entities the shortcut would show as "another".
  const ground::GroundProgram& g = judged_apart(report) && ground.apart ? *ground.apart : ground.g;
  return draw(ground.program, options, report, g, ground.evidence, claim, view);
}

Graph claim_graph(const Program& program, const JudgeOptions& options, const std::optional<std::string>& claim,
                  GraphView view, Diagnostics& diags) {
  const GroundCase ground = judging::ground_and_index(program, options, diags);
  if (diags.has_errors()) return {};
  if (!ground.g.timed_out) return claim_graph(ground, options, claim, view);
  // Grounding ran out of time: the verdicts are UNKNOWN, and say why; the
  // graph draws the case ground without the limit.
  const Report report = judge(ground, drawing_options(options, claim));
  ground::GroundOptions unlimited;
  unlimited.witnesses = options.witnesses;
  unlimited.shortcuts = !options.every_entity_apart;
  const ground::GroundProgram g = ground::ground(program, options.assume, diags, unlimited);
  if (diags.has_errors()) return {};
  return draw(program, options, report, g, ground.evidence, claim, view);
}

} // namespace imputa
