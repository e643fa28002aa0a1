// Grounding: claim and premise atoms first, then rule bodies joined from their
// most selective literal (closed base atoms enumerate only what premises
// state; number atoms range over every entity, semantics.md §1), checked for
// cycles (E009) and size (E013).
//
// Why the shortcuts keep every verdict (docs/decisions.md, "Solver"; the
// reference is GroundOptions::shortcuts = false, every entity apart, and
// tests/solver/generated_cases_test.cpp compares the two on random
// multi-entity cases, tests/solver/soundness_test.cpp on the cases below).
//
// 1. Representatives (anonymous_variable, emit). In an instance of a rule, a
//    body-only variable whose atoms there are open base atoms nobody
//    mentions (or, behind such an open link, open descriptions the case
//    states and could not contest) makes the instances for all such
//    entities alike. One instance with a representative ("<another actor>")
//    stands for their disjunction. That disjunction takes exactly the values
//    the representative's instance can take, whatever the rest of the case
//    says, when (a) one covered entity has none of its atoms there anywhere
//    else in the ground program, so the disjunction can be true through it
//    alone, and (b) every covered entity has an open link of its own there,
//    so each instance can be false through it: then neither value constrains
//    anything else, exactly like the representative's fresh atoms.
//    split_representatives() checks (a) and (b) once all instances are
//    known and gives every entity that breaks them an instance of its own.
//    Issue 14, S1: `q(O) if pb(O, Y)` with `fact not q(o)` and a claim on
//    r(a) through `r(Y) if pb(o, Y)`: pb(o, a) is in r(a)'s instance, so
//    "not q(o)" must reach it (REFUTED, not NOT_ESTABLISHED).
//    There is one representative per instance of the other variables (S2:
//    per head, rule and variable, the first instance, with a false body, hid
//    the one with size(a2) = 7), and an entity another variable of the
//    instance is bound to is never "another" (allied(a, a) is not
//    allied(a, <another actor>)).
// 2. Binding the last variable from what the case mentions (bind_last). The
//    entities premises or claims mention in the instance's atoms, and those
//    bound elsewhere in it, are joined one by one; then one entity the case
//    says nothing about there makes the representative's instance, which
//    would stand for every other one under 1 anyway. Where that cannot be
//    shown (a number atom, a closed atom the instance needs, a conclusion
//    the entity does not only pass through) the whole domain is walked.
// 3. Conclusions an entity only passes through (transparent positions): a
//    derived atom that depends on the entity only through open base atoms
//    nobody mentions is one more unmentioned atom for 1 and 2; (a) then
//    follows those conclusions down to their base atoms.
// 4. A closed base atom nothing can make true (no fact, proven literal or
//    assumption names it) is false, so a body that needs it positively is
//    false and is not ground (language.md E009 prunes these bodies too).
//
// Gone since issue 14: "nothing can make it true" (dropping conclusions
// whose every instance needs such a closed atom, and the instances and
// negations that need them). It compared the placeholder of an unbound
// argument with head constants (S3: allied(a1, _) under allied(X, a1) looked
// impossible, so not cx(a1) was ESTABLISHED), and dropping a false
// conclusion's bodies dropped its links (S4: the fact cx(a2) needs some
// allied(Y, a2), so allied(a1, a2) shares its conflict: INCONSISTENT). A
// false conclusion now keeps its bodies; each is false by its own closed atom.
#include "ground/ground.hpp"

#include "imputa/judge.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <unordered_set>

namespace imputa::ground {
namespace {

using Binding = std::map<std::string, std::string>;
using ast::EntityType;

// A rule made ready for joining: anonymous variables renamed apart, variable types known.
struct PreparedRule {
  std::size_t index = 0;
  const RuleItem* rule = nullptr;
  ast::Atom head;
  std::vector<ast::Formula> body;
  std::map<std::string, EntityType> types;
};

// An entity constant or a variable standing in a comparison (`V != S`, `O = ukr`).
std::optional<ast::Term> entity_term(const ast::NumExpr& e, const Program& p) {
  if (e.kind == ast::NumExpr::Kind::variable) return e.variable;
  if (e.kind == ast::NumExpr::Kind::atom && e.atom.args.empty() && p.entities.count(e.atom.predicate.text) &&
      !p.predicates.count(e.atom.predicate.text))
    return ast::Term{e.atom.predicate.text, false, e.span};
  return std::nullopt;
}

class Grounder {
public:
  Grounder(const Program& p, Diagnostics& diags, const GroundOptions& options)
      : p_(p), diags_(diags), shortcuts_(options.shortcuts), deadline_(options.deadline) {
    for (const auto& [name, e] : p.entities) {
      domains_[e.type].push_back(name);
      if (e.type == EntityType::state) domains_[EntityType::actor].push_back(name);
    }
    for (auto& [_, d] : domains_) std::sort(d.begin(), d.end());
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
      PreparedRule r = prepare(i);
      // The join recurses once per condition and variable: bound them before it runs.
      std::size_t conditions = generators(r).size();
      if (conditions > max_rule_conditions || r.types.size() > max_variables) {
        fail_limit("rule '" + r.rule->id + "' has " + std::to_string(conditions) + " conditions and " +
                       std::to_string(r.types.size()) + " variables; the limits are " +
                       std::to_string(max_rule_conditions) + " and " + std::to_string(max_variables),
                   r.rule->span, "split the rule into smaller rules");
        continue;
      }
      // A rule no claim can have in force is not ground; its head stays
      // derived, false wherever none of its rules is in force (semantics.md §1).
      auto& by_head = rules_by_head_[p.rules[i].head.predicate.text];
      if (!options.may_be_in_force || options.may_be_in_force(p.rules[i])) by_head.push_back(std::move(r));
    }
    find_transparent_positions();
  }

  GroundProgram run(const std::vector<ast::Atom>& extra_assumptions) {
    collect_possible(extra_assumptions);
    // Seeds: premises first, then claims, so that atom numbering follows the file.
    for (std::size_t i = 0; i < p_.facts.size() && ok(); ++i) ground_fact(i);
    for (const auto& e : p_.evidence)
      for (const auto& b : e.bearings) intern(b.atom.predicate.text, args_of(b.atom, {}));
    for (const auto& c : p_.claims)
      for (const auto& a : c.assumes) g_.assumed.push_back(intern(a.predicate.text, args_of(a, {})));
    for (const auto& a : extra_assumptions) g_.assumed.push_back(intern(a.predicate.text, args_of(a, {})));
    for (std::size_t i = 0; i < p_.claims.size() && ok(); ++i) ground_claim(i);
    mentioned_ = g_.atoms.size(); // atoms below this id are said something about by the case
    for (AtomId a = 0; a < mentioned_; ++a) {
      const auto& atom = g_.atoms[a];
      mentioned_by_predicate_[atom.predicate].push_back(a);
      for (std::size_t i = 0; i < atom.args.size(); ++i) mentioned_by_arg_[mention_key(atom.predicate, i, atom.args[i])].push_back(a);
    }
    find_contested();
    for (;;) {
      while (!work_.empty() && ok()) {
        AtomId a = work_.back();
        work_.pop_back();
        expand(a);
      }
      // A representative stands only for entities whose atoms there occur
      // nowhere else; those found elsewhere are judged on their own (S1).
      if (!ok() || !shortcuts_ || !split_representatives()) break;
    }
    if (ok()) check_cycles();
    g_.timed_out = timed_out_;
    return std::move(g_);
  }

private:
  bool ok() const { return !failed_ && !timed_out_; }

  // Every phase respects the time limit: looked at every 1024 steps.
  void tick() {
    if (!deadline_ || (++ticks_ & 1023u) != 0) return;
    if (std::chrono::steady_clock::now() >= *deadline_) timed_out_ = true;
  }

  void fail_limit(const std::string& what, SourceSpan at,
                  std::string hint = "narrow the rule's variables with more selective conditions, or split the case") {
    if (failed_) return;
    failed_ = true;
    diags_.error("E013", at, what, {std::move(hint)});
  }

