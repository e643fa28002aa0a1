// Ground formulas: their atoms, their text, and what they depend on.
#include "ground/ground.hpp"

#include <algorithm>
#include <unordered_set>

namespace imputa::ground {
namespace {

std::string num_text(const GroundProgram& g, const NumTerm& t) {
  switch (t.kind) {
  case NumTerm::Kind::number: return to_decimal_string(t.value);
  case NumTerm::Kind::atom: return g.atoms[t.atom].text;
  case NumTerm::Kind::add: return num_text(g, t.operands[0]) + " + " + num_text(g, t.operands[1]);
  case NumTerm::Kind::sub: return num_text(g, t.operands[0]) + " - " + num_text(g, t.operands[1]);
  case NumTerm::Kind::mul: return num_text(g, t.operands[0]) + " * " + num_text(g, t.operands[1]);
  }
  return "";
}

} // namespace

void collect_atoms(const NumTerm& t, std::vector<AtomId>& out) {
  if (t.kind == NumTerm::Kind::atom) out.push_back(t.atom);
  for (const auto& o : t.operands) collect_atoms(o, out);
}

void collect_atoms(const Formula& f, std::vector<AtomId>& out) {
  if (f.kind == Formula::Kind::atom) out.push_back(f.atom);
  if (f.kind == Formula::Kind::comparison) {
    collect_atoms(f.comparison->lhs, out);
    collect_atoms(f.comparison->rhs, out);
  }
  for (const auto& o : f.operands) collect_atoms(o, out);
}

// The bracketing of imputa::to_string(ast::Formula) (the formatter's): a
// chain of the same kind, an `or` under `and` or `not`, an `and` or a
// comparison under `not` are parenthesised.
std::string to_string(const GroundProgram& g, const Formula& f) {
  auto wrap = [&](const Formula& o, Formula::Kind parent) {
    using K = Formula::Kind;
    bool paren = (o.kind == K::disjunction && parent != K::disjunction) ||
                 ((o.kind == K::conjunction || o.kind == K::comparison) && parent == K::negation) ||
                 (o.kind == parent && parent != K::negation);
    std::string s = to_string(g, o);
    return paren ? "(" + s + ")" : s;
  };
  switch (f.kind) {
  case Formula::Kind::atom: return g.atoms[f.atom].text;
  case Formula::Kind::comparison:
    return num_text(g, f.comparison->lhs) + " " + std::string(ast::to_string(f.comparison->op)) + " " +
           num_text(g, f.comparison->rhs);
  case Formula::Kind::negation: return "not " + wrap(f.operands[0], f.kind);
  case Formula::Kind::conjunction:
  case Formula::Kind::disjunction: {
    std::string out;
    for (std::size_t i = 0; i < f.operands.size(); ++i)
      out += (i ? (f.kind == Formula::Kind::conjunction ? " and " : " or ") : "") + wrap(f.operands[i], f.kind);
    return out;
  }
  case Formula::Kind::truth: return "true";
  case Formula::Kind::falsity: return "false";
  }
  return "";
}

std::vector<AtomId> dependencies(const GroundProgram& g, const Formula& f) {
  std::unordered_set<AtomId> seen; // not a bit per atom: this runs once per claim
  std::vector<AtomId> out, stack;
  collect_atoms(f, stack);
  while (!stack.empty()) {
    AtomId a = stack.back();
    stack.pop_back();
    if (!seen.insert(a).second) continue;
    out.push_back(a);
    const Definition* d = g.definition(a);
    if (!d) continue;
    for (const auto& b : d->bodies)
      for (const auto& l : b.literals) collect_atoms(l, stack);
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace imputa::ground
