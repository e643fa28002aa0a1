// What the files of solver/judge/ share (not a public header): the setting a
// claim is judged under, the case-wide indexes, the cones, and ClaimJudge.
#pragma once

#include "imputa/ground_case.hpp"
#include "imputa/judge.hpp"

#include "ground/ground.hpp"
#include "smt/smt.hpp"
#include "weigh/weigh.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

// `judging`, not `judge`: imputa::judge is the public function.
namespace imputa::judging {

using ground::AtomId;
using smt::Answer;
using smt::Lit;
using smt::Selector;

// --- setting.cpp -------------------------------------------------------------

// Standards from weakest to strongest (at equal thresholds, contrary_below ranks higher).
std::vector<StandardInfo> ranked_standards(const Program& p);

// The session options JudgeOptions sets (smt::SessionOptions).
inline smt::SessionOptions session_options(const JudgeOptions& o) {
  return {o.reuse_models_from, o.reuse_cores_from, o.products_from};
}

// Everything one claim grounding is judged under.
struct Setting {
  StandardInfo standard;
  std::map<std::string, std::string> doctrine;
  std::set<std::string> drops;
  std::vector<AtomId> assumes;
  std::optional<ast::Date> as_of;
  ClaimMode mode = ClaimMode::assessment;
};

// The doctrines a claim is judged under: the case's, the options', the claim's own.
std::map<std::string, std::string> doctrine_for(const Program& p, const ClaimItem& claim, const JudgeOptions& o);
// What a claim leaves out: the options' drops and its own.
std::set<std::string> drops_for(const ClaimItem& claim, const JudgeOptions& o);
// What a claim assumes proven: its own assumptions, then the options'.
std::vector<ast::Atom> assumed_for(const ClaimItem& claim, const JudgeOptions& o);
// The date a claim reads the record at: its own, else the options'.
std::optional<ast::Date> as_of_for(const ClaimItem& claim, const JudgeOptions& o);
Setting setting_for(const Program& p, const ground::GroundProgram& g, const ClaimItem& claim, const JudgeOptions& o);
// The rule is in force under these doctrines and not dropped.
bool rule_in_force(const RuleItem& rule, const std::map<std::string, std::string>& doctrine,
                   const std::set<std::string>& drops);

// --- cones.cpp ---------------------------------------------------------------

// Atoms with a premise on them or on one above them (any setting's premises).
std::vector<bool> constrained_atoms(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence);
// cones.cpp: by atom, whether it is an open link nothing mentions (docs/decisions.md,
// "Possibilities"): an open base atom no premise, claim or assumption names,
// occurring only as a positive condition of rule instances.
std::vector<char> loose_atoms(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence);

// The atoms a claim's cone (§4) can reach under any setting: what is encoded
// for it (see cones.cpp for what connects atoms and why).
class Cones {
public:
  Cones(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence);
  Cones(const ground::GroundProgram& g, std::vector<bool> constrained);
  // The sorted atoms of the cone of a claim mentioning `atoms`.
  std::vector<AtomId> cone(const std::vector<AtomId>& atoms) const;

private:
  const ground::GroundProgram& g_;
  std::vector<std::vector<AtomId>> parents_;
  std::vector<std::vector<std::size_t>> facts_of_;
  std::vector<bool> constrained_;
};

// FNV-1a, a 64-bit word at a time: the hash of the judge's keys (a premise
// set's words, a sorted set of assumptions). Start from fnv_basis.
inline constexpr std::uint64_t fnv_basis = 14695981039346656037ull;
inline std::uint64_t fnv_step(std::uint64_t h, std::uint64_t word) { return (h ^ word) * 1099511628211ull; }

// Whether closed derived atoms are established, by premise set, shared by
// the claims of a case: the answer depends on the premise set alone, not on
// the claim that asks (ClaimJudge::established()). Safe across threads.
class BurdenAnswers {
public:
  using Key = std::vector<std::uint64_t>;
  std::optional<bool> find(const Key& key) const;
  void remember(Key key, bool value);

private:
  struct Hash {
    std::size_t operator()(const Key& key) const;
  };
  mutable std::mutex mutex_;
  std::unordered_map<Key, bool, Hash> answers_;
};

// What every claim of a case is judged on, with its premises indexed by atom
// (built once, so that a claim looks only at its own cone).
struct CaseIndex {
  const Program& program;
  const ground::GroundProgram& g;
  const weigh::EvidenceIndex& evidence;
  const JudgeOptions& options;
  std::vector<StandardInfo> standards; // ranked_standards()
  std::vector<std::vector<std::size_t>> literals_of; // indexes into evidence.literals()
  std::vector<std::vector<std::size_t>> facts_of;    // fact premises, by their first atom
  std::vector<std::vector<std::size_t>> numeric_of;  // numeric premises
  std::vector<bool> constrained;                     // constrained_atoms()
  std::vector<char> loose;                           // loose_atoms()
  mutable BurdenAnswers burden_answers;              // filled as claims are judged

