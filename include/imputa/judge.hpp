// Judging claims: premises at a standard of proof, Z3, verdicts and the reasons
// for them (docs/semantics.md). Values in, values out: nothing here prints.
#pragma once

#include "imputa/diagnostic.hpp"
#include "imputa/program.hpp"
#include "imputa/rational.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace imputa {

// What the user chose on the command line; each replaces the file's own
// `use` selection. A claim's own fields (standard, under, as_of) win over both.
struct JudgeOptions {
  std::optional<std::string> standard;
  std::map<std::string, std::string> doctrine; // family -> alternative
  std::vector<ast::Atom> assume;               // added to every claim
  std::vector<std::string> drop;               // added to every claim
  std::optional<ast::Date> as_of;
  std::vector<std::string> claims;             // only these claims (empty: all)
  std::chrono::milliseconds timeout{10000};    // per claim
  unsigned jobs = 1;                           // claims judged in parallel
  bool reasons = true;                         // support, would-establish, strength, ...
  // Other routes to an ESTABLISHED or REFUTED verdict (AlsoSupports): how many
  // a report keeps besides the support (SIZE_MAX: all). Past the bound, the
  // judge looks for one more only, so that the report can say there are more,
  // unless `count_other_supports` (explain: "and 7 more").
  std::size_t other_supports = 2;
  bool count_other_supports = false;
  bool doctrine_overrides_claims = false;      // `compare`: the doctrine map wins over a claim's `under`
  bool standard_overrides_claims = false;      // `standard` wins over a claim's own `standard` (tests of monotonicity)
  // Judge every entity on its own: no representatives, no shortcuts in
  // grounding (docs/decisions.md). For tests that check the shortcuts change
  // no verdict; grows with the square of the case.
  bool every_entity_apart = false;
  // A case this small (at most this many ground atoms with the shortcuts,
  // and at most apart_atoms with every entity apart) is judged both ways,
  // the second without reasons; a claim whose verdicts differ is reported
  // as every entity apart reads it, with that reading's reasons
  // (ClaimReport::shortcut_verdict says so). The shortcuts are exact by
  // argument and by test, not by proof (docs/limits.md); on a case of this
  // size the check costs little. 0: never (tests of the shortcuts themselves).
  std::size_t check_apart_up_to = 8000;
  static constexpr std::size_t apart_atoms = 60000;
  // Grounding: (claim grounding, atom) pairs counted before the
  // representatives' separation test gives up telling claims apart (unset:
  // the grounder's default, GroundOptions::reach_budget; small: tests of
  // that fallback).
  std::optional<std::size_t> reach_budget;
  // Grounding: witnesses for conclusions needed together (on; off: the
  // shortcut as it stood before 3 Dec 2026, which reads two unnamed
  // entities as one there; for measuring their cost and for tests of the
  // check above). GroundOptions::witnesses.
  bool witnesses = true;
  // A check whose assumptions a model found earlier in the claim's session
  // still satisfies (with the selectors that differ flipped) is answered SAT
  // without Z3, on cones of at least this many atoms (SIZE_MAX: never; 0:
  // always, for tests that check it changes no report).
  std::size_t reuse_models_from = 100;
  // A check whose assumptions contain the unsat core of one of the last
  // UNSAT answers in its session is answered UNSAT without Z3, on cones of
  // at least this many atoms (SIZE_MAX: never; 0, the default: always).
  std::size_t reuse_cores_from = 0;
  // A rule whose bodies for one conclusion are every combination of parts
  // that share no variable but the head's is encoded as the conjunction of
  // the parts' disjunctions (the same formula, far smaller: 64 + 8 + 4
  // literals for 2,048 bodies), for conclusions with at least this many
  // bodies (SIZE_MAX: never; 0: always, for tests that check it changes no
  // report).
  std::size_t products_from = 4;
  // Deciding a burden of proof, checks are made in a Z3 session of the
  // burden's component alone, not in the claim's, on cones of at least this
  // many atoms, for components of at most 1,024 atoms and a quarter of the
  // cone (SIZE_MAX: never; 0: every burden whatever the sizes, for tests that
  // check it changes no report).
  std::size_t burden_sessions_from = 1000;
  // Called after each claim grounding is judged, with how many are done out of
  // how many; calls are serialized (never concurrent) and `done` only grows.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct Literal {
  std::string atom; // "performed_by(notpetya, gru)"
  bool positive = true;
  // Models only (counter-models, witnesses): the atom's parts, so that a
  // report can say it in the author's labels, and whether a stipulated fact
  // states it (agreed, not a hypothesis of the model). Not compared.
  std::string predicate{};
  std::vector<std::string> args{};
  bool stipulated = false;
  friend bool operator==(const Literal& a, const Literal& b) { return a.atom == b.atom && a.positive == b.positive; }
  friend auto operator<=>(const Literal& a, const Literal& b) {
    if (auto c = a.atom <=> b.atom; c != 0) return c;
    return a.positive <=> b.positive;
  }
};

