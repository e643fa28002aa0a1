// What each claim's verdict can depend on (include/imputa/dependencies.hpp):
// its cone on the case ground with every rule and premise, which holds the
// cone of any setting (a doctrine grounds fewer rules, a drop or a date
// constrains fewer atoms, and cones.cpp follows rules up only to constrained
// atoms), with the evidence, facts and doctrine families on it.
#include "claim_judge.hpp"
#include "imputa/dependencies.hpp"

namespace imputa {

std::vector<ClaimDependencies> claim_dependencies(const Program& program, Diagnostics& diags) {
  ground::GroundProgram g = ground::ground(program, {}, diags);
  if (diags.has_errors()) return {};
  weigh::EvidenceIndex evidence(program);
  judging::Cones cones(g, evidence);

  std::map<std::string, std::set<std::string>> families_of_head;
  for (const auto& rule : program.rules)
    if (rule.when_family) families_of_head[rule.head.predicate.text].insert(*rule.when_family);
  std::vector<std::vector<std::size_t>> literals_of(g.atoms.size());
  for (std::size_t i = 0; i < evidence.literals().size(); ++i)
    if (auto a = g.find(evidence.literals()[i].atom)) literals_of[*a].push_back(i);
  std::vector<std::vector<std::size_t>> facts_of(g.atoms.size());
  for (std::size_t k = 0; k < g.facts.size(); ++k)
    for (judging::AtomId a : g.facts[k].atoms) facts_of[a].push_back(g.facts[k].fact);
  for (const auto& n : g.numeric) facts_of[n.atom].push_back(n.fact);

  std::vector<ClaimDependencies> out(program.claims.size());
  for (std::size_t c = 0; c < program.claims.size(); ++c) out[c].claim = program.claims[c].id;
  for (const auto& inst : g.claims) {
    ClaimDependencies& d = out[inst.claim];
    std::vector<judging::AtomId> atoms;
    ground::collect_atoms(inst.formula, atoms);
    bool statements_on_links = false;
    for (judging::AtomId a : cones.cone(atoms)) {
      if (g.derived(a))
        if (auto f = families_of_head.find(g.atoms[a].predicate); f != families_of_head.end())
          d.families.insert(f->second.begin(), f->second.end());
      const auto* info = g.atoms[a].info;
      const bool link = info && info->names_who();
      for (std::size_t l : literals_of[a])
        for (std::size_t i : evidence.items(evidence.literals()[l])) {
          d.evidence.insert(evidence.item(i).id);
          statements_on_links |= link && evidence.item(i).kind == "official_statement";
        }
      for (std::size_t f : facts_of[a])
        if (program.facts[f].label) d.facts.insert(*program.facts[f].label);
    }
    if (statements_on_links && program.claims[inst.claim].mode == ClaimMode::accusation &&
        program.doctrines.count("substantiation"))
      d.families.insert("substantiation");
  }
  // An item derived from another weighs with it (corroboration): both count.
  for (auto& d : out) {
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& e : program.evidence) {
        const bool in = d.evidence.count(e.id) != 0;
        for (const auto& from : e.derived_from) {
          const bool other = d.evidence.count(from) != 0;
          if (in && !other) grew |= d.evidence.insert(from).second;
          if (!in && other) grew |= d.evidence.insert(e.id).second;
        }
      }
    }
  }
  return out;
}

} // namespace imputa
