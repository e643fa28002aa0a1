// Every reason of docs/semantics.md §6, with minimality checked by the solver
// itself: drop any member of a support and the verdict is lost; assume a
// would-establish set and the claim is established, assume less and it is not.
#include "solver_helpers.hpp"

#include <set>

namespace imputa::testing {
namespace {

// Every fact carries a label so that a support can be taken apart by `drop`.
const std::string reasons_case = std::string("case reasons \"reasons\"\n") + standards_block() + R"(
use corroboration max.
state rus "Russian Federation".
state blr "Belarus".
actor gru "GRU".
actor fsb "FSB".
actor crim "A criminal group".
operation op "The operation".
operation op2 "A second operation".
source s1 "First source".
source s2 "Second source".
source s3 "Third source".
predicate performed_by(operation, actor) link "The operation was conducted by the actor".
predicate organ_of(actor, state) "The actor is an organ of the state".
predicate instructed(state, actor, operation) link "The state instructed the actor".
predicate originates_in(operation, state) origin "Launched from the state's territory".
predicate attributable(operation, state) attribution "The operation is an act of the state".
rule r_organ "Conduct of an organ" cite "ARSIWA art 4": attributable(O, S) if performed_by(O, A), organ_of(A, S).
rule r_instr "Conduct on instructions" cite "ARSIWA art 8": attributable(O, S) if performed_by(O, A), instructed(S, A, O).
fact f_gru: organ_of(gru, rus).
fact f_fsb: organ_of(fsb, rus).
fact f_who: performed_by(op2, gru) or performed_by(op2, crim).
evidence e_strong forensic "Code reuse, a strong match" { supports performed_by(op, gru) confidence 0.8 source s1 }
evidence e_wide intelligence "A report, 0.6 to 0.8" { supports performed_by(op, gru) confidence 0.6..0.8 source s2 }
evidence e_fsb1 forensic "FSB tooling, first lab" { supports performed_by(op, fsb) confidence 0.9 source s1 }
evidence e_fsb2 forensic "FSB tooling, second lab" { supports performed_by(op, fsb) confidence 0.9 source s3 }
evidence e_doubt testimony "A defector doubts the GRU's role" { contradicts performed_by(op, gru) confidence 0.4 source s3 }
evidence e_srv origin "Command servers in Belarus" { supports originates_in(op, blr) confidence 0.9 }
evidence e_ip origin "IP addresses registered to the GRU" { supports performed_by(op2, gru) confidence 0.9 }
claim gru_did "the GRU did it" { holds performed_by(op, gru) }
claim att_rus "attributable to Russia" { holds attributable(op, rus) }
claim fsb_did "the FSB did it" { holds performed_by(op, fsb) }
claim not_blr "not attributable to Belarus" { holds not attributable(op, blr) or performed_by(op, gru) }
claim gru_op2 "the GRU did the second" { holds performed_by(op2, gru) }
claim att_op2 "the second is Russia's" { holds attributable(op2, rus) }
claim arguable "without the strong match" { holds performed_by(op, gru) drop e_strong }
)";

// The ids a `drop` can remove: evidence, rules and labelled facts of the support.
std::vector<std::string> droppable(const std::vector<PremiseRef>& support) {
  std::vector<std::string> out;
  for (const auto& p : support)
    if (p.kind == PremiseRef::Kind::evidence || p.kind == PremiseRef::Kind::rule ||
        ((p.kind == PremiseRef::Kind::fact || p.kind == PremiseRef::Kind::numeric_fact) && !p.id.empty()))
      out.push_back(p.id);
  return out;
}

// Every id of an evidence item, rule or labelled fact of the program.
std::vector<std::string> all_droppable(const Program& p) {
  std::vector<std::string> out;
  for (const auto& e : p.evidence) out.push_back(e.id);
  for (const auto& r : p.rules) out.push_back(r.id);
  for (const auto& f : p.facts)
    if (f.label) out.push_back(*f.label);
  return out;
}

// §6 Support: it entails the verdict (every other item and fact dropped, the
// verdict stays) and is minimal (drop, besides, any one member and the verdict
// is lost). Dropping a member alone need not lose it: another derivation may
// stand in. Rules stay: a dropped rule is absent, which makes its heads false
// (completion), so dropping rules is not removing premises.
void expect_minimal_support(const std::string& text, const Judged& j, const std::string& claim) {
  SCOPED_TRACE("claim " + claim);
  const std::string verdict = j.verdict(claim);
  ASSERT_TRUE(verdict == "established" || verdict == "refuted") << verdict;
  const auto& support = j.grounding(claim).support;
  ASSERT_FALSE(support.empty());
  auto members = droppable(support);
  std::vector<std::string> others;
  for (const auto& id : all_droppable(j.program)) {
    bool is_rule = std::any_of(j.program.rules.begin(), j.program.rules.end(), [&](const RuleItem& r) { return r.id == id; });
    if (!is_rule && std::find(members.begin(), members.end(), id) == members.end()) others.push_back(id);
  }
  EXPECT_EQ(verdict_with(text, claim, others), verdict) << "the support alone does not carry the verdict";
  for (const auto& p : support) {
    if (p.kind != PremiseRef::Kind::evidence && p.kind != PremiseRef::Kind::fact) continue;
    if (p.id.rfind("fact at line", 0) == 0) continue;
    auto drops = others;
    drops.push_back(p.id);
    EXPECT_NE(verdict_with(text, claim, drops), verdict) << "support member " << p.id << " is redundant";
  }
}

TEST(Reasons, SupportIsMinimalAndSufficient) {
  auto j = judge_text(reasons_case);
  ASSERT_TRUE(j.ok) << j.errors();
  ASSERT_EQ(j.verdict("gru_did"), "established");
  ASSERT_EQ(j.verdict("att_rus"), "established");
  ASSERT_EQ(j.verdict("fsb_did"), "established");
  ASSERT_EQ(j.verdict("not_blr"), "established");
  for (const char* c : {"gru_did", "att_rus", "fsb_did", "not_blr"}) expect_minimal_support(reasons_case, j, c);
  // The strongest item carries at 0.75, not the wide one whose upper end only reaches it.
  EXPECT_EQ(ids(j.grounding("gru_did").support), (std::vector<std::string>{"e_strong"}));
  // Two independent labs: either one suffices, so the support names one.
  EXPECT_EQ(j.grounding("fsb_did").support.size(), 1u);
}

TEST(Reasons, SupportOfARefutedClaimIsMinimal) {
  const std::string text = reasons_case + R"(claim refuted "the GRU did not" { holds not performed_by(op, gru) })";
  auto j = judge_text(text);
  ASSERT_TRUE(j.ok) << j.errors();
  ASSERT_EQ(j.verdict("refuted"), "refuted");
  expect_minimal_support(text, j, "refuted");
}

TEST(Reasons, EachPremiseKindCanBeASupport) {
  auto j = judge_text(reasons_case);
  ASSERT_TRUE(j.ok) << j.errors();
  const auto& s = j.grounding("att_rus").support;
  std::set<PremiseRef::Kind> kinds;
  for (const auto& p : s) kinds.insert(p.kind);
  EXPECT_TRUE(kinds.count(PremiseRef::Kind::fact));
  EXPECT_TRUE(kinds.count(PremiseRef::Kind::evidence));
  EXPECT_TRUE(kinds.count(PremiseRef::Kind::rule));
  // A rule in a reason carries its label and cite, so a lawyer can check it.
  auto rule = std::find_if(s.begin(), s.end(), [](const PremiseRef& p) { return p.kind == PremiseRef::Kind::rule; });
  ASSERT_NE(rule, s.end());
  EXPECT_EQ(rule->label, "Conduct of an organ");
  EXPECT_EQ(rule->cites, (std::vector<std::string>{"ARSIWA art 4"}));
}

// `fact a and b.` stipulates two facts on one line, under no label: a support
// that needs both names both (they were once merged into one, by their line).
TEST(Reasons, EachFactOfOneStatementIsAPremiseOfItsOwn) {
  auto j = judge_text(std::string("case one_line \"one line\"\n") + standards_block() + R"(
state rus "Russian Federation".
actor gru "GRU".
operation op "The operation".
predicate performed_by(operation, actor) link "The operation was conducted by the actor".
predicate organ_of(actor, state) "The actor is an organ of the state".
predicate attributable(operation, state) attribution "The operation is an act of the state".
rule r_organ "Conduct of an organ" cite "ARSIWA art 4": attributable(O, S) if performed_by(O, A), organ_of(A, S).
fact organ_of(gru, rus) and performed_by(op, gru).
claim c "attributable" { holds attributable(op, rus) as assessment }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  ASSERT_EQ(j.verdict("c"), "established");
  std::vector<std::string> facts;
  std::set<std::uint32_t> lines;
  for (const auto& p : j.grounding("c").support)
    if (p.kind == PremiseRef::Kind::fact) {
      EXPECT_TRUE(p.id.empty()) << p.id; // unlabelled: named by its line
      facts.push_back(p.label);
      lines.insert(p.span.line);
    }
  EXPECT_EQ(facts, (std::vector<std::string>{"organ_of(gru, rus)", "performed_by(op, gru)"}));
  EXPECT_EQ(lines.size(), 1u);
}

TEST(Reasons, WouldEstablishSetsAreMinimalAndSufficient) {
  auto j = judge_text(reasons_case);
  ASSERT_TRUE(j.ok) << j.errors();
  for (const char* claim : {"gru_op2", "att_op2", "arguable"}) {
    SCOPED_TRACE(claim);
    ASSERT_NE(j.verdict(claim), "established");
    const auto& sets = j.grounding(claim).would_establish;
    ASSERT_FALSE(sets.empty());
    EXPECT_LE(sets.size(), 5u);
    for (std::size_t k = 1; k < sets.size(); ++k) EXPECT_LE(sets[k - 1].size(), sets[k].size()) << "smallest first";
    std::size_t tested = 0;
    for (const auto& set : sets) {
      if (!std::all_of(set.begin(), set.end(), [](const Literal& l) { return l.positive; })) continue;
      ++tested;
      std::vector<ast::Atom> atoms;
      for (const auto& l : set) atoms.push_back(atom_of(l.atom));
      EXPECT_EQ(verdict_with(reasons_case, claim, {}, atoms), "established") << "the whole set";
      // Every proper subset falls short (sets are small: try them all).
      for (unsigned mask = 0; mask + 1 < (1u << atoms.size()); ++mask) {
        std::vector<ast::Atom> subset;
        for (std::size_t i = 0; i < atoms.size(); ++i)
          if (mask & (1u << i)) subset.push_back(atoms[i]);
        EXPECT_NE(verdict_with(reasons_case, claim, {}, subset), "established") << "subset mask " << mask;
      }
    }
    EXPECT_GT(tested, 0u);
  }
  // One proven point would do for op2 (that the GRU did it, or that the group is an organ, ...).
  EXPECT_EQ(j.grounding("att_op2").would_establish.front().size(), 1u);
}

// Single literals come first and none is missed, however the literals
// conflict with one another: x and y each establish the claim but cannot
// hold together (a group holding both conflicts as a whole, and neither
// can hold with the claim's denial), z and w only together, v not at all;
// a and b cannot hold together either, but each can hold with the claim's
// denial (a core naming them must not make them single literals). The
// sets are those whatever the unsat cores and models Z3 gives along the way.
TEST(Reasons, WouldEstablishFindsEverySingleLiteralFirst) {
  const std::string text = std::string("case singles \"singles\"\n") + standards_block() + R"(
operation op "The operation".
predicate x(operation) "x".
predicate y(operation) "y".
predicate z(operation) "z".
predicate w(operation) "w".
predicate v(operation) "v".
predicate a(operation) "a".
predicate b(operation) "b".
fact not (x(op) and y(op)).
fact not (a(op) and b(op)).
claim c "c" { holds x(op) or y(op) or (z(op) and w(op)) or (v(op) and not v(op)) or (a(op) and b(op) and v(op)) }
)";
  auto j = judge_text(text);
  ASSERT_TRUE(j.ok) << j.errors();
  ASSERT_EQ(j.verdict("c"), "not_established");
  std::vector<std::vector<std::string>> sets;
  for (const auto& set : j.grounding("c").would_establish) {
    std::vector<std::string> names;
    for (const auto& l : set) names.push_back((l.positive ? "" : "not ") + l.atom);
    sets.push_back(names);
  }
  EXPECT_EQ(sets, (std::vector<std::vector<std::string>>{{"x(op)"}, {"y(op)"}, {"w(op)", "z(op)"}}));
  // Each single literal, assumed, establishes the claim.
  for (const char* atom : {"x(op)", "y(op)"})
    EXPECT_EQ(verdict_with(text, "c", {}, {atom_of(atom)}), "established") << atom;
}

TEST(Reasons, CounterModelNamesTheAlternative) {
  auto j = judge_text(reasons_case);
  ASSERT_TRUE(j.ok) << j.errors();
  ASSERT_EQ(j.verdict("att_op2"), "not_established");
  // One of the two did it: if not the GRU (an organ), then the criminal group.
  const auto& g = j.grounding("att_op2");
  EXPECT_TRUE(has_literal(g.counter_model, "performed_by(op2, crim)", true));
  EXPECT_TRUE(has_literal(g.counter_model, "performed_by(op2, gru)", false));
  // NOT_ESTABLISHED also shows a model in which the claim is true.
  EXPECT_FALSE(g.witness_model.empty());
  EXPECT_TRUE(has_literal(j.grounding("gru_op2").counter_model, "performed_by(op2, gru)", false));
  // ARGUABLE: a counter-model, no witness.
  const auto& a = j.grounding("arguable");
  EXPECT_EQ(j.verdict("arguable"), "arguable");
  EXPECT_TRUE(has_literal(a.counter_model, "performed_by(op, gru)", false));
  EXPECT_TRUE(a.witness_model.empty());
}

TEST(Reasons, StrengthIsTheHighestStandardAtWhichEstablished) {
  auto j = judge_text(reasons_case + R"(
actor a96 "A96".
actor a60 "A60".
evidence e96 forensic "0.96" { supports performed_by(op, a96) confidence 0.96 }
evidence e60 forensic "0.6" { supports performed_by(op, a60) confidence 0.6 }
evidence e_none forensic "0.2" { supports performed_by(op, crim) confidence 0.2 }
claim s96 "0.96 at the default" { holds performed_by(op, a96) }
claim s60 "0.6 at the default" { holds performed_by(op, a60) }
claim s20 "0.2" { holds performed_by(op, crim) }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.grounding("s96").strength, "fully_conclusive"); // no contrary evidence at all
  EXPECT_EQ(j.verdict("s60"), "not_established");
  EXPECT_EQ(j.grounding("s60").strength, "preponderance"); // established at a lower standard than its own
  EXPECT_EQ(j.grounding("s20").strength, std::nullopt);
  EXPECT_EQ(j.grounding("gru_did").strength, "clear_and_convincing");
}

TEST(Reasons, CriticalEvidenceIsWhatAloneChangesTheVerdict) {
  auto j = judge_text(reasons_case);
  ASSERT_TRUE(j.ok) << j.errors();
  EXPECT_EQ(j.grounding("gru_did").critical_evidence, (std::vector<std::string>{"e_strong"}));
  EXPECT_TRUE(j.grounding("fsb_did").critical_evidence.empty()); // two independent labs
  // Each critical item, dropped, changes the verdict; no other item does.
  for (const char* claim : {"gru_did", "att_rus", "fsb_did"}) {
    const auto& critical = j.grounding(claim).critical_evidence;
    for (const auto& e : j.program.evidence) {
      bool is_critical = std::find(critical.begin(), critical.end(), e.id) != critical.end();
      EXPECT_EQ(verdict_with(reasons_case, claim, {e.id}) != j.verdict(claim), is_critical) << claim << " " << e.id;
    }
  }
}

TEST(Reasons, DefeatersAreContraryItemsOnProvenLiterals) {
  auto j = judge_text(reasons_case);
  ASSERT_TRUE(j.ok) << j.errors();
  const auto& d = j.grounding("gru_did").defeaters;
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].evidence, "e_doubt");
  EXPECT_EQ(d[0].contrary, (Literal{"performed_by(op, gru)", false}));
  EXPECT_EQ(d[0].weight, (Interval{Rational(4, 10), Rational(4, 10)}));
}

