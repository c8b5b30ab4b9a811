// The scanner benchmark: every frame of frames.mjs through zxing-wasm, zbar-wasm, jsQR and our
// scanImage (thorough and quick), in one Node process, taking turns on each frame. A frame counts
// as decoded only when a decoded text equals the certificate's text, and a misread (any other text)
// is counted apart. The frames without a code count in no decoded total: any text read there is a
// misread; their time has its own row, and the corpus total adds it to the frames with codes. Times are per call (the median of `repeats` calls on each frame), then the
// median and the total over the frames. Then the camera loop on full-HD frames: our FrameScanner
// on 1920x1080 against a quick scan of the same frames at 960x540.
//
// `node bench/scan.mjs [--seed N] [--repeats N]` prints the tables; bench/run.mjs uses runScan().
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { getInstance as zbarInstance, scanRGBABuffer } from "@undecaf/zbar-wasm";
import jsQR from "jsqr";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { CLASSES, DEFAULT_SEED, NO_CODE_CLASS, generateCameraFrames, generateFrames } from "./frames.mjs";
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
    const runs = list.map(() => ({ times: [], decoded: false, misread: false, error: null }));
    for (let round = 0; round < repeats; round++) {
      for (let turn = 0; turn < list.length; turn++) {
        const index = (turn + round + frameIndex) % list.length;
        const decoder = list[index];
        if (decoder.slow && round > 0) continue; // jsQR takes seconds on a failure: one call
        const run = runs[index];
        const started = performance.now();
        try {
          const texts = await decoder.decode(frame);
          run.decoded = frame.text !== null && texts.includes(frame.text);
          run.misread ||= texts.some((text) => text !== frame.text);
        } catch (caught) {
          run.error = String(caught?.message ?? caught);
        }
        run.times.push(performance.now() - started);
      }
    }
    runs.forEach((run, index) => perFrame[index].push({
      name: frame.name, className: frame.className, decoded: run.decoded, misread: run.misread, ms: median(run.times), error: run.error,
    }));
  }
  const results = [];
  for (const [index, decoder] of list.entries()) {
    const all = perFrame[index];
    const rows = all.filter((row) => row.className !== NO_CODE_CLASS);
    const empty = all.filter((row) => row.className === NO_CODE_CLASS);
    const perClass = Object.fromEntries(CLASSES.map((className) => {
      const inClass = rows.filter((row) => row.className === className);
      return [className, { decoded: inClass.filter((row) => row.decoded).length, total: inClass.length, medianMs: median(inClass.map((row) => row.ms)),
        totalMs: inClass.reduce((sum, row) => sum + row.ms, 0) }];
    }));
    const result = {
      name: decoder.name, key: decoder.key, ours: Boolean(decoder.ours),
      decoded: rows.filter((row) => row.decoded).length, total: rows.length,
      medianMs: median(rows.map((row) => row.ms)),
      totalMs: rows.reduce((sum, row) => sum + row.ms, 0),
      misread: all.filter((row) => row.misread).length,
      noCode: { total: empty.length, misread: empty.filter((row) => row.misread).length, medianMs: median(empty.map((row) => row.ms)),
        totalMs: empty.reduce((sum, row) => sum + row.ms, 0), worstMs: Math.max(0, ...empty.map((row) => row.ms)) },
      corpusTotalMs: all.reduce((sum, row) => sum + row.ms, 0),
      medianDecodedMs: median(rows.filter((row) => row.decoded).map((row) => row.ms)),
      medianFailedMs: median(rows.filter((row) => !row.decoded).map((row) => row.ms)),
      perClass, perFrame: all, download: await downloadSize(decoder.download),
    };
    log(`  ${result.name}: ${result.decoded}/${result.total}, median ${formatMs(result.medianMs)}`);
    results.push(result);
  }
  return results;
}


