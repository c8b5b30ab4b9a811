// WebAssembly half of the parity test: the corpus written by `cargo test --test parity_corpus`
// (native answers included) is answered again by the npm package, and the JSON must be identical.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import tirkeu from "./load.mjs";

const corpusPath = process.env.PARITY_CORPUS ?? new URL("../../target/tmp/parity-corpus.json", import.meta.url);
const corpus = JSON.parse(await readFile(corpusPath, "utf8"));
const hex = (text) => Uint8Array.from(text.match(/../g).map((byte) => parseInt(byte, 16)));

test(`${corpus.applications.length} applications: identical reports`, () => {
  assert.ok(corpus.applications.length >= 50);
  for (const { input, today, lang, expected } of corpus.applications) {
    const report = tirkeu.checkApplication(input, { today, lang });
    assert.equal(JSON.stringify(report), expected, JSON.stringify(input));
  }
});

test(`${corpus.certificates.length} certificates: identical verification results`, () => {
  assert.ok(corpus.certificates.length >= 30);
  const verifier = new tirkeu.Verifier(corpus.rootPublicKey);
  verifier.loadTrustList(hex(corpus.trustList), { now: corpus.loadedAt });
  verifier.loadStatusList(hex(corpus.statusList), { now: corpus.loadedAt });
  const statuses = new Set();
  for (const { text, on, lang, now, expected, status } of corpus.certificates) {
    const result = verifier.verify(text, { on, lang, now });
    assert.equal(JSON.stringify(result), expected, text);
    statuses.add(status);
  }
  assert.equal(statuses.size, 10, [...statuses].join(", "));
});

test(`${corpus.data.applications.length} applications by a data bundle: identical reports`, () => {
  // The bundle checked by a Verifier, its payload read by RulesData (as a rules-only page does).
  const verifier = new tirkeu.Verifier(corpus.rootPublicKey);
  verifier.loadTrustList(hex(corpus.data.trustList), { now: corpus.loadedAt });
  const loaded = verifier.loadDataBundle(hex(corpus.data.bundle), { now: corpus.loadedAt });
  const rules = new tirkeu.RulesData(loaded.payload);
  assert.ok(corpus.data.applications.length >= 5);
  for (const { input, today, lang, expected } of corpus.data.applications) {
    const report = rules.checkApplication(input, { today, lang });
    assert.equal(JSON.stringify(report), expected, JSON.stringify(input));
    assert.equal(report.dataVersion, "2027.1");
  }
});
