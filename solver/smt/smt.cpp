// Z3 encoding: Booleans and Reals for ground atoms, Clark completion with a
// selector on every rule, closed predicates, and checks bounded by a watchdog
// that interrupts Z3 (Z3 4.8.12's own `timeout` can deadlock: docs/building.md).
#include "smt/smt.hpp"

#include "smt/factor.hpp"

#include "imputa/ast.hpp" // atom_text: the one spelling of an atom

#include <z3++.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace imputa::smt {

namespace {

// One Z3 context per thread, kept from claim to claim with the watchdog that
// interrupts its checks: making a context costs more than most claims' checks.
// A claim still gets a solver of its own. Reusing the context changes no
// report: what reaches one depends only on SAT/UNSAT answers (models and
// cores are replaced by canonical ones in solver/judge/).
struct Engine {
  z3::context ctx;
  // Watchdog: interrupts Z3 when the armed deadline passes.
  std::mutex mutex;
  std::condition_variable wake;
  std::optional<Clock::time_point> armed; // the deadline of the checks now being made
  // When the watchdog wakes next by itself (nullopt: not before it is
  // notified). Arming a later deadline needs no notification: the watchdog
  // wakes at this time, sees the new deadline and sleeps until it.
  std::optional<Clock::time_point> waking;
  std::atomic<bool> running{false};       // a check is inside Z3
  bool interrupted = false;               // the watchdog interrupted the check now running
  bool stop = false;
  std::thread watchdog;
  std::optional<z3::solver> scratch; // asserts nothing: checking it clears a cancelled context

  Engine() : watchdog([this] { watch(); }) {}

  ~Engine() {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    wake.notify_all();
    watchdog.join();
  }

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Sleeps until the armed deadline; then interrupts Z3 while a check runs.
  // Arming happens only when the deadline changes, not at every check, and
  // wakes the watchdog only when it would otherwise wake too late: a claim's
  // deadlines come later and later, so the thousands of claims of a campaign
  // cost a handful of thread switches, not two each (a wake-up costs tens of
  // microseconds on a virtual machine: 3 % of judging at 4,000 operations).
  void watch() {
    std::unique_lock lock(mutex);
    while (!stop) {
      if (!armed) {
        waking.reset();
        wake.wait(lock);
        continue;
      }
      if (Clock::now() < *armed) {
        waking = armed;
        wake.wait_until(lock, *armed);
        continue;
      }
      // Past the deadline: interrupt whatever check is running, again every
      // 5 ms (a first interrupt can land before Z3 listens, or just before a
      // check that had already passed its own deadline test starts), until re-armed.
      auto passed = *armed;
      waking = passed; // within 5 ms: a new deadline is seen then
      while (!stop && armed == passed) {
        if (running) {
          ctx.interrupt();
          interrupted = true;
        }
        wake.wait_for(lock, std::chrono::milliseconds(5));
      }
    }
  }

  void arm(Clock::time_point deadline) {
    if (armed == deadline) return; // only this thread arms: reading without the lock is safe
    bool too_late = false;
    {
      std::lock_guard lock(mutex);
      armed = deadline;
      too_late = !waking || deadline < *waking;
    }
    if (too_late) wake.notify_all();
  }

  // The check has returned: from here on the watchdog leaves Z3 alone (it
  // reads `running` under the same lock). Whether it interrupted that check:
  // an interrupt leaves the context cancelled until its next check starts
  // (meanwhile reading a model throws "canceled", and a formula asserted is
  // silently dropped, for good), and it can land just after Z3
  // had found its answer, or just before Z3 started. Whatever Z3 returned,
  // the check is answered UNKNOWN (its deadline had passed), and an empty
  // check sets the context right at once, before any other call of this
  // claim or of the next on this thread (docs/building.md, "An interrupt
  // outlives the check it was meant for").
  bool finished() {
    bool hit = false;
    {
      std::lock_guard lock(mutex);
      running = false;
      hit = std::exchange(interrupted, false);
    }
    if (hit) {
      if (!scratch) scratch.emplace(ctx, z3::solver::simple());
      Z3_solver_check(ctx, *scratch);
    }
    return hit;
  }

  // No check of a claim is running any more: the watchdog sleeps until the next arms it.
  void disarm() {
    std::lock_guard lock(mutex);
    armed.reset();
  }

  static Engine& of_this_thread() {
    // Z3 4.8.12 compacts every model it hands out; only atoms' values are read
    // here, and not compacting saves about 7 % of judging at 1,000 operations.
    // A claim's checks are many and small (about 70 per claim, most under
    // 0.1 ms): Z3's relevancy filter costs more there than the assignments it
    // spares, and its older simplex sets up faster than the LRA solver.
    // Plain phase caching (each atom is first tried with the value it had
    // last) suits a claim's run of checks on nearly the same assumptions:
    // its canonical models, above all, need fewer checks. All three are
    // search settings, complete either way for the linear arithmetic the
    // language allows (docs/language.md §12): every SAT/UNSAT answer is the
    // same, only the models differ, and no report reads a model Z3 chose
    // (docs/performance.md, "Allocator and Z3 settings").
    static const bool settings = [] {
      z3::set_param("model.compact", false);
      z3::set_param("smt.relevancy", 0);
      z3::set_param("smt.arith.solver", 2);
      z3::set_param("smt.phase_selection", 2);
      return true;
    }();
    (void)settings;
    thread_local Engine engine;
    return engine;
  }
};

// A solver that is Z3's SMT core alone: the default wraps it in a tactic
// front end that checks with assumptions never use, and costs time to build.
z3::solver smt_solver(z3::context& ctx) {
  z3::solver solver(ctx, z3::solver::simple());
  z3::params params(ctx);
  params.set("model", true);
  params.set("ctrl_c", false); // no SIGINT handler swapped in and out at every check
  solver.set(params);
  return solver;
}

// The shape of a formula a selector occurs in: most are a selector implying
// a literal, which satisfied_by() evaluates itself from a kept model's
// values; the others (a goal's or a fact's formula, a definition's link) go
// to Z3's evaluator.
struct Shape {
  enum class Kind : unsigned char { general, implies_literal, implies_true, presumption };
  Kind kind = Kind::general;
  Selector selector = 0;         // the selector that implies the rest
  ground::AtomId atom = 0;       // the literal's atom (presumption: the closed atom)
  bool positive = true;          // the literal's sign
  std::vector<Selector> reasons; // presumption: the atom is true only for one of these
};

} // namespace

