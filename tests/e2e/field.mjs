// The page in the field (web.md, "Revision 2"), in headless Chromium against `tirkeu serve`:
// `node tests/e2e/field.mjs` prints "N passed, N failed".
//
// - privacy: no form ever navigates or sends itself (before the module is ready, after, in the
//   embedding example); the service worker caches its fixed files only;
// - the signed lists: an error, a captive portal's page or an older list never replaces the last
//   good copy, across reloads too (minIssuedAt); a slow network gets 3 seconds; a data bundle
//   published beside them decides the check view's deadlines, and is kept by the same rules;
// - the check date follows the clock past midnight in Kazakhstan (Playwright's clock);
// - the verdict for an officer on a 390 px phone (size, colour, DEMO apart, "Scan next"), several
//   codes in one image, the camera at full resolution with a dense code at arm's length, advice
//   after 3 seconds, camera errors in the user's language;
// - the batch for an employer (summary by status, DEMO rows, the filter, a PDF, CSV in kk and ru);
// - the check view in kk and ru (no internal path, no Latin word but codes and names, no ISO date
//   in a sentence), the sample dated around today, the cards' numbers;
// - offline, /embed/ is the embedding example.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, assert, assertEqual, controlledByServiceWorker, launch, newPage, open, runAndExit, startServer, tirkeuBinary } from "./harness.mjs";

const { TABLES } = await import(join(ROOT, "www/i18n.js"));
const work = mkdtempSync(join(tmpdir(), "tirkeu-field-"));
const server = await startServer();
const browser = await launch();
const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const DAY = 86_400;
const KZ_OFFSET = 5 * 3600; // Source: rules.md section 1 (Kazakhstan's one time zone, UTC+5)

// ---- material: dates, certificates and lists made by the command line ----------------------

/** The civil date in Kazakhstan at `seconds` since 1970. */
const kzDate = (seconds = Date.now() / 1000) => new Date((Math.floor(seconds) + KZ_OFFSET) * 1000).toISOString().slice(0, 10);
const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY * 1000).toISOString().slice(0, 10);
const TODAY = kzDate();
const NOW = Math.floor(Date.now() / 1000);

const DEMO = join(ROOT, "www/demo");
const SAMPLE_RECORD = JSON.parse(readFileSync(join(DEMO, "record.json"), "utf8"));
const EXPIRED = readFileSync(join(DEMO, "certificate.txt"), "utf8").trim(); // valid 2026-07-01 to 2026-09-28
const REVOKED = readFileSync(join(DEMO, "certificate-revoked.txt"), "utf8").trim(); // 2026-000000666, revoked by the DEMO list
const SHIPPED_STATUS_LIST = readFileSync(join(DEMO, "status-list.cose"));

function tirkeu(args, input) {
  return execFileSync(tirkeuBinary(), args, { cwd: work, input, encoding: "utf8" }).trim();
}

let records = 0;
/** A DEMO certificate of the sample record with the given fields, issued at `iat`. */
function issue(fields = {}, iat = NOW - 3600) {
  const file = join(work, `record-${++records}.json`);
  writeFileSync(file, JSON.stringify({ ...SAMPLE_RECORD, stayFrom: addDays(TODAY, -10), stayTo: addDays(TODAY, 60), ...fields }));
  return tirkeu(["issue", "--key", join(DEMO, "issuer.key.json"), "--iat", String(iat), file]);
}

/** A DEMO status list issued at `iat` revoking `numbers` (signed by the DEMO status key). */
function statusList(numbers, iat) {
  const spec = join(work, `revoked-${iat}.json`);
  const out = join(work, `status-${iat}.cose`);
  const year = (n) => n.slice(0, 4);
  const issued = {};
  for (const n of numbers) issued[year(n)] = Math.max(issued[year(n)] ?? 0, Number(n.slice(5)) + 1000);
  const statusKey = existsSync(join(DEMO, "status.key.json")) ? join(DEMO, "status.key.json") : join(DEMO, "issuer.key.json");
  const body = { iat, next: iat + 365 * DAY, revoked: numbers };
  if (existsSync(join(DEMO, "status.key.json"))) body.issued = { ...issued, 2026: Math.max(issued[2026] ?? 0, 100000) };
  writeFileSync(spec, JSON.stringify(body));
  tirkeu(["status-list", "--key", statusKey, "--out", out, spec]);
  return readFileSync(out);
}

const VALID = issue();
const VALID_777 = issue({ applicationNumber: "2026-000000777" });

const SHIPPED_DATA_BUNDLE = readFileSync(join(DEMO, "data-bundle.cose"));
const TABLE = (name) => join(ROOT, "src/data", name);

/**
 * A data bundle made by the command line from the project's tables, with 2027 as a decree would
 * fix it (the day off of Saturday 9 January moved to Friday 8 January; 2027 official), issued at
 * `iat` and signed by `key` (the DEMO data key, or another to be refused).
 */
function decreeBundle(version, iat, key = join(DEMO, "data.key.json")) {
  const text = readFileSync(TABLE("kz-non-working-days.csv"), "utf8");
  const lines = text.split("\n").filter((line) => line !== "");
  const head = lines.filter((line) => line.startsWith("#") || line.startsWith("date,"));
  const source = "Government decree on the transfer of days off in 2027";
  const rows = lines.filter((line) => /^\d{4}-/.test(line))
    .map((line) => (line.startsWith("2027-") ? line.replace(",provisional,", ",official,") : line))
    .concat([`2027-01-08,transfer,moved from 2027-01-09,official,${source}`, `2027-01-09,working_weekend,working day moved to 2027-01-08,official,${source}`])
    .sort();
  const calendar = join(work, `calendar-${version}.csv`);
  writeFileSync(calendar, [...head, ...rows].join("\n") + "\n");
  const out = join(work, `data-${version}-${iat}.cose`);
  tirkeu(["data-bundle", "--key", key, "--out", out, "--version", version, "--iat", String(iat), "--next", String(iat + 365 * DAY),
    "--calendar", calendar, "--regimes", TABLE("visa-regimes.csv"), "--regions", TABLE("kz-regions.csv")]);
  return readFileSync(out);
}

// ---- helpers ----

async function verifyText(page, text) {
  await page.fill("#verify-text", text);
  await page.click("#verify-submit");
  await page.waitForSelector("#verdict:not([hidden])[data-status]");
  return page.getAttribute("#verdict", "data-status");
}

/** A PNG (as a Buffer) of QR codes side by side, drawn in the page by the module's encoder. */
async function pngOf(page, texts, modulePixels = 6) {
  const base64 = await page.evaluate(async ({ texts, px }) => {
    const { default: init, qrMatrix, qrQuietZoneModules } = await import("./pkg/issue.js");
    await init(); // the demo view's module: loaded here if the view has not been opened
    const quiet = qrQuietZoneModules();
    const codes = texts.map((text) => qrMatrix(text));
    const sides = codes.map((c) => (c.size + 2 * quiet) * px);
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(200, sides.reduce((a, b) => a + b, 0) + 40 * (codes.length + 1));
    canvas.height = Math.max(200, ...sides.map((side) => side + 80));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = "#000";
    let left = 40;
    codes.forEach((c, i) => {
      for (let y = 0; y < c.size; y++) for (let x = 0; x < c.size; x++) {
        if (c.modules[y * c.size + x]) ctx.fillRect(left + (x + quiet) * px, 40 + (y + quiet) * px, px, px);
      }
      left += sides[i] + 40;
    });
    return canvas.toDataURL("image/png").split(",")[1];
  }, { texts, px: modulePixels });
  return Buffer.from(base64, "base64");
}

