// The page of `imputa serve` in a real browser (Debian's headless Chromium,
// driven by playwright-core): a what-if session on the classroom and NotPetya
// files, as docs/serve.md tells it. Waits for states, never for a time.
// Usage: node serve.test.mjs IMPUTA_BINARY EXAMPLES_DIR SCREENSHOT.png
// Exit 77 (skipped) when Chromium or playwright-core is missing, except in CI.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";

const [imputa, examples, screenshot] = process.argv.slice(2);
const chromium_path = process.env.CHROMIUM || "/usr/bin/chromium";
const patience = 180_000; // a loaded CI machine judges slowly; each wait ends as soon as its state appears

function missing(what) {
  console.error(`browser test: ${what} is missing; scripts/setup.sh installs it`);
  process.exit(process.env.CI === "true" ? 1 : 77);
}

let playwright;
try {
  playwright = createRequire(import.meta.url)("playwright-core");
} catch (e) {
  missing("playwright-core (tests/browser/node_modules)");
}
if (!existsSync(chromium_path)) missing("Chromium (" + chromium_path + ")");

// The server on a free port; its first line names the address.
function startServer() {
  return new Promise((resolve, reject) => {
    const server = spawn(imputa, ["serve", examples, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    server.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve({ server, url: m[1] });
    });
    server.stderr.on("data", (d) => process.stderr.write(d));
    server.on("exit", (code) => reject(new Error("imputa serve exited with " + code + ": " + out)));
  });
}

const failures = [];
function check(ok, what) {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failures.push(what);
}

const { server, url } = await startServer();
const profile = mkdtempSync(join(tmpdir(), "imputa-chromium-"));
const args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
if (process.getuid && process.getuid() === 0) args.push("--no-sandbox"); // CI runs as root
let browser;
try {
  browser = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: chromium_path, headless: true, args, viewport: { width: 1400, height: 1000 },
  });
  const page = browser.pages()[0] || (await browser.newPage());
  page.setDefaultTimeout(patience);
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));

  const verdict = (claim) => page.getAttribute(`li[data-claim="${claim}"]`, "data-verdict");
  const waitVerdict = (claim, v) =>
    page.waitForSelector(`body[data-state="ready"] li[data-claim="${claim}"][data-verdict="${v}"]`);
  const waitNotVerdict = (claim, v) =>
    page.waitForSelector(`body[data-state="ready"] li[data-claim="${claim}"]:not([data-verdict="${v}"])`);

  // 1. The classroom file: effective control, then overall control.
  await page.goto(url + "#file=classroom/control.imputa");
  await waitVerdict("under_effective", "not_established");
  check(true, "control.imputa: under_effective is NOT ESTABLISHED under effective control");
  await page.selectOption('select[data-family="control"]', "overall_control");
  await waitVerdict("under_effective", "established");
  check(await page.isVisible('li[data-claim="under_effective"].changed'), "switching to overall control establishes it, marked as changed");
  check((await page.evaluate(() => location.hash)).includes("doctrine=control%3Doverall_control"),
        "the what-if is in the address");
  await page.waitForSelector('#graph[src*="overall_control"]:not(.loading)');
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-control.png"), fullPage: false });

  // 2. NotPetya: drop the item that carries the attribution.
  await page.selectOption("#file", "notpetya_2017.imputa");
  await waitVerdict("attribution", "established");
  check(true, "notpetya_2017.imputa: attribution is ESTABLISHED");
  for (const item of ["e_indictment", "e_uk", "e_us"]) {
    await page.uncheck(`input[data-drop="${item}"]`);
    await page.waitForSelector(`body[data-state="ready"] input[data-drop="${item}"]:not(:checked)`);
  }
  await waitNotVerdict("attribution", "established");
  check(await page.isVisible('li[data-claim="attribution"].changed'),
        "without the indictment and the statements the attribution falls (" + (await verdict("attribution")) + ")");
  await page.click("#reset");
  await waitVerdict("attribution", "established");
  check(true, "reset: established again");

  // 3. What was known before the statements of February 2018.
  await page.fill("#as-of", "2018-01-31");
  await page.dispatchEvent("#as-of", "change");
  await waitVerdict("attribution", "not_established");
  check(true, "as of 31 January 2018 the accusation is NOT ESTABLISHED");
  await page.waitForSelector('#graph[src*="as_of=2018-01-31"]:not(.loading)');
  await page.waitForFunction(() => {
    const g = document.getElementById("graph");
    return g.complete && g.naturalWidth > 0;
  });
  check(true, "the claim's graph is drawn");
  await page.screenshot({ path: screenshot, fullPage: true });

  // 4. A link reproduces the what-if.
  const link = page.url();
  const second = await browser.newPage();
  second.setDefaultTimeout(patience);
  second.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await second.goto(link);
  await second.waitForSelector('body[data-state="ready"] li[data-claim="attribution"][data-verdict="not_established"]');
  check(await second.inputValue("#as-of") === "2018-01-31", "the link opens the same what-if");

  // 5. A link written by hand that repeats an item: the server reads it once;
  // the page shows it once, writes it once in the address, and ticks it back.
  const third = await browser.newPage();
  third.setDefaultTimeout(patience);
  third.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await third.goto(url + "#file=notpetya_2017.imputa&drop=e_indictment&drop=e_uk&drop=e_indictment&drop=e_us");
  await third.waitForSelector('body[data-state="ready"] li[data-claim="attribution"]:not([data-verdict="established"])');
  const hash = await third.evaluate(() => location.hash);
  check(hash.split("drop=e_indictment").length === 2, "a repeated item is written once in the address (" + hash + ")");
  check((await third.textContent("#whatif-summary")).includes("without e_indictment, e_uk, e_us."),
        "and named once in the what-if line");
  await third.check('input[data-drop="e_indictment"]');
  await third.waitForSelector('body[data-state="ready"] input[data-drop="e_indictment"]:checked');
  await third.waitForFunction(() => document.body.dataset.state === "ready" && !location.hash.includes("e_indictment"));
  check(true, "ticking it back takes it out of the address");

  check(errors.length === 0, "no console errors" + (errors.length ? ": " + errors.join(" | ") : ""));
} catch (e) {
  failures.push(String(e));
  console.error(e);
} finally {
  if (browser) await browser.close();
  server.kill("SIGTERM");
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.error(failures.length + " failed");
  process.exit(1);
}
console.log("all passed; screenshot: " + screenshot);
