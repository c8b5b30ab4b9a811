// The scanner benchmark: every frame of frames.mjs through zxing-wasm, zbar-wasm, jsQR and our
// scanImage (thorough and quick), in one Node process, taking turns on each frame. A frame counts
// as decoded only when a decoded text equals the certificate's text. Times are per call (the
// median of `repeats` calls on each frame), then the median over the frames.
//
// `node bench/scan.mjs [--seed N] [--repeats N]` prints the tables; bench/run.mjs uses runScan().
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { getInstance as zbarInstance, scanRGBABuffer } from "@undecaf/zbar-wasm";
import jsQR from "jsqr";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { CLASSES, DEFAULT_SEED, generateFrames } from "./frames.mjs";
import { formatBytes, formatMs, loadTirkeu, median, rootPath, table } from "./common.mjs";

const packageFile = (path) => rootPath(`node_modules/${path}`);

/** The files a browser downloads to use each decoder (the reader-only zxing build). */
export const DOWNLOADS = {
  "zxing-wasm": ["zxing-wasm/dist/reader/zxing_reader.wasm", "zxing-wasm/dist/es/reader/index.js", "zxing-wasm/dist/es/share.js"],
  "zbar-wasm": ["@undecaf/zbar-wasm/dist/zbar.wasm", "@undecaf/zbar-wasm/dist/index.mjs"],
  jsqr: ["jsqr/dist/jsQR.js"],
};

