// Rules made ready for joining, and the small questions asked of their AST.
#include "ground/rules.hpp"

#include <algorithm>
#include <array>
#include <functional>

namespace imputa::ground {
namespace {

void rename_anonymous(ast::Atom& a, int& anonymous) {
  for (auto& t : a.args)
    if (t.variable && t.name == "_") t.name += std::to_string(anonymous++); // "_0", "_1": appended, as GCC 12 warns falsely (-Wrestrict) on `"_" + ...`
}

void rename_anonymous(ast::NumExpr& e, int& anonymous) {
  if (e.kind == ast::NumExpr::Kind::atom) rename_anonymous(e.atom, anonymous);
  for (auto& o : e.operands) rename_anonymous(o, anonymous);
}

void note_types(const Program& p, const ast::Atom& a, std::map<std::string, EntityType>& types) {
  auto pred = p.predicates.find(a.predicate.text);
  if (pred == p.predicates.end()) return;
  for (std::size_t i = 0; i < a.args.size() && i < pred->second.params.size(); ++i) {
    if (!a.args[i].variable) continue;
    EntityType t = pred->second.params[i];
    auto [it, fresh] = types.emplace(a.args[i].name, t);
    if (!fresh && it->second == EntityType::actor && t == EntityType::state) it->second = t;
  }
}

void note_types(const Program& p, const ast::NumExpr& e, std::map<std::string, EntityType>& types) {
  if (e.kind == ast::NumExpr::Kind::atom) note_types(p, e.atom, types);
  for (const auto& o : e.operands) note_types(p, o, types);
}

PreparedRule prepare(const Program& p, std::size_t index) {
  PreparedRule r;
  r.index = index;
  r.rule = &p.rules[index];
  r.head = r.rule->head;
  r.body = r.rule->body;
  int anonymous = 0;
  rename_anonymous(r.head, anonymous);
  for (auto& l : r.body) ground::rename_anonymous(l, anonymous);
  note_types(p, r.head, r.types);
  for (const auto& l : r.body) ground::note_types(p, l, r.types);
  // Union-find over the variables, numeric ones too (`harm(Op) = H, H >
  // gain(C)` joins Op and C); rules may have thousands of conditions before
  // E013's check refuses them.
  std::map<std::string, std::size_t> id;
  std::vector<std::size_t> parent;
  auto id_of = [&](const std::string& var) {
    auto [it, fresh] = id.emplace(var, parent.size());
    if (fresh) parent.push_back(it->second);
    return it->second;
  };
  auto root = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const auto& entry : r.types) id_of(entry.first);
  std::vector<std::string> vars;
  for (const auto& l : r.body) {
    vars.clear();
    variables(l, vars);
    for (const auto& var : vars) parent[root(id_of(var))] = root(id_of(vars.front()));
  }
  for (const auto& entry : r.types) r.component[entry.first] = root(id.at(entry.first));
  return r;
}

// A number atom ranges over every entity of its types (docs/semantics.md §1:
// an entity with no numeric fact has an unknown value, not none).
void number_generators(const ast::NumExpr& e, std::vector<Generator>& out) {
  if (e.kind == ast::NumExpr::Kind::atom && !e.atom.args.empty()) out.push_back({&e.atom, false});
  for (const auto& o : e.operands) number_generators(o, out);
}

} // namespace

void variables(const ast::Atom& a, std::vector<std::string>& out) {
  for (const auto& t : a.args)
    if (t.variable) out.push_back(t.name);
}
void variables(const ast::NumExpr& e, std::vector<std::string>& out) {
  if (e.kind == ast::NumExpr::Kind::variable) out.push_back(e.variable.name);
  if (e.kind == ast::NumExpr::Kind::atom) variables(e.atom, out);
  for (const auto& o : e.operands) variables(o, out);
}
void variables(const ast::Formula& f, std::vector<std::string>& out) {
  if (f.kind == ast::Formula::Kind::comparison) {
    variables(f.comparison->lhs, out);
    variables(f.comparison->rhs, out);
  }
  if (f.kind == ast::Formula::Kind::atom) variables(f.atom, out);
  for (const auto& o : f.operands) variables(o, out);
}

