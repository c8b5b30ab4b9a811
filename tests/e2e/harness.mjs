// A small harness for the end-to-end tests: starts `tirkeu serve` on a free loopback port,
// launches Debian's Chromium through playwright-core, runs named tests in order and prints
// "N passed, N failed". No test framework: `node tests/e2e/run.mjs`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

/** The tirkeu binary: $TIRKEU, else the release build, else the debug build. */
export function tirkeuBinary() {
  const candidates = [process.env.TIRKEU, join(ROOT, "target/release/tirkeu"), join(ROOT, "target/debug/tirkeu")];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error("no tirkeu binary: run `cargo build --release --features cli` first (or set TIRKEU)");
  return found;
}

/** Starts `tirkeu serve --port P --root www` (P = 0: any free port) and resolves with its base URL. */
export function startServer(port = 0) {
  const child = spawn(tirkeuBinary(), ["serve", "--port", String(port), "--root", join(ROOT, "www")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`tirkeu serve did not start: ${output}`)), 15_000);
    const read = (chunk) => {
      output += chunk;
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({
          url: match[1],
          port: Number(match[1].split(":")[2]),
          stop: () => new Promise((done) => {
            // A child ended by a signal has a signalCode and no exitCode; either way it is gone.
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", done);
            child.kill("SIGTERM");
          }),
        });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => reject(new Error(`tirkeu serve exited (${code}): ${output}`)));
  });
}

export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

/** A page that records console errors, uncaught exceptions and every request it makes. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on("console", (message) => { if (message.type() === "error") page.problems.push(`console: ${message.text()}`); });
  page.on("pageerror", (error) => page.problems.push(`uncaught: ${error.message}`));
  page.on("request", (request) => page.requests.push(request.url()));
  return page;
}

/** Opens the page at a view and waits until the module is loaded and the lists are installed. */
export async function open(page, baseUrl, view = "verify") {
  const response = await page.goto(`${baseUrl}/#${view}`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  return response;
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/**
 * Runs the tests in order; a failure does not stop the others. `E2E_ONLY=text` runs only the tests
 * whose name contains that text (while working on one).
 */
export async function runTests(tests) {
  let passed = 0;
  let failed = 0;
  const only = process.env.E2E_ONLY;
  for (const { name, fn } of tests) {
    if (only && !name.includes(only)) continue;
    const started = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}\n     ${String(error?.stack ?? error).split("\n").slice(0, 4).join("\n     ")}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

/** Waits until the page's service worker controls it, reloading once if it does not yet. */
export async function controlledByServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 })
    .catch(async () => {
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    });
}

/** Runs the tests, then closes the browser and the server and exits with 1 if any failed. */
export async function runAndExit(tests, { browser, server }) {
  let failed = 1;
  try {
    failed = await runTests(tests);
  } finally {
    await browser.close();
    await server.stop();
  }
  process.exit(failed ? 1 : 0);
}
