// The ground program under construction (builder.hpp).
#include "ground/builder.hpp"

#include <algorithm>
#include <map>

namespace imputa::ground {
namespace {

Formula constant(bool value) {
  Formula f;
  f.kind = value ? Formula::Kind::truth : Formula::Kind::falsity;
  return f;
}

// `a = b` or `a != b` between entities is decided while grounding.
std::optional<Formula> entity_comparison(const ast::Formula& f, const Binding& b, const Program& p) {
  auto l = entity_term(f.comparison->lhs, p), r = entity_term(f.comparison->rhs, p);
  if (!l || !r) return std::nullopt;
  auto value = [&](const ast::Term& t) {
    if (!t.variable) return t.name;
    auto it = b.find(t.name);
    return it == b.end() ? t.name : it->second;
  };
  bool equal = value(*l) == value(*r);
  return constant(f.comparison->op == ast::CmpOp::eq ? equal : !equal);
}

// A literal of a body that is false under `b` without grounding any atom:
// `false`, or a comparison between entities.
bool false_here(const ast::Formula& l, const Binding& b, const Program& p) {
  if (l.kind == ast::Formula::Kind::falsity) return true;
  if (l.kind != ast::Formula::Kind::comparison) return false;
  auto decided = entity_comparison(l, b, p);
  return decided && decided->kind == Formula::Kind::falsity;
}

Formula::Kind connective(ast::Formula::Kind k) {
  return k == ast::Formula::Kind::negation      ? Formula::Kind::negation
         : k == ast::Formula::Kind::conjunction ? Formula::Kind::conjunction
                                                : Formula::Kind::disjunction;
}

} // namespace

Builder::Builder(const Program& p, const RuleBook& rules, Budget& budget, bool record_instances,
                 std::size_t max_atoms, std::size_t max_instances, std::size_t max_ways)
    : p_(p), rules_(rules), budget_(budget), record_instances_(record_instances), max_atoms_(max_atoms),
      max_instances_(max_instances), max_ways_(max_ways) {}

AtomId Builder::intern(const std::string& predicate, std::vector<std::string> args) {
  std::string text = atom_text(predicate, args);
  const auto [id, fresh] = g_.index.try_emplace(text, static_cast<AtomId>(g_.atoms.size()), g_.atoms);
  if (!fresh) return id;
  auto pred = p_.predicates.find(predicate);
  g_.atoms.push_back(Atom{predicate, std::move(args), std::move(text),
                          pred == p_.predicates.end() ? nullptr : &pred->second});
  if (rules_.derived(predicate)) work_.push_back(id);
  auto& same = by_predicate_[predicate];
  same.atoms.push_back(id);
  if (g_.atoms.size() > max_atoms_ && !budget_.failed()) too_many_atoms();
  for (std::size_t i = 0; i < same.indexed.size(); ++i)
    if (same.indexed[i]) index_at(id, i);
  budget_.tick();
  return id;
}

std::optional<AtomId> Builder::find(const std::string& predicate, const std::vector<std::string>& args) const {
  return g_.find(atom_text(predicate, args));
}

NumTerm Builder::number(const ast::NumExpr& e, const Binding& b) {
  NumTerm t;
  switch (e.kind) {
  case ast::NumExpr::Kind::number:
    t.kind = NumTerm::Kind::number;
    t.value = e.number;
    break;
  case ast::NumExpr::Kind::atom:
    t.kind = NumTerm::Kind::atom;
    t.atom = intern(e.atom.predicate.text, args_of(e.atom, b));
    break;
  case ast::NumExpr::Kind::variable: // the checks reject a variable in arithmetic
    t.kind = NumTerm::Kind::number;
    break;
  case ast::NumExpr::Kind::add:
  case ast::NumExpr::Kind::sub:
  case ast::NumExpr::Kind::mul:
    t.kind = e.kind == ast::NumExpr::Kind::add   ? NumTerm::Kind::add
             : e.kind == ast::NumExpr::Kind::sub ? NumTerm::Kind::sub
                                                 : NumTerm::Kind::mul;
    for (const auto& o : e.operands) t.operands.push_back(number(o, b));
    break;
  }
  return t;
}

Formula Builder::formula(const ast::Formula& f, const Binding& b) {
  Formula out;
  switch (f.kind) {
  case ast::Formula::Kind::atom:
    out.kind = Formula::Kind::atom;
    out.atom = intern(f.atom.predicate.text, args_of(f.atom, b));
    return out;
  case ast::Formula::Kind::comparison:
    if (auto decided = entity_comparison(f, b, p_)) return *decided;
    out.kind = Formula::Kind::comparison;
    out.comparison = NumComparison{f.comparison->op, number(f.comparison->lhs, b), number(f.comparison->rhs, b)};
    return out;
  case ast::Formula::Kind::negation:
  case ast::Formula::Kind::conjunction:
  case ast::Formula::Kind::disjunction:
    out.kind = connective(f.kind);
    for (const auto& o : f.operands) out.operands.push_back(formula(o, b));
    return out;
  case ast::Formula::Kind::truth: return constant(true);
  case ast::Formula::Kind::falsity: return constant(false);
  }
  return out;
}

void Builder::emit_body(const PreparedRule& r, const Binding& b, Definition& def) {
  if (!budget_.count_instance(max_instances_)) {
    if (!budget_.failed()) // the first time only: growth() reads the whole program
      budget_.fail_limit(grounding_error::too_many_instances(max_instances_, growth(r.index, def)));
    return;
  }
  budget_.tick();
  if (record_instances_) emitted_.insert(instance_key(def.head, r.index, b));
  // A comparison between entities that is false here leaves the body out
  // before any of its atoms is interned: an atom interned for a body that
  // is then dropped belongs to no instance, yet it would count as found
  // elsewhere when representatives are split (representatives.hpp), and a
  // conclusion would be expanded for nothing. `breach(Op, S) if ...,
  // targets(Op, V), V != S` with V = S interned targets(op, s) for every
  // state s an operation's breach was asked about (issue 19: quadratic in
  // the states under a free-variable claim).
  for (const auto& l : r.body)
    if (false_here(l, b, p_)) return;
  Body body;
  body.rule = r.index;
  for (const auto& l : r.body) {
    Formula f = formula(l, b);
    if (f.kind == Formula::Kind::truth) continue;
    if (f.kind == Formula::Kind::falsity) return;
    body.literals.push_back(std::move(f));
  }
  if (def.bodies.size() >= max_ways_) {
    if (!budget_.failed())
      budget_.fail_limit(grounding_error::too_many_ways(max_ways_, g_.atoms[def.head].text, growth(r.index, def)));
    return;
  }
  def.bodies.push_back(std::move(body));
}

// E013 at the predicate with the most statements (the first by name among
// equals), which is what grew.
void Builder::too_many_atoms() {
  const std::pair<const std::string, PredicateAtoms>* most = nullptr;
  for (const auto& entry : by_predicate_)
    if (!most || entry.second.atoms.size() > most->second.atoms.size() ||
        (entry.second.atoms.size() == most->second.atoms.size() && entry.first < most->first))
      most = &entry;
  auto pred = p_.predicates.find(most->first);
  budget_.fail_limit(grounding_error::too_many_atoms(pred == p_.predicates.end() ? SourceSpan{} : pred->second.span,
                                                     max_atoms_, most->first, most->second.atoms.size(),
                                                     g_.atoms[most->second.atoms.front()].text));
}

// When grounding stops (E013): the rule applied most often, counting the
// program's definitions and `pending` (the definition `rule` was adding to),
// if that is not one of them yet.
grounding_error::RuleGrowth Builder::growth(std::size_t rule, const Definition& pending) const {
  std::map<std::size_t, std::map<AtomId, std::size_t>> ways; // rule -> conclusion -> bodies
  auto count = [&](const Definition& d) {
    for (const auto& b : d.bodies)
      if (b.rule != Body::gone) ++ways[b.rule][d.head];
  };
  for (const auto& d : g_.definitions) count(d);
  if (std::none_of(g_.definitions.begin(), g_.definitions.end(), [&](const Definition& d) { return &d == &pending; }))
    count(pending);
  grounding_error::RuleGrowth out;
  std::size_t most = rule;
  for (const auto& [r, heads] : ways) {
    std::size_t n = 0;
    for (const auto& [_, k] : heads) n += k;
    if (n > out.applications) {
      out.applications = n;
      most = r;
    }
  }
  const auto& item = p_.rules[most];
  out.rule = item.id;
  out.at = item.span;
  out.from_library = item.from_library;
  out.conclusions = ways[most].size();
  for (const auto& [head, n] : ways[most])
    if (n > out.widest_ways) { // the first in atom order among the widest
      out.widest_ways = n;
      out.widest = g_.atoms[head].text;
    }
  return out;
}

bool Builder::emitted(AtomId head, std::size_t rule, const Binding& b) const {
  return emitted_.contains(instance_key(head, rule, b));
}

std::optional<AtomId> Builder::take_work() {
  if (work_.empty()) return std::nullopt;
  AtomId a = work_.back();
  work_.pop_back();
  return a;
}

void Builder::index_at(AtomId a, std::size_t position) const {
  const Atom& atom = g_.atoms[a];
  if (position >= atom.args.size()) return;
  Pattern pattern = atom.args;
  pattern[position] = hole;
  by_pattern_[pattern_text(atom.predicate, pattern)].emplace_back(atom.args[position], a);
}

const std::vector<std::pair<std::string, AtomId>>* Builder::at_hole(const std::string& predicate,
                                                                     const Pattern& pattern) const {
  auto same = by_predicate_.find(predicate);
  const auto at = std::find(pattern.begin(), pattern.end(), hole);
  if (same == by_predicate_.end() || at == pattern.end()) return nullptr;
  const auto position = static_cast<std::size_t>(at - pattern.begin());
  auto& indexed = same->second.indexed;
  if (indexed.size() <= position) indexed.resize(position + 1, 0);
  if (!indexed[position]) {
    indexed[position] = 1;
    for (AtomId a : same->second.atoms) index_at(a, position);
  }
  auto it = by_pattern_.find(pattern_text(predicate, pattern));
  return it == by_pattern_.end() ? nullptr : &it->second;
}

} // namespace imputa::ground
