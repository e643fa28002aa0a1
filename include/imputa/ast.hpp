// The syntax tree of a case file, exactly as written: plain values, each node
// with its source position. Names are not resolved here; see check.hpp.
#pragma once

#include "imputa/box.hpp"
#include "imputa/rational.hpp"
#include "imputa/source.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace imputa::ast {

// A node's position. Two nodes are equal when they say the same thing,
// wherever they were written, so positions always compare equal: `==` on the
// AST is what the formatter must preserve.
struct Pos : SourceSpan {
  Pos() = default;
  Pos(const SourceSpan& s) : SourceSpan(s) {}
  friend bool operator==(const Pos&, const Pos&) { return true; }
};

// An identifier where it occurs.
struct Name {
  std::string text;
  Pos span;
  friend bool operator==(const Name&, const Name&) = default;
};

// A constant (`gru`) or a variable (`Op`, `_`).
struct Term {
  std::string name;
  bool variable = false;
  Pos span;
  friend bool operator==(const Term&, const Term&) = default;
};

// `performed_by(op, gru)`; a zero-arity atom has no args.
struct Atom {
  Name predicate;
  std::vector<Term> args;
  Pos span;
  friend bool operator==(const Atom&, const Atom&) = default;
};

// Arithmetic over numbers and number-predicate atoms. A bare identifier is
// parsed as a zero-arity atom and a variable as a term; the checks decide
// whether `a = b` compares numbers or entities.
struct NumExpr {
  enum class Kind { number, atom, variable, add, sub, mul };
  Kind kind = Kind::number;
  Rational number;               // Kind::number
  Atom atom;                     // Kind::atom
  Term variable;                 // Kind::variable
  std::vector<NumExpr> operands; // add, sub, mul: exactly two
  Pos span;
  friend bool operator==(const NumExpr&, const NumExpr&) = default;
};

enum class CmpOp { lt, le, gt, ge, eq, ne };

struct Comparison {
  CmpOp op = CmpOp::eq;
  NumExpr lhs, rhs;
  friend bool operator==(const Comparison&, const Comparison&) = default;
};

struct Formula {
  enum class Kind { atom, comparison, negation, conjunction, disjunction, truth, falsity };
  Kind kind = Kind::truth;
  Atom atom;                     // Kind::atom
  Box<Comparison> comparison;    // Kind::comparison (docs/performance.md, "The size of the syntax tree")
  std::vector<Formula> operands; // negation: one; conjunction, disjunction: two or more
  Pos span;
  friend bool operator==(const Formula&, const Formula&) = default;
};

