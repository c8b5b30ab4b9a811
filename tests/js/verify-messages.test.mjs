// Every verification status and warning, and every problem the page reports beside them (a file
// it cannot read, the camera, the demo issuer), in Kazakh and Russian: no internal name (a stage
// such as `zlib`, a code such as `not_covered`, a path), no Latin word but codes and names, no ISO
// date inside a sentence; the same placeholders, and the same values written out, in all three
// languages. Source: the interface's languages ("no English and no internal code or path appears
// on a kk or ru screen, except codes shown beside their names"; dates written by the project:
// "2026 жылғы 19 желтоқсан", "19 декабря 2026 г."). Lists and certificates are built at run time
// by the independent implementation of the format in wire.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import tirkeu from "./load.mjs";
import { DAY, cbor, coseSign1, key, nowSeconds, qrText, sampleRecord, statusList, trustList } from "./wire.mjs";
import { TABLES } from "../../www/i18n.js";

const LANGS = ["kk", "ru", "en"];
const root = key(0x52);
const issuer = key(0x49);
const statusKey = key(0x55);
const stranger = key(0x61);
const ISSUED = 1782882000; // 2026-07-01T10:00:00+05:00
const RECORD_KEYS = ["applicationNumber", "surname", "givenNames", "patronymic", "passport", "citizenship",
  "address", "region", "stayFrom", "stayTo", "hostId", "hostName"];

/** The COSE bytes of a certificate of `record` (as wire.mjs's certificate(), before Base45). */
function signedClaims(record, signer, claims = null) {
  const fields = new Map([[1, 1]]);
  RECORD_KEYS.forEach((name, i) => { if (record[name] !== undefined) fields.set(i + 2, record[name]); });
  return coseSign1(cbor(claims ?? new Map([[1, "KZ"], [6, ISSUED], [-70000, fields]])), signer);
}
const certificate = (record, signer = issuer) => qrText(signedClaims(record, signer));

/** The same certificate with one byte of its signed record changed: the signature no longer holds. */
function altered() {
  const bytes = Buffer.from(signedClaims(sampleRecord, issuer));
  const at = bytes.indexOf(Buffer.from("FA1234567"));
  bytes[at + 8] ^= 1;
  return qrText(bytes);
}

/** A verifier with lists issued `age` ago whose next update is `nextIn` from now. */
function verifier({ age = DAY, nextIn = 30 * DAY, size = 1_000_000, status = true } = {}) {
  const now = nowSeconds();
  const v = new tirkeu.Verifier(root.publicKeyHex);
  v.loadTrustList(trustList({ iat: now - age, next: now + nextIn, keys: [{ key: issuer }, { key: statusKey, use: ["status"] }] }, root),
    { now });
  if (status) v.loadStatusList(statusList({ iat: now - age, next: now + nextIn, years: [{ year: 2026, size, revoked: [666] }] }, statusKey), { now });
  return v;
}

const numbered = (n) => ({ ...sampleRecord, applicationNumber: `2026-${String(n).padStart(9, "0")}` });
const on = "2026-07-15";
const current = verifier();

// [what, verifier, text, date]: together every status and every warning.
const cases = [
  ["valid", current, certificate(sampleRecord), on],
  ["expired", current, certificate(sampleRecord), "2026-10-01"],
  ["not yet valid", current, certificate(sampleRecord), "2026-06-20"],
  ["revoked", current, certificate(numbered(666)), on],
  ["bad signature", current, altered(), on],
  ["unknown key", current, certificate(sampleRecord, stranger), on],
  ["key not valid", current, certificate(sampleRecord, statusKey), on],
  ["malformed: base45", current, "KZ1:A", on],
  ["malformed: zlib", current, "KZ1:000", on],
  ["malformed: cose", current, qrText(cbor("not a COSE structure")), on],
  ["malformed: claims", current, qrText(coseSign1(cbor(new Map([[1, "KZ"]])), issuer)), on],
  ["malformed: record", current, qrText(signedClaims({ ...sampleRecord, stayTo: "2026-13-01" }, issuer)), on],
  ["not a certificate", current, "https://example.kz/", on],
  ["unconfirmed, no status list", verifier({ status: false }), certificate(sampleRecord), on],
  ["unconfirmed, not covered", verifier({ size: 100 }), certificate(numbered(500)), on],
  ["stale lists", verifier({ age: 40 * DAY, nextIn: -5 * DAY }), certificate(sampleRecord), on],
  ["expired lists", verifier({ age: 190 * DAY, nextIn: -60 * DAY }), certificate(sampleRecord), on],
];

/** Latin a kk or ru screen may show: codes and names (QR, the file types, the keys to press). */
const ALLOWED_LATIN = new Set(["QR", "PNG", "JPEG", "WebP", "PDF", "CSV", "SVG", "Ctrl", "V", "KZ1", "https"]);

