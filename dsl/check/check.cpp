// The static checks of docs/language.md §10 as a pipeline of passes: declare every
// name, read the selections, check each statement, then whole-program warnings.
#include "check/passes.hpp"
#include "imputa/dsl.hpp"

#include <type_traits>

namespace imputa::check {

Program check(const std::vector<ast::File>& files, const Sources& sources, Diagnostics& diags) {
  detail::Checker c(sources, diags);
  detail::declare_names(c, files);
  detail::read_selections(c, files);
  // Room for every item at once: at 4,000 operations, moving 33,600 evidence
  // items to a new vector at each doubling took about half of the checks'
  // time (docs/performance.md, "Fewer wake-ups and page faults").
  std::size_t facts = 0, evidence = 0, rules = 0, claims = 0;
  for (const auto& file : files)
    for (const auto& statement : file.statements) {
      facts += std::holds_alternative<ast::Fact>(statement);
      evidence += std::holds_alternative<ast::Evidence>(statement);
      rules += std::holds_alternative<ast::Rule>(statement);
      claims += std::holds_alternative<ast::Claim>(statement);
    }
  c.program.facts.reserve(facts);
  c.program.evidence.reserve(evidence);
  c.program.rules.reserve(rules);
  c.program.claims.reserve(claims);
  for (const auto& file : files)
    for (const auto& statement : file.statements)
      std::visit(
          [&](const auto& s) {
            using T = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<T, ast::Fact>) detail::check_fact(c, s);
            else if constexpr (std::is_same_v<T, ast::Evidence>) detail::check_evidence(c, s);
            else if constexpr (std::is_same_v<T, ast::Rule>) detail::check_rule(c, s);
            else if constexpr (std::is_same_v<T, ast::Claim>) detail::check_claim(c, s);
            // Declarations were read by declare_names, selections by read_selections.
          },
          statement);
  detail::warn_unused(c);
  detail::warn_stipulated_and_supported(c);
  return std::move(c.program);
}

} // namespace imputa::check