  CaseIndex(const Program& p, const ground::GroundProgram& ground, const weigh::EvidenceIndex& e, const JudgeOptions& o);

  // The premises of those kinds on the sorted atoms `cone`, in file order.
  static std::vector<std::size_t> gather(const std::vector<std::vector<std::size_t>>& by_atom,
                                         const std::vector<AtomId>& cone);
};

// families.cpp: the doctrine families a claim instance depends on, given its cone.
class DoctrineFamilies {
public:
  explicit DoctrineFamilies(const CaseIndex& c);
  std::set<std::string> of(const ground::ClaimInstance& inst, const std::vector<AtomId>& cone) const;

private:
  const CaseIndex& c_;
  std::map<std::string, std::set<std::string>> families_of_head_; // head predicate -> families of its rules
};

// judge.cpp: every selected claim judged on a case already ground (grounded
// with options.assume among its assumptions, and every rule some selected
// claim may have in force). `evidence`: the program's evidence, indexed.
Report judge_ground(const Program& program, const ground::GroundProgram& g, const JudgeOptions& options,
                    const weigh::EvidenceIndex& evidence);

// --- one claim grounding ---------------------------------------------------

using Deadline = smt::Clock::time_point;

// Which premises: the cautious or the favourable reading of the evidence
// (§4), or an accusation's naive premises, which §5 leaves out.
enum class Premises { cautious, favourable, naive };

// Premises as assumptions, with the atoms they connect.
struct PremiseSet {
  std::vector<Lit> lits;
  // By position in the cone: connected to the roots through premises in
  // force (§4); the atoms a counter-model of these premises may show (literals_of).
  std::vector<char> connected;
  bool unknown = false; // a check ran out of time: `lits` is incomplete
};

// A verdict and the premises it was decided on: the cautious ones at the claim's standard.
struct Decision {
  Verdict verdict = Verdict::unknown;
  PremiseSet premises;
};

// What connects the atoms of a cone (§4), by local index (position in the
// sorted cone): the bodies of each definition by rule, the conclusions above
// each atom, the fact and numeric premises on it, the evidence literals on it.
struct ConeIndex {
  std::vector<std::vector<std::pair<std::size_t, std::vector<std::size_t>>>> bodies; // (rule, atoms) per body
  std::vector<std::vector<std::size_t>> naive_of;
  std::multimap<std::size_t, std::size_t> naive_parents;
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> parents; // (conclusion, rule)
  // By body, as in `bodies`: whether it holds a loose atom (a possibility).
  std::vector<std::vector<char>> possibility;
  std::vector<std::vector<std::size_t>> facts_on, numeric_on, literals_on;
};

// An evidence literal on an atom of the cone.
using ConeLiterals = std::vector<std::pair<weigh::LiteralKey, AtomId>>;

// cones.cpp: the evidence literals on the atoms of `cone` in file order, and what connects the cone's atoms.
ConeLiterals cone_literals(const CaseIndex& c, const std::vector<AtomId>& cone);
// By literal: the items on its atom, either way (all that weighing it reads).
std::vector<std::vector<std::size_t>> items_on_atoms(const CaseIndex& c, const ConeLiterals& literals);
ConeIndex index_cone(const ground::GroundProgram& g, const std::vector<AtomId>& cone,
                     const std::vector<std::size_t>& facts, const std::vector<std::size_t>& numeric,
                     const ConeLiterals& literals, const std::vector<char>& loose);

// Judges one claim grounding in a Z3 session of its own. Each phase takes what
// it needs (premises, a deadline) and returns what it found; besides the
// claim's setting, cone and session, the object keeps only caches of answers
// that never change. The files named below define its members.
class ClaimJudge {
public:
  // judge.cpp. The claim's time limit starts before encoding: encoding counts too.
  ClaimJudge(const CaseIndex& c, const ground::ClaimInstance& inst, Setting setting, std::vector<AtomId> cone);
  // The verdict and, within a time budget of their own, its reasons.
  ClaimGroundingReport run();

private:
  enum class RuleUse { out, open, in }; // how a rule's instances stand in some premises
  // The atoms connected to roots (by local index) and the fact premises that connect them.
  struct Component {
    std::vector<char> in;
    std::set<std::size_t> facts;
  };
  struct Connected { // connected_by()
    Component component;
    std::vector<Lit> rules;
    std::vector<RuleUse> use;  // by rule
    std::vector<char> below;   // below_in_force() of the roots (a claim's; empty deciding a closed atom)
    std::vector<char> firm;    // the component when possibilities connect nothing (`cut`)
    bool behind_possibilities = false; // some atoms are reached only through a possibility's conditions
  };
  struct Strength {
    std::string standard;        // the highest standard at which the claim is ESTABLISHED
    std::vector<Burden> burdens; // what makes it so there, if higher than the claim's own
  };
  struct NaiveReliance {
    std::vector<NaiveInference> kinds; // which naive premises carried the accusation
    std::vector<PremiseRef> support; // what it leaned on
  };
  using Model = std::vector<std::pair<AtomId, bool>>;