  PreparedRule prepare(std::size_t index) {
    PreparedRule r;
    r.index = index;
    r.rule = &p_.rules[index];
    r.head = r.rule->head;
    r.body = r.rule->body;
    int anonymous = 0;
    auto rename = [&](ast::Atom& a) {
      for (auto& t : a.args)
        if (t.variable && t.name == "_") t.name = "_" + std::to_string(anonymous++);
    };
    std::function<void(ast::NumExpr&)> rename_num = [&](ast::NumExpr& e) {
      if (e.kind == ast::NumExpr::Kind::atom) rename(e.atom);
      for (auto& o : e.operands) rename_num(o);
    };
    std::function<void(ast::Formula&)> rename_formula = [&](ast::Formula& f) {
      if (f.kind == ast::Formula::Kind::atom) rename(f.atom);
      if (f.kind == ast::Formula::Kind::comparison) {
        rename_num(f.comparison.lhs);
        rename_num(f.comparison.rhs);
      }
      for (auto& o : f.operands) rename_formula(o);
    };
    rename(r.head);
    for (auto& l : r.body) rename_formula(l);
    note_types(r.head, r.types);
    for (const auto& l : r.body) note_types(l, r.types);
    return r;
  }

  void note_types(const ast::Atom& a, std::map<std::string, EntityType>& types) const {
    auto pred = p_.predicates.find(a.predicate.text);
    if (pred == p_.predicates.end()) return;
    for (std::size_t i = 0; i < a.args.size() && i < pred->second.params.size(); ++i) {
      if (!a.args[i].variable) continue;
      EntityType t = pred->second.params[i];
      auto [it, fresh] = types.emplace(a.args[i].name, t);
      // A variable in both an actor and a state position ranges over states.
      if (!fresh && it->second == EntityType::actor && t == EntityType::state) it->second = t;
    }
  }

  void note_types(const ast::NumExpr& e, std::map<std::string, EntityType>& types) const {
    if (e.kind == ast::NumExpr::Kind::atom) note_types(e.atom, types);
    for (const auto& o : e.operands) note_types(o, types);
  }

  void note_types(const ast::Formula& f, std::map<std::string, EntityType>& types) const {
    if (f.kind == ast::Formula::Kind::atom) note_types(f.atom, types);
    if (f.kind == ast::Formula::Kind::comparison) {
      note_types(f.comparison.lhs, types);
      note_types(f.comparison.rhs, types);
    }
    for (const auto& o : f.operands) note_types(o, types);
  }

  // Ground atoms of closed base predicates and of number predicates that some
  // premise could make true or define: the only ones a join enumerates for them.
  void collect_possible(const std::vector<ast::Atom>& extra) {
    std::function<void(const ast::Formula&)> from_formula = [&](const ast::Formula& f) {
      if (f.kind == ast::Formula::Kind::atom) possible_[f.atom.predicate.text].insert(args_of(f.atom, {}));
      for (const auto& o : f.operands) from_formula(o);
    };
    for (const auto& f : p_.facts) {
      if (f.numeric) possible_[f.target.predicate.text].insert(args_of(f.target, {}));
      else from_formula(f.formula);
    }
    for (const auto& e : p_.evidence)
      for (const auto& b : e.bearings)
        if (b.supports) possible_[b.atom.predicate.text].insert(args_of(b.atom, {}));
    for (const auto& c : p_.claims)
      for (const auto& a : c.assumes) possible_[a.predicate.text].insert(args_of(a, {}));
    for (const auto& a : extra) possible_[a.predicate.text].insert(args_of(a, {}));
  }

  std::vector<std::string> args_of(const ast::Atom& a, const Binding& b) const {
    std::vector<std::string> out;
    out.reserve(a.args.size());
    for (const auto& t : a.args) {
      if (!t.variable) {
        out.push_back(t.name);
        continue;
      }
      auto it = b.find(t.name);
      out.push_back(it == b.end() ? t.name : it->second);
    }
    return out;
  }

  AtomId intern(const std::string& predicate, std::vector<std::string> args) {
    std::string text = atom_text(predicate, args);
    auto [it, fresh] = g_.index.try_emplace(text, static_cast<AtomId>(g_.atoms.size()));
    if (!fresh) return it->second;
    auto pred = p_.predicates.find(predicate);
    g_.atoms.push_back(Atom{predicate, std::move(args), std::move(text),
                            pred == p_.predicates.end() ? nullptr : &pred->second});
    if (g_.atoms.size() > max_ground_atoms)
      fail_limit("grounding this case needs more than " + std::to_string(max_ground_atoms) + " ground atoms",
                 pred == p_.predicates.end() ? SourceSpan{} : pred->second.span);
    if (rules_by_head_.count(predicate)) work_.push_back(it->second);
    const auto& interned = g_.atoms.back().args;
    for (std::size_t i = 0; i < interned.size(); ++i) {
      std::vector<std::string> pattern = interned;
      pattern[i] = hole;
      by_pattern_[atom_text(predicate, pattern)].emplace_back(interned[i], it->second);
    }
    tick();
    return it->second;
  }

  NumTerm ground_num(const ast::NumExpr& e, const Binding& b) {
    NumTerm t;
    switch (e.kind) {
    case ast::NumExpr::Kind::number:
      t.kind = NumTerm::Kind::number;
      t.value = e.number;
      break;
    case ast::NumExpr::Kind::atom:
      t.kind = NumTerm::Kind::atom;
      t.atom = intern(e.atom.predicate.text, args_of(e.atom, b));
      break;
    case ast::NumExpr::Kind::variable: // the checks reject a variable in arithmetic
      t.kind = NumTerm::Kind::number;
      break;
    case ast::NumExpr::Kind::add:
    case ast::NumExpr::Kind::sub:
    case ast::NumExpr::Kind::mul:
      t.kind = e.kind == ast::NumExpr::Kind::add   ? NumTerm::Kind::add
               : e.kind == ast::NumExpr::Kind::sub ? NumTerm::Kind::sub
                                                   : NumTerm::Kind::mul;
      for (const auto& o : e.operands) t.operands.push_back(ground_num(o, b));
      break;
    }
    return t;
  }

  Formula constant(bool value) {
    Formula f;
    f.kind = value ? Formula::Kind::truth : Formula::Kind::falsity;
    return f;
  }

  Formula ground_formula(const ast::Formula& f, const Binding& b) {
    Formula out;
    switch (f.kind) {
    case ast::Formula::Kind::atom:
      out.kind = Formula::Kind::atom;
      out.atom = intern(f.atom.predicate.text, args_of(f.atom, b));
      return out;
    case ast::Formula::Kind::comparison: {
      auto l = entity_term(f.comparison.lhs, p_), r = entity_term(f.comparison.rhs, p_);
      if (l && r) {
        auto value = [&](const ast::Term& t) {
          if (!t.variable) return t.name;
          auto it = b.find(t.name);
          return it == b.end() ? t.name : it->second;
        };
        bool equal = value(*l) == value(*r);
        return constant(f.comparison.op == ast::CmpOp::eq ? equal : !equal);
      }
      out.kind = Formula::Kind::comparison;
      out.op = f.comparison.op;
      out.lhs = ground_num(f.comparison.lhs, b);
      out.rhs = ground_num(f.comparison.rhs, b);
      return out;
    }
    case ast::Formula::Kind::negation:
    case ast::Formula::Kind::conjunction:
    case ast::Formula::Kind::disjunction:
      out.kind = f.kind == ast::Formula::Kind::negation      ? Formula::Kind::negation
                 : f.kind == ast::Formula::Kind::conjunction ? Formula::Kind::conjunction
                                                             : Formula::Kind::disjunction;
      for (const auto& o : f.operands) out.operands.push_back(ground_formula(o, b));
      return out;
    case ast::Formula::Kind::truth: return constant(true);
    case ast::Formula::Kind::falsity: return constant(false);
    }
    return out;
  }

  bool mentions_link(const Formula& f) const {
    std::vector<AtomId> atoms;
    collect_atoms(f, atoms);
    for (AtomId a : atoms) {
      const auto* info = g_.atoms[a].info;
      if (info && (info->has(Tag::link) || info->has(Tag::attribution))) return true;
    }
    return false;
  }

