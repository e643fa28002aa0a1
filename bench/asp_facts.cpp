// Facts and claims for the non-ground ASP encoding bench/asp/gge2015.lp
// (bench/compare-gringo, docs/performance.md): one file per group of claims
// judged under the same standard, doctrines and mode. Nothing is ground here:
// the entities, the case's facts, the literals the evidence proves at the
// group's standard (solver/weigh, cautious reading: the thresholds become
// facts) and one rule per claim; gringo grounds the library's rules on them.
//
// Usage: asp_facts FILE OUTDIR    writes OUTDIR/facts_K.lp and OUTDIR/claims.tsv
#include "weigh/weigh.hpp"

#include "case_file.hpp"
#include "imputa/dsl.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <set>
#include <sstream>

namespace {

using namespace imputa;

using bench::Setting;

// Numbers as integers: scaled by 1000, exact or not translated.
std::optional<long long> scaled(const Rational& r) {
  Rational x = r * 1000;
  if (x.denominator_text() != "1") return std::nullopt;
  try {
    return std::stoll(x.numerator_text());
  } catch (const std::out_of_range&) {
    return std::nullopt;
  }
}

class Claims {
public:
  explicit Claims(const Program& p) : p_(p) {}

  // An ASP body equivalent to the claim's formula when established; nullopt if
  // the encoding does not cover it (see bench/asp/gge2015.lp).
  std::optional<std::string> body(const ast::Formula& f) const {
    using K = ast::Formula::Kind;
    switch (f.kind) {
    case K::atom: return imputa::to_string(f.atom);
    case K::truth: return std::string("#true");
    case K::negation: {
      const auto& o = f.operands[0];
      if (o.kind != K::atom) return std::nullopt;
      auto info = p_.predicates.find(o.atom.predicate.text);
      if (info == p_.predicates.end()) return std::nullopt;
      const bool closed = info->second.has(Tag::closed);
      if (!closed && derived(o.atom.predicate.text)) return std::nullopt; // would need "no body can hold"
      // Appended, not `"not " + to_string(...)`: GCC 12 warns falsely (-Wrestrict) on that in Release builds.
      std::string out = closed ? "not " : "-";
      return out.append(imputa::to_string(o.atom));
    }
    case K::conjunction: {
      std::string out;
      for (const auto& o : f.operands) {
        auto b = body(o);
        if (!b) return std::nullopt;
        out += (out.empty() ? "" : ", ") + *b;
      }
      return out;
    }
    case K::comparison: {
      const auto& c = *f.comparison;
      auto term = [&](const ast::NumExpr& e) -> std::optional<std::string> {
        if (e.kind == ast::NumExpr::Kind::variable) return e.variable.name;
        if (e.kind == ast::NumExpr::Kind::atom && e.atom.args.empty() && p_.entities.count(e.atom.predicate.text))
          return e.atom.predicate.text;
        return std::nullopt;
      };
      auto l = term(c.lhs), r = term(c.rhs);
      if (!l || !r || (c.op != ast::CmpOp::eq && c.op != ast::CmpOp::ne)) return std::nullopt;
      return *l + (c.op == ast::CmpOp::eq ? " = " : " != ") + *r;
    }
    default: return std::nullopt;
    }
  }

