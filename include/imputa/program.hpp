// A checked case: every name resolved, every value validated. This is what the
// solver reads; it never sees the syntax tree's loose ends.
#pragma once

#include "imputa/ast.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace imputa {

enum class Tag : unsigned { origin = 1, link = 2, conduct = 4, attribution = 8, breach = 16, closed = 32 };

struct PredicateInfo {
  std::string name;
  std::vector<ast::EntityType> params;
  bool numeric = false;
  unsigned tags = 0; // bit set of Tag
  bool derived = false; // heads at least one rule
  std::string description;
  SourceSpan span;
  bool from_library = false;

  bool has(Tag t) const { return (tags & static_cast<unsigned>(t)) != 0; }
  // Who did it (link) or whose act it is (attribution): the words GGE 2015
  // §28(f) guards. Origin evidence carries no weight for them, and an
  // accusation sets stipulated facts of them aside (docs/language.md).
  bool names_who() const { return has(Tag::link) || has(Tag::attribution); }
};

struct EntityInfo {
  std::string name;
  ast::EntityType type = ast::EntityType::state;
  std::string label;
  SourceSpan span;
};

struct SourceInfo {
  std::string name;
  std::string label;
  SourceSpan span;
};

struct StandardInfo {
  std::string name;
  Rational threshold;
  std::optional<Rational> contrary_below;
  std::string description;
  SourceSpan span;
};

struct DoctrineInfo {
  std::string family;
  std::vector<std::string> alternatives; // first is the default
  std::string description;
  SourceSpan span;
};

enum class Corroboration { max, noisy_or };

// Formulas below are checked: in an entity comparison (`A != S`, `X = gru`)
// both sides are NumExpr::Kind::variable holding a Term (a constant when
// !variable); a numeric comparison never has a Kind::variable side.

struct FactItem {
  std::optional<std::string> label;
  bool numeric = false;
  ast::Formula formula; // ground
  ast::Atom target;     // numeric
  Rational lo, hi;      // numeric: closed interval
  SourceSpan span;
};

struct Bearing {
  ast::Atom atom; // ground
  bool supports = true; // false: contradicts
};

struct EvidenceItem {
  std::string id;
  std::string kind; // technical origin forensic ...
  std::string summary;
  std::vector<Bearing> bearings;
  Rational lo, hi; // confidence interval (a number has lo == hi)
  std::string source; // the declared source, or the item's own id
  std::vector<std::string> derived_from;
  std::optional<ast::Date> date;
  std::vector<std::string> cites;
  SourceSpan span;
};

struct RuleItem {
  std::string id;
  std::string label;
  std::optional<std::string> cite;
  std::optional<std::string> when_family, when_alternative;
  ast::Atom head;
  std::vector<ast::Formula> body; // atom, negated atom, comparison
  bool origin_only = false;       // W28F: link/attribution head from origin body only
  SourceSpan span;
  bool from_library = false;
};

enum class ClaimMode { assessment, accusation, hypothesis };

enum class Verdict { established, refuted, arguable, not_established, unsubstantiated, inconsistent, unknown };

std::string_view to_string(Verdict v);
std::optional<Verdict> verdict_from_string(std::string_view s);

struct ClaimItem {
  std::string id;
  std::string text;
  ast::Formula formula;
  ClaimMode mode = ClaimMode::assessment;
  std::optional<std::string> standard;
  std::map<std::string, std::string> under; // family -> alternative
  std::optional<ast::Date> as_of;
  std::vector<std::string> drops;
  std::vector<ast::Atom> assumes;
  std::optional<Verdict> expect;
  SourceSpan span;
};

struct Program {
  std::map<std::string, PredicateInfo> predicates;
  std::map<std::string, EntityInfo> entities;
  std::map<std::string, SourceInfo> sources;
  std::map<std::string, StandardInfo> standards;
  std::map<std::string, DoctrineInfo> doctrines;

  // Selections of the top-level file (defaults filled in by the checks).
  std::optional<std::string> case_id;
  std::string case_title;
  std::vector<std::string> case_cites;
  std::string standard = "clear_and_convincing";
  std::map<std::string, std::string> doctrine; // every family -> chosen alternative
  Corroboration corroboration = Corroboration::max;

  // In source order: library, imports, then the top-level file.
  std::vector<FactItem> facts;
  std::vector<EvidenceItem> evidence;
  std::vector<RuleItem> rules;
  std::vector<ClaimItem> claims;
};

} // namespace imputa
