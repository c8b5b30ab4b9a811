// Sizes: the shipped .wasm (raw and gzip -9), the page's total (HTML, CSS, JS, wasm, each
// gzipped), and what each crate costs in the un-optimised module by `twiggy top` (function
// bodies grouped by the crate their name starts with; the .rodata data segment is shown as one
// row: twiggy cannot split it by crate; our own crate is split by module).
//
// `node bench/sizes.mjs` prints the tables.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { formatBytes, rootPath, table } from "./common.mjs";

export const SHIPPED_WASM = "www/pkg/tirkeu_bg.wasm";
export const NAMED_WASM = "target/wasm32-unknown-unknown/wasm-release/tirkeu.wasm";

async function fileSize(relative) {
  const bytes = await readFile(rootPath(relative));
  return { file: relative, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The files of the page: index.html, the CSS, every script of www/, the module and its glue. */
export async function pageFiles() {
  const www = await readdir(rootPath("www"));
  return ["www/index.html", ...www.filter((name) => name.endsWith(".css")).map((name) => `www/${name}`),
    ...www.filter((name) => name.endsWith(".js")).sort().map((name) => `www/${name}`),
    "www/pkg/tirkeu.js", SHIPPED_WASM];
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
export const ENTRIES = ["rules", "verify", "issue", "tirkeu"];

export async function runSizes({ log = () => {} } = {}) {
  const wasm = await fileSize(SHIPPED_WASM);
  const entries = Object.fromEntries(await Promise.all(ENTRIES.map(async (name) => [name, await fileSize(`www/pkg/${name}_bg.wasm`)])));
  const page = await Promise.all((await pageFiles()).map(fileSize));
  const pageTotal = page.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip }), { raw: 0, gzip: 0 });
  const twiggy = twiggyByCrate();
  log(`  sizes: ${ENTRIES.map((name) => `${name} ${formatBytes(entries[name].gzip)}`).join(", ")} gzipped, page ${formatBytes(pageTotal.gzip)} gzipped`);
  return { wasm, entries, page, pageTotal, twiggy };
}

export function sizeTables({ entries, page, pageTotal, twiggy }, top = 12) {
  const modules = table(["entry point's module", "raw", "gzip -9"],
    ENTRIES.map((name) => [name === "tirkeu" ? "tirkeu (everything)" : `tirkeu/${name}`, formatBytes(entries[name].raw), formatBytes(entries[name].gzip)]));
  const files = table(["page file", "raw", "gzip -9"], [...page.map((f) => [f.file, formatBytes(f.raw), formatBytes(f.gzip)]),
    ["total", formatBytes(pageTotal.raw), formatBytes(pageTotal.gzip)]]);
  const crates = twiggy.error ? twiggy.error : table([`twiggy: ${NAMED_WASM} (un-optimised, with names)`, "bytes", "share"],
    twiggy.crates.slice(0, top).map(({ crate, bytes }) => [crate, formatBytes(bytes), `${((100 * bytes) / twiggy.total).toFixed(1)}%`]));
  return `${modules}\n\n${files}\n\n${crates}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(sizeTables(await runSizes({ log: console.log }), 30));
}
