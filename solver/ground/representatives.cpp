// Representatives: which variable one can stand for, and splitting off the
// entities it cannot (the argument is in representatives.hpp).
#include "ground/representatives.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace imputa::ground {
namespace {

// Whether entity `e` (a representative, say) is one of atom `a`'s arguments.
bool holds(const GroundProgram& g, AtomId a, const std::string& e) {
  const auto& args = g.atoms[a].args;
  return std::find(args.begin(), args.end(), e) != args.end();
}

// `x` is a representative its instance's head (`head`, its arguments) does
// not have: one the instance covers entities with (rule (j)).
bool covering_representative(const std::string& x, const std::vector<std::string>& head) {
  return is_representative(x) && std::find(head.begin(), head.end(), x) == head.end();
}

// `V != S` (or `V = S`) with V the variable and S bound to another entity:
// the representative compares with S exactly as every anonymous value but S
// itself does, so the comparison does not tell them apart.
bool comparison_ignores(const Program& p, const ast::Formula& f, const std::string& var, const std::string& value,
                        const Binding& b) {
  if (f.kind != ast::Formula::Kind::comparison) return false;
  auto l = entity_term(f.comparison->lhs, p), r = entity_term(f.comparison->rhs, p);
  if (!l || !r) return false;
  const ast::Term* other = l->variable && l->name == var ? &*r : r->variable && r->name == var ? &*l : nullptr;
  if (!other || (other->variable && other->name == var)) return false;
  std::string other_value = other->name;
  if (other->variable) {
    auto it = b.find(other->name);
    if (it == b.end()) return false;
    other_value = it->second;
  }
  // S may be a representative passed into a guarded conclusion (guards.hpp):
  // V's then has a name of its own (free_representative), unequal to it as
  // every entity V's stands for is.
  return other_value != value;
}

// What an instance's atoms say about one variable bound to `value`.
struct Survey {
  bool anonymous = true;  // nothing singles the entity out
  bool occurs = false;    // in some atom of the body
  bool unmentioned = true; // no premise or claim mentions an atom it is in
  bool open_link = false; // an unmentioned, positive, open link is a condition
};

void survey_atom(const Program& p, const RuleBook& rules, const CaseIndex& index, const ast::Atom& a, bool positive,
                 const std::string& var, const std::string& value, const Binding& b, Survey& s) {
  if (!s.anonymous || !has_variable(a, var)) return;
  s.occurs = true;
  auto pred = p.predicates.find(a.predicate.text);
  if (pred == p.predicates.end() || pred->second.numeric) {
    s.anonymous = false;
    return;
  }
  if (rules.derived(a.predicate.text)) {
    // A conclusion that depends on the entity only through atoms nobody
    // mentions, or one it is guarded in by a guard nobody mentions
    // (guards.hpp; split() looks at what the entity meets below).
    const auto args = args_of(a, b);
    if (index.unmentioned_through(a.predicate.text, args, value) ||
        (positive && index.unnamed_behind_guard(a.predicate.text, args, value)))
      return;
    s.unmentioned = false;
    // A burden about the entity alone that an entity nobody mentions cannot
    // meet, negated (`not military_objective_shown(o)`): the representative's
    // literal holds, and an entity the burden may be met for is one more
    // "another" behind its open link, as a described one is.
    if (positive || !std::all_of(args.begin(), args.end(), [&](const std::string& x) { return x == value; }) ||
        !rules.unmet_unless_mentioned(p, a.predicate.text))
      s.anonymous = false;
    return;
  }
  bool link = std::any_of(a.args.begin(), a.args.end(), [&](const ast::Term& t) { return !t.variable || t.name != var; });
  bool closed = pred->second.has(Tag::closed);
  auto id = index.mentioned(a.predicate.text, args_of(a, b));
  if (!id) {
    if (link && positive && !closed) s.open_link = true;
    return;
  }
  s.unmentioned = false;
  // A stated link singles the entity out, and so does a closed fact about it
  // that the instance needs (the representative's is false). A description
  // the case disputes does not: behind the entity's open link, a conflict
  // in it is left out of the claims above (docs/decisions.md, "Possibilities").
  if (link || (closed && positive)) s.anonymous = false;
}

// Appends the atoms of the literal `l` to `out` (collect_atoms) and calls
// `not_positive(a)` for each when `l` holds them other than as a positive
// condition (negated, or inside a compound condition).
template <typename F>
void collect_literal(const Formula& l, std::vector<AtomId>& out, F not_positive) {
  const std::size_t before = out.size();
  collect_atoms(l, out);
  if (l.kind != Formula::Kind::atom)
    for (std::size_t k = before; k < out.size(); ++k) not_positive(out[k]);
}

} // namespace

std::optional<std::pair<std::string, bool>> anonymous_variable(const Program& p, const RuleBook& rules,
                                                               const CaseIndex& index, const PreparedRule& r,
                                                               const Binding& b) {
  std::optional<std::pair<std::string, bool>> found;
  for (const auto& entry : b) {
    const std::string& var = entry.first; // named, not a structured binding: lambdas capture it (clang 14)
    const std::string& value = entry.second;
    if (has_variable(r.head, var)) continue;
    // Bound to the same entity as another variable it shares a condition
    // with: not interchangeable.
    if (std::any_of(b.begin(), b.end(), [&](const auto& other) {
          return other.first != var && other.second == value && linked(r, var, other.first);
        }))
      continue;
    // Other variables already stand for "another" entity of this kind (a
    // representative passed into a guarded conclusion): one more needs a
    // name of its own (free_representative).
    if (auto type = r.types.find(var); type == r.types.end() || !free_representative(type->second, b)) continue;
    Survey s;
    for (const auto& l : r.body) {
      bool positive = false;
      if (const ast::Atom* a = literal_atom(l, positive)) survey_atom(p, rules, index, *a, positive, var, value, b, s);
      else if (mentions_variable(l, var) && !comparison_ignores(p, l, var, value, b)) s.anonymous = false;
    }
    if (!s.anonymous || !s.occurs || (!s.unmentioned && !s.open_link)) continue;
    if (found) return std::nullopt; // two at once: judged one by one
    found = {var, s.unmentioned};
  }
  return found;
}

bool Representatives::claim(AtomId head, std::size_t rule, const Binding& b, const std::string& var) {
  return claimed_.insert(instance_key(head, rule, b, var));
}

bool Representatives::claimed(AtomId head, std::size_t rule, const Binding& b, const std::string& var) const {
  return claimed_.contains(instance_key(head, rule, b, var));
}

