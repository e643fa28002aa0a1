// The evidence graph of a claim (for `imputa graph`): which items bear on which
// atoms, which rule instances connect them, what the claim rests on.
#include "imputa/judge.hpp"

#include "ground/ground.hpp"
#include "weigh/weigh.hpp"

#include <map>
#include <set>

namespace imputa {

Graph claim_graph(const Program& program, const JudgeOptions& options, const std::optional<std::string>& claim,
                  Diagnostics& diags) {
  Graph graph;
  ground::GroundProgram g = ground::ground(program, options.assume, diags);
  if (diags.has_errors()) return graph;
  weigh::EvidenceIndex evidence(program);

  // Atoms some premise mentions: a rule instance is drawn only if it touches one.
  std::set<ground::AtomId> mentioned;
  for (const auto& f : g.facts) mentioned.insert(f.atoms.begin(), f.atoms.end());
  for (const auto& n : g.numeric) mentioned.insert(n.atom);
  for (const auto& l : evidence.literals())
    if (auto a = g.find(l.atom)) mentioned.insert(*a);
  mentioned.insert(g.assumed.begin(), g.assumed.end());

  std::set<std::string> node_ids;
  auto add_node = [&](GraphNode n) {
    if (node_ids.insert(n.id).second) graph.nodes.push_back(std::move(n));
  };
  std::set<std::tuple<std::string, std::string, int>> edge_ids;
  auto add_edge = [&](const std::string& from, const std::string& to, GraphEdge::Kind kind) {
    if (edge_ids.insert({from, to, static_cast<int>(kind)}).second) graph.edges.push_back({from, to, kind});
  };

  // With one claim, draw it on its own standard, doctrines and drops.
  const ClaimItem* only = nullptr;
  for (const auto& c : program.claims)
    if (claim && c.id == *claim) only = &c;
  std::map<std::string, std::string> doctrine = program.doctrine;
  for (const auto& [f, a] : options.doctrine) doctrine[f] = a;
  std::set<std::string> drops(options.drop.begin(), options.drop.end());
  if (only) {
    for (const auto& [f, a] : only->under) doctrine[f] = a;
    drops.insert(only->drops.begin(), only->drops.end());
  }
  auto rule_active = [&](const RuleItem& r) {
    if (drops.count(r.id)) return false;
    if (!r.when_family) return true;
    auto it = doctrine.find(*r.when_family);
    return it != doctrine.end() && it->second == *r.when_alternative;
  };

  std::set<ground::AtomId> atoms;
  for (const auto& inst : g.claims) {
    const ClaimItem& c = program.claims[inst.claim];
    if (claim && c.id != *claim) continue;
    std::string claim_id = "claim:" + c.id;
    std::string label = c.text;
    for (const auto& [var, value] : inst.bindings) label += " [" + var + " = " + value + "]";
    add_node({GraphNode::Kind::claim, claim_id + (inst.bindings.empty() ? "" : ":" + inst.text), label, c.id, false, true, false});
    std::vector<ground::AtomId> stack;
    ground::collect_atoms(inst.formula, stack);
    for (auto a : stack) add_edge("atom:" + g.atoms[a].text, claim_id + (inst.bindings.empty() ? "" : ":" + inst.text), GraphEdge::Kind::claim);
    while (!stack.empty()) {
      auto a = stack.back();
      stack.pop_back();
      if (!atoms.insert(a).second) continue;
      auto d = g.definition_of.find(a);
      if (d == g.definition_of.end()) continue;
      const auto& def = g.definitions[d->second];
      // §5: for an accusation, the inference from origin that §28(f) warns against.
      if (only && only->mode == ClaimMode::accusation)
        for (auto o : def.naive_origin) {
          add_edge("atom:" + g.atoms[o].text, "atom:" + g.atoms[a].text, GraphEdge::Kind::discounted);
          stack.push_back(o);
        }
      for (std::size_t b = 0; b < def.bodies.size(); ++b) {
        const auto& body = def.bodies[b];
        std::vector<ground::AtomId> body_atoms;
        for (const auto& l : body.literals) ground::collect_atoms(l, body_atoms);
        bool relevant = std::any_of(body_atoms.begin(), body_atoms.end(),
                                    [&](auto x) { return mentioned.count(x) || g.derived(x); });
        if (!relevant && !body_atoms.empty()) continue;
        const RuleItem& rule = program.rules[body.rule];
        if (!rule_active(rule)) continue;
        std::string rule_id = "rule:" + rule.id + ":" + g.atoms[a].text + ":" + std::to_string(b);
        add_node({GraphNode::Kind::rule, rule_id, rule.label, rule.id, false, true, false});
        add_edge(rule_id, "atom:" + g.atoms[a].text, GraphEdge::Kind::concludes);
        for (const auto& l : body.literals) {
          std::vector<ground::AtomId> lit_atoms;
          ground::collect_atoms(l, lit_atoms);
          bool negated = l.kind == ground::Formula::Kind::negation;
          for (auto x : lit_atoms) {
            add_edge("atom:" + g.atoms[x].text, rule_id, negated ? GraphEdge::Kind::negated_condition : GraphEdge::Kind::condition);
            stack.push_back(x);
          }
        }
      }
    }
  }

  // Atoms, with what is proven at the default standard of the file (or --standard).
  weigh::Config config;
  std::string standard = only && only->standard ? *only->standard : options.standard ? *options.standard : program.standard;
  if (auto s = program.standards.find(standard); s != program.standards.end()) {
    config.threshold = s->second.threshold;
    config.contrary_below = s->second.contrary_below;
  } else {
    config.threshold = Rational(3, 4);
  }
  config.corroboration = program.corroboration;
  config.as_of = only && only->as_of ? only->as_of : options.as_of;
  config.dropped = drops;
  // Atoms a kept fact states on its own (not inside a disjunction) count as proven too.
  std::map<ground::AtomId, bool> stipulated;
  for (const auto& f : g.facts) {
    const FactItem& fact = program.facts[f.fact];
    if (fact.label && drops.count(*fact.label)) continue;
    if (f.formula.kind == ground::Formula::Kind::atom) stipulated[f.formula.atom] = true;
    if (f.formula.kind == ground::Formula::Kind::negation && f.formula.operands[0].kind == ground::Formula::Kind::atom)
      stipulated[f.formula.operands[0].atom] = false;
  }
  for (auto a : atoms) {
    GraphNode n{GraphNode::Kind::atom, "atom:" + g.atoms[a].text, g.atoms[a].text, "", false, true, false};
    if (auto st = stipulated.find(a); st != stipulated.end()) {
      n.proven = true;
      n.positive = st->second;
    }
    for (bool positive : {true, false}) {
      if (evidence.proven({g.atoms[a].text, positive}, config, weigh::Reading::cautious)) {
        n.proven = true;
        n.positive = positive;
      }
    }
    add_node(std::move(n));
  }
  // Evidence items on those atoms.
  for (const auto& literal : evidence.literals()) {
    auto a = g.find(literal.atom);
    if (!a || !atoms.count(*a)) continue;
    auto w = evidence.weigh(literal, config);
    for (std::size_t i : evidence.items(literal)) {
      const auto& e = evidence.item(i);
      bool discounted = std::find(w.discounted.begin(), w.discounted.end(), e.id) != w.discounted.end();
      add_node({GraphNode::Kind::evidence, "evidence:" + e.id, e.summary, e.kind, false, true, discounted});
      if (discounted)
        for (auto& n : graph.nodes)
          if (n.id == "evidence:" + e.id) n.discounted = true;
      add_edge("evidence:" + e.id, "atom:" + literal.atom,
               discounted ? GraphEdge::Kind::discounted
                          : literal.positive ? GraphEdge::Kind::supports : GraphEdge::Kind::contradicts);
    }
  }
  return graph;
}

} // namespace imputa