function noProblems(page, allowed = /$^/) {
  const problems = page.problems.filter((p) => !allowed.test(p));
  assert(problems.length === 0, `console errors: ${problems.join(" | ")}`);
}

/** Holds every request for the module until `release()` (the window before the page is ready). */
async function holdModule(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route("**/pkg/*_bg.wasm", async (route) => { await released; await route.continue().catch(() => {}); });
  return release;
}

/** Typed values that must never appear in a URL, a request or a cache. */
const TYPED = { surname: "ZQXSURNAME", passport: "QX7512345", iin: "880315400011" };

function assertNoTypedValues(requests, what) {
  for (const url of requests) {
    for (const value of Object.values(TYPED)) assert(!decodeURIComponent(url).includes(value), `${what}: ${url} carries ${value}`);
    assert(!new URL(url).search || url.startsWith("data:"), `${what}: a request with a query string: ${url}`);
  }
}

// ---- privacy -------------------------------------------------------------------------------

test("privacy: the check form pressed before the module is ready, and after, goes nowhere", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  const release = await holdModule(page);
  await page.goto(`${server.url}/#check`);
  await page.waitForSelector("#in-immigrant-surname");
  assert(await page.getAttribute("html", "data-ready") === null, "the module is held back");
  const history = await page.evaluate(() => history.length);
  await page.fill("#in-immigrant-surname", TYPED.surname);
  await page.fill("#in-immigrant-passport-number", TYPED.passport);
  await page.fill("#in-host-id", TYPED.iin);
  await page.press("#in-host-id", "Enter");
  await page.click("#check-submit");
  await page.waitForTimeout(500);
  assertEqual(page.url(), `${server.url}/#check`, "URL before ready");
  assertEqual(await page.evaluate(() => history.length), history, "history before ready");
  assertEqual(await page.inputValue("#in-immigrant-surname"), TYPED.surname, "the form keeps what was typed");
  release();
  await page.waitForSelector("html[data-ready=true]");
  await page.press("#in-host-id", "Enter");
  await page.waitForSelector("#report[data-ok]");
  assertEqual(page.url(), `${server.url}/#check`, "URL after ready");
  assertNoTypedValues(page.requests, "check form");
  noProblems(page);
  await page.context().close();
});

test("privacy: with a module that never loads (503), a submitted form still goes nowhere", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await page.route("**/pkg/*_bg.wasm", (route) => route.fulfill({ status: 503, body: "" }));
  await page.goto(`${server.url}/#check`);
  await page.waitForSelector("#boot.error");
  await page.fill("#in-immigrant-surname", TYPED.surname);
  await page.press("#in-immigrant-surname", "Enter");
  await page.fill("#verify-text", TYPED.passport).catch(() => {});
  await page.goto(`${server.url}/#verify`);
  await page.fill("#verify-text", TYPED.passport);
  await page.click("#verify-submit");
  await page.waitForTimeout(400);
  assertEqual(page.url(), `${server.url}/#verify`, "URL");
  assertNoTypedValues(page.requests, "module failed");
  await page.context().close();
});

test("privacy: the embedding example's form goes nowhere, before the package is ready and after", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  const release = await holdModule(page);
  await page.goto(`${server.url}/embed/`);
  await page.fill('[name="immigrant.surname"]', TYPED.surname);
  await page.fill('[name="immigrant.passport.number"]', TYPED.passport);
  await page.press('[name="immigrant.passport.number"]', "Enter");
  await page.click("button[type=submit]");
  await page.waitForTimeout(500);
  assertEqual(page.url(), `${server.url}/embed/`, "URL before ready");
  release();
  await page.waitForSelector("html[data-ready=true]");
  await page.click("button[type=submit]");
  await page.waitForSelector('[data-code="field.required"]');
  assertEqual(page.url(), `${server.url}/embed/`, "URL after ready");
  assertNoTypedValues(page.requests, "embed");
  noProblems(page);
  await page.context().close();
});

test("privacy: Cache Storage holds the fixed files only: no query string, each a 200 of its own type, nothing typed", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  await controlledByServiceWorker(page);
  // A link carrying typed values (as a native form submission would have made), an unknown file
  // and the embedding example, all through the service worker.
  await page.goto(`${server.url}/?immigrant.surname=${TYPED.surname}&host.id=${TYPED.iin}#check`);
  await page.waitForSelector("html[data-ready=true]");
  await page.evaluate(async () => { await fetch("style.css?v=ZQXSURNAME"); await fetch("no-such-file.js").catch(() => {}); });
  await page.goto(`${server.url}/embed/`);
  await page.waitForSelector("html[data-ready=true]");
  await page.waitForTimeout(300);
  const entries = await page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        out.push({ cache: name, url: request.url, status: response.status, type: response.headers.get("content-type"), body: await response.text() });
      }
    }
    return out;
  });
  const TYPES = { html: "text/html", js: "text/javascript", css: "text/css", wasm: "application/wasm", svg: "image/svg+xml",
    webmanifest: "application/manifest+json", json: "application/json", cose: "application/cose" };
  assert(entries.some((e) => e.url.endsWith("/embed/index.html")), "the embedding example is cached for offline use");
  for (const module of ["verify", "rules", "rules-data", "issue"]) {
    assert(entries.some((e) => e.url.endsWith(`/pkg/${module}_bg.wasm`)), `the ${module} module is cached`);
  }
  for (const entry of entries) {
    const url = new URL(entry.url);
    assertEqual(url.search, "", `query string in the cache: ${entry.url}`);
    assertEqual(entry.status, 200, `status of ${entry.url}`);
    const extension = url.pathname.split(".").pop();
    assert(entry.type?.startsWith(TYPES[extension]), `${entry.url} cached as ${entry.type}`);
    for (const value of Object.values(TYPED)) assert(!entry.body.includes(value), `${entry.url} holds ${value}`);
  }
  noProblems(page, /404/);
  await page.context().close();
});

// ---- the signed lists ----------------------------------------------------------------------

/** A context with the stored copies of a first, normal visit. */
async function visitedPage() {
  const page = await newPage(browser, { viewport: DESKTOP, serviceWorkers: "block" });
  await open(page, server.url, "verify");
  assertEqual(await verifyText(page, REVOKED), "revoked", "first visit");
  return page;
}

test("lists: a 503 for the status list keeps the last good copy; a revoked certificate stays revoked", async () => {
  const page = await visitedPage();
  await page.route("**/demo/status-list.cose", (route) => route.fulfill({ status: 503, contentType: "text/html", body: "<h1>Service Unavailable</h1>" }));
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assertEqual(await verifyText(page, REVOKED), "revoked", "with a 503");
  noProblems(page, /503/);
  await page.context().close();
});

test("lists: a captive portal's page served with 200 never replaces the last good copy", async () => {
  const page = await visitedPage();
  const portal = "<!doctype html><title>Wi-Fi login</title><form>Log in to continue</form>";
  await page.route("**/demo/status-list.cose", (route) => route.fulfill({ status: 200, contentType: "text/html", body: portal }));
  await page.route("**/demo/trust-list.cose", (route) => route.fulfill({ status: 200, contentType: "text/html", body: portal }));
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assert(await page.isHidden("#boot"), "the stored trust list is used");
  assertEqual(await verifyText(page, REVOKED), "revoked", "with a portal page");
  await page.unroute("**/demo/status-list.cose");
  await page.unroute("**/demo/trust-list.cose");
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  const stored = await page.evaluate(async () => {
    const cache = await caches.open("tirkeu-lists");
    return Promise.all((await cache.keys()).map(async (r) => ({ url: r.url, type: (await cache.match(r)).headers.get("content-type") })));
  });
  assert(stored.length === 3 && stored.every((s) => s.type === "application/cose"), `stored copies ${JSON.stringify(stored)}`);
  await page.context().close();
});

