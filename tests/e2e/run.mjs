// End-to-end tests of the page in headless Chromium against `tirkeu serve` (spec: web.md,
// interfaces.md "Web page hooks"). Run: `node tests/e2e/run.mjs` after `make build` and
// `cargo build --release`. Takes the README's screenshots (into target/screenshots/, or SCREENSHOTS_DIR).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, assert, assertEqual, controlledByServiceWorker, launch, newPage, open, runAndExit, startServer } from "./harness.mjs";

// `make screenshots` writes the README's screenshots into docs/; a plain test run keeps its
// copies under target/ so that it leaves the work tree as it found it.
const SHOTS = process.env.SCREENSHOTS_DIR ?? join(ROOT, "target/screenshots");
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };
const work = mkdtempSync(join(tmpdir(), "tirkeu-e2e-"));
mkdirSync(SHOTS, { recursive: true });

const server = await startServer();
const browser = await launch();
const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const shared = {}; // results handed from one test to the next (the demo certificate, its files)

/** Screenshots at desktop and phone widths, each scrolled to the given element (null: the top). */
async function screenshot(page, name, { desktop = null, phone = null } = {}) {
  for (const [suffix, viewport, selector] of [["desktop", DESKTOP, desktop], ["phone", PHONE, phone]]) {
    await page.setViewportSize(viewport);
    await page.evaluate((sel) => (sel ? document.querySelector(sel).scrollIntoView({ block: "start" }) : window.scrollTo(0, 0)), selector);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SHOTS, `${name}-${suffix}.png`) });
  }
  await page.setViewportSize(DESKTOP);
}

function noProblems(page) {
  assert(page.problems.length === 0, `console errors: ${page.problems.join(" | ")}`);
}

/** Creates a demo certificate in the Demo view and returns its QR text. */
async function createDemo(page, surname) {
  await page.goto(`${server.url}/#demo`);
  await page.waitForSelector("html[data-ready=true]");
  if (surname) await page.fill("#rec-surname", surname);
  await page.click("#demo-create");
  await page.waitForSelector("#certificate .certificate");
  return page.inputValue("#demo-text");
}

async function downloadFrom(page, selector, path) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  await download.saveAs(path);
  return path;
}

// ---------------------------------------------------------------------------------------------

test("loads with no console error, sends the security headers, requests only its own origin", async () => {
  const page = await newPage(browser);
  const response = await open(page, server.url);
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  assert(csp.includes("script-src 'self' 'wasm-unsafe-eval'"), `CSP script-src: ${csp}`);
  assert(!csp.includes("unsafe-inline"), "CSP allows inline code");
  assert(/style-src 'self'/.test(csp), "CSP style-src");
  assert(headers["permissions-policy"]?.includes("camera=(self)"), "Permissions-Policy camera=(self)");
  assertEqual(headers["referrer-policy"], "no-referrer", "Referrer-Policy");
  assertEqual(headers["x-content-type-options"], "nosniff", "X-Content-Type-Options");
  // Media types of what the page loads.
  for (const [path, type] of [["app.js", "text/javascript"], ["style.css", "text/css"], ["pkg/verify_bg.wasm", "application/wasm"],
    ["sw.js", "text/javascript"], ["manifest.webmanifest", "application/manifest+json"]]) {
    const r = await page.request.get(`${server.url}/${path}`);
    assert(r.headers()["content-type"]?.startsWith(type), `${path} served as ${r.headers()["content-type"]}`);
  }
  await page.waitForTimeout(500);
  const origin = new URL(server.url).origin;
  const foreign = page.requests.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"));
  assertEqual(foreign.length, 0, `requests to other origins ${foreign.join(", ")}`);
  // Each file is fetched once: the preloads of index.html are the requests the scripts make.
  const counts = new Map();
  for (const url of page.requests) counts.set(url, (counts.get(url) ?? 0) + 1);
  const repeated = [...counts].filter(([, count]) => count > 1).map(([url]) => url);
  assertEqual(repeated.length, 0, `fetched more than once: ${repeated.join(", ")}`);
  // No inline script or style in the HTML (the CSP would block them anyway).
  const html = await (await page.request.get(`${server.url}/`)).text();
  assert(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), "inline <script>");
  assert(!/\sstyle=/i.test(html) && !/<style/i.test(html), "inline style");
  // Accessibility basics: every form control has a label.
  const unlabelled = await page.$$eval("input:not([type=hidden]), select, textarea", (controls) => controls
    .filter((c) => !c.closest("template") && !c.labels?.length && !c.getAttribute("aria-label") && !c.getAttribute("aria-labelledby"))
    .map((c) => c.id || c.name || c.outerHTML.slice(0, 60)));
  assertEqual(unlabelled.length, 0, `controls without a label: ${unlabelled.join(", ")}`);
  noProblems(page);
  await page.context().close();
});

