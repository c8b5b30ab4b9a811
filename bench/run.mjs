// `make bench`: everything in one Node process, then one report: the scanner against its peers
// per frame class, verification and rules in WebAssembly against native and JavaScript, sizes,
// the page's start, each with its target (✓/✗). Writes the figures to target/bench/results.json.
//
// Needs `make build` (www/pkg), the release binary (tirkeu serve) and the native bench
// (cargo build --release --example bench_native): scripts/bench.sh does all of it.
// Options: --seed N (frames), --repeats N (scanner calls per frame), --loads N (page loads),
// --skip-page.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { formatBytes, formatMs, loadDemo, loadTirkeu, rootPath, table } from "./common.mjs";
import { CLASSES, DEFAULT_SEED, generateCameraFrames, generateFrames } from "./frames.mjs";
import { runNative } from "./native.mjs";
import { runPage } from "./page.mjs";
import { runRules } from "./rules.mjs";
import { cameraTable, runCamera, runScan, scanTables } from "./scan.mjs";
import { SIZE_TARGETS, runSizes, sizeTables } from "./sizes.mjs";
import { runStatusScale, runVerify } from "./verify.mjs";

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const seed = Number(option("--seed", DEFAULT_SEED));
const log = (line) => console.error(line);
const mark = (ok) => (ok ? "✓" : "✗");
const ratio = (a, b) => `${(a / b).toFixed(1)}x`;

log(`bench: ${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}, Node ${process.version}, seed ${seed}`);
// The page first: its start is measured in a browser beside this process, and minutes of decoding
// and verifying before it (the frames, several decoders' heaps) made it slower and noisier.
const page = process.argv.includes("--skip-page") ? null : await runPage({ loads: Number(option("--loads", 15)), log });
const tirkeu = await loadTirkeu();
const demo = await loadDemo();
log("bench: generating the frames");
const frames = await generateFrames({ tirkeu, demo, seed });
log("bench: scanning");
const scan = await runScan({ tirkeu, frames, repeats: Number(option("--repeats", 3)), log });
log("bench: the camera loop on full-HD frames");
const camera = await runCamera({ tirkeu, frames: await generateCameraFrames({ tirkeu, demo, seed }) });
log("bench: rules and verification");
const rules = await runRules({ tirkeu, log });
const verify = await runVerify({ tirkeu, demo, log });
log("bench: a status list of a year of 20 million certificates");
const scale = await runStatusScale({ tirkeu, demo, log });
const native = await runNative({ verify, rules, demo, scale });
log("bench: sizes");
const sizes = await runSizes({ log });

// ----- Targets (the performance issue) --------------------------------------------------------
const zxing = scan.find((r) => r.key === "zxing");
const ours = scan.find((r) => r.key === "tirkeu_thorough");
const classesBehind = CLASSES.filter((c) => ours.perClass[c].decoded < zxing.perClass[c].decoded);
const scannerCode = sizes.twiggy.crates
  ? sizes.twiggy.crates.filter((c) => c.crate === "tirkeu_qr").reduce((sum, c) => sum + c.bytes, 0)
  : NaN;