test("lists: an older status list never comes back, across reloads and without the stored copy (minIssuedAt)", async () => {
  const shippedIat = 1782846000; // Source: www/demo/README.md (the lists are issued at 2026-07-01 00:00 +05:00)
  const newer = statusList(["2026-000000666", "2026-000000777"], Math.min(NOW - DAY, shippedIat + 30 * DAY));
  const page = await newPage(browser, { viewport: DESKTOP, serviceWorkers: "block" });
  let served = newer;
  await page.route("**/demo/status-list.cose", (route) => route.fulfill({ status: 200, contentType: "application/cose", body: served }));
  await open(page, server.url, "verify");
  assertEqual(await verifyText(page, VALID_777), "revoked", "the newer list revokes 777");
  // The origin now serves the older (shipped) list: the stored newer one stays in force.
  served = SHIPPED_STATUS_LIST;
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assertEqual(await verifyText(page, VALID_777), "revoked", "after a reload with the older list");
  const iat = await page.evaluate(() => localStorage.getItem("tirkeu.iat.status"));
  assert(Number(iat) > shippedIat, `highest accepted iat kept: ${iat}`);
  // The stored copy is lost: the older list is still refused (minIssuedAt), so nothing vouches
  // for 777 any more; it is never plainly valid.
  await page.evaluate(() => caches.delete("tirkeu-lists"));
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  const status = await verifyText(page, VALID_777);
  assertEqual(status, "unconfirmed", "without any acceptable status list");
  await page.context().close();
});

test("lists: a slow network is given 3 seconds, then the stored copy is used", async () => {
  const page = await visitedPage();
  await page.route("**/demo/status-list.cose", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await route.continue().catch(() => {});
  });
  const started = Date.now();
  await page.reload();
  await page.waitForSelector("html[data-ready=true]", { timeout: 12_000 });
  const waited = Date.now() - started;
  assert(waited >= 2_500 && waited < 9_000, `ready after ${waited} ms`);
  assertEqual(await verifyText(page, REVOKED), "revoked", "from the stored copy");
  await page.context().close();
});

/** The re-registration deadline the check view gives for a move on Friday 2027-01-08. */
async function reRegistrationOn8January(page) {
  await page.goto(`${server.url}/#check`);
  await page.waitForSelector("html[data-ready=true]");
  await fillCheck(page, { "entry.date": "2026-12-01", "stay.from": "2026-12-01", "stay.to": "2027-02-20" });
  await page.fill("#check-today", "2027-01-08");
  await page.check("#in-moved");
  await page.fill("#in-addressChange-movedOn", "2027-01-08");
  await page.click("#check-submit");
  await page.waitForSelector("[data-card=rereg]");
  return {
    registerBy: await page.getAttribute("[data-card=rereg] [data-value=registerBy] time", "datetime"),
    data: await page.textContent("#check-data"),
    lists: await page.textContent("#lists"),
  };
}

test("data bundle: a corrected 2027 calendar published beside the lists moves the check view's deadline; its version shown; kept offline; a refused or older bundle changes nothing", async () => {
  const decreeIat = NOW - DAY;
  const decree = decreeBundle("2027.1", decreeIat);
  let served = decree;
  const page = await newPage(browser, { viewport: DESKTOP, serviceWorkers: "block" });
  await page.route("**/demo/data-bundle.cose", (route) => (served
    ? route.fulfill({ status: 200, contentType: "application/cose", body: served })
    : route.fulfill({ status: 503, contentType: "text/html", body: "<h1>Service Unavailable</h1>" })));
  await open(page, server.url, "check");
  // Rules p.5 by the decree: 9 (a working Saturday), 11, 12, 13, 14 January.
  let seen = await reRegistrationOn8January(page);
  assertEqual(seen.registerBy, "2027-01-14", "by the published bundle");
  assert(seen.data.includes("2027.1") && seen.lists.includes("2027.1"), `version shown: ${seen.data} | ${seen.lists}`);
  assertEqual(await page.evaluate(() => localStorage.getItem("tirkeu.iat.data")), String(decreeIat), "highest iat kept");

  // A later bundle signed by the certificate key (its use lacks data), then the network down,
  // then the shipped older bundle: the decree stays in force, from the stored copy.
  for (const [what, bytes] of [["wrong key use", decreeBundle("2027.2", NOW - 3600, join(DEMO, "issuer.key.json"))],
    ["503", null], ["older", SHIPPED_DATA_BUNDLE]]) {
    served = bytes;
    await page.reload();
    seen = await reRegistrationOn8January(page);
    assertEqual(seen.registerBy, "2027-01-14", `after ${what}`);
    assert(seen.data.includes("2027.1"), `${what}: ${seen.data}`);
  }

  // The stored copy is lost and the origin serves the older bundle: it is still refused
  // (minIssuedAt), and the compiled-in tables decide (2027 provisional: 11 to 15 January).
  await page.evaluate(() => caches.delete("tirkeu-lists"));
  await page.reload();
  seen = await reRegistrationOn8January(page);
  assertEqual(seen.registerBy, "2027-01-15", "by the compiled-in tables");
  assert(!seen.data.includes("demo") && !seen.lists.includes("demo"), `the older bundle is not used: ${seen.lists}`);
  noProblems(page, /503/);
  await page.context().close();
});

// ---- the check date and the clock -----------------------------------------------------------

test("midnight: a page left open past midnight in Kazakhstan checks the new day (Playwright's clock)", async () => {
  // The next midnight in UTC+5 that is at least an hour away, and a certificate whose stay ends the day before.
  let midnight = (Math.floor((NOW + KZ_OFFSET) / DAY) + 1) * DAY - KZ_OFFSET;
  if (midnight - NOW < 3600) midnight += DAY;
  const lastDay = kzDate(midnight - 1);
  const text = issue({ stayFrom: addDays(lastDay, -20), stayTo: lastDay }, NOW - 3600);
  const page = await newPage(browser, { viewport: DESKTOP, serviceWorkers: "block" });
  await page.clock.install({ time: new Date((midnight - 30 * 60) * 1000) });
  await open(page, server.url, "verify");
  assertEqual(await verifyText(page, text), "valid", "at 23:30");
  assertEqual(await page.inputValue("#verify-date"), lastDay, "the date field at 23:30");
  await page.goto(`${server.url}/#check`);
  await page.click("#check-sample");
  await page.waitForSelector("#report[data-ok]");
  await page.goto(`${server.url}/#verify`);
  await page.clock.setSystemTime(new Date((midnight + 30 * 60) * 1000));
  assertEqual(await verifyText(page, text), "expired", "at 00:30");
  assertEqual(await page.inputValue("#verify-date"), addDays(lastDay, 1), "the date field follows the clock");
  // A date the user picked stays picked.
  await page.fill("#verify-date", lastDay);
  await page.dispatchEvent("#verify-date", "change");
  assertEqual(await verifyText(page, text), "valid", "with the date chosen");
  await page.goto(`${server.url}/#check`);
  await page.fill("#in-immigrant-surname", "PETROV");
  await page.waitForFunction((d) => document.getElementById("check-today").value === d, addDays(lastDay, 1));
  noProblems(page);
  await page.context().close();
});