test("index.html preloads the module and the files config.js names; start.js, a classic script, comes first", async () => {
  const config = await import(join(ROOT, "www/config.js"));
  const html = readFileSync(join(ROOT, "www/index.html"), "utf8");
  const preloads = [...html.matchAll(/<link rel="preload" href="([^"]+)"/g)].map((m) => m[1]).sort();
  const expected = ["pkg/verify_bg.wasm", config.TRUST_LIST_URL, config.STATUS_LIST_URL, config.DATA_BUNDLE_URL, config.DEMO_KEY_URL, config.DEMO_RECORD_URL].sort();
  assertEqual(preloads.join(","), expected.join(","), "preloaded files");
  // start.js starts the preloaded files and must run during the parse: a classic script in <head>.
  assert(html.includes('<script src="start.js"></script>'), "start.js as a classic script");
  assert(html.indexOf('src="start.js"') < html.indexOf('src="app.js"'), "start.js comes before app.js");
  assert(html.indexOf('src="start.js"') > html.lastIndexOf('rel="preload"'), "start.js comes after the preloads it reads");
});

test("every interface text exists in Kazakh, Russian and English, with the same placeholders", async () => {
  const { TABLES } = await import(join(ROOT, "www/i18n.js"));
  const keys = (lang) => Object.keys(TABLES[lang]).sort().join(",");
  assertEqual(keys("kk"), keys("en"), "kk keys");
  assertEqual(keys("ru"), keys("en"), "ru keys");
  const placeholders = (text) => [...text.matchAll(/\{\d\}/g)].map((m) => m[0]).sort().join("");
  for (const key of Object.keys(TABLES.en)) {
    for (const lang of ["kk", "ru"]) assertEqual(placeholders(TABLES[lang][key]), placeholders(TABLES.en[key]), `${lang} ${key} placeholders`);
  }
  const used = new Set([...readFileSync(join(ROOT, "www/index.html"), "utf8").matchAll(/data-i18n(?:-label)?="([^"]+)"/g)].map((m) => m[1]));
  for (const file of ["verify.js", "check.js", "issue.js", "app.js", "batch.js", "camera.js"]) {
    for (const m of readFileSync(join(ROOT, "www", file), "utf8").matchAll(/\bt\("([a-zA-Z.]+)"/g)) used.add(m[1]);
  }
  const missing = [...used].filter((key) => !(key in TABLES.en));
  assertEqual(missing.join(","), "", "texts used but not defined");
});

test("deploy/nginx.conf sends the same security headers as tirkeu serve", async () => {
  const conf = readFileSync(join(ROOT, "deploy/nginx.conf"), "utf8");
  const configured = new Map([...conf.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)].map((m) => [m[1].toLowerCase(), m[2]]));
  const response = await fetch(`${server.url}/`);
  const names = ["content-security-policy", "permissions-policy", "referrer-policy", "x-content-type-options",
    "cross-origin-opener-policy", "cross-origin-resource-policy", "x-frame-options"];
  for (const name of names) {
    assertEqual(configured.get(name), response.headers.get(name), `nginx ${name}`);
  }
});

test("check view: the sample shows its deadline; a wrong IIN is found beside its field and cleared when corrected", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "check");
  await page.fill("#check-today", "2026-07-15");
  await page.dispatchEvent("#check-today", "change");
  await page.click("#check-sample");
  await page.waitForSelector("#report[data-ok=true]");
  // The sample enters five days before the check date (2026-07-10). Order 923 p.3, spec rules.md
  // section 2: register by 2026-08-08 (the entry day is day 1); the Civil Code reading ends on
  // 2026-08-09, a Sunday, so on the next working day, 2026-08-10.
  assertEqual(await page.getAttribute('[data-card=deadline] [data-value=registerBy] time', "datetime"), "2026-08-08", "register by");
  assertEqual(await page.getAttribute('[data-card=deadline] [data-value=outerBound] time', "datetime"), "2026-08-10", "latest defensible date");
  assertEqual(await page.getAttribute("[data-card=deadline] [data-value=daysLeft]", "data-days"), "24", "days left");
  assert(await page.$("[data-card=stay] [data-value=lastAllowedDay] time"), "stay limit shown");
  await screenshot(page, "check", { phone: "#report" });

  // rules.md section 5: 900515300128 fails the check digit.
  await page.fill("#in-host-id", "900515300128");
  await page.waitForSelector('.field[data-path="host.id"] [data-code="host.id.invalid"]');
  await page.waitForSelector("#report[data-ok=false]");
  assertEqual(await page.getAttribute("#in-host-id", "aria-invalid"), "true", "aria-invalid on the IIN");
  assert(await page.$('#report-summary [data-code="host.id.invalid"]'), "the summary lists the finding");
  await page.fill("#in-host-id", "900515300127");
  await page.waitForSelector("#report[data-ok=true]");
  assert(!(await page.$('[data-code="host.id.invalid"]')), "the finding is cleared");

  // A blank required field, then an earlier stay added and removed, then a move.
  await page.fill("#in-immigrant-surname", "");
  await page.waitForSelector('.field[data-path="immigrant.surname"] [data-code="field.required"]');
  await page.fill("#in-immigrant-surname", "IVANOV");
  await page.waitForSelector("#report[data-ok=true]");
  await page.click("#stay-add");
  assertEqual(await page.locator("#stays > li").count(), 2, "two earlier stays");
  await page.locator("#stays > li").nth(1).locator(".stay-remove").click();
  assertEqual(await page.locator("#stays > li").count(), 1, "one earlier stay");
  await page.check("#in-moved");
  await page.fill("#in-addressChange-movedOn", "2026-07-13");
  // rules.md section 3: a move on Monday 2026-07-13 -> five working days from the next one:
  // re-register by Monday 2026-07-20.
  await page.waitForSelector('[data-card=rereg] [data-value=registerBy] time[datetime="2026-07-20"]');
  // Order 923, Rules p.3 and p.5: a move keeps the first-registration deadline (2026-08-08).
  assert(await page.$('[data-card=deadline] [data-value=registerBy] time[datetime="2026-08-08"]'), "the first deadline stands after a move");
  noProblems(page);
  await page.context().close();
});