const std::vector<std::string>& RuleBook::domain(EntityType t) const {
  static const std::vector<std::string> none;
  auto it = domains.find(t);
  return it == domains.end() ? none : it->second;
}

bool RuleBook::unmet_unless_mentioned(const Program& p, const std::string& predicate) const {
  auto pred = p.predicates.find(predicate);
  auto rules = by_head.find(predicate);
  if (pred == p.predicates.end() || !pred->second.has(Tag::closed) || rules == by_head.end()) return false;
  auto about_head = [&](const PreparedRule& r, const ast::Formula& l) {
    if (l.kind != ast::Formula::Kind::atom || derived(l.atom.predicate.text)) return false;
    auto base = p.predicates.find(l.atom.predicate.text);
    if (base == p.predicates.end() || base->second.numeric) return false;
    return std::any_of(r.head.args.begin(), r.head.args.end(),
                       [&](const ast::Term& t) { return t.variable && has_variable(l.atom, t.name); });
  };
  return std::all_of(rules->second.begin(), rules->second.end(), [&](const PreparedRule& r) {
    return std::any_of(r.body.begin(), r.body.end(), [&](const ast::Formula& l) { return about_head(r, l); });
  });
}

std::vector<Generator> RuleBook::generators(const Program& p, const PreparedRule& r) const {
  std::vector<Generator> out;
  for (const auto& l : r.body) {
    if (l.kind == ast::Formula::Kind::atom) {
      auto pred = p.predicates.find(l.atom.predicate.text);
      bool closed_base = pred != p.predicates.end() && pred->second.has(Tag::closed) && !derived(l.atom.predicate.text);
      out.push_back({&l.atom, closed_base});
    } else if (l.kind == ast::Formula::Kind::comparison) {
      number_generators(l.comparison->lhs, out);
      number_generators(l.comparison->rhs, out);
    }
  }
  return out;
}

RuleBook prepare_rules(const Program& p, const GroundOptions& options, Budget& budget) {
  RuleBook book;
  for (const auto& [name, e] : p.entities) {
    book.domains[e.type].push_back(name);
    if (e.type == EntityType::state) book.domains[EntityType::actor].push_back(name);
  }
  for (auto& [_, d] : book.domains) std::sort(d.begin(), d.end());
  for (std::size_t i = 0; i < p.rules.size(); ++i) {
    PreparedRule r = prepare(p, i);
    // The join recurses once per condition and variable: bound them before it runs.
    std::size_t conditions = book.generators(p, r).size();
    if (conditions > max_rule_conditions || r.types.size() > max_variables) {
      budget.fail_limit(grounding_error::rule_too_wide(r.rule->span, r.rule->id, conditions, r.types.size(),
                                                       max_rule_conditions, max_variables));
      continue;
    }
    // A rule no claim can have in force is not ground; its head stays
    // derived, false wherever none of its rules is in force (docs/semantics.md §1).
    auto& by_head = book.by_head[p.rules[i].head.predicate.text];
    if (!options.may_be_in_force || options.may_be_in_force(p.rules[i])) by_head.push_back(std::move(r));
  }
  return book;
}

void rename_anonymous(ast::Formula& f, int& anonymous) {
  if (f.kind == ast::Formula::Kind::atom) rename_anonymous(f.atom, anonymous);
  if (f.kind == ast::Formula::Kind::comparison) {
    rename_anonymous(f.comparison->lhs, anonymous);
    rename_anonymous(f.comparison->rhs, anonymous);
  }
  for (auto& o : f.operands) rename_anonymous(o, anonymous);
}

void note_types(const Program& p, const ast::Formula& f, std::map<std::string, EntityType>& types) {
  if (f.kind == ast::Formula::Kind::atom) note_types(p, f.atom, types);
  if (f.kind == ast::Formula::Kind::comparison) {
    note_types(p, f.comparison->lhs, types);
    note_types(p, f.comparison->rhs, types);
  }
  for (const auto& o : f.operands) note_types(p, o, types);
}