const us = (ms) => ms * 1000;
const targets = [
  ["scanner: decodes >= zxing-wasm in every class", `${ours.decoded}/${ours.total} vs ${zxing.decoded}/${zxing.total}${classesBehind.length ? `; behind in ${classesBehind.join(", ")}` : ""}`, "every class", mark(classesBehind.length === 0)],
  ["scanner: median time/frame <= zxing-wasm", `${formatMs(ours.medianMs)} vs ${formatMs(zxing.medianMs)} (${ratio(ours.medianMs, zxing.medianMs)})`, "<= 1.0x", mark(ours.medianMs <= zxing.medianMs)],
  ["scanner: total time over the frames <= zxing-wasm", `${formatMs(ours.totalMs)} vs ${formatMs(zxing.totalMs)} (${ratio(ours.totalMs, zxing.totalMs)})`, "<= 1.0x", mark(ours.totalMs <= zxing.totalMs)],
  ["scanner: frames without a code, total <= zxing-wasm", `${formatMs(ours.noCode.totalMs)} vs ${formatMs(zxing.noCode.totalMs)} (${ratio(ours.noCode.totalMs, zxing.noCode.totalMs)})`, "<= 1.0x", mark(ours.noCode.totalMs <= zxing.noCode.totalMs)],
  ["scanner: whole corpus (with and without codes), total <= zxing-wasm", `${formatMs(ours.corpusTotalMs)} vs ${formatMs(zxing.corpusTotalMs)} (${ratio(ours.corpusTotalMs, zxing.corpusTotalMs)})`, "<= 1.0x", mark(ours.corpusTotalMs <= zxing.corpusTotalMs)],
  ["scanner: misreads (a text that is not the frame's)", `${scan.filter((r) => r.ours).map((r) => r.misread).join(" / ")} (thorough / quick)`, "0", mark(scan.filter((r) => r.ours).every((r) => r.misread === 0))],
  ["camera: 1920x1080 frame (first / next) <= 960x540 quick", `${formatMs(camera.first.medianMs)} / ${formatMs(camera.next.medianMs)} vs ${formatMs(camera.quick960.medianMs)}`, "<= 1.0x", mark(camera.first.medianMs <= camera.quick960.medianMs && camera.next.medianMs <= camera.quick960.medianMs)],
  ["scanner: code added to the module", `${formatBytes(scannerCode)} raw (tirkeu_qr function bodies, scanner and encoder, un-optimised; bounds the gzip size)`, "<= 60 KB gzip", mark(scannerCode <= 60 * 1024)],
  ["verify: whole certificate, wasm median", `${formatMs(verify.wasmVerifyMs)} (native ${formatMs(native.verifyCertificateUs / 1000)}, ${ratio(us(verify.wasmVerifyMs), native.verifyCertificateUs)})`, "<= 250 us", mark(us(verify.wasmVerifyMs) <= 250)],
  ["verify: noble pipeline / wasm", `${formatMs(verify.nobleVerifyMs)} / ${formatMs(verify.wasmVerifyMs)} = ${ratio(verify.nobleVerifyMs, verify.wasmVerifyMs)}`, ">= 5x", mark(verify.nobleVerifyMs / verify.wasmVerifyMs >= 5)],
  ["status list: a year of 20 million certificates, load in wasm", `${formatMs(scale.loadMs)} (worst of 15 ${formatMs(scale.loadMaxMs)}; ${formatBytes(scale.bytes)}, ${scale.revoked.toLocaleString("en")} revoked; a look-up natively ${native.statusListAtScale ? `${native.statusListAtScale.lookupNs.toFixed(0)} ns` : "-"})`, "< 100 ms", mark(scale.loadMs < 100)],
  ["rules: checkApplication, wasm median", `${formatMs(rules.wasmCheckMs)} (native ${formatMs(native.checkApplicationUs / 1000)}, ${ratio(us(rules.wasmCheckMs), native.checkApplicationUs)})`, "<= 50 us", mark(us(rules.wasmCheckMs) <= 50)],
  ["size: tirkeu/rules (a portal form), gzip -9", `${formatBytes(sizes.entries.rules.gzip)} (${formatBytes(sizes.entries.rules.raw)} raw)`, `<= ${formatBytes(SIZE_TARGETS.rules)}`, mark(sizes.entries.rules.gzip <= SIZE_TARGETS.rules)],
  ["size: tirkeu/verify (the verifier and scanner), gzip -9", `${formatBytes(sizes.entries.verify.gzip)} (${formatBytes(sizes.entries.verify.raw)} raw)`, `<= ${formatBytes(SIZE_TARGETS.verify)}`, mark(sizes.entries.verify.gzip <= SIZE_TARGETS.verify)],
  ["size: page at start (HTML, CSS, JS, the verifier's module), gzip -9", `${formatBytes(sizes.pageStart.gzip)} (${formatBytes(sizes.pageStart.raw)} raw); every view ${formatBytes(sizes.pageTotal.gzip)}`, `<= ${formatBytes(SIZE_TARGETS.pageStart)}`, mark(sizes.pageStart.gzip <= SIZE_TARGETS.pageStart)],
  ["page: navigation to data-ready, median", page ? `${page.medianMs.toFixed(0)} ms (${page.minMs.toFixed(0)}-${page.maxMs.toFixed(0)}, ${page.loads} loads)` : "skipped", "<= 300 ms", page ? mark(page.medianMs <= 300) : "-"],
];