// ---- the verdict ---------------------------------------------------------------------------

const GREEN = ({ r, g, b }) => g > r + 40 && g > b + 20;
const RED = ({ r, g, b }) => r > g + 80 && r > b + 80;
const AMBER = ({ r, g, b }) => r > 180 && g > 100 && g < r && b < 80;

async function verdictLook(page) {
  return page.evaluate(() => {
    const rgb = (css) => { const [r, g, b] = css.match(/\d+/g).map(Number); return { r, g, b }; };
    const verdict = document.getElementById("verdict");
    const word = verdict.querySelector(".verdict-word");
    const icon = verdict.querySelector(".verdict-icon");
    const line = verdict.querySelector(".verdict-line");
    const demo = document.getElementById("verdict-demo");
    const next = document.getElementById("scan-next");
    const box = (el) => el.getBoundingClientRect();
    return {
      width: box(verdict).width, viewport: document.documentElement.clientWidth,
      background: rgb(getComputedStyle(verdict).backgroundColor),
      itemBackground: rgb(getComputedStyle(verdict.querySelector("[data-status]")).backgroundColor),
      wordSize: parseFloat(getComputedStyle(word).fontSize), wordHeight: box(word).height, iconHeight: box(icon).height,
      iconText: icon.textContent, word: word.textContent,
      lineHeight: box(line).height, lineBottom: box(line).bottom,
      demoVisible: !demo.hidden && box(demo).height > 0, demoHeight: box(demo).height, demoSize: parseFloat(getComputedStyle(demo).fontSize),
      nextTop: box(next).top, nextVisible: box(next).height > 0,
    };
  });
}

test("verdict on a 390 px phone: the full width in its colour, icon and word at least 40 px, DEMO apart and smaller, Scan next beside it", async () => {
  const page = await newPage(browser, { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await open(page, server.url, "verify");
  const badSignature = (() => { const i = Math.floor(VALID.length / 2); return VALID.slice(0, i) + (VALID[i] === "A" ? "B" : "A") + VALID.slice(i + 1); })();
  for (const [text, expected, colour, name] of [[VALID, "valid", GREEN, "green"], [REVOKED, "revoked", RED, "red"],
    [EXPIRED, "expired", AMBER, "amber"], [badSignature, null, RED, "red"]]) {
    const status = await verifyText(page, text);
    if (expected) assertEqual(status, expected, "status");
    const look = await verdictLook(page);
    const demo = expected !== null; // a code whose signature fails carries nothing of its key, DEMO included
    assert(look.width >= look.viewport * 0.95, `${status}: verdict ${look.width} px wide on a ${look.viewport} px screen`);
    assert(colour(look.background) && colour(look.itemBackground), `${status}: ${name} expected, got ${JSON.stringify(look.background)}`);
    assert(look.wordSize >= 40 && look.wordHeight >= 40 && look.iconHeight >= 40, `${status}: word ${look.wordSize}px/${look.wordHeight}px, icon ${look.iconHeight}px`);
    assert(look.iconText.trim() && look.word.trim(), "icon and word");
    assert(look.nextVisible && look.nextTop - look.lineBottom < 60, `Scan next is beside the verdict (${look.nextTop - look.lineBottom} px below)`);
    assertEqual(await page.getAttribute("#verdict", "data-demo"), String(demo), "data-demo");
    if (demo) assert(look.demoVisible && look.demoHeight < look.lineHeight && look.demoSize < look.wordSize, `DEMO mark ${look.demoHeight}px vs verdict ${look.lineHeight}px`);
    if (status === "valid") await page.screenshot({ path: join(work, "phone-valid.png") });
  }
  // Green only for valid: no other status is drawn in green.
  assertEqual(await verifyText(page, "https://example.kz/menu"), "not_a_certificate", "a link");
  assert(!GREEN((await verdictLook(page)).background), "not_a_certificate is not green");
  noProblems(page);
  await page.context().close();
});

test("verdict: an image with two codes shows one verdict per code inside #verdict, the worst first", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  const png = await pngOf(page, [VALID, REVOKED], 5);
  await page.setInputFiles("#verify-file", { name: "two-codes.png", mimeType: "image/png", buffer: png });
  await page.waitForSelector("#verdict:not([hidden])[data-status]", { timeout: 30_000 });
  const statuses = await page.$$eval("#verdict [data-status]", (els) => els.map((e) => e.dataset.status));
  assertEqual(statuses.join(","), "revoked,valid", "one element per code, worst first");
  assertEqual(await page.getAttribute("#verdict", "data-status"), "revoked", "the headline is the worst");
  assert((await page.textContent("#verdict-count")).includes("2"), "says there are two codes");
  noProblems(page);
  await page.context().close();
});

// ---- the camera ----------------------------------------------------------------------------

/** A YUV4MPEG2 video of a QR code drawn at `px` pixels a module (4 modules of quiet zone) in a grey frame. */
function y4m({ size, modules }, width, height, px, frames = 2) {
  const quiet = 4;
  const luma = Buffer.alloc(width * height, 190);
  if (size) {
    const side = Math.round((size + 2 * quiet) * px);
    const left = Math.floor((width - side) / 2) + 150;
    const top = Math.floor((height - side) / 2);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const mx = Math.floor(x / px) - quiet;
        const my = Math.floor(y / px) - quiet;
        const dark = mx >= 0 && my >= 0 && mx < size && my < size && modules[my * size + mx];
        luma[(top + y) * width + left + x] = dark ? 30 : 235;
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array(frames).fill(frame)]);
}

async function cameraBrowser(video) {
  return launch(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${video}`]);
}

/** The module in Node, for the control of the camera test. */
const node = await import(join(ROOT, "www/pkg/tirkeu.node.mjs"));
await node.default?.();

test("camera: a dense code (version 17-20) at arm's length is read from the full-resolution camera (1920x1080); only the part the scanner asks for is copied, never the whole frame", async () => {
  const matrix = node.qrMatrix(VALID);
  assert(matrix.version >= 17 && matrix.version <= 20, `the certificate's code is version ${matrix.version}`);
  const px = 2.9; // a certificate held at arm's length: under 3 pixels a module in a 1080p frame
  const video = join(work, "dense.y4m");
  writeFileSync(video, y4m(matrix, 1920, 1080, px));
  const camera = await cameraBrowser(video);
  try {
    const page = await newPage(camera, { viewport: PHONE, permissions: ["camera"] });
    await page.addInitScript(() => {
      window.__views = [];
      const draw = CanvasRenderingContext2D.prototype.drawImage;
      CanvasRenderingContext2D.prototype.drawImage = function (...args) {
        if (args[0] instanceof HTMLVideoElement) window.__views.push(args.slice(1).concat([args[0].videoWidth, args[0].videoHeight, this.imageSmoothingEnabled]));
        return draw.apply(this, args);
      };
      window.__reads = [];
      const read = CanvasRenderingContext2D.prototype.getImageData;
      CanvasRenderingContext2D.prototype.getImageData = function (...args) {
        window.__reads.push([args[2], args[3]]);
        return read.apply(this, args);
      };
    });
    await open(page, server.url, "verify");
    await page.click("#camera-start");
    await page.waitForSelector("#verdict[data-status=valid]", { timeout: 30_000 });
    const views = await page.evaluate(() => window.__views);
    const reads = await page.evaluate(() => window.__reads);
    const shown = JSON.stringify(views.slice(0, 3));
    assert(views.length > 0 && views.every((v) => v[8] === 1920 && v[9] === 1080 && v[10] === false), `the camera's full resolution, drawn without smoothing: ${shown}`);
    const [sx, sy, sw, sh, , , dw, dh] = views[0];
    assert(sx === 0 && sy === 0 && sw === 1920 && sh === 1080 && dw === 960 && dh === 540, `the first frame at half size: ${shown}`);
    // Each later view is the whole frame at half size again or a region at full resolution.
    assert(views.every(([, , w, h, , , dw, dh]) => (w === 1920 && dw === 960) || (w === dw && h === dh && w * h < 1920 * 1080 / 4)), shown);
    assert(reads.every(([w, h]) => w * h <= 960 * 540), `no frame read back whole: ${JSON.stringify(reads.slice(0, 3))}`);
    noProblems(page);
  } finally {
    await camera.close();
  }
});