struct Date {
  int year = 0, month = 0, day = 0; // validated by the checks (E011)
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// A confidence or a numeric value: a name (PHIA), a number, or an interval.
struct Value {
  enum class Kind { name, number, interval };
  Kind kind = Kind::number;
  std::string name;
  Rational lo, hi; // number: lo == hi
  Pos span;
  friend bool operator==(const Value&, const Value&) = default;
};

enum class EntityType { state, actor, object, operation };

struct CaseHeader {
  Name id;
  std::string title;
  std::vector<std::string> cites;
  Pos span;
  friend bool operator==(const CaseHeader&, const CaseHeader&) = default;
};

struct Import {
  std::string path;
  Pos span;
  friend bool operator==(const Import&, const Import&) = default;
};

// `use standard ID.` / `use doctrine F = A.` / `use corroboration max.`
struct Use {
  enum class Kind { standard, doctrine, corroboration };
  Kind kind = Kind::standard;
  Name first;  // standard, family, or max|noisy_or
  Name second; // doctrine alternative
  Pos span;
  friend bool operator==(const Use&, const Use&) = default;
};

struct StandardDecl {
  Name id;
  Box<Value> threshold;
  std::optional<Value> contrary_below;
  std::string description;
  Pos span;
  friend bool operator==(const StandardDecl&, const StandardDecl&) = default;
};

struct DoctrineDecl {
  Name family;
  std::vector<Name> alternatives; // first is the default
  std::string description;
  Pos span;
  friend bool operator==(const DoctrineDecl&, const DoctrineDecl&) = default;
};

struct Param {
  EntityType type = EntityType::state;
  Pos span;
  friend bool operator==(const Param&, const Param&) = default;
};

struct PredicateDecl {
  Name id;
  std::vector<Param> params;
  bool numeric = false;
  std::vector<Name> tags; // origin link conduct attribution breach closed
  std::string description;
  Pos span;
  friend bool operator==(const PredicateDecl&, const PredicateDecl&) = default;
};

struct EntityDecl {
  EntityType type = EntityType::state;
  Name id;
  std::string label;
  Pos span;
  friend bool operator==(const EntityDecl&, const EntityDecl&) = default;
};

struct SourceDecl {
  Name id;
  std::string label;
  Pos span;
  friend bool operator==(const SourceDecl&, const SourceDecl&) = default;
};

// `fact [label:] FORMULA.` or the numeric `fact [label:] atom = NUMBER|INTERVAL.`
struct Fact {
  std::optional<Name> label;
  bool numeric = false;
  Formula formula;   // !numeric
  Box<Atom> target;  // numeric
  Box<Value> value;  // numeric
  Pos span;
  friend bool operator==(const Fact&, const Fact&) = default;
};

// One keyword-led line inside an evidence or claim block. Which members are
// meaningful depends on `kind`.
struct Field {
  enum class Kind {
    supports, contradicts, confidence, source, derived_from, date, cite, // evidence
    holds, as, standard, under, as_of, drop, assume, expect               // claim
  };
  Kind kind = Kind::cite;
  Atom atom;            // supports, contradicts, assume
  Box<Formula> formula; // holds
  Box<Value> value;     // confidence
  Name name;       // source, derived_from, as, standard, under (family), drop, expect
  Name name2;      // under (alternative)
  Date date;       // date, as_of
  std::string text;// cite
  Pos span;
  friend bool operator==(const Field&, const Field&) = default;
};

struct Evidence {
  Name id;
  Name kind; // technical origin forensic ...
  std::string summary;
  std::vector<Field> fields;
  Pos span;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// `rule ID "label" [cite "..."] [when F = A]: HEAD if L1, L2.`
struct Rule {
  Name id;
  std::string label;
  std::optional<std::string> cite;
  std::optional<Name> when_family;
  std::optional<Name> when_alternative;
  Atom head;
  std::vector<Formula> body; // literals: atom, negated atom, comparison
  Pos span;
  friend bool operator==(const Rule&, const Rule&) = default;
};

struct Claim {
  Name id;
  std::string text;
  std::vector<Field> fields;
  Pos span;
  friend bool operator==(const Claim&, const Claim&) = default;
};

using Statement = std::variant<Import, Use, StandardDecl, DoctrineDecl, PredicateDecl,
                               EntityDecl, SourceDecl, Fact, Evidence, Rule, Claim>;

struct Comment {
  std::string text; // from '#' to end of line, without the newline
  Pos span;
};

// One parsed file. `statements` keeps the order of the source.
struct File {
  std::uint32_t file = 0; // index in Sources
  std::optional<CaseHeader> header;
  std::vector<Statement> statements;
  std::vector<Comment> comments;
};

// Same header and statements; positions and comments ignored.
inline bool same_syntax(const File& a, const File& b) {
  return a.header == b.header && a.statements == b.statements;
}

std::string_view to_string(EntityType t);
std::string_view to_string(CmpOp op);
std::string_view to_string(Field::Kind k);

} // namespace imputa::ast

namespace imputa {

// The one spelling of atoms and formulas in messages and reports: the case
// file's own notation with the formatter's fewest parentheses (`not (v(x) < 5)`).
// Evidence and ground atoms are indexed by atom_text, so every atom's text comes from here.
std::string atom_text(const std::string& predicate, const std::vector<std::string>& args);
std::string to_string(const ast::Atom& atom);
std::string to_string(const ast::Formula& formula);
// A date as the case file writes it: 2022-09-07.
std::string to_string(const ast::Date& date);

} // namespace imputa
