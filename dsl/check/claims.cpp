// Claims: the formula to judge and how to judge it (mode, standard, doctrine,
// date, dropped premises, assumptions, expected verdict); W104.
#include "check/passes.hpp"
#include "check/resolve.hpp"
#include "check/values.hpp"

namespace imputa::check::detail {

namespace {

constexpr ast::Field::Kind singular_fields[] = {ast::Field::Kind::holds, ast::Field::Kind::as,
                                                ast::Field::Kind::standard, ast::Field::Kind::as_of,
                                                ast::Field::Kind::expect};

bool is_singular(ast::Field::Kind kind) {
  for (auto k : singular_fields)
    if (k == kind) return true;
  return false;
}

std::optional<ClaimMode> mode_from_name(std::string_view name) {
  if (name == "assessment") return ClaimMode::assessment;
  if (name == "accusation") return ClaimMode::accusation;
  if (name == "hypothesis") return ClaimMode::hypothesis;
  return std::nullopt;
}

void read_holds(Checker& c, const ast::Field& field, ClaimItem& item) {
  Scope scope;
  item.formula = *field.formula;
  resolve_formula(c, item.formula, scope);
  close_scope(c, scope);
  // A claim with variables is judged per grounding, so its variables' types
  // make every entity of those types part of the case (no W101 for them).
  for (const auto& [name, variable] : scope.variables)
    if (variable.type) c.claim_variable_types.insert(*variable.type);
}

void read_under(Checker& c, const ast::Claim& claim, const ast::Field& field, ClaimItem& item,
                std::map<std::string, SourceSpan>& families) {
  auto [it, fresh] = families.try_emplace(field.name.text, field.span);
  if (!fresh) {
    c.diags.error("E012", field.span,
                  "claim '" + claim.id.text + "' chooses doctrine '" + field.name.text +
                      "' twice (first at line " + std::to_string(it->second.line) + ")");
    return;
  }
  if (resolve_doctrine_choice(c, field.name, field.name2)) item.under[field.name.text] = field.name2.text;
}

void read_expect(Checker& c, const ast::Field& field, ClaimItem& item) {
  if (auto verdict = verdict_from_string(field.name.text)) {
    item.expect = verdict;
    return;
  }
  c.diags.error("E002", field.name.span,
                "unknown verdict '" + field.name.text +
                    "': verdicts are established, refuted, arguable, not_established, unsubstantiated, "
                    "inconsistent, unknown",
                did_you_mean(field.name.text, {"established", "refuted", "arguable", "not_established",
                                               "unsubstantiated", "inconsistent", "unknown"}));
}

} // namespace

void check_claim(Checker& c, const ast::Claim& claim) {
  ClaimItem item;
  item.id = claim.id.text;
  item.text = claim.text;
  item.span = claim.span;

  std::map<ast::Field::Kind, SourceSpan> seen;
  std::map<std::string, SourceSpan> families;
  for (const auto& field : claim.fields) {
    using K = ast::Field::Kind;
    if (is_singular(field.kind)) {
      auto [it, fresh] = seen.try_emplace(field.kind, field.span);
      if (!fresh) {
        c.diags.error("E012", field.span,
                      "claim '" + claim.id.text + "' has two '" + std::string(ast::to_string(field.kind)) +
                          "' lines (the first at line " + std::to_string(it->second.line) + ")");
        continue;
      }
    }
    switch (field.kind) {
    case K::holds: read_holds(c, field, item); break;
    case K::as:
      if (auto mode = mode_from_name(field.name.text))
        item.mode = *mode;
      else
        c.diags.error("E002", field.name.span,
                      "unknown claim mode '" + field.name.text + "': use accusation, assessment or hypothesis",
                      did_you_mean(field.name.text, {"accusation", "assessment", "hypothesis"}));
      break;
    case K::standard:
      if (resolve_name(c, field.name, mask(SymbolKind::standard), "standard")) item.standard = field.name.text;
      break;
    case K::under: read_under(c, claim, field, item, families); break;
    case K::as_of:
      if (check_date(c, field.date, field.span)) item.as_of = field.date;
      break;
    case K::drop:
      if (auto id = resolve_drop(c, field.name)) item.drops.push_back(*id);
      break;
    case K::assume: {
      Scope scope = Scope::ground("'assume' must name the things it speaks of");
      resolve_atom(c, field.atom, scope, AtomUse::condition);
      item.assumes.push_back(field.atom);
      break;
    }
    case K::expect: read_expect(c, field, item); break;
    default:
      c.diags.error("E012", field.span,
                    "field '" + std::string(ast::to_string(field.kind)) + "' does not belong in a claim block");
      break;
    }
  }
  if (!seen.count(ast::Field::Kind::holds))
    c.diags.error("E012", claim.id.span,
                  "claim '" + claim.id.text + "' has no 'holds' line: say what the claim asserts");
  if (item.mode == ClaimMode::accusation && !seen.count(ast::Field::Kind::expect))
    c.diags.warning("W104", claim.id.span,
                    "claim '" + claim.id.text +
                        "' is an accusation but states no 'expect': say which verdict you expect, so that a "
                        "change in the evidence that alters it is noticed");
  c.program.claims.push_back(std::move(item));
}

} // namespace imputa::check::detail
