// The page of `imputa serve`: the what-if state lives in the address (#file=...&drop=...),
// every change asks the server to judge the case again, and the claims whose
// verdict changed are marked. Text from the case is set with textContent; the
// claim report comes as HTML the server escaped (render_html.cpp).
"use strict";

const $ = (id) => document.getElementById(id);
const VERDICT_WORDS = {
  established: "ESTABLISHED", refuted: "REFUTED", arguable: "ARGUABLE", not_established: "NOT ESTABLISHED",
  unsubstantiated: "UNSUBSTANTIATED", inconsistent: "INCONSISTENT", unknown: "UNKNOWN",
};
const words = (id) => String(id || "").replace(/_/g, " ");

const page = {
  state: emptyState(),
  data: null,          // the last answer of /api/case
  previous: {},        // claim id -> verdict before the last change
  generation: 0,       // requests sent; an older answer is dropped
  stamp: null,         // the folder's version (watch mode)
};

function emptyState() {
  return { file: "", claim: "", drop: [], assume: [], doctrine: {}, standard: "", as_of: "" };
}

// --- the state in the address -------------------------------------------------

function readAddress() {
  const p = new URLSearchParams(location.hash.slice(1));
  const s = emptyState();
  s.file = p.get("file") || "";
  s.claim = p.get("claim") || "";
  // Each item once: a link written by hand may repeat one (drop=a&drop=a),
  // which the server reads as one; the address is rewritten without it.
  s.drop = [...new Set(p.getAll("drop"))];
  s.assume = [...new Set(p.getAll("assume"))];
  for (const d of p.getAll("doctrine")) {
    const eq = d.indexOf("=");
    if (eq > 0) s.doctrine[d.slice(0, eq)] = d.slice(eq + 1);
  }
  s.standard = p.get("standard") || "";
  s.as_of = p.get("as_of") || "";
  return s;
}

// The what-if as parameters (the API's and the address's).
function whatIfParams(s, withClaim) {
  const p = new URLSearchParams();
  p.set("file", s.file);
  if (withClaim && s.claim) p.set("claim", s.claim);
  for (const d of s.drop) p.append("drop", d);
  for (const a of s.assume) p.append("assume", a);
  for (const [f, a] of Object.entries(s.doctrine)) p.append("doctrine", f + "=" + a);
  if (s.standard) p.set("standard", s.standard);
  if (s.as_of) p.set("as_of", s.as_of);
  return p;
}

function writeAddress() {
  const hash = "#" + whatIfParams(page.state, true).toString();
  if (location.hash !== hash) history.replaceState(null, "", hash);
}

function hasWhatIf(s) {
  return s.drop.length || s.assume.length || Object.keys(s.doctrine).length || s.standard || s.as_of;
}

// --- talking to the server ----------------------------------------------------

async function getJson(url) {
  const r = await fetch(url, { cache: "no-store" });
  let body = null;
  try { body = await r.json(); } catch (e) { body = { error: "the server's answer could not be read" }; }
  return { status: r.status, body };
}

function setBusy(busy) {
  document.body.dataset.state = busy ? "loading" : "ready";
  $("status").textContent = busy ? "judging…" : "";
}

async function loadFiles() {
  const { status, body } = await getJson("/api/files");
  if (status !== 200) return showError(body);
  page.stamp = body.stamp;
  const select = $("file");
  select.replaceChildren();
  for (const f of body.files) select.append(new Option(f, f));
  if (!page.state.file || !body.files.includes(page.state.file)) page.state.file = body.files[0] || "";
  select.value = page.state.file;
  if (!body.files.length) showError({ error: "There is no case file (*.imputa) in the served folder." });
}

// Judges the file under the current what-if, then draws everything.
// The claim shown is judged with its reasons, the others for their verdicts
// only (half the work on a large case); before the first answer, or for a
// claim the case no longer has, every claim comes with its reasons.
function caseParams() {
  const p = whatIfParams(page.state, false);
  const known = page.data && page.data.ok && page.data.report.claims.some((c) => c.id === page.state.claim);
  if (known) p.set("claim", page.state.claim);
  return p;
}

