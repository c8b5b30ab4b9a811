// Shared by the benchmark scripts: the built npm package (www/pkg, as `make build` writes it), the
// DEMO lists and keys, a seeded random generator, medians and a table printer.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const rootPath = (relative) => resolve(ROOT, relative);

/** Loads www/pkg the way a Node user does: the web target's init() given the module's bytes. */
export async function loadTirkeu() {
  const tirkeu = await import(rootPath("www/pkg/tirkeu.js"));
  await tirkeu.default({ module_or_path: await readFile(rootPath("www/pkg/tirkeu_bg.wasm")) });
  return tirkeu;
}

/** The DEMO files of www/demo (published on purpose; see www/demo/README.md). */
export async function loadDemo() {
  const json = async (name) => JSON.parse(await readFile(rootPath(`www/demo/${name}`), "utf8"));
  return {
    rootPublicKey: (await json("root.pub.json")).publicKey,
    issuer: await json("issuer.key.json"),
    trustList: await readFile(rootPath("www/demo/trust-list.cose")),
    statusList: await readFile(rootPath("www/demo/status-list.cose")),
    record: await json("record.json"),
  };
}

/** mulberry32: a small seeded generator, so that every run measures the same inputs. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare = null;
  return {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    integer: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    /** A standard normal deviate (Box-Muller, the second value kept for the next call). */
    gaussian() {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      const u = Math.max(next(), 1e-12);
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
  };
}

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Median time of `fn` in milliseconds: a warm-up, then rounds of `batch` calls each, until both
 * `minRounds` rounds and `minMillis` have passed. Batches keep the clock's resolution out of
 * sub-microsecond figures. Two seconds by default: on a shared machine a figure taken over a
 * third of a second moved by half (37 to 58 us for checkApplication) with the load of the moment.
 */
export function timeMedian(fn, { batch = 1, minRounds = 15, minMillis = 2000, warmup = 3 } = {}) {
  for (let i = 0; i < warmup * batch; i++) fn(i);
  const rounds = [];
  const started = performance.now();
  let call = 0;
  while (rounds.length < minRounds || performance.now() - started < minMillis) {
    const begin = performance.now();
    for (let i = 0; i < batch; i++) fn(call++);
    rounds.push((performance.now() - begin) / batch);
    if (rounds.length > 100_000) break;
  }
  return median(rounds);
}

/** Formats milliseconds with a unit that keeps three significant digits. */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return "-";
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} us`;
  if (ms < 1000) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}

export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return "-";
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** A Markdown table, padded so that it reads in a terminal too. */
export function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? "")].length)));
  const line = (row) => `| ${row.map((cell, column) => cell + " ".repeat(widths[column] - [...cell].length)).join(" | ")} |`;
  return [line(all[0]), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...all.slice(1).map(line)].join("\n");
}
