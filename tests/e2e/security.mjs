// The page's security tests (web.md, security; the hostile-input issue), in headless Chromium
// against `tirkeu serve`: `node tests/e2e/security.mjs` prints "N passed, N failed".
//
// - the Content-Security-Policy blocks an injected inline script and inline event handlers,
//   and form input is shown as text, never parsed as markup;
// - nothing personal is stored: localStorage holds only the language, sessionStorage, cookies
//   and IndexedDB are empty, and the caches hold only the application shell and the lists;
// - no request carries certificate or form data: every request is a same-origin GET of a file
//   of the page, whose URL and body hold none of what was typed or verified.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, assert, assertEqual, launch, newPage, open, runAndExit, startServer } from "./harness.mjs";

const server = await startServer();
const browser = await launch();
const tests = [];
const test = (name, fn) => tests.push({ name, fn });

const CERTIFICATE = readFileSync(join(ROOT, "www/demo/certificate.txt"), "utf8").trim();
const MARKER = "ZQXMARKERSURNAME";
const INJECTION = `<img src=x onerror="window.__xss=1">${MARKER}`;

/** The files the page may fetch or cache: its shell, the module, the lists and demo files. */
const ALLOWED_PATHS = new Set([
  "/", "/index.html", "/style.css", "/start.js", "/app.js", "/i18n.js", "/ui.js", "/config.js", "/lists.js", "/verify.js",
  "/camera.js", "/batch.js", "/check.js", "/issue.js", "/icon.svg", "/manifest.webmanifest", "/sw.js", "/pkg/verify.js",
  "/embed/", "/embed/index.html", "/embed/embed.js", "/embed/embed.css",
  "/pkg/verify_bg.wasm", "/pkg/rules.js", "/pkg/rules_bg.wasm", "/pkg/rules-data.js", "/pkg/rules-data_bg.wasm", "/pkg/issue.js", "/pkg/issue_bg.wasm", "/demo/trust-list.cose", "/demo/status-list.cose", "/demo/data-bundle.cose",
  "/demo/issuer.key.json", "/demo/record.json", "/favicon.ico",
]);

/** Uses the page the way a user does: checks an application with typed personal data and
 *  verifies a certificate by its text. */
async function useThePage(page) {
  await open(page, server.url, "check");
  await page.click("#check-sample");
  await page.waitForSelector("#report[data-ok]");
  await page.fill("#in-immigrant-surname", INJECTION);
  await page.fill("#in-host-id", "900515300127");
  await page.press("#in-host-id", "Tab");
  await page.waitForSelector("#report[data-ok=false]"); // the injected surname is a name.invalid
  await page.goto(`${server.url}/#verify`);
  await page.waitForSelector("html[data-ready=true]");
  await page.fill("#verify-text", CERTIFICATE);
  await page.click("#verify-submit");
  await page.waitForSelector("#verdict[data-status]");
  await page.fill("#verify-text", INJECTION);
  await page.click("#verify-submit");
  await page.waitForFunction(() => document.querySelectorAll("#batch tbody tr").length >= 2);
}

test("CSP: an injected inline script and inline event handlers do not run", async () => {
  const page = await newPage(browser);
  await open(page, server.url, "verify");
  const violations = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
    const script = document.createElement("script");
    script.textContent = "window.__injected = 1";
    document.body.append(script);
    const div = document.createElement("div");
    div.innerHTML = '<img src="data:," onload="window.__handler = 1"><a href="javascript:window.__link=1">x</a>';
    document.body.append(div);
    div.querySelector("a").click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { seen, injected: window.__injected, handler: window.__handler, link: window.__link };
  });
  assertEqual(violations.injected, undefined, "inline script ran");
  assertEqual(violations.handler, undefined, "inline handler ran");
  assertEqual(violations.link, undefined, "javascript: URL ran");
  assert(violations.seen.some((d) => d.startsWith("script-src")), `no script-src violation: ${violations.seen}`);
  await page.context().close();
});