void Representatives::record(AtomId head, const PreparedRule& r, const Binding& b, const std::string& var,
                             const Body& body, const GroundProgram& g, const RuleBook& rules,
                             const CaseIndex& index) {
  Record rec{head, &r, b, var, b.at(var), {}, {}, {}, {}};
  for (const auto& l : body.literals) {
    collect_literal(l, rec.atoms, [&](AtomId a) {
      if (holds(g, a, rec.rep)) rec.negated.push_back(a);
    });
    // An open link: a positive, open base atom with the representative.
    if (l.kind != Formula::Kind::atom) continue;
    const Atom& atom = g.atoms[l.atom];
    if (rules.derived(atom.predicate) && std::count(atom.args.begin(), atom.args.end(), rec.rep) == 1) {
      // A guarded conclusion is false with its guard, when every rule's guard is the same atom.
      const auto i = static_cast<std::size_t>(std::find(atom.args.begin(), atom.args.end(), rec.rep) - atom.args.begin());
      auto guards = index.guards_of(atom.predicate, atom.args, i);
      if (!guards.empty() && std::all_of(guards.begin(), guards.end(), [&](const auto& x) { return x == guards.front(); }))
        rec.guard_links.push_back(guards.front());
      continue;
    }
    if (atom.info && !atom.info->numeric && !atom.info->has(Tag::closed) && !rules.derived(atom.predicate) &&
        holds(g, l.atom, rec.rep))
      rec.links.push_back(l.atom);
  }
  records_.push_back(std::move(rec));
}

class Representatives::Going {
public:
  explicit Going(GroundProgram& g) : g_(g) {}

  // Marks the bodies of `head` by `rule` whose atoms are `atoms` as gone.
  // Searching every body of the conclusion once per representative, and
  // shifting the rest, was quadratic (the generated case of seed 23508:
  // 1,296 representatives of one conclusion with 6,000 bodies took a second
  // and a half); the keys are built once per conclusion and round.
  void mark(AtomId head, std::size_t rule, const std::vector<AtomId>& atoms) {
    auto& bodies = g_.definition(head)->bodies;
    auto [it, fresh] = keys_.try_emplace(head);
    if (fresh) { // every body the conclusion has now: the representatives' are among them
      for (std::size_t i = 0; i < bodies.size(); ++i) it->second.emplace_back(key(bodies[i].rule, atoms_of(bodies[i])), i);
      std::sort(it->second.begin(), it->second.end());
    }
    const auto& keys = it->second;
    const std::uint64_t k = key(rule, atoms);
    for (auto x = std::lower_bound(keys.begin(), keys.end(), std::make_pair(k, std::size_t{0}));
         x != keys.end() && x->first == k; ++x) {
      Body& body = bodies[x->second];
      if (body.rule != rule || atoms_of(body) != atoms) continue;
      body.rule = Body::gone;
      body.literals.clear();
    }
  }

  void remove() {
    for (const auto& entry : keys_)
      std::erase_if(g_.definition(entry.first)->bodies, [](const Body& b) { return b.rule == Body::gone; });
  }

private:
  const std::vector<AtomId>& atoms_of(const Body& body) {
    buffer_.clear();
    for (const auto& l : body.literals) collect_atoms(l, buffer_);
    return buffer_;
  }
  static std::uint64_t key(std::size_t rule, const std::vector<AtomId>& atoms) {
    std::uint64_t h = 14695981039346656037ull; // FNV-1a over words
    auto step = [&](std::uint64_t w) { h = (h ^ w) * 1099511628211ull; };
    step(rule);
    for (AtomId a : atoms) step(a);
    return h;
  }
  GroundProgram& g_;
  std::unordered_map<AtomId, std::vector<std::pair<std::uint64_t, std::size_t>>> keys_;
  std::vector<AtomId> buffer_; // atoms_of()
};

bool Representatives::split(const Program& p, const RuleBook& rules, const CaseIndex& index, Builder& builder) {
  bool changed = false;
  if (records_.empty()) return changed;
  std::vector<char> constrained;
  const std::vector<char> connects = connecting_atoms(p, builder.program(), &constrained);
  const Freedom freedom = free_atoms(p, rules, index, builder, connects, constrained);
  const std::vector<char> witness = needing_witness(p, builder.program());
  const std::vector<std::set<std::string>> bound = bound_where_shared(constrained, builder.program());
  Going going(builder.program());
  for (std::size_t k = 0; k < records_.size(); ++k) {
    Record& rec = records_[k];
    if (!builder.budget().ok()) break;
    if (rec.retired) continue;
    changed = split_one(rec, rules, builder, connects.size(), constrained, freedom, witness[k] != 0, bound[k], going) ||
              changed;
  }
  going.remove();
  return changed;
}

std::vector<std::set<std::string>> Representatives::bound_where_shared(const std::vector<char>& constrained,
                                                                        const GroundProgram& g) const {
  std::vector<std::set<std::string>> out(records_.size());
  auto above = [&](const Record& r) { return r.head < constrained.size() && constrained[r.head]; };
  auto with_rep = [&](const Record& r, AtomId a) { return holds(g, a, r.rep); };
  // The records holding each atom with their representative, for the atoms
  // of records under such a conclusion (usually few).
  std::unordered_map<AtomId, std::vector<std::size_t>> holders;
  for (std::size_t k = 0; k < records_.size(); ++k)
    if (!records_[k].retired && above(records_[k]))
      for (AtomId a : records_[k].atoms)
        if (with_rep(records_[k], a)) holders[a];
  if (holders.empty()) return out;
  for (std::size_t k = 0; k < records_.size(); ++k) {
    if (records_[k].retired) continue;
    for (AtomId a : records_[k].atoms)
      if (auto it = holders.find(a); it != holders.end() && with_rep(records_[k], a)) it->second.push_back(k);
  }
  for (const auto& [a, ks] : holders)
    for (std::size_t k : ks) {
      if (!above(records_[k])) continue;
      for (std::size_t o : ks)
        if (o != k)
          for (const auto& [var, value] : records_[o].binding)
            if (value != records_[o].rep) out[k].insert(value);
    }
  return out;
}

