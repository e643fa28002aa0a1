// The evidence graph of a claim (for `imputa graph`): which items bear on which
// atoms, which rule instances connect them, what the claim rests on.
#include "claim_judge.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace imputa {
namespace {

// Atoms some premise mentions: a rule instance is drawn only if it touches one.
std::set<ground::AtomId> mentioned_atoms(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence) {
  std::set<ground::AtomId> mentioned;
  for (const auto& f : g.facts) mentioned.insert(f.atoms.begin(), f.atoms.end());
  for (const auto& n : g.numeric) mentioned.insert(n.atom);
  for (const auto& l : evidence.literals())
    if (auto a = g.find(l.atom)) mentioned.insert(*a);
  mentioned.insert(g.assumed.begin(), g.assumed.end());
  return mentioned;
}

// Draws the graph of the claims `claim` names (every claim if none) on one
// standard, doctrines and drops: with one claim, its own.
class Drawing {
public:
  Drawing(const Program& program, const JudgeOptions& options, const ground::GroundProgram& g,
          const weigh::EvidenceIndex& evidence, const std::optional<std::string>& claim)
      : program_(program), options_(options), g_(g), evidence_(evidence), claim_(claim),
        mentioned_(mentioned_atoms(g, evidence)) {
    for (const auto& c : program.claims)
      if (claim && c.id == *claim) only_ = &c;
    doctrine_ = program.doctrine;
    for (const auto& [f, a] : options.doctrine) doctrine_[f] = a;
    drops_.insert(options.drop.begin(), options.drop.end());
    if (only_) {
      for (const auto& [f, a] : only_->under) doctrine_[f] = a;
      drops_.insert(only_->drops.begin(), only_->drops.end());
    }
  }

  Graph draw() {
    for (const auto& inst : g_.claims) {
      const ClaimItem& c = program_.claims[inst.claim];
      if (claim_ && c.id != *claim_) continue;
      draw_claim(inst, c);
    }
    const weigh::Config config = proof_config();
    draw_atoms(config);
    draw_evidence(config);
    return std::move(graph_);
  }

private:
  void add_node(GraphNode n) {
    if (node_ids_.insert(n.id).second) graph_.nodes.push_back(std::move(n));
  }
  void add_edge(const std::string& from, const std::string& to, GraphEdge::Kind kind) {
    if (edge_ids_.insert({from, to, static_cast<int>(kind)}).second) graph_.edges.push_back({from, to, kind});
  }
  std::string atom_id(ground::AtomId a) const { return "atom:" + g_.atoms[a].text; }

  // The claim, and down from its atoms every rule instance that touches a premise.
  void draw_claim(const ground::ClaimInstance& inst, const ClaimItem& c) {
    std::string claim_id = "claim:" + c.id;
    std::string label = c.text;
    for (const auto& [var, value] : inst.bindings) label += " [" + var + " = " + value + "]";
    add_node({GraphNode::Kind::claim, claim_id + (inst.bindings.empty() ? "" : ":" + inst.text), label, c.id, false, true, false});
    std::vector<ground::AtomId> stack;
    ground::collect_atoms(inst.formula, stack);
    for (auto a : stack) add_edge(atom_id(a), claim_id + (inst.bindings.empty() ? "" : ":" + inst.text), GraphEdge::Kind::claim);
    while (!stack.empty()) {
      auto a = stack.back();
      stack.pop_back();
      if (!atoms_.insert(a).second) continue;
      auto d = g_.definition_of.find(a);
      if (d == g_.definition_of.end()) continue;
      const auto& def = g_.definitions[d->second];
      // §5: for an accusation, the inference from origin that §28(f) warns against.
      if (only_ && only_->mode == ClaimMode::accusation)
        for (auto o : def.naive_origin) {
          add_edge(atom_id(o), atom_id(a), GraphEdge::Kind::discounted);
          stack.push_back(o);
        }
      for (std::size_t b = 0; b < def.bodies.size(); ++b) draw_body(a, b, def.bodies[b], stack);
    }
  }