/** What a Kazakh or Russian sentence must not hold; `where` names it in a failure. */
function assertLocal(text, where) {
  assert.equal(typeof text, "string", where);
  assert.ok(text.trim().length > 0, `${where}: empty`);
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, `${where}: an ISO date in ${JSON.stringify(text)}`);
  assert.doesNotMatch(text, /\b[a-z]+_[a-z_]+\b|\b[a-z]+(?:[A-Z][a-z]*)+\b|\b[a-zA-Z]+\.[a-zA-Z]/, `${where}: an internal name in ${JSON.stringify(text)}`);
  for (const word of text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
    assert.ok(ALLOWED_LATIN.has(word), `${where}: the Latin word ${JSON.stringify(word)} in ${JSON.stringify(text)}`);
  }
  assert.doesNotMatch(text, /[^.]\.\.(?!\.)/, `${where}: a doubled full stop in ${JSON.stringify(text)}`);
}

const DATES = {
  "2026-09-28": { kk: /2026 жылғы 28 қыркүйек/, ru: /28 сентября 2026 г\./, en: /28 September 2026/ },
  "2026-07-01": { kk: /2026 жылғы 1 шілде/, ru: /1 июля 2026 г\./, en: /1 July 2026/ },
};

test(`every verification status and warning reads as Kazakh and Russian (${cases.length} cases)`, () => {
  const statuses = new Set();
  const warnings = new Set();
  for (const [what, v, text, date] of cases) {
    const results = Object.fromEntries(LANGS.map((lang) => [lang, v.verify(text, { on: date, lang })]));
    for (const lang of ["kk", "ru"]) {
      const result = results[lang];
      // The same verdict and warnings in every language.
      assert.equal(result.status, results.en.status, `${what} ${lang}`);
      assert.deepEqual(result.warnings.map((w) => [w.code, w.ageDays]), results.en.warnings.map((w) => [w.code, w.ageDays]), `${what} ${lang}`);
      assertLocal(result.message, `${what} (${result.status}) in ${lang}`);
      for (const warning of result.warnings) assertLocal(warning.message, `${what} ${warning.code} in ${lang}`);
    }
    statuses.add(results.en.status);
    for (const warning of results.en.warnings) warnings.add(warning.code);
    // The values a message carries, written in each language: the record's dates, the lists' ages.
    for (const lang of LANGS) {
      const { record, message, status } = results[lang];
      const dateShown = { valid: "stayTo", unconfirmed: "stayTo", expired: "stayTo", not_yet_valid: "stayFrom" }[status];
      if (dateShown) assert.match(message, DATES[record[dateShown]][lang], `${what} in ${lang}: ${message}`);
      else assert.doesNotMatch(message, /\d{4}/, `${what} in ${lang}: ${message}`);
      for (const warning of results[lang].warnings) {
        if (warning.ageDays !== undefined) assert.match(warning.message, new RegExp(`\\b${warning.ageDays}\\b`), `${warning.code} in ${lang}`);
      }
    }
  }
  assert.deepEqual([...statuses].sort(), Object.keys(tirkeu.messages("en").statuses).sort(), "cases reach every status");
  assert.deepEqual([...warnings].sort(), ["status.expired", "status.missing", "status.not_covered", "status.stale", "trust.expired", "trust.stale"]);
});

test("Kazakh puts the certificate's date in the case the next word needs", () => {
  const kk = (date, text = certificate(sampleRecord)) => current.verify(text, { on: date, lang: "kk" }).message;
  assert.match(kk(on), /2026 жылғы 28 қыркүйекке дейін \(қоса алғанда\)\.$/);
  assert.match(kk("2026-10-01"), /2026 жылғы 28 қыркүйекте аяқталды\.$/);
  assert.match(kk("2026-06-20"), /2026 жылғы 1 шілдеде басталады\.$/);
  assert.match(current.verify(certificate(sampleRecord), { on, lang: "ru" }).message, /по 28 сентября 2026 г\. включительно\.$/);
});

test("the short name of every status in Kazakh and Russian", () => {
  for (const lang of ["kk", "ru"]) {
    for (const [status, label] of Object.entries(tirkeu.messages(lang).statuses)) assertLocal(label, `${status} label in ${lang}`);
  }
});

/** The placeholders of a page text: {0}, {1}... */
const placeholders = (text) => (text.match(/\{\d\}/g) ?? []).sort().join(" ");

test("the page's own problem texts (files, camera, demo issuer, batch) in Kazakh and Russian, with the same placeholders", () => {
  const keys = Object.keys(TABLES.en).filter((key) => /^(problem|status|camera|files|source|verdict|batch|col|csv|demo|lists|boot|view)\./.test(key));
  assert.ok(keys.length >= 60, `${keys.length} keys`);
  for (const key of keys) {
    for (const lang of ["kk", "ru"]) {
      const text = TABLES[lang][key];
      assert.equal(placeholders(text), placeholders(TABLES.en[key]), `${key} in ${lang}: placeholders`);
      assertLocal(text.replace(/\{\d\}/g, "1"), `${key} in ${lang}`);
    }
  }
});