struct Session::Impl {
  const Program& program;
  const ground::GroundProgram& g;
  Engine& engine;
  z3::context& ctx;
  z3::solver solver;
  std::unordered_map<ground::AtomId, z3::expr> atoms; // Bool or Real per ground atom of the cone
  std::vector<z3::expr> selectors;      // Bool per selector
  std::vector<SelectorInfo> infos;
  std::vector<Selector> rule_sel;
  std::map<std::size_t, Selector> rule_open_sel;
  std::set<std::size_t> rules_in_cone;
  Selector naive_origin_sel = 0;
  std::map<std::size_t, Selector> fact_sel, numeric_sel;
  // By literal (atom * 2 + sign): looked up at every premise set and every literal asked about.
  std::unordered_map<std::uint64_t, Selector> proof_sel, literal_sel;
  static std::uint64_t literal_key(ground::AtomId a, bool positive) { return std::uint64_t{a} * 2 + (positive ? 1 : 0); }
  std::map<ground::AtomId, Selector> assumption_sel, definition_sel;
  std::map<std::pair<ground::AtomId, bool>, Selector> burden_sel;
  std::map<ground::AtomId, z3::expr> shadow; // closed derived atoms: their completion
  std::map<ground::AtomId, std::vector<Selector>> closed_reasons; // closed base atoms
  std::map<ground::AtomId, Selector> presumption_sel;            // one per closed base atom of the cone
  std::map<std::size_t, std::vector<z3::expr>> rule_bodies;      // rule -> its ground bodies on the cone
  std::map<std::size_t, Selector> applies_sel;
  std::optional<z3::model> model; // kept from the last check asked to keep one
  std::vector<z3::expr> negated; // !selector, made once per selector
  std::unordered_map<unsigned, Selector> selector_of; // Z3's id of a selector's constant
  std::map<ground::AtomId, Selector> definition_link_sel;
  bool incomplete = false;
  // For answering SAT from a model already found (satisfied_by_kept()): the
  // formulas each selector occurs in, and the selectors that occur in a
  // definition's completion (rules), whose flip this does not follow.
  std::vector<z3::expr> guarded;
  std::vector<Shape> shapes; // by index into `guarded`
  std::vector<std::vector<std::size_t>> guards_of; // by selector: indexes into `guarded`
  std::vector<char> in_completion;
  // By selector, its value in wanted() when no assumption names it: false
  // for premises, free for goals, literals and unused rules.
  std::vector<signed char> unassumed;
  // A model found by a SAT check, with the selector values it was found under
  // (1 true, 0 false, -1 left free) and its question (question_of()): the
  // last twelve, the newest last.
  struct Kept {
    z3::model model;
    std::vector<signed char> assign;
    std::vector<Lit> question; // the goals it was found under
    std::size_t formulas = 0;  // how many of `guarded` it was found with
  };
  std::vector<Kept> kept;
  // Only on large cones: on a small one a check costs about what reading a
  // model and trying it does (JudgeOptions::reuse_models_from; measured on
  // both benchmark corpora, docs/performance.md).
  bool reuse_models = false;
  // The unsat cores of the last UNSAT answers (selector, value assumed), the
  // newest last: assumptions that assume one of them again are UNSAT without
  // a check, since formulas are only ever added. Deleting a premise that
  // lies outside the last core needs no check (a retorsion claim's support,
  // docs/performance.md). The core of the last UNSAT answer is the last
  // (a core that answers a check moves there).
  std::vector<std::vector<std::pair<Selector, signed char>>> cores;
  bool reuse_cores = false; // on cones of at least JudgeOptions::reuse_cores_from atoms
  std::size_t products_from = SIZE_MAX; // JudgeOptions::products_from
  bool known_unsat(const std::vector<signed char>& want);
  void keep_core();
  CheckCounts counts;

  // Rotation (rotated_kept()): which formulas each constant occurs in, and
  // which atoms of the cone name each entity, made when first needed and
  // extended as formulas and atoms are added.
  struct Occurrences {
    std::size_t formulas = 0; // guarded[0, formulas) are indexed
    std::unordered_map<unsigned, std::vector<std::size_t>> of_constant; // Z3's id of a constant -> formulas
    std::vector<std::vector<Selector>> selectors_in;                    // by formula
    std::size_t atoms = 0;                                              // atoms.size() when by_entity was made
    std::unordered_map<std::string_view, std::vector<ground::AtomId>> by_entity;
  };
  Occurrences occurrences;
  void index_occurrences();
  bool rotated_kept(const std::vector<signed char>& want, const std::vector<Lit>& question);
  bool rotated(const Kept& k, const std::vector<signed char>& want);
  bool swapped_satisfies(const Kept& k, const std::vector<signed char>& want, std::unordered_map<unsigned, bool> changed,
                         std::string_view x, std::string_view y);
  std::optional<bool> value_with(const z3::model& m, Z3_ast e, const std::unordered_map<unsigned, bool>& changed) const;

  Impl(const Program& p, const ground::GroundProgram& ground, const std::vector<ground::AtomId>& cone,
       const std::vector<std::size_t>& facts, const std::vector<std::size_t>& numerics, Clock::time_point deadline,
       const SessionOptions& options)
      : program(p), g(ground), engine(Engine::of_this_thread()), ctx(engine.ctx), solver(smt_solver(ctx)),
        reuse_models(cone.size() >= options.reuse_models_from), reuse_cores(cone.size() >= options.reuse_cores_from),
        products_from(options.products_from) {
    encode(cone, facts, numerics, deadline);
  }

  ~Impl() { engine.disarm(); }

  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // Z3's constants are named by number, not by text (no string built and
  // hashed for each of a session's few hundred): an atom, a selector, a
  // closed atom's shadow and a definition's unknown each have their own
  // residue mod 4 (atom and selector ids stay far below Z3's 2^30 limit:
  // ground/ground.hpp caps atoms at a million).
  enum class Name : unsigned { atom, selector, shadow, unknown };
  z3::expr constant(Name kind, std::size_t id, bool real = false) const {
    Z3_symbol name = Z3_mk_int_symbol(ctx, static_cast<int>(4 * id + static_cast<unsigned>(kind)));
    return z3::expr(ctx, Z3_mk_const(ctx, name, real ? ctx.real_sort() : ctx.bool_sort()));
  }

