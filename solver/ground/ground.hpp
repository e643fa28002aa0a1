// Relevance-driven grounding (docs/semantics.md §1): from the claims' and premises'
// atoms, follow rule heads to bodies, never the full cross product of domains.
#pragma once

#include "ground/text_table.hpp"
#include "imputa/diagnostic.hpp"
#include "imputa/program.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace imputa::ground {

using AtomId = std::uint32_t;

// Limits of docs/language.md §10 (E013).
inline constexpr std::size_t max_ground_atoms = 1'000'000;
inline constexpr std::size_t max_rule_instances = 500'000;
// The ways one conclusion may be drawn (its rule instances). The shipped
// library draws none in more than a few hundred ways on the largest
// campaigns measured (478 at 4,000 operations); a rule whose conditions
// leave several variables open independently draws one conclusion in
// their product, and Z3 then spent minutes, past any time limit, on the
// completion of a conclusion with 117,649 ways (a generated case of 40
// lines; docs/limits.md).
inline constexpr std::size_t max_ways_per_conclusion = 20'000;
// Conditions (atoms to join) of one rule, and variables of a rule or claim.
inline constexpr std::size_t max_rule_conditions = 256;
inline constexpr std::size_t max_variables = 32;

struct Atom {
  std::string predicate;
  std::vector<std::string> args;
  std::string text; // "performed_by(op, gru)"
  const PredicateInfo* info = nullptr;
};

struct NumTerm {
  enum class Kind { number, atom, add, sub, mul };
  Kind kind = Kind::number;
  Rational value;
  AtomId atom = 0;
  std::vector<NumTerm> operands;
};

struct NumComparison {
  ast::CmpOp op = ast::CmpOp::eq;
  NumTerm lhs, rhs;
};

struct Formula {
  enum class Kind { atom, comparison, negation, conjunction, disjunction, truth, falsity };
  Kind kind = Kind::truth;
  AtomId atom = 0;
  // Kind::comparison; boxed, as most literals of a rule instance are atoms
  // (a formula is 40 bytes, not 272: imputa/box.hpp).
  Box<NumComparison> comparison;
  std::vector<Formula> operands;
};

// One ground instance of a rule body.
struct Body {
  std::size_t rule = 0; // index in Program::rules
  std::vector<Formula> literals;
  // While the grounder settles representatives: a body that goes at the end
  // of the round (Representatives::split), no literals; never in a ground program.
  static constexpr std::size_t gone = static_cast<std::size_t>(-1);
  // A witness's instance (representatives.hpp, (f)) beside the
  // representative's: an entity nobody names that carries the conclusion
  // where another conclusion needed with it rests on the representative.
  bool witness = false;
};

// A derived atom and every ground body that can make it true (Clark completion).
struct Definition {
  AtomId head = 0;
  std::vector<Body> bodies;
  // §5 item 4, for the naive premises only: origin atoms that would "make" an
  // attribution atom true (originates_in / uses_infrastructure_in).
  std::vector<AtomId> naive_origin;
};

// A top-level conjunct of a stipulated fact.
struct FactPremise {
  std::size_t fact = 0; // index in Program::facts
  Formula formula;
  std::vector<AtomId> atoms;
  bool mentions_link = false; // set aside for accusations (§5)
};

struct NumericPremise {
  std::size_t fact = 0;
  AtomId atom = 0;
  Rational lo, hi;
};

// A claim with its free variables bound (one per grounding).
struct ClaimInstance {
  std::size_t claim = 0; // index in Program::claims
  std::map<std::string, std::string> bindings;
  Formula formula;
  std::string text;
};