test("embedding example: a portal form validates on input and on submit, findings beside their fields", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await page.goto(`${server.url}/embed/`);
  await page.waitForSelector("html[data-ready=true]");
  await page.fill('[name="host.id"]', "900515300128");
  await page.waitForSelector('[name="host.id"] + [data-code="host.id.invalid"]');
  await page.fill('[name="host.id"]', "900515300127");
  await page.waitForFunction(() => !document.querySelector('[data-code="host.id.invalid"]'));
  await page.click("button[type=submit]");
  await page.waitForSelector('[name="immigrant.surname"] + [data-code="field.required"]');
  assertEqual(await page.evaluate(() => document.activeElement?.getAttribute("aria-invalid")), "true", "focus on the first error");
  noProblems(page);
  await page.context().close();
});

test("demo certificate: created, its QR downloaded as SVG and PNG", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  shared.text = await createDemo(page);
  assert(shared.text.startsWith("KZ1:"), `QR text ${shared.text.slice(0, 20)}`);
  assert(await page.$("#certificate .certificate.is-demo"), "the certificate carries the DEMO mark");
  assert((await page.textContent("#certificate")).includes("Справка о регистрации"), "bilingual layout");
  const svg = readFileSync(await downloadFrom(page, "#demo-svg", join(work, "qr.svg")), "utf8");
  assert(/<svg[\s>]/.test(svg), "SVG download");
  shared.png = await downloadFrom(page, "#demo-png", join(work, "qr-1.png"));
  assert(readFileSync(shared.png).subarray(1, 4).toString() === "PNG", "PNG download");
  shared.matrix = await page.evaluate(async (text) => {
    const { qrMatrix } = await import("./pkg/issue.js"); // the demo view's module, loaded with it
    const m = qrMatrix(text);
    const get = (k) => (m instanceof Map ? m.get(k) : m[k]);
    return { size: get("size"), modules: Array.from(get("modules")) };
  }, shared.text);
  await screenshot(page, "demo", { desktop: "#demo-output", phone: "#certificate" });
  // Two more certificates for the batch test.
  shared.pngs = [shared.png];
  for (const [i, surname] of [[2, "PETROV"], [3, "SIDOROVA"]]) {
    await createDemo(page, surname);
    shared.pngs.push(await downloadFrom(page, "#demo-png", join(work, `qr-${i}.png`)));
  }
  noProblems(page);
  await page.context().close();
});