  // premises.cpp: the premises of §§4-5 and the burden of proof (§1)
  bool in_cone(AtomId a) const;
  std::size_t local(AtomId a) const;
  std::vector<std::size_t> locals_in_cone(const std::vector<AtomId>& atoms) const;
  bool rule_active(const RuleItem& rule, const std::set<std::string>& drops) const;
  weigh::Config weigh_config(const StandardInfo& standard, const std::set<std::string>& drops, bool naive) const;
  bool statements_discounted() const;
  bool proven(std::size_t x, const StandardInfo& standard, const weigh::Config& config, weigh::Reading reading);
  const std::vector<std::size_t>& dropped_items(const std::set<std::string>& dropped);
  std::vector<std::array<signed char, 4>>& unaltered_proven(const StandardInfo& standard);
  bool burden_atom(AtomId a) const;
  bool opaque(std::size_t i, std::optional<AtomId> link) const;
  RuleUse rule_use(std::size_t r, Premises which, const std::set<std::string>& drops) const;
  bool fact_kept(std::size_t k, Premises which, const std::set<std::string>& drops) const;
  Component component(const std::vector<AtomId>& roots, std::optional<AtomId> link, Premises which,
                      const std::vector<RuleUse>& use, const std::set<std::string>& drops,
                      const std::vector<char>& below, bool cut = false, const std::vector<char>* barrier = nullptr) const;
  std::vector<char> below_in_force(const std::vector<AtomId>& roots, const std::vector<RuleUse>& use, bool naive) const;
  std::vector<Lit> rule_premises(const std::vector<RuleUse>& use, Premises which) const;
  const Connected& connected_by(const std::vector<AtomId>& roots, std::optional<AtomId> link, Premises which,
                                const std::set<std::string>& drops);
  std::vector<AtomId> atom_premises(const Component& c, std::optional<AtomId> link, Premises which,
                                    const StandardInfo& standard, const std::set<std::string>& drops,
                                    std::vector<Lit>& lits);
  PremiseSet premises_for(const std::vector<AtomId>& roots, std::optional<AtomId> link, Premises which,
                          const StandardInfo& standard, const std::set<std::string>& drops, Deadline deadline,
                          bool narrow = true);
  PremiseSet narrowed(const Connected& connected, std::optional<AtomId> link, Premises which,
                      const StandardInfo& standard, const std::set<std::string>& drops, PremiseSet out,
                      Deadline deadline);
  PremiseSet premises_on(const Component& c, const std::vector<Lit>& rules, std::optional<AtomId> link,
                         Premises which, const StandardInfo& standard, const std::set<std::string>& drops,
                         Deadline deadline);
  std::optional<Component> without_conflicts_behind_possibilities(std::optional<AtomId> link, Premises which,
                                                                  const StandardInfo& standard,
                                                                  const std::set<std::string>& drops,
                                                                  const Connected& whole, Deadline deadline,
                                                                  bool& unknown);
  PremiseSet premises(Premises which, const StandardInfo& standard, const std::set<std::string>& drops,
                      Deadline deadline);
  // nullopt if a check ran out of time.
  std::optional<bool> established(AtomId a, Premises which, const StandardInfo& standard, const std::set<std::string>& drops,
                          Deadline deadline);
  // `drops` less the evidence items that bear on no atom of `c`.
  std::set<std::string> drops_on(const Component& c, const std::set<std::string>& drops);
  BurdenAnswers::Key shared_key(AtomId a, const PremiseSet& own) const;
  // Whether `lits`, premises in this claim's session on `connected`'s
  // component, are consistent (with `link` denied if `deny`). Deciding a
  // burden (`link`) in a large cone, the check may be made in a session of
  // the component alone (burden_session()).
  Answer check_premises(const Connected& connected, std::optional<AtomId> link, const std::vector<Lit>& lits,
                        bool deny, Deadline deadline);
  struct BurdenSession;
  BurdenSession* burden_session(const Connected& connected, AtomId link, Deadline deadline);
  const std::vector<AtomId>& below_of(AtomId a);
  Selector atom_goal(AtomId a);