test("CSP: the response carries the policy; no inline script or handler in the page itself", async () => {
  const response = await fetch(`${server.url}/`);
  const csp = response.headers.get("content-security-policy") ?? "";
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    assert(csp.includes(directive), `CSP lacks ${directive}: ${csp}`);
  }
  assert(!/script-src[^;]*'unsafe-inline'/.test(csp), "script-src allows unsafe-inline");
  const html = await response.text();
  assert(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), "an inline <script> in index.html");
  assert(!/\son[a-z]+\s*=/i.test(html), "an inline event handler in index.html");
});

test("typed and verified text is shown as text, never as markup", async () => {
  const page = await newPage(browser);
  await useThePage(page);
  const state = await page.evaluate(() => ({
    xss: window.__xss,
    images: [...document.querySelectorAll("img")].filter((img) => img.getAttribute("src") === "x").length,
  }));
  assertEqual(state.xss, undefined, "an injected handler ran");
  assertEqual(state.images, 0, "injected <img> elements in the DOM");
  await page.context().close();
});

test("storage: only the language and the issue times of the lists and the data bundle in localStorage; no cookies, sessionStorage or IndexedDB; caches hold only the shell and the signed files", async () => {
  const page = await newPage(browser);
  await useThePage(page);
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  await page.evaluate(() => navigator.serviceWorker?.ready);
  const stored = await page.evaluate(async () => {
    const local = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const session = Object.keys(sessionStorage);
    const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const body = response ? await response.clone().text() : "";
        cached.push({ url: request.url, method: request.method, body: body.slice(0, 200000) });
      }
    }
    return { local, session, databases, cached, cookie: document.cookie };
  });
  const localKeys = Object.keys(stored.local);
  assert(localKeys.every((k) => ["tirkeu.lang", "tirkeu.iat.trust", "tirkeu.iat.status", "tirkeu.iat.data"].includes(k)), `localStorage keys: ${localKeys}`);
  for (const [key, value] of Object.entries(stored.local)) {
    assert(key === "tirkeu.lang" ? ["kk", "ru", "en"].includes(value) : /^\d{1,12}$/.test(value), `localStorage ${key}: ${value}`);
  }
  assertEqual(stored.session.length, 0, "sessionStorage keys");
  assertEqual(stored.databases.length, 0, "IndexedDB databases");
  assertEqual(stored.cookie, "", "cookies");
  assert(stored.cached.length > 0, "the service worker cached nothing (is it registered?)");
  for (const entry of stored.cached) {
    const url = new URL(entry.url);
    assertEqual(url.origin, server.url, `cached origin of ${entry.url}`);
    assertEqual(url.search, "", `cached query of ${entry.url}`);
    assert(ALLOWED_PATHS.has(url.pathname), `cached ${url.pathname}: not the shell or a list`);
    assert(!entry.body.includes(MARKER), `${url.pathname} holds typed text`);
    if (!url.pathname.startsWith("/demo/")) {
      assert(!entry.body.includes(CERTIFICATE), `${url.pathname} holds the certificate text`);
    }
  }
  await page.context().close();
});

test("no request carries certificate or form data", async () => {
  const page = await newPage(browser);
  const requests = [];
  page.context().on("request", (request) => requests.push({
    url: request.url(), method: request.method(), body: request.postData() ?? "",
  }));
  await useThePage(page);
  // A certificate from a photo: the image is decoded in the page, never uploaded.
  await page.goto(`${server.url}/#verify`);
  await page.waitForSelector("html[data-ready=true]");
  assert(requests.length > 0, "no requests recorded");
  const secrets = [MARKER, CERTIFICATE, CERTIFICATE.slice(4, 40), encodeURIComponent(CERTIFICATE).slice(0, 40), "900515300127"];
  for (const { url, method, body } of requests) {
    const parsed = new URL(url);
    if (parsed.protocol === "data:" || parsed.protocol === "blob:") continue;
    assertEqual(parsed.origin, server.url, `request to another origin: ${url}`);
    assertEqual(method, "GET", `${method} ${url}`);
    assertEqual(body, "", `a body on ${url}`);
    assert(ALLOWED_PATHS.has(parsed.pathname), `request for ${parsed.pathname}: not a file of the page`);
    for (const secret of secrets) {
      assert(!decodeURIComponent(url).includes(secret) && !url.includes(secret), `${url} carries ${secret.slice(0, 16)}`);
    }
  }
  await page.context().close();
});

await runAndExit(tests, { browser, server });