  z3::expr& atom(ground::AtomId a) {
    auto it = atoms.find(a);
    if (it != atoms.end()) return it->second;
    return atoms.emplace(a, constant(Name::atom, a, numeric(a))).first->second;
  }

  // A rule's selectors where no instance of the rule concludes an atom of the
  // cone: they occur in no formula, so assuming them either way changes nothing.
  bool unused(Selector s) const {
    using K = SelectorInfo::Kind;
    const auto& info = infos[s];
    return (info.kind == K::rule || info.kind == K::rule_open) && !rules_in_cone.count(info.index);
  }

  // The value each selector must take under the assumptions (1 true, 0
  // false, -1 free, `both`: assumed either way, which no model satisfies),
  // and the same as Z3 literals.
  static constexpr signed char both = 2;
  std::vector<signed char> wanted(const std::vector<Lit>& assumptions) const;
  std::vector<Z3_ast> assumed(const std::vector<signed char>& want) const;

  Selector new_selector(SelectorInfo info) {
    using K = SelectorInfo::Kind;
    auto id = static_cast<Selector>(selectors.size());
    // A rule's selectors are unused until a definition of the cone names the rule (encode_definition()).
    const bool free = info.kind == K::goal || info.kind == K::literal || info.kind == K::rule || info.kind == K::rule_open;
    unassumed.push_back(free ? -1 : 0);
    selectors.push_back(constant(Name::selector, id));
    selector_of.emplace(selectors.back().id(), id);
    negated.push_back(!selectors.back());
    infos.push_back(info);
    guards_of.emplace_back();
    in_completion.push_back(0);
    return id;
  }

  // Asserts `f`, in which the selectors `on` occur (and no other, but those of
  // rules, which are marked in_completion).
  void add(const z3::expr& f, std::initializer_list<Selector> on, Shape shape = {}) {
    add(f, std::vector<Selector>(on), std::move(shape));
  }
  void add(const z3::expr& f, const std::vector<Selector>& on, Shape shape = {}) {
    solver.add(f);
    for (Selector s : on) guards_of[s].push_back(guarded.size());
    guarded.push_back(f);
    shapes.push_back(std::move(shape));
  }

  // Asserts "s implies the literal (a, positive)" (a Boolean atom).
  void add_implied_literal(Selector s, ground::AtomId a, bool positive) {
    add(z3::implies(selectors[s], positive ? atom(a) : !atom(a)), {s}, {Shape::Kind::implies_literal, s, a, positive, {}});
  }

  // A kept model's value of a Boolean constant (an atom or a selector), as
  // model.eval(c, true) gives it: one it leaves free reads as false.
  bool model_value(const z3::model& m, const z3::expr& c) const {
    Z3_ast v = Z3_model_get_const_interp(ctx, m, Z3_get_app_decl(ctx, Z3_to_app(ctx, c)));
    if (!v) return false;
    switch (Z3_get_bool_value(ctx, v)) {
    case Z3_L_TRUE: return true;
    case Z3_L_FALSE: return false;
    default: return m.eval(c, true).is_true();
    }
  }

