// The JSON report, the machine contract: "format": "imputa-report/1"
// (schema in docs/report.schema.json). Key order is fixed; output is byte-stable.
#include "render.hpp"
#include "sentences.hpp"

#include <nlohmann/json.hpp>

#ifndef IMPUTA_VERSION
#define IMPUTA_VERSION "0.0.0"
#endif

namespace imputa::render {
namespace {

using Json = nlohmann::ordered_json;

std::string premise_kind(PremiseRef::Kind k) {
  switch (k) {
  case PremiseRef::Kind::fact: return "fact";
  case PremiseRef::Kind::numeric_fact: return "numeric_fact";
  case PremiseRef::Kind::evidence: return "evidence";
  case PremiseRef::Kind::rule: return "rule";
  case PremiseRef::Kind::assumption: return "assumption";
  case PremiseRef::Kind::closed_world: return "presumption";
  case PremiseRef::Kind::burden_of_proof: return "burden_of_proof";
  case PremiseRef::Kind::naive: return "naive_inference";
  }
  return "";
}

Json literal(const Literal& l) {
  Json j;
  j["atom"] = l.atom;
  j["positive"] = l.positive;
  return j;
}

// A literal of a model: also whether a stipulated fact states it (agreed).
Json model_literal(const Literal& l) {
  Json j = literal(l);
  j["stipulated"] = l.stipulated;
  return j;
}

Json burdens(const std::vector<Burden>& bs) {
  Json out = Json::array();
  for (const auto& b : bs) {
    Json j;
    j["atom"] = b.atom;
    j["kind"] = b.derived ? "burden_of_proof" : "presumption";
    j["holds"] = b.holds;
    j["description"] = b.description;
    j["bearer"] = b.bearer ? Json(*b.bearer) : Json(nullptr);
    j["bearer_label"] = b.bearer_label ? Json(*b.bearer_label) : Json(nullptr);
    out.push_back(std::move(j));
  }
  return out;
}

Json no_rule(const std::vector<NoRuleInForce>& ns) {
  Json out = Json::array();
  for (const auto& n : ns) {
    Json j;
    j["atom"] = n.atom;
    j["family"] = n.family;
    j["alternative"] = n.alternative;
    Json elsewhere = Json::array();
    for (const auto& [alt, rules] : n.elsewhere) elsewhere.push_back(Json{{"alternative", alt}, {"rules", rules}});
    j["elsewhere"] = elsewhere;
    out.push_back(std::move(j));
  }
  return out;
}

Json premises(const std::vector<PremiseRef>& ps) {
  Json out = Json::array();
  for (const auto& p : ps) {
    Json j;
    j["kind"] = premise_kind(p.kind);
    j["id"] = detail::premise_name(p);
    j["label"] = detail::premise_label(p);
    j["cites"] = detail::premise_cites(p);
    j["detail"] = detail::premise_detail(p);
    j["line"] = p.span.line ? Json(p.span.line) : Json(nullptr);
    j["because_of"] = p.because_of.empty() ? Json(nullptr) : Json(p.because_of);
    if (p.kind == PremiseRef::Kind::rule) j["applies"] = p.applies;
    if (p.kind == PremiseRef::Kind::evidence) {
      j["evidence_kind"] = p.evidence_kind;
      j["confidence"] = to_string(p.confidence);
      j["weight"] = to_string(p.weight);
      j["bears_on"] = p.bears_on ? literal(*p.bears_on) : Json(nullptr);
    }
    out.push_back(std::move(j));
  }
  return out;
}

// Other routes to the verdict, each a support with its own burdens, and
// whether the list is all of them.
Json also_supports(const AlsoSupports& also) {
  Json routes = Json::array();
  for (const auto& r : also.routes) routes.push_back(Json{{"support", premises(r.support)}, {"burdens", burdens(r.burdens)}});
  Json j;
  j["routes"] = routes;
  j["left_out"] = also.left_out;
  j["complete"] = also.complete;
  j["time_ran_out"] = also.time_ran_out;
  return j;
}

Json literals(const std::vector<Literal>& ls, Json (*one)(const Literal&) = literal) {
  Json out = Json::array();
  for (const auto& l : ls) out.push_back(one(l));
  return out;
}

Json grounding(const ClaimGroundingReport& g, const Style& style) {
  Json j;
  j["bindings"] = Json::object();
  for (const auto& [k, v] : g.bindings) j["bindings"][k] = v;
  j["formula"] = g.formula;
  j["verdict"] = std::string(to_string(g.verdict));
  j["strength"] = g.strength ? Json(*g.strength) : Json(nullptr);
  j["support"] = premises(g.support);
  j["also_supports"] = also_supports(g.also_supports);
  j["conflict"] = premises(g.conflict);
  j["counter_model"] = literals(g.counter_model, model_literal);
  j["witness_model"] = literals(g.witness_model, model_literal);
  Json we = Json::array();
  for (const auto& set : g.would_establish) we.push_back(literals(set));
  j["would_establish"] = we;
  j["critical_evidence"] = g.critical_evidence;
  Json defeaters = Json::array();
  for (const auto& d : g.defeaters) {
    Json x;
    x["evidence"] = d.evidence;
    x["summary"] = d.summary;
    x["literal"] = literal(d.contrary);
    x["confidence"] = to_string(d.weight);
    defeaters.push_back(std::move(x));
  }
  j["defeaters"] = defeaters;
  Json notes = Json::array();
  for (const auto& n : g.notes) {
    Json x;
    x["evidence"] = n.evidence;
    x["atom"] = n.atom;
    x["text"] = detail::note_text(n);
    notes.push_back(std::move(x));
  }
  j["notes"] = notes;
  Json naive = Json::array();
  for (NaiveInference k : g.naive_reliance) naive.push_back(detail::naive_inference_text(k));
  j["naive_reliance"] = naive;
  j["burdens"] = burdens(g.burdens);
  j["strength_burdens"] = burdens(g.strength_burdens);
  j["no_rule_in_force"] = no_rule(g.no_rule_in_force);
  j["unknown_reason"] =
      g.unknown_reason ? Json(detail::unknown_reason_text(*g.unknown_reason, g.time_limit)) : Json(nullptr);
  j["reasons_cut"] = g.reasons_cut ? Json(detail::reasons_cut_text(g.time_limit)) : Json(nullptr);
  if (style.timings) j["timings"] = Json{{"solve_ms", g.solve_ms}};
  return j;
}

std::string mode_word(ClaimMode m) {
  return m == ClaimMode::accusation ? "accusation" : m == ClaimMode::hypothesis ? "hypothesis" : "assessment";
}

} // namespace

std::string json(const std::vector<std::pair<std::string, Report>>& reports, const Style& style) {
  Json root;
  root["format"] = "imputa-report/1";
  root["version"] = IMPUTA_VERSION;
  Json files = Json::array();
  for (const auto& [path, report] : reports) {
    Json f;
    f["file"] = path;
    f["case"] = report.case_id ? Json{{"id", *report.case_id}, {"title", report.case_title}, {"cites", report.case_cites}}
                               : Json(nullptr);
    Json claims = Json::array();
    for (const auto& c : report.claims) {
      Json j;
      j["id"] = c.id;
      j["text"] = c.text;
      j["formula"] = c.formula;
      j["mode"] = mode_word(c.mode);
      j["line"] = c.span.line ? Json(c.span.line) : Json(nullptr);
      j["standard"] = c.standard;
      j["doctrines"] = Json::object();
      for (const auto& [fam, alt] : c.doctrine) j["doctrines"][fam] = alt;
      j["families"] = c.families;
      j["left_out"] = c.left_out;
      j["assumed"] = c.assumed;
      j["as_of"] = c.as_of ? Json(to_string(*c.as_of)) : Json(nullptr);
      j["verdict"] = std::string(to_string(c.verdict));
      j["expected"] = c.expected ? Json(std::string(to_string(*c.expected))) : Json(nullptr);
      j["as_expected"] = c.as_expected;
      j["shortcut_verdict"] = c.shortcut_verdict ? Json(std::string(to_string(*c.shortcut_verdict))) : Json(nullptr);
      // The reasons of a ground claim at the claim's level; claims with variables list groundings.
      const bool single = c.groundings.size() == 1;
      Json g0 = single ? grounding(c.groundings.front(), style) : Json::object();
      for (const char* key : {"strength", "support", "also_supports", "conflict", "counter_model", "witness_model", "would_establish",
                              "critical_evidence", "defeaters", "notes", "naive_reliance", "burdens",
                              "strength_burdens", "no_rule_in_force", "unknown_reason", "reasons_cut"}) {
        const std::string k = key;
        if (single) j[key] = g0[key];
        else if (k == "also_supports") j[key] = also_supports({});
        else j[key] = k == "strength" || k == "unknown_reason" || k == "reasons_cut" ? Json(nullptr) : Json::array();
      }
      Json gs = Json::array();
      for (const auto& g : c.groundings) gs.push_back(grounding(g, style));
      j["groundings"] = gs;
      if (style.timings) {
        double total = 0;
        for (const auto& g : c.groundings) total += g.solve_ms;
        j["timings"] = Json{{"solve_ms", total}};
      }
      claims.push_back(std::move(j));
    }
    f["claims"] = claims;
    f["summary"] = summary_line(report);
    files.push_back(std::move(f));
  }
  root["files"] = files;
  return root.dump(2) + "\n";
}

} // namespace imputa::render
