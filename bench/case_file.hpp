// What the bench tools share: loading a checked case, and the setting a claim
// is judged in (the translations to ASP make one program per setting).
#pragma once

#include "imputa/dsl.hpp"

#include <iostream>
#include <map>
#include <optional>
#include <string>

namespace imputa::bench {

inline std::optional<Program> load_case(const std::string& path, const std::string& tool, bool with_library = true) {
  Sources sources;
  Diagnostics diags;
  parse::LoadOptions load;
  load.with_library = with_library;
  auto files = parse::load(path, load, sources, diags);
  Program program = check::check(files, sources, diags);
  if (diags.has_errors()) {
    std::cerr << tool << ": the case has errors (run imputa lint)\n";
    return std::nullopt;
  }
  return program;
}

// The standard, doctrines and mode a claim is judged in.
struct Setting {
  std::string standard;
  std::map<std::string, std::string> doctrine;
  bool accusation = false;
  friend auto operator<=>(const Setting&, const Setting&) = default;
};

// nullopt for a claim the translations leave out: drops, assumptions and
// dates change the premises per claim.
inline std::optional<Setting> setting_of(const Program& program, const ClaimItem& c) {
  if (!c.drops.empty() || !c.assumes.empty() || c.as_of) return std::nullopt;
  Setting s;
  s.standard = c.standard ? *c.standard : program.standard;
  s.doctrine = program.doctrine;
  for (const auto& [f, a] : c.under) s.doctrine[f] = a;
  s.accusation = c.mode == ClaimMode::accusation;
  return s;
}

} // namespace imputa::bench
