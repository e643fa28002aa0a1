// What a claim is judged under: its standard of proof (§3), the
// doctrines in force, what it drops and assumes, its date and its mode.
#include "claim_judge.hpp"

#include <algorithm>

namespace imputa::judging {
namespace {

// The standards of docs/semantics.md §3, used when a case runs without the library.
std::vector<StandardInfo> builtin_standards() {
  return {
      {"reasonable_suspicion", Rational(30, 100), std::nullopt, "", {}},
      {"preponderance", Rational(51, 100), std::nullopt, "", {}},
      {"clear_and_convincing", Rational(75, 100), std::nullopt, "", {}},
      {"beyond_reasonable_doubt", Rational(95, 100), std::nullopt, "", {}},
      {"fully_conclusive", Rational(95, 100), Rational(40, 100), "", {}},
  };
}

StandardInfo find_standard(const Program& p, const std::string& name) {
  if (auto it = p.standards.find(name); it != p.standards.end()) return it->second;
  for (const auto& s : builtin_standards())
    if (s.name == name) return s;
  return builtin_standards()[2]; // clear_and_convincing: the default of docs/semantics.md §3
}

} // namespace

std::vector<StandardInfo> ranked_standards(const Program& p) {
  std::vector<StandardInfo> out;
  for (const auto& [_, s] : p.standards) out.push_back(s);
  if (out.empty()) out = builtin_standards();
  std::stable_sort(out.begin(), out.end(), [](const StandardInfo& a, const StandardInfo& b) {
    if (a.threshold != b.threshold) return a.threshold < b.threshold;
    return !a.contrary_below && b.contrary_below;
  });
  return out;
}

std::map<std::string, std::string> doctrine_for(const Program& p, const ClaimItem& claim, const JudgeOptions& o) {
  auto doctrine = p.doctrine;
  for (const auto& [f, a] : o.doctrine) doctrine[f] = a;
  for (const auto& [f, a] : claim.under) doctrine[f] = a;
  if (o.doctrine_overrides_claims)
    for (const auto& [f, a] : o.doctrine) doctrine[f] = a;
  return doctrine;
}

std::set<std::string> drops_for(const ClaimItem& claim, const JudgeOptions& o) {
  std::set<std::string> drops(o.drop.begin(), o.drop.end());
  drops.insert(claim.drops.begin(), claim.drops.end());
  return drops;
}

std::vector<ast::Atom> assumed_for(const ClaimItem& claim, const JudgeOptions& o) {
  std::vector<ast::Atom> assumed = claim.assumes;
  assumed.insert(assumed.end(), o.assume.begin(), o.assume.end());
  return assumed;
}

std::optional<ast::Date> as_of_for(const ClaimItem& claim, const JudgeOptions& o) {
  return claim.as_of ? claim.as_of : o.as_of;
}

Setting setting_for(const Program& p, const ground::GroundProgram& g, const ClaimItem& claim, const JudgeOptions& o) {
  Setting s;
  std::string standard = claim.standard ? *claim.standard : o.standard ? *o.standard : p.standard;
  if (o.standard && o.standard_overrides_claims) standard = *o.standard;
  s.standard = find_standard(p, standard);
  s.doctrine = doctrine_for(p, claim, o);
  s.drops = drops_for(claim, o);
  for (const auto& a : assumed_for(claim, o))
    if (auto id = g.find(to_string(a))) s.assumes.push_back(*id);
  s.as_of = as_of_for(claim, o);
  s.mode = claim.mode;
  return s;
}

bool rule_in_force(const RuleItem& rule, const std::map<std::string, std::string>& doctrine,
                   const std::set<std::string>& drops) {
  if (drops.count(rule.id)) return false;
  if (!rule.when_family) return true;
  auto it = doctrine.find(*rule.when_family);
  return it != doctrine.end() && it->second == *rule.when_alternative;
}

} // namespace imputa::judging
