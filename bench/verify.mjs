// Certificate verification: our verifyCertificate in WebAssembly against a JavaScript pipeline
// built on @noble/ed25519 (strict RFC 8032, `zip215: false`) in the same process, and Ed25519
// alone in noble. The native figures come from examples/bench_native.rs (bench/native.mjs).
//
// The JavaScript pipeline does less than our verifier: Base45, zlib (node:zlib, native code),
// a CBOR walk to the protected header, payload and signature, the kid looked up in a map of
// trusted keys, and noble's verify. It neither validates the claims and the record nor checks
// the status list and key validity, so it is a lower bound for a JavaScript verifier.
//
// `node bench/verify.mjs` prints the figures.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { inflateSync } from "node:zlib";
import * as ed from "@noble/ed25519";
import { drawRecord } from "./frames.mjs";
import { formatBytes, formatMs, loadDemo, loadTirkeu, median, rootPath, seededRandom, table, timeMedian } from "./common.mjs";

ed.hashes.sha512 = (message) => new Uint8Array(createHash("sha512").update(message).digest());

export const VERIFY_ON = "2026-08-01";
/** 2026-08-01 12:00 in Kazakhstan (UTC+5), for the native side's clock. */
export const NOW_UNIX_SECONDS = 1_785_567_600;
export const BATCH_SIZE = 1000;

/** `count` distinct certificates issued by the DEMO issuer, all valid on VERIFY_ON. */
export function issueCertificates(tirkeu, demo, count = BATCH_SIZE, seed = 45) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    tirkeu.issueCertificate(drawRecord(random, i), demo.issuer.secretKey, { issuedAt: 1_782_882_000 + i }));
}

// ----- The JavaScript pipeline ------------------------------------------------------------

const BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const BASE45_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE45.length; i++) BASE45_VALUE[BASE45.charCodeAt(i)] = i;

function base45Decode(text) {
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  const value = (i) => {
    const code = text.charCodeAt(i);
    const v = code < 128 ? BASE45_VALUE[code] : -1;
    if (v < 0) throw new Error("base45: bad character");
    return v;
  };
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = value(i) + value(i + 1) * 45 + value(i + 2) * 2025;
      if (n > 0xffff) throw new Error("base45: triple out of range");
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else if (i + 1 < text.length) {
      const n = value(i) + value(i + 1) * 45;
      if (n > 0xff) throw new Error("base45: pair out of range");
      out[o++] = n;
    } else {
      throw new Error("base45: dangling character");
    }
  }
  return out;
}

/** A minimal CBOR reader: heads, byte strings, and skipping whole items. */
class Cbor {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }
  head() {
    const initial = this.bytes[this.at++];
    if (initial === undefined) throw new Error("cbor: truncated");
    const major = initial >> 5;
    const info = initial & 31;
    let argument = info;
    if (info === 24) argument = this.bytes[this.at++];
    else if (info === 25) argument = (this.bytes[this.at++] << 8) | this.bytes[this.at++];
    else if (info === 26) argument = this.bytes[this.at++] * 2 ** 24 + ((this.bytes[this.at++] << 16) | (this.bytes[this.at++] << 8) | this.bytes[this.at++]);
    else if (info > 26) throw new Error("cbor: unsupported head");
    return { major, argument };
  }
  byteString() {
    const { major, argument } = this.head();
    if (major !== 2) throw new Error("cbor: expected a byte string");
    const start = this.at;
    this.at += argument;
    if (this.at > this.bytes.length) throw new Error("cbor: truncated");
    return this.bytes.subarray(start, this.at);
  }
  skip() {
    const { major, argument } = this.head();
    if (major === 2 || major === 3) this.at += argument;
    else if (major === 4) for (let i = 0; i < argument; i++) this.skip();
    else if (major === 5) for (let i = 0; i < 2 * argument; i++) this.skip();
    else if (major === 6) this.skip();
  }
}

function cborByteStringHead(length) {
  if (length < 24) return [0x40 | length];
  if (length < 256) return [0x58, length];
  if (length < 65536) return [0x59, length >> 8, length & 0xff];
  return [0x5a, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];
}

const SIGNATURE1 = [0x6a, ...new TextEncoder().encode("Signature1")];

