// Evidence items: what each supports or contradicts, how strongly, from which
// source (docs/language.md §4, docs/semantics.md §3), and W103 for origin evidence on
// link or attribution atoms (GGE 2015 §28(f)).
#include "check/passes.hpp"
#include "check/resolve.hpp"
#include "check/values.hpp"
#include "imputa/dsl.hpp"

#include <algorithm>
#include <array>

namespace imputa::check::detail {

namespace {

constexpr std::array<std::string_view, 9> evidence_kinds = {
    "technical", "origin", "forensic", "intelligence", "testimony", "admission", "official_statement", "judicial",
    "open_source"};

void check_kind(Checker& c, const ast::Name& kind) {
  if (std::find(evidence_kinds.begin(), evidence_kinds.end(), kind.text) != evidence_kinds.end()) return;
  c.diags.error("E002", kind.span,
                "unknown evidence kind '" + kind.text +
                    "': kinds are technical, origin, forensic, intelligence, testimony, admission, "
                    "official_statement, judicial, open_source",
                did_you_mean(kind.text, {evidence_kinds.begin(), evidence_kinds.end()}));
}

// §28(f): where an operation came from does not show who conducted it.
void warn_origin_on_link(Checker& c, const ast::Evidence& ev, const ast::Atom& atom, const PredicateInfo& info) {
  if (ev.kind.text != "origin" || !info.names_who()) return;
  c.diags.warning("W103", atom.span,
                  "evidence '" + ev.id.text + "' is of kind origin, so it carries no weight for '" + imputa::to_string(atom) +
                      "': under GGE 2015 §28(f) where an operation came from does not by itself show who "
                      "conducted it or for whom");
}

} // namespace

void check_evidence(Checker& c, const ast::Evidence& ev) {
  EvidenceItem item;
  item.id = ev.id.text;
  item.kind = ev.kind.text;
  item.summary = ev.summary;
  item.span = ev.span;
  check_kind(c, ev.kind);

  std::map<ast::Field::Kind, SourceSpan> seen; // singular fields given so far
  bool has_confidence = false;
  for (const auto& field : ev.fields) {
    using K = ast::Field::Kind;
    const bool singular = field.kind == K::confidence || field.kind == K::source || field.kind == K::date;
    if (singular) {
      auto [it, fresh] = seen.try_emplace(field.kind, field.span);
      if (!fresh) {
        c.diags.error("E012", field.span,
                      "evidence '" + ev.id.text + "' has two '" + std::string(ast::to_string(field.kind)) +
                          "' lines (the first at line " + std::to_string(it->second.line) + ")");
        continue;
      }
    }
    switch (field.kind) {
    case K::supports:
    case K::contradicts: {
      Scope scope = Scope::ground("evidence must name the things it speaks of");
      const PredicateInfo* info = resolve_atom(c, field.atom, scope, AtomUse::condition);
      if (info != nullptr) warn_origin_on_link(c, ev, field.atom, *info);
      item.bearings.push_back(Bearing{field.atom, field.kind == K::supports});
      break;
    }
    case K::confidence:
      has_confidence = true;
      if (auto value = check_confidence(c, *field.value)) {
        item.lo = value->lo;
        item.hi = value->hi;
      }
      break;
    case K::source:
      if (resolve_name(c, field.name, mask(SymbolKind::source), "source")) item.source = field.name.text;
      break;
    case K::derived_from:
      if (resolve_name(c, field.name, mask(SymbolKind::evidence), "evidence item"))
        item.derived_from.push_back(field.name.text);
      break;
    case K::date:
      if (check_date(c, field.date, field.span)) item.date = field.date;
      break;
    case K::cite: item.cites.push_back(field.text); break;
    default:
      c.diags.error("E012", field.span,
                    "field '" + std::string(ast::to_string(field.kind)) + "' does not belong in an evidence block");
      break;
    }
  }
  if (item.bearings.empty())
    c.diags.error("E012", ev.id.span,
                  "evidence '" + ev.id.text +
                      "' supports or contradicts nothing: add a 'supports' or 'contradicts' line");
  if (!has_confidence)
    c.diags.error("E012", ev.id.span,
                  "evidence '" + ev.id.text + "' has no 'confidence': say how strong it is, e.g. 'confidence likely'");
  if (item.source.empty()) item.source = item.id; // its own source: independent of every other item
  c.program.evidence.push_back(std::move(item));
}

} // namespace imputa::check::detail

namespace imputa::check {

std::vector<std::string_view> evidence_kinds() { return {detail::evidence_kinds.begin(), detail::evidence_kinds.end()}; }

} // namespace imputa::check
