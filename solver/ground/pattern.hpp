// Keys the grounder looks atoms and rule instances up by. Entity and variable
// names are identifiers (letters, digits, `_`) and representatives are
// "<another ...>", so control characters can never occur in them: they mark
// the structure of a key without escaping.
#pragma once

#include "imputa/ast.hpp" // atom_text: the one spelling of an atom

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace imputa::ground {

// Variable -> the entity it is bound to.
using Binding = std::map<std::string, std::string>;

// An atom with some arguments left open: `hole` stands at each open place
// ("organ_of(\x01, rus)" is every organ of rus).
inline const std::string hole = "\x01";
using Pattern = std::vector<std::string>;

inline std::string pattern_text(const std::string& predicate, const Pattern& pattern) {
  return atom_text(predicate, pattern);
}

// One argument of a mentioned atom: (predicate, position, entity).
inline std::string mention_key(const std::string& predicate, std::size_t position, const std::string& entity) {
  return predicate + '\x02' + std::to_string(position) + '\x02' + entity;
}

// An instance key's spelling, used by both keys below: the head and the rule,
// then each variable as \x02 var \x03 followed by its value.
inline std::string instance_key_start(std::uint32_t head, std::size_t rule) {
  return std::to_string(head) + '\x02' + std::to_string(rule);
}
inline void add_key_variable(std::string& key, const std::string& var) {
  key += '\x02';
  key += var;
  key += '\x03';
}

// The instance of rule number `rule` for the atom `head` under `b`, leaving
// out the variable `skip` (the key of a representative's instance).
inline std::string instance_key(std::uint32_t head, std::size_t rule, const Binding& b, const std::string& skip = {}) {
  std::string key = instance_key_start(head, rule);
  for (const auto& [var, value] : b)
    if (var != skip) {
      add_key_variable(key, var);
      key += value;
    }
  return key;
}

// instance_key(head, rule, b') for every b' that is `b` with `var` bound to
// some entity e, as the text before e and the text after it.
inline std::pair<std::string, std::string> instance_key_around(std::uint32_t head, std::size_t rule, Binding b,
                                                               const std::string& var) {
  b[var]; // its place among the variables, whatever it is bound to
  std::pair<std::string, std::string> out{instance_key_start(head, rule), {}};
  std::string* text = &out.first;
  for (const auto& [v, value] : b) {
    add_key_variable(*text, v);
    if (v == var) text = &out.second; // e goes here
    else *text += value;
  }
  return out;
}

} // namespace imputa::ground