TEST(Reasons, NotesReportEveryOriginItemDiscountedOnALinkAtom) {
  auto j = judge_text(reasons_case);
  ASSERT_TRUE(j.ok) << j.errors();
  const auto& n = j.grounding("gru_op2").notes;
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].evidence, "e_ip");
  EXPECT_EQ(n[0].atom, "performed_by(op2, gru)");
  EXPECT_TRUE(n[0].positive);
  EXPECT_EQ(n[0].why, Note::Why::origin);
  // Origin evidence on an origin atom is not discounted.
  for (const auto& c : j.report.claims)
    for (const auto& g : c.groundings)
      for (const auto& note : g.notes) EXPECT_NE(note.evidence, "e_srv") << c.id;
}

TEST(Reasons, ConflictIsMinimalAndNamesBothSides) {
  const std::string text = reasons_case + R"(
evidence e_ci judicial "A court: the GRU is no organ" { contradicts organ_of(gru, rus) confidence 0.95 }
claim broken "attributable" { holds attributable(op, rus) drop f_fsb }
)";
  auto j = judge_text(text);
  ASSERT_TRUE(j.ok) << j.errors();
  ASSERT_EQ(j.verdict("broken"), "inconsistent");
  auto conflict = ids(j.grounding("broken").conflict);
  EXPECT_EQ(conflict, (std::vector<std::string>{"f_gru", "e_ci"}));
  // Minimal: drop either side and the claim is consistent again.
  for (const auto& id : conflict) EXPECT_NE(verdict_with(text, "broken", {id}), "inconsistent") << id;
}

TEST(Reasons, UnsubstantiatedSupportNamesWhatTheAccusationLeanedOn) {
  auto j = judge_text(reasons_case + R"(
claim acc "the second is Russia's, as an accusation" { holds attributable(op2, rus) as accusation }
)");
  ASSERT_TRUE(j.ok) << j.errors();
  ASSERT_EQ(j.verdict("acc"), "unsubstantiated");
  const auto& g = j.grounding("acc");
  auto support = ids(g.support);
  EXPECT_NE(std::find(support.begin(), support.end(), "e_ip"), support.end());
  ASSERT_EQ(g.naive_reliance.size(), 1u);
  EXPECT_EQ(g.naive_reliance[0], NaiveInference::origin_evidence);
  EXPECT_FALSE(g.counter_model.empty());
}

} // namespace
} // namespace imputa::testing