// (a'), read once per round from the ground program as it stands (a round
// that changes nothing has read the final program).
Representatives::Freedom Representatives::free_atoms(const Program& p, const RuleBook& rules, const CaseIndex& index,
                                                     const Builder& builder, const std::vector<char>& connects,
                                                     const std::vector<char>& constrained) const {
  const GroundProgram& g = builder.program();
  const std::size_t n = g.atoms.size();
  Freedom out;
  // Rules no claim has in force together: alternatives of one doctrine family.
  out.exclusive.assign(p.rules.size(), {});
  for (std::size_t r = 0; r < p.rules.size(); ++r)
    for (std::size_t o = 0; o < p.rules.size(); ++o)
      if (p.rules[r].when_family && p.rules[o].when_family && *p.rules[r].when_family == *p.rules[o].when_family &&
          *p.rules[r].when_alternative != *p.rules[o].when_alternative)
        out.exclusive[r].insert(o);
  out.quiet.assign(n, Freedom::Quiet::no);
  out.parents.assign(n, {});
  out.reach.assign(n, {});
  std::vector<char> origin(n, 0); // a naive origin (an accusation's naive premises reach it)
  for (const auto& d : g.definitions)
    for (AtomId a : d.naive_origin) origin[a] = 1;
  out.loose.assign(n, 0);
  out.joint.assign(n, 0);
  for (const auto& f : g.facts)
    if (f.atoms.size() > 1)
      for (AtomId a : f.atoms) {
        out.joint[a] = 1;
        out.joint_predicates.insert(g.atoms[a].predicate);
      }
  for (AtomId a = 0; a < n; ++a) {
    const Atom& atom = g.atoms[a];
    if (!atom.info || atom.info->numeric || index.mentioned(a) || origin[a]) continue;
    const bool derived = rules.derived(atom.predicate);
    out.loose[a] = !atom.info->has(Tag::closed) && !derived; // until found negated below
    if (derived) {
      if (a >= constrained.size() || !constrained[a]) out.quiet[a] = Freedom::Quiet::derived;
    } else if (a < connects.size() && connects[a]) continue;
    else out.quiet[a] = atom.info->has(Tag::closed) ? Freedom::Quiet::closed : Freedom::Quiet::open;
  }
  out.body_rep.assign(n, 0);
  for (const auto& d : g.definitions) {
    const auto& head = g.atoms[d.head].args;
    for (const auto& body : d.bodies) {
      std::vector<AtomId> atoms;
      for (const auto& l : body.literals) collect_literal(l, atoms, [&](AtomId a) { out.loose[a] = 0; });
      for (AtomId a : atoms) {
        const auto& args = g.atoms[a].args;
        for (std::size_t k = 0; k < args.size() && k < 32; ++k)
          if (covering_representative(args[k], head)) {
            out.body_rep[a] = 1;
            out.body_rep_places[g.atoms[a].predicate] |= 1u << k;
          }
      }
      for (AtomId a : atoms)
        if (out.quiet[a] != Freedom::Quiet::no &&
            (out.parents[a].empty() || out.parents[a].back() != std::make_pair(d.head, body.rule)))
          out.parents[a].emplace_back(d.head, body.rule);
    }
  }
  // The claim groundings whose conditions, followed down, reach each atom;
  // past reach_budget_ entries in all, the atom reached (and all below
  // it) counts as reached by every claim.
  auto below = [&](AtomId a, std::vector<AtomId>& stack) {
    if (const Definition* d = g.definition(a)) {
      for (const auto& body : d->bodies)
        for (const auto& l : body.literals) collect_atoms(l, stack);
      const auto& naive = d->naive_origin;
      stack.insert(stack.end(), naive.begin(), naive.end());
    }
  };
  auto saturate = [&](AtomId from) {
    std::vector<AtomId> stack;
    below(from, stack);
    out.reach[from] = {{}, true};
    while (!stack.empty()) {
      AtomId a = stack.back();
      stack.pop_back();
      if (out.reach[a].many) continue;
      out.reach[a] = {{}, true};
      below(a, stack);
    }
  };
  std::size_t entries = 0;
  for (std::uint32_t q = 0; q < g.claims.size(); ++q) {
    std::vector<AtomId> stack;
    collect_atoms(g.claims[q].formula, stack);
    while (!stack.empty()) {
      AtomId a = stack.back();
      stack.pop_back();
      Freedom::Reach& r = out.reach[a];
      if (r.many || (!r.claims.empty() && r.claims.back() == q)) continue;
      if (entries >= reach_budget_) {
        saturate(a);
        continue;
      }
      r.claims.push_back(q);
      ++entries;
      below(a, stack);
    }
  }
  return out;
}

bool Representatives::Freedom::Reach::meets(const Reach& other) const {
  if (many || other.many) return true;
  // Both ascending; look the smaller up in the larger.
  const auto& few = claims.size() <= other.claims.size() ? claims : other.claims;
  const auto& more = &few == &claims ? other.claims : claims;
  return std::any_of(few.begin(), few.end(),
                     [&](std::uint32_t q) { return std::binary_search(more.begin(), more.end(), q); });
}

bool Representatives::Freedom::separated(AtomId a, AtomId head, std::size_t rule, std::optional<AtomId> except) const {
  if (reach[head].many) return false;
  return std::none_of(parents[a].begin(), parents[a].end(), [&](const std::pair<AtomId, std::size_t>& parent) {
    const AtomId p = parent.first;
    if ((except && p == *except) || (rule < exclusive.size() && exclusive[rule].count(parent.second))) return false;
    return reach[p].meets(reach[head]);
  });
}

const Representatives::Freedom::Reach& Representatives::Freedom::covering_reach(const GroundProgram& g,
                                                                               AtomId a) const {
  if (covering_index_.size() < quiet.size()) covering_index_.resize(quiet.size(), 0);
  if (covering_index_[a]) return covering_reach_[covering_index_[a] - 1];
  Reach out;
  const auto& args = g.atoms[a].args;
  for (const auto& [p, rule] : parents[a]) {
    const auto& head = g.atoms[p].args;
    if (std::none_of(args.begin(), args.end(), [&](const std::string& x) { return covering_representative(x, head); }))
      continue;
    if (reach[p].many) {
      out = {{}, true};
      break;
    }
    out.claims.insert(out.claims.end(), reach[p].claims.begin(), reach[p].claims.end());
  }
  std::sort(out.claims.begin(), out.claims.end());
  out.claims.erase(std::unique(out.claims.begin(), out.claims.end()), out.claims.end());
  covering_reach_.push_back(std::move(out));
  covering_index_[a] = static_cast<std::uint32_t>(covering_reach_.size());
  return covering_reach_.back();
}