  // decide.cpp: the verdict of §4
  Answer check_with(std::vector<Lit> lits, std::optional<Lit> extra, Deadline deadline);
  // The answer kept for `asked` (sorted assumptions in this claim's
  // session), else `check(asked)`'s, kept unless UNKNOWN.
  template <class Check>
  Answer answer_of(std::vector<Lit> asked, Check check) {
    if (auto it = answers_.find(asked); it != answers_.end()) return it->second;
    const Answer a = check(asked);
    if (a != Answer::unknown) answers_.emplace(std::move(asked), a);
    return a;
  }
  void remember_unsat(std::vector<Lit> lits, Lit extra);
  Decision decide(const std::set<std::string>& drops, Deadline deadline);
  Verdict verdict_on(const std::vector<Lit>& P, const std::set<std::string>& drops, Deadline deadline);
  std::optional<bool> carries(Premises which, const StandardInfo& standard, const std::set<std::string>& drops,
                              Deadline deadline);
  Undecided unknown_reason(Deadline deadline) const;

  // minimize.cpp: minimal supports and conflicts (QuickXplain, canonical order)
  std::optional<std::vector<Lit>> minimize(std::vector<Lit> members, std::vector<Lit> fixed, Deadline deadline);
  std::string canonical(const Lit& l) const;

  // models.cpp: canonical counter-models and witnesses
  std::optional<Model> canonical_model(std::vector<Lit> lits, Deadline deadline);
  std::optional<Model> canonical_model_of(std::vector<Lit> lits, Deadline deadline);
  std::map<AtomId, bool> stated_values(const std::vector<Lit>& lits) const;
  const std::vector<AtomId>& dependency_atoms();
  std::vector<Literal> literals_of(const Model& model, const std::vector<char>& scope) const;

  // reasons.cpp: the reasons of §6 a verdict calls for
  void explain(ClaimGroundingReport& r, const PremiseSet& P, Deadline deadline);
  // `drops`: what the premises P leave out (the claim's own, or more: other routes).
  std::vector<PremiseRef> support(const std::vector<Lit>& P, Verdict v, const std::set<std::string>& drops,
                                  Deadline deadline);
  std::vector<PremiseRef> burden_support(AtomId a, const std::set<std::string>& drops, Deadline deadline);
  void mark_rules_that_apply(std::vector<PremiseRef>& support, const std::vector<Lit>& P, Deadline deadline);
  std::vector<NoRuleInForce> no_rule_in_force() const;
  std::optional<Strength> strength(Verdict v, Deadline deadline);
  std::vector<std::size_t> cone_items() const;
  std::array<weigh::Config, 4> reading_configs(const std::set<std::string>& drops) const;
  std::array<bool, 4> proven_on_readings(std::size_t x, const std::array<weigh::Config, 4>& configs);
  std::vector<std::string> critical_evidence(Verdict v, Deadline deadline);

  // alternatives.cpp: other routes to the verdict, on other bodies of evidence
  AlsoSupports also_supports(Verdict v, const std::vector<PremiseRef>& support, Deadline deadline);
  bool leave_out_bodies(const std::vector<PremiseRef>& support, std::set<std::size_t>& bodies,
                        std::set<std::string>& drops) const;

  // would_establish.cpp
  std::vector<AtomId> open_candidates();
  std::set<std::pair<AtomId, bool>> singles_to_test(const std::vector<Lit>& against,
                                                    const std::vector<AtomId>& candidates, Deadline deadline);
  Lit blocking(const std::vector<std::pair<AtomId, bool>>& set);
  bool establishes(const std::vector<Lit>& P, AtomId a, bool positive, Deadline deadline);
  std::optional<Model> next_establishing_set(const std::vector<Lit>& P, const std::vector<AtomId>& candidates,
                                             const std::vector<Lit>& blocks, Deadline deadline);
  std::vector<std::vector<Literal>> would_establish(const std::vector<Lit>& P, Deadline deadline);

  // defeaters.cpp: defeaters, §28(f) notes, naive reliance
  std::vector<Defeater> defeaters(const std::vector<Lit>& P, const std::vector<std::vector<Literal>>& would) const;
  std::vector<Note> discount_notes() const;
  std::vector<NaiveInference> naive_kinds(const Lit& l) const;
  std::optional<NaiveReliance> naive_reliance(const std::vector<Lit>& P, Deadline deadline);