test("camera: Scan next, beside the verdict, starts the camera again and reads the next certificate", async () => {
  const video = join(work, "next.y4m");
  writeFileSync(video, y4m(node.qrMatrix(VALID), 1280, 720, 4));
  const camera = await cameraBrowser(video);
  try {
    const page = await newPage(camera, { viewport: PHONE, permissions: ["camera"] });
    await open(page, server.url, "verify");
    await page.click("#camera-start");
    await page.waitForSelector("#verdict[data-status=valid]", { timeout: 30_000 });
    assert(await page.isHidden("#camera-box"), "the camera closes on a read");
    await page.click("#scan-next");
    await page.waitForSelector("#verdict", { state: "hidden" });
    await page.waitForSelector("#camera-box:not([hidden])");
    await page.waitForSelector("#verdict[data-status=valid]", { timeout: 30_000 });
    assertEqual(await page.locator("#batch tbody tr").count(), 2, "two reads");
    noProblems(page);
  } finally {
    await camera.close();
  }
});

test("camera: an aiming frame, and after 3 seconds without a read, advice on what to try", async () => {
  const video = join(work, "empty.y4m");
  writeFileSync(video, y4m({ size: 0, modules: [] }, 640, 480, 1));
  const camera = await cameraBrowser(video);
  try {
    const page = await newPage(camera, { viewport: PHONE, permissions: ["camera"] });
    await open(page, server.url, "verify");
    await page.selectOption("#lang", "ru");
    await page.click("#camera-start");
    await page.waitForSelector("#camera-box:not([hidden])");
    assert(await page.isVisible("#camera-box .aim"), "aiming frame");
    assertEqual((await page.textContent("#camera-hint")).trim(), TABLES.ru["camera.hint"], "the first hint");
    const started = Date.now();
    await page.waitForSelector("#camera-hint.help", { timeout: 8_000 });
    assert(Date.now() - started >= 2_000, "not before about 3 seconds");
    assertEqual((await page.textContent("#camera-hint")).trim(), TABLES.ru["camera.help"], "the advice");
    await page.click("#camera-stop");
    noProblems(page);
  } finally {
    await camera.close();
  }
});

test("camera: errors say in the user's language what happened and how to allow the camera", async () => {
  for (const [name, key, code] of [["NotAllowedError", "camera.denied", "ru"], ["NotFoundError", "camera.missing", "kk"], ["NotReadableError", "camera.busy", "en"]]) {
    const page = await newPage(browser, { viewport: PHONE });
    await page.addInitScript((errorName) => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied by system", errorName));
    }, name);
    await open(page, server.url, "verify");
    await page.selectOption("#lang", code);
    await page.click("#camera-start");
    await page.waitForSelector("#camera-error:not([hidden])");
    const text = (await page.textContent("#camera-error")).trim();
    assertEqual(text, TABLES[code][key], `${name} in ${code}`);
    assert(!/Permission|denied|Error/.test(text) || code === "en", `${name}: the browser's English message is not shown`);
    await page.context().close();
  }
});

// ---- the batch -----------------------------------------------------------------------------

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function uploadBatch(page) {
  const files = [
    { name: "anna.png", mimeType: "image/png", buffer: await pngOf(page, [VALID]) },
    { name: "boris.png", mimeType: "image/png", buffer: await pngOf(page, [VALID_777]) },
    { name: "old.png", mimeType: "image/png", buffer: await pngOf(page, [EXPIRED]) },
    { name: "revoked.png", mimeType: "image/png", buffer: await pngOf(page, [REVOKED]) },
    { name: "scan.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "blank.png", mimeType: "image/png", buffer: await pngOf(page, []) },
    { name: "broken.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not really a jpeg") },
  ];
  await page.setInputFiles("#verify-file", files);
  await page.waitForFunction(() => document.querySelectorAll("#batch tbody tr").length === 7, null, { timeout: 60_000 });
}

test("batch: counts by status head the table, never the last file's verdict; files not read apart; DEMO a column counted as not valid; a PDF says so", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  await uploadBatch(page);
  assert(await page.isHidden("#verdict"), "no single verdict for a batch");
  assert(await page.isVisible("#batch-summary"), "the summary is shown");
  const order = await page.evaluate(() => document.getElementById("batch-summary").compareDocumentPosition(document.getElementById("batch")) & Node.DOCUMENT_POSITION_FOLLOWING);
  assert(order, "the summary heads the table");
  const count = async (status) => Number((await page.textContent(`#batch-summary [data-count-status=${status}]`)).trim());
  for (const [status, n] of [["valid", 2], ["expired", 1], ["revoked", 1], ["unsupported", 1], ["no_code", 1], ["unreadable", 1]]) {
    assertEqual(await count(status), n, `count of ${status}`);
  }
  assertEqual(await page.locator('#batch tbody tr[data-demo="true"]').count(), 4, "DEMO rows");
  assertEqual(await page.locator('#batch tbody tr[data-demo="false"]').count(), 3, "rows without a certificate");
  // The filter "not valid": every DEMO row stays, as the failures do.
  await page.check("#batch-filter");
  assertEqual(await page.locator("#batch tbody tr").count(), 7, "DEMO counts as not valid in the filter");
  await page.uncheck("#batch-filter");
  // The PDF's row says what to do.
  await page.click('#batch tbody tr[data-status=unsupported] button');
  const message = await page.textContent("#verdict .verdict-message");
  assert(message.includes("scan.pdf") && message.includes("save a photo or a screenshot"), `PDF message: ${message}`);
  noProblems(page);
  await page.context().close();
});

