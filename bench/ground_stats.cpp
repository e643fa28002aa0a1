// Where grounding grows (docs/performance.md): grounds a case as `imputa
// check` does (rules no claim can have in force left out) and prints the
// ground atoms, the rule instances per rule (with how many name a
// representative) and the size of what each claim depends on.
//
// Usage: ground_stats [--apart] [--no-witnesses] [--all-rules] [--no-library] [--show RULE] FILE
//   --apart: every entity apart (no shortcuts); --no-witnesses: the shortcuts
//   without witnesses (GroundOptions::witnesses); --no-library: a case that
//   declares all it uses (the generated cases of the solver's tests); --all-rules: every rule, in
//   force for some claim or not (as tests/solver/grounding_size_test.cpp grounds);
//   --show RULE: also print each instance of that rule (head [rule]: conditions,
//   ~ before an atom held other than as a positive condition); `--show '*'`:
//   every rule's, and every ground atom
// On E013 the counts are those reached when grounding stopped.
#include "ground/ground.hpp"

#include "case_file.hpp"
#include "imputa/dsl.hpp"
#include "imputa/judge.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
  using namespace imputa;
  bool apart = false, all_rules = false, library = true, witnesses = true;
  const char* file = nullptr;
  std::string show;
  for (int k = 1; k < argc; ++k) {
    if (std::string_view(argv[k]) == "--apart") apart = true;
    else if (std::string_view(argv[k]) == "--show" && k + 1 < argc) show = argv[++k];
    else if (std::string_view(argv[k]) == "--all-rules") all_rules = true;
    else if (std::string_view(argv[k]) == "--no-witnesses") witnesses = false;
    else if (std::string_view(argv[k]) == "--no-library") library = false;
    else file = argv[k];
  }
  if (!file) {
    std::cerr << "usage: ground_stats [--apart] [--no-witnesses] [--all-rules] [--no-library] [--show RULE] FILE\n";
    return 2;
  }
  auto loaded = bench::load_case(file, "ground_stats", library);
  if (!loaded) return 2;
  const Program& program = *loaded;
  // The settings of the claims, as solver/judge selects the rules to ground.
  std::vector<std::map<std::string, std::string>> in_force;
  for (const auto& claim : program.claims) {
    auto doctrine = program.doctrine;
    for (const auto& [f, a] : claim.under) doctrine[f] = a;
    in_force.push_back(std::move(doctrine));
  }
  ground::GroundOptions options;
  options.shortcuts = !apart;
  options.witnesses = witnesses;
  if (!all_rules) options.may_be_in_force = [&](const RuleItem& rule) {
    return std::any_of(in_force.begin(), in_force.end(), [&](const auto& d) {
      if (!rule.when_family) return true;
      auto it = d.find(*rule.when_family);
      return it != d.end() && it->second == *rule.when_alternative;
    });
  };
  auto start = std::chrono::steady_clock::now();
  Diagnostics gdiags;
  ground::GroundProgram g = ground::ground(program, {}, gdiags, options);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  bool e013 = false;
  for (const auto& d : gdiags.items())
    if (d.code == "E013") e013 = true;

  std::map<std::size_t, std::pair<std::size_t, std::size_t>> per_rule; // rule -> bodies, with a representative
  std::size_t bodies = 0;
  for (const auto& def : g.definitions)
    for (const auto& b : def.bodies) {
      ++bodies;
      std::vector<ground::AtomId> atoms;
      for (const auto& l : b.literals) ground::collect_atoms(l, atoms);
      bool rep = std::any_of(atoms.begin(), atoms.end(),
                             [&](ground::AtomId a) { return g.atoms[a].text.find("<another") != std::string::npos; });
      if (!show.empty() && (show == "*" || program.rules[b.rule].id == show)) {
        std::cout << g.atoms[def.head].text << (b.witness ? " (witness)" : "") << " [" << program.rules[b.rule].id
                  << "]:";
        for (const auto& l : b.literals) {
          std::vector<ground::AtomId> in;
          ground::collect_atoms(l, in);
          const bool negated = l.kind != ground::Formula::Kind::atom;
          for (ground::AtomId a : in) std::cout << (negated ? " ~" : " ") << g.atoms[a].text;
        }
        std::cout << "\n";
      }
      auto& [n, r] = per_rule[b.rule];
      ++n;
      r += rep ? 1 : 0;
    }
  if (show == "*")
    for (const auto& atom : g.atoms) std::cout << "  atom " << atom.text << "\n";
  std::cout << file << (apart ? " (every entity apart)" : "") << ": " << g.atoms.size() << " ground atoms, " << bodies
            << " rule instances, " << g.claims.size() << " claim groundings, " << static_cast<long>(ms) << " ms"
            << (e013 ? ", stopped by E013 (counts so far)" : "") << "\n";
  std::vector<std::pair<std::size_t, std::size_t>> order; // bodies, rule
  for (const auto& [rule, c] : per_rule) order.emplace_back(c.first, rule);
  std::sort(order.rbegin(), order.rend());
  std::cout << "  instances  with <another>  rule\n";
  for (std::size_t k = 0; k < order.size() && k < 15; ++k)
    std::cout << "  " << std::string(9 - std::min<std::size_t>(9, std::to_string(order[k].first).size()), ' ')
              << order[k].first << "  " << std::string(13 - std::min<std::size_t>(13, std::to_string(per_rule[order[k].second].second).size()), ' ')
              << per_rule[order[k].second].second << "  " << program.rules[order[k].second].id << "\n";
  if (e013) return 1;
  // What each claim depends on (its atoms and, through rule instances, their conditions).
  std::size_t total = 0, largest = 0;
  for (const auto& c : g.claims) {
    std::size_t n = ground::dependencies(g, c.formula).size();
    total += n;
    largest = std::max(largest, n);
  }
  if (!g.claims.empty())
    std::cout << "  atoms a claim depends on: " << total / g.claims.size() << " on average, " << largest << " at most\n";
  return 0;
}