export async function downloadSize(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(file.startsWith("/") ? file : packageFile(file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** The decoders, each `(frame) => Promise<string[]>` of the texts it read. */
export async function decoders(tirkeu) {
  // Both peers' .wasm files come inside their npm packages: nothing is fetched at run time.
  prepareZXingModule({
    overrides: { wasmBinary: (await readFile(packageFile("zxing-wasm/dist/reader/zxing_reader.wasm"))).buffer },
    fireImmediately: true,
  });
  await zbarInstance();
  const zxingOptions = { tryHarder: true, formats: ["QRCode"], maxNumberOfSymbols: 1 };
  const ours = [rootPath("www/pkg/tirkeu_bg.wasm"), rootPath("www/pkg/tirkeu.js")];
  return [
    { name: "zxing-wasm 3.1.4 (tryHarder)", key: "zxing", download: DOWNLOADS["zxing-wasm"],
      decode: async (frame) => (await readBarcodes(frame, zxingOptions)).map((result) => result.text) },
    { name: "@undecaf/zbar-wasm 0.11.0", key: "zbar", download: DOWNLOADS["zbar-wasm"],
      decode: async (frame) => (await scanRGBABuffer(frame.data.buffer, frame.width, frame.height)).map((symbol) => symbol.decode()) },
    { name: "jsqr 1.4.0", key: "jsqr", download: DOWNLOADS.jsqr, slow: true,
      decode: async (frame) => {
        const found = jsQR(frame.data, frame.width, frame.height);
        return found ? [found.data] : [];
      } },
    { name: "tirkeu scanImage thorough", key: "tirkeu_thorough", download: ours, ours: true,
      decode: async (frame) => tirkeu.scanImage(frame, { effort: "thorough" }) },
    { name: "tirkeu scanImage quick", key: "tirkeu_quick", download: ours, ours: true,
      decode: async (frame) => tirkeu.scanImage(frame, { effort: "quick" }) },
  ];
}

/**
 * Runs every decoder on every frame. Returns, per decoder, the decode count per class, the
 * median time per frame (overall, per class, decoded and failed frames apart) and the download.
 *
 * The decoders take turns on each frame, in an order that rotates from round to round and frame to
 * frame: the machine's load comes in phases, and a decoder run after another would meet a
 * different phase.
 */
export async function runScan({ tirkeu, frames, repeats = 3, log = () => {} } = {}) {
  tirkeu ??= await loadTirkeu();
  frames ??= await generateFrames({ tirkeu });
  const list = await decoders(tirkeu);
  for (const decoder of list) await decoder.decode(frames[0]); // warm-up: compilation and first allocations
  const perFrame = list.map(() => []);
  for (const [frameIndex, frame] of frames.entries()) {
    const runs = list.map(() => ({ times: [], decoded: false, error: null }));
    for (let round = 0; round < repeats; round++) {
      for (let turn = 0; turn < list.length; turn++) {
        const index = (turn + round + frameIndex) % list.length;
        const decoder = list[index];
        if (decoder.slow && round > 0) continue; // jsQR takes seconds on a failure: one call
        const run = runs[index];
        const started = performance.now();
        try {
          const texts = await decoder.decode(frame);
          run.decoded = texts.includes(frame.text);
        } catch (caught) {
          run.error = String(caught?.message ?? caught);
        }
        run.times.push(performance.now() - started);
      }
    }
    runs.forEach((run, index) => perFrame[index].push({
      name: frame.name, className: frame.className, decoded: run.decoded, ms: median(run.times), error: run.error,
    }));
  }
  const results = [];
  for (const [index, decoder] of list.entries()) {
    const rows = perFrame[index];
    const perClass = Object.fromEntries(CLASSES.map((className) => {
      const inClass = rows.filter((row) => row.className === className);
      return [className, { decoded: inClass.filter((row) => row.decoded).length, total: inClass.length, medianMs: median(inClass.map((row) => row.ms)) }];
    }));
    const result = {
      name: decoder.name, key: decoder.key, ours: Boolean(decoder.ours),
      decoded: rows.filter((row) => row.decoded).length, total: rows.length,
      medianMs: median(rows.map((row) => row.ms)),
      medianDecodedMs: median(rows.filter((row) => row.decoded).map((row) => row.ms)),
      medianFailedMs: median(rows.filter((row) => !row.decoded).map((row) => row.ms)),
      perClass, perFrame: rows, download: await downloadSize(decoder.download),
    };
    log(`  ${result.name}: ${result.decoded}/${result.total}, median ${formatMs(result.medianMs)}`);
    results.push(result);
  }
  return results;
}


/** The per-decoder table: decoded, per class, median time, download. */
export function scanTables(results) {
  const short = { clean: "clean", blur: "blur", noise: "noise", rotation: "rot.", perspective: "persp.", low_contrast: "low c.", glare: "glare", small: "small" };
  const counts = table(
    ["decoder", "decoded", ...CLASSES.map((c) => short[c]), "median/frame", "decoded/failed median", "download (gzip)"],
    results.map((r) => [r.name, `${r.decoded}/${r.total}`, ...CLASSES.map((c) => `${r.perClass[c].decoded}/${r.perClass[c].total}`),
      formatMs(r.medianMs), `${formatMs(r.medianDecodedMs)} / ${formatMs(r.medianFailedMs)}`,
      `${formatBytes(r.download.raw)} (${formatBytes(r.download.gzip)})${r.ours ? " whole module" : ""}`]),
  );
  const times = table(
    ["median ms per class", ...CLASSES.map((c) => short[c])],
    results.map((r) => [r.name, ...CLASSES.map((c) => r.perClass[c].medianMs.toFixed(1))]),
  );
  return `${counts}\n\n${times}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const tirkeu = await loadTirkeu();
  const frames = await generateFrames({ tirkeu, seed: Number(option("--seed", DEFAULT_SEED)) });
  const results = await runScan({ tirkeu, frames, repeats: Number(option("--repeats", 3)), log: console.log });
  console.log(`\n${scanTables(results)}`);
  if (process.argv.includes("--frames")) {
    for (const r of results) console.log(`${r.key}: ${r.perFrame.map((f) => `${f.name}${f.decoded ? "+" : "-"}${f.ms.toFixed(0)}${f.error ? `!${f.error}` : ""}`).join(" ")}`);
  }
}