/**
 * The camera loop at a phone's full resolution: each code drawn into a 1920x1080 frame and the same
 * frame at 960x540 (2 x 2 means). Our FrameScanner as the page drives it: it names the part of the
 * frame it reads and the size (`view`), the page draws just that (here cut from the frame by the
 * nearest pixel, outside the timing, as the browser's canvas does it) and `scanView` scans it; as
 * a first frame (nothing carried over) and as the next frame of a loop that found the code. Then
 * the same with the whole frame passed to `scan` (every byte of it copied into the module), a
 * quick scanImage of the 960x540 frame (what the camera loop cost per frame before) and zxing-wasm
 * on both sizes.
 */
export async function runCamera({ tirkeu, frames, repeats = 3 }) {
  const zxingOptions = { tryHarder: false, formats: ["QRCode"], maxNumberOfSymbols: 1 };
  const keys = ["first", "next", "firstWhole", "nextWhole", "quick960", "zxing1080", "zxing960"];
  const rows = Object.fromEntries(keys.map((key) => [key, []]));
  const found = Object.fromEntries(keys.map((key) => [key, 0]));
  for (const frame of frames) {
    const half = halve(frame);
    const time = async (key, call, prepare = () => undefined) => {
      const times = [];
      let ok = false;
      for (let round = 0; round < repeats; round++) {
        const state = prepare();
        const started = performance.now();
        const texts = await call(state);
        times.push(performance.now() - started);
        ok = texts.includes(frame.text);
      }
      rows[key].push(median(times));
      found[key] += ok ? 1 : 0;
    };
    const texts = (codes) => codes.map((code) => code.text);
    // A scanner as the page drives it: the view asked for, its pixels drawn, then scanned.
    const page = (scanner) => {
      const view = scanner.view(frame.width, frame.height);
      return texts(scanner.scanView(viewPixels(frame, view)));
    };
    // The pixels are cut before the clock starts: the page's canvas draws them, not the module.
    const pending = [];
    const drawn = (scanner) => {
      const view = scanner.view(frame.width, frame.height);
      pending.push(viewPixels(frame, view));
      return scanner;
    };
    const primed = new tirkeu.FrameScanner();
    page(primed);
    await time("first", (scanner) => {
      try { return texts(scanner.scanView(pending.shift())); } finally { scanner.free(); }
    }, () => drawn(new tirkeu.FrameScanner()));
    await time("next", (scanner) => texts(scanner.scanView(pending.shift())), () => drawn(primed));
    primed.free();
    await time("firstWhole", () => {
      const scanner = new tirkeu.FrameScanner();
      try { return texts(scanner.scan(frame)); } finally { scanner.free(); }
    });
    const primedWhole = new tirkeu.FrameScanner();
    primedWhole.scan(frame);
    await time("nextWhole", () => texts(primedWhole.scan(frame)));
    primedWhole.free();
    await time("quick960", async () => tirkeu.scanImage(half, { effort: "quick" }));
    await time("zxing1080", async () => (await readBarcodes(frame, zxingOptions)).map((r) => r.text));
    await time("zxing960", async () => (await readBarcodes(half, zxingOptions)).map((r) => r.text));
  }
  return Object.fromEntries(keys.map((key) => [key, { found: found[key], total: frames.length, medianMs: median(rows[key]) }]));
}

/** The pixels of a FrameScanner's view of an RGBA frame, by the nearest pixel (a canvas's
 * `drawImage` with image smoothing off). */
function viewPixels({ width, data }, view) {
  const out = new Uint8ClampedArray(view.width * view.height * 4);
  const middle = (i, out, size, start) => start + Math.floor(Math.floor(((2 * i + 1) * size) / out) / 2);
  for (let y = 0; y < view.height; y++) {
    const sy = middle(y, view.height, view.sourceHeight, view.sourceTop);
    for (let x = 0; x < view.width; x++) {
      const at = (sy * width + middle(x, view.width, view.sourceWidth, view.sourceLeft)) * 4;
      out.set(data.subarray(at, at + 4), (y * view.width + x) * 4);
    }
  }
  return { width: view.width, height: view.height, data: out };
}

