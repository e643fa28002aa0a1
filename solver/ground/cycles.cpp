// E009: a ground atom that depends on itself through rule instances.
#include "ground/cycles.hpp"

#include <algorithm>

namespace imputa::ground {
namespace {

using Edge = std::pair<AtomId, std::size_t>; // a condition, and the rule that puts it there

// Conditions of an atom's rule instances, smallest atom last (taken from the back first).
std::vector<Edge> successors(const GroundProgram& g, AtomId a) {
  std::vector<Edge> out;
  const Definition* d = g.definition(a);
  if (!d) return out;
  for (const auto& body : d->bodies) {
    std::vector<AtomId> atoms;
    for (const auto& l : body.literals) collect_atoms(l, atoms);
    for (AtomId x : atoms) out.emplace_back(x, body.rule);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  std::reverse(out.begin(), out.end());
  return out;
}

using Stack = std::vector<std::pair<AtomId, std::vector<Edge>>>;

// The atoms of the loop closed at s, in order, s first and last.
std::vector<std::string> loop(const GroundProgram& g, const Stack& stack, AtomId s) {
  std::vector<std::string> path;
  for (auto it = stack.rbegin(); it != stack.rend() && it->first != s; ++it) path.push_back(g.atoms[it->first].text);
  std::vector<std::string> out{g.atoms[s].text};
  out.insert(out.end(), path.rbegin(), path.rend());
  out.push_back(g.atoms[s].text);
  return out;
}

} // namespace

// Depth first and iterative, so deep chains cannot overflow the stack.
void check_cycles(const Program& p, const GroundProgram& g, Budget& budget) {
  enum : char { white, grey, black };
  std::vector<char> colour(g.atoms.size(), white);
  for (const auto& def : g.definitions) {
    if (colour[def.head] != white) continue;
    Stack stack;
    stack.emplace_back(def.head, successors(g, def.head));
    colour[def.head] = grey;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next.empty()) {
        colour[node] = black;
        stack.pop_back();
        continue;
      }
      auto [s, rule] = next.back();
      next.pop_back();
      if (colour[s] == grey) {
        budget.fail(grounding_error::depends_on_itself(p.rules[rule].span, loop(g, stack, s)));
        return;
      }
      if (colour[s] == white) {
        colour[s] = grey;
        stack.emplace_back(s, successors(g, s));
      }
    }
  }
}

} // namespace imputa::ground
