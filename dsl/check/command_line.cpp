// Words from the command line checked against a checked program, with the
// same messages and "did you mean" hints as the same words in a file.
#include "check/context.hpp"
#include "check/values.hpp"
#include "parse/grammar.hpp"
#include "imputa/dsl.hpp"

#include <algorithm>

namespace imputa::check {
namespace {

using detail::did_you_mean;

std::vector<std::string_view> views(const std::vector<std::string>& words) {
  return {words.begin(), words.end()};
}

std::string listed(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

template <typename Map>
std::vector<std::string> keys(const Map& map) {
  std::vector<std::string> out;
  for (const auto& [key, value] : map) out.push_back(key);
  return out;
}

constexpr std::string_view library_prefix = "library:";

} // namespace

std::optional<std::string> resolve_drop(const Program& p, const Word& name, Diagnostics& diags) {
  auto is_rule = [&](std::string_view id) {
    return std::any_of(p.rules.begin(), p.rules.end(), [&](const RuleItem& r) { return r.id == id; });
  };
  const std::string& text = name.text;
  std::vector<std::string> droppable;
  for (const auto& f : p.facts)
    if (f.label) droppable.push_back(*f.label);
  for (const auto& e : p.evidence) droppable.push_back(e.id);
  for (const auto& r : p.rules) droppable.push_back(r.id);
  if (std::find(droppable.begin(), droppable.end(), text) != droppable.end()) return text;
  // The user's name is not droppable, but the library rule it shadows is.
  if (is_rule(std::string(library_prefix) + text)) return std::string(library_prefix) + text;
  if (text.starts_with(library_prefix)) {
    std::string bare = text.substr(library_prefix.size());
    auto it = std::find_if(p.rules.begin(), p.rules.end(), [&](const RuleItem& r) { return r.id == bare; });
    if (it != p.rules.end() && it->from_library) return bare; // not shadowed: known by its bare id
    std::vector<std::string> library;
    for (const auto& r : p.rules)
      if (r.from_library) library.push_back(r.id.starts_with(library_prefix) ? r.id.substr(library_prefix.size()) : r.id);
    diags.error("E002", name.span, "the library has no rule '" + bare + "'", did_you_mean(bare, views(library)));
    return std::nullopt;
  }
  diags.error("E002", name.span, "unknown fact label, evidence item or rule '" + text + "'",
              did_you_mean(text, views(droppable)));
  return std::nullopt;
}

bool resolve_claim(const Program& p, const Word& name, Diagnostics& diags) {
  std::vector<std::string> ids;
  for (const auto& c : p.claims) ids.push_back(c.id);
  if (std::find(ids.begin(), ids.end(), name.text) != ids.end()) return true;
  auto hints = did_you_mean(name.text, views(ids));
  if (hints.empty() && !ids.empty() && ids.size() <= 12) hints.push_back("the claims are " + listed(ids));
  diags.error("E002", name.span, "unknown claim '" + name.text + "'", hints);
  return false;
}

bool resolve_standard(const Program& p, const Word& name, Diagnostics& diags) {
  if (p.standards.count(name.text)) return true;
  auto names = keys(p.standards);
  diags.error("E002", name.span, "unknown standard '" + name.text + "'; the standards are " + listed(names),
              did_you_mean(name.text, views(names)));
  return false;
}

bool resolve_doctrine(const Program& p, const Word& family, const Word& alternative, Diagnostics& diags) {
  auto it = p.doctrines.find(family.text);
  if (it == p.doctrines.end()) {
    auto names = keys(p.doctrines);
    diags.error("E002", family.span,
                "unknown doctrine family '" + family.text + "'; the doctrine families are " + listed(names),
                did_you_mean(family.text, views(names)));
    return false;
  }
  const auto& alts = it->second.alternatives;
  if (std::find(alts.begin(), alts.end(), alternative.text) != alts.end()) return true;
  diags.error("E002", alternative.span,
              "doctrine '" + family.text + "' has no alternative '" + alternative.text + "'; its alternatives are " +
                  listed(alts),
              did_you_mean(alternative.text, views(alts)));
  return false;
}

bool resolve_ground_atom(const Program& p, const ast::Atom& atom, Diagnostics& diags) {
  auto pred = p.predicates.find(atom.predicate.text);
  if (pred == p.predicates.end()) {
    diags.error("E002", atom.predicate.span, "unknown predicate '" + atom.predicate.text + "'",
                did_you_mean(atom.predicate.text, views(keys(p.predicates))));
    return false;
  }
  const PredicateInfo& info = pred->second;
  if (info.numeric) {
    diags.error("E005", atom.predicate.span,
                "'" + atom.predicate.text + "' is a number predicate: give its value in a fact, not as an assumption");
    return false;
  }
  if (info.params.size() != atom.args.size()) {
    diags.error("E004", atom.span,
                "'" + atom.predicate.text + "' takes " + std::to_string(info.params.size()) + " argument" +
                    (info.params.size() == 1 ? "" : "s") + ", not " + std::to_string(atom.args.size()));
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < atom.args.size(); ++i) {
    const ast::Term& t = atom.args[i];
    auto entity = p.entities.find(t.name);
    if (t.variable) {
      diags.error("E006", t.span, "an assumption must name the things it speaks of, but '" + t.name + "' is a variable");
      ok = false;
    } else if (entity == p.entities.end()) {
      diags.error("E002", t.span, "unknown entity '" + t.name + "'",
                  did_you_mean(t.name, views(keys(p.entities))));
      ok = false;
    } else if (!detail::fits(info.params[i], entity->second.type)) {
      diags.error("E005", t.span,
                  "argument " + std::to_string(i + 1) + " of '" + atom.predicate.text + "' must be " +
                      detail::with_article(info.params[i]) + ", and '" + t.name + "' is " +
                      detail::with_article(entity->second.type));
      ok = false;
    }
  }
  return ok;
}

std::optional<ast::Date> resolve_date(const Word& date, Diagnostics& diags) {
  auto read = parse::detail::parse_date(date.text);
  if (!read) {
    diags.error("E011", date.span, "expected a date (YYYY-MM-DD), not '" + date.text + "'");
    return std::nullopt;
  }
  if (!detail::is_calendar_date(*read)) { // the message a date field in a file gets
    diags.error("E011", date.span, date.text + " is not a calendar date");
    return std::nullopt;
  }
  return read;
}

} // namespace imputa::check