  bool derived(const std::string& predicate) const {
    for (const auto& r : p_.rules)
      if (r.head.predicate.text == predicate) return true;
    return false;
  }

private:
  const Program& p_;
};

void variables(const ast::Formula& f, std::vector<std::string>& out) {
  auto add = [&](const std::string& v) {
    if (v != "_" && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  };
  if (f.kind == ast::Formula::Kind::atom)
    for (const auto& t : f.atom.args)
      if (t.variable) add(t.name);
  if (f.kind == ast::Formula::Kind::comparison)
    for (const auto* e : {&f.comparison->lhs, &f.comparison->rhs})
      if (e->kind == ast::NumExpr::Kind::variable) add(e->variable.name);
  for (const auto& o : f.operands) variables(o, out);
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: asp_facts FILE OUTDIR\n";
    return 2;
  }
  auto loaded = bench::load_case(argv[1], "asp_facts");
  if (!loaded) return 2;
  const Program& program = *loaded;
  weigh::EvidenceIndex evidence(program);
  std::filesystem::path outdir = argv[2];
  std::filesystem::create_directories(outdir);
  Claims claims(program);

  // The case's own facts, the same for every group: entities, stipulated
  // literals (link facts apart, set aside for accusations), numeric intervals.
  std::ostringstream common, link_facts;
  bool unsupported_facts = false;
  for (const auto& [name, e] : program.entities) {
    const char* type = e.type == ast::EntityType::state    ? "state"
                       : e.type == ast::EntityType::actor  ? "actor"
                       : e.type == ast::EntityType::object ? "object"
                                                           : "operation";
    common << type << "(" << name << ").\n";
  }
  std::map<std::string, std::pair<Rational, Rational>> bounds; // several facts on one atom intersect
  for (const auto& f : program.facts) {
    if (f.numeric) {
      auto [it, fresh] = bounds.try_emplace(imputa::to_string(f.target), f.lo, f.hi);
      if (!fresh) it->second = {std::max(it->second.first, f.lo), std::min(it->second.second, f.hi)};
      continue;
    }
    const ast::Formula& formula = f.formula;
    bool negative = formula.kind == ast::Formula::Kind::negation && formula.operands[0].kind == ast::Formula::Kind::atom;
    const ast::Formula& a = negative ? formula.operands[0] : formula;
    if (a.kind != ast::Formula::Kind::atom) {
      unsupported_facts = true; // disjunctions and conjunctions of facts: not in the corpora
      continue;
    }
    const auto& info = program.predicates.at(a.atom.predicate.text);
    std::ostringstream& out = info.has(Tag::link) || info.has(Tag::attribution) ? link_facts : common;
    if (negative && info.has(Tag::closed)) continue; // false anyway
    out << (negative ? "-" : "") << imputa::to_string(a.atom) << ".\n";
  }
  bool unsupported_numbers = false;
  for (const auto& [atom, b] : bounds) {
    auto lo = scaled(b.first), hi = scaled(b.second);
    if (!lo || !hi) unsupported_numbers = true;
    else common << "interval(" << atom << ", " << *lo << ", " << *hi << ").\n";
  }

  std::map<Setting, std::vector<std::size_t>> groups;
  std::size_t skipped = 0;
  for (std::size_t k = 0; k < program.claims.size(); ++k) {
    auto s = bench::setting_of(program, program.claims[k]);
    if (!s) {
      ++skipped;
      continue;
    }
    groups[*s].push_back(k);
  }

  std::ofstream map(outdir / "claims.tsv");
  std::size_t group_no = 0, translated = 0;
  for (const auto& [setting, members] : groups) {
    std::ofstream lp(outdir / ("facts_" + std::to_string(group_no) + ".lp"));
    lp << "% " << argv[1] << ": standard " << setting.standard << (setting.accusation ? ", accusation" : "") << "\n";
    for (const auto& [f, a] : setting.doctrine) lp << "doctrine(" << f << ", " << a << ").\n";
    lp << common.str();
    if (!setting.accusation) lp << link_facts.str();
    const StandardInfo& standard = program.standards.at(setting.standard);
    weigh::Config config;
    config.threshold = standard.threshold;
    config.contrary_below = standard.contrary_below;
    config.corroboration = program.corroboration;
    config.statements_discounted = setting.accusation && setting.doctrine.count("substantiation") &&
                                   setting.doctrine.at("substantiation") == "disclosed_evidence";
    // The evidence thresholds as facts: a literal proven at the standard.
    for (const auto& literal : evidence.literals())
      if (evidence.proven(literal, config, weigh::Reading::cautious))
        lp << (literal.positive ? "" : "-") << literal.atom << ".\n";
    for (std::size_t k : members) {
      const ClaimItem& c = program.claims[k];
      std::vector<std::string> vars;
      variables(c.formula, vars);
      std::string head = "claim_" + std::to_string(k);
      if (!vars.empty()) {
        head += "(";
        for (std::size_t i = 0; i < vars.size(); ++i) head += (i ? ", " : "") + vars[i];
        head += ")";
      }
      auto body = claims.body(c.formula);
      bool ok = body && !unsupported_facts && !unsupported_numbers;
      if (body) lp << head << " :- " << *body << ".\n#show claim_" << k << "/" << vars.size() << ".\n";
      std::string names;
      for (const auto& v : vars) names += (names.empty() ? "" : ",") + v;
      map << group_no << "\tclaim_" << k << "\t" << c.id << "\t" << names << "\t" << (ok ? "ok" : "unsupported") << "\n";
      ++translated;
    }
    ++group_no;
  }
  std::cerr << "asp_facts: " << translated << " claims in " << group_no << " programs, " << skipped << " skipped\n";
  return 0;
}