std::optional<ast::Term> entity_term(const ast::NumExpr& e, const Program& p) {
  if (e.kind == ast::NumExpr::Kind::variable) return e.variable;
  if (e.kind == ast::NumExpr::Kind::atom && e.atom.args.empty() && p.entities.count(e.atom.predicate.text) &&
      !p.predicates.count(e.atom.predicate.text))
    return ast::Term{e.atom.predicate.text, false, e.span};
  return std::nullopt;
}

const ast::Atom* literal_atom(const ast::Formula& l, bool& positive) {
  positive = l.kind == ast::Formula::Kind::atom;
  if (positive) return &l.atom;
  if (l.kind == ast::Formula::Kind::negation && l.operands[0].kind == ast::Formula::Kind::atom) return &l.operands[0].atom;
  return nullptr;
}

bool has_variable(const ast::Atom& a, const std::string& var) {
  return std::any_of(a.args.begin(), a.args.end(), [&](const ast::Term& t) { return t.variable && t.name == var; });
}

bool mentions_variable(const ast::Formula& f, const std::string& var) {
  std::function<bool(const ast::NumExpr&)> in_num = [&](const ast::NumExpr& e) {
    if (e.kind == ast::NumExpr::Kind::variable && e.variable.name == var) return true;
    if (e.kind == ast::NumExpr::Kind::atom && has_variable(e.atom, var)) return true;
    return std::any_of(e.operands.begin(), e.operands.end(), in_num);
  };
  if (f.kind == ast::Formula::Kind::comparison) return in_num(f.comparison->lhs) || in_num(f.comparison->rhs);
  if (f.kind == ast::Formula::Kind::atom) return has_variable(f.atom, var);
  return std::any_of(f.operands.begin(), f.operands.end(), [&](const ast::Formula& o) { return mentions_variable(o, var); });
}

std::vector<std::string> args_of(const ast::Atom& a, const Binding& b) {
  std::vector<std::string> out;
  out.reserve(a.args.size());
  for (const auto& t : a.args) {
    if (!t.variable) {
      out.push_back(t.name);
      continue;
    }
    auto it = b.find(t.name);
    out.push_back(it == b.end() ? t.name : it->second);
  }
  return out;
}

bool unify(const ast::Atom& head, const std::vector<std::string>& args, Binding& b) {
  if (head.args.size() != args.size()) return false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& t = head.args[i];
    if (!t.variable) {
      if (t.name != args[i]) return false;
      continue;
    }
    auto [it, fresh] = b.emplace(t.name, args[i]);
    if (!fresh && it->second != args[i]) return false;
  }
  return true;
}

std::size_t unbound(const ast::Atom& a, const Binding& b) {
  std::size_t n = 0;
  for (const auto& t : a.args)
    if (t.variable && !b.count(t.name)) ++n;
  return n;
}

bool linked(const PreparedRule& r, const std::string& x, const std::string& y) {
  auto a = r.component.find(x), b = r.component.find(y);
  return a == r.component.end() || b == r.component.end() || a->second == b->second;
}

std::string representative_name(EntityType t) {
  switch (t) {
  case EntityType::state: return "<another state>";
  case EntityType::actor: return "<another actor>";
  case EntityType::object: return "<another object>";
  case EntityType::operation: return "<another operation>";
  }
  return "<another>";
}

bool is_representative(const std::string& entity) { return !entity.empty() && entity.front() == '<'; }

std::array<std::string, 2> representative_names(EntityType t) {
  const std::string first = representative_name(t);
  return {first, "<yet " + first.substr(1)};
}

std::optional<std::string> free_representative(EntityType t, const Binding& b) {
  for (const std::string& name : representative_names(t))
    if (std::none_of(b.begin(), b.end(), [&](const auto& entry) { return entry.second == name; })) return name;
  return std::nullopt;
}

} // namespace imputa::ground
