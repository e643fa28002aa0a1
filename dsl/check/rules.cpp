// Rules: resolution of head and body, safety (E007), the `derived` mark of
// their head predicates, and W28F for link/attribution from origin alone.
#include "check/passes.hpp"
#include "check/resolve.hpp"

namespace imputa::check::detail {

namespace {

template <typename F>
void for_each_number_atom(const ast::NumExpr& e, F&& f) {
  if (e.kind == ast::NumExpr::Kind::atom) f(e.atom);
  for (const auto& operand : e.operands) for_each_number_atom(operand, f);
}

template <typename F>
void for_each_comparison_atom(const ast::Comparison& comparison, F&& f) {
  for_each_number_atom(comparison.lhs, f);
  for_each_number_atom(comparison.rhs, f);
}

// A positive atom binds its variables; so does a number-predicate atom inside
// a comparison (its variable ranges over the entities the number is given for).
std::set<std::string> bound_variables(const std::vector<ast::Formula>& body) {
  std::set<std::string> bound;
  auto bind = [&](const ast::Atom& atom) {
    for (const auto& arg : atom.args)
      if (arg.variable && arg.name != "_") bound.insert(arg.name);
  };
  for (const auto& literal : body) {
    const ast::Formula& inner = literal.kind == ast::Formula::Kind::negation && !literal.operands.empty()
                                    ? literal.operands.front()
                                    : literal;
    if (literal.kind == ast::Formula::Kind::atom) bind(literal.atom);
    if (inner.kind == ast::Formula::Kind::comparison) for_each_comparison_atom(*inner.comparison, bind);
  }
  return bound;
}

void check_rule_safety(Checker& c, const ast::Rule& rule, const std::vector<ast::Formula>& body) {
  const std::set<std::string> bound = bound_variables(body);
  std::set<std::string> reported;
  auto require = [&](const ast::Term& term, const std::string& where) {
    if (!term.variable || bound.count(term.name) || (term.name != "_" && !reported.insert(term.name).second)) return;
    if (term.name == "_") // each `_` is a fresh variable, so nothing else can bind it
      c.diags.error("E007", term.span,
                    "'_' in " + where + " of rule '" + rule.id.text +
                        "' is never bound: use a named variable that a condition without 'not' binds");
    else
      c.diags.error("E007", term.span,
                    "variable '" + term.name + "' in " + where + " of rule '" + rule.id.text +
                        "' is not bound: it must also appear in a condition without 'not'");
  };
  for (const auto& arg : rule.head.args) require(arg, "the conclusion");
  for (const auto& literal : body) {
    const bool negated = literal.kind == ast::Formula::Kind::negation && !literal.operands.empty();
    const ast::Formula& inner = negated ? literal.operands.front() : literal;
    if (negated && inner.kind == ast::Formula::Kind::atom)
      for (const auto& arg : inner.atom.args) require(arg, "'not " + imputa::to_string(inner.atom) + "'");
    if (inner.kind == ast::Formula::Kind::comparison)
      for (const ast::NumExpr* side : {&inner.comparison->lhs, &inner.comparison->rhs})
        if (side->kind == ast::NumExpr::Kind::variable) require(side->variable, "a comparison");
  }
}

// Every atom of the body, under `not` and inside comparisons too.
template <typename F>
void for_each_body_atom(const ast::Formula& f, F&& fn) {
  if (f.kind == ast::Formula::Kind::atom) fn(f.atom);
  if (f.kind == ast::Formula::Kind::comparison) for_each_comparison_atom(*f.comparison, fn);
  for (const auto& operand : f.operands) for_each_body_atom(operand, fn);
}

// W28F: a link or attribution conclusion drawn from origin predicates alone.
bool concludes_from_origin_only(const Checker& c, const PredicateInfo& head, const std::vector<ast::Formula>& body) {
  if (!head.names_who()) return false;
  bool any = false, all_origin = true;
  for (const auto& literal : body)
    for_each_body_atom(literal, [&](const ast::Atom& atom) {
      any = true;
      auto it = c.program.predicates.find(atom.predicate.text);
      if (it == c.program.predicates.end() || !it->second.has(Tag::origin)) all_origin = false;
    });
  return any && all_origin;
}

} // namespace

void check_rule(Checker& c, const ast::Rule& rule) {
  RuleItem item;
  item.from_library = in_library(c, rule.span);
  item.id = item.from_library ? library_rule_id(c, rule.id.text) : rule.id.text;
  item.label = rule.label;
  item.cite = rule.cite;
  item.head = rule.head;
  item.body = rule.body;
  item.span = rule.span;
  if (rule.when_family && rule.when_alternative) {
    resolve_doctrine_choice(c, *rule.when_family, *rule.when_alternative);
    item.when_family = rule.when_family->text;
    item.when_alternative = rule.when_alternative->text;
  }

  Scope scope;
  const PredicateInfo* head = resolve_atom(c, item.head, scope, AtomUse::head);
  for (auto& literal : item.body) resolve_formula(c, literal, scope);
  close_scope(c, scope);
  check_rule_safety(c, rule, item.body);

  if (head != nullptr) {
    c.program.predicates.at(head->name).derived = true;
    if (concludes_from_origin_only(c, *head, item.body)) {
      item.origin_only = true;
      c.diags.warning("W28F", rule.id.span,
                      "rule '" + rule.id.text + "' concludes '" + head->name + "', " +
                          (head->has(Tag::attribution) ? "an attribution" : "a link") +
                          " predicate, from origin predicates alone: under GGE 2015 §28(f) where an operation came "
                          "from does not by itself show who conducted it, so this rule does not count for "
                          "accusations");
    }
  }
  c.program.rules.push_back(std::move(item));
}

} // namespace imputa::check::detail
