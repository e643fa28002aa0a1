// The doctrine families each claim depends on (for `compare`): a claim is
// compared under every combination of these, and of no others.
#include "claim_judge.hpp"

namespace imputa::judging {
namespace {

// The families of the rules concluding any derived atom the claim depends on,
// even where no ground body exists (the atom is then false under that
// doctrine and true under none). Only what the claim depends on (its atoms
// and, through rules, their conditions) counts: a doctrine elsewhere in the
// cone cannot change it.
std::set<std::string> rule_families(const CaseIndex& c, const ground::ClaimInstance& inst,
                                    const std::map<std::string, std::set<std::string>>& families_of_head) {
  std::set<std::string> out;
  for (AtomId a : ground::dependencies(c.g, inst.formula))
    if (auto f = families_of_head.find(c.g.atoms[a].predicate); f != families_of_head.end() && c.g.derived(a))
      out.insert(f->second.begin(), f->second.end());
  return out;
}

// An accusation depends on `substantiation` when an official statement bears
// on a link or attribution atom of its cone (the family then decides its weight).
bool statements_on_links(const CaseIndex& c, const std::vector<AtomId>& cone) {
  bool found = false;
  for (AtomId a : cone) {
    const auto* info = c.g.atoms[a].info;
    if (!info || !info->names_who()) continue;
    for (std::size_t l : c.literals_of[a])
      for (std::size_t i : c.evidence.items(c.evidence.literals()[l]))
        if (c.evidence.item(i).kind == "official_statement") found = true;
  }
  return found;
}

} // namespace

DoctrineFamilies::DoctrineFamilies(const CaseIndex& c) : c_(c) {
  for (const auto& rule : c.program.rules)
    if (rule.when_family) families_of_head_[rule.head.predicate.text].insert(*rule.when_family);
}

std::set<std::string> DoctrineFamilies::of(const ground::ClaimInstance& inst, const std::vector<AtomId>& cone) const {
  std::set<std::string> families = rule_families(c_, inst, families_of_head_);
  if (c_.program.doctrines.count("substantiation") &&
      c_.program.claims[inst.claim].mode == ClaimMode::accusation && statements_on_links(c_, cone))
    families.insert("substantiation");
  return families;
}

} // namespace imputa::judging