test("batch: the CSV in Kazakh and Russian: ';' between cells, column names in the language, ISO dates, negative days once expired, a demo column", async () => {
  for (const code of ["ru", "kk"]) {
    const page = await newPage(browser, { viewport: DESKTOP, acceptDownloads: true });
    await open(page, server.url, "verify");
    await page.selectOption("#lang", code);
    await uploadBatch(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#batch-csv")]);
    const path = join(work, `batch-${code}.csv`);
    await download.saveAs(path);
    assert(download.suggestedFilename().startsWith(TABLES[code]["batch.fileName"]), `file name ${download.suggestedFilename()}`);
    const csv = readFileSync(path, "utf8");
    assert(csv.startsWith("\uFEFF"), "BOM");
    const lines = csv.slice(1).trim().split("\r\n").map((line) => line.split(";").map((cell) => cell.replace(/^"|"$/g, "")));
    assertEqual(lines.length, 8, "header and seven rows");
    const header = lines[0];
    for (const key of ["csv.application", "csv.surname", "csv.stayFrom", "csv.stayTo", "csv.daysLeft", "csv.checkedOn"]) {
      assert(header.includes(TABLES[code][key]), `${code}: column ${TABLES[code][key]}`);
    }
    const column = (name) => header.indexOf(name);
    const rows = lines.slice(1);
    const expired = rows.find((r) => r[column("status")] === "expired");
    const days = Number(expired[column(TABLES[code]["csv.daysLeft"])]);
    assert(days < 0, `days remaining of the expired certificate: ${days}`);
    assert(/^\d{4}-\d{2}-\d{2}$/.test(expired[column(TABLES[code]["csv.stayTo"])]), "ISO date");
    assert(/^\d{4}-\d{2}-\d{2}$/.test(expired[column(TABLES[code]["csv.checkedOn"])]), "ISO check date");
    assertEqual(rows.filter((r) => r[column("demo")] === "true").length, 4, "demo column");
    const pdf = rows.find((r) => r[column("status")] === "unsupported");
    assert(/^\d{4}-\d{2}-\d{2}$/.test(pdf[column(TABLES[code]["csv.checkedOn"])]), "a file not read has its check date");
    await page.context().close();
  }
});

// ---- the check view ------------------------------------------------------------------------

/** Fills the check form from an application (dotted names), with earlier trips, and checks it. */
async function fillCheck(page, fields, stays = []) {
  await page.click("#check-sample");
  for (const [name, value] of Object.entries(fields)) {
    const selector = `[name="${name}"]`;
    if (await page.$eval(selector, (e) => e.tagName) === "SELECT") await page.selectOption(selector, value);
    else await page.fill(selector, value);
  }
  for (const row of await page.$$(".stay-remove")) await row.click();
  for (const [entry, exit] of stays) {
    await page.click("#stay-add");
    await page.locator("#stays > li").last().locator("[data-part=entry]").fill(entry);
    await page.locator("#stays > li").last().locator("[data-part=exit]").fill(exit);
  }
  await page.click("#check-submit");
  await page.waitForTimeout(300);
}

test("check: the sample is dated around today and shows no failure", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "check");
  await page.click("#check-sample");
  await page.waitForSelector("#report[data-ok=true]");
  assertEqual(await page.getAttribute("[data-card=deadline]", "data-state"), "open", "deadline open");
  assertEqual(await page.getAttribute("[data-card=deadline] [data-value=registerBy] time", "datetime"), addDays(TODAY, 24), "register by");
  assertEqual(await page.getAttribute("[data-card=deadline] [data-value=daysLeft]", "data-days"), "24", "days left");
  assertEqual(await page.locator("#report-summary .finding.is-error").count(), 0, "no error");
  noProblems(page);
  await page.context().close();
});

test("check: the deadline card names the last day as included; a missed one says by how many days and that registration is still required", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "check");
  await page.selectOption("#lang", "ru");
  const entry = addDays(TODAY, -40);
  await fillCheck(page, { "entry.date": entry, "stay.from": entry, "stay.to": addDays(TODAY, 20) });
  await page.waitForSelector("[data-card=deadline][data-state=missed]");
  const text = await page.textContent("[data-card=deadline]");
  assert(text.includes("включительно"), `the last day included: ${text}`);
  assert(text.includes("на 11 дней") && text.includes("необходимо"), `missed by 11 days, still required: ${text}`);
  assert(!/-\d/.test(text), `no negative count: ${text}`);
  await page.context().close();
});

test("check: the stay card shows only the limit that binds, and its numbers agree", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "check");
  // An overstay: 100 days since entry on a 90-day regime: the card gives the overstay, not "100 of 90".
  const entry = addDays(TODAY, -100);
  await fillCheck(page, { "entry.date": entry, "stay.from": entry, "stay.to": addDays(TODAY, 5) });
  await page.waitForSelector("[data-card=stay] [data-value=overstayDays]");
  const overstay = Number(await page.getAttribute("[data-card=stay] [data-value=overstayDays]", "data-days"));
  const last = await page.getAttribute("[data-card=stay] [data-value=lastAllowedDay] time", "datetime");
  assertEqual(addDays(last, overstay), TODAY, "the last allowed day plus the overstay is today");
  assertEqual(await page.locator("[data-card=stay] [data-limit=window]").count(), 0, "no days-used count beside an overstay");
  // An EAEU worker whose labour contract binds: only the contract is shown.
  const contract = addDays(TODAY, 300);
  await fillCheck(page, { "immigrant.citizenship": "KGZ", "entry.purpose": "work", "entry.contractUntil": contract,
    "entry.date": addDays(TODAY, -5), "stay.from": addDays(TODAY, -5), "stay.to": addDays(TODAY, 200) });
  await page.waitForSelector("[data-card=stay][data-limited-by=labour_contract]");
  assertEqual(await page.getAttribute("[data-card=stay] [data-value=lastAllowedDay] time", "datetime"), contract, "the contract's end");
  assertEqual(await page.locator("[data-card=stay] [data-limit]").count(), 0, "no 90/180 line for a worker under contract");
  await page.context().close();
});

test("check: summary links are named by the field's full label", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "check");
  for (const [code, label] of [["en", "Stay until"], ["ru", "Пребывание по"]]) {
    await page.selectOption("#lang", code);
    await fillCheck(page, { "stay.to": "" });
    const links = await page.$$eval("#report-summary .summary-list button.link", (els) => els.map((e) => e.textContent));
    assert(links.includes(label), `${code}: links ${links.join(" | ")}`);
  }
  await page.context().close();
});

/** What a Kazakh or Russian reader sees of a report: the summary, the findings and the cards. */
async function reportText(page) {
  return page.evaluate(() => [document.getElementById("report").innerText,
    ...[...document.querySelectorAll("#check-form .findings")].map((e) => e.innerText)].join("\n"));
}

/** Latin words a kk or ru screen may show: codes and names of the application itself. */
const ALLOWED_LATIN = new Set(["IVANOV", "IVAN", "PETROVICH", "RUS", "KGZ", "UZB", "ALA", "EAEU"]);

