// Ids by text without a copy of the text: an open-addressing table of (hash,
// id) that reads each entry's text from where its owner keeps it. A ground
// program of 4,000 operations has hundreds of thousands of atoms and rule
// instances; a node-based std::unordered_set<std::string> spends three cache
// misses on a lookup there (bucket, node, heap text), this table two (slot,
// text), and stores no string twice.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imputa::ground {

class TextTable {
public:
  // `text_of(id)` gives the text of an id entered before.
  template <typename TextOf>
  std::optional<std::uint32_t> find(std::string_view text, const TextOf& text_of) const {
    if (slots_.empty()) return std::nullopt;
    const Slot& s = slots_[slot_of(text, hash_of(text), text_of)];
    return s.id == empty ? std::nullopt : std::optional<std::uint32_t>(s.id);
  }
  // The id with this text, else `fresh` (then entered: the caller keeps its
  // text, so that text_of(fresh) gives it from now on) and true.
  template <typename TextOf>
  std::pair<std::uint32_t, bool> try_emplace(std::string_view text, std::uint32_t fresh, const TextOf& text_of) {
    if ((used_ + 1) * 8 > slots_.size() * 5) grow();
    const std::uint32_t h = hash_of(text);
    Slot& s = slots_[slot_of(text, h, text_of)];
    if (s.id != empty) return {s.id, false};
    s = {h, fresh};
    ++used_;
    return {fresh, true};
  }
  std::size_t size() const { return used_; }

private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t id = empty;
  };
  static constexpr std::uint32_t empty = ~std::uint32_t{0};
  static std::uint32_t hash_of(std::string_view text) {
    const std::size_t h = std::hash<std::string_view>{}(text);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  // The slot holding `text`, or the empty slot where it would go.
  template <typename TextOf>
  std::size_t slot_of(std::string_view text, std::uint32_t h, const TextOf& text_of) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].id != empty && !(slots_[i].hash == h && text_of(slots_[i].id) == text)) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots_.empty() ? 1024 : slots_.size() * 2));
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id == empty) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].id != empty) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_; // a power of two of them, at most 5/8 used
  std::size_t used_ = 0;
};

// A set of strings kept end to end in one buffer (instance keys).
class TextSet {
  // Text k of the set.
  struct TextOf {
    const TextSet& set;
    std::string_view operator()(std::uint32_t k) const {
      return std::string_view(set.chars_).substr(set.starts_[k], set.starts_[k + 1] - set.starts_[k]);
    }
  };

public:
  // True if the text was not in the set.
  bool insert(std::string_view text) {
    const auto fresh = static_cast<std::uint32_t>(starts_.size() - 1);
    if (!table_.try_emplace(text, fresh, TextOf{*this}).second) return false;
    chars_.append(text);
    starts_.push_back(chars_.size());
    return true;
  }
  bool contains(std::string_view text) const { return table_.find(text, TextOf{*this}).has_value(); }
  std::size_t size() const { return table_.size(); }

private:
  std::string chars_;
  std::vector<std::size_t> starts_{0}; // text k is chars_[starts_[k], starts_[k + 1])
  TextTable table_;
};

} // namespace imputa::ground