bool Representatives::Freedom::frees(const GroundProgram& g, AtomId found, AtomId twin, const std::string& e,
                                     const std::string& rep, AtomId head, std::size_t rule, bool above) const {
  if (above || found >= quiet.size() || head >= reach.size()) return false;
  switch (quiet[found]) {
  case Quiet::no: return false;
  case Quiet::closed: return true;
  case Quiet::open: return separated(found, head, rule);
  case Quiet::derived: break;
  }
  // A conclusion: its definition must be the representative's, entity for
  // entity, over quiet base atoms no other conclusion in a cone with `head` holds.
  if (!separated(found, head, rule)) return false;
  const Definition *df = g.definition(found), *dt = g.definition(twin);
  if (!df || !dt) return false;
  const auto& bf = df->bodies;
  const auto& bt = dt->bodies;
  if (bf.size() != bt.size() || !df->naive_origin.empty()) return false;
  auto same_atom = [&](AtomId a, AtomId b) {
    const Atom& x = g.atoms[a];
    const Atom& y = g.atoms[b];
    if (x.predicate != y.predicate || x.args.size() != y.args.size()) return false;
    for (std::size_t i = 0; i < x.args.size(); ++i)
      if ((x.args[i] == e ? rep : x.args[i]) != y.args[i]) return false;
    return a < quiet.size() && (quiet[a] == Quiet::closed || quiet[a] == Quiet::open) && separated(a, head, rule, found);
  };
  auto same = [&](const Formula& x, const Formula& y, const auto& self) -> bool {
    if (x.kind != y.kind) return false;
    if (x.kind == Formula::Kind::atom) return same_atom(x.atom, y.atom);
    if (x.kind != Formula::Kind::negation || x.operands.size() != 1 || y.operands.size() != 1) return false;
    return self(x.operands[0], y.operands[0], self);
  };
  for (std::size_t k = 0; k < bf.size(); ++k) {
    if (bf[k].rule != bt[k].rule || bf[k].literals.size() != bt[k].literals.size()) return false;
    for (std::size_t i = 0; i < bf[k].literals.size(); ++i)
      if (!same(bf[k].literals[i], bt[k].literals[i], same)) return false;
  }
  return true;
}

