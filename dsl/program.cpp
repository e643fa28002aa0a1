// Verdict names as written after `expect` and shown in reports.
#include "imputa/program.hpp"

#include <array>
#include <utility>

namespace imputa {

namespace {

constexpr std::array<std::pair<Verdict, std::string_view>, 7> verdict_names = {{
    {Verdict::established, "established"},
    {Verdict::refuted, "refuted"},
    {Verdict::arguable, "arguable"},
    {Verdict::not_established, "not_established"},
    {Verdict::unsubstantiated, "unsubstantiated"},
    {Verdict::inconsistent, "inconsistent"},
    {Verdict::unknown, "unknown"},
}};

} // namespace

std::string_view to_string(Verdict v) {
  for (const auto& [verdict, name] : verdict_names)
    if (verdict == v) return name;
  return "unknown";
}

std::optional<Verdict> verdict_from_string(std::string_view s) {
  for (const auto& [verdict, name] : verdict_names)
    if (name == s) return verdict;
  return std::nullopt;
}

} // namespace imputa