  // Body `b` of the definition of `a`, if its rule is in force and it touches a
  // premise or a derived atom; its atoms go on `stack`.
  void draw_body(ground::AtomId a, std::size_t b, const ground::Body& body, std::vector<ground::AtomId>& stack) {
    std::vector<ground::AtomId> body_atoms;
    for (const auto& l : body.literals) ground::collect_atoms(l, body_atoms);
    bool relevant = std::any_of(body_atoms.begin(), body_atoms.end(),
                                [&](auto x) { return mentioned_.count(x) || g_.derived(x); });
    if (!relevant && !body_atoms.empty()) return;
    const RuleItem& rule = program_.rules[body.rule];
    if (!judging::rule_in_force(rule, doctrine_, drops_)) return;
    std::string rule_id = "rule:" + rule.id + ":" + g_.atoms[a].text + ":" + std::to_string(b);
    add_node({GraphNode::Kind::rule, rule_id, rule.label, rule.id, false, true, false});
    add_edge(rule_id, atom_id(a), GraphEdge::Kind::concludes);
    for (const auto& l : body.literals) {
      std::vector<ground::AtomId> lit_atoms;
      ground::collect_atoms(l, lit_atoms);
      bool negated = l.kind == ground::Formula::Kind::negation;
      for (auto x : lit_atoms) {
        add_edge(atom_id(x), rule_id, negated ? GraphEdge::Kind::negated_condition : GraphEdge::Kind::condition);
        stack.push_back(x);
      }
    }
  }

  // What is proven is shown at the default standard of the file (or --standard).
  weigh::Config proof_config() const {
    weigh::Config config;
    std::string standard = only_ && only_->standard ? *only_->standard : options_.standard ? *options_.standard : program_.standard;
    if (auto s = program_.standards.find(standard); s != program_.standards.end()) {
      config.threshold = s->second.threshold;
      config.contrary_below = s->second.contrary_below;
    } else {
      config.threshold = Rational(3, 4);
    }
    config.corroboration = program_.corroboration;
    config.as_of = only_ && only_->as_of ? only_->as_of : options_.as_of;
    config.dropped = drops_;
    return config;
  }

  // Atoms, with what is proven.
  void draw_atoms(const weigh::Config& config) {
    // Atoms a kept fact states on its own (not inside a disjunction) count as proven too.
    std::map<ground::AtomId, bool> stipulated;
    for (const auto& f : g_.facts) {
      const FactItem& fact = program_.facts[f.fact];
      if (fact.label && drops_.count(*fact.label)) continue;
      if (f.formula.kind == ground::Formula::Kind::atom) stipulated[f.formula.atom] = true;
      if (f.formula.kind == ground::Formula::Kind::negation && f.formula.operands[0].kind == ground::Formula::Kind::atom)
        stipulated[f.formula.operands[0].atom] = false;
    }
    for (auto a : atoms_) {
      GraphNode n{GraphNode::Kind::atom, atom_id(a), g_.atoms[a].text, "", false, true, false};
      if (auto st = stipulated.find(a); st != stipulated.end()) {
        n.proven = true;
        n.positive = st->second;
      }
      for (bool positive : {true, false}) {
        if (evidence_.proven({g_.atoms[a].text, positive}, config, weigh::Reading::cautious)) {
          n.proven = true;
          n.positive = positive;
        }
      }
      add_node(std::move(n));
    }
  }

  // Evidence items on those atoms.
  void draw_evidence(const weigh::Config& config) {
    for (const auto& literal : evidence_.literals()) {
      auto a = g_.find(literal.atom);
      if (!a || !atoms_.count(*a)) continue;
      auto w = evidence_.weigh(literal, config);
      for (std::size_t i : evidence_.items(literal)) {
        const auto& e = evidence_.item(i);
        bool discounted = std::find(w.discounted.begin(), w.discounted.end(), e.id) != w.discounted.end();
        add_node({GraphNode::Kind::evidence, "evidence:" + e.id, e.summary, e.kind, false, true, discounted});
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
  const std::optional<std::string>& claim_;
  const std::set<ground::AtomId> mentioned_;
  const ClaimItem* only_ = nullptr;
  std::map<std::string, std::string> doctrine_;
  std::set<std::string> drops_;
  std::set<ground::AtomId> atoms_; // drawn so far
  Graph graph_;
  std::set<std::string> node_ids_;
  std::set<std::tuple<std::string, std::string, int>> edge_ids_;
};

} // namespace

Graph claim_graph(const Program& program, const JudgeOptions& options, const std::optional<std::string>& claim,
                  Diagnostics& diags) {
  ground::GroundProgram g = ground::ground(program, options.assume, diags);
  if (diags.has_errors()) return {};
  weigh::EvidenceIndex evidence(program);
  return Drawing(program, options, g, evidence, claim).draw();
}

} // namespace imputa
