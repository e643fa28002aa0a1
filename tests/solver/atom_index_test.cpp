// Grounding interns every atom by its text (ground/ground.hpp, AtomIndex over
// ground/text_table.hpp): the same text must give the same id however large
// the table grows, and a text never entered must not be found, among
// thousands that probe past one another.
#include "ground/ground.hpp"
#include "ground/pattern.hpp"
#include "ground/text_table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace imputa::ground {
namespace {

// Enters `text` as grounding does: the id is the next atom's, appended when fresh.
AtomId intern(AtomIndex& index, std::vector<Atom>& atoms, const std::string& text) {
  const auto [id, fresh] = index.try_emplace(text, static_cast<AtomId>(atoms.size()), atoms);
  if (fresh) atoms.push_back(Atom{"p", {}, text, nullptr});
  return id;
}

TEST(AtomIndex, TheSameTextGetsTheSameIdAcrossGrowth) {
  AtomIndex index;
  std::vector<Atom> atoms;
  EXPECT_FALSE(index.find("p(a)", atoms));
  constexpr int n = 20000; // several doublings of the table
  for (int i = 0; i < n; ++i) EXPECT_EQ(intern(index, atoms, "p(op_" + std::to_string(i) + ")"), AtomId(i));
  EXPECT_EQ(index.size(), std::size_t(n));
  for (int i = n - 1; i >= 0; --i) {
    const std::string text = "p(op_" + std::to_string(i) + ")";
    EXPECT_EQ(intern(index, atoms, text), AtomId(i)) << text;
    EXPECT_EQ(index.find(text, atoms), std::optional<AtomId>(AtomId(i))) << text;
  }
  EXPECT_EQ(atoms.size(), std::size_t(n));
  EXPECT_FALSE(index.find("p(op_20000)", atoms));
  EXPECT_FALSE(index.find("p(op_1", atoms));
  EXPECT_FALSE(index.find("", atoms));
}

TEST(AtomIndex, AnEmptyTextIsAnAtomLikeAnyOther) {
  AtomIndex index;
  std::vector<Atom> atoms;
  EXPECT_EQ(intern(index, atoms, "q"), AtomId(0));
  EXPECT_EQ(intern(index, atoms, ""), AtomId(1));
  EXPECT_EQ(index.find("", atoms), std::optional<AtomId>(AtomId(1)));
  EXPECT_EQ(intern(index, atoms, "q"), AtomId(0));
}

// The instance keys (Builder::emitted_, Representatives::claimed_) are kept
// end to end in one buffer (ground/text_table.hpp): a key is in the set once
// inserted, whatever came after it, and a key that only begins or ends like
// one inserted is not.
TEST(TextSet, AKeyIsFoundOnceInsertedAndOnlyThen) {
  TextSet keys;
  EXPECT_FALSE(keys.contains("7\x02" "12"));
  constexpr int n = 20000; // several doublings of the table, the buffer reallocated many times
  for (int i = 0; i < n; ++i) {
    const std::string key = "7\x02" "12\x02G\x03grp_" + std::to_string(i);
    EXPECT_TRUE(keys.insert(key)) << key;
    EXPECT_FALSE(keys.insert(key)) << key;
  }
  EXPECT_EQ(keys.size(), std::size_t(n));
  for (int i = n - 1; i >= 0; --i)
    EXPECT_TRUE(keys.contains("7\x02" "12\x02G\x03grp_" + std::to_string(i))) << i;
  EXPECT_FALSE(keys.contains("7\x02" "12\x02G\x03grp_20000"));
  EXPECT_FALSE(keys.contains("7\x02" "12\x02G\x03grp_"));
  EXPECT_FALSE(keys.contains("12\x02G\x03grp_1"));
  EXPECT_FALSE(keys.contains(""));
  EXPECT_TRUE(keys.insert(""));
  EXPECT_TRUE(keys.contains(""));
  EXPECT_EQ(keys.size(), std::size_t(n + 1));
}

// The representatives ask whether an entity's instance was emitted for every
// entity of many instances (ground/representatives.cpp, Covered::emitted),
// by the text around the entity (ground/pattern.hpp): it must be the very key
// instance_key gives the binding with that entity, wherever the variable
// sorts among the others, and whether it was bound before or not.
TEST(InstanceKey, TheTextAroundAnEntityIsTheKeyOfItsBinding) {
  const std::vector<Binding> bindings = {
      {{"G", "<another actor>"}},
      {{"A", "a1"}, {"G", "<another actor>"}, {"S", "rus"}},
      {{"G", "<another actor>"}, {"Op", "op_3"}, {"S", "rus"}},
      {{"A", "a1"}, {"B", "b2"}, {"G", "<another actor>"}},
      {{"A", "a1"}, {"S", "rus"}}, // G not bound yet
  };
  for (const auto& b : bindings)
    for (const std::string e : {"grp_0", "x", "<another actor>"}) {
      const auto [before, after] = instance_key_around(7, 12, b, "G");
      Binding with = b;
      with["G"] = e;
      EXPECT_EQ(before + e + after, instance_key(7, 12, with)) << e;
      EXPECT_NE(before + e + after, instance_key(8, 12, with)) << e;
    }
}

} // namespace
} // namespace imputa::ground