  void ground_fact(std::size_t i) {
    const FactItem& fact = p_.facts[i];
    if (fact.numeric) {
      g_.numeric.push_back({i, intern(fact.target.predicate.text, args_of(fact.target, {})), fact.lo, fact.hi});
      return;
    }
    Formula whole = ground_formula(fact.formula, {});
    std::vector<Formula> conjuncts;
    if (whole.kind == Formula::Kind::conjunction) conjuncts = std::move(whole.operands);
    else conjuncts.push_back(std::move(whole));
    for (auto& c : conjuncts) {
      FactPremise premise;
      premise.fact = i;
      collect_atoms(c, premise.atoms);
      premise.mentions_link = mentions_link(c);
      premise.formula = std::move(c);
      g_.facts.push_back(std::move(premise));
    }
  }

  // Free variables of a claim range over their domains, one grounding each.
  // Each `_` is a variable of its own; a variable only in comparisons
  // (`holds X != a`) ranges over every entity (semantics.md §1).
  void ground_claim(std::size_t i) {
    const ClaimItem& claim = p_.claims[i];
    ast::Formula formula = claim.formula;
    int anonymous = 0;
    std::set<std::string> untyped;
    std::function<void(ast::NumExpr&)> visit_num = [&](ast::NumExpr& e) {
      if (e.kind == ast::NumExpr::Kind::atom)
        for (auto& t : e.atom.args)
          if (t.variable && t.name == "_") t.name = "_" + std::to_string(anonymous++);
      for (auto& o : e.operands) visit_num(o);
    };
    std::function<void(ast::Formula&)> visit = [&](ast::Formula& f) {
      if (f.kind == ast::Formula::Kind::atom)
        for (auto& t : f.atom.args)
          if (t.variable && t.name == "_") t.name = "_" + std::to_string(anonymous++);
      if (f.kind == ast::Formula::Kind::comparison) {
        visit_num(f.comparison.lhs);
        visit_num(f.comparison.rhs);
        for (const ast::NumExpr* e : {&f.comparison.lhs, &f.comparison.rhs})
          if (auto t = entity_term(*e, p_); t && t->variable) untyped.insert(t->name);
      }
      for (auto& o : f.operands) visit(o);
    };
    visit(formula);
    std::map<std::string, EntityType> types;
    note_types(formula, types);
    std::vector<std::string> vars;
    for (const auto& [v, _] : types) vars.push_back(v);
    std::vector<std::string> everything; // every entity, for a variable only in comparisons
    for (const auto& [name, _] : p_.entities) everything.push_back(name);
    std::sort(everything.begin(), everything.end());
    for (const auto& v : untyped)
      if (!types.count(v)) vars.push_back(v);
    if (vars.size() > max_variables) {
      fail_limit("claim '" + claim.id + "' has " + std::to_string(vars.size()) + " free variables; the limit is " +
                     std::to_string(max_variables),
                 claim.span, "name the entities the claim is about, or split it into several claims");
      return;
    }
    Binding b;
    std::function<void(std::size_t)> each = [&](std::size_t k) {
      if (!ok()) return;
      if (k == vars.size()) {
        ClaimInstance inst;
        inst.claim = i;
        inst.bindings = b;
        inst.formula = ground_formula(formula, b);
        inst.text = to_string(g_, inst.formula);
        g_.claims.push_back(std::move(inst));
        return;
      }
      auto type = types.find(vars[k]);
      for (const auto& e : type == types.end() ? everything : domains_[type->second]) {
        b[vars[k]] = e;
        each(k + 1);
      }
      b.erase(vars[k]);
    };
    each(0);
  }

  // The atoms a join can bind variables from: positive atoms, and number atoms
  // inside comparisons (they range over what numeric facts define).
  struct Generator {
    const ast::Atom* atom = nullptr;
    bool enumerate_possible = false; // closed base or number predicate
  };

  void generators(const ast::NumExpr& e, std::vector<Generator>& out) const {
    // A number atom ranges over every entity of its types (semantics.md §1: an
    // entity with no numeric fact has an unknown value, not none).
    if (e.kind == ast::NumExpr::Kind::atom && !e.atom.args.empty()) out.push_back({&e.atom, false});
    for (const auto& o : e.operands) generators(o, out);
  }

  std::vector<Generator> generators(const PreparedRule& r) const {
    std::vector<Generator> out;
    for (const auto& l : r.body) {
      if (l.kind == ast::Formula::Kind::atom) {
        auto pred = p_.predicates.find(l.atom.predicate.text);
        bool closed_base = pred != p_.predicates.end() && pred->second.has(Tag::closed) &&
                           !rules_by_head_.count(l.atom.predicate.text);
        out.push_back({&l.atom, closed_base});
      } else if (l.kind == ast::Formula::Kind::comparison) {
        generators(l.comparison.lhs, out);
        generators(l.comparison.rhs, out);
      }
    }
    return out;
  }

  void expand(AtomId id) {
    if (expanded_.size() <= id) expanded_.resize(id + 1, false);
    if (expanded_[id]) return;
    expanded_[id] = true;
    const Atom atom = g_.atoms[id]; // copied: interning may grow the table
    auto rules = rules_by_head_.find(atom.predicate);
    if (rules == rules_by_head_.end()) return;
    Definition def;
    def.head = id;
    for (const auto& r : rules->second) {
      Binding b;
      if (!unify(r.head, atom.args, b)) continue;
      auto gens = generators(r);
      std::vector<bool> used(gens.size(), false);
      join(r, gens, used, b, def);
      if (!ok()) return;
    }
    const auto* info = atom.info;
    if (info && info->has(Tag::attribution) && atom.args.size() == 2 && info->params.size() == 2 &&
        info->params[0] == EntityType::operation && info->params[1] == EntityType::state) {
      for (const char* origin : {"originates_in", "uses_infrastructure_in"})
        if (p_.predicates.count(origin)) def.naive_origin.push_back(intern(origin, atom.args));
    }
    settle_described(def);
    g_.definition_of[id] = g_.definitions.size();
    g_.definitions.push_back(std::move(def));
  }

  bool unify(const ast::Atom& head, const std::vector<std::string>& args, Binding& b) const {
    if (head.args.size() != args.size()) return false;
    for (std::size_t i = 0; i < args.size(); ++i) {
      const auto& t = head.args[i];
      if (!t.variable) {
        if (t.name != args[i]) return false;
        continue;
      }
      auto [it, fresh] = b.emplace(t.name, args[i]);
      if (!fresh && it->second != args[i]) return false;
    }
    return true;
  }

  std::size_t unbound(const ast::Atom& a, const Binding& b) const {
    std::size_t n = 0;
    for (const auto& t : a.args)
      if (t.variable && !b.count(t.name)) ++n;
    return n;
  }

  // Joins the generators most selective first: a closed or numeric atom binds
  // from the premises that state it; then the atom with fewest unbound variables.
  void join(const PreparedRule& r, const std::vector<Generator>& gens, std::vector<bool>& used, Binding& b,
            Definition& def) {
    if (!ok()) return;
    std::optional<std::size_t> pick;
    for (std::size_t i = 0; i < gens.size(); ++i) {
      if (used[i]) continue;
      if (unbound(*gens[i].atom, b) == 0) {
        used[i] = true; // fully bound: a test, not a generator
        if (gens[i].enumerate_possible && !possible(*gens[i].atom, b) && is_positive_closed(r, gens[i])) {
          used[i] = false;
          return; // a closed atom nothing can make true: this body is false
        }
        join(r, gens, used, b, def);
        used[i] = false;
        return;
      }
      if (!pick || (gens[i].enumerate_possible && !gens[*pick].enumerate_possible) ||
          (gens[i].enumerate_possible == gens[*pick].enumerate_possible &&
           unbound(*gens[i].atom, b) < unbound(*gens[*pick].atom, b)))
        pick = i;
    }
    if (!pick) {
      emit(r, b, def);
      return;
    }
    const Generator& gen = gens[*pick];
    used[*pick] = true;
    if (gen.enumerate_possible) {
      auto it = possible_.find(gen.atom->predicate.text);
      if (it != possible_.end()) {
        for (const auto& tuple : it->second) {
          Binding extended = b;
          if (!unify(*gen.atom, tuple, extended)) continue;
          join(r, gens, used, extended, def);
        }
      }
    } else {
      std::vector<std::string> vars;
      for (const auto& t : gen.atom->args)
        if (t.variable && !b.count(t.name) && std::find(vars.begin(), vars.end(), t.name) == vars.end())
          vars.push_back(t.name);
      if (vars.size() != 1 || !shortcuts_ || !bind_last(r, gens, used, b, def, vars.front()))
        bind_all(r, gens, used, b, def, vars, 0);
    }
    used[*pick] = false;
  }

