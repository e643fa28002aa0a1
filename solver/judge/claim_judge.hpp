// What the files of solver/judge/ share (not a public header): the setting a
// claim is judged under, the case-wide indexes, the cones, and ClaimJudge.
#pragma once

#include "imputa/judge.hpp"

#include "ground/ground.hpp"
#include "smt/smt.hpp"
#include "weigh/weigh.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
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
Setting setting_for(const Program& p, const ground::GroundProgram& g, const ClaimItem& claim, const JudgeOptions& o);
// The rule is in force under these doctrines and not dropped.
bool rule_in_force(const RuleItem& rule, const std::map<std::string, std::string>& doctrine,
                   const std::set<std::string>& drops);

// --- cones.cpp ---------------------------------------------------------------

// The atoms a claim's cone (§4) can reach under any setting: what is encoded
// for it (see cones.cpp for what connects atoms and why).
class Cones {
public:
  Cones(const ground::GroundProgram& g, const weigh::EvidenceIndex& evidence);
  // The sorted atoms of the cone of a claim mentioning `atoms`.
  std::vector<AtomId> cone(const std::vector<AtomId>& atoms) const;

private:
  const ground::GroundProgram& g_;
  std::vector<std::vector<AtomId>> parents_;
  std::vector<std::vector<std::size_t>> facts_of_;
  std::vector<bool> constrained_;
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

  CaseIndex(const Program& p, const ground::GroundProgram& ground, const weigh::EvidenceIndex& e, const JudgeOptions& o);

  // The premises of those kinds on the sorted atoms `cone`, in file order.
  static std::vector<std::size_t> gather(const std::vector<std::vector<std::size_t>>& by_atom,
                                         const std::vector<AtomId>& cone);
};

} // namespace imputa::judging