/** COSE Sig_structure ["Signature1", protected, h'', payload] (RFC 9052 section 4.4). */
export function sigStructure(protectedBytes, payload) {
  const parts = [[0x84, ...SIGNATURE1], cborByteStringHead(protectedBytes.length), protectedBytes, [0x40], cborByteStringHead(payload.length), payload];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** QR text -> { kid, message (the Sig_structure), signature, payload }. */
export function openCertificate(text) {
  if (!text.startsWith("KZ1:")) throw new Error("not a certificate");
  const cose = new Cbor(inflateSync(base45Decode(text.slice(4))));
  let { major, argument } = cose.head();
  if (major === 6 && argument === 18) ({ major, argument } = cose.head());
  if (major !== 4 || argument !== 4) throw new Error("cose: not a COSE_Sign1");
  const protectedBytes = cose.byteString();
  cose.skip(); // unprotected header
  const payload = cose.byteString();
  const signature = cose.byteString();
  // The protected header {1: alg, 4: kid}: find the kid.
  const header = new Cbor(protectedBytes);
  const map = header.head();
  let kid = null;
  for (let i = 0; i < map.argument; i++) {
    const key = header.head();
    if (key.major === 0 && key.argument === 4) kid = header.byteString();
    else header.skip();
  }
  return { kid, message: sigStructure(protectedBytes, payload), signature, payload };
}

const toHex = (bytes) => Buffer.from(bytes).toString("hex");

/** The JavaScript pipeline: true when a trusted key with the certificate's kid verifies it. */
export function makeNobleVerifier(trustedKeys) {
  const byKid = new Map(trustedKeys.map(({ kid, publicKey }) => [kid, Uint8Array.from(Buffer.from(publicKey, "hex"))]));
  return (text) => {
    const { kid, message, signature } = openCertificate(text);
    const key = kid && byKid.get(toHex(kid));
    return Boolean(key) && ed.verify(signature, message, key, { zip215: false });
  };
}

// ----- The benchmark ------------------------------------------------------------------------

export async function runVerify({ tirkeu, demo, log = () => {} } = {}) {
  tirkeu ??= await loadTirkeu();
  demo ??= await loadDemo();
  // The clock is the native side's too, so that both judge the lists alike.
  const verifier = new tirkeu.Verifier(demo.rootPublicKey);
  const trust = verifier.loadTrustList(demo.trustList, { now: NOW_UNIX_SECONDS });
  verifier.loadStatusList(demo.statusList, { now: NOW_UNIX_SECONDS });
  const certificates = issueCertificates(tirkeu, demo);
  const options = { on: VERIFY_ON, lang: "ru", now: NOW_UNIX_SECONDS };
  const nobleVerify = makeNobleVerifier(trust.keys);

  // Both sides must accept every certificate and refuse a tampered one before they are timed.
  for (const text of certificates) {
    const status = verifier.verify(text, options).status;
    if (status !== "valid") throw new Error(`verifyCertificate: ${status} for ${text.slice(0, 40)}...`);
    if (!nobleVerify(text)) throw new Error("the noble pipeline refused a valid certificate");
  }
  const opened = openCertificate(certificates[0]);
  const forged = Uint8Array.from(opened.signature);
  forged[5] ^= 1;
  if (ed.verify(forged, opened.message, Buffer.from(trust.keys[0].publicKey, "hex"), { zip215: false })) {
    throw new Error("noble accepted a forged signature");
  }

  const pick = (i) => certificates[i % certificates.length];
  const wasmMs = timeMedian((i) => verifier.verify(pick(i), options), { batch: 50 });
  const nobleMs = timeMedian((i) => nobleVerify(pick(i)), { batch: 20 });
  const signed = certificates.slice(0, 64).map((text) => ({ ...openCertificate(text), key: Buffer.from(trust.keys[0].publicKey, "hex") }));
  const ed25519Ms = timeMedian((i) => {
    const { signature, message, key } = signed[i % signed.length];
    return ed.verify(signature, message, key, { zip215: false });
  }, { batch: 20 });
  const batch = (verify) => {
    const rounds = [];
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      for (const text of certificates) verify(text);
      rounds.push(performance.now() - started);
    }
    return median(rounds);
  };
  const wasmBatchMs = batch((text) => verifier.verify(text, options));
  const nobleBatchMs = batch(nobleVerify);
  const result = {
    certificates: certificates.length,
    wasmVerifyMs: wasmMs, nobleVerifyMs: nobleMs, nobleEd25519Ms: ed25519Ms,
    wasmBatchMs, nobleBatchMs,
    // For the native side: the same certificates and the same signed messages.
    forNative: {
      certificates,
      ed25519: signed.map(({ message, signature }) => ({ publicKey: trust.keys[0].publicKey, message: toHex(message), signature: toHex(signature) })),
    },
  };
  log(`  verify: wasm ${formatMs(wasmMs)}, noble pipeline ${formatMs(nobleMs)}, noble Ed25519 ${formatMs(ed25519Ms)}`);
  return result;
}

// ----- A status list at scale ---------------------------------------------------------------

/** A year of 20 million certificates, 1% of them revoked (deregistered, re-registered, withdrawn). */
export const SCALE = { year: 2026, issued: 20_000_000, revokedShare: 0.01 };
const TIRKEU_BINARY = rootPath("target/release/tirkeu");

