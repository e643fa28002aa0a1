// The thin typed layer over Z3: one context per thread, the ground program
// encoded once with every premise behind a tracked selector, and bounded checks.
// Nothing outside solver/smt/ includes z3++.h.
#pragma once

#include "ground/ground.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace imputa::smt {

using Clock = std::chrono::steady_clock;
using Selector = std::uint32_t;

// An assumption: a selector asserted true, or (for goals) false.
struct Lit {
  Selector selector = 0;
  bool positive = true;
  friend bool operator==(const Lit&, const Lit&) = default;
  friend auto operator<=>(const Lit&, const Lit&) = default;
};

enum class Answer { sat, unsat, unknown };

// What each selector stands for, so that minimal sets of selectors can be read back as reasons.
struct SelectorInfo {
  // presumption: a closed base atom is false unless a premise makes it true
  // (docs/semantics.md §1), behind a selector so that a support can name it.
  enum class Kind { rule, rule_open, naive_origin, fact, numeric, proof, assumption, burden_true, burden_false, goal, literal,
                    definition, presumption };
  Kind kind = Kind::rule;
  std::size_t index = 0;        // rule, fact premise, numeric premise index
  ground::AtomId atom = 0;      // proof, assumption, burden, literal
  bool positive = true;         // proof, literal
};

// How a session's checks were answered (for tests and benchmarks).
struct CheckCounts {
  std::size_t z3 = 0;      // by Z3
  std::size_t kept = 0;    // SAT: a model found earlier, selectors flipped
  std::size_t rotated = 0; // SAT: a model found earlier, two entities swapped
  std::size_t cores = 0;   // UNSAT: a recent answer's core
};

// Ways of answering checks and encoding faster, each taken from a size on
// (SIZE_MAX: never; 0: always); none changes an answer
// (JudgeOptions has the defaults and what each does).
struct SessionOptions {
  std::size_t reuse_models_from = SIZE_MAX; // cone atoms: SAT from a kept model
  std::size_t reuse_cores_from = SIZE_MAX;  // cone atoms: UNSAT from a recent core
  std::size_t products_from = SIZE_MAX;     // bodies of one head: a rule's bodies as a product (factor.hpp)
};

class Session {
public:
  // Encodes the part of the ground program that `cone` lists (sorted atom
  // ids): one claim's connected component, with the fact and numeric premises
  // on it (indexes, ascending), in a solver of its own on this thread's Z3
  // context. Its SAT/UNSAT answers do not depend on what the thread checked
  // before; models and cores may, so callers read them only through canonical
  // forms (deterministic output).
  // Encoding stops at `deadline` (every check is then UNKNOWN).
  // On a cone of at least `reuse_models_from` atoms, a SAT answer may come
  // from a model an earlier check found; on one of at least
  // `reuse_cores_from`, an UNSAT answer from a recent unsat core (check()).
  Session(const Program& program, const ground::GroundProgram& g, const std::vector<ground::AtomId>& cone,
          const std::vector<std::size_t>& facts, const std::vector<std::size_t>& numeric, Clock::time_point deadline,
          const SessionOptions& options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  Selector rule(std::size_t rule) const;
  // The rule read as open (its bodies replaced by unknowns): §5 W28F rules, and removed rules in minimization.
  Selector rule_open(std::size_t rule) const;
  // The rule has a ground instance concluding an atom of the cone.
  bool rule_in_cone(std::size_t rule) const;
  Selector naive_origin() const;
  // Facts and numeric facts in the cone (others: nullopt).
  std::optional<Selector> fact(std::size_t premise) const;
  std::optional<Selector> numeric(std::size_t premise) const;
  Selector proof(ground::AtomId atom, bool positive);  // created on first use
  Selector assumption(ground::AtomId atom);
  Selector burden(ground::AtomId atom, bool value);   // closed derived atoms
  // A selector equivalent to the formula (a goal to check).
  Selector goal(const ground::Formula& f);
  // A selector equivalent to the atom's shadow completion (closed derived atoms), or the atom itself.
  Selector definition_goal(ground::AtomId atom);
  // A premise tying a closed derived atom to its completion, for deciding
  // whether it is established (its burden of proof, docs/semantics.md §1).
  Selector definition(ground::AtomId atom);
  // Encoding did not finish before the deadline.
  bool incomplete() const;
  // A selector equivalent to an open base literal (for would-establish sets).
  Selector literal(ground::AtomId atom, bool positive);

  // The presumption of a closed base atom of the cone (false unless a premise
  // makes it true), or nullopt for any other atom.
  std::optional<Selector> presumption(ground::AtomId atom) const;
  // A goal equivalent to "some ground instance of the rule applies" (some body
  // of it, on the cone, holds), or nullopt if it has none on the cone.
  std::optional<Selector> rule_applies(std::size_t rule);

  const SelectorInfo& info(Selector s) const;

  // Checks the assumptions; UNKNOWN when the deadline passes or Z3 gives up.
  // With `keep_model`, a SAT answer's model is kept for value() until the
  // next SAT answer that keeps one (other answers leave it in place).
  // Assumptions that contain a recent UNSAT answer's core are UNSAT without
  // asking Z3.
  Answer check(const std::vector<Lit>& assumptions, Clock::time_point deadline, bool keep_model = false);
  // After a check that answered UNSAT: the selectors of its assumptions that
  // an unsat core names, Z3's or the earlier one the assumptions contained
  // (not minimal, and not canonical: use it only to find faster an answer
  // that does not depend on which core is given).
  std::vector<Selector> core() const;
  // A Boolean atom's value in the kept model. An atom the model leaves free
  // reads as false, a value under which the model still satisfies everything.
  bool value(ground::AtomId atom) const;
  CheckCounts counts() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace imputa::smt