  bool is_positive_closed(const PreparedRule& r, const Generator& gen) const {
    for (const auto& l : r.body)
      if (l.kind == ast::Formula::Kind::atom && &l.atom == gen.atom) return true;
    return false; // a number atom in a comparison: undefined values stay open
  }

  bool possible(const ast::Atom& a, const Binding& b) const {
    auto it = possible_.find(a.predicate.text);
    return it != possible_.end() && it->second.count(args_of(a, b));
  }

  // The atom of a literal `a` or `not a`, and its sign; nullptr for anything else.
  static const ast::Atom* literal_atom(const ast::Formula& l, bool& positive) {
    positive = l.kind == ast::Formula::Kind::atom;
    if (positive) return &l.atom;
    if (l.kind == ast::Formula::Kind::negation && l.operands[0].kind == ast::Formula::Kind::atom) return &l.operands[0].atom;
    return nullptr;
  }

  // A premise or claim mentions this ground atom: the id, or nullopt.
  std::optional<AtomId> mentioned(const std::string& predicate, const std::vector<std::string>& args) const {
    auto it = g_.index.find(atom_text(predicate, args));
    if (it == g_.index.end() || it->second >= mentioned_) return std::nullopt;
    return it->second;
  }

  // Binds the rule's last unbound variable without walking its whole domain:
  // the entities some premise or claim mentions in the instance's atoms (and
  // those a comparison names) one by one, then one entity the case says
  // nothing about there, which makes the representative's instance and stands
  // for all the others (emit() would collapse each of them into it). Keeps
  // grounding linear in the case. Returns false where that does not apply
  // (the variable meets a number, a closed atom the instance needs, or a
  // conclusion it does not only pass through); the caller then walks the domain.
  bool bind_last(const PreparedRule& r, const std::vector<Generator>& gens, std::vector<bool>& used, Binding& b,
                 Definition& def, const std::string& var) {
    if (std::any_of(r.head.args.begin(), r.head.args.end(), [&](const ast::Term& t) { return t.variable && t.name == var; }))
      return false;
    for (const auto& [name, _] : r.types)
      if (name != var && !b.count(name)) return false;
    auto type = r.types.find(var);
    if (type == r.types.end()) return false;
    std::set<std::string> named; // entities to judge one by one
    // An entity another variable of the instance is bound to is not "another"
    // one: with X = Y, allied(X, Y) is allied(a, a), not allied(a, <another>).
    for (const auto& [name, value] : b)
      if (name != var) named.insert(value);
    std::vector<std::pair<std::string, std::size_t>> descriptions; // atoms about the entity alone: predicate, arity
    bool open_link = false;                 // a condition linking the entity to the others, open to proof
    for (const auto& l : r.body) {
      bool positive = false;
      const ast::Atom* a = literal_atom(l, positive);
      if (!a) {
        if (!mentions_variable(l, var)) continue;
        if (l.kind != ast::Formula::Kind::comparison) return false;
        auto lhs = entity_term(l.comparison.lhs, p_), rhs = entity_term(l.comparison.rhs, p_);
        if (!lhs || !rhs) return false;
        for (const ast::Term* t : {&*lhs, &*rhs}) {
          if (!t->variable) named.insert(t->name);
          else if (auto it = b.find(t->name); it != b.end()) named.insert(it->second);
        }
        continue;
      }
      auto pattern = args_of(*a, b);
      bool has = false;
      for (std::size_t i = 0; i < a->args.size(); ++i)
        if (a->args[i].variable && a->args[i].name == var) {
          pattern[i] = hole;
          has = true;
        }
      if (!has) continue;
      auto pred = p_.predicates.find(a->predicate.text);
      if (pred == p_.predicates.end() || pred->second.numeric) return false;
      if (rules_by_head_.count(a->predicate.text)) {
        if (mentioned_values_through(a->predicate.text, pattern, named)) continue;
        return false;
      }
      bool closed = pred->second.has(Tag::closed);
      if (closed && positive) return false; // joined from what premises state, not from the domain
      bool link = std::any_of(pattern.begin(), pattern.end(), [&](const std::string& x) { return x != hole; });
      if (link) {
        mentioned_values(a->predicate.text, pattern, named);
      } else {
        descriptions.emplace_back(a->predicate.text, pattern.size());
        if (auto c = contested_by_predicate_.find(a->predicate.text); c != contested_by_predicate_.end())
          for (AtomId id : c->second) // described in a way that could conflict: judged on its own
            if (const auto& args = g_.atoms[id].args; std::all_of(args.begin(), args.end(), [&](const std::string& x) { return x == args.front(); }))
              named.insert(args.front());
      }
      open_link = open_link || (link && positive && !closed);
    }
    // A described entity is one more "another" only behind an open link (anonymous_variable).
    if (!descriptions.empty() && !open_link) return false;
    // The named entities first (a std::set walks them in the domain's order),
    // then one the case says nothing about here, found without walking all.
    const auto& domain = domains_[type->second];
    for (const auto& e : named) {
      if (!ok()) return true;
      if (!std::binary_search(domain.begin(), domain.end(), e)) continue;
      b[var] = e;
      join(r, gens, used, b, def);
    }
    auto described = [&](const std::string& e) {
      return std::any_of(descriptions.begin(), descriptions.end(), [&](const auto& d) {
        return mentioned(d.first, std::vector<std::string>(d.second, e)).has_value();
      });
    };
    for (const auto& e : domain) {
      if (named.count(e) || described(e)) continue;
      b[var] = e;
      auto anonymous = anonymous_variable(r, b);
      if (anonymous && anonymous->first == var && anonymous->second) {
        join(r, gens, used, b, def); // the representative's instance, for every other entity
        b.erase(var);
        return true;
      }
      break;
    }
    for (const auto& e : domain) { // no entity stands for the rest: each on its own
      if (!ok()) break;
      if (named.count(e)) continue;
      b[var] = e;
      join(r, gens, used, b, def);
    }
    b.erase(var);
    return true;
  }

  // Values at `hole` of the atoms of `predicate` matching `pattern` that a
  // premise or claim mentions.
  static std::string mention_key(const std::string& predicate, std::size_t position, const std::string& entity) {
    return predicate + '\x02' + std::to_string(position) + '\x02' + entity;
  }

  void mentioned_values(const std::string& predicate, const std::vector<std::string>& pattern,
                        std::set<std::string>& out) const {
    // Look up by the first known entity: a handful of atoms, not all of the predicate's.
    auto bound = std::find_if(pattern.begin(), pattern.end(), [&](const std::string& x) { return x != hole; });
    auto it = bound == pattern.end()
                  ? mentioned_by_predicate_.find(predicate)
                  : mentioned_by_arg_.find(mention_key(predicate, static_cast<std::size_t>(bound - pattern.begin()), *bound));
    if (it == mentioned_by_predicate_.end() || it == mentioned_by_arg_.end()) return;
    for (AtomId id : it->second) {
      const auto& args = g_.atoms[id].args;
      if (args.size() != pattern.size()) continue;
      std::optional<std::string> value;
      bool match = true;
      for (std::size_t i = 0; i < args.size() && match; ++i) {
        if (pattern[i] != hole) match = args[i] == pattern[i];
        else if (!value) value = args[i];
        else match = *value == args[i];
      }
      if (match && value) out.insert(*value);
    }
  }

  // The same for a derived atom: values that make it, or an atom it depends on
  // through a transparent position, mentioned. False if the hole is not at
  // transparent positions only.
  bool mentioned_values_through(const std::string& predicate, const std::vector<std::string>& pattern,
                                std::set<std::string>& out) const {
    // Remembered per pattern, as in never_true.
    std::string key = atom_text(predicate, pattern);
    auto it = through_memo_.find(key);
    if (it == through_memo_.end()) {
      std::set<std::string> values;
      bool ok = mentioned_values_through_uncached(predicate, pattern, values);
      it = through_memo_.emplace(std::move(key), ok ? std::optional(std::move(values)) : std::nullopt).first;
    }
    if (!it->second) return false;
    out.insert(it->second->begin(), it->second->end());
    return true;
  }