// A verdict that turns on a burden of proof or a presumption (docs/semantics.md §1):
// a closed atom the support needs, fixed by who must prove it.
struct Burden {
  std::string atom;        // "precluded(cm, rur)"
  std::string predicate;
  bool derived = false;    // a derived closed atom (a defence or a presumption the doctrine puts in force)
  bool holds = false;      // it is established (true) or, not established, taken as false
  std::string description; // the predicate's description, which says who bears the burden
  std::optional<std::string> bearer;       // the state relying on it, where the atom names one
  std::optional<std::string> bearer_label;
};

// A conclusion no rule can reach under the doctrine in force (why a claim is
// refuted), with the alternatives under which rules would conclude it.
struct NoRuleInForce {
  std::string atom;
  std::string predicate;
  std::string family;      // the doctrine family deciding it
  std::string alternative; // the alternative in force
  std::vector<std::pair<std::string, std::vector<std::string>>> elsewhere; // alternative -> rule ids
};

// An evidence item, rule or fact as a reason names it: with its label and
// cite, as data; the sentences are the renderers' (cli/).
struct PremiseRef {
  // closed_world: a closed base atom presumed false because no premise makes
  // it true (docs/semantics.md §1); burden_of_proof: a closed derived atom
  // decided on its own premises, which the support needs to hold or not.
  enum class Kind { fact, evidence, rule, assumption, numeric_fact, closed_world, burden_of_proof, naive };
  Kind kind = Kind::fact;
  // Evidence/rule id, fact label (empty for an unlabelled fact: `span` says
  // where it is), the atom assumed, presumed or burdened; "origin_inference"
  // for the naive inference.
  std::string id;
  // Evidence summary, rule label, a fact's formula, a numeric fact's atom, a
  // presumption's predicate description; empty for the other kinds.
  std::string label;
  std::vector<std::string> cites;
  SourceSpan span;
  // Support only: the burden-of-proof atom this premise helps establish (the
  // "why precluded(cm, s) holds" part of a support); empty for the claim itself.
  std::string because_of{};
  // Evidence only, for renderers that lay the item out themselves.
  std::string evidence_kind{};       // "official_statement"
  Interval confidence{};             // the item's own confidence
  Interval weight{};                 // the combined weight on the literal it bears on
  std::optional<Literal> bears_on{}; // the literal it supports (positive) or contradicts
  // Numeric facts only: the value stipulated for the atom `label`.
  Interval value{};
  // Rules only: some ground instance applies (its conditions hold on the
  // premises). A rule that is needed only because none of its instances
  // applies (it closes a route) has false: it is not a reason in itself.
  bool applies = true;
  // Rules only: the rule derives a link from origin alone (GGE 2015 §28(f)),
  // so its conclusion is left open, counted neither way (docs/semantics.md §5).
  bool origin_only = false;
  // Burdens of proof only: the atom is established (true) or, not
  // established, taken as false.
  bool holds = false;
};

// Why GGE 2015 §28(f) counts an evidence item for nothing on a link or
// attribution literal.
struct Note {
  enum class Why {
    origin,                 // origin evidence: where an operation came from is not who is responsible
    undisclosed_statement,  // an official statement whose evidence is not disclosed (substantiation = disclosed evidence)
  };
  std::string evidence; // the item discounted
  std::string atom;     // the link/attribution atom it would have supported
  bool positive = true; // false: it bears on the denial of `atom`
  Why why = Why::origin;
};

