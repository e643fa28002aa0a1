// Shared state of the static checks (docs/language.md §10): the one namespace of
// declared names, the program being built, and the helpers every pass uses.
#pragma once

#include "imputa/ast.hpp"
#include "imputa/diagnostic.hpp"
#include "imputa/program.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace imputa::check::detail {

// What a declared name stands for. Bits, so a reference can accept several
// kinds (`drop` takes a fact label, an evidence item or a rule).
enum class SymbolKind : unsigned {
  predicate = 1,
  entity = 2,
  source = 4,
  standard = 8,
  doctrine_family = 16,
  doctrine_alternative = 32,
  fact_label = 64,
  evidence = 128,
  rule = 256,
  claim = 512,
};

using KindMask = unsigned;
constexpr KindMask mask(SymbolKind k) { return static_cast<KindMask>(k); }

struct Symbol {
  SymbolKind kind = SymbolKind::entity;
  SourceSpan span; // the declaring name, for "already declared at" and W101
};

struct Checker {
  Checker(const Sources& s, Diagnostics& d) : sources(s), diags(d) {}

  const Sources& sources;
  Diagnostics& diags;
  Program program;

  // All files share one namespace (docs/language.md §2); the first declaration wins.
  std::map<std::string, Symbol, std::less<>> symbols;
  // Library rule ids live apart (docs/decisions.md): a user's name never
  // clashes with one; a shadowed library rule is known as `library:ID`.
  std::map<std::string, SourceSpan, std::less<>> library_rules;
  // Names referenced anywhere (not merely declared), for W101.
  std::set<std::string, std::less<>> used;
  // Entity types a claim's free variable ranges over: those entities are used
  // by the claim even if no statement names them (W101).
  std::set<ast::EntityType> claim_variable_types;
};

const Symbol* find_symbol(const Checker& c, std::string_view name);
bool in_library(const Checker& c, const SourceSpan& span);

// "path:line", for messages that point at another declaration.
std::string location(const Checker& c, const SourceSpan& span);

// "a state", "an actor", ...: argument types in the words of a sentence.
std::string with_article(ast::EntityType type);
// What a declared name is, for "'eset' is a source, not an entity".
std::string describe(const Checker& c, std::string_view name, const Symbol& symbol);

// A value of type `actual` may stand where `declared` is expected: the same
// type, or a state where an actor is expected (docs/language.md §3).
bool fits(ast::EntityType declared, ast::EntityType actual);

// "did you mean 'x'?" for the closest declared name of a fitting kind
// (edit distance at most 2; ties go to the alphabetically first), or nothing.
std::vector<std::string> did_you_mean(const Checker& c, std::string_view name, KindMask kinds);
// The same over a fixed list of words (evidence kinds, verdicts, tags, ...).
std::vector<std::string> did_you_mean(std::string_view name, const std::vector<std::string_view>& words);

// Looks a referenced name up; reports E002 (with a hint) when it is unknown or
// of another kind. `what` names the expected kind: "source", "standard".
// Returns whether the name is declared with a fitting kind; marks it used.
bool resolve_name(Checker& c, const ast::Name& name, KindMask kinds, std::string_view what);

// `FAMILY = ALTERNATIVE` in `use doctrine`, a rule's `when` and a claim's
// `under`: reports E002 for an unknown family or an alternative it lacks.
bool resolve_doctrine_choice(Checker& c, const ast::Name& family, const ast::Name& alternative);

// The id under which the program knows library rule `id`: `library:ID` when a
// user's declaration has taken the bare name, else the bare name.
std::string library_rule_id(const Checker& c, std::string_view id);

// What `drop NAME` leaves out: the user's fact label, evidence item or rule of
// that name, else the library rule of that name. Reports E002 (with a hint)
// when there is neither; returns the program's id of what is dropped.
std::optional<std::string> resolve_drop(Checker& c, const ast::Name& name);

// A ground atom as text, `performed_by(notpetya, gru)`, for messages.

} // namespace imputa::check::detail
