// A rule's ways of drawing one conclusion as a product of independent parts (factor.hpp).
#include "smt/factor.hpp"

#include "ground/rules.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace imputa::smt {
namespace {

// A ground literal as text that two literals share exactly when they are the same.
void key(const ground::NumTerm& t, std::string& out) {
  using K = ground::NumTerm::Kind;
  out += static_cast<char>('0' + static_cast<int>(t.kind));
  if (t.kind == K::number) { // appended piece by piece: GCC 12 warns falsely (-Wrestrict) on `a + "/" + b`
    out += t.value.numerator_text();
    out += '/';
    out += t.value.denominator_text();
  }
  if (t.kind == K::atom) out += std::to_string(t.atom);
  out += '(';
  for (const auto& o : t.operands) key(o, out);
  out += ')';
}

void key(const ground::Formula& f, std::string& out) {
  using K = ground::Formula::Kind;
  out += static_cast<char>('a' + static_cast<int>(f.kind));
  if (f.kind == K::atom) out += std::to_string(f.atom);
  if (f.kind == K::comparison) {
    out += static_cast<char>('0' + static_cast<int>(f.comparison->op));
    key(f.comparison->lhs, out);
    key(f.comparison->rhs, out);
  }
  out += '(';
  for (const auto& o : f.operands) key(o, out);
  out += ')';
}

} // namespace

std::vector<unsigned> independent_parts(const RuleItem& rule) {
  std::vector<std::string> head;
  ground::variables(rule.head, head);
  const std::size_t n = rule.body.size();
  std::vector<std::size_t> root(n);
  std::iota(root.begin(), root.end(), std::size_t{0});
  auto find = [&](std::size_t i) {
    while (root[i] != i) i = root[i] = root[root[i]];
    return i;
  };
  std::unordered_map<std::string, std::size_t> first; // a variable -> the first literal holding it
  std::vector<char> open(n, 0);                       // the literal holds a variable not the head's
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::string> vars;
    ground::variables(rule.body[i], vars);
    for (const auto& v : vars) {
      if (std::find(head.begin(), head.end(), v) != head.end()) continue;
      open[i] = 1;
      if (v == "_") continue; // each `_` is a variable of its own
      auto [it, fresh] = first.emplace(v, i);
      if (!fresh) root[find(i)] = find(it->second);
    }
  }
  std::vector<unsigned> out(n);
  std::unordered_map<std::size_t, unsigned> number;
  std::set<std::size_t> open_parts;
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = number.emplace(find(i), static_cast<unsigned>(number.size())).first->second;
    if (open[i]) open_parts.insert(find(i));
  }
  // A part of the head's variables alone has one way per conclusion: with
  // fewer than two parts that leave variables open there is no product.
  if (open_parts.size() < 2) out.clear();
  return out;
}

std::optional<std::vector<Part>> as_product(const std::vector<unsigned>& parts,
                                            const std::vector<const ground::Body*>& bodies) {
  if (parts.empty() || bodies.size() < 2) return std::nullopt;
  const unsigned count = *std::max_element(parts.begin(), parts.end()) + 1;
  std::vector<Part> out(count);
  std::vector<std::unordered_map<std::string, std::size_t>> seen(count);
  std::unordered_set<std::string> distinct;
  for (const ground::Body* b : bodies) {
    if (b->literals.size() != parts.size()) return std::nullopt;
    std::string whole;
    for (unsigned p = 0; p < count; ++p) {
      std::string k;
      std::vector<const ground::Formula*> literals;
      for (std::size_t i = 0; i < parts.size(); ++i)
        if (parts[i] == p) {
          key(b->literals[i], k);
          k += '|';
          literals.push_back(&b->literals[i]);
        }
      if (seen[p].emplace(k, out[p].size()).second) out[p].push_back(std::move(literals));
      whole += k;
      whole += '#';
    }
    distinct.insert(std::move(whole));
  }
  // Every combination is a body exactly when there are as many distinct
  // bodies as combinations (each body is one of them).
  std::size_t product = 1, wide = 0;
  for (const Part& part : out) {
    product *= part.size();
    if (product > distinct.size()) return std::nullopt;
    wide += part.size() > 1;
  }
  if (product != distinct.size() || wide < 2) return std::nullopt; // not a product, or nothing to gain
  return out;
}

} // namespace imputa::smt