  bool satisfied_by_kept(const std::vector<signed char>& want, const std::vector<Lit>& question) const;
  bool satisfied_by(const Kept& k, const std::vector<signed char>& want) const;
  // The goals among the assumptions, sorted (a few, not a pass over every selector).
  std::vector<Lit> question_of(const std::vector<Lit>& assumptions) const {
    std::vector<Lit> out;
    for (const Lit& l : assumptions)
      if (infos[l.selector].kind == SelectorInfo::Kind::goal) out.push_back(l);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  void keep(const z3::model& m, std::vector<signed char> want, std::vector<Lit> question) {
    if (kept.size() == 12) kept.erase(kept.begin());
    kept.push_back({m, std::move(want), std::move(question), guarded.size()});
  }

  z3::expr rational(const Rational& r) {
    std::string text = r.numerator_text() + "/" + r.denominator_text();
    return ctx.real_val(text.c_str());
  }

  bool numeric(ground::AtomId a) const { return g.atoms[a].info && g.atoms[a].info->numeric; }

  z3::expr num(const ground::NumTerm& t) {
    switch (t.kind) {
    case ground::NumTerm::Kind::number: return rational(t.value);
    case ground::NumTerm::Kind::atom: return numeric(t.atom) ? atom(t.atom) : ctx.real_val(0);
    case ground::NumTerm::Kind::add: return num(t.operands[0]) + num(t.operands[1]);
    case ground::NumTerm::Kind::sub: return num(t.operands[0]) - num(t.operands[1]);
    case ground::NumTerm::Kind::mul: return num(t.operands[0]) * num(t.operands[1]);
    }
    return ctx.real_val(0);
  }

  z3::expr formula(const ground::Formula& f) {
    using K = ground::Formula::Kind;
    switch (f.kind) {
    case K::atom: return numeric(f.atom) ? ctx.bool_val(false) : atom(f.atom);
    case K::comparison: {
      z3::expr l = num(f.comparison->lhs), r = num(f.comparison->rhs);
      switch (f.comparison->op) {
      case ast::CmpOp::lt: return l < r;
      case ast::CmpOp::le: return l <= r;
      case ast::CmpOp::gt: return l > r;
      case ast::CmpOp::ge: return l >= r;
      case ast::CmpOp::eq: return l == r;
      case ast::CmpOp::ne: return l != r;
      }
      return ctx.bool_val(false);
    }
    case K::negation: return !formula(f.operands[0]);
    case K::conjunction:
    case K::disjunction: {
      z3::expr_vector parts(ctx);
      for (const auto& o : f.operands) parts.push_back(formula(o));
      return f.kind == K::conjunction ? z3::mk_and(parts) : z3::mk_or(parts);
    }
    case K::truth: return ctx.bool_val(true);
    case K::falsity: return ctx.bool_val(false);
    }
    return ctx.bool_val(false);
  }

  void encode(const std::vector<ground::AtomId>& cone, const std::vector<std::size_t>& facts,
              const std::vector<std::size_t>& numerics, Clock::time_point deadline) {
    // Encoding counts against the claim's time limit too: looked at every 256 definitions.
    std::size_t steps = 0;
    auto late = [&] {
      if ((++steps & 255u) == 0 && Clock::now() >= deadline) incomplete = true;
      return incomplete;
    };
    auto inside = [&](ground::AtomId a) { return std::binary_search(cone.begin(), cone.end(), a); };
    for (std::size_t r = 0; r < program.rules.size(); ++r) {
      rule_sel.push_back(new_selector({SelectorInfo::Kind::rule, r, 0, true}));
      rule_open_sel[r] = new_selector({SelectorInfo::Kind::rule_open, r, 0, true});
    }
    naive_origin_sel = new_selector({SelectorInfo::Kind::naive_origin, 0, 0, true});
    for (std::size_t k : facts) { // the caller's: each on the cone (`fact true.` is on none)
      Selector s = fact_sel[k] = new_selector({SelectorInfo::Kind::fact, k, 0, true});
      const ground::Formula& f = g.facts[k].formula;
      using FK = ground::Formula::Kind;
      const ground::Formula* lit = f.kind == FK::negation ? &f.operands[0] : &f;
      if (lit->kind == FK::atom && !numeric(lit->atom))
        add_implied_literal(s, lit->atom, f.kind != FK::negation);
      else
        add(z3::implies(selectors[s], formula(f)), {s});
      for (auto a : g.facts[k].atoms) closed_reasons[a].push_back(s);
    }
    for (std::size_t k : numerics) {
      const auto& n = g.numeric[k];
      Selector s = numeric_sel[k] = new_selector({SelectorInfo::Kind::numeric, k, n.atom, true});
      add(z3::implies(selectors[s], atom(n.atom) >= rational(n.lo) && atom(n.atom) <= rational(n.hi)), {s});
    }
    for (auto a : g.assumed)
      if (inside(a)) assumption(a);
    for (auto a : cone) {
      if (late()) return;
      if (const ground::Definition* d = g.definition(a)) encode_definition(*d);
    }
    // Closed base atoms are false unless a kept fact, a proven literal or an assumption makes them true.
    for (auto a : cone) {
      const auto* info = g.atoms[a].info;
      if (!info || !info->has(Tag::closed) || g.derived(a) || info->numeric) continue;
      proof(a, true); // registers the proof selector as a reason
      z3::expr_vector reasons(ctx);
      for (Selector s : closed_reasons[a]) reasons.push_back(selectors[s]);
      Selector p = new_selector({SelectorInfo::Kind::presumption, 0, a, false});
      presumption_sel.emplace(a, p);
      std::vector<Selector> on = closed_reasons[a];
      on.push_back(p);
      add(z3::implies(selectors[p], z3::implies(atom(a), z3::mk_or(reasons))), on,
          {Shape::Kind::presumption, p, a, true, closed_reasons[a]});
    }
  }

  // The parts of each rule's body that share no variable but the head's
  // (factor.hpp), found when the rule is first encoded.
  std::vector<std::optional<std::vector<unsigned>>> parts_of_rule;
  const std::vector<unsigned>& parts_of(std::size_t r) {
    if (parts_of_rule.empty()) parts_of_rule.resize(program.rules.size());
    if (!parts_of_rule[r]) parts_of_rule[r] = independent_parts(program.rules[r]);
    return *parts_of_rule[r];
  }

  template <class Literals> z3::expr conjunction(const Literals& literals) {
    z3::expr_vector parts(ctx);
    for (const auto& l : literals) {
      if constexpr (std::is_pointer_v<std::decay_t<decltype(l)>>) parts.push_back(formula(*l));
      else parts.push_back(formula(l));
    }
    return z3::mk_and(parts);
  }

  // The rules whose bodies for this head are every combination of
  // independent parts, each as the conjunction of the parts' disjunctions.
  std::map<std::size_t, z3::expr> products(const ground::Definition& def) {
    std::map<std::size_t, z3::expr> out;
    if (def.bodies.size() < std::max<std::size_t>(products_from, 2)) return out;
    std::map<std::size_t, std::vector<const ground::Body*>> by_rule; // rules that have parts
    for (const auto& body : def.bodies)
      if (!parts_of(body.rule).empty()) by_rule[body.rule].push_back(&body);
    for (const auto& [r, bodies] : by_rule) {
      auto product = as_product(parts_of(r), bodies);
      if (!product) continue;
      z3::expr_vector factors(ctx);
      for (const Part& part : *product) {
        z3::expr_vector ways(ctx);
        for (const auto& literals : part) ways.push_back(conjunction(literals));
        factors.push_back(z3::mk_or(ways));
      }
      out.emplace(r, z3::mk_and(factors));
    }
    return out;
  }

  void encode_definition(const ground::Definition& def) {
    z3::expr_vector ways(ctx);
    std::set<std::size_t> rules;
    const std::map<std::size_t, z3::expr> product = products(def);
    for (const auto& body : def.bodies) {
      const bool first = rules.insert(body.rule).second;
      auto p = product.find(body.rule);
      if (p != product.end() && !first) continue; // the rule's product stands for all its bodies
      const z3::expr conditions = p != product.end() ? p->second : conjunction(body.literals);
      rule_bodies[body.rule].push_back(conditions);
      ways.push_back(selectors[rule_sel[body.rule]] && conditions);
    }
    // A rule read as open: an unknown stands in for its bodies, so that it can
    // neither carry nor refute the head. That is how §5 reads a W28F rule for an
    // accusation, and what leaving a rule out of a support set means. One
    // unknown per head serves all its rules: "some open rule's unknown holds"
    // is free exactly when some rule is open, with one unknown or one per rule.
    rules_in_cone.insert(rules.begin(), rules.end());
    z3::expr_vector open(ctx);
    for (std::size_t r : rules) {
      in_completion[rule_sel[r]] = in_completion[rule_open_sel.at(r)] = 1;
      unassumed[rule_sel[r]] = unassumed[rule_open_sel.at(r)] = 0;
      open.push_back(selectors[rule_open_sel.at(r)]);
    }
    ways.push_back(z3::mk_or(open) && constant(Name::unknown, def.head));
    if (!def.naive_origin.empty()) {
      in_completion[naive_origin_sel] = 1;
      z3::expr_vector origin(ctx);
      for (auto a : def.naive_origin) origin.push_back(atom(a));
      ways.push_back(selectors[naive_origin_sel] && z3::mk_or(origin));
    }
    const auto* info = g.atoms[def.head].info;
    z3::expr completion = z3::mk_or(ways);
    if (info && info->has(Tag::closed)) {
      // Burden of proof: the atom's value is decided by the judge and fixed by burden selectors.
      z3::expr s = constant(Name::shadow, def.head);
      add(s == completion, std::vector<Selector>{});
      shadow.emplace(def.head, s);
      return;
    }
    add(atom(def.head) == completion, std::vector<Selector>{});
  }

  Selector proof(ground::AtomId a, bool positive) {
    auto [it, fresh] = proof_sel.try_emplace(literal_key(a, positive), 0);
    if (!fresh) return it->second;
    it->second = new_selector({SelectorInfo::Kind::proof, 0, a, positive});
    if (numeric(a))
      add(z3::implies(selectors[it->second], ctx.bool_val(true)), {it->second}, {Shape::Kind::implies_true, it->second, a, true, {}});
    else
      add_implied_literal(it->second, a, positive);
    if (positive) closed_reasons[a].push_back(it->second);
    return it->second;
  }

  Selector assumption(ground::AtomId a) {
    auto [it, fresh] = assumption_sel.try_emplace(a, 0);
    if (!fresh) return it->second;
    it->second = new_selector({SelectorInfo::Kind::assumption, 0, a, true});
    if (!numeric(a)) add_implied_literal(it->second, a, true);
    closed_reasons[a].push_back(it->second);
    return it->second;
  }
};

Session::Session(const Program& program, const ground::GroundProgram& g, const std::vector<ground::AtomId>& cone,
                 const std::vector<std::size_t>& facts, const std::vector<std::size_t>& numeric, Clock::time_point deadline,
                 const SessionOptions& options)
    : impl_(std::make_unique<Impl>(program, g, cone, facts, numeric, deadline, options)) {}

bool Session::incomplete() const { return impl_->incomplete; }

Selector Session::definition(ground::AtomId a) {
  auto& im = *impl_;
  auto [it, fresh] = im.definition_link_sel.try_emplace(a, 0);
  if (!fresh) return it->second;
  it->second = im.new_selector({SelectorInfo::Kind::definition, 0, a, true});
  auto sh = im.shadow.find(a);
  if (sh != im.shadow.end()) im.add(z3::implies(im.selectors[it->second], im.atom(a) == sh->second), {it->second});
  return it->second;
}
Session::~Session() = default;

Selector Session::rule(std::size_t r) const { return impl_->rule_sel.at(r); }

Selector Session::rule_open(std::size_t r) const { return impl_->rule_open_sel.at(r); }
bool Session::rule_in_cone(std::size_t r) const { return impl_->rules_in_cone.count(r) != 0; }

Selector Session::naive_origin() const { return impl_->naive_origin_sel; }
std::optional<Selector> Session::fact(std::size_t k) const {
  auto it = impl_->fact_sel.find(k);
  return it == impl_->fact_sel.end() ? std::nullopt : std::optional<Selector>(it->second);
}

std::optional<Selector> Session::numeric(std::size_t k) const {
  auto it = impl_->numeric_sel.find(k);
  return it == impl_->numeric_sel.end() ? std::nullopt : std::optional<Selector>(it->second);
}

Selector Session::proof(ground::AtomId a, bool positive) {
  // Created after encoding: closed atoms registered their positive proof selector already.
  return impl_->proof(a, positive);
}

Selector Session::assumption(ground::AtomId a) { return impl_->assumption(a); }

Selector Session::burden(ground::AtomId a, bool value) {
  auto& im = *impl_;
  auto [it, fresh] = im.burden_sel.try_emplace({a, value}, 0);
  if (!fresh) return it->second;
  it->second = im.new_selector({value ? SelectorInfo::Kind::burden_true : SelectorInfo::Kind::burden_false, 0, a, value});
  im.add_implied_literal(it->second, a, value);
  return it->second;
}

Selector Session::goal(const ground::Formula& f) {
  auto& im = *impl_;
  Selector s = im.new_selector({SelectorInfo::Kind::goal, 0, 0, true});
  im.add(im.selectors[s] == im.formula(f), {s});
  return s;
}

Selector Session::definition_goal(ground::AtomId a) {
  auto& im = *impl_;
  auto [it, fresh] = im.definition_sel.try_emplace(a, 0);
  if (!fresh) return it->second;
  it->second = im.new_selector({SelectorInfo::Kind::goal, 0, a, true});
  auto sh = im.shadow.find(a);
  im.add(im.selectors[it->second] == (sh != im.shadow.end() ? sh->second : im.atom(a)), {it->second});
  return it->second;
}

Selector Session::literal(ground::AtomId a, bool positive) {
  auto& im = *impl_;
  auto [it, fresh] = im.literal_sel.try_emplace(Impl::literal_key(a, positive), 0);
  if (!fresh) return it->second;
  it->second = im.new_selector({SelectorInfo::Kind::literal, 0, a, positive});
  im.add_implied_literal(it->second, a, positive);
  return it->second;
}

std::optional<Selector> Session::presumption(ground::AtomId a) const {
  auto it = impl_->presumption_sel.find(a);
  return it == impl_->presumption_sel.end() ? std::nullopt : std::optional<Selector>(it->second);
}

std::optional<Selector> Session::rule_applies(std::size_t r) {
  auto& im = *impl_;
  if (auto it = im.applies_sel.find(r); it != im.applies_sel.end()) return it->second;
  auto bodies = im.rule_bodies.find(r);
  if (bodies == im.rule_bodies.end()) return std::nullopt;
  z3::expr_vector ways(im.ctx);
  for (const auto& b : bodies->second) ways.push_back(b);
  Selector s = im.new_selector({SelectorInfo::Kind::goal, r, 0, true});
  im.add(im.selectors[s] == z3::mk_or(ways), {s});
  im.applies_sel.emplace(r, s);
  return s;
}

const SelectorInfo& Session::info(Selector s) const { return impl_->infos.at(s); }

// A premise not among the assumptions does not hold: an inactive rule derives
// nothing, an unproven literal cannot make a closed atom true. Goals and
// literals not among them are left free; so are the selectors of rules with
// no instance on the cone, which occur in no formula.
std::vector<signed char> Session::Impl::wanted(const std::vector<Lit>& assumptions) const {
  std::vector<signed char> want = unassumed;
  // Assumed once: `given + value`; assumed both ways: `given + both`.
  constexpr signed char given = 8;
  for (const auto& l : assumptions) {
    if (unused(l.selector)) continue;
    signed char& w = want[l.selector];
    const signed char value = l.positive ? 1 : 0;
    w = w < given ? given + value : w == given + value ? w : given + both;
  }
  for (const auto& l : assumptions) {
    signed char& w = want[l.selector];
    if (w >= given) w -= given;
  }
  return want;
}

// As raw handles: the selectors and their negations live as long as the
// session, and a check with them passed straight to Z3's C API makes no
// expression vector (about 70 assumptions per check, 280,000 checks at
// 4,000 operations).
std::vector<Z3_ast> Session::Impl::assumed(const std::vector<signed char>& want) const {
  std::vector<Z3_ast> lits;
  lits.reserve(want.size());
  for (Selector s = 0; s < want.size(); ++s) {
    if (want[s] == 1 || want[s] == both) lits.push_back(selectors[s]);
    if (want[s] == 0 || want[s] == both) lits.push_back(negated[s]);
  }
  return lits;
}

Answer Session::check(const std::vector<Lit>& assumptions, Clock::time_point deadline, bool keep_model) {
  auto& im = *impl_;
  if (im.incomplete || Clock::now() >= deadline) return Answer::unknown;
  // A check that assumes literals (would-establish, canonical models) asks
  // about hypotheses a model of the premises rarely satisfies: it neither
  // tries the kept models nor keeps its own (on the contested campaign,
  // trying them made would-establish a third slower).
  const bool reuse = im.reuse_models && std::none_of(assumptions.begin(), assumptions.end(), [&](const Lit& l) {
                       return im.infos[l.selector].kind == SelectorInfo::Kind::literal;
                     });
  std::vector<signed char> want = im.wanted(assumptions);
  std::vector<Lit> question = reuse ? im.question_of(assumptions) : std::vector<Lit>{};
  if (reuse && !keep_model && im.satisfied_by_kept(want, question)) {
    ++im.counts.kept;
    return Answer::sat;
  }
  if (im.reuse_cores && im.known_unsat(want)) {
    ++im.counts.cores;
    return Answer::unsat;
  }
  if (reuse && !keep_model && im.rotated_kept(want, question)) {
    ++im.counts.rotated;
    return Answer::sat;
  }
  ++im.counts.z3;
  const std::vector<Z3_ast> lits = im.assumed(want);
  im.engine.running = true;
  im.engine.arm(deadline);
  Z3_lbool r = Z3_solver_check_assumptions(im.ctx, im.solver, static_cast<unsigned>(lits.size()), lits.data());
  if (im.engine.finished() || Z3_get_error_code(im.ctx) != Z3_OK) r = Z3_L_UNDEF; // interrupted, or Z3 gave up: never a guess
  if (r == Z3_L_TRUE) {
    if (keep_model || reuse) {
      z3::model m = im.solver.get_model();
      if (keep_model) im.model = m;
      if (reuse) im.keep(m, std::move(want), std::move(question));
    }
    return Answer::sat;
  }
  if (r == Z3_L_FALSE) {
    im.keep_core();
    return Answer::unsat;
  }
  return Answer::unknown;
}

bool Session::Impl::known_unsat(const std::vector<signed char>& want) {
  for (auto c = cores.rbegin(); c != cores.rend(); ++c)
    if (std::all_of(c->begin(), c->end(), [&](const auto& l) {
          return l.first < want.size() && (want[l.first] == l.second || want[l.first] == both);
        })) {
      std::rotate(cores.rbegin(), c, std::next(c)); // now the last: the core of this answer
      return true;
    }
  return false;
}

// Four: deleting premises one by one needs the last; more cost more to
// compare than they save.
void Session::Impl::keep_core() {
  std::vector<std::pair<Selector, signed char>> core;
  for (const z3::expr& e : solver.unsat_core()) {
    const bool negative = e.is_not();
    z3::expr selector = negative ? e.arg(0) : e;
    if (auto it = selector_of.find(selector.id()); it != selector_of.end())
      core.emplace_back(it->second, negative ? 0 : 1);
  }
  if (cores.size() == 4) cores.erase(cores.begin());
  cores.push_back(std::move(core));
}

// Whether a model found earlier in this session, with the selectors that
// differ flipped, satisfies every formula: then the assumptions are
// satisfiable (SAT) without a check. Critical evidence re-decides a claim
// and its burdens of proof with one evidence item left out, claim after
// claim; nearly all of those checks are SAT, and most are answered here.
// The models of the same question (the goals assumed: the claim, its
// denial, a burden's denial, or none) are tried first: the questions
// alternate, and a model of the claim's denial seldom satisfies the claim.
// Three of each kind: trying more costs about what it saves (measured on
// the contested campaign, docs/performance.md).
bool Session::Impl::satisfied_by_kept(const std::vector<signed char>& want, const std::vector<Lit>& question) const {
  int same = 0, other = 0;
  for (auto k = kept.rbegin(); k != kept.rend(); ++k)
    if (k->question == question && same++ < 3 && satisfied_by(*k, want)) return true;
  for (auto k = kept.rbegin(); k != kept.rend(); ++k)
    if (k->question != question && other++ < 3 && satisfied_by(*k, want)) return true;
  return false;
}

// That model satisfied every formula under its own selector values (an atom
// it leaves free reads as false, as in value()); only the formulas a flipped
// selector occurs in can change, so only they are evaluated again. A formula
// added since is either one of those or belongs to a selector left free (a
// goal, which can be chosen equal to its formula; a literal, which can be
// false) or denied; a selector the model was found with free is evaluated as
// flipped. A flip of a rule's selector changes definitions and is not
// followed (a check is made). Formulas of a known Shape are evaluated here
// from the model's values (a lookup each); Z3 evaluates the others, with the
// flipped selectors substituted, which builds a copy of the formula
// (docs/performance.md, "Kept models read directly").
bool Session::Impl::satisfied_by(const Kept& k, const std::vector<signed char>& want) const {
  std::vector<Selector> flipped;
  bool follow = true;
  for (Selector s = 0; s < want.size() && follow; ++s) {
    if (want[s] < 0) continue;
    if (want[s] == both) return false;
    // A selector the model was found with free, or made since, is evaluated
    // as flipped: its formula may be newer than the model.
    const signed char had = s < k.assign.size() ? k.assign[s] : -1;
    if (had == want[s]) continue;
    if (in_completion[s] || flipped.size() == 32) follow = false;
    flipped.push_back(s);
  }
  if (!follow) return false;
  if (flipped.empty()) return true;
  std::vector<std::size_t> formulas;
  for (Selector s : flipped) formulas.insert(formulas.end(), guards_of[s].begin(), guards_of[s].end());
  std::sort(formulas.begin(), formulas.end());
  formulas.erase(std::unique(formulas.begin(), formulas.end()), formulas.end());
  // A selector's value: as wanted where it is given, else the model's.
  auto value = [&](Selector s) { return want[s] >= 0 ? want[s] == 1 : model_value(k.model, selectors[s]); };
  std::optional<std::pair<z3::expr_vector, z3::expr_vector>> flips; // for Z3's evaluator, made when first needed
  for (std::size_t f : formulas) {
    const Shape& shape = shapes[f];
    using SK = Shape::Kind;
    switch (shape.kind) {
    case SK::implies_true: continue;
    case SK::implies_literal:
      if (value(shape.selector) && model_value(k.model, atoms.at(shape.atom)) != shape.positive) return false;
      continue;
    case SK::presumption:
      if (value(shape.selector) && model_value(k.model, atoms.at(shape.atom)) &&
          std::none_of(shape.reasons.begin(), shape.reasons.end(), value))
        return false;
      continue;
    case SK::general: break;
    }
    if (!flips) {
      flips.emplace(z3::expr_vector(ctx), z3::expr_vector(ctx));
      for (Selector s : flipped) {
        flips->first.push_back(selectors[s]);
        flips->second.push_back(ctx.bool_val(want[s] == 1));
      }
    }
    z3::expr e = guarded[f];
    if (!k.model.eval(e.substitute(flips->first, flips->second), true).is_true()) return false;
  }
  return true;
}

// Rotation (docs/decisions.md, "Kept models with two entities swapped"). A
// support that keeps nearly every premise is found by deleting them one by
// one, and nearly every deletion is SAT: a retorsion claim keeps a `not
// targets(op, X)` fact for every state X it does not target. A model of the
// premises without `not targets(op, X1)` (op targets X1) becomes one without
// `not targets(op, X2)` when X1 and X2 trade places in it: every atom naming
// one of them takes the value of the atom naming the other instead. Where the cone treats the
// two alike, that model satisfies every formula; where it does not (a fact
// or an evidence item on one of them only), some formula fails. So the
// swapped model is checked, formula by formula, on every formula in which a
// constant changed value: an answer SAT from here is one Z3 would give. The
// kept model: one whose selectors differ from those wanted by one premise
// turned on whose literal the model falsifies (X1's fact) and premises turned
// off, one of them a literal of the same predicate and sign that differs in
// one argument (X2's fact).
bool Session::Impl::rotated_kept(const std::vector<signed char>& want, const std::vector<Lit>& question) {
  int tried = 0;
  for (auto k = kept.rbegin(); k != kept.rend() && tried < 3; ++k)
    if (k->question == question) {
      ++tried;
      if (rotated(*k, want)) return true;
    }
  return false;
}

bool Session::Impl::rotated(const Kept& k, const std::vector<signed char>& want) {
  // The premise implying a Boolean literal under selector `s`: its shape, or null.
  auto literal_of = [&](Selector s) -> const Shape* {
    for (std::size_t f : guards_of[s])
      if (shapes[f].kind == Shape::Kind::implies_literal && shapes[f].selector == s) return &shapes[f];
    return nullptr;
  };
  std::unordered_map<unsigned, bool> changed; // selectors whose value differs from the model's
  const Shape* on = nullptr;                  // the premise turned on that the model falsifies
  std::vector<const Shape*> off;              // literal premises turned off
  for (Selector s = 0; s < want.size(); ++s) {
    if (want[s] < 0) continue;
    if (want[s] == both) return false;
    const signed char had = s < k.assign.size() ? k.assign[s] : -1;
    const bool before = had >= 0 ? had == 1 : model_value(k.model, selectors[s]);
    const bool now = want[s] == 1;
    if (before == now) continue;
    changed.emplace(selectors[s].id(), now);
    const Shape* lit = literal_of(s);
    if (now && lit && model_value(k.model, atoms.at(lit->atom)) != lit->positive) {
      if (on) return false;
      on = lit;
    } else if (!now && lit) {
      off.push_back(lit);
    }
  }
  if (!on) return false;
  const ground::Atom& a = g.atoms[on->atom];
  int tried = 0;
  for (const Shape* o : off) {
    const ground::Atom& b = g.atoms[o->atom];
    if (o->positive != on->positive || b.predicate != a.predicate || b.args.size() != a.args.size()) continue;
    std::size_t differ = 0, at = 0;
    for (std::size_t i = 0; i < a.args.size(); ++i)
      if (a.args[i] != b.args[i]) ++differ, at = i;
    if (differ != 1) continue;
    if (swapped_satisfies(k, want, changed, a.args[at], b.args[at])) return true;
    if (++tried == 4) break;
  }
  return false;
}

void Session::Impl::index_occurrences() {
  auto& occ = occurrences;
  for (; occ.formulas < guarded.size(); ++occ.formulas) {
    const std::size_t f = occ.formulas;
    std::vector<Z3_ast> todo{guarded[f]};
    std::set<unsigned> seen;
    std::vector<Selector> in;
    while (!todo.empty()) {
      Z3_ast e = todo.back();
      todo.pop_back();
      if (Z3_get_ast_kind(ctx, e) != Z3_APP_AST || !seen.insert(Z3_get_ast_id(ctx, e)).second) continue;
      Z3_app app = Z3_to_app(ctx, e);
      const unsigned n = Z3_get_app_num_args(ctx, app);
      if (n == 0 && Z3_get_decl_kind(ctx, Z3_get_app_decl(ctx, app)) == Z3_OP_UNINTERPRETED) {
        const unsigned id = Z3_get_ast_id(ctx, e);
        occ.of_constant[id].push_back(f);
        if (auto it = selector_of.find(id); it != selector_of.end()) in.push_back(it->second);
        continue;
      }
      for (unsigned i = 0; i < n; ++i) todo.push_back(Z3_get_app_arg(ctx, app, i));
    }
    occ.selectors_in.push_back(std::move(in));
  }
  if (occ.atoms != atoms.size()) {
    occ.by_entity.clear();
    for (const auto& [id, _] : atoms) {
      const auto& args = g.atoms[id].args;
      for (std::size_t i = 0; i < args.size(); ++i)
        if (std::find(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(i), args[i]) == args.begin() + static_cast<std::ptrdiff_t>(i))
          occ.by_entity[args[i]].push_back(id);
    }
    occ.atoms = atoms.size();
  }
}

// Whether the kept model with entities x and y swapped, and the selectors
// `changed` (Z3 id -> value) as wanted, satisfies every formula.
bool Session::Impl::swapped_satisfies(const Kept& k, const std::vector<signed char>& want,
                                      std::unordered_map<unsigned, bool> changed, std::string_view x, std::string_view y) {
  index_occurrences();
  auto swapped = [&](ground::AtomId id) -> std::optional<ground::AtomId> {
    const ground::Atom& a = g.atoms[id];
    std::vector<std::string> args = a.args;
    for (auto& arg : args)
      if (arg == x) arg = y;
      else if (arg == y) arg = x;
    return g.find(atom_text(a.predicate, args));
  };
  auto trade = [&](const z3::expr& c, const z3::expr& with) {
    const bool now = model_value(k.model, with);
    if (now != model_value(k.model, c)) changed[c.id()] = now;
  };
  for (std::string_view e : {x, y}) {
    auto it = occurrences.by_entity.find(e);
    if (it == occurrences.by_entity.end()) continue;
    for (ground::AtomId id : it->second) {
      auto other = swapped(id);
      if (!other) return false;
      auto there = atoms.find(*other);
      if (there == atoms.end() || numeric(id) || numeric(*other)) return false;
      trade(atoms.at(id), there->second);
      const auto sh = shadow.find(id), sh_other = shadow.find(*other);
      if ((sh == shadow.end()) != (sh_other == shadow.end())) return false;
      if (sh != shadow.end()) trade(sh->second, sh_other->second);
      trade(constant(Name::unknown, id), constant(Name::unknown, *other));
    }
  }
  // The formulas to read again: those a changed constant occurs in, and those added since the model.
  std::vector<std::size_t> formulas;
  for (const auto& [c, _] : changed)
    if (auto it = occurrences.of_constant.find(c); it != occurrences.of_constant.end())
      formulas.insert(formulas.end(), it->second.begin(), it->second.end());
  for (std::size_t f = k.formulas; f < guarded.size(); ++f) formulas.push_back(f);
  std::sort(formulas.begin(), formulas.end());
  formulas.erase(std::unique(formulas.begin(), formulas.end()), formulas.end());
  for (std::size_t f : formulas) {
    // A free selector (a goal or a literal not assumed) that occurs in this
    // formula alone can take whatever value satisfies it.
    const auto& in = occurrences.selectors_in[f];
    if (std::any_of(in.begin(), in.end(), [&](Selector s) {
          return want[s] == -1 && occurrences.of_constant.at(selectors[s].id()).size() == 1;
        }))
      continue;
    auto v = value_with(k.model, guarded[f], changed);
    if (!v || !*v) return false;
  }
  return true;
}

// A Boolean formula's value under the model with the constants `changed`
// (Z3 id -> value) replaced; nullopt for a connective this does not read.
// Arithmetic comparisons go to Z3's evaluator: no Real constant changes.
std::optional<bool> Session::Impl::value_with(const z3::model& m, Z3_ast e,
                                              const std::unordered_map<unsigned, bool>& changed) const {
  if (Z3_get_ast_kind(ctx, e) != Z3_APP_AST) return std::nullopt;
  Z3_app app = Z3_to_app(ctx, e);
  const unsigned n = Z3_get_app_num_args(ctx, app);
  auto arg = [&](unsigned i) { return value_with(m, Z3_get_app_arg(ctx, app, i), changed); };
  const Z3_decl_kind kind = Z3_get_decl_kind(ctx, Z3_get_app_decl(ctx, app));
  switch (kind) {
  case Z3_OP_TRUE: return true;
  case Z3_OP_FALSE: return false;
  case Z3_OP_UNINTERPRETED:
    if (n != 0) return std::nullopt;
    if (auto it = changed.find(Z3_get_ast_id(ctx, e)); it != changed.end()) return it->second;
    if (Z3_get_sort_kind(ctx, Z3_get_sort(ctx, e)) != Z3_BOOL_SORT) return std::nullopt;
    return model_value(m, z3::expr(ctx, e));
  case Z3_OP_NOT: {
    auto v = arg(0);
    return v ? std::optional<bool>(!*v) : std::nullopt;
  }
  case Z3_OP_AND:
  case Z3_OP_OR: {
    const bool stop = kind == Z3_OP_OR; // the value that decides
    bool unknown = false;
    for (unsigned i = 0; i < n; ++i) {
      auto v = arg(i);
      if (!v) unknown = true;
      else if (*v == stop) return stop;
    }
    return unknown ? std::nullopt : std::optional<bool>(!stop);
  }
  case Z3_OP_IMPLIES: {
    auto p = arg(0);
    if (p && !*p) return true;
    auto q = arg(1);
    if (q && *q) return true;
    return p && q ? std::optional<bool>(false) : std::nullopt;
  }
  case Z3_OP_EQ:
  case Z3_OP_IFF:
    if (n == 2 && Z3_get_sort_kind(ctx, Z3_get_sort(ctx, Z3_get_app_arg(ctx, app, 0))) == Z3_BOOL_SORT) {
      auto l = arg(0), r = arg(1);
      return l && r ? std::optional<bool>(*l == *r) : std::nullopt;
    }
    [[fallthrough]];
  case Z3_OP_LE:
  case Z3_OP_GE:
  case Z3_OP_LT:
  case Z3_OP_GT: return m.eval(z3::expr(ctx, e), true).is_true();
  default: return std::nullopt;
  }
}

CheckCounts Session::counts() const { return impl_->counts; }

std::vector<Selector> Session::core() const {
  std::vector<Selector> out;
  if (!impl_->cores.empty())
    for (const auto& l : impl_->cores.back()) out.push_back(l.first);
  return out;
}

bool Session::value(ground::AtomId a) const {
  auto& im = *impl_;
  if (!im.model || im.numeric(a)) return false;
  return im.model->eval(im.atom(a), true).is_true();
}

} // namespace imputa::smt
