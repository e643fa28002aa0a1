// Resolving atoms, terms and formulas: every name to its declaration, every
// argument against the predicate's declared type, every variable to one type.
#include "check/resolve.hpp"

namespace imputa::check::detail {

namespace {

// Appended, not concatenated: g++ 12 at -O3 reports `"'" + std::string(s) + "'"`
// as an overlapping memcpy (a false -Wrestrict, fatal in a Release build with
// IMPUTA_WERROR).
std::string in_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.append(1, '\'').append(s).append(1, '\'');
  return out;
}

std::string arguments(std::size_t n) {
  if (n == 0) return "no arguments";
  return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

// A constant in an argument position or an entity comparison. `predicate` is
// empty (and `expected` unset) outside an atom.
void resolve_constant(Checker& c, const ast::Term& term, const std::string& predicate, std::size_t index,
                      std::optional<ast::EntityType> expected) {
  const Symbol* symbol = find_symbol(c, term.name);
  if (symbol == nullptr) {
    c.diags.error("E002", term.span, "unknown entity " + in_quotes(term.name),
                  did_you_mean(c, term.name, mask(SymbolKind::entity)));
    return;
  }
  c.used.insert(term.name);
  const std::string position =
      "argument " + std::to_string(index + 1) + " of " + in_quotes(predicate) + " must be ";
  if (symbol->kind != SymbolKind::entity) {
    if (expected)
      c.diags.error("E005", term.span,
                    position + with_article(*expected) + ", but " + in_quotes(term.name) + " is " +
                        describe(c, term.name, *symbol));
    else
      c.diags.error("E002", term.span,
                    in_quotes(term.name) + " is " + describe(c, term.name, *symbol) + ", not an entity",
                    did_you_mean(c, term.name, mask(SymbolKind::entity)));
    return;
  }
  const ast::EntityType actual = c.program.entities.at(term.name).type;
  if (expected && !fits(*expected, actual))
    c.diags.error("E005", term.span,
                  position + with_article(*expected) + ", but " + in_quotes(term.name) + " is " +
                      with_article(actual));
}

// A variable's type is what its positions declare; a variable in an actor
// position and in a state position is a state (a state may act).
void resolve_variable(Checker& c, const ast::Term& term, Scope& scope, const std::string& predicate,
                      std::optional<ast::EntityType> expected) {
  if (scope.ground_rule) {
    if (term.name == "_" || scope.reported.insert(term.name).second)
      c.diags.error("E006", term.span, *scope.ground_rule + ", but " + in_quotes(term.name) + " is a variable");
    return;
  }
  if (term.name == "_") return; // each `_` is a fresh variable: nothing to agree with
  Variable& v = scope.variables[term.name];
  if (!expected) return;
  if (!v.type) {
    v.type = expected;
    v.predicate = predicate;
    return;
  }
  if (fits(*expected, *v.type)) return;
  if (fits(*v.type, *expected)) { // actor so far, a state here: it must be a state
    v.type = expected;
    v.predicate = predicate;
    return;
  }
  c.diags.error("E005", term.span,
                "variable " + in_quotes(term.name) + " cannot be both " + with_article(*v.type) + " (in " +
                    in_quotes(v.predicate) + ") and " + with_article(*expected) + " (in " + in_quotes(predicate) +
                    ")");
}

void resolve_term(Checker& c, const ast::Term& term, Scope& scope, const std::string& predicate,
                  std::size_t index, std::optional<ast::EntityType> expected) {
  if (term.variable)
    resolve_variable(c, term, scope, predicate, expected);
  else
    resolve_constant(c, term, predicate, index, expected);
}

void check_atom_use(Checker& c, const ast::Atom& atom, const PredicateInfo& info, AtomUse use) {
  const std::string name = in_quotes(info.name);
  switch (use) {
  case AtomUse::condition:
    if (info.numeric)
      c.diags.error("E008", atom.span,
                    name + " is a number predicate: compare it with a number (for example '" + info.name +
                        "(...) > 2') instead of using it as a condition");
    break;
  case AtomUse::head:
    if (info.numeric)
      c.diags.error("E008", atom.span,
                    "a rule cannot conclude the number predicate " + name + "; give its values as numeric facts");
    break;
  case AtomUse::arithmetic:
    if (!info.numeric)
      c.diags.error("E008", atom.span, name + " is not a number predicate, so it cannot be used in arithmetic");
    break;
  case AtomUse::valued:
    if (!info.numeric)
      c.diags.error("E008", atom.span, name + " is not a number predicate, so it cannot be given a value");
    break;
  }
}

void resolve_number(Checker& c, const ast::NumExpr& e, Scope& scope) {
  using Kind = ast::NumExpr::Kind;
  switch (e.kind) {
  case Kind::number: return;
  case Kind::atom: {
    const Symbol* symbol = e.atom.args.empty() ? find_symbol(c, e.atom.predicate.text) : nullptr;
    if (symbol != nullptr && symbol->kind == SymbolKind::entity) {
      c.used.insert(e.atom.predicate.text);
      c.diags.error("E008", e.span,
                    in_quotes(e.atom.predicate.text) + " is " + describe(c, e.atom.predicate.text, *symbol) +
                        ", not a number");
      return;
    }
    resolve_atom(c, e.atom, scope, AtomUse::arithmetic);
    return;
  }
  case Kind::variable:
    c.diags.error("E008", e.span,
                  "variable " + in_quotes(e.variable.name) +
                      " stands for an entity, not a number: only numbers and number predicates can be compared "
                      "with '<', '>' or used in arithmetic");
    return;
  case Kind::mul:
    // Products stay linear (docs/language.md §12: product = { NUMBER "*" } operand).
    if (e.operands.size() == 2 && e.operands[0].kind != Kind::number && e.operands[1].kind != Kind::number)
      c.diags.error("E008", e.span, "a product needs a plain number on one side, as in '2 * harm(op)'");
    [[fallthrough]];
  case Kind::add:
  case Kind::sub:
    for (const auto& operand : e.operands) resolve_number(c, operand, scope);
    return;
  }
}

bool is_bare_term(const Checker& c, const ast::NumExpr& e) {
  if (e.kind == ast::NumExpr::Kind::variable) return true;
  if (e.kind != ast::NumExpr::Kind::atom || !e.atom.args.empty()) return false;
  const Symbol* symbol = find_symbol(c, e.atom.predicate.text);
  return symbol == nullptr || symbol->kind != SymbolKind::predicate;
}

ast::Term as_term(const ast::NumExpr& e) {
  if (e.kind == ast::NumExpr::Kind::variable) return e.variable;
  return ast::Term{e.atom.predicate.text, false, e.atom.predicate.span};
}

ast::NumExpr term_expr(const ast::Term& term, const ast::Pos& span) {
  ast::NumExpr e;
  e.kind = ast::NumExpr::Kind::variable;
  e.variable = term;
  e.span = span;
  return e;
}

void resolve_comparison(Checker& c, ast::Comparison& comparison, Scope& scope) {
  if (!is_entity_comparison(c, comparison)) {
    resolve_number(c, comparison.lhs, scope);
    resolve_number(c, comparison.rhs, scope);
    return;
  }
  ast::Term lhs = as_term(comparison.lhs), rhs = as_term(comparison.rhs);
  resolve_term(c, lhs, scope, "", 0, std::nullopt);
  resolve_term(c, rhs, scope, "", 0, std::nullopt);
  comparison.lhs = term_expr(lhs, comparison.lhs.span);
  comparison.rhs = term_expr(rhs, comparison.rhs.span);
  scope.entity_comparisons.emplace_back(std::move(lhs), std::move(rhs));
}

std::optional<ast::EntityType> type_of(const Checker& c, const Scope& scope, const ast::Term& term) {
  if (term.variable) {
    auto it = scope.variables.find(term.name);
    return it == scope.variables.end() ? std::nullopt : it->second.type;
  }
  auto it = c.program.entities.find(term.name);
  if (it == c.program.entities.end()) return std::nullopt;
  return it->second.type;
}

} // namespace

const PredicateInfo* resolve_atom(Checker& c, const ast::Atom& atom, Scope& scope, AtomUse use) {
  const std::string& name = atom.predicate.text;
  const Symbol* symbol = find_symbol(c, name);
  const PredicateInfo* info = nullptr;
  if (symbol == nullptr) {
    c.diags.error("E002", atom.predicate.span, "unknown predicate " + in_quotes(name),
                  did_you_mean(c, name, mask(SymbolKind::predicate)));
  } else if (symbol->kind != SymbolKind::predicate) {
    c.used.insert(name);
    c.diags.error("E002", atom.predicate.span, in_quotes(name) + " is " + describe(c, name, *symbol) + ", not a predicate",
                  did_you_mean(c, name, mask(SymbolKind::predicate)));
  } else {
    c.used.insert(name);
    info = &c.program.predicates.at(name);
    check_atom_use(c, atom, *info, use);
    if (atom.args.size() != info->params.size())
      c.diags.error("E004", atom.span,
                    in_quotes(name) + " takes " + arguments(info->params.size()) + ", not " +
                        std::to_string(atom.args.size()));
  }
  for (std::size_t i = 0; i < atom.args.size(); ++i) {
    std::optional<ast::EntityType> expected;
    if (info != nullptr && i < info->params.size()) expected = info->params[i];
    resolve_term(c, atom.args[i], scope, name, i, expected);
  }
  return info;
}

void resolve_formula(Checker& c, ast::Formula& formula, Scope& scope) {
  switch (formula.kind) {
  case ast::Formula::Kind::atom: resolve_atom(c, formula.atom, scope, AtomUse::condition); return;
  case ast::Formula::Kind::comparison: resolve_comparison(c, *formula.comparison, scope); return;
  case ast::Formula::Kind::negation:
  case ast::Formula::Kind::conjunction:
  case ast::Formula::Kind::disjunction:
    for (auto& operand : formula.operands) resolve_formula(c, operand, scope);
    return;
  case ast::Formula::Kind::truth:
  case ast::Formula::Kind::falsity: return;
  }
}

void close_scope(Checker& c, Scope& scope) {
  for (const auto& [lhs, rhs] : scope.entity_comparisons) {
    auto a = type_of(c, scope, lhs), b = type_of(c, scope, rhs);
    if (!a || !b || fits(*a, *b) || fits(*b, *a)) continue;
    c.diags.error("E005", lhs.span,
                  "cannot compare " + in_quotes(lhs.name) + " (" + with_article(*a) + ") with " + in_quotes(rhs.name) +
                      " (" + with_article(*b) + "): they are never equal");
  }
  scope.entity_comparisons.clear();
}

bool is_entity_comparison(const Checker& c, const ast::Comparison& comparison) {
  if (comparison.op != ast::CmpOp::eq && comparison.op != ast::CmpOp::ne) return false;
  return is_bare_term(c, comparison.lhs) && is_bare_term(c, comparison.rhs);
}

} // namespace imputa::check::detail
