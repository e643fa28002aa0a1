// Warnings that need the whole program: unused declarations and evidence
// (W101), and atoms both stipulated and supported by evidence (W105).
#include "check/passes.hpp"

#include <algorithm>

namespace imputa::check::detail {

namespace {

template <typename F>
void for_each_atom(const ast::NumExpr& e, F&& fn) {
  if (e.kind == ast::NumExpr::Kind::atom) fn(e.atom);
  for (const auto& operand : e.operands) for_each_atom(operand, fn);
}

template <typename F>
void for_each_atom(const ast::Formula& f, F&& fn) {
  if (f.kind == ast::Formula::Kind::atom) fn(f.atom);
  if (f.kind == ast::Formula::Kind::comparison) {
    for_each_atom(f.comparison->lhs, fn);
    for_each_atom(f.comparison->rhs, fn);
  }
  for (const auto& operand : f.operands) for_each_atom(operand, fn);
}

bool any_accusation(const Program& program) {
  return std::any_of(program.claims.begin(), program.claims.end(),
                     [](const ClaimItem& claim) { return claim.mode == ClaimMode::accusation; });
}

// Predicates the claims depend on: those in their formulas and, through every
// rule (under any doctrine) concluding one of them, those in its body.
std::set<std::string> claim_dependencies(const Program& program) {
  std::set<std::string> relevant;
  auto add = [&](const ast::Atom& atom) { relevant.insert(atom.predicate.text); };
  for (const auto& claim : program.claims) for_each_atom(claim.formula, add);
  const bool accusation = any_accusation(program);
  for (bool grew = true; grew;) {
    const std::size_t before = relevant.size();
    // An accusation is also weighed on the naive premises (docs/semantics.md §5),
    // whose inference from origin to attribution makes origin evidence bear on it.
    if (accusation && relevant.count("attributable")) {
      relevant.insert("originates_in");
      relevant.insert("uses_infrastructure_in");
    }
    for (const auto& rule : program.rules)
      if (relevant.count(rule.head.predicate.text))
        for (const auto& literal : rule.body) for_each_atom(literal, add);
    grew = relevant.size() != before;
  }
  return relevant;
}

// An entity named `unidentified...` stands for someone the case cannot name,
// declared to keep "someone else did it" open (docs/limits.md): never unused.
bool entity_used(const Checker& c, const std::string& name, ast::EntityType type) {
  if (c.used.count(name) || name.starts_with("unidentified")) return true;
  for (ast::EntityType t : c.claim_variable_types)
    if (fits(t, type)) return true;
  return false;
}

void warn_unused_evidence(Checker& c) {
  // Without claims nothing is asked yet; warning on every item would be noise.
  if (c.program.claims.empty()) return;
  const std::set<std::string> relevant = claim_dependencies(c.program);
  for (const auto& item : c.program.evidence) {
    if (in_library(c, item.span) || item.bearings.empty()) continue;
    bool bears = false;
    for (const auto& bearing : item.bearings) bears = bears || relevant.count(bearing.atom.predicate.text) > 0;
    if (bears) continue;
    const Symbol* symbol = find_symbol(c, item.id);
    const SourceSpan span = symbol != nullptr && symbol->kind == SymbolKind::evidence ? symbol->span : item.span;
    c.diags.warning("W101", span, "evidence '" + item.id + "' bears on nothing any claim depends on");
  }
}

} // namespace

void warn_unused(Checker& c) {
  for (const auto& [name, symbol] : c.symbols) {
    if (in_library(c, symbol.span)) continue;
    switch (symbol.kind) {
    case SymbolKind::entity: {
      const EntityInfo& entity = c.program.entities.at(name);
      // The unidentified_ advice fits only a party that could have done it.
      const bool party = entity.type == ast::EntityType::actor || entity.type == ast::EntityType::state;
      if (!entity_used(c, name, entity.type))
        c.diags.warning("W101", symbol.span,
                        "'" + name + "' (" + with_article(entity.type) + ") is declared but never used",
                        party ? std::vector<std::string>{"remove it; or, if it stands for a party the sources cannot "
                                                         "identify, kept to leave \"someone else did it\" open, call it "
                                                         "unidentified_" + name}
                              : std::vector<std::string>{"remove it, or use it in a fact, an evidence item or a claim"});
      break;
    }
    case SymbolKind::source:
      if (!c.used.count(name))
        c.diags.warning("W101", symbol.span, "source '" + name + "' is declared but no evidence comes from it");
      break;
    case SymbolKind::predicate:
      if (!c.used.count(name))
        c.diags.warning("W101", symbol.span, "predicate '" + name + "' is declared but never used");
      break;
    default: break;
    }
  }
  warn_unused_evidence(c);
}

void warn_stipulated_and_supported(Checker& c) {
  // A fact's top-level conjuncts are stipulated one by one (docs/semantics.md §5).
  std::map<std::string, SourceSpan> stipulated;
  auto collect = [&](const ast::Formula& f, const SourceSpan& span, auto& self) -> void {
    if (f.kind == ast::Formula::Kind::atom) stipulated.try_emplace(imputa::to_string(f.atom), span);
    if (f.kind == ast::Formula::Kind::conjunction)
      for (const auto& operand : f.operands) self(operand, span, self);
  };
  for (const auto& fact : c.program.facts)
    if (!fact.numeric) collect(fact.formula, fact.span, collect);
  if (stipulated.empty()) return;
  const bool accusations = any_accusation(c.program);
  for (const auto& item : c.program.evidence)
    for (const auto& bearing : item.bearings) {
      if (!bearing.supports) continue;
      auto it = stipulated.find(imputa::to_string(bearing.atom));
      if (it == stipulated.end()) continue;
      // Accusations set stipulated links and attributions aside and weigh the evidence.
      auto pred = c.program.predicates.find(bearing.atom.predicate.text);
      const bool set_aside = accusations && pred != c.program.predicates.end() &&
                             pred->second.names_who();
      c.diags.warning("W105", bearing.atom.span,
                      "'" + it->first + "' is stipulated as a fact (at " + location(c, it->second) +
                          ") and also supported by evidence '" + item.id + "': while the fact stands the evidence " +
                          (set_aside ? "changes nothing, except in the claims `as accusation`, which set the fact "
                                       "aside and weigh the evidence"
                                     : "changes nothing"));
    }
}

} // namespace imputa::check::detail