// The entities of a representative's domain and their instances' atoms:
// `exists(a, e)` is atom a with e in the representative's place, if grounded.
class Representatives::Covered {
public:
  Covered(const Record& rec, const RuleBook& rules, const Builder& builder, const Freedom& freedom, bool above)
      : rec_(rec), rules_(rules), builder_(builder), freedom_(freedom), above_(above),
        domain_(rules.domain(rec.rule->types.at(rec.var))),
        key_(instance_key_around(rec.head, rec.rule->index, rec.binding, rec.var)),
        with_rep_(atoms_with_representative(negated_)) {
    // A link the instance also negates, or holds inside a compound
    // condition (through the conclusions it passes through, too), is no open
    // link: the judge reads no possibility in it (S11).
    for (AtomId l : rec_.links)
      if (!negated_.count(l)) links_.emplace_back(instances(l), l);
    std::stable_sort(links_.begin(), links_.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  }

  // The atoms with the representative, through the conclusions it passes through.
  const std::vector<AtomId>& with_rep() const { return with_rep_; }

  // `found`, entity e's atom where the representative has `twin`, leaves e
  // as free as the representative (Freedom::frees).
  bool frees(AtomId found, AtomId twin, const std::string& e) const {
    return freedom_.frees(builder_.program(), found, twin, e, rec_.rep, rec_.head, rec_.rule->index, above_);
  }

  const std::vector<std::string>& domain() const { return domain_; }
  bool in_domain(const std::string& e) const { return std::binary_search(domain_.begin(), domain_.end(), e); }

  std::optional<AtomId> exists(AtomId a, const std::string& e) const {
    const auto& atom = builder_.program().atoms[a];
    auto args = atom.args;
    for (auto& x : args)
      if (x == rec_.rep) x = e;
    return builder_.find(atom.predicate, args);
  }
  // e has an instance of its own (looked up by its key, asked for every
  // entity of many instances: no binding copied).
  bool emitted(const std::string& e) const {
    std::string key;
    key.reserve(key_.first.size() + e.size() + key_.second.size());
    key.append(key_.first).append(e).append(key_.second);
    return builder_.emitted(key);
  }
  using Instances = std::vector<std::pair<std::string, AtomId>>;
  // `a` with the representative in exactly one place: the grounded atoms
  // with an entity in that place (null if there are none); nullopt if the
  // representative is in several places or none.
  std::optional<const Instances*> hole_instances(AtomId a) const {
    const auto& atom = builder_.program().atoms[a];
    if (std::count(atom.args.begin(), atom.args.end(), rec_.rep) != 1) return std::nullopt;
    auto pattern = atom.args;
    std::replace(pattern.begin(), pattern.end(), rec_.rep, hole);
    return builder_.at_hole(atom.predicate, pattern);
  }

  // Calls f(e, id) for each entity e and atom id that is `a` with e in the
  // representative's place.
  template <typename F>
  void each_instance(AtomId a, F f) const {
    if (auto found = hole_instances(a)) {
      if (*found)
        for (const auto& [e, id] : **found) f(e, id);
    } else {
      for (const auto& e : domain_)
        if (auto id = exists(a, e)) f(e, *id);
    }
  }

  // How many entities each_instance(a, ...) visits at most.
  std::size_t instances(AtomId a) const {
    if (auto found = hole_instances(a)) return *found ? (*found)->size() : 0;
    return domain_.size();
  }

  // What the open links leave of the covered entities, in one walk over the
  // instances of the link with the fewest (an entity lacking one link has
  // an open link of its own that is loose too).
  struct LinkSurvey {
    // (b): the entities every open link of which some other instance
    // grounds; nullopt without an open link.
    std::optional<std::set<std::string>> without_own_link;
    // The representative's instance is a possibility as the judge reads it
    // (judge/cones.cpp): one of its open links is a loose link, an atom
    // nobody names that occurs only as a positive condition anywhere. The
    // argument that lets a described entity stay covered is that what lies
    // behind its open link is a possibility. Where another instance holds
    // the representative's link negated (`d2(a3) if p1(<another operation>,
    // a3), not p1(<another operation>, a3)` beside d0(a3)'s `p3(<another
    // operation>), p1(<another operation>, a3)`), it is no loose link, the
    // claim reaches through it, and judging apart reaches the disputed
    // p3(op2) there (S30). An atom made in this round counts as loose until
    // the next one looks.
    bool possibility = false;
    // The entities, not yet apart, whose instance would be no possibility as
    // the judge reads it (judge/cones.cpp) where the representative's is:
    // each of their open links exists and is no loose link (some rule
    // negates it, or a premise or claim names it). Behind their open link
    // is then a condition, not a possibility, and what the case says about
    // them counts (S11, S13).
    std::vector<std::string> without_loose_link;
  };
  LinkSurvey survey_links(std::size_t known) const {
    LinkSurvey out;
    if (links_.empty()) return out;
    out.without_own_link.emplace();
    // Only the links that make the representative's instance a possibility
    // count for without_loose_link: one another instance negates is no
    // loose link for the representative either (S30: d0(a3)'s `p1(<another
    // operation>, a3)`, negated in d2(a3)'s instance, beside `p3(<another
    // operation>)`, whose op2 is stated, and disputed, as p3(op2)). Usually
    // every link is loose, and one walk finds both. An atom made in this
    // round is looked at in the next one.
    auto shut = [&](AtomId id) { return id < known && !freedom_.loose[id]; };
    std::vector<AtomId> loose; // fewest instances first, as links_
    for (const auto& link : links_)
      if (!shut(link.second)) loose.push_back(link.second);
    out.possibility = !loose.empty();
    const bool all_loose = loose.size() == links_.size();
    each_instance(links_.front().second, [&](const std::string& e, AtomId id) {
      if (e == rec_.rep || !in_domain(e)) return;
      bool owned = !frees(id, links_.front().second, e), loosened = all_loose && shut(id);
      for (std::size_t k = 1; k < links_.size() && (owned || loosened); ++k) {
        auto other = exists(links_[k].second, e);
        if (!other) return;
        owned = owned && !frees(*other, links_[k].second, e);
        loosened = loosened && shut(*other);
      }
      if (owned) out.without_own_link->insert(e);
      if (loosened && !emitted(e)) out.without_loose_link.push_back(e);
    });
    if (!all_loose && !loose.empty())
      each_instance(loose.front(), [&](const std::string& e, AtomId id) {
        if (e == rec_.rep || !in_domain(e) || !shut(id) || emitted(e)) return;
        for (std::size_t k = 1; k < loose.size(); ++k) {
          auto other = exists(loose[k], e);
          if (!other || !shut(*other)) return;
        }
        out.without_loose_link.push_back(e);
      });
    return out;
  }

  // Calls f(e) for each entity e with an atom, held in the representative's
  // instance other than as a positive condition, that is a loose link
  // elsewhere: e's own instance would negate it, so it would be no loose
  // link there any more (S12: the representative left the other
  // instance a possibility that judging e apart does not).
  // Elsewhere includes another representative's instance: where the
  // representative's `p2(<another actor>, a2)` is negated and another's
  // `p2(a1, <another actor>)` is a loose link, a1 here and a2 there would
  // meet in `p2(a1, a2)`, negated in one instance and the other's loose
  // link, when each is judged apart (the generated case of seed 21322).
  // There, a loose link or not: where the other's atom is no loose link
  // either, the two instances meet in `p2(a1, a2)` when judged apart, and
  // what the case says through one reaches the claims of the other (seed
  // 91385 of the run from seed 90001: a fact whose rule negates
  // `p1(op1, <another actor>)`, contradicted by evidence, and a claim
  // through `not p1(<another operation>, a1)`, which judging apart joins
  // in `p1(op1, a1)`: INCONSISTENT apart, NOT ESTABLISHED without this).
  template <typename F>
  void negating_a_loose_link(std::size_t known, F f) const {
    auto meet = [&](const std::string& e, AtomId id) {
      if (id < known && e != rec_.rep && in_domain(e) && !emitted(e)) f(e);
    };
    auto visit = [&](const std::string& e, AtomId id) {
      if (id < known && freedom_.loose[id]) meet(e, id);
    };
    for (AtomId a : negated_) {
      each_instance(a, visit);
      const Atom& atom = builder_.program().atoms[a];
      if (std::count(atom.args.begin(), atom.args.end(), rec_.rep) != 1) continue;
      auto pattern = atom.args;
      std::replace(pattern.begin(), pattern.end(), rec_.rep, hole);
      for (std::size_t j = 0; j < atom.args.size(); ++j) {
        if (atom.args[j] == rec_.rep || is_representative(atom.args[j])) continue;
        for (const std::string& name : representatives_of(atom.args[j])) {
          pattern[j] = name;
          if (const auto* found = builder_.at_hole(atom.predicate, pattern))
            for (const auto& [e, id] : *found) meet(e, id);
        }
        pattern[j] = atom.args[j];
      }
    }
  }

  // Calls f(e) for each entity e of the domain that, put in the
  // representative's place, makes two of the instance's atoms (through the
  // conclusions it passes through) one: e is a constant of one where the
  // other has the representative, as a4 in `p2(<another actor>, a4)` beside
  // `not p2(<another actor>, <another actor>)`. e's own instance then
  // negates its link, or holds one atom in two roles, which the
  // representative's does not: it is no instance like the others (S19:
  // a4's instance of `d2(a4)` is a condition joining the stated p0(a4) to
  // a contradiction elsewhere, where the representative's is a
  // possibility). The same as an entity another variable is bound to (S2).
  template <typename F>
  void made_one_by(F f) const {
    const GroundProgram& g = builder_.program();
    for (std::size_t i = 0; i < with_rep_.size(); ++i) {
      const Atom& x = g.atoms[with_rep_[i]];
      for (std::size_t j = i + 1; j < with_rep_.size(); ++j) {
        const Atom& y = g.atoms[with_rep_[j]];
        if (x.predicate != y.predicate || x.args.size() != y.args.size()) continue;
        const std::string* e = nullptr;
        bool one = true;
        for (std::size_t k = 0; k < x.args.size() && one; ++k) {
          const std::string &u = x.args[k], &v = y.args[k];
          if (u == v) continue;
          const std::string* c = u == rec_.rep ? &v : v == rec_.rep ? &u : nullptr;
          one = c && (!e || *e == *c);
          e = c;
        }
        if (one && e && in_domain(*e) && !emitted(*e)) f(*e);
      }
    }
  }

  // `a` with e in the representative's place is an atom another
  // representative's instance stands for: some of its entities (e or
  // another) are a representative of their type in an atom that exists
  // (not `a`). S25: `p4(op1, op1)`, which `p4(<another operation>,
  // <another operation>)` stands for; S26: `p1(op1, a0)`, which `p1(op1,
  // <another actor>)` stands for.
  bool stood_for_elsewhere(AtomId a, const std::string& e) const {
    const Atom& atom = builder_.program().atoms[a];
    std::vector<std::string> args = atom.args;
    std::replace(args.begin(), args.end(), rec_.rep, e);
    if (args.size() > 3) return false;
    return other_patterns(place_options(args), [&](const std::vector<std::string>& pattern) {
      auto found = builder_.find(atom.predicate, pattern);
      return found && *found != a;
    });
  }

  // (j): the atoms that stand for `a` with an entity e of the domain in
  // the representative's place through a representative in another place,
  // one an instance covers entities with (Freedom::body_rep), made before
  // this round, with that entity: S28's `p1(<another operation>, a0)` for
  // `p1(op0, <another actor>)` with a0. Found through the atoms with a hole
  // in the representative's place, once per atom and round (the instances
  // of many conclusions share one). Usually there are none: a predicate has
  // such atoms in few places.
  const Freedom::Across& stood_for_across(AtomId a) const {
    static const Freedom::Across none;
    const Atom& atom = builder_.program().atoms[a];
    const auto at = std::find(atom.args.begin(), atom.args.end(), rec_.rep);
    const auto k = static_cast<std::size_t>(at - atom.args.begin());
    if (atom.args.size() > 3 || at == atom.args.end() || std::count(at, atom.args.end(), rec_.rep) != 1) return none;
    auto places = freedom_.body_rep_places.find(atom.predicate);
    if (places == freedom_.body_rep_places.end() || !(places->second & ~(1u << k))) return none;
    auto [it, fresh] = freedom_.across.try_emplace(std::uint64_t{a} * 8 + k);
    Freedom::Across& out = it->second;
    if (!fresh) return out;
    auto options = place_options(atom.args);
    options[k] = {hole};
    for (std::size_t j = 0; j < options.size(); ++j)
      if (!(places->second & (1u << j))) options[j].resize(1);
    const auto& quiet = freedom_.quiet;
    other_patterns(options, [&](const std::vector<std::string>& pattern) {
      if (const auto* found = builder_.at_hole(atom.predicate, pattern))
        for (const auto& [e, id] : *found)
          if (id < quiet.size() && freedom_.body_rep[id] && quiet[id] != Freedom::Quiet::closed && in_domain(e))
            out.emplace_back(e, id);
      return false;
    });
    return out;
  }

  // (j): `id`, which stands for an atom of the instance with an entity in
  // the representative's place (stood_for_across()), is held by an instance that some claim grounding
  // reaching this head reaches, with a representative its head does not
  // have: one the instance covers entities with. (A representative in that
  // instance's head stands only for the entities without a head of their
  // own: `organ_of(ac_1, <another state>)` in attributable(op, <another
  // state>)'s instance stands for no state whose attributable(op, s)
  // exists.) An atom that connects premises counts wherever it is; a
  // closed one that connects nothing is false for the representative and
  // the entity alike. Rules of one doctrine family's alternatives are not
  // told apart here (more entities apart, never fewer).
  bool met_under_a_claim(AtomId id) const {
    using Quiet = Freedom::Quiet;
    if (id >= freedom_.quiet.size()) return false;
    switch (freedom_.quiet[id]) {
    case Quiet::no: return true;
    case Quiet::closed: return false;
    case Quiet::open:
    case Quiet::derived: break;
    }
    if (rec_.head >= freedom_.reach.size()) return true;
    return freedom_.covering_reach(builder_.program(), id).meets(freedom_.reach[rec_.head]);
  }

  // Calls f(pattern) for each pattern that takes one of `options` per place,
  // in order, all but the first of each (the atom itself); stops where f
  // returns true, and returns whether it did.
  template <typename F>
  static bool other_patterns(const std::vector<std::vector<std::string>>& options, F f) {
    std::vector<std::size_t> choice(options.size(), 0);
    std::vector<std::string> pattern(options.size());
    for (;;) {
      std::size_t k = 0;
      while (k < choice.size() && ++choice[k] >= options[k].size()) choice[k++] = 0;
      if (k == choice.size()) return false;
      for (std::size_t m = 0; m < options.size(); ++m) pattern[m] = options[m][choice[m]];
      if (f(pattern)) return true;
    }
  }

  // Per place of `args`: its entity, then (for an entity) its representatives.
  std::vector<std::vector<std::string>> place_options(const std::vector<std::string>& args) const {
    std::vector<std::vector<std::string>> options(args.size());
    for (std::size_t k = 0; k < args.size(); ++k) {
      options[k].push_back(args[k]);
      if (!is_representative(args[k]))
        for (auto& name : representatives_of(args[k])) options[k].push_back(std::move(name));
    }
    return options;
  }

  // The names of the representatives that can stand for `entity`.
  std::vector<std::string> representatives_of(const std::string& entity) const {
    std::vector<std::string> out;
    for (EntityType t : {EntityType::state, EntityType::actor, EntityType::object, EntityType::operation}) {
      const auto& domain = rules_.domain(t);
      if (!std::binary_search(domain.begin(), domain.end(), entity)) continue;
      for (auto& name : representative_names(t)) out.push_back(std::move(name));
    }
    return out;
  }

  // The atoms with the representative, through the conclusions it passes
  // through; `negated` gets those of them that occur there other than as a
  // positive condition.
  std::vector<AtomId> atoms_with_representative(std::unordered_set<AtomId>& negated) const {
    const GroundProgram& g = builder_.program();
    std::vector<AtomId> stack = rec_.atoms, out;
    std::unordered_set<AtomId> seen;
    auto has_rep = [&](AtomId a) { return holds(g, a, rec_.rep); };
    auto below = [&](const std::vector<Body>& bodies) {
      for (const auto& body : bodies)
        for (const auto& l : body.literals)
          collect_literal(l, stack, [&](AtomId a) {
            if (has_rep(a)) negated.insert(a);
          });
    };
    negated.insert(rec_.negated.begin(), rec_.negated.end());
    while (!stack.empty()) {
      AtomId a = stack.back();
      stack.pop_back();
      if (!seen.insert(a).second || !has_rep(a)) continue;
      out.push_back(a);
      if (const Definition* d = g.definition(a)) below(d->bodies);
    }
    return out;
  }

  // Calls f(e) for each entity e of the domain with an atom of its instance
  // found elsewhere, a free one (a') apart. This is the fallback, where (a)
  // or (b) does not hold, so a description the case states counts too: what
  // lets a covered entity keep its disputed description is that its open
  // link makes its instance false and (a) makes the disjunction true
  // whatever the description says; without both, a covered entity the
  // evidence describes must be judged apart (Soundness.S10). Walks each
  // atom's instances, not the whole domain per atom (grounding grew faster
  // than the campaign through this loop).
  template <typename F>
  void elsewhere(F f) const {
    for (AtomId a : with_rep_)
      each_instance(a, [&](const std::string& e, AtomId id) {
        if (in_domain(e) && !frees(id, a, e)) f(e);
      });
  }

  // (a): looked for in domain order, usually found at once. Not even a
  // description may exist for it: `not group(X)` with `fact group(g)` makes
  // g's instance false, so g cannot make the disjunction true. A free atom
  // (a') may exist.
  // `hint`, the entity found last time for a representative of the same
  // rule, is tried first and updated: found once, the walk is not repeated
  // for every instance and every round (issue 19: `holds attributable(op_7,
  // S)` under a countermeasure walked some 370 actors named for other states
  // per state, rule and round before one was fresh).
  bool fresh_one(std::string& hint) const {
    auto fresh = [&](const std::string& e) {
      return e != rec_.rep && !emitted(e) && std::none_of(with_rep_.begin(), with_rep_.end(), [&](AtomId a) {
               auto id = exists(a, e);
               return id && !frees(*id, a, e);
             });
    };
    if (!hint.empty() && in_domain(hint) && fresh(hint)) return true;
    auto found = std::find_if(domain_.begin(), domain_.end(), fresh);
    if (found == domain_.end()) return false;
    hint = *found;
    return true;
  }

  // (f): a covered entity to be the instance's witness, looked for from
  // place `start` of the domain (so that the instances of different
  // conclusions mostly have different witnesses), one the case says nothing
  // about there if there is one.
  // None where the representative stands for one entity only (`split`
  // goes): it is then that entity.
  std::optional<std::string> witness(std::size_t start, const std::set<std::string>& split) const {
    auto covered = [&](const std::string& e) { return e != rec_.rep && !emitted(e) && !split.count(e); };
    // At least two (the first two found: counting all of a large domain
    // for each instance made grounding grow faster than the campaign).
    auto first = std::find_if(domain_.begin(), domain_.end(), covered);
    if (first == domain_.end() || std::find_if(std::next(first), domain_.end(), covered) == domain_.end())
      return std::nullopt;
    std::optional<std::string> any;
    for (std::size_t k = 0; k < domain_.size(); ++k) {
      const std::string& e = domain_[(start + k) % domain_.size()];
      if (!covered(e)) continue;
      if (std::none_of(with_rep_.begin(), with_rep_.end(), [&](AtomId a) {
            auto id = exists(a, e);
            return id && !frees(*id, a, e);
          }))
        return e;
      if (!any) any = e;
    }
    return any;
  }

private:
  const Record& rec_;
  const RuleBook& rules_;
  const Builder& builder_;
  const Freedom& freedom_;
  const bool above_; // the head is under a conclusion a premise bears on
  const std::vector<std::string>& domain_;
  std::pair<std::string, std::string> key_; // the instance key around the represented variable's entity
  std::unordered_set<AtomId> negated_;      // atoms with the representative held other than as positive conditions
  std::vector<AtomId> with_rep_;            // after negated_: the constructor fills both
  std::vector<std::pair<std::size_t, AtomId>> links_; // the open links, fewest instances first, with that number
};

bool Representatives::split_one(Record& rec, const RuleBook& rules, Builder& builder, std::size_t known,
                                const std::vector<char>& constrained, const Freedom& freedom, bool witness,
                                const std::set<std::string>& bound_elsewhere, Going& going) {
  // Guard links exist once the guarded conclusion is expanded (the first
  // round expands every atom interned before it).
  std::erase_if(rec.guard_links, [&](const auto& link) {
    auto id = builder.find(link.first, link.second);
    if (id) rec.links.push_back(*id);
    return id.has_value();
  });
  const bool above = rec.head < constrained.size() && constrained[rec.head];
  const Covered covered(rec, rules, builder, freedom, above);
  const auto links = covered.survey_links(known);
  const auto& without_own_link = links.without_own_link;
  std::set<std::string> split;
  // Under a closed conclusion, (a) is not needed (representatives.hpp, (d)).
  const Atom& head = builder.program().atoms[rec.head];
  const bool closed_head = head.info && head.info->has(Tag::closed) && rules.derived(head.predicate);
  if (without_own_link && links.possibility &&
      (closed_head || covered.fresh_one(fresh_hint_[rec.rule->index]))) {
    for (const auto& e : *without_own_link)
      if (!covered.emitted(e)) split.insert(e);
  } else {
    covered.elsewhere([&](const std::string& e) {
      if (!split.count(e) && !covered.emitted(e)) split.insert(e);
    });
  }
  // A covered entity's instance must be a possibility where the
  // representative's is, and must not make an atom found elsewhere cease to
  // be a loose link there.
  split.insert(links.without_loose_link.begin(), links.without_loose_link.end());
  covered.negating_a_loose_link(known, [&](const std::string& e) { split.insert(e); });
  covered.made_one_by([&](const std::string& e) { split.insert(e); });
  // (g): an atom of a covered entity's instance that a fact joins to other
  // atoms, under a conclusion a claim reaches. That fact can put the atom in
  // the claim's firm part (judge/premises.cpp, "Possibilities"), and judging
  // apart the atom then lifts the conclusion into it through the entity's
  // instance (upwards nothing is cut), with whatever the conclusion's other
  // bodies hold; the representative's instance lifts nothing (S23).
  const bool under_claim = freedom.reach[rec.head].many || !freedom.reach[rec.head].claims.empty();
  const bool joined_under_claim = !freedom.joint_predicates.empty() && under_claim;
  if (joined_under_claim)
    for (AtomId a : covered.with_rep())
      if (freedom.joint_predicates.count(builder.program().atoms[a].predicate))
        covered.each_instance(a, [&](const std::string& e, AtomId id) {
          if (id < freedom.joint.size() && freedom.joint[id] && e != rec.rep && covered.in_domain(e) &&
              !covered.emitted(e))
            split.insert(e);
        });
  // (h): the same one conclusion down. A conclusion the representative's
  // instance passes it into (`d0(<another actor>)`) can have a body holding
  // an atom without it that a fact joins to other atoms (`p3(op1)`, in
  // `not p3(op1) or not p4(op2, op0)`). Judging apart, that atom, firm
  // through the fact, lifts each entity's own conclusion (`d0(a0)`) into
  // the claim's firm part, and with it the conclusion's body, whose atoms
  // with the entity in the representative's place can be held elsewhere
  // (`p2(a0, a0)`, by a stated conclusion's body): an entity whose atom
  // there exists gets its own instance (S24). Looks at nothing where no
  // fact joins atoms (every bench corpus and held-out campaign).
  if (joined_under_claim) {
    const GroundProgram& g = builder.program();
    for (AtomId c : covered.with_rep()) {
      const Definition* def = g.definition(c);
      if (!def) continue;
      for (const auto& body : def->bodies) {
        std::vector<AtomId> atoms;
        for (const auto& l : body.literals) collect_atoms(l, atoms);
        if (std::none_of(atoms.begin(), atoms.end(), [&](AtomId a) {
              return a < freedom.joint.size() && freedom.joint[a] && !holds(g, a, rec.rep);
            }))
          continue;
        for (AtomId a : atoms)
          if (holds(g, a, rec.rep))
            covered.each_instance(a, [&](const std::string& e, AtomId) {
              if (e != rec.rep && covered.in_domain(e) && !covered.emitted(e)) split.insert(e);
            });
      }
    }
  }
  // (i): under a conclusion a premise bears on, an atom with the
  // representative that another instance holds too stands, there, for
  // fewer entities when that instance binds one of them to another variable
  // (`d0(a2) if p2(<another actor>, a4), A0 != a2` beside the stated
  // `d0(a3) if p2(<another actor>, a4)`, which covers a2). Judging apart,
  // the premise can be met through that entity alone (p2(a2, a4)), which
  // the other instance cannot use; the shared atom met it for both (S27:
  // d0(a2) ESTABLISHED, NOT ESTABLISHED apart). Such an entity has its own
  // instance here.
  if (above)
    for (const auto& e : bound_elsewhere)
      if (e != rec.rep && !split.count(e) && covered.in_domain(e) && !covered.emitted(e)) split.insert(e);
  // (c): under a conclusion a premise bears on, an atom of a covered
  // entity's instance that exists elsewhere must stay joined to this
  // instance: a claim reaching it climbs through the instance to the
  // premise. (Elsewhere no claim climbs to the head, and a claim above it
  // reaches the entity's atoms only behind its open link, a possibility: a
  // part there is left out if inconsistent and changes no verdict if not.)
  // An atom made in this round (id `known` or more) is looked at in the next one.
  if (above)
    for (AtomId a : covered.with_rep())
      covered.each_instance(a, [&](const std::string& e, AtomId id) {
        if (id >= known || e == rec.rep || split.count(e) || !covered.in_domain(e) || covered.frees(id, a, e))
          return;
        if (!covered.emitted(e)) split.insert(e);
      });
  // (c) and (j) for an atom that no instance holds yet but another
  // representative's stands for: judging apart, the two instances meet
  // there (S25: `p4(op1, <another operation>)` here and `p4(<another
  // operation>, <another operation>)` elsewhere meet at p4(op1, op1); S26).
  // Under a conclusion a premise bears on, whatever the other instance is.
  // (j) Elsewhere, where the other representative is in another place and
  // one claim grounding reaches both instances: (a) and (b) look only at
  // atoms that exist, and miss this meeting (S28: `p1(op0, <another
  // actor>)` in d1(op0, a0)'s instance and `p1(<another operation>, a0)` in
  // d0(a0)'s, under one claim). An atom made in this round is looked at in
  // the next one.
  if (above) {
    for (AtomId a : covered.with_rep())
      for (const auto& e : covered.domain())
        if (e != rec.rep && !split.count(e) && !covered.emitted(e) && !covered.exists(a, e) &&
            covered.stood_for_elsewhere(a, e))
          split.insert(e);
  } else if (under_claim && !(closed_head && without_own_link && without_own_link->empty())) {
    // Under a closed conclusion, an entity with an open link of its own is
    // left as (d) leaves it: its instance can be false through that link
    // whatever it meets deeper down, and the conclusion holds only where
    // the other instances entail it.
    auto own_link = [&](const std::string& e) { return without_own_link && !without_own_link->count(e); };
    for (AtomId a : covered.with_rep())
      for (const auto& [e, id] : covered.stood_for_across(a))
        if (covered.met_under_a_claim(id) && !split.count(e) && !(closed_head && own_link(e)) && !covered.emitted(e) &&
            !covered.exists(a, e))
          split.insert(e);
  }
  // (f): a witness, an entity of the representative's domain with an
  // instance of its own, so that two conclusions needed together can rest
  // on two entities nobody names (S15, S18).
  std::optional<std::string> witness_alone;
  if (witness && !rec.witnessed) {
    rec.witnessed = true;
    witness_alone = covered.witness(rec.head, split);
  }
  if (split.empty() && !witness_alone) return false;
  GroundProgram& g = builder.program();
  auto emit = [&](const std::string& e, bool witness_body) {
    Binding b = rec.binding;
    b[rec.var] = e;
    Definition extra;
    extra.head = rec.head;
    builder.emit_body(*rec.rule, b, extra);
    auto& bodies = g.definition(rec.head)->bodies;
    for (auto& body : extra.bodies) {
      body.witness = witness_body;
      bodies.push_back(std::move(body));
    }
  };
  for (const auto& e : split) emit(e, false);
  if (witness_alone) {
    emit(*witness_alone, true);
    rec.witness = *witness_alone;
  }
  // A representative that no longer stands for any entity goes.
  const auto& domain = covered.domain();
  if (std::all_of(domain.begin(), domain.end(), [&](const std::string& e) { return covered.emitted(e); })) {
    rec.retired = true;
    going.mark(rec.head, rec.rule->index, rec.atoms);
  }
  return true;
}

std::vector<char> connecting_atoms(const Program& p, const GroundProgram& g, std::vector<char>* constrained_out) {
  const std::size_t n = g.atoms.size();
  std::vector<char> constrained(n, 0), connects(n, 0);
  std::vector<AtomId> stack;
  for (const auto& f : g.facts) {
    stack.insert(stack.end(), f.atoms.begin(), f.atoms.end());
    if (f.atoms.size() > 1)
      for (AtomId a : f.atoms) connects[a] = 1;
  }
  for (const auto& num : g.numeric) stack.push_back(num.atom);
  stack.insert(stack.end(), g.assumed.begin(), g.assumed.end());
  for (const auto& e : p.evidence)
    for (const auto& b : e.bearings)
      if (auto id = g.find(atom_text(b.atom.predicate.text, args_of(b.atom, {})))) stack.push_back(*id);
  while (!stack.empty()) {
    AtomId a = stack.back();
    stack.pop_back();
    if (constrained[a]) continue;
    constrained[a] = 1;
    if (const Definition* d = g.definition(a))
      for (const auto& body : d->bodies)
        for (const auto& l : body.literals) collect_atoms(l, stack);
  }
  for (const auto& d : g.definitions) {
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

} // namespace imputa::ground
