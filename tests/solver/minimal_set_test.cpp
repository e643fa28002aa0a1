// The two ways of finding a minimal support or conflict (solver/judge/
// minimal_set.hpp) keep the same set: the one deleting members one by one
// from the front of the canonical order leaves. Checked against monotone
// oracles: a set is "unsatisfiable" when it contains one of a few random
// conflicts.
#include "judge/minimal_set.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

namespace imputa::judging {
namespace {

using smt::Lit;

std::vector<Lit> members(std::size_t n) {
  std::vector<Lit> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back({static_cast<smt::Selector>(i), i % 3 != 0});
  return out;
}

// Unsatisfiable exactly when `kept` contains one of `conflicts`; counts the checks.
struct Oracle {
  std::vector<std::set<Lit>> conflicts;
  std::size_t checks = 0;
  std::optional<bool> operator()(const std::vector<Lit>& kept) {
    ++checks;
    std::set<Lit> in(kept.begin(), kept.end());
    return std::any_of(conflicts.begin(), conflicts.end(), [&](const std::set<Lit>& c) {
      return std::includes(in.begin(), in.end(), c.begin(), c.end());
    });
  }
};

// The definition, written out: each member in turn goes if the rest stays unsatisfiable.
std::vector<Lit> by_definition(const std::vector<Lit>& canonical, Oracle& o) {
  std::vector<Lit> left = canonical;
  for (const Lit& l : canonical) {
    std::vector<Lit> without;
    for (const Lit& m : left)
      if (m != l) without.push_back(m);
    if (*o(without)) left = without;
  }
  return left;
}

TEST(MinimalSet, BothWaysKeepWhatDeletingFromTheFrontKeeps) {
  std::mt19937 rng(20261203);
  for (int round = 0; round < 2000; ++round) {
    const std::size_t n = 1 + rng() % 30;
    const auto all = members(n);
    Oracle o;
    const std::size_t conflicts = 1 + rng() % 4;
    const double density = std::uniform_real_distribution<double>(0.05, 1.0)(rng);
    for (std::size_t c = 0; c < conflicts; ++c) {
      std::set<Lit> conflict;
      for (const Lit& l : all)
        if (std::uniform_real_distribution<double>(0, 1)(rng) < density) conflict.insert(l);
      o.conflicts.push_back(conflict);
    }
    SCOPED_TRACE("round " + std::to_string(round) + ", " + std::to_string(n) + " members");
    const auto expected = by_definition(all, o);
    UnsatWith unsat_with = std::ref(o);
    EXPECT_EQ(quickxplain(all, unsat_with), expected);
    EXPECT_EQ(delete_one_by_one(all, unsat_with), expected);
  }
}

// Why there are two: with every member needed, QuickXplain checks about
// twice per member, deleting one by one once; with one needed, QuickXplain
// checks a handful of times.
TEST(MinimalSet, OneByOneChecksLessWhenEveryMemberIsKept) {
  const auto all = members(64);
  Oracle dense{{std::set<Lit>(all.begin(), all.end())}};
  UnsatWith dense_with = std::ref(dense);
  ASSERT_EQ(delete_one_by_one(all, dense_with), all);
  EXPECT_EQ(dense.checks, 64u);
  dense.checks = 0;
  ASSERT_EQ(quickxplain(all, dense_with), all);
  EXPECT_GT(dense.checks, 120u);

  Oracle sparse{{{all[40]}}};
  UnsatWith sparse_with = std::ref(sparse);
  ASSERT_EQ(quickxplain(all, sparse_with), std::vector<Lit>{all[40]});
  EXPECT_LT(sparse.checks, 20u);
}

TEST(MinimalSet, ACheckOutOfTimeGivesNoSet) {
  const auto all = members(10);
  std::size_t calls = 0;
  UnsatWith late = [&](const std::vector<Lit>& kept) -> std::optional<bool> {
    if (++calls > 3) return std::nullopt;
    return std::find(kept.begin(), kept.end(), all[9]) != kept.end();
  };
  EXPECT_EQ(quickxplain(all, late), std::nullopt);
  calls = 0;
  EXPECT_EQ(delete_one_by_one(all, late), std::nullopt);
}

} // namespace
} // namespace imputa::judging