function assertNativeText(text, code, what) {
  // The data tables' version identifier ("2026-03-18.2-demo") is named as it is published.
  text = text.replace(/(?<![\w.-])\d{4}-\d{2}-\d{2}\.[\w.-]*/g, "");
  const paths = text.match(/\b[a-z]+[A-Z]?[a-zA-Z]*\.[a-z][a-zA-Z.[\]0-9]*/g) ?? [];
  assertEqual(paths.join(" "), "", `${code} ${what}: internal paths`);
  // A date in a sentence, not the data tables' version identifier ("2026-03-18.2-demo"), which
  // the lists line names as it is published.
  const iso = text.match(/(?<![\w.-])\d{4}-\d{2}-\d{2}(?![\w-]|\.\d)/g) ?? [];
  assertEqual(iso.join(" "), "", `${code} ${what}: ISO dates in sentences`);
  const latin = (text.match(/[A-Za-z][A-Za-z'-]+/g) ?? []).map((w) => w.replace(/-+$/, "")) // "QR-код"
    .filter((w) => !ALLOWED_LATIN.has(w) && !/^[A-Z0-9]{2,4}$/.test(w));
  assertEqual([...new Set(latin)].join(" "), "", `${code} ${what}: Latin words`);
  assert(!/M\d{1,2} \d/.test(text), `${code} ${what}: a date written by the browser ("2026 M12 19")`);
  assert(!/[^.]\.\.(?!\.)/.test(text), `${code} ${what}: a doubled full stop: ${text.match(/.{20}[^.]\.\.(?!\.)/)?.[0]}`);
}

test("check: the cards and findings in Kazakh and Russian show no internal path, no Latin word but codes and names, no ISO date", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "check");
  const cases = [
    ["sample", {}, []],
    ["missed deadline", { "entry.date": addDays(TODAY, -40), "stay.from": addDays(TODAY, -40), "stay.to": addDays(TODAY, 20) }, []],
    ["overstay with trips", { "entry.date": addDays(TODAY, -20), "stay.from": addDays(TODAY, -20), "stay.to": addDays(TODAY, 60) },
      [[addDays(TODAY, -150), addDays(TODAY, -80)]]],
    ["EAEU worker", { "immigrant.citizenship": "KGZ", "entry.purpose": "work", "entry.contractUntil": addDays(TODAY, 300) }, []],
    ["errors", { "immigrant.surname": "", "host.id": "900515300128", "immigrant.passport.number": "FA 12345O7", "stay.to": "" }, []],
    ["moved", {}, [], true],
  ];
  for (const code of ["kk", "ru"]) {
    await page.selectOption("#lang", code);
    for (const [name, fields, stays, moved] of cases) {
      await fillCheck(page, fields, stays);
      if (moved) {
        await page.check("#in-moved");
        await page.fill("#in-addressChange-movedOn", addDays(TODAY, -1));
        await page.waitForSelector("[data-card=rereg]");
      }
      assertNativeText(await reportText(page), code, name);
      if (moved) await page.uncheck("#in-moved");
    }
  }
  await page.context().close();
});

test("languages: dates are written by the project in each language, in the verdict, the cards and the certificate", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  const kazakhDate = /\d{4} жылғы \d{1,2} (қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)/;
  const russianDate = /\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\./;
  for (const [code, pattern] of [["kk", kazakhDate], ["ru", russianDate]]) {
    await page.selectOption("#lang", code);
    await verifyText(page, VALID);
    const verdict = await page.textContent("#verdict");
    assert(pattern.test(verdict), `${code} verdict: ${verdict.slice(0, 200)}`);
    assert(!/M\d{1,2}\b/.test(verdict), `${code}: the browser's date format`);
    assert(!/\d{4}-\d{2}-\d{2}/.test(verdict), `${code}: an ISO date in the verdict: ${verdict.slice(0, 200)}`);
    await verifyText(page, EXPIRED);
    const expired = await page.textContent("#verdict .verdict-message");
    assert(!/\d{4}-\d{2}-\d{2}|\.\./.test(expired), `${code} expired: ${expired}`);
    // Kazakh puts the date in the case the next word asks for: "...28 қыркүйекте аяқталды".
    if (code === "kk") assert(/2026 жылғы 28 қыркүйекте аяқталды/.test(expired), `kk: ${expired}`);
    await verifyText(page, VALID);
    assert(pattern.test(await page.textContent("#lists")), `${code} lists line`);
  }
  await page.goto(`${server.url}/#check`);
  await page.click("#check-sample");
  await page.waitForSelector("[data-card=deadline]");
  assert(kazakhDate.test(await page.textContent("#report-cards")) === false, "the language is ru now");
  assert(russianDate.test(await page.textContent("#report-cards")), "ru cards");
  noProblems(page);
  await page.context().close();
});

test("languages: the verify view's verdicts, certificate, lists line and batch in Kazakh and Russian show no internal name, no Latin word but codes and names, no ISO date", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  const altered = VALID.slice(0, 60) + (VALID[60] === "A" ? "B" : "A") + VALID.slice(61);
  const verdicts = [["valid", VALID], ["expired", EXPIRED], ["revoked", REVOKED], ["altered", altered], ["malformed", "KZ1:A"],
    ["not a certificate", "https://example.kz/"]];
  for (const code of ["kk", "ru"]) {
    await page.selectOption("#lang", code);
    for (const [name, text] of verdicts) {
      await verifyText(page, text);
      const shown = await page.evaluate(() => [document.getElementById("verdict").innerText, document.getElementById("verdict-announce").textContent,
        document.querySelector("#verdict .certificate")?.getAttribute("aria-label") ?? ""].join("\n"));
      assertNativeText(shown, code, `verdict ${name}`);
    }
    // The certificate view names the country and the region in the language, and the DEMO key too.
    await verifyText(page, VALID);
    const certificate = await page.textContent("#verdict .certificate");
    assert(certificate.includes({ kk: "Өзбекстан", ru: "Узбекистан" }[code]), `${code}: the country in the certificate: ${certificate}`);
    assert(!/Uzbekistan|Tirkeu|demonstration|authority/.test(await page.textContent("#verdict")), `${code}: English in the verdict`);
    assertNativeText(await page.textContent("#lists"), code, "lists line");
    await page.fill("#verify-text", [VALID, EXPIRED, "KZ1:A"].join("\n"));
    await page.click("#verify-submit");
    await page.waitForFunction(() => document.querySelectorAll("#batch tbody tr").length >= 3);
    assertNativeText(await page.evaluate(() => document.getElementById("batch-box").innerText), code, "batch");
    await page.click("#batch-clear");
  }
  noProblems(page);
  await page.context().close();
});

test("languages: the demo issuer's refusals and its certificate in Kazakh and Russian", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "demo");
  for (const code of ["kk", "ru"]) {
    await page.selectOption("#lang", code);
    const fill = (table, ...args) => args.reduce((text, arg, i) => text.replace(`{${i}}`, arg), TABLES[code][table]);
    const cases = [
      [{ "#rec-stayFrom": "2026-12-10", "#rec-stayTo": "2026-12-01" }, fill("demo.order", TABLES[code]["rec.stayTo"], TABLES[code]["rec.stayFrom"])],
      [{ "#rec-surname": "" }, fill("demo.missing", TABLES[code]["rec.surname"])],
      [{ "#rec-surname": "IVAN0V" }, fill("demo.invalid", TABLES[code]["rec.surname"])],
    ];
    for (const [fields, expected] of cases) {
      await page.reload(); // the sample again, in the language chosen
      await page.waitForSelector("html[data-ready=true]");
      for (const [selector, value] of Object.entries(fields)) await page.fill(selector, value);
      await page.click("#demo-create");
      await page.waitForSelector("#demo-error:not([hidden])");
      const shown = await page.textContent("#demo-error");
      assertEqual(shown, expected, `${code} refusal`);
      assertNativeText(shown, code, "demo refusal");
    }
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    await page.click("#demo-create");
    await page.waitForSelector("#certificate .certificate");
    assertNativeText(await page.evaluate(() => document.getElementById("certificate").innerText), code, "demo certificate");
  }
  noProblems(page);
  await page.context().close();
});

