// Declarations: every name of every loaded file into one namespace (E003),
// and the vocabulary (predicates, entities, sources, standards, doctrines)
// into the program.
#include "check/passes.hpp"

#include <algorithm>
#include <type_traits>

namespace imputa::check::detail {

namespace {

// Registers `name`; reports E003 pointing at the earlier declaration.
// The library's vocabulary (predicates, standards, doctrines) is a contract
// the case is written in; saying so beats pointing into a file the user never read.
bool declare(Checker& c, const ast::Name& name, SymbolKind kind) {
  auto [it, inserted] = c.symbols.try_emplace(name.text, Symbol{kind, name.span});
  if (inserted) return true;
  if (in_library(c, it->second.span) && !in_library(c, name.span))
    c.diags.error("E003", name.span,
                  "'" + name.text + "' is already " + describe(c, name.text, it->second) +
                      " of the library (" + location(c, it->second.span) + "); choose another name");
  else
    c.diags.error("E003", name.span,
                  "duplicate declaration of '" + name.text + "': already declared at " +
                      location(c, it->second.span));
  return false;
}

std::optional<Tag> tag_from_name(std::string_view name) {
  if (name == "origin") return Tag::origin;
  if (name == "link") return Tag::link;
  if (name == "conduct") return Tag::conduct;
  if (name == "attribution") return Tag::attribution;
  if (name == "breach") return Tag::breach;
  if (name == "closed") return Tag::closed;
  return std::nullopt;
}

// A threshold or contrary_below: one number in 0..1 (E011).
std::optional<Rational> standard_number(Checker& c, const ast::Value& value, const std::string& what) {
  if (value.kind != ast::Value::Kind::number) {
    c.diags.error("E011", value.span, what + " must be a single number between 0 and 1");
    return std::nullopt;
  }
  if (value.lo < 0 || value.lo > 1) {
    c.diags.error("E011", value.span,
                  what + " must be between 0 and 1, not " + to_decimal_string(value.lo));
    return std::nullopt;
  }
  return value.lo;
}

void declare_standard(Checker& c, const ast::StandardDecl& d) {
  const bool fresh = declare(c, d.id, SymbolKind::standard);
  StandardInfo info{d.id.text, 0, std::nullopt, d.description, d.span};
  if (auto t = standard_number(c, *d.threshold, "the threshold of standard '" + d.id.text + "'")) info.threshold = *t;
  if (d.contrary_below)
    info.contrary_below = standard_number(c, *d.contrary_below, "contrary_below of standard '" + d.id.text + "'");
  if (fresh) c.program.standards.emplace(d.id.text, std::move(info));
}

void declare_doctrine(Checker& c, const ast::DoctrineDecl& d) {
  const bool fresh = declare(c, d.family, SymbolKind::doctrine_family);
  DoctrineInfo info{d.family.text, {}, d.description, d.span};
  // An alternative is only ever written after its family (`control =
  // overall_control`), so it is named within the family, not in the one
  // namespace: a library alternative such as `collective` never takes a
  // name from a case (docs/decisions.md).
  for (const auto& alternative : d.alternatives) {
    if (std::find(info.alternatives.begin(), info.alternatives.end(), alternative.text) != info.alternatives.end())
      c.diags.error("E003", alternative.span,
                    "doctrine '" + d.family.text + "' lists the alternative '" + alternative.text + "' twice");
    else
      info.alternatives.push_back(alternative.text);
  }
  if (fresh) c.program.doctrines.emplace(d.family.text, std::move(info));
}

void declare_predicate(Checker& c, const ast::PredicateDecl& d) {
  PredicateInfo info;
  info.name = d.id.text;
  for (const auto& p : d.params) info.params.push_back(p.type);
  info.numeric = d.numeric;
  info.description = d.description;
  info.span = d.span;
  info.from_library = in_library(c, d.span);
  for (const auto& tag : d.tags) {
    if (auto t = tag_from_name(tag.text))
      info.tags |= static_cast<unsigned>(*t);
    else
      c.diags.error("E002", tag.span,
                    "unknown tag '" + tag.text + "': tags are origin, link, conduct, attribution, breach, closed",
                    did_you_mean(tag.text, {"origin", "link", "conduct", "attribution", "breach", "closed"}));
  }
  if (declare(c, d.id, SymbolKind::predicate)) c.program.predicates.emplace(d.id.text, std::move(info));
}

void declare_statement(Checker& c, const ast::Statement& statement) {
  std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, ast::StandardDecl>) {
          declare_standard(c, s);
        } else if constexpr (std::is_same_v<T, ast::DoctrineDecl>) {
          declare_doctrine(c, s);
        } else if constexpr (std::is_same_v<T, ast::PredicateDecl>) {
          declare_predicate(c, s);
        } else if constexpr (std::is_same_v<T, ast::EntityDecl>) {
          if (declare(c, s.id, SymbolKind::entity))
            c.program.entities.emplace(s.id.text, EntityInfo{s.id.text, s.type, s.label, s.span});
        } else if constexpr (std::is_same_v<T, ast::SourceDecl>) {
          if (declare(c, s.id, SymbolKind::source))
            c.program.sources.emplace(s.id.text, SourceInfo{s.id.text, s.label, s.span});
        } else if constexpr (std::is_same_v<T, ast::Fact>) {
          if (s.label) declare(c, *s.label, SymbolKind::fact_label);
        } else if constexpr (std::is_same_v<T, ast::Evidence>) {
          declare(c, s.id, SymbolKind::evidence);
        } else if constexpr (std::is_same_v<T, ast::Rule>) {
          if (!in_library(c, s.id.span)) {
            declare(c, s.id, SymbolKind::rule);
          } else if (auto [it, fresh] = c.library_rules.try_emplace(s.id.text, s.id.span); !fresh) {
            c.diags.error("E003", s.id.span,
                          "duplicate declaration of '" + s.id.text + "': already declared at " +
                              location(c, it->second));
          }
        } else if constexpr (std::is_same_v<T, ast::Claim>) {
          declare(c, s.id, SymbolKind::claim);
        }
        // Imports and selections declare nothing.
      },
      statement);
}

} // namespace

void declare_names(Checker& c, const std::vector<ast::File>& files) {
  for (const auto& file : files)
    for (const auto& statement : file.statements) declare_statement(c, statement);
}

} // namespace imputa::check::detail