  // describe.cpp: premises in the words of the case file
  std::vector<PremiseRef> describe(const std::vector<Lit>& lits, const StandardInfo& standard, bool naive) const {
    return describe(lits, standard, naive, setting_.drops);
  }
  // The same, the evidence weighed without `drops` (an other route's).
  std::vector<PremiseRef> describe(const std::vector<Lit>& lits, const StandardInfo& standard, bool naive,
                                   const std::set<std::string>& drops) const;
  std::vector<PremiseRef> describe_proof(const smt::SelectorInfo& info, const weigh::Config& config) const;
  std::optional<PremiseRef> describe_premise(const smt::SelectorInfo& info) const;
  std::vector<Burden> burdens_of(const std::vector<PremiseRef>& support) const;
  const EvidenceItem* item_by_id(const std::string& id) const;

  const CaseIndex& s_; // the case: program, ground program, evidence, options
  const ground::ClaimInstance& inst_;
  const Setting setting_;
  const std::vector<AtomId> cone_;
  const std::vector<std::size_t> cone_facts_, cone_numeric_; // fact premises encoded for the cone
  const smt::Clock::time_point start_;
  smt::Session session_;
  const Selector goal_;
  const std::vector<AtomId> claim_atoms_;
  const ConeLiterals cone_literals_; // evidence literals on cone atoms, in file order
  const ConeIndex index_;
  const std::vector<std::vector<std::size_t>> items_on_atom_; // items_on_atoms(cone_literals_)
  const std::unordered_map<std::string, std::size_t> item_of_id_; // the cone's evidence items by id
  // Caches: the same question in this claim's session always gets the same answer.
  std::map<std::tuple<AtomId, int, std::string, std::set<std::string>>, bool> burden_cache_;
  // By cone literal, reading, standard, naive weight, and the items on its atom left out.
  std::map<std::tuple<std::size_t, int, std::string, bool, std::vector<std::size_t>>, bool> proven_cache_;
  // The same with none of the literal's items left out: by standard, then by literal (unaltered_proven()).
  std::deque<std::pair<std::string, std::vector<std::array<signed char, 4>>>> unaltered_; // stable references
  // By roots, link (+1; 0: none), premises and the drops that are not evidence items of the cone.
  std::map<std::tuple<std::vector<AtomId>, std::uint64_t, int, std::set<std::string>>, Connected> connected_;
  // The last set of dropped ids asked about, and the cone's items among them (dropped_items()).
  struct {
    std::set<std::string> ids;
    std::vector<std::size_t> items;
  } dropped_;
  // By component (its entry in connected_): whether burden checks on it are
  // made in a session of its own, and that session with its burden's goal if
  // it is kept (burden_session()); the components whose sessions are kept, oldest first.
  struct BurdenSession {
    bool eligible = false;
    std::optional<smt::Session> session;
    Selector goal = 0;
  };
  std::map<const Connected*, BurdenSession> burden_sessions_;
  std::deque<const Connected*> live_burden_sessions_;
  std::map<AtomId, Selector> atom_goals_;
  std::map<AtomId, std::vector<AtomId>> below_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> atoms_of_item_; // cone item -> the cone atoms it bears on
  std::vector<AtomId> dependencies_;
  struct LitsHash { // of a sorted set of assumptions (check_with())
    std::size_t operator()(const std::vector<Lit>& lits) const {
      std::uint64_t h = fnv_basis; // over (selector, sign)
      for (const Lit& l : lits) h = fnv_step(h, std::uint64_t{l.selector} * 2 + (l.positive ? 1 : 0));
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_map<std::vector<Lit>, Answer, LitsHash> answers_;
  std::map<std::vector<Lit>, Model> models_; // canonical_model(), by its question
};

} // namespace imputa::judging

namespace imputa {

// The case ground once for many what-ifs (imputa/ground_case.hpp), as
// judge() grounds it, with its evidence indexed once (the index depends on
// the program alone): judge.cpp makes it and judges it by the same
// pipeline, and graph.cpp draws from it the program the verdicts were
// found on.
struct GroundCase {
  const Program& program;
  ground::GroundProgram g;
  weigh::EvidenceIndex evidence;
  // The same case with every entity apart, where it is small enough to check
  // the shortcuts' verdicts against (JudgeOptions::check_apart_up_to).
  std::optional<ground::GroundProgram> apart{};
};

namespace judging {
// The case ground for `options` as judge() grounds it, timed out or not
// (ground_case() gives no case that timed out).
GroundCase ground_and_index(const Program& program, const JudgeOptions& options, Diagnostics& diags);
} // namespace judging

} // namespace imputa
