// Every exported function called with wrong types, huge and empty inputs, deep nesting and random
// bytes: each call returns or throws a JavaScript Error, never traps, and the module still
// verifies a valid certificate afterwards (no poisoned state).
import { test } from "node:test";
import assert from "node:assert/strict";
import tirkeu, { demo } from "./load.mjs";

function seededBytes(length, seed) {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function nested(depth, leaf) {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? { immigrant: value } : [value];
  return value;
}

const cyclic = {};
cyclic.self = cyclic;
const hostile = new Proxy({}, { get() { throw new Error("hostile getter"); }, ownKeys() { throw new Error("hostile keys"); } });

const garbage = [
  undefined, null, true, false, 0, -1, 1.5, NaN, Infinity, -0, 2 ** 53, "", " ", "x".repeat(5_000_000),
  "\u0000", "\ud800", "KZ1:", "KZ1:" + "A".repeat(4300), [], [[[]]], {}, { width: 1e9, height: 1e9 },
  { width: -1, height: 2, data: new Uint8Array(8) }, { width: 2.5, height: 2, data: new Uint8Array(20) },
  { width: 100000, height: 100000, data: new Uint8Array(16) }, { width: 0, height: 0, data: new Uint8Array(0) },
  Symbol("s"), () => 1, 10n, cyclic, hostile, nested(50, "leaf"), nested(3000, 1), new Date(0),
  seededBytes(1 << 20, 1), seededBytes(0, 2), seededBytes(3, 3), new ArrayBuffer(64), new Uint16Array(8),
  { immigrant: { surname: 1e308, birthDate: "0000-00-00" }, entry: { date: "9999-12-31" },
    previousStays: [{ entry: "0001-01-01", exit: "9999-12-31" }], stay: { from: -5, to: 2.5 } },
  { today: "2026-07-15", lang: "kk" }, { on: "9999-12-31" }, { issuedAt: -1e300 }, { effort: "max" },
];

const exported = Object.entries(tirkeu).filter(([name, value]) => typeof value === "function" && name !== "default" && name !== "initSync");

function survives(name, args) {
  try {
    tirkeu[name](...args);
  } catch (error) {
    assert.ok(error instanceof Error, `${name} threw a non-Error: ${String(error)}`);
    assert.doesNotMatch(error.message, /unreachable|RuntimeError/i, `${name} trapped`);
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `${name} trapped: ${error.message}`);
  }
}

test(`every one of ${exported.length} exports survives ${garbage.length} garbage values in each position`, () => {
  tirkeu.loadTrustList(demo.trustList, demo.root);
  tirkeu.loadStatusList(demo.statusList);
  for (const [name] of exported) {
    survives(name, []);
    for (const value of garbage) {
      survives(name, [value]);
      survives(name, [value, value]);
      survives(name, ["2026-07-15", value]);
      survives(name, [value, value, value]);
    }
  }
  const result = tirkeu.verifyCertificate(demo.certificate, { on: "2026-07-15" });
  assert.equal(result.status, "valid");
});

test("random QR texts and random list bytes never trap", () => {
  for (let seed = 0; seed < 300; seed++) {
    const bytes = seededBytes(1 + (seed * 37) % 900, seed);
    const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    const text = "KZ1:" + Array.from(bytes, (b) => alphabet[b % 45]).join("");
    assert.notEqual(tirkeu.verifyCertificate(text).status, "valid");
    survives("loadTrustList", [bytes, demo.root]);
    survives("loadStatusList", [bytes]);
    survives("scanImage", [{ width: 16, height: bytes.length >> 6, data: seededBytes(16 * (bytes.length >> 6) * 4, seed) }]);
  }
  assert.equal(tirkeu.verifyCertificate(demo.certificate, { on: "2026-07-15" }).status, "valid");
});