  bool mentioned_values_through_uncached(const std::string& predicate, const std::vector<std::string>& pattern,
                                         std::set<std::string>& out) const {
    if (!rules_by_head_.count(predicate)) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i)
      if (pattern[i] == hole && !transparent(predicate, i)) return false;
    mentioned_values(predicate, pattern, out);
    for (const auto& r : rules_by_head_.at(predicate)) {
      Binding b;
      if (!unify(r.head, pattern, b)) continue;
      for (const auto& l : r.body) {
        bool positive = false;
        const ast::Atom* a = literal_atom(l, positive);
        if (!a) continue;
        auto inner = args_of(*a, b);
        if (std::find(inner.begin(), inner.end(), hole) == inner.end()) continue;
        if (rules_by_head_.count(a->predicate.text)) {
          if (!mentioned_values_through(a->predicate.text, inner, out)) return false;
        } else {
          mentioned_values(a->predicate.text, inner, out);
        }
      }
    }
    return true;
  }

  void bind_all(const PreparedRule& r, const std::vector<Generator>& gens, std::vector<bool>& used, Binding& b,
                Definition& def, const std::vector<std::string>& vars, std::size_t k) {
    if (!ok()) return;
    if (k == vars.size()) {
      join(r, gens, used, b, def);
      return;
    }
    auto type = r.types.find(vars[k]);
    if (type == r.types.end()) return;
    for (const auto& e : domains_[type->second]) {
      b[vars[k]] = e;
      bind_all(r, gens, used, b, def, vars, k + 1);
    }
    b.erase(vars[k]);
  }

  // Entities the case says nothing about in a rule instance are interchangeable:
  // `performed_by(op, x), organ_of(x, s)` is an open question for every such x
  // alike. They are judged once, through a representative ("<another actor>"),
  // which keeps grounding linear in the case and reports readable ("proving
  // performed_by(op, <another actor>) and organ_of(<another actor>, s) would
  // establish it"). A variable qualifies when it occurs only in base atoms and
  // in no comparison that tells its values apart, and either
  //  - no premise or claim mentions any atom it occurs in, or
  //  - no premise or claim mentions an atom linking it to the instance's other
  //    entities, one such link is a condition (so the instance holds only if
  //    that open question is answered yes), and what the case says about the
  //    entity alone is open to proof (`organised_group(x)`,
  //    `critical_infrastructure(x)`; not a closed predicate). A group the case
  //    describes but never connects to this operation and state is then one
  //    more "another actor", not a route of its own.
  // Returns the variable, and whether the case says nothing at all about its value.
  std::optional<std::pair<std::string, bool>> anonymous_variable(const PreparedRule& r, const Binding& b) const {
    std::optional<std::pair<std::string, bool>> found;
    for (const auto& entry : b) {
      const std::string& var = entry.first; // named, not a structured binding: lambdas capture it (clang 14)
      const std::string& value = entry.second;
      bool head = std::any_of(r.head.args.begin(), r.head.args.end(),
                              [&](const ast::Term& t) { return t.variable && t.name == var; });
      if (head) continue;
      // Bound to the same entity as another variable: not interchangeable.
      if (std::any_of(b.begin(), b.end(), [&](const auto& other) { return other.first != var && other.second == value; }))
        continue;
      bool anonymous = true, occurs = false, unmentioned = true, open_link = false;
      auto visit_atom = [&](const ast::Atom& a, bool positive) {
        if (!anonymous) return;
        bool has = std::any_of(a.args.begin(), a.args.end(), [&](const ast::Term& t) { return t.variable && t.name == var; });
        if (!has) return;
        occurs = true;
        auto pred = p_.predicates.find(a.predicate.text);
        if (pred == p_.predicates.end() || pred->second.numeric) {
          anonymous = false;
          return;
        }
        if (rules_by_head_.count(a.predicate.text)) {
          // A conclusion that depends on the entity only through atoms nobody mentions.
          if (!unmentioned_through(a.predicate.text, args_of(a, b), value)) anonymous = false;
          unmentioned = unmentioned && anonymous;
          return;
        }
        bool link = std::any_of(a.args.begin(), a.args.end(), [&](const ast::Term& t) { return !t.variable || t.name != var; });
        bool closed = pred->second.has(Tag::closed);
        auto id = mentioned(a.predicate.text, args_of(a, b));
        if (!id) {
          if (link && positive && !closed) open_link = true;
          return;
        }
        unmentioned = false;
        // A stated link singles the entity out, and so does a closed fact
        // about it that the instance needs (the representative's is false),
        // and a description that could conflict with the rest of the case.
        if (link || (closed && positive) || contested_[*id]) anonymous = false;
      };
      for (const auto& l : r.body) {
        bool positive = false;
        if (const ast::Atom* a = literal_atom(l, positive)) visit_atom(*a, positive);
        else if (mentions_variable(l, var) && !comparison_ignores(l, var, value, b)) anonymous = false;
      }
      if (!anonymous || !occurs || (!unmentioned && !open_link)) continue;
      if (found) return std::nullopt; // two at once: judged one by one
      found = {var, unmentioned};
    }
    return found;
  }

  // Positions of derived predicates an entity passes through untouched: in
  // every rule, the head variable there occurs only in open base atoms and in
  // such positions of other derived atoms, beside nothing but the head's other
  // variables and constants, and in no comparison. `violates_sovereignty(Op, V)`
  // is transparent in V: its rules read targets(Op, V) and
  // interferes_with_governmental_functions(Op, V). Whether a given entity
  // matters there can then be read off those atoms without grounding it.
  // The least fixed point: a position on a loop of predicates stays opaque,
  // and so does one more than max_depth predicates above the base atoms
  // (each position is decided once, depth first; no deep recursion).
  void find_transparent_positions() {
    for (const auto& [name, rules] : rules_by_head_)
      if (!rules.empty())
        for (std::size_t i = 0; i < rules.front().head.args.size(); ++i) transparent_at(name, i, 0);
  }

  static constexpr int max_depth = 200;
  enum class Seen : char { no, in_progress, opaque, transparent };

  bool transparent_at(const std::string& predicate, std::size_t i, int depth) {
    auto rules = rules_by_head_.find(predicate);
    if (rules == rules_by_head_.end() || rules->second.empty()) return false;
    auto& state = seen_[predicate];
    state.resize(std::max(state.size(), rules->second.front().head.args.size()), Seen::no);
    if (i >= state.size()) return false;
    if (state[i] != Seen::no) return state[i] == Seen::transparent;
    if (depth > max_depth) return false; // not remembered: a shallower path may decide it
    state[i] = Seen::in_progress;
    bool ok = std::all_of(rules->second.begin(), rules->second.end(),
                          [&](const PreparedRule& r) { return passes_through(r, i, depth); });
    seen_[predicate][i] = ok ? Seen::transparent : Seen::opaque; // `state` may have moved
    return ok;
  }

  // Whether find_transparent_positions() found position i of `predicate` transparent.
  bool transparent(const std::string& predicate, std::size_t i) const {
    auto it = seen_.find(predicate);
    return it != seen_.end() && i < it->second.size() && it->second[i] == Seen::transparent;
  }

  bool passes_through(const PreparedRule& r, std::size_t i, int depth) {
    if (i >= r.head.args.size() || !r.head.args[i].variable) return false;
    const std::string& x = r.head.args[i].name;
    auto in_head = [&](const ast::Term& t) {
      return !t.variable || std::any_of(r.head.args.begin(), r.head.args.end(),
                                        [&](const ast::Term& h) { return h.variable && h.name == t.name; });
    };
    if (std::count_if(r.head.args.begin(), r.head.args.end(), [&](const ast::Term& t) { return t.variable && t.name == x; }) != 1)
      return false;
    for (const auto& l : r.body) {
      bool positive = false;
      const ast::Atom* a = literal_atom(l, positive);
      if (!a) {
        if (mentions_variable(l, x)) return false;
        continue;
      }
      bool has = false;
      for (const auto& t : a->args) has = has || (t.variable && t.name == x);
      if (!has) continue;
      if (!std::all_of(a->args.begin(), a->args.end(), in_head)) return false;
      auto pred = p_.predicates.find(a->predicate.text);
      if (pred == p_.predicates.end() || pred->second.numeric) return false;
      if (rules_by_head_.count(a->predicate.text)) {
        for (std::size_t j = 0; j < a->args.size(); ++j)
          if (a->args[j].variable && a->args[j].name == x && !transparent_at(a->predicate.text, j, depth + 1)) return false;
      } else if (pred->second.has(Tag::closed)) {
        return false;
      }
    }
    return true;
  }