function halve({ width, height, data }) {
  const [w, h] = [width >> 1, height >> 1];
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        const at = (dy, dx) => data[((2 * y + dy) * width + 2 * x + dx) * 4 + c];
        out[(y * w + x) * 4 + c] = (at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1) + 2) >> 2;
      }
    }
  }
  return { width: w, height: h, data: out };
}

export function cameraTable(camera) {
  const row = (name, key) => [name, `${camera[key].found}/${camera[key].total}`, formatMs(camera[key].medianMs)];
  return table(["camera loop, 1920x1080 frames", "decoded", "median/frame"], [
    row("tirkeu FrameScanner 1920x1080, first frame (view: 960x540)", "first"),
    row("tirkeu FrameScanner 1920x1080, next frame (view: the region)", "next"),
    row("tirkeu FrameScanner 1920x1080 whole, first frame", "firstWhole"),
    row("tirkeu FrameScanner 1920x1080 whole, next frame", "nextWhole"),
    row("tirkeu scanImage quick 960x540 (the loop before)", "quick960"),
    row("zxing-wasm 1920x1080 (not try-harder)", "zxing1080"),
    row("zxing-wasm 960x540 (not try-harder)", "zxing960"),
  ]);
}

/** The per-decoder tables: decoded per class, median and total time, download; then the median and
 * the total time of each class; then the frames without a code and the whole corpus. */
export function scanTables(results) {
  const short = { clean: "clean", blur: "blur", noise: "noise", rotation: "rot.", perspective: "persp.", low_contrast: "low c.", glare: "glare", small: "small",
    curved: "curved", steep: "steep", low_pitch: "<3px", jpeg: "jpeg", uneven_light: "uneven", round: "round" };
  const counts = table(
    ["decoder", "decoded", "misread", ...CLASSES.map((c) => short[c]), "median/frame", "total", "decoded/failed median", "download (gzip)"],
    results.map((r) => [r.name, `${r.decoded}/${r.total}`, String(r.misread), ...CLASSES.map((c) => `${r.perClass[c].decoded}`),
      formatMs(r.medianMs), formatMs(r.totalMs), `${formatMs(r.medianDecodedMs)} / ${formatMs(r.medianFailedMs)}`,
      `${formatBytes(r.download.raw)} (${formatBytes(r.download.gzip)})${r.ours ? " whole module" : ""}`]),
  );
  const times = table(
    ["median ms per class", ...CLASSES.map((c) => short[c])],
    results.map((r) => [r.name, ...CLASSES.map((c) => r.perClass[c].medianMs.toFixed(1))]),
  );
  const totals = table(
    ["total ms per class", ...CLASSES.map((c) => short[c])],
    results.map((r) => [r.name, ...CLASSES.map((c) => r.perClass[c].totalMs.toFixed(1))]),
  );
  const empty = table(
    ["frames without a code", "misread", "median/frame", "worst", "total", "whole corpus total"],
    results.map((r) => [r.name, `${r.noCode.misread}/${r.noCode.total}`, formatMs(r.noCode.medianMs), formatMs(r.noCode.worstMs),
      formatMs(r.noCode.totalMs), formatMs(r.corpusTotalMs)]),
  );
  return `${counts}\n\n${times}\n\n${totals}\n\n${empty}`;
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
  if (!process.argv.includes("--skip-camera")) {
    const camera = await runCamera({ tirkeu, frames: await generateCameraFrames({ tirkeu }) });
    console.log(`\n${cameraTable(camera)}`);
  }
  if (process.argv.includes("--frames")) {
    for (const r of results) console.log(`${r.key}: ${r.perFrame.map((f) => `${f.name}${f.decoded ? "+" : "-"}${f.ms.toFixed(0)}${f.error ? `!${f.error}` : ""}`).join(" ")}`);
  }
}