// UNSUBSTANTIATED: the kinds of naive premise GGE 2015 §28(f) warns against
// that carried an accusation (declared in the order reports list them).
enum class NaiveInference {
  origin_rule,            // a rule that derives a link or attribution from origin alone (W28F)
  stipulated_link,        // a stipulated link or attribution fact, not substantiated by evidence
  undisclosed_statements, // official statements counted for a link though their evidence is not disclosed
  origin_evidence,        // origin evidence counted for a link
  origin_inference,       // the inference from origin or infrastructure to attribution
};

// UNKNOWN: why the claim could not be decided.
enum class Undecided {
  time_limit,           // the time limit per claim was reached
  grounding_time_limit, // the time limit was reached while grounding the case
  solver,               // the solver gave up without a time limit reached
};

struct Defeater {
  std::string evidence;
  std::string summary;
  Literal contrary; // the literal this item bears on (against the verdict)
  Interval weight;  // the item's own confidence
};

// Other routes to the same verdict (docs/semantics.md §6): minimal supports,
// each found with every body of evidence that the support and the routes
// before it use left out, so that no two rest on the same source. Stipulated
// facts, rules and presumptions may be shared.
struct AlsoSupports {
  struct Route {
    std::vector<PremiseRef> support; // as ClaimGroundingReport::support
    std::vector<Burden> burdens;     // the burdens and presumptions this route needs
  };
  std::vector<Route> routes;  // in the order found, at most JudgeOptions::other_supports
  std::size_t left_out = 0;   // routes found past that bound and not kept
  bool complete = true;       // false: the search stopped early (the bound, or time): there may be more than left_out
  bool time_ran_out = false;  // it stopped because the time for the reasons ran out
};

struct ClaimGroundingReport {
  std::map<std::string, std::string> bindings; // variable -> entity (claims with free variables)
  std::string formula;                          // the ground claim formula
  Verdict verdict = Verdict::unknown;
  std::optional<std::string> strength;          // highest standard at which ESTABLISHED
  std::vector<PremiseRef> support;              // ESTABLISHED, REFUTED
  AlsoSupports also_supports;                   // ESTABLISHED, REFUTED: other routes, on other evidence
  std::vector<PremiseRef> conflict;             // INCONSISTENT
  std::vector<Literal> counter_model;           // a model where the claim is false
  std::vector<Literal> witness_model;           // NOT_ESTABLISHED: a model where it is true
  std::vector<std::vector<Literal>> would_establish;
  std::vector<std::string> critical_evidence;
  std::vector<Defeater> defeaters;
  std::vector<Note> notes;                      // §28(f) discounts
  std::vector<NaiveInference> naive_reliance;   // UNSUBSTANTIATED: which naive premises carried it
  std::vector<Burden> burdens;                  // burdens and presumptions the support needs
  // Not established here but at the higher standard `strength`: the burdens
  // and presumptions that make it so there (a higher standard proves less
  // evidence, so only a burden or a presumption can make a claim easier).
  std::vector<Burden> strength_burdens;
  std::vector<NoRuleInForce> no_rule_in_force;  // REFUTED, NOT_ESTABLISHED: conclusions the doctrine leaves to no rule
  std::optional<Undecided> unknown_reason;      // UNKNOWN: why
  bool reasons_cut = false;                     // the reasons' own time limit ran out: some may be missing
  std::chrono::milliseconds time_limit{0};      // the time limit per claim (and again for its reasons) it was judged under
  double solve_ms = 0;
};

struct ClaimReport {
  std::string id;
  std::string text;
  std::string formula;
  ClaimMode mode = ClaimMode::assessment;
  std::string standard;
  std::map<std::string, std::string> doctrine; // the selections this claim was judged under
  std::vector<std::string> families;           // doctrine families whose rules its cone holds
  // What the run changed in the record for this claim (the claim's own and the
  // command line's): items, facts and rules left out; atoms assumed proven;
  // the date the evidence is read at. A what-if report must say so.
  std::vector<std::string> left_out; // sorted ids
  std::vector<std::string> assumed;  // atoms, as the case file writes them
  std::optional<ast::Date> as_of;
  std::optional<Verdict> expected;
  std::vector<ClaimGroundingReport> groundings; // one for a ground claim
  Verdict verdict = Verdict::unknown;           // the verdict if all groundings agree, else the weakest
  bool as_expected = true;
  SourceSpan span;
  // Judged with every entity apart because the shortcut for unnamed
  // entities gave another verdict, this one (JudgeOptions::check_apart_up_to).
  std::optional<Verdict> shortcut_verdict{};
};

