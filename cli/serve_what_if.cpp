// Inside `imputa serve`: the words of a what-if checked in the page's words.
// check reports a misspelt option on the command line it was typed on
// ("command line:1:8: ... --drop e_sponsr"); the page has no command line, so
// the same checks (imputa/dsl.hpp, resolve_*) are told as sentences about the
// switch the user clicked: "No evidence item named e_sponsr; did you mean e_sponsor?"
#include "serve_case.hpp"

#include "imputa/dsl.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

namespace imputa::cli::serve {
namespace {

// The name a "did you mean 'x'?" hint offers, if any.
std::optional<std::string> suggestion(const Diagnostics& diags) {
  for (const auto& d : diags.items())
    for (const auto& hint : d.hints) {
      auto open = hint.find('\''), close = hint.rfind('\'');
      if (hint.starts_with("did you mean") && open != std::string::npos && close > open)
        return hint.substr(open + 1, close - open - 1);
    }
  return std::nullopt;
}

// A diagnostic's message as a sentence, with its hints.
std::string sentence(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) {
    std::string s = d.message;
    for (const auto& h : d.hints) s += "; " + h;
    if (s.empty()) continue;
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    out += (out.empty() ? "" : " ") + s + (s.back() == '?' ? "" : ".");
  }
  return out;
}

std::string did_you_mean(const std::optional<std::string>& name) {
  return name ? "; did you mean " + *name + "?" : " in this case.";
}

// What kind of thing `id` is in the case, for "No evidence item named ...".
std::string droppable_kind(const Program& program, const std::string& id) {
  auto is = [&](const auto& items, auto name) {
    return std::any_of(items.begin(), items.end(), [&](const auto& item) { return name(item) == id; });
  };
  if (is(program.evidence, [](const EvidenceItem& e) { return e.id; })) return "evidence item named";
  if (is(program.rules, [](const RuleItem& r) { return r.id; })) return "rule named";
  return "fact labelled";
}

std::optional<std::string> drop_problem(const Program& program, const std::string& id) {
  Diagnostics diags;
  if (check::resolve_drop(program, {id, {}}, diags)) return std::nullopt;
  auto best = suggestion(diags);
  if (id.starts_with("library:")) return "The library has no rule " + id.substr(8) + did_you_mean(best);
  const std::string kind = best ? droppable_kind(program, *best) : "evidence item, labelled fact or rule named";
  return "No " + kind + " " + id + did_you_mean(best);
}

std::optional<std::string> doctrine_problem(const Program& program, const std::string& choice) {
  const auto eq = choice.find('=');
  if (eq == std::string::npos)
    return "A doctrine is chosen as FAMILY=ALTERNATIVE, e.g. control=overall_control, not " + choice + ".";
  const std::string family = choice.substr(0, eq), alternative = choice.substr(eq + 1);
  Diagnostics diags;
  if (check::resolve_doctrine(program, {family, {}}, {alternative, {}}, diags)) return std::nullopt;
  auto best = suggestion(diags);
  if (!program.doctrines.count(family)) return "No doctrine family named " + family + did_you_mean(best);
  if (best) return "The doctrine family " + family + " has no alternative " + alternative + did_you_mean(best);
  std::string alternatives;
  for (const auto& a : program.doctrines.at(family).alternatives) alternatives += (alternatives.empty() ? "" : ", ") + a;
  return "The doctrine family " + family + " has no alternative " + alternative + "; its alternatives are " +
         alternatives + ".";
}

std::optional<std::string> standard_problem(const Program& program, const std::string& name) {
  Diagnostics diags;
  if (check::resolve_standard(program, {name, {}}, diags)) return std::nullopt;
  auto best = suggestion(diags);
  if (best) return "No standard of proof named " + name + did_you_mean(best);
  std::string names;
  for (const auto& [n, s] : program.standards) names += (names.empty() ? "" : ", ") + n;
  return "No standard of proof named " + name + "; the standards are " + names + ".";
}

std::optional<std::string> date_problem(const std::string& date) {
  Diagnostics diags;
  if (check::resolve_date({date, {}}, diags)) return std::nullopt;
  return sentence(diags);
}

// An assumption is an atom of the case language, read by its parser as check
// reads --assume: check's messages, without the command line's place
// ("command line:1:19: error: unknown entity 'gruu' [E002]", "hint: did you mean 'gru'?").
std::optional<std::string> assume_problem(const Program& program, const std::string& text,
                                          const JudgeCommandOptions& base) {
  JudgeCommandOptions o;
  o.common = base.common;
  o.common.color = "never";
  o.common.quiet = false;
  o.assume = {text};
  JudgeOptions ignored;
  std::ostringstream err;
  if (make_judge_options(o, program, ignored, err)) return std::nullopt;
  std::istringstream printed(err.str());
  std::string said;
  for (std::string line; std::getline(printed, line);) {
    if (auto at = line.find(" error: "); at != std::string::npos) {
      std::string message = line.substr(at + 8);
      if (auto code = message.rfind(" ["); code != std::string::npos) message.erase(code);
      said += (said.empty() ? "" : "; ") + message;
    } else if (auto hint = line.find("hint: "); hint != std::string::npos) {
      said += "; " + line.substr(hint + 6);
    }
  }
  if (said.empty()) said = "not an atom of this case";
  return "Assume " + text + ": " + said + (said.back() == '?' ? "" : ".");
}

std::optional<std::string> claim_problem(const Program& program, const std::string& id) {
  Diagnostics diags;
  if (check::resolve_claim(program, {id, {}}, diags)) return std::nullopt;
  return "No claim named " + id + did_you_mean(suggestion(diags));
}

} // namespace

std::vector<std::string> what_if_problems(const WhatIf& w, const std::vector<std::string>& claims,
                                          const Program& program, const JudgeCommandOptions& base) {
  std::vector<std::optional<std::string>> found;
  for (const auto& id : w.drop) found.push_back(drop_problem(program, id));
  std::map<std::string, std::string> chosen; // family -> alternative
  for (const auto& choice : w.doctrine) {
    found.push_back(doctrine_problem(program, choice));
    const auto eq = choice.find('=');
    if (found.back() || eq == std::string::npos) continue;
    auto [it, fresh] = chosen.try_emplace(choice.substr(0, eq), choice.substr(eq + 1));
    if (!fresh && it->second != choice.substr(eq + 1))
      found.push_back("The doctrine family " + it->first + " is chosen twice, as " + it->second + " and as " +
                      choice.substr(eq + 1) + ": choose one.");
  }
  if (w.standard) found.push_back(standard_problem(program, *w.standard));
  if (w.as_of) found.push_back(date_problem(*w.as_of));
  for (const auto& a : w.assume) found.push_back(assume_problem(program, a, base));
  for (const auto& id : claims) found.push_back(claim_problem(program, id));
  std::vector<std::string> out;
  for (auto& f : found)
    if (f) out.push_back(std::move(*f));
  return out;
}

} // namespace imputa::cli::serve