test("verify view: the uploaded PNG is valid; an altered text is not", async () => {
  assert(shared.png, "needs the demo certificate");
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  await page.setInputFiles("#verify-file", shared.png);
  await page.waitForSelector("#verdict[data-status=valid]", { timeout: 20_000 });
  assert(await page.isVisible("#verdict-demo"), "DEMO banner");
  assert(await page.$("#verdict .certificate"), "the record in the certificate layout");
  await screenshot(page, "verify", { phone: "#verdict" });

  // Change one character in the middle of the Base45 text.
  const i = Math.floor(shared.text.length / 2);
  const altered = shared.text.slice(0, i) + (shared.text[i] === "A" ? "B" : "A") + shared.text.slice(i + 1);
  await page.fill("#verify-text", altered);
  await page.click("#verify-submit");
  await page.waitForFunction(() => document.querySelectorAll("#batch tbody tr").length === 2);
  const status = await page.getAttribute("#verdict", "data-status");
  assert(status && status !== "valid", `altered text gave ${status}`);
  await page.fill("#verify-text", "https://example.com/not-a-certificate");
  await page.click("#verify-submit");
  await page.waitForSelector("#verdict[data-status=not_a_certificate]");
  noProblems(page);
  await page.context().close();
});

test("verify view: an image dropped on the drop zone and an image pasted are verified", async () => {
  assert(shared.png, "needs the demo certificate");
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  const base64 = readFileSync(shared.png).toString("base64");
  // Playwright cannot drag a file from outside the page or write an image to the clipboard, so
  // the test dispatches the events the browser would, carrying the PNG as a File.
  await page.evaluate((b64) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], "dropped.png", { type: "image/png" }));
    document.getElementById("dropzone").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, base64);
  await page.waitForSelector("#verdict[data-status=valid]", { timeout: 20_000 });
  assert(await page.isHidden("#batch-box"), "one certificate: no table yet");
  await page.evaluate((b64) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], "pasted.png", { type: "image/png" }));
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, base64);
  await page.waitForFunction(() => document.querySelectorAll("#batch tbody tr[data-status=valid]").length === 2, null, { timeout: 20_000 });
  await page.waitForSelector("#verdict[data-status=valid]", { timeout: 20_000 });
  noProblems(page);
  await page.context().close();
});

