// Sizes: the shipped .wasm (raw and gzip -9), the page as it loads (each file gzipped: what it
// fetches until it is ready, then what each view adds when first opened, and the total the service
// worker keeps), and what each crate costs in the un-optimised module by `twiggy top` (function
// bodies grouped by the crate their name starts with; the .rodata data segment is shown as one
// row: twiggy cannot split it by crate; our own crate is split by module).
//
// `node bench/sizes.mjs` prints the tables.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { posix } from "node:path";
import { gzipSync } from "node:zlib";
import { formatBytes, rootPath, table } from "./common.mjs";

export const SHIPPED_WASM = "www/pkg/tirkeu_bg.wasm";
// Cargo's target directory: CARGO_TARGET_DIR when set (absolute, or relative to the checkout).
export const NAMED_WASM = `${process.env.CARGO_TARGET_DIR || "target"}/wasm32-unknown-unknown/wasm-release/tirkeu.wasm`;

async function fileSize(relative) {
  const bytes = await readFile(rootPath(relative));
  return { file: relative, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** A script's imports (comments, where JSDoc names types by `import("...")`, left out). */
async function importsOf(file) {
  const code = (await readFile(rootPath(file), "utf8")).replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const resolve = (specifier) => posix.join(posix.dirname(file), specifier);
  return {
    static: [...code.matchAll(/^\s*(?:import|export)\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)].map((m) => resolve(m[1])),
    dynamic: [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => resolve(m[1])),
  };
}

/**
 * The files a set of scripts brings in: their static imports, recursively, and the WebAssembly
 * module of each of the package's entry points among them (`pkg/NAME.js` loads `pkg/NAME_bg.wasm`);
 * with the scripts they import dynamically (a view loaded when first opened).
 */
async function scriptsFrom(roots) {
  const files = new Set();
  const dynamic = new Set();
  const pending = [...roots];
  while (pending.length) {
    const file = pending.pop();
    if (files.has(file)) continue;
    files.add(file);
    const glue = /^www\/pkg\/([a-z-]+)\.js$/.exec(file);
    if (glue) files.add(`www/pkg/${glue[1]}_bg.wasm`);
    const imports = await importsOf(file);
    pending.push(...imports.static);
    for (const target of imports.dynamic) dynamic.add(target);
  }
  return { files, dynamic: [...dynamic].filter((file) => !files.has(file)) };
}

/**
 * The page as it loads. `start`: index.html, its style sheets and scripts (what they import,
 * with the module of the verifier), until the page is ready; `views`: what each script loaded
 * on first use adds (check.js with the rules' module, issue.js with the issuer's); `total`: all
 * of it and the service worker, which caches it all on the first visit.
 */
export async function pageLoad() {
  const html = await readFile(rootPath("www/index.html"), "utf8");
  const linked = [...html.matchAll(/<link rel="(?:stylesheet|modulepreload)" href="([^"]+)"|<script[^>]* src="([^"]+)"/g)]
    .map((m) => `www/${m[1] ?? m[2]}`);
  const start = await scriptsFrom(linked.filter((file) => file.endsWith(".js")));
  const startFiles = ["www/index.html", ...linked.filter((file) => file.endsWith(".css")), ...[...start.files].sort()];
  const views = [];
  const seen = new Set(startFiles);
  for (const root of start.dynamic.sort()) {
    const { files } = await scriptsFrom([root]);
    const added = [...files].filter((file) => !seen.has(file)).sort();
    for (const file of added) seen.add(file);
    if (added.length) views.push({ root, files: added });
  }
  const worker = "www/sw.js";
  return { start: startFiles, views, total: [...startFiles, ...views.flatMap((view) => view.files), worker] };
}

/** The files of the page, every view's included (see pageLoad). */
export async function pageFiles() {
  return (await pageLoad()).total;
}

/** The crate a twiggy item belongs to, from its (demangled) name. */
export function crateOf(name) {
  if (/^(data segment|custom section|"function names"|"local names"|type\[|elem\[|import |export |table\[|memory\[|global\[|code\[)/.test(name)) {
    return name.startsWith("data segment") ? "data (.rodata etc.)" : "wasm sections (types, names, custom)";
  }
  let rest = name.replace(/^(core(\[[0-9a-f]+\])?::ptr::drop_in_place::?<|<|&|mut |dyn |\*const |\*mut |\(|\[)+/, "");
  // `<f64 as zmij::Trait>::f`, `<D as digest::Digest>::f`: a type without a path takes the trait's crate.
  const implFor = /^([A-Za-z_][A-Za-z0-9_]*|\[[^\]]*\]) as (.*)$/.exec(rest);
  if (implFor) rest = implFor[2].replace(/^(<|&|dyn )+/, "");
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/.exec(rest);
  if (!match) return "(unattributed: shims, primitive impls)";
  const crate = match[1];
  if (crate === "tirkeu") return `tirkeu::${/^tirkeu(\[[0-9a-f]+\])?::([A-Za-z_0-9]+)/.exec(rest)?.[2] ?? ""}`;
  return ["core", "alloc", "std", "__rustc", "dlmalloc"].includes(crate) ? "std/core/alloc (incl. allocator)" : crate;
}

export function twiggyByCrate(path = rootPath(NAMED_WASM)) {
  if (!existsSync(path)) return { error: `no ${NAMED_WASM}: run make build` };
  let items;
  try {
    items = JSON.parse(execFileSync("twiggy", ["top", "-n", "1000000", "--format", "json", path], { encoding: "utf8", maxBuffer: 1 << 28 }));
  } catch (error) {
    return { error: `twiggy failed (cargo install twiggy): ${error.message.split("\n")[0]}` };
  }
  const total = items.reduce((sum, item) => sum + item.shallow_size, 0);
  const groups = new Map();
  for (const item of items) {
    const crate = crateOf(item.name);
    groups.set(crate, (groups.get(crate) ?? 0) + item.shallow_size);
  }
  return { total, crates: [...groups].map(([crate, bytes]) => ({ crate, bytes })).sort((a, b) => b.bytes - a.bytes) };
}

/** The package's entry points (scripts/build-wasm.sh), each its own module. */
export const ENTRIES = ["rules", "rules-data", "verify", "issue", "tirkeu"];

/**
 * The size targets, gzip -9 bytes: a portal form's module (`tirkeu/rules`), the verifier's (the
 * page's module at start) and the page at start. `make bench` marks each; tests/js/sizes.test.mjs
 * fails the tests on any over its target.
 */
export const SIZE_TARGETS = { rules: 70 * 1024, verify: 150 * 1024, pageStart: 220 * 1024 };

export async function runSizes({ log = () => {} } = {}) {
  const wasm = await fileSize(SHIPPED_WASM);
  const entries = Object.fromEntries(await Promise.all(ENTRIES.map(async (name) => [name, await fileSize(`www/pkg/${name}_bg.wasm`)])));
  const load = await pageLoad();
  const sizes = new Map((await Promise.all(load.total.map(fileSize))).map((size) => [size.file, size]));
  const sum = (files) => files.reduce((total, file) => ({ raw: total.raw + sizes.get(file).raw, gzip: total.gzip + sizes.get(file).gzip }), { raw: 0, gzip: 0 });
  const page = load.total.map((file) => sizes.get(file));
  const pageStart = sum(load.start);
  const pageViews = load.views.map((view) => ({ root: view.root, ...sum(view.files) }));
  const pageTotal = sum(load.total);
  const twiggy = twiggyByCrate();
  log(`  sizes: ${ENTRIES.map((name) => `${name} ${formatBytes(entries[name].gzip)}`).join(", ")} gzipped, page ${formatBytes(pageStart.gzip)} at start, ${formatBytes(pageTotal.gzip)} in all, gzipped`);
  return { wasm, entries, page, pageStart, pageViews, pageTotal, startFiles: load.start, twiggy };
}

export function sizeTables({ entries, page, pageStart, pageViews, pageTotal, startFiles, twiggy }, top = 12) {
  const modules = table(["entry point's module", "raw", "gzip -9"],
    ENTRIES.map((name) => [name === "tirkeu" ? "tirkeu (everything)" : `tirkeu/${name}`, formatBytes(entries[name].raw), formatBytes(entries[name].gzip)]));
  const files = table(["page file", "loaded", "raw", "gzip -9"], [
    ...page.map((f) => [f.file, startFiles.includes(f.file) ? "at start" : "later", formatBytes(f.raw), formatBytes(f.gzip)]),
    ["at start (until the page is ready)", "", formatBytes(pageStart.raw), formatBytes(pageStart.gzip)],
    ...pageViews.map((view) => [`+ ${view.root} when first opened`, "", formatBytes(view.raw), formatBytes(view.gzip)]),
    ["total (the service worker caches it all)", "", formatBytes(pageTotal.raw), formatBytes(pageTotal.gzip)]]);
  const crates = twiggy.error ? twiggy.error : table([`twiggy: ${NAMED_WASM} (un-optimised, with names)`, "bytes", "share"],
    twiggy.crates.slice(0, top).map(({ crate, bytes }) => [crate, formatBytes(bytes), `${((100 * bytes) / twiggy.total).toFixed(1)}%`]));
  return `${modules}\n\n${files}\n\n${crates}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(sizeTables(await runSizes({ log: console.log }), 30));
}
