// Name lookup, "did you mean" hints and wording shared by every pass of the
// static checks.
#include "check/context.hpp"

#include <algorithm>

namespace imputa::check::detail {

const Symbol* find_symbol(const Checker& c, std::string_view name) {
  auto it = c.symbols.find(name);
  return it == c.symbols.end() ? nullptr : &it->second;
}

bool in_library(const Checker& c, const SourceSpan& span) {
  return span.file < c.sources.files.size() && c.sources.files[span.file].library;
}

std::string location(const Checker& c, const SourceSpan& span) {
  const std::string path = span.file < c.sources.files.size() ? c.sources.files[span.file].path : "<input>";
  return path + ":" + std::to_string(span.line);
}

std::string with_article(ast::EntityType type) {
  switch (type) {
  case ast::EntityType::state: return "a state";
  case ast::EntityType::actor: return "an actor";
  case ast::EntityType::object: return "an object";
  case ast::EntityType::operation: return "an operation";
  }
  return "an entity";
}

std::string describe(const Checker& c, std::string_view name, const Symbol& symbol) {
  switch (symbol.kind) {
  case SymbolKind::predicate: return "a predicate";
  case SymbolKind::entity: {
    auto it = c.program.entities.find(std::string(name));
    return it == c.program.entities.end() ? "an entity" : with_article(it->second.type);
  }
  case SymbolKind::source: return "a source";
  case SymbolKind::standard: return "a standard of proof";
  case SymbolKind::doctrine_family: return "a doctrine family";
  case SymbolKind::doctrine_alternative: return "a doctrine alternative";
  case SymbolKind::fact_label: return "a fact label";
  case SymbolKind::evidence: return "an evidence item";
  case SymbolKind::rule: return "a rule";
  case SymbolKind::claim: return "a claim";
  }
  return "a name";
}

bool fits(ast::EntityType declared, ast::EntityType actual) {
  return declared == actual || (declared == ast::EntityType::actor && actual == ast::EntityType::state);
}

namespace {

std::vector<std::string> hint(std::string_view best) {
  if (best.empty()) return {};
  return {"did you mean '" + std::string(best) + "'?"};
}

} // namespace

std::vector<std::string> did_you_mean(const Checker& c, std::string_view name, KindMask kinds) {
  std::string_view best;
  std::size_t best_distance = 3;
  // The map is ordered, so a strict `<` keeps the alphabetically first of equals.
  auto consider = [&](std::string_view candidate) {
    if (candidate == name) return;
    std::size_t d = edit_distance(name, candidate, 2);
    if (d < best_distance || (d == best_distance && candidate < best)) {
      best_distance = d;
      best = candidate;
    }
  };
  for (const auto& [candidate, symbol] : c.symbols)
    if ((kinds & mask(symbol.kind)) != 0) consider(candidate);
  if ((kinds & mask(SymbolKind::rule)) != 0)
    for (const auto& [candidate, span] : c.library_rules) consider(candidate);
  return hint(best);
}

std::vector<std::string> did_you_mean(std::string_view name, const std::vector<std::string_view>& words) {
  std::vector<std::string_view> sorted = words;
  std::sort(sorted.begin(), sorted.end());
  std::string_view best;
  std::size_t best_distance = 3;
  for (std::string_view candidate : sorted) {
    if (candidate == name) continue;
    std::size_t d = edit_distance(name, candidate, 2);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return hint(best);
}

namespace {

std::string with_article(std::string_view noun) {
  const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

} // namespace

bool resolve_name(Checker& c, const ast::Name& name, KindMask kinds, std::string_view what) {
  const Symbol* symbol = find_symbol(c, name.text);
  if (symbol == nullptr) {
    // A short closed list is worth showing whole: the standards, the families.
    std::string known;
    auto list = [&](const auto& map, std::string_view plural) {
      for (const auto& [key, value] : map) known += (known.empty() ? "; the " + std::string(plural) + " are " : ", ") + key;
    };
    if (kinds == mask(SymbolKind::standard)) list(c.program.standards, "standards");
    if (kinds == mask(SymbolKind::doctrine_family)) list(c.program.doctrines, "doctrine families");
    c.diags.error("E002", name.span, "unknown " + std::string(what) + " '" + name.text + "'" + known,
                  did_you_mean(c, name.text, kinds));
    return false;
  }
  c.used.insert(name.text);
  if ((kinds & mask(symbol->kind)) == 0) {
    c.diags.error("E002", name.span,
                  "'" + name.text + "' is " + describe(c, name.text, *symbol) + ", not " + with_article(what),
                  did_you_mean(c, name.text, kinds));
    return false;
  }
  return true;
}

bool resolve_doctrine_choice(Checker& c, const ast::Name& family, const ast::Name& alternative) {
  if (!resolve_name(c, family, mask(SymbolKind::doctrine_family), "doctrine family")) return false;
  const DoctrineInfo& doctrine = c.program.doctrines.at(family.text);
  const auto& alts = doctrine.alternatives;
  if (std::find(alts.begin(), alts.end(), alternative.text) != alts.end()) {
    c.used.insert(alternative.text);
    return true;
  }
  std::string listed;
  for (const auto& a : alts) listed += (listed.empty() ? "" : ", ") + a;
  std::vector<std::string_view> words(alts.begin(), alts.end());
  c.diags.error("E002", alternative.span,
                "doctrine '" + family.text + "' has no alternative '" + alternative.text +
                    "'; its alternatives are " + listed,
                did_you_mean(alternative.text, words));
  return false;
}

std::string library_rule_id(const Checker& c, std::string_view id) {
  return (find_symbol(c, id) != nullptr ? "library:" : "") + std::string(id);
}

std::optional<std::string> resolve_drop(Checker& c, const ast::Name& name) {
  const KindMask droppable = mask(SymbolKind::fact_label) | mask(SymbolKind::evidence) | mask(SymbolKind::rule);
  const Symbol* symbol = find_symbol(c, name.text);
  if (symbol != nullptr && (droppable & mask(symbol->kind)) != 0) {
    c.used.insert(name.text);
    return name.text;
  }
  if (c.library_rules.count(name.text)) return library_rule_id(c, name.text);
  resolve_name(c, name, droppable, "fact label, evidence item or rule"); // reports E002
  return std::nullopt;
}


} // namespace imputa::check::detail