test("batch: three files give three rows, sortable, filterable, exported as CSV", async () => {
  assert(shared.pngs?.length === 3, "needs three demo certificates");
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  await page.setInputFiles("#verify-file", shared.pngs);
  await page.waitForFunction(() => document.querySelectorAll("#batch tbody tr[data-status]").length === 3, null, { timeout: 30_000 });
  assertEqual(await page.locator("#batch tbody tr[data-status=valid]").count(), 3, "three valid rows");
  assertEqual(await page.locator('#batch tbody tr[data-demo="true"]').count(), 3, "DEMO rows");
  await page.click('#batch th[data-sort=name] button');
  const names = await page.$$eval("#batch tbody tr td:nth-child(3)", (cells) => cells.map((c) => c.textContent));
  assertEqual(JSON.stringify(names), JSON.stringify([...names].sort((a, b) => a.localeCompare(b, "en"))), "sorted by name");
  assertEqual(await page.getAttribute("#batch th[data-sort=name]", "aria-sort"), "ascending", "aria-sort");
  await page.check("#batch-filter");
  assertEqual(await page.locator("#batch tbody tr").count(), 3, "DEMO counts as not valid");
  await page.uncheck("#batch-filter");
  const csv = readFileSync(await downloadFrom(page, "#batch-csv", join(work, "batch.csv")), "utf8");
  const lines = csv.trim().split(/\r\n/);
  assertEqual(lines.length, 4, "CSV header and three rows");
  const sampleSurname = JSON.parse(readFileSync(join(ROOT, "www/demo/record.json"), "utf8")).surname;
  for (const surname of [sampleSurname, "PETROV", "SIDOROVA"]) assert(csv.includes(surname), `CSV holds ${surname}`);
  assert(lines.slice(1).every((line) => line.includes('"valid"')), "CSV statuses");
  noProblems(page);
  await page.context().close();
});

test("without a trust list the page says so and verification reports it, without an exception", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await page.route("**/demo/trust-list.cose", (route) => route.fulfill({ status: 404, body: "" }));
  await open(page, server.url, "verify");
  assert(await page.isVisible("#boot.error"), "the missing list is reported");
  await page.fill("#verify-text", shared.text ?? "KZ1:00");
  await page.click("#verify-submit");
  await page.waitForSelector("#verdict[data-status=unavailable]");
  const uncaught = page.problems.filter((problem) => !problem.includes("404"));
  assertEqual(uncaught.length, 0, `problems ${uncaught.join(" | ")}`);
  await page.context().close();
});