  // The derived atom `predicate(args)` depends on `value` only through atoms
  // no premise or claim mentions (and is not mentioned itself).
  bool unmentioned_through(const std::string& predicate, std::vector<std::string> args, const std::string& value) const {
    for (auto& x : args)
      if (x == value) x = hole;
    std::set<std::string> values;
    return mentioned_values_through(predicate, args, values) && !values.count(value);
  }

  // `V != S` (or `V = S`) with V the variable and S bound to another entity:
  // the representative compares with S exactly as every anonymous value but S
  // itself does, so the comparison does not tell them apart.
  bool comparison_ignores(const ast::Formula& f, const std::string& var, const std::string& value,
                          const Binding& b) const {
    if (f.kind != ast::Formula::Kind::comparison) return false;
    auto l = entity_term(f.comparison.lhs, p_), r = entity_term(f.comparison.rhs, p_);
    if (!l || !r) return false;
    const ast::Term* other = l->variable && l->name == var ? &*r : r->variable && r->name == var ? &*l : nullptr;
    if (!other || (other->variable && other->name == var)) return false;
    std::string other_value = other->name;
    if (other->variable) {
      auto it = b.find(other->name);
      if (it == b.end()) return false;
      other_value = it->second;
    }
    return other_value != value;
  }

  static bool mentions_variable(const ast::Formula& f, const std::string& var) {
    std::function<bool(const ast::NumExpr&)> in_num = [&](const ast::NumExpr& e) {
      if (e.kind == ast::NumExpr::Kind::variable && e.variable.name == var) return true;
      if (e.kind == ast::NumExpr::Kind::atom)
        for (const auto& t : e.atom.args)
          if (t.variable && t.name == var) return true;
      return std::any_of(e.operands.begin(), e.operands.end(), in_num);
    };
    if (f.kind == ast::Formula::Kind::comparison) return in_num(f.comparison.lhs) || in_num(f.comparison.rhs);
    if (f.kind == ast::Formula::Kind::atom)
      return std::any_of(f.atom.args.begin(), f.atom.args.end(), [&](const ast::Term& t) { return t.variable && t.name == var; });
    return std::any_of(f.operands.begin(), f.operands.end(), [&](const ast::Formula& o) { return mentions_variable(o, var); });
  }

  static std::string representative(EntityType t) {
    switch (t) {
    case EntityType::state: return "<another state>";
    case EntityType::actor: return "<another actor>";
    case EntityType::object: return "<another object>";
    case EntityType::operation: return "<another operation>";
    }
    return "<another>";
  }

  void emit(const PreparedRule& r, const Binding& given, Definition& def) {
    Binding b = given;
    if (!shortcuts_) {
      emit_body(r, b, def);
      return;
    }
    if (auto anonymous = anonymous_variable(r, b)) {
      const auto& [var, undescribed] = *anonymous;
      auto type = r.types.find(var);
      if (type != r.types.end()) {
        if (!undescribed) { // decided once the head's instances are all known
          described_.push_back({&r, b, var});
          return;
        }
        // One representative per instance of the other variables (S2: not
        // per head and rule, which let the first instance hide the rest).
        if (!represented_.insert(instance_key(def.head, r.index, b, var)).second) return; // judged once already
        b[var] = representative(type->second);
        std::size_t before = def.bodies.size();
        emit_body(r, b, def);
        if (def.bodies.size() > before) {
          Representative rec{def.head, &r, b, var, b[var], {}, {}};
          for (const auto& l : def.bodies.back().literals) {
            collect_atoms(l, rec.atoms);
            // An open link: a positive, open base atom with the representative.
            if (l.kind != Formula::Kind::atom) continue;
            const Atom& atom = g_.atoms[l.atom];
            if (atom.info && !atom.info->numeric && !atom.info->has(Tag::closed) && !rules_by_head_.count(atom.predicate) &&
                std::find(atom.args.begin(), atom.args.end(), rec.rep) != atom.args.end())
              rec.links.push_back(l.atom);
          }
          representatives_.push_back(std::move(rec));
        }
        return;
      }
    }
    emit_body(r, b, def);
  }

  // Atoms through which a premise's component reaches further: conclusions
  // (their completions link them to their bodies), atoms of a fact with
  // more than one atom, and conditions of a conclusion that a premise bears
  // on, or one above it (the conclusions a claim's cone follows upwards).
  // With `constrained_out`: the conclusions a premise bears on, or one above.
  std::vector<char> connecting_atoms(std::vector<char>* constrained_out = nullptr) const {
    const std::size_t n = g_.atoms.size();
    std::vector<char> constrained(n, 0), connects(n, 0);
    std::vector<AtomId> stack;
    for (const auto& f : g_.facts) {
      stack.insert(stack.end(), f.atoms.begin(), f.atoms.end());
      if (f.atoms.size() > 1)
        for (AtomId a : f.atoms) connects[a] = 1;
    }
    for (const auto& num : g_.numeric) stack.push_back(num.atom);
    stack.insert(stack.end(), g_.assumed.begin(), g_.assumed.end());
    for (const auto& e : p_.evidence)
      for (const auto& b : e.bearings)
        if (auto id = g_.index.find(atom_text(b.atom.predicate.text, args_of(b.atom, {}))); id != g_.index.end())
          stack.push_back(id->second);
    while (!stack.empty()) {
      AtomId a = stack.back();
      stack.pop_back();
      if (constrained[a]) continue;
      constrained[a] = 1;
      if (auto d = g_.definition_of.find(a); d != g_.definition_of.end())
        for (const auto& body : g_.definitions[d->second].bodies)
          for (const auto& l : body.literals) collect_atoms(l, stack);
    }
    for (const auto& d : g_.definitions) {
      connects[d.head] = 1;
      if (!constrained[d.head]) continue;
      std::vector<AtomId> atoms;
      for (const auto& body : d.bodies)
        for (const auto& l : body.literals) collect_atoms(l, atoms);
      for (AtomId a : atoms) connects[a] = 1;
    }
    if (constrained_out) *constrained_out = std::move(constrained);
    return connects;
  }

  // The instance of `rule` for `head` with binding `b`, leaving out `skip`.
  static std::string instance_key(AtomId head, std::size_t rule, const Binding& b, const std::string& skip = {}) {
    std::string key = std::to_string(head) + '\x02' + std::to_string(rule);
    for (const auto& [var, value] : b)
      if (var != skip) key += '\x02' + var + '\x03' + value;
    return key;
  }

