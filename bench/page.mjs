// The page: time from navigation to `document.documentElement.dataset.ready === "true"` (the
// module loaded and the lists installed) in headless Chromium on `tirkeu serve` (localhost), each
// load in a fresh browser context (empty cache, no service worker), median of `loads`.
//
// `node bench/page.mjs` prints the figure; needs the release binary and www/pkg.
import { launch, startServer } from "../tests/e2e/harness.mjs";
import { median } from "./common.mjs";

// Runs before the page's scripts: records performance.now() (ms since navigation start) when
// data-ready turns "true".
const RECORD_READY = () => {
  const observer = new MutationObserver(() => {
    if (document.documentElement?.dataset.ready === "true" && window.__readyAt === undefined) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  });
  // The init script runs before <html> exists: watch the whole document.
  observer.observe(document, { attributes: true, subtree: true, attributeFilter: ["data-ready"] });
};

export async function runPage({ loads = 10, log = () => {} } = {}) {
  const server = await startServer();
  const browser = await launch();
  const times = [];
  try {
    for (let load = 0; load < loads + 1; load++) {
      const context = await browser.newContext({ serviceWorkers: "block" });
      const page = await context.newPage();
      await page.addInitScript(RECORD_READY);
      await page.goto(`${server.url}/#verify`);
      await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 20_000 });
      const readyAt = await page.evaluate(() => window.__readyAt);
      if (load > 0) times.push(readyAt); // the first load warms the server's file cache
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const result = { loads: times.length, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
  log(`  page: data-ready after ${result.medianMs.toFixed(0)} ms (median of ${result.loads}, ${result.minMs.toFixed(0)}-${result.maxMs.toFixed(0)})`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runPage({ log: console.log });
}