struct Report {
  std::optional<std::string> case_id;
  std::string case_title;
  std::vector<std::string> case_cites;
  std::vector<ClaimReport> claims; // in source order
  // The author's words for what reports name: entity id -> label, predicate -> description.
  std::map<std::string, std::string> entity_labels;
  std::map<std::string, std::string> predicate_labels;
  std::size_t ground_atoms = 0;
  double ground_ms = 0; // grounding and evidence indexing
  double solve_ms = 0;  // judging every claim (wall clock, all jobs)
};

// A report with no claims yet: the case and the author's labels for entities
// and predicates, as judge() starts every report.
Report report_header(const Program& program);

// The doctrine selections a claim is judged under with these options: the
// file's `use`, then the options', then the claim's own `under`, then the
// options' again when they override the claims' (`compare`).
std::map<std::string, std::string> claim_doctrines(const Program& program, const ClaimItem& claim,
                                                   const JudgeOptions& options);

// What these options change in the record for a claim (its left_out,
// assumed and as_of), as judge() fills them: for a report reused under
// other options (`serve`).
void record_changes(const ClaimItem& claim, const JudgeOptions& options, ClaimReport& report);

// Errors that only grounding can find (E009 cycles, E013 too many ground atoms)
// are added to `diags`; the report is then empty.
Report judge(const Program& program, const JudgeOptions& options, Diagnostics& diags);

// Grounds the program only, for `lint`: E009 (an atom that depends on itself)
// and E013 (too many ground atoms or rule instances) go to `diags`. Grounds
// what judge() grounds under the default options: the rules the doctrines
// selected by the case and its claims can put in force, with no time limit.
void check_grounding(const Program& program, Diagnostics& diags);

// `not p(a)`; to_string of atoms and formulas and atom_text are in imputa/ast.hpp.
std::string to_string(const Literal& literal);

} // namespace imputa

namespace imputa {

// What `imputa graph` draws: evidence -> atoms -> rules -> claim, as plain data.
struct GraphNode {
  enum class Kind { evidence, atom, rule, claim };
  // Atoms: what the premises say of it at the claim's standard and doctrines.
  enum class Status {
    open,        // neither proven nor taken as false
    established, // proven true
    refuted,     // proven false
    presumed,    // not proven, so taken as false: a closed-world presumption or a burden of proof
  };
  Kind kind = Kind::atom;
  std::string id;     // unique within the graph
  std::string label;  // evidence summary, atom text, rule label, claim text
  std::string detail; // evidence kind; rule id; claim id
  Status status = Status::open;
  bool discounted = false;              // evidence: an origin item set at zero by §28(f) on some atom
  std::optional<Verdict> verdict{};     // claims: the judge's verdict
  std::optional<bool> would_establish{}; // atoms, NOT ESTABLISHED: proving it true (false) would establish the claim
};

struct GraphEdge {
  enum class Kind { supports, contradicts, discounted, condition, negated_condition, concludes, claim };
  std::string from, to;
  Kind kind = Kind::condition;
};

struct Graph {
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

// What a graph shows. `support`: only what carries or blocks the verdict (the
// premises of its support or conflict and the rule instances and atoms that
// connect them to the claim; for a claim with neither, the atoms that would
// establish it and the way to them). `full`: every rule instance in force that
// touches a premise.
enum class GraphView { support, full };

// The graph of one claim (or of every claim when `claim` is empty), each on
// its own standard and doctrines, with the judge's verdicts. Grounding errors
// go to `diags`.
Graph claim_graph(const Program& program, const JudgeOptions& options, const std::optional<std::string>& claim,
                  GraphView view, Diagnostics& diags);

} // namespace imputa