  // S1: a representative stands for the entities of its domain that no
  // instance names explicitly (the covered ones). The disjunction of their
  // instances behaves as the representative's instance does (it can be true
  // or false whatever the rest of the case says, and constrains nothing
  // else) when
  //  (a) some covered entity e* has none of its atoms there (through the
  //      conclusions it passes through, too) anywhere else in the ground
  //      program: the disjunction can be made true through e* alone; and
  //  (b) every covered entity has an open link of its own there (a positive,
  //      open base atom no other instance, claim or premise grounds): each
  //      instance can be made false through it, whatever the atoms it shares
  //      with the rest of the case (organ_of(x, rus) in a campaign); and
  //  (c) no atom of a covered entity's instance joins, elsewhere, the
  //      component of a premise (connecting_atoms()): such an atom links the
  //      instance, and the claims above it, to that premise (§4), as
  //      p(op0) in `d1(O, B) if p(O), ..., not p(O)` links a conflict with
  //      the fact d1(op0, a3) to every instance that needs p(op0). Under
  //      a conclusion a premise bears on, any atom of the entity there that
  //      exists elsewhere counts: a claim reaching it climbs to the premise
  //      through the entity's own instance.
  // An entity that breaks (b) (S1: pb(o, a) also in r(a)'s instance, so
  // "not q(o)" must reach r(a)) gets its own instance; without an e* for
  // (a), every entity with an atom elsewhere does, and a representative left
  // standing for no entity goes. Returns whether any instance was added (new
  // atoms then need expanding).
  bool split_representatives() {
    bool changed = false;
    std::vector<char> constrained;
    const std::vector<char> connects = connecting_atoms(&constrained);
    for (auto& rec : representatives_) {
      if (!ok()) return changed;
      if (rec.retired) continue;
      const auto& domain = domains_[rec.rule->types.at(rec.var)];
      auto substituted = [&](AtomId a, const std::string& e) {
        auto args = g_.atoms[a].args;
        for (auto& x : args)
          if (x == rec.rep) x = e;
        return args;
      };
      auto exists = [&](AtomId a, const std::string& e) -> std::optional<AtomId> {
        auto args = substituted(a, e);
        auto it = g_.index.find(atom_text(g_.atoms[a].predicate, args));
        if (it == g_.index.end()) return std::nullopt;
        return it->second;
      };
      auto emitted = [&](const std::string& e) {
        Binding b = rec.binding;
        b[rec.var] = e;
        return emitted_.count(instance_key(rec.head, rec.rule->index, b)) != 0;
      };
      // (b): entities every open link of which some other instance grounds.
      std::optional<std::set<std::string>> without_own_link;
      for (AtomId l : rec.links) {
        std::set<std::string> here;
        const Atom& atom = g_.atoms[l];
        if (std::count(atom.args.begin(), atom.args.end(), rec.rep) == 1) {
          auto pattern = atom.args;
          std::replace(pattern.begin(), pattern.end(), rec.rep, hole);
          if (auto it = by_pattern_.find(atom_text(atom.predicate, pattern)); it != by_pattern_.end())
            for (const auto& [e, _] : it->second)
              if (e != rec.rep && std::binary_search(domain.begin(), domain.end(), e)) here.insert(e);
        } else {
          for (const auto& e : domain)
            if (exists(l, e)) here.insert(e);
        }
        if (!without_own_link) {
          without_own_link = std::move(here);
        } else {
          std::set<std::string> both;
          std::set_intersection(without_own_link->begin(), without_own_link->end(), here.begin(), here.end(),
                                std::inserter(both, both.end()));
          without_own_link = std::move(both);
        }
      }
      // The atoms with the representative, through the conclusions it passes through.
      std::vector<AtomId> stack = rec.atoms, with_rep;
      std::unordered_set<AtomId> seen;
      while (!stack.empty()) {
        AtomId a = stack.back();
        stack.pop_back();
        if (!seen.insert(a).second) continue;
        const auto& args = g_.atoms[a].args;
        if (std::find(args.begin(), args.end(), rec.rep) == args.end()) continue;
        with_rep.push_back(a);
        if (auto d = g_.definition_of.find(a); d != g_.definition_of.end())
          for (const auto& body : g_.definitions[d->second].bodies)
            for (const auto& l : body.literals) collect_atoms(l, stack);
      }
      // An atom of e's instance found elsewhere; a description the case states
      // (vetted by anonymous_variable) does not count.
      auto elsewhere = [&](const std::string& e) {
        return std::any_of(with_rep.begin(), with_rep.end(), [&](AtomId a) {
          auto id = exists(a, e);
          if (!id) return false;
          const auto& args = g_.atoms[*id].args;
          bool description = *id < mentioned_ && std::all_of(args.begin(), args.end(), [&](const std::string& x) { return x == e; });
          return !description;
        });
      };
      // (a): looked for in domain order, usually found at once. Not even a
      // description may exist for it: `not group(X)` with `fact group(g)`
      // makes g's instance false, so g cannot make the disjunction true.
      bool fresh_one = std::any_of(domain.begin(), domain.end(), [&](const std::string& e) {
        return e != rec.rep && !emitted(e) &&
               std::none_of(with_rep.begin(), with_rep.end(), [&](AtomId a) { return exists(a, e).has_value(); });
      });
      std::set<std::string> split;
      if (fresh_one && without_own_link) {
        for (const auto& e : *without_own_link)
          if (!emitted(e)) split.insert(e);
      } else {
        for (const auto& e : domain)
          if (!emitted(e) && elsewhere(e)) split.insert(e);
      }
      // (c): an atom of a covered entity's instance that joins a premise's
      // component elsewhere must stay joined to this instance (§4).
      for (AtomId a : with_rep) {
        const Atom atom = g_.atoms[a];
        auto consider = [&](const std::string& e, AtomId id) {
          // An atom made in this round is looked at in the next one.
          // Under a conclusion a premise bears on, any atom of the entity's
          // there that exists links it: a claim reaching that atom climbs
          // to the premise through the entity's own instance (seed 5789).
          const bool above = rec.head < constrained.size() && constrained[rec.head];
          if (id >= connects.size() || !(connects[id] || above) || e == rec.rep || split.count(e) || !std::binary_search(domain.begin(), domain.end(), e)) return;
          if (!emitted(e)) split.insert(e);
        };
        if (std::count(atom.args.begin(), atom.args.end(), rec.rep) == 1) {
          auto pattern = atom.args;
          std::replace(pattern.begin(), pattern.end(), rec.rep, hole);
          if (auto it = by_pattern_.find(atom_text(atom.predicate, pattern)); it != by_pattern_.end())
            for (const auto& [e, id] : it->second) consider(e, id);
        } else {
          for (const auto& e : domain)
            if (auto id = exists(a, e)) consider(e, *id);
        }
      }
      if (split.empty()) continue;
      for (const auto& e : split) {
        Binding b = rec.binding;
        b[rec.var] = e;
        Definition extra;
        extra.head = rec.head;
        emit_body(*rec.rule, b, extra);
        auto& bodies = g_.definitions[g_.definition_of.at(rec.head)].bodies;
        for (auto& body : extra.bodies) bodies.push_back(std::move(body));
      }
      changed = true;
      // A representative that no longer stands for any entity goes.
      if (std::all_of(domain.begin(), domain.end(), emitted)) {
        rec.retired = true;
        auto& bodies = g_.definitions[g_.definition_of.at(rec.head)].bodies;
        std::erase_if(bodies, [&](const Body& body) {
          if (body.rule != rec.rule->index) return false;
          std::vector<AtomId> atoms;
          for (const auto& l : body.literals) collect_atoms(l, atoms);
          return atoms == rec.atoms;
        });
      }
    }
    return changed;
  }

  // Atoms a premise could make false, or make true only together with
  // something else: in a negation or a disjunction of a fact, or contradicted
  // by evidence. An entity described by such an atom is not set aside (below):
  // its description could conflict with the rest of the case, and that
  // conflict belongs to every claim whose rules reach the entity (§4).
  void find_contested() {
    contested_.assign(mentioned_, false);
    for (const auto& f : g_.facts)
      if (f.formula.kind != Formula::Kind::atom)
        for (AtomId a : f.atoms) contested_[a] = true;
    for (const auto& e : p_.evidence)
      for (const auto& b : e.bearings)
        if (!b.supports)
          if (auto id = mentioned(b.atom.predicate.text, args_of(b.atom, {}))) contested_[*id] = true;
    for (AtomId a = 0; a < mentioned_; ++a)
      if (contested_[a]) contested_by_predicate_[g_.atoms[a].predicate].push_back(a);
  }

  // Instances set aside for an entity the case describes but never connects:
  // the representative's own instance (an entity the case says nothing about)
  // covers them, as it holds wherever they can; without one, they stay.
  void settle_described(Definition& def) {
    auto pending = std::move(described_);
    described_.clear();
    for (auto& d : pending)
      if (!represented_.count(instance_key(def.head, d.rule->index, d.binding, d.var))) emit_body(*d.rule, d.binding, def);
  }