async function judge(changed) {
  if (!page.state.file) return;
  const mine = ++page.generation;
  setBusy(true);
  writeAddress();
  const before = {};
  if (changed && page.data && page.data.ok) for (const c of page.data.report.claims) before[c.id] = c.verdict;
  const { status, body } = await getJson("/api/case?" + caseParams().toString());
  if (mine !== page.generation) return; // a newer click has been sent
  if (status !== 200) {
    if (status === 400) body.error += " (Reset what-ifs goes back to the case as the file states it)";
    showError(body);
    setBusy(false);
    return;
  }
  page.previous = changed ? before : {};
  page.data = body;
  draw();
  document.body.dataset.generation = String(mine);
  setBusy(false);
}

async function judgeAgain() {
  const previous = page.previous;
  await judge(false);
  page.previous = previous;
  if (page.data && page.data.ok) drawClaims(page.data.report.claims);
}

// --- drawing --------------------------------------------------------------------

function showError(body) {
  $("diagnostics").hidden = false;
  $("diagnostics-title").textContent = body.error || "The request was refused";
  $("diagnostics-text").textContent = body.diagnostics || "";
  document.body.dataset.error = "true";
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function badge(verdict) {
  return el("span", "verdict v-" + verdict, VERDICT_WORDS[verdict] || verdict);
}

function draw() {
  const d = page.data;
  delete document.body.dataset.error;
  if (!d.ok) {
    // The file no longer parses: its diagnostics, and the last verdicts greyed.
    showError({ error: "The case file " + d.file + " cannot be read: fix it and the page follows",
                diagnostics: d.diagnostics });
    document.body.classList.add("stale");
    return;
  }
  document.body.classList.remove("stale");
  $("diagnostics").hidden = !d.diagnostics;
  if (d.diagnostics) {
    $("diagnostics-title").textContent = "Warnings";
    $("diagnostics-text").textContent = d.diagnostics;
  }
  const claims = d.report.claims;
  if (!claims.some((c) => c.id === page.state.claim)) page.state.claim = claims.length ? claims[0].id : "";
  writeAddress();
  drawClaims(claims);
  drawWhatIf(d.controls, claims);
  drawClaim();
}

function drawClaims(claims) {
  const r = page.data.report;
  $("case-title").textContent = r.case ? r.case.title : r.file;
  $("summary").textContent = r.summary;
  const list = $("claims");
  list.replaceChildren();
  for (const c of claims) {
    const li = el("li", "claim-row");
    li.dataset.claim = c.id;
    li.dataset.verdict = c.verdict;
    if (c.id === page.state.claim) li.classList.add("selected");
    const was = page.previous[c.id];
    if (was && was !== c.verdict) {
      li.classList.add("changed");
      li.dataset.was = was;
    }
    const b = el("button", "claim-button");
    b.type = "button";
    b.append(badge(c.verdict), " ", el("span", "claim-id", c.id), " ", el("span", "claim-text", c.text));
    const about = el("span", "claim-about");
    about.append(words(c.mode) + " · " + words(c.standard));
    if (c.expected) {
      about.append(" · expected " + words(c.expected) + " ");
      about.append(el("span", c.as_expected ? "met" : "unmet", c.as_expected ? "(met)" : "(NOT MET)"));
    }
    if (was && was !== c.verdict) about.append(el("span", "was", " · was " + (VERDICT_WORDS[was] || was)));
    // The judge's check of its shortcut for unnamed entities replaced this report (docs/report.md).
    if (c.shortcut_verdict) about.append(el("span", "apart", " · judged with every entity on its own"));
    b.append(about);
    b.addEventListener("click", () => {
      page.state.claim = c.id;
      if (page.data.explained !== null && page.data.explained !== c.id) {
        // Its reasons were not asked for: the same what-if again, the verdicts reused
        // (the claims that changed stay marked).
        judgeAgain();
        return;
      }
      writeAddress();
      for (const row of list.children) row.classList.toggle("selected", row.dataset.claim === c.id);
      drawClaim();
      drawWhatIf(page.data.controls, page.data.report.claims);
    });
    li.append(b);
    list.append(li);
  }
}

function selectedClaim() {
  const claims = page.data.report.claims;
  const i = claims.findIndex((c) => c.id === page.state.claim);
  return i < 0 ? null : { claim: claims[i], html: page.data.html[i] };
}

function drawClaim() {
  const sel = selectedClaim();
  if (!sel) return;
  $("claim-report").innerHTML = sel.html; // escaped by the server (render_html.cpp)
  // "Assume proven": each literal that would establish the claim, one click away.
  const missing = [];
  const seen = new Set();
  const sets = sel.claim.groundings.length === 1 ? sel.claim.would_establish : [];
  for (const set of sets) for (const l of set) {
    if (!l.positive || seen.has(l.atom) || page.state.assume.includes(l.atom)) continue;
    seen.add(l.atom);
    missing.push(l.atom);
  }
  const list = $("would-establish-list");
  list.replaceChildren();
  for (const atom of missing) {
    const li = el("li");
    const b = el("button", "small assume", "assume proven");
    b.type = "button";
    b.dataset.assume = atom;
    b.addEventListener("click", () => {
      page.state.assume.push(atom);
      judge(true);
    });
    li.append(b, " ", el("code", "", atom));
    list.append(li);
  }
  $("would-establish").hidden = missing.length === 0;
  const p = whatIfParams(page.state, true);
  if ($("graph-full").checked) p.set("view", "full");
  const src = "/api/graph?" + p.toString();
  if ($("graph").getAttribute("src") !== src) {
    $("graph").classList.add("loading"); // the last graph, dimmed, until the new one is drawn
    $("graph").src = src;
    $("graph-open").href = src;
  }
}

function drawWhatIf(controls, claims) {
  const s = page.state;
  // The standard of proof.
  const std = $("standard");
  std.replaceChildren(new Option("as each claim and the file say (" + words(controls.in_file_standard) + ")", ""));
  for (const x of controls.standards) std.append(new Option(words(x.name), x.name));
  std.value = s.standard;
  // Doctrines: the families the chosen claim depends on, then those any claim does.
  const sel = selectedClaim();
  const mine = new Set(sel ? sel.claim.families : []);
  const used = new Set(claims.flatMap((c) => c.families));
  const box = $("doctrines");
  box.replaceChildren();
  for (const f of controls.families) {
    if (!used.has(f.family) && !(f.family in s.doctrine)) continue;
    const row = el("div", "doctrine" + (mine.has(f.family) ? " this-claim" : ""));
    const label = el("label", "", words(f.family));
    const select = el("select");
    select.id = "doctrine-" + f.family;
    select.dataset.family = f.family;
    label.htmlFor = select.id;
    select.append(new Option("as each claim and the file say (" + words(f.in_file) + ")", ""));
    for (const a of f.alternatives) select.append(new Option(words(a), a));
    select.value = s.doctrine[f.family] || "";
    select.title = f.description;
    select.addEventListener("change", () => {
      if (select.value) s.doctrine[f.family] = select.value;
      else delete s.doctrine[f.family];
      judge(true);
    });
    row.append(label, select);
    if (mine.has(f.family)) row.append(el("span", "hint", "this claim depends on it"));
    box.append(row);
  }
  $("doctrines-box").hidden = box.children.length === 0;
  // The date, and a timeline of the dated evidence.
  $("as-of").value = s.as_of;
  const tl = $("timeline");
  tl.replaceChildren();
  for (const date of controls.dates) {
    const li = el("li");
    const b = el("button", "small date" + (s.as_of && date > s.as_of ? " later" : ""), date);
    b.type = "button";
    b.title = controls.evidence.filter((e) => e.date === date).map((e) => e.id + ": " + e.summary).join("\n");
    b.addEventListener("click", () => {
      s.as_of = date;
      judge(true);
    });
    li.append(b);
    tl.append(li);
  }
  // Evidence and facts: ticked = in the case.
  const ev = $("evidence");
  ev.replaceChildren();
  // A switch per item (evidence or fact): ticked = in the case, unticked = dropped.
  const dropSwitch = (id) => {
    const li = el("li", s.drop.includes(id) ? "dropped" : "");
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.checked = !s.drop.includes(id);
    box.dataset.drop = id;
    box.addEventListener("change", () => toggleDrop(id, !box.checked));
    label.append(box, " ", el("span", "item-id", id), " ");
    li.append(label);
    return { li, label };
  };
  for (const e of controls.evidence) {
    const { li, label } = dropSwitch(e.id);
    if (s.as_of && e.date && e.date > s.as_of) li.classList.add("later");
    label.append(el("span", "item-kind", words(e.kind)), e.date ? el("span", "item-date", " " + e.date) : "",
                 el("br"), el("span", "item-text", e.summary));
    for (const c of e.cites) label.append(el("cite", "", " [" + c + "]"));
    ev.append(li);
  }
  const facts = $("facts");
  facts.replaceChildren();
  for (const f of controls.facts) {
    const { li, label } = dropSwitch(f.label);
    label.append(el("code", "", f.text));
    facts.append(li);
  }
  $("facts-box").hidden = controls.facts.length === 0;
  // Assumptions, each removable.
  const as = $("assumed");
  as.replaceChildren();
  for (const a of s.assume) {
    const li = el("li");
    const b = el("button", "small", "remove");
    b.type = "button";
    b.addEventListener("click", () => {
      s.assume = s.assume.filter((x) => x !== a);
      judge(true);
    });
    li.append(b, " ", el("code", "", a));
    as.append(li);
  }
  $("assumed-box").hidden = s.assume.length === 0;
  drawSummary();
}

function toggleDrop(id, dropped) {
  const s = page.state;
  s.drop = s.drop.filter((x) => x !== id);
  if (dropped) s.drop.push(id);
  judge(true);
}

// One line that says which what-ifs are in force (printed with the page).
function drawSummary() {
  const s = page.state;
  const parts = [];
  if (s.drop.length) parts.push("without " + s.drop.join(", "));
  if (s.assume.length) parts.push("assuming " + s.assume.join(", "));
  for (const [f, a] of Object.entries(s.doctrine)) parts.push(words(f) + " = " + words(a));
  if (s.standard) parts.push("standard: " + words(s.standard));
  if (s.as_of) parts.push("on what was known on " + s.as_of);
  $("whatif-summary").textContent = parts.length ? "What if: " + parts.join("; ") + "." : "The case as the file states it.";
  $("whatif-summary").classList.toggle("active", parts.length > 0);
}

// --- watch mode ------------------------------------------------------------------

async function watch() {
  try {
    const { status, body } = await getJson("/api/stamp");
    if (status === 200 && page.stamp !== null && body.stamp !== page.stamp) {
      page.stamp = body.stamp;
      await loadFiles();
      await judge(true);
    }
  } catch (e) {
    $("status").textContent = "the server has stopped";
  }
  setTimeout(watch, 1500);
}

// --- start ----------------------------------------------------------------------

function start() {
  page.state = readAddress();
  $("file").addEventListener("change", () => {
    page.state = emptyState();
    page.state.file = $("file").value;
    page.data = null;
    judge(false);
  });
  $("reset").addEventListener("click", () => {
    const { file, claim } = page.state;
    page.state = emptyState();
    Object.assign(page.state, { file, claim });
    judge(true);
  });
  $("print").addEventListener("click", () => window.print());
  $("standard").addEventListener("change", () => {
    page.state.standard = $("standard").value;
    judge(true);
  });
  $("as-of").addEventListener("change", () => {
    page.state.as_of = $("as-of").value;
    judge(true);
  });
  $("as-of-clear").addEventListener("click", () => {
    page.state.as_of = "";
    judge(true);
  });
  $("graph-full").addEventListener("change", drawClaim);
  $("graph").addEventListener("load", () => $("graph").classList.remove("loading"));
  $("graph").addEventListener("error", () => $("graph").classList.remove("loading"));
  window.addEventListener("hashchange", () => {
    const s = readAddress();
    if (whatIfParams(s, true).toString() === whatIfParams(page.state, true).toString()) return;
    page.state = s;
    $("file").value = s.file;
    judge(true);
  });
  loadFiles().then(() => judge(false)).then(() => setTimeout(watch, 1500));
}

start();