test("page: the verifier's module at start, the rules' when the check view is first opened, the issuer's with the demo; what is typed while one loads is kept", async () => {
  const page = await newPage(browser, { viewport: DESKTOP, serviceWorkers: "block" });
  await open(page, server.url, "verify");
  const modules = () => page.requests.filter((url) => url.endsWith(".wasm")).map((url) => new URL(url).pathname).sort();
  assertEqual(modules().join(" "), "/pkg/verify_bg.wasm", "modules at start");
  // Typed at once after the tab is pressed, before the view's code has run.
  await page.click("#tab-check");
  await page.fill("#in-host-id", "900515300128");
  await page.press("#in-host-id", "Tab");
  await page.waitForSelector('[data-code="host.id.invalid"]');
  assertEqual(modules().join(" "), "/pkg/rules-data_bg.wasm /pkg/verify_bg.wasm", "modules after the check view");
  await page.click("#tab-demo");
  // Typed in one step (a value and its input event in one task): Playwright's fill selects the
  // text and inserts the new one in two steps, and the sample filled in between would stay in front.
  await page.$eval("#rec-surname", (input) => {
    /** @type {HTMLInputElement} */ (input).value = "ZHANSEITOVA";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.click("#demo-create");
  await page.waitForSelector("#certificate .certificate, #demo-error:not([hidden])");
  assert(await page.isHidden("#demo-error"), `the demo view refused: ${await page.textContent("#demo-error")}`);
  assert((await page.textContent("#certificate")).includes("ZHANSEITOVA"), "the surname typed while the demo view loaded");
  assertEqual(modules().join(" "), "/pkg/issue_bg.wasm /pkg/rules-data_bg.wasm /pkg/verify_bg.wasm", "modules after the demo");
  assert(!page.requests.some((url) => url.endsWith("/pkg/tirkeu_bg.wasm")), "the whole module is never loaded");
  noProblems(page);
  await page.context().close();
});

test("offline: after a first visit to the verify view only, the check and demo views open and work", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  await controlledByServiceWorker(page);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  await page.click("#tab-check");
  await page.click("#check-sample");
  await page.waitForSelector("[data-card=deadline]");
  await page.click("#tab-demo");
  await page.click("#demo-create");
  await page.waitForSelector("#certificate .certificate");
  await page.context().setOffline(false);
  noProblems(page, /ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/);
  await page.context().close();
});

test("languages: country names in Kazakh and Russian from the module, whatever the browser knows", async () => {
  // Source: Unicode CLDR 48 (kk and ru territory names of UZ, KG, TR), as the module carries them;
  // Chromium's own locale data has no Kazakh country names.
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "check");
  const names = { kk: ["Өзбекстан", "Қырғызстан", "Түркия", "Азаматтығы жоқ адам"], ru: ["Узбекистан", "Кыргызстан", "Турция", "Лицо без гражданства"],
    en: ["Uzbekistan", "Kyrgyzstan", "Türkiye", "Stateless person"] };
  for (const code of ["kk", "ru", "en"]) {
    await page.selectOption("#lang", code);
    await page.click("#check-sample");
    const options = await page.$$eval("#in-immigrant-citizenship option", (els) => els.map((e) => e.textContent ?? ""));
    const [uzbekistan, kyrgyzstan, turkey, stateless] = names[code];
    for (const [name, iso] of [[uzbekistan, "UZB"], [kyrgyzstan, "KGZ"], [turkey, "TUR"], [stateless, "XXA"]]) {
      assert(options.includes(`${name} (${iso})`), `${code}: ${name} (${iso}) among ${options.slice(0, 5).join(" | ")}`);
    }
    const countries = options.filter((o) => /\([A-Z]{3}\)$/.test(o));
    assert(countries.length === 250, `${code}: 249 countries and the stateless person: ${countries.length}`);
    if (code !== "en") {
      const latin = countries.filter((o) => /[A-Za-z]/.test(o.replace(/ \([A-Z]{3}\)$/, "")));
      assertEqual(latin.join(" | "), "", `${code}: a country named in Latin letters`);
      // Sorted in the order of the language's alphabet, by the module: Kazakh letters in their
      // place ("Қ" after every "К", "Ұ" before every "Ү"), which Chromium's own collator does not
      // know; checked against the CLDR collation of Node's full ICU.
      const collator = new Intl.Collator(code);
      const unsorted = countries.filter((o, i) => i > 0 && collator.compare(countries[i - 1], o) > 0);
      assertEqual(unsorted.join(" | "), "", `${code}: out of the alphabet's order`);
      if (code === "kk") {
        const at = (prefix) => countries.findIndex((o) => o.startsWith(prefix));
        assert(at("Кюрасао") < at("Қазақстан") && at("Орталық Африка") < at("Өзбекстан"), "kk: Қ after К, Ө after О");
        assert(at("Ұлыбритания") < at("Үндістан") && at("Үндістан") < at("Эквадор"), "kk: Ұ before Ү, both before Э");
      }
    }
    // The warning on a regime of low confidence names the country, in the language.
    await fillCheck(page, { "immigrant.citizenship": "UZB" });
    await page.waitForSelector('[data-code="regime.unconfirmed"]');
    const warning = await page.textContent('[data-code="regime.unconfirmed"]');
    assert(warning.includes(uzbekistan) && !warning.includes("UZB"), `${code}: ${warning}`);
  }
  // The certificate's citizenship, in the verify view and in the batch table.
  await page.goto(`${server.url}/#verify`);
  for (const code of ["kk", "ru"]) {
    await page.selectOption("#lang", code);
    await verifyText(page, VALID);
    const certificate = await page.textContent("#verdict .certificate");
    assert(certificate.includes(`UZB · ${names[code][0]}`), `${code}: the citizenship in the certificate: ${certificate}`);
    await page.fill("#verify-text", [VALID, EXPIRED].join("\n"));
    await page.click("#verify-submit");
    await page.waitForFunction(() => document.querySelectorAll("#batch tbody tr").length >= 2);
    const batch = await page.textContent("#batch tbody");
    assert(batch.includes(names[code][0]), `${code}: the citizenship in the batch: ${batch}`);
    await page.click("#batch-clear");
  }
  noProblems(page);
  await page.context().close();
});

test("embedding example: in Kazakh and Russian as well as English", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await page.goto(`${server.url}/embed/`);
  await page.waitForSelector("html[data-ready=true]");
  for (const code of ["ru", "kk"]) {
    await page.selectOption("#lang", code);
    assertEqual(await page.getAttribute("html", "lang"), code, "html[lang]");
    await page.click("button[type=submit]");
    await page.waitForSelector('[data-code="field.required"]');
    const text = await page.evaluate(() => [...document.querySelector("main").children].filter((e) => !e.matches(".lang")).map((e) => e.innerText).join("\n"));
    // The citizenship and region lists name countries and regions in the language, from the package.
    const citizenships = await page.$$eval('[name="immigrant.citizenship"] option', (els) => els.map((e) => e.textContent));
    assert(citizenships.length === 250 && citizenships.includes({ kk: "Өзбекстан", ru: "Узбекистан" }[code]), `${code}: the citizenship list`);
    const regions = await page.$$eval('[name="address.region"] option', (els) => els.map((e) => e.textContent));
    assert(regions.includes({ kk: "Алматы облысы", ru: "Алматинская область" }[code]), `${code}: the region list: ${regions.join(" | ")}`);
    const latin = (text.match(/[A-Za-z][A-Za-z']+/g) ?? []).filter((w) => !/^(tirkeu|npm|embed|js|RUS|UZB|CHN|AST|ALA|SHY)$/.test(w));
    assertEqual([...new Set(latin)].join(" "), "", `${code}: Latin words on the embed page`);
  }
  noProblems(page);
  await page.context().close();
});

// ---- offline -------------------------------------------------------------------------------

test("offline: /embed/ is the embedding example, not the main page", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  await controlledByServiceWorker(page);
  await page.context().setOffline(true);
  await page.goto(`${server.url}/embed/`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  assert(await page.$("#application"), "the embedding example's form");
  assert(!(await page.$("#view-verify")), "not the main page");
  await page.fill('[name="host.id"]', "900515300128");
  await page.waitForSelector('[data-code="host.id.invalid"]');
  await page.context().setOffline(false);
  await page.context().close();
});

await runAndExit(tests, { browser, server });