  void emit_body(const PreparedRule& r, const Binding& b, Definition& def) {
    if (++instances_ > max_rule_instances) {
      fail_limit("grounding this case needs more than " + std::to_string(max_rule_instances) +
                     " rule instances (rule '" + r.rule->id + "' has too many variable combinations)",
                 r.rule->span);
      return;
    }
    tick();
    if (shortcuts_) emitted_.insert(instance_key(def.head, r.index, b));
    Body body;
    body.rule = r.index;
    for (const auto& l : r.body) {
      Formula f = ground_formula(l, b);
      if (f.kind == Formula::Kind::truth) continue;
      if (f.kind == Formula::Kind::falsity) return;
      body.literals.push_back(std::move(f));
    }
    def.bodies.push_back(std::move(body));
  }

  // E009: a ground atom that depends on itself. Iterative, so deep chains cannot overflow the stack.
  void check_cycles() {
    enum : char { white, grey, black };
    std::vector<char> colour(g_.atoms.size(), white);
    // Conditions of an atom's rule instances, each with the rule that puts it there.
    auto successors = [&](AtomId a) {
      std::vector<std::pair<AtomId, std::size_t>> out;
      auto d = g_.definition_of.find(a);
      if (d == g_.definition_of.end()) return out;
      for (const auto& body : g_.definitions[d->second].bodies) {
        std::vector<AtomId> atoms;
        for (const auto& l : body.literals) collect_atoms(l, atoms);
        for (AtomId x : atoms) out.emplace_back(x, body.rule);
      }
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      std::reverse(out.begin(), out.end()); // taken from the back: smallest atom first
      return out;
    };
    for (const auto& def : g_.definitions) {
      if (colour[def.head] != white) continue;
      std::vector<std::pair<AtomId, std::vector<std::pair<AtomId, std::size_t>>>> stack;
      stack.emplace_back(def.head, successors(def.head));
      colour[def.head] = grey;
      while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next.empty()) {
          colour[node] = black;
          stack.pop_back();
          continue;
        }
        auto [s, rule] = next.back();
        next.pop_back();
        if (colour[s] == grey) {
          std::string chain = g_.atoms[s].text;
          std::vector<std::string> path;
          for (auto it = stack.rbegin(); it != stack.rend() && it->first != s; ++it) path.push_back(g_.atoms[it->first].text);
          for (auto it = path.rbegin(); it != path.rend(); ++it) chain += " -> " + *it;
          chain += " -> " + g_.atoms[s].text;
          diags_.error("E009", p_.rules[rule].span,
                       "a conclusion depends on itself after grounding: " + chain,
                       {"break the loop: v0.1 rules may not make an atom depend on itself"});
          failed_ = true;
          return;
        }
        if (colour[s] == white) {
          colour[s] = grey;
          stack.emplace_back(s, successors(s));
        }
      }
    }
  }

  const Program& p_;
  Diagnostics& diags_;
  bool shortcuts_ = true;
  GroundProgram g_;
  std::map<EntityType, std::vector<std::string>> domains_;
  std::map<std::string, std::vector<PreparedRule>> rules_by_head_;
  std::map<std::string, std::set<std::vector<std::string>>> possible_;
  std::vector<AtomId> work_;
  std::vector<bool> expanded_;
  std::size_t instances_ = 0;
  std::size_t mentioned_ = 0;
  std::unordered_set<std::string> represented_;  // instance_key without the represented variable
  struct Representative {
    AtomId head = 0;
    const PreparedRule* rule = nullptr;
    Binding binding; // the variable bound to the representative
    std::string var, rep;
    std::vector<AtomId> atoms; // of the representative's body
    std::vector<AtomId> links; // its open links: positive open base atoms with the representative
    bool retired = false;
  };
  std::vector<Representative> representatives_;
  std::unordered_set<std::string> emitted_; // instance_key of every instance emitted by name
  // Atom text with one hole -> the entities there, with their atoms.
  std::unordered_map<std::string, std::vector<std::pair<std::string, AtomId>>> by_pattern_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  std::uint32_t ticks_ = 0;
  bool timed_out_ = false;
  std::map<std::string, std::vector<Seen>> seen_;        // derived predicate -> its positions, transparent or not
  static inline const std::string hole = "\x01";        // a variable's place in an atom pattern
  mutable std::unordered_map<std::string, std::optional<std::set<std::string>>> through_memo_;
  // Atoms a premise or claim mentions, by predicate and by (predicate, position, entity).
  std::unordered_map<std::string, std::vector<AtomId>> mentioned_by_predicate_, mentioned_by_arg_;
  std::vector<bool> contested_;                                            // by mentioned atom id
  std::unordered_map<std::string, std::vector<AtomId>> contested_by_predicate_;
  struct Described {
    const PreparedRule* rule = nullptr;
    Binding binding;
    std::string var;
  };
  std::vector<Described> described_; // of the head being expanded
  bool failed_ = false;
};

} // namespace

void collect_atoms(const NumTerm& t, std::vector<AtomId>& out) {
  if (t.kind == NumTerm::Kind::atom) out.push_back(t.atom);
  for (const auto& o : t.operands) collect_atoms(o, out);
}

void collect_atoms(const Formula& f, std::vector<AtomId>& out) {
  if (f.kind == Formula::Kind::atom) out.push_back(f.atom);
  if (f.kind == Formula::Kind::comparison) {
    collect_atoms(f.lhs, out);
    collect_atoms(f.rhs, out);
  }
  for (const auto& o : f.operands) collect_atoms(o, out);
}

namespace {
std::string num_text(const GroundProgram& g, const NumTerm& t) {
  switch (t.kind) {
  case NumTerm::Kind::number: return to_decimal_string(t.value);
  case NumTerm::Kind::atom: return g.atoms[t.atom].text;
  case NumTerm::Kind::add: return num_text(g, t.operands[0]) + " + " + num_text(g, t.operands[1]);
  case NumTerm::Kind::sub: return num_text(g, t.operands[0]) + " - " + num_text(g, t.operands[1]);
  case NumTerm::Kind::mul: return num_text(g, t.operands[0]) + " * " + num_text(g, t.operands[1]);
  }
  return "";
}
} // namespace

std::string to_string(const GroundProgram& g, const Formula& f) {
  auto wrap = [&](const Formula& o, Formula::Kind parent) {
    bool paren = (o.kind == Formula::Kind::disjunction && parent != Formula::Kind::disjunction) ||
                 (o.kind == Formula::Kind::conjunction && parent == Formula::Kind::negation) ||
                 (o.kind == parent && parent != Formula::Kind::negation);
    std::string s = to_string(g, o);
    return paren ? "(" + s + ")" : s;
  };
  switch (f.kind) {
  case Formula::Kind::atom: return g.atoms[f.atom].text;
  case Formula::Kind::comparison:
    return num_text(g, f.lhs) + " " + std::string(ast::to_string(f.op)) + " " + num_text(g, f.rhs);
  case Formula::Kind::negation: return "not " + wrap(f.operands[0], f.kind);
  case Formula::Kind::conjunction:
  case Formula::Kind::disjunction: {
    std::string out;
    for (std::size_t i = 0; i < f.operands.size(); ++i)
      out += (i ? (f.kind == Formula::Kind::conjunction ? " and " : " or ") : "") + wrap(f.operands[i], f.kind);
    return out;
  }
  case Formula::Kind::truth: return "true";
  case Formula::Kind::falsity: return "false";
  }
  return "";
}

std::vector<AtomId> dependencies(const GroundProgram& g, const Formula& f) {
  std::unordered_set<AtomId> seen; // not a bit per atom: this runs once per claim
  std::vector<AtomId> out, stack;
  collect_atoms(f, stack);
  while (!stack.empty()) {
    AtomId a = stack.back();
    stack.pop_back();
    if (!seen.insert(a).second) continue;
    out.push_back(a);
    auto d = g.definition_of.find(a);
    if (d == g.definition_of.end()) continue;
    for (const auto& b : g.definitions[d->second].bodies)
      for (const auto& l : b.literals) collect_atoms(l, stack);
  }
  std::sort(out.begin(), out.end());
  return out;
}

GroundProgram ground(const Program& program, const std::vector<ast::Atom>& extra_assumptions, Diagnostics& diags,
                     const GroundOptions& options) {
  Grounder grounder(program, diags, options);
  return grounder.run(extra_assumptions);
}

} // namespace imputa::ground