/**
 * Builds the status list of SCALE with the command line (the DEMO status key signs it), then
 * measures its size, the time to load it into a Verifier of the module (a fresh one each round:
 * the signature, the inflation of the year's 2.5 MB of bits and their checks), and a
 * verification against it. The native look-up is timed by examples/bench_native.rs.
 */
export async function runStatusScale({ tirkeu, demo, log = () => {} } = {}) {
  tirkeu ??= await loadTirkeu();
  demo ??= await loadDemo();
  if (!existsSync(TIRKEU_BINARY)) throw new Error("no release binary: run `cargo build --release --bin tirkeu`");
  const random = seededRandom(27);
  const revoked = new Set();
  const count = Math.round(SCALE.issued * SCALE.revokedShare);
  while (revoked.size < count) revoked.add(Math.floor(random.next() * SCALE.issued));
  const iat = Math.floor(Date.now() / 1000) - 60;
  await mkdir(rootPath("target/bench"), { recursive: true });
  const spec = rootPath("target/bench/scale-revoked.json");
  const out = rootPath("target/bench/scale-status.cose");
  await writeFile(spec, JSON.stringify({
    iat, next: iat + 86_400, issued: { [SCALE.year]: SCALE.issued - 1 },
    revoked: [...revoked].map((sequence) => `${SCALE.year}-${String(sequence).padStart(9, "0")}`),
  }));
  let started = performance.now();
  execFileSync(TIRKEU_BINARY, ["status-list", "--key", rootPath("www/demo/status.key.json"), "--out", out, spec], { stdio: "ignore" });
  const buildMs = performance.now() - started;
  const bytes = await readFile(out);

  const loads = [];
  for (let round = 0; round < 15; round++) {
    const verifier = new tirkeu.Verifier(demo.rootPublicKey);
    verifier.loadTrustList(demo.trustList);
    started = performance.now();
    const summary = verifier.loadStatusList(bytes);
    loads.push(performance.now() - started);
    if (summary.lists[0].size !== SCALE.issued || summary.lists[0].revoked !== count) throw new Error("the scale list reads back wrong");
    verifier.free();
  }
  const verifier = new tirkeu.Verifier(demo.rootPublicKey);
  verifier.loadTrustList(demo.trustList);
  verifier.loadStatusList(bytes);
  // Certificates of the year the list covers, some of them revoked.
  const drawn = seededRandom(46);
  const numbers = [...revoked].slice(0, 16).concat(Array.from({ length: 48 }, () => Math.floor(drawn.next() * SCALE.issued)));
  const texts = numbers.map((sequence, i) => tirkeu.issueCertificate(
    { ...drawRecord(drawn, i), applicationNumber: `${SCALE.year}-${String(sequence).padStart(9, "0")}` },
    demo.issuer.secretKey, { issuedAt: 1_782_882_000 + i }));
  const options = { on: VERIFY_ON };
  for (const text of texts) {
    const status = verifier.verify(text, options).status;
    if (status !== "valid" && status !== "revoked") throw new Error(`scale list: ${status}`);
  }
  const verifyMs = timeMedian((i) => verifier.verify(texts[i % texts.length], options), { batch: 20 });
  verifier.free();
  const result = {
    issued: SCALE.issued, revoked: count, bytes: bytes.length, bitsBytes: Math.ceil(SCALE.issued / 8),
    buildMs, loadMs: median(loads), loadMaxMs: Math.max(...loads), verifyMs,
    forNative: { statusList: out, numbers: [...revoked].slice(0, 500).concat(Array.from({ length: 500 }, () => Math.floor(random.next() * SCALE.issued))).map((s) => `${SCALE.year}-${String(s).padStart(9, "0")}`) },
  };
  log(`  status list at scale: ${formatBytes(result.bytes)}, load ${formatMs(result.loadMs)} (wasm), verify against it ${formatMs(verifyMs)}`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes("--scale")) {
  const r = await runStatusScale({ log: console.log });
  console.log(table(["status list of a year", "size", "built (CLI)", "load (wasm, median of 15)", "worst load", "verify against it (wasm)"], [
    [`${r.issued.toLocaleString("en")} certificates, ${r.revoked.toLocaleString("en")} revoked`, `${formatBytes(r.bytes)} (bits ${formatBytes(r.bitsBytes)})`,
      formatMs(r.buildMs), formatMs(r.loadMs), formatMs(r.loadMaxMs), formatMs(r.verifyMs)],
  ]));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runVerify({ log: console.log });
  console.log(table(["", "median", `batch of ${r.certificates}`], [
    ["verifyCertificate (wasm)", formatMs(r.wasmVerifyMs), formatMs(r.wasmBatchMs)],
    ["noble pipeline (JS)", formatMs(r.nobleVerifyMs), formatMs(r.nobleBatchMs)],
    ["noble Ed25519 verify alone", formatMs(r.nobleEd25519Ms), ""],
  ]));
}
