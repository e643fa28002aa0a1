// The seeds of grounding: premises and claims (seed.hpp).
#include "ground/seed.hpp"

#include <algorithm>
#include <functional>

namespace imputa::ground {
namespace {

bool mentions_link(const GroundProgram& g, const Formula& f) {
  std::vector<AtomId> atoms;
  collect_atoms(f, atoms);
  for (AtomId a : atoms) {
    const auto* info = g.atoms[a].info;
    if (info && info->names_who()) return true;
  }
  return false;
}

void ground_fact(const Program& p, std::size_t i, Builder& b) {
  const FactItem& fact = p.facts[i];
  GroundProgram& g = b.program();
  if (fact.numeric) {
    AtomId atom = b.intern(fact.target.predicate.text, args_of(fact.target, {}));
    g.numeric.push_back({i, atom, fact.lo, fact.hi});
    return;
  }
  Formula whole = b.formula(fact.formula, {});
  std::vector<Formula> conjuncts;
  if (whole.kind == Formula::Kind::conjunction) conjuncts = std::move(whole.operands);
  else conjuncts.push_back(std::move(whole));
  for (auto& c : conjuncts) {
    FactPremise premise;
    premise.fact = i;
    collect_atoms(c, premise.atoms);
    premise.mentions_link = mentions_link(g, c);
    premise.formula = std::move(c);
    g.facts.push_back(std::move(premise));
  }
}

// A claim's free variables, each `_` renamed apart, with their types; a
// variable only in comparisons (`holds X != a`) has none.
struct ClaimVariables {
  ast::Formula formula;
  std::map<std::string, EntityType> types;
  std::vector<std::string> names; // typed ones in order, then the untyped
};

ClaimVariables claim_variables(const Program& p, const ClaimItem& claim) {
  ClaimVariables out{claim.formula, {}, {}};
  int anonymous = 0;
  rename_anonymous(out.formula, anonymous);
  std::set<std::string> untyped;
  std::function<void(const ast::Formula&)> visit = [&](const ast::Formula& f) {
    if (f.kind == ast::Formula::Kind::comparison)
      for (const ast::NumExpr* e : {&f.comparison->lhs, &f.comparison->rhs})
        if (auto t = entity_term(*e, p); t && t->variable) untyped.insert(t->name);
    for (const auto& o : f.operands) visit(o);
  };
  visit(out.formula);
  note_types(p, out.formula, out.types);
  for (const auto& [v, _] : out.types) out.names.push_back(v);
  for (const auto& v : untyped)
    if (!out.types.count(v)) out.names.push_back(v);
  return out;
}

// Free variables of a claim range over their domains, one grounding each; a
// variable only in comparisons ranges over every entity (docs/semantics.md §1).
// `everything`: every entity, sorted (made once, not per claim).
void ground_claim(const Program& p, const RuleBook& rules, std::size_t i, const std::vector<std::string>& everything,
                  Builder& builder) {
  const ClaimItem& claim = p.claims[i];
  ClaimVariables vars = claim_variables(p, claim);
  if (vars.names.size() > max_variables) {
    builder.budget().fail_limit(
        grounding_error::claim_too_wide(claim.span, claim.id, vars.names.size(), max_variables));
    return;
  }
  Binding b;
  std::function<void(std::size_t)> each = [&](std::size_t k) {
    if (!builder.budget().ok()) return;
    if (k == vars.names.size()) {
      ClaimInstance inst;
      inst.claim = i;
      inst.bindings = b;
      inst.formula = builder.formula(vars.formula, b);
      inst.text = to_string(builder.program(), inst.formula);
      builder.program().claims.push_back(std::move(inst));
      return;
    }
    auto type = vars.types.find(vars.names[k]);
    for (const auto& e : type == vars.types.end() ? everything : rules.domain(type->second)) {
      b[vars.names[k]] = e;
      each(k + 1);
    }
    b.erase(vars.names[k]);
  };
  each(0);
}

} // namespace

PossibleAtoms possible_atoms(const Program& p, const std::vector<ast::Atom>& extra) {
  PossibleAtoms possible;
  std::function<void(const ast::Formula&)> from_formula = [&](const ast::Formula& f) {
    if (f.kind == ast::Formula::Kind::atom) possible[f.atom.predicate.text].insert(args_of(f.atom, {}));
    for (const auto& o : f.operands) from_formula(o);
  };
  for (const auto& f : p.facts) {
    if (f.numeric) possible[f.target.predicate.text].insert(args_of(f.target, {}));
    else from_formula(f.formula);
  }
  for (const auto& e : p.evidence)
    for (const auto& b : e.bearings)
      if (b.supports) possible[b.atom.predicate.text].insert(args_of(b.atom, {}));
  for (const auto& c : p.claims)
    for (const auto& a : c.assumes) possible[a.predicate.text].insert(args_of(a, {}));
  for (const auto& a : extra) possible[a.predicate.text].insert(args_of(a, {}));
  return possible;
}

void seed(const Program& p, const RuleBook& rules, const std::vector<ast::Atom>& extra, Builder& b) {
  GroundProgram& g = b.program();
  for (std::size_t i = 0; i < p.facts.size() && b.budget().ok(); ++i) ground_fact(p, i, b);
  for (const auto& e : p.evidence)
    for (const auto& bearing : e.bearings) b.intern(bearing.atom.predicate.text, args_of(bearing.atom, {}));
  for (const auto& c : p.claims)
    for (const auto& a : c.assumes) g.assumed.push_back(b.intern(a.predicate.text, args_of(a, {})));
  for (const auto& a : extra) g.assumed.push_back(b.intern(a.predicate.text, args_of(a, {})));
  std::vector<std::string> everything;
  for (const auto& [name, _] : p.entities) everything.push_back(name); // a std::map: sorted already
  for (std::size_t i = 0; i < p.claims.size() && b.budget().ok(); ++i) ground_claim(p, rules, i, everything, b);
}

} // namespace imputa::ground
