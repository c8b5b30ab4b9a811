// The page loads each entry point's module when its view needs it, and the service worker's fixed
// list holds every file the page can load, so that each view also opens offline after a first
// visit. The files are found as the browser finds them: index.html's links and scripts, then
// their imports (bench/sizes.mjs, which also measures them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { pageLoad } from "../../bench/sizes.mjs";

const worker = await readFile(new URL("../../www/sw.js", import.meta.url), "utf8");
const cached = new Set([...worker.matchAll(/\["([^"]+)", "[a-z]+\/[a-z+.-]+"\]/g)].map((m) => `www/${m[1]}`));

test("the page starts with the verifier's module and loads the others with their views", async () => {
  const { start, views } = await pageLoad();
  assert.ok(start.includes("www/pkg/verify_bg.wasm"), start.join(" "));
  for (const later of ["www/pkg/rules-data_bg.wasm", "www/pkg/rules_bg.wasm", "www/pkg/issue_bg.wasm", "www/check.js", "www/issue.js", "www/pkg/tirkeu_bg.wasm"]) {
    assert.ok(!start.includes(later), `${later} is not loaded at start`);
  }
  const byRoot = Object.fromEntries(views.map((view) => [view.root, view.files]));
  assert.deepEqual(byRoot["www/check.js"], ["www/check.js", "www/pkg/rules-data.js", "www/pkg/rules-data_bg.wasm"]);
  assert.deepEqual(byRoot["www/issue.js"], ["www/issue.js", "www/pkg/issue.js", "www/pkg/issue_bg.wasm"]);
});

test("the service worker caches every file the page and the embedding example load", async () => {
  const { total } = await pageLoad();
  assert.ok(cached.size >= 20, `${cached.size} files read from sw.js`);
  const missing = total.filter((file) => file !== "www/sw.js" && !cached.has(file));
  assert.deepEqual(missing, [], "files the page loads that the service worker does not keep");
  const embed = await readFile(new URL("../../www/embed/embed.js", import.meta.url), "utf8");
  for (const [, module] of embed.matchAll(/^import [^;]+ from "\.\.\/pkg\/([a-z-]+)\.js";$/gm)) {
    assert.ok(cached.has(`www/pkg/${module}.js`) && cached.has(`www/pkg/${module}_bg.wasm`), `the embedding example's ${module} module`);
  }
});