test("camera: a fake capture device showing the certificate's QR code gives valid, then the camera stops", async () => {
  assert(shared.matrix, "needs the demo certificate");
  const video = join(work, "certificate.y4m");
  writeFileSync(video, y4mOfMatrix(shared.matrix, 640, 480, 3));
  const cameraBrowser = await launch(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-video-capture=${video}`]);
  try {
    const page = await newPage(cameraBrowser, { viewport: PHONE, permissions: ["camera"] });
    await open(page, server.url, "verify");
    await page.click("#camera-start");
    await page.waitForSelector("#verdict[data-status=valid]", { timeout: 30_000 });
    assert(await page.isHidden("#camera-box"), "the camera view is closed");
    assert(await page.evaluate(() => document.getElementById("camera-video").srcObject === null), "the stream is released");
    noProblems(page);
  } finally {
    await cameraBrowser.close();
  }
});

test("language switch: html[lang] and the verdict follow the choice, and it is remembered", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  await page.selectOption("#lang", "en");
  await page.fill("#verify-text", shared.text);
  await page.click("#verify-submit");
  await page.waitForSelector("#verdict[data-status=valid]");
  const verdictText = () => page.evaluate(() => ["#verdict .verdict-word", "#verdict .verdict-message"]
    .map((selector) => document.querySelector(selector).textContent).join(" "));
  const english = await verdictText();
  const englishTab = await page.textContent("#tab-check");
  for (const code of ["ru", "kk"]) {
    await page.selectOption("#lang", code);
    assertEqual(await page.getAttribute("html", "lang"), code, "html[lang]");
    const text = await verdictText();
    assert(text.trim() && text !== english, `${code} verdict text ${text}`);
    assert((await page.textContent("#tab-check")) !== englishTab, `${code} navigation`);
  }
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assertEqual(await page.getAttribute("html", "lang"), "kk", "remembered language");
  // Only the language and the issue times of the lists and the data bundle are stored.
  const stored = await page.evaluate(() => Object.keys(localStorage).sort());
  assertEqual(JSON.stringify(stored), JSON.stringify(["tirkeu.iat.data", "tirkeu.iat.status", "tirkeu.iat.trust", "tirkeu.lang"]), "localStorage keys");
  noProblems(page);
  await page.context().close();
});

test("screenshots in Kazakh and Russian: the verdict, the batch and the check view", async () => {
  assert(shared.pngs?.length === 3, "needs three demo certificates");
  for (const code of ["kk", "ru"]) {
    const page = await newPage(browser, { viewport: DESKTOP });
    await open(page, server.url, "verify");
    await page.selectOption("#lang", code);
    await page.setInputFiles("#verify-file", shared.png);
    await page.waitForSelector("#verdict[data-status=valid]", { timeout: 20_000 });
    await screenshot(page, `verify-${code}`, { desktop: "#verdict", phone: "#verdict" });
    const files = shared.pngs.map((path, i) => ({ name: `employee-${i + 1}.png`, mimeType: "image/png", buffer: readFileSync(path) }));
    await page.setInputFiles("#verify-file", [...files, { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") }]);
    await page.waitForSelector("#batch-summary [data-count-status=unsupported]", { timeout: 30_000 });
    await screenshot(page, `batch-${code}`, { desktop: "#batch-box", phone: "#batch-box" });
    await page.goto(`${server.url}/#check`);
    await page.click("#check-sample");
    await page.waitForSelector("#report[data-ok=true]");
    await screenshot(page, `check-${code}`, { phone: "#report" });
    noProblems(page);
    await page.context().close();
  }
});

test("offline: after the first visit, a reload with the server gone still verifies", async () => {
  const page = await newPage(browser, { viewport: DESKTOP });
  await open(page, server.url, "verify");
  await controlledByServiceWorker(page);
  await server.stop();
  const gone = await fetch(`${server.url}/`).then(() => false, () => true);
  assert(gone, "the server is down");
  await page.reload();
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  await page.fill("#verify-text", shared.text);
  await page.click("#verify-submit");
  await page.waitForSelector("#verdict[data-status=valid]");
  // The data bundle too comes from the stored copy (Source: www/demo/README.md, its version).
  const lists = await page.textContent("#lists");
  assert(lists.includes("2026-03-18.2-demo"), `the stored data bundle offline: ${lists}`);
  await page.context().close();
});

// ---------------------------------------------------------------------------------------------

/**
 * A YUV4MPEG2 video (4:2:0) of a QR matrix drawn black on white with a 4-module quiet zone,
 * centred in a width x height frame: Chromium's fake capture device plays it in a loop.
 */
function y4mOfMatrix({ size, modules }, width, height, frames) {
  const quiet = 4;
  const scale = Math.floor((Math.min(width, height) * 0.85) / (size + 2 * quiet));
  const side = (size + 2 * quiet) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules[y * size + x]) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (top + (y + quiet) * scale + dy) * width + left + (x + quiet) * scale;
        luma.fill(16, row, row + scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array(frames).fill(frame)]);
}

await runAndExit(tests, { browser, server });
