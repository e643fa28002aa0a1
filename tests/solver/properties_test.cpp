// Properties over generated small cases (fixed seeds): more support never
// un-establishes a claim, assuming what is proven changes nothing, and a claim
// and its negation mirror each other.
#include "solver_helpers.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <random>

namespace imputa::testing {
namespace {

// 100 cases keep the suite fast; IMPUTA_PROPERTY_CASES=1000 for a longer run.
// Under sanitizers 30: they look for memory errors, which the first cases
// reach as well; the plain suite checks the property on all 100.
unsigned case_count() {
  const char* n = std::getenv("IMPUTA_PROPERTY_CASES");
  return n ? static_cast<unsigned>(std::strtoul(n, nullptr, 10)) : testing::sanitized ? 30u : 100u;
}

// Base atoms a generated item or fact may bear on. None is closed (closed
// atoms are presumptions, and support for one may lift it: not monotone).
const std::vector<std::string> open_atoms = {
    "performed_by(op, a)", "performed_by(op, b)", "organ_of(a, s)", "organ_of(b, t)",
    "controls(s, b)",      "controls(t, a)",      "wiped(op)",      "originates_in(op, t)",
};

const std::vector<std::string> formulas = {
    "attributable(op, s)",
    "attributable(op, t)",
    "performed_by(op, a)",
    "wiped(op) or performed_by(op, b)",
    "organ_of(a, s) and not controls(t, a)",
    "attributable(op, s) and not attributable(op, t)",
    "not privately(a, op)",
};

const std::vector<std::string> confidences = {"0.2", "0.5", "0.6", "0.8", "0.9", "0.6..0.8", "likely", "highly_likely"};
const std::vector<std::string> standards = {"preponderance", "clear_and_convincing", "beyond_reasonable_doubt"};

template <class T>
const T& pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

bool coin(std::mt19937& rng, double p = 0.5) { return std::bernoulli_distribution(p)(rng); }

std::string evidence_item(std::mt19937& rng, const std::string& id, const std::string& atom, bool supports) {
  std::string kind = coin(rng, 0.2) ? "origin" : coin(rng) ? "forensic" : "intelligence";
  std::string source = coin(rng, 0.3) ? "" : " source " + pick(rng, std::vector<std::string>{"s1", "s2"});
  return "evidence " + id + " " + kind + " \"" + id + "\" { " + (supports ? "supports " : "contradicts ") + atom +
         " confidence " + pick(rng, confidences) + source + " }\n";
}

struct Generated {
  std::string text;           // the case
  std::vector<std::string> claims; // ids "cK", each with a negation "nK"
};

Generated generate(unsigned seed) {
  std::mt19937 rng(seed);
  Generated g;
  std::string& t = g.text;
  t = "case gen \"generated\"\n" + std::string(standards_block()) + R"(
use corroboration )" + (coin(rng) ? "max" : "noisy_or") + R"(.
state s "S".
state t "T".
actor a "A".
actor b "B".
operation op "Op".
source s1 "S1".
source s2 "S2".
predicate performed_by(operation, actor) link "p".
predicate organ_of(actor, state) "o".
predicate controls(state, actor) link "c".
predicate wiped(operation) conduct "w".
predicate originates_in(operation, state) origin "origin".
predicate privately(actor, operation) closed "private capacity".
predicate attributable(operation, state) attribution "a".
rule r_organ "organ": attributable(O, S) if performed_by(O, A), organ_of(A, S), not privately(A, O).
rule r_control "control": attributable(O, S) if performed_by(O, A), controls(S, A).
)";
  int facts = std::uniform_int_distribution<int>(0, 2)(rng);
  for (int i = 0; i < facts; ++i) {
    std::string lit = (coin(rng, 0.3) ? "not " : "") + pick(rng, open_atoms);
    if (coin(rng, 0.4)) lit += " or " + pick(rng, open_atoms);
    t += "fact " + lit + ".\n";
  }
  int items = std::uniform_int_distribution<int>(1, 6)(rng);
  for (int i = 0; i < items; ++i) {
    std::string atom = coin(rng, 0.1) ? "privately(a, op)" : coin(rng, 0.1) ? "attributable(op, s)" : pick(rng, open_atoms);
    t += evidence_item(rng, "e" + std::to_string(i), atom, coin(rng, 0.75));
  }
  for (int k = 0; k < 2; ++k) {
    std::string formula = pick(rng, formulas);
    std::string fields = " standard " + pick(rng, standards) + (coin(rng, 0.3) ? " as accusation" : "");
    std::string id = std::to_string(k);
    t += "claim c" + id + " \"c\" { holds " + formula + fields + " }\n";
    t += "claim n" + id + " \"n\" { holds not (" + formula + ")" + fields + " }\n";
    g.claims.push_back("c" + id);
  }
  return g;
}

JudgeOptions fast() {
  JudgeOptions o;
  o.reasons = false;
  return o;
}

// One generated case per seed, judged as it is, with one more supporting
// item, and with a proven literal assumed.
TEST(Properties, OverGeneratedCases) {
  for (unsigned seed = 1; seed <= case_count(); ++seed) {
    Generated g = generate(seed);
    auto j = judge_text(g.text, fast());
    ASSERT_TRUE(j.ok) << "seed " << seed << "\n" << j.errors() << g.text;

    // A claim and its negation never both ESTABLISHED; C ESTABLISHED iff not C REFUTED.
    for (const auto& c : g.claims) {
      std::string n = "n" + c.substr(1);
      std::string vc = j.verdict(c), vn = j.verdict(n);
      SCOPED_TRACE("seed " + std::to_string(seed) + " claim " + c + ": " + vc + " / " + vn + "\n" + g.text);
      ASSERT_NE(vc, "unknown");
      EXPECT_FALSE(vc == "established" && vn == "established");
      EXPECT_EQ(vc == "established", vn == "refuted");
      EXPECT_EQ(vc == "refuted", vn == "established");
      EXPECT_EQ(vc == "inconsistent", vn == "inconsistent");
    }

    // More support on an open atom never turns ESTABLISHED into anything but ESTABLISHED or INCONSISTENT.
    std::mt19937 rng(seed * 7919u);
    std::string atom = coin(rng, 0.2) ? "attributable(op, t)" : pick(rng, open_atoms);
    std::string more = g.text + evidence_item(rng, "e_more", atom, true);
    auto after = judge_text(more, fast());
    ASSERT_TRUE(after.ok) << after.errors();
    for (const auto& c : j.report.claims) {
      if (c.verdict != Verdict::established) continue;
      std::string v = after.verdict(c.id);
      EXPECT_TRUE(v == "established" || v == "inconsistent") << "seed " << seed << " claim " << c.id << ": " << v << "\n" << more;
    }

    // Assuming a literal already proven (0.96 from a non-origin item: proven at every standard used) changes nothing.
    std::string sure_atom = pick(rng, open_atoms);
    std::string sure = g.text + "evidence e_sure forensic \"sure\" { supports " + sure_atom + " confidence 0.96 }\n";
    auto plain = judge_text(sure, fast());
    ASSERT_TRUE(plain.ok) << plain.errors();
    JudgeOptions o = fast();
    o.assume = {atom_of(sure_atom)};
    auto assumed = judge_text(sure, o);
    ASSERT_TRUE(assumed.ok) << assumed.errors();
    for (const auto& c : plain.report.claims)
      EXPECT_EQ(assumed.verdict(c.id), plain.verdict(c.id)) << "seed " << seed << " claim " << c.id << " assume " << sure_atom << "\n" << sure;
  }
}

} // namespace
} // namespace imputa::testing