const figures = table(["measure", "WebAssembly", "native", "wasm/native", "JavaScript (noble)", "JS/wasm"], [
  ["Ed25519 verify alone", "(no export)", formatMs(native.ed25519VerifyUs / 1000), "", formatMs(verify.nobleEd25519Ms), `${ratio(us(verify.nobleEd25519Ms), native.ed25519VerifyUs)} of native`],
  ["whole certificate (text -> result)", formatMs(verify.wasmVerifyMs), formatMs(native.verifyCertificateUs / 1000), ratio(us(verify.wasmVerifyMs), native.verifyCertificateUs), formatMs(verify.nobleVerifyMs), ratio(verify.nobleVerifyMs, verify.wasmVerifyMs)],
  [`batch of ${verify.certificates} certificates`, formatMs(verify.wasmBatchMs), formatMs(native.verifyBatchMs), ratio(verify.wasmBatchMs, native.verifyBatchMs), formatMs(verify.nobleBatchMs), ratio(verify.nobleBatchMs, verify.wasmBatchMs)],
  [`status list of ${scale.issued.toLocaleString("en")} certificates: load`, formatMs(scale.loadMs), native.statusListAtScale ? formatMs(native.statusListAtScale.loadMs) : "-", native.statusListAtScale ? ratio(scale.loadMs, native.statusListAtScale.loadMs) : "", "", ""],
  ["verify against that list", formatMs(scale.verifyMs), native.statusListAtScale ? `look-up ${native.statusListAtScale.lookupNs.toFixed(0)} ns` : "-", "", "", ""],
  [`checkApplication (${rules.count} applications)`, formatMs(rules.wasmCheckMs), formatMs(native.checkApplicationUs / 1000), ratio(us(rules.wasmCheckMs), native.checkApplicationUs), "", ""],
]);

console.log(`# tirkeu bench (seed ${seed}; ${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}; Node ${process.version})

## Scanner: ${ours.total} frames (${CLASSES.length} classes x 4; 1280x720 and 640x480; version 17-18, level Q; curved: 30-32) and ${ours.noCode.total} without a code

${scanTables(scan)}

${cameraTable(camera)}

## Verification and rules (native: release profile, JSON in and out as the binding does; the noble
## pipeline: Base45, node:zlib, a CBOR walk, noble verify with zip215: false, no claim checks)

${figures}

## Sizes

${sizeTables(sizes)}

## Targets

${table(["target", "measured", "target", ""], targets)}
`);

await mkdir(rootPath("target/bench"), { recursive: true });
const { forNative, ...verifyFigures } = verify;
const { forNative: scaleInputs, ...scaleFigures } = scale;
await writeFile(rootPath("target/bench/results.json"), `${JSON.stringify({
  seed, node: process.version, cpu: os.cpus()[0]?.model,
  scan: scan.map(({ perFrame, ...rest }) => ({ ...rest, perFrame: perFrame.map(({ name, decoded, ms }) => ({ name, decoded, ms })) })),
  camera,
  verify: verifyFigures, statusListAtScale: scaleFigures, rules: { count: rules.count, findings: rules.findings, wasmCheckMs: rules.wasmCheckMs },
  native, sizes, page, targets,
}, null, 1)}\n`);
log("bench: figures in target/bench/results.json");