// The atoms' ids by text (text_table.hpp): the text itself is read from the
// atoms, so each is stored once (a ground program of 4,000 operations has
// hundreds of thousands of atoms).
class AtomIndex {
  struct TextOf {
    const std::vector<Atom>& atoms;
    std::string_view operator()(AtomId id) const { return atoms[id].text; }
  };

public:
  std::optional<AtomId> find(std::string_view text, const std::vector<Atom>& atoms) const {
    return table_.find(text, TextOf{atoms});
  }
  // The id of the atom with this text, else `fresh` (then entered: the caller
  // appends the atom at that id) and true.
  std::pair<AtomId, bool> try_emplace(std::string_view text, AtomId fresh, const std::vector<Atom>& atoms) {
    return table_.try_emplace(text, fresh, TextOf{atoms});
  }
  std::size_t size() const { return table_.size(); }

private:
  TextTable table_;
};

struct GroundProgram {
  std::vector<Atom> atoms;
  AtomIndex index;
  std::vector<Definition> definitions;
  // The place in `definitions` of each derived atom's definition, by atom id
  // (none for the others): read for every atom of every cone.
  static constexpr std::uint32_t none = ~std::uint32_t{0};
  std::vector<std::uint32_t> definition_index;
  std::vector<FactPremise> facts;
  std::vector<NumericPremise> numeric;
  std::vector<ClaimInstance> claims;
  std::vector<AtomId> assumed; // atoms of every `assume` (claims and options)
  // Base atoms that premises and claims reach only through witnesses'
  // instances (Body::witness). Ascending. A canonical model makes them
  // false before any other atom, and would-establish sets leave them out, so
  // that reports name the representative wherever one entity nobody names
  // will do.
  std::vector<AtomId> witness_atoms;
  bool timed_out = false;      // the deadline passed while grounding: judge nothing (UNKNOWN)

  std::optional<AtomId> find(std::string_view text) const { return index.find(text, atoms); }
  bool derived(AtomId a) const { return a < definition_index.size() && definition_index[a] != none; }
  bool witness_atom(AtomId a) const { return std::binary_search(witness_atoms.begin(), witness_atoms.end(), a); }
  // The definition of a derived atom, else null (a reference into
  // `definitions`: not kept while definitions are added).
  const Definition* definition(AtomId a) const { return derived(a) ? &definitions[definition_index[a]] : nullptr; }
  Definition* definition(AtomId a) { return derived(a) ? &definitions[definition_index[a]] : nullptr; }
};

struct GroundOptions {
  // Representatives for interchangeable entities and binding from what the
  // case mentions (off: every entity apart, the reference for tests).
  bool shortcuts = true;
  // Rules that may be in force for some claim (unset: all). A rule no claim
  // can use is not ground; its head stays derived (false where no rule is in force).
  std::function<bool(const RuleItem&)> may_be_in_force;
  // Grounding stops here and sets GroundProgram::timed_out.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // E013's limits (limits.hpp); lower ones serve a grounding that may be
  // given up (the judge's check against every entity apart).
  std::size_t max_atoms = max_ground_atoms;
  std::size_t max_instances = max_rule_instances;
  std::size_t max_ways = max_ways_per_conclusion;
  // (claim grounding, atom) pairs the representatives' separation test
  // counts before it counts every claim as reaching what lies below
  // (representatives.hpp); lower only in tests of that fallback.
  std::size_t reach_budget = std::size_t{1} << 25;
  // Witnesses for conclusions needed together (representatives.hpp, (f));
  // off: the shortcut as it stood before 3 Dec 2026, for measuring what
  // they cost and for tests of the judge's check of its shortcut.
  bool witnesses = true;
};

// Grounds the program; E009 (cycles) and E013 (limits) go to `diags`.
GroundProgram ground(const Program& program, const std::vector<ast::Atom>& extra_assumptions,
                     Diagnostics& diags, const GroundOptions& options = {});

// Atoms a formula mentions, in order of first mention.
void collect_atoms(const Formula& f, std::vector<AtomId>& out);
void collect_atoms(const NumTerm& t, std::vector<AtomId>& out);

std::string to_string(const GroundProgram& g, const Formula& f);

// What a formula depends on: its atoms and, through rule instances, their
// conditions, transitively (sorted by id).
std::vector<AtomId> dependencies(const GroundProgram& g, const Formula& f);

} // namespace imputa::ground
