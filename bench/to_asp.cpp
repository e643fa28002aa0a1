// Translates a case into ASP programs for clingo (bench/compare-clingo): the
// same ground rules (solver/ground), the literals proven at each claim's
// standard on the cautious reading (solver/weigh), one program per group of
// claims judged under the same standard, doctrines and mode. A claim is
// ESTABLISHED when its atom is a cautious consequence (docs/performance.md).
//
// Usage: to_asp FILE OUTDIR    writes OUTDIR/group_K.lp and OUTDIR/claims.tsv
#include "ground/ground.hpp"
#include "weigh/weigh.hpp"

#include "case_file.hpp"
#include "imputa/dsl.hpp"
#include "imputa/judge.hpp"

#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

// ASP constants are plain identifiers: the solver's representatives of
// unnamed entities ("<another actor>") become "another_actor__".
static std::string asp_atom(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '<') {
      out += text[i];
      continue;
    }
    auto close = text.find('>', i);
    std::string name = text.substr(i + 1, close - i - 1);
    for (auto& c : name)
      if (c == ' ') c = '_';
    out += name + "__";
    i = close;
  }
  return out;
}

namespace {

using namespace imputa;
using ground::AtomId;

using bench::Setting;

// Connected components, as solver/judge computes a claim's cone (docs/semantics.md §4).
struct Components {
  std::vector<AtomId> parent;
  explicit Components(const ground::GroundProgram& g) : parent(g.atoms.size()) {
    std::iota(parent.begin(), parent.end(), 0);
    for (const auto& f : g.facts)
      for (std::size_t i = 1; i < f.atoms.size(); ++i) unite(f.atoms[0], f.atoms[i]);
    for (const auto& d : g.definitions) {
      std::vector<AtomId> atoms;
      for (const auto& b : d.bodies)
        for (const auto& l : b.literals) ground::collect_atoms(l, atoms);
      atoms.insert(atoms.end(), d.naive_origin.begin(), d.naive_origin.end());
      for (AtomId a : atoms) unite(d.head, a);
    }
  }
  AtomId find(AtomId x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(AtomId a, AtomId b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// One ASP program: rules as text, auxiliary atoms for nested formulas.
class Asp {
public:
  Asp(const ground::GroundProgram& g, const std::map<AtomId, std::pair<Rational, Rational>>& bounds)
      : g_(g), bounds_(bounds) {}

  // An ASP atom equivalent to the formula; nullopt if it cannot be translated.
  std::optional<std::string> define(const ground::Formula& f) {
    using K = ground::Formula::Kind;
    switch (f.kind) {
    case K::atom:
      if (is_numeric(f.atom)) return std::nullopt;
      return asp_atom(g_.atoms[f.atom].text);
    case K::truth: return std::string("true_");
    case K::falsity: return std::string("false_");
    case K::comparison: return comparison(f);
    case K::negation: {
      auto x = define(f.operands[0]);
      if (!x) return std::nullopt;
      std::string n = fresh();
      out_ << n << " :- not " << *x << ".\n";
      return n;
    }
    case K::conjunction:
    case K::disjunction: {
      std::vector<std::string> parts;
      for (const auto& o : f.operands) {
        auto x = define(o);
        if (!x) return std::nullopt;
        parts.push_back(*x);
      }
      std::string n = fresh();
      if (f.kind == K::conjunction) {
        out_ << n << " :- ";
        for (std::size_t i = 0; i < parts.size(); ++i) out_ << (i ? ", " : "") << parts[i];
        out_ << ".\n";
      } else {
        for (const auto& p : parts) out_ << n << " :- " << p << ".\n";
      }
      return n;
    }
    }
    return std::nullopt;
  }

  bool is_numeric(AtomId a) const { return g_.atoms[a].info && g_.atoms[a].info->numeric; }
  std::ostringstream& out() { return out_; }
  std::size_t undecided_comparisons() const { return undecided_; }

private:
  std::string fresh() { return "aux_" + std::to_string(next_++); }

  // Interval of a numeric term over the numeric facts' bounds; nullopt: unbounded.
  std::optional<std::pair<Rational, Rational>> range(const ground::NumTerm& t) const {
    using K = ground::NumTerm::Kind;
    switch (t.kind) {
    case K::number: return std::pair{t.value, t.value};
    case K::atom: {
      auto it = bounds_.find(t.atom);
      if (it == bounds_.end()) return std::nullopt;
      return it->second;
    }
    case K::add:
    case K::sub: {
      auto a = range(t.operands[0]), b = range(t.operands[1]);
      if (!a || !b) return std::nullopt;
      if (t.kind == K::add) return std::pair{a->first + b->first, a->second + b->second};
      return std::pair{a->first - b->second, a->second - b->first};
    }
    case K::mul: {
      auto a = range(t.operands[0]), b = range(t.operands[1]);
      if (!a || !b) return std::nullopt;
      Rational c[] = {a->first * b->first, a->first * b->second, a->second * b->first, a->second * b->second};
      return std::pair{*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
    }
    }
    return std::nullopt;
  }

  // Pre-evaluated when the intervals decide it; otherwise an open atom of its own
  // (exact when no two comparisons share a numeric atom, as in the corpus).
  std::optional<std::string> comparison(const ground::Formula& f) {
    auto l = range(f.comparison->lhs), r = range(f.comparison->rhs);
    if (l && r) {
      Rational lo = l->first - r->second, hi = l->second - r->first; // lhs - rhs
      std::optional<bool> v;
      switch (f.comparison->op) {
      case ast::CmpOp::lt: v = hi < 0 ? std::optional(true) : lo >= 0 ? std::optional(false) : std::nullopt; break;
      case ast::CmpOp::le: v = hi <= 0 ? std::optional(true) : lo > 0 ? std::optional(false) : std::nullopt; break;
      case ast::CmpOp::gt: v = lo > 0 ? std::optional(true) : hi <= 0 ? std::optional(false) : std::nullopt; break;
      case ast::CmpOp::ge: v = lo >= 0 ? std::optional(true) : hi < 0 ? std::optional(false) : std::nullopt; break;
      case ast::CmpOp::eq: v = lo == 0 && hi == 0 ? std::optional(true) : (lo > 0 || hi < 0) ? std::optional(false) : std::nullopt; break;
      case ast::CmpOp::ne: v = (lo > 0 || hi < 0) ? std::optional(true) : lo == 0 && hi == 0 ? std::optional(false) : std::nullopt; break;
      }
      if (v) return std::string(*v ? "true_" : "false_");
    }
    ++undecided_;
    std::string n = "cmp_" + std::to_string(next_++);
    out_ << "{ " << n << " }.\n";
    return n;
  }

  const ground::GroundProgram& g_;
  const std::map<AtomId, std::pair<Rational, Rational>>& bounds_;
  std::ostringstream out_;
  std::size_t next_ = 0, undecided_ = 0;
};

} // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: to_asp FILE OUTDIR\n";
    return 2;
  }
  auto loaded = bench::load_case(argv[1], "to_asp");
  if (!loaded) return 2;
  const Program& program = *loaded;
  Diagnostics diags;
  ground::GroundProgram g = ground::ground(program, {}, diags);
  if (diags.has_errors()) {
    std::cerr << "to_asp: grounding failed\n";
    return 2;
  }
  weigh::EvidenceIndex evidence(program);
  Components comps(g);
  std::filesystem::path outdir = argv[2];
  std::filesystem::create_directories(outdir);

  // Numeric facts as bounds (several facts on one atom intersect).
  std::map<AtomId, std::pair<Rational, Rational>> bounds;
  for (const auto& n : g.numeric) {
    auto [it, fresh] = bounds.try_emplace(n.atom, n.lo, n.hi);
    if (!fresh) it->second = {std::max(it->second.first, n.lo), std::min(it->second.second, n.hi)};
  }

  // Claim instances grouped by what they are judged under.
  std::map<Setting, std::vector<std::size_t>> groups;
  std::size_t skipped = 0;
  for (std::size_t k = 0; k < g.claims.size(); ++k) {
    auto s = bench::setting_of(program, program.claims[g.claims[k].claim]);
    if (!s) {
      ++skipped;
      continue;
    }
    groups[*s].push_back(k);
  }

  std::ofstream map(outdir / "claims.tsv");
  std::size_t group_no = 0, translated = 0;
  for (const auto& group : groups) {
    const Setting& setting = group.first; // named, not a structured binding: lambdas capture it (clang 14)
    const auto& members = group.second;
    // The union of the members' cones.
    std::set<AtomId> roots;
    for (std::size_t k : members) {
      std::vector<AtomId> atoms;
      ground::collect_atoms(g.claims[k].formula, atoms);
      for (AtomId a : atoms) roots.insert(comps.find(a));
    }
    std::vector<bool> in(g.atoms.size(), false);
    for (AtomId a = 0; a < g.atoms.size(); ++a) in[a] = roots.count(comps.find(a)) != 0;

    Asp asp(g, bounds);
    auto& out = asp.out();
    out << "% " << argv[1] << ": standard " << setting.standard << (setting.accusation ? ", accusation" : "") << "\n";
    for (const auto& [f, a] : setting.doctrine) out << "% doctrine " << f << " = " << a << "\n";
    out << "true_.\n";
    const StandardInfo& standard = program.standards.at(setting.standard);
    weigh::Config config;
    config.threshold = standard.threshold;
    config.contrary_below = standard.contrary_below;
    config.corroboration = program.corroboration;

    // Premises as constraints ":- not F.": facts (accusations set aside link facts),
    // and the literals proven at the standard on the cautious reading.
    std::set<AtomId> settled; // closed base atoms some premise mentions: open, not presumed false
    bool unsupported = false;
    auto premise = [&](const ground::Formula& f) {
      auto a = asp.define(f);
      if (!a) unsupported = true;
      else out << ":- not " << *a << ".\n";
    };
    for (const auto& fact : g.facts) {
      if (fact.atoms.empty() || !in[fact.atoms.front()]) continue;
      if (setting.accusation && fact.mentions_link) continue;
      premise(fact.formula);
      for (AtomId a : fact.atoms) settled.insert(a);
    }
    for (const auto& literal : evidence.literals()) {
      auto atom = g.find(literal.atom);
      if (!atom || !in[*atom]) continue;
      if (!evidence.proven(literal, config, weigh::Reading::cautious)) continue;
      out << (literal.positive ? ":- not " : ":- ") << literal.atom << ".\n";
      if (literal.positive) settled.insert(*atom);
    }
    // Base atoms: open ones are free choices; closed ones are false unless a premise mentions them.
    for (AtomId a = 0; a < g.atoms.size(); ++a) {
      if (!in[a] || g.derived(a) || asp.is_numeric(a)) continue;
      const auto* info = g.atoms[a].info;
      if (info && info->has(Tag::closed) && !settled.count(a)) continue;
      out << "{ " << asp_atom(g.atoms[a].text) << " }.\n";
    }
    // Atoms that can be true in some model: open base atoms, settled closed ones,
    // derived atoms with a body of possible positive literals (a fixpoint; acyclic).
    std::map<AtomId, bool> memo;
    std::function<bool(AtomId)> possible = [&](AtomId a) -> bool {
      if (auto it = memo.find(a); it != memo.end()) return it->second;
      memo[a] = false;
      bool result = false;
      const auto* ai = g.atoms[a].info;
      if (!g.derived(a)) {
        result = !(ai && ai->has(Tag::closed)) || settled.count(a);
      } else {
        for (const auto& body : g.definition(a)->bodies) {
          const RuleItem& rule = program.rules[body.rule];
          if (rule.when_family && setting.doctrine.at(*rule.when_family) != *rule.when_alternative) continue;
          bool ok = true;
          for (const auto& l : body.literals)
            if ((l.kind == ground::Formula::Kind::atom && !possible(l.atom)) || l.kind == ground::Formula::Kind::falsity)
              ok = false;
          if (ok) {
            result = true;
            break;
          }
        }
      }
      return memo[a] = result;
    };
    // Derived atoms: one rule per ground body of an active rule (a tight program,
    // so its stable models are the models of the Clark completion).
    for (const auto& def : g.definitions) {
      if (!in[def.head]) continue;
      const auto* info = g.atoms[def.head].info;
      // Burden of proof (a closed derived atom is true when established): translated
      // only where no body can hold, so that the atom is false on both readings.
      if (info && info->has(Tag::closed) && possible(def.head)) unsupported = true;
      for (const auto& body : def.bodies) {
        const RuleItem& rule = program.rules[body.rule];
        if (rule.when_family && setting.doctrine.at(*rule.when_family) != *rule.when_alternative) continue;
        if (setting.accusation && rule.origin_only) {
          out << "{ " << asp_atom(g.atoms[def.head].text) << " }.\n"; // W28F rule: an open unknown for accusations
          continue;
        }
        std::vector<std::string> parts;
        for (const auto& l : body.literals) {
          auto x = asp.define(l);
          if (!x) {
            unsupported = true;
            break;
          }
          parts.push_back(*x);
        }
        out << asp_atom(g.atoms[def.head].text) << " :- ";
        for (std::size_t i = 0; i < parts.size(); ++i) out << (i ? ", " : "") << parts[i];
        out << ".\n";
      }
    }
    // The claims of the group.
    for (std::size_t k : members) {
      const auto& inst = g.claims[k];
      auto a = asp.define(inst.formula);
      std::string name = "claim_" + std::to_string(k);
      if (!a) {
        unsupported = true;
        continue;
      }
      out << name << " :- " << *a << ".\n#show " << name << "/0.\n";
      std::string bindings;
      for (const auto& [v, e] : inst.bindings) bindings += (bindings.empty() ? "" : ",") + v + "=" + e;
      map << group_no << "\t" << name << "\t" << program.claims[inst.claim].id << "\t" << bindings << "\t"
          << (unsupported ? "unsupported" : "ok") << "\t" << asp.undecided_comparisons() << "\n";
      ++translated;
    }
    std::ofstream lp(outdir / ("group_" + std::to_string(group_no) + ".lp"));
    lp << out.str();
    ++group_no;
  }
  std::cerr << "to_asp: " << g.atoms.size() << " ground atoms, " << translated << " claim groundings in " << group_no
            << " programs, " << skipped << " skipped\n";
  return 0;
}
