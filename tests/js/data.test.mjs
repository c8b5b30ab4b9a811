// The data bundle in the package: a Verifier checks it against its trust list (a key whose use
// holds "data") by the rules of the lists, and RulesData checks applications by its tables. The
// bundles are built by an independent implementation of the format (wire.mjs) from the project's
// CSV tables, dated relative to the real clock.
//
// Source: docs/certificate-format.md (the data bundle, the `data` key use, freshness and
// rollback); Rules p.5 (re-registration within five working days).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import tirkeu from "./load.mjs";
import { DAY, coseSign1, cbor, csvRows, dataBundle, key, nowSeconds, trustList } from "./wire.mjs";

const { Verifier, RulesData } = tirkeu;
const table = async (name) => csvRows(await readFile(new URL(`../../src/data/${name}`, import.meta.url), "utf8"));
const tables = {
  calendar: await table("kz-non-working-days.csv"),
  regimes: await table("visa-regimes.csv"),
  regions: await table("kz-regions.csv"),
};
const root = key(0x52), issuer = key(0x49), statusKey = key(0x55), dataKey = key(0x44), stranger = key(0x53);
const NOW = nowSeconds();
const ISSUED = NOW - 10 * DAY;

/** The 2027 decree: the day off of Saturday 9 January moved to Friday 8 January; 2027 official. */
function decree2027({ version = "2027.1", iat = ISSUED, edit = (rows) => rows } = {}) {
  const source = "Government decree on the transfer of days off in 2027";
  const calendar = tables.calendar
    .map((row) => (row.date.startsWith("2027-") ? { ...row, status: "official" } : row))
    .concat([
      { date: "2027-01-08", kind: "transfer", name: "moved from 2027-01-09", status: "official", source },
      { date: "2027-01-09", kind: "working_weekend", name: "working day moved to 2027-01-08", status: "official", source },
    ])
    .sort((a, b) => a.date.localeCompare(b.date));
  return { v: 1, iat, next: iat + 365 * DAY, version, calendar: edit(calendar), regimes: tables.regimes, regions: tables.regions };
}

function verifier() {
  const verifier = new Verifier(root.publicKeyHex);
  verifier.loadTrustList(trustList({
    iat: ISSUED - DAY, next: NOW + 30 * DAY,
    keys: [{ key: issuer }, { key: statusKey, use: ["status"] }, { key: dataKey, use: ["data"] }],
  }, root));
  return verifier;
}

/** Entered 2026-12-01, moved on Friday 2027-01-08. */
const moved = {
  immigrant: { surname: "IVANOV", givenNames: "IVAN", birthDate: "1990-05-17", citizenship: "RUS",
    passport: { number: "751234567", kind: "ordinary", expiresOn: "2031-01-01" } },
  entry: { date: "2026-12-01", purpose: "private" },
  host: { kind: "person", id: "900515300127", name: "АХМЕТОВ АСЕТ" },
  address: { region: "ALA", locality: "Алматы", street: "Абая", building: "10", apartment: "5", premises: "apartment" },
  stay: { from: "2026-12-01", to: "2027-02-20" },
  addressChange: { movedOn: "2027-01-08" },
};
const options = { today: "2027-01-08", lang: "en" };
const codes = (report) => report.findings.map((f) => f.code);

test("a bundle that moves a 2027 working day moves the re-registration deadline and makes 2027 official", () => {
  const compiled = tirkeu.checkApplication(moved, options);
  assert.equal(compiled.reRegistration.registerBy, "2027-01-15"); // 11, 12, 13, 14, 15 January
  assert.equal(compiled.reRegistration.provisional, true);
  assert.equal(compiled.dataVersion, tirkeu.dataVersion());
  assert.ok(codes(compiled).includes("calendar.provisional"));

  const v = verifier();
  assert.equal(v.dataBundle(), null);
  const loaded = v.loadDataBundle(dataBundle(decree2027(), dataKey));
  assert.equal(loaded.summary.version, "2027.1");
  assert.equal(loaded.demo, false);
  assert.equal(loaded.kid, Buffer.from(dataKey.kid).toString("hex"));
  assert.deepEqual(loaded.summary.calendar.find((y) => y.year === 2027), { year: 2027, rows: 21, provisional: false });
  assert.equal(loaded.summary.regions, tables.regions.length);
  assert.deepEqual(v.dataBundle().summary, loaded.summary);

  const rules = new RulesData(loaded.payload);
  const report = rules.checkApplication(moved, options);
  assert.equal(report.reRegistration.registerBy, "2027-01-14"); // 9 (a working Saturday), 11, 12, 13, 14
  assert.equal(report.reRegistration.provisional, false);
  assert.ok(!codes(report).includes("calendar.provisional"));
  assert.equal(report.dataVersion, "2027.1");
  assert.equal(rules.dataVersion(), "2027.1");
  assert.deepEqual(rules.workingDaysBetween("2027-01-08", "2027-01-14"), { workingDays: 5, provisional: false });
  assert.deepEqual(tirkeu.workingDaysBetween("2027-01-08", "2027-01-14"), { workingDays: 4, provisional: true });
  assert.deepEqual(rules.summary(), loaded.summary);
  assert.equal(rules.regions().length, tables.regions.length);
  // The module-wide function keeps the compiled-in tables.
  assert.equal(tirkeu.checkApplication(moved, options).reRegistration.registerBy, "2027-01-15");
});

/** Offers `bytes` to a verifier holding the 2027.1 bundle: refused, and 2027.1 stays in use. */
function refused(bytes, expected, loadOptions) {
  const v = verifier();
  v.loadDataBundle(dataBundle(decree2027(), dataKey));
  assert.throws(() => v.loadDataBundle(bytes, loadOptions), expected);
  const kept = v.dataBundle();
  assert.equal(kept.summary.version, "2027.1");
  assert.equal(new RulesData(kept.payload).checkApplication(moved, options).reRegistration.registerBy, "2027-01-14");
}

const later = (edit) => decree2027({ version: "2027.2", iat: ISSUED + DAY, edit });

test("a transfer on a weekend is refused whole, by the verifier and by RulesData", () => {
  const weekend = later((rows) => rows.map((row) => (row.date === "2027-01-08" ? { ...row, date: "2027-01-10" } : row))
    .sort((a, b) => a.date.localeCompare(b.date)));
  refused(dataBundle(weekend, dataKey), /calendar row \d+ \(2027-01-10\): a transfer falls on a working weekday, not on Sunday/);
  assert.throws(() => new RulesData(cbor(weekend)), /\(2027-01-10\): a transfer falls on a working weekday/);
});

test("a date listed twice is refused whole", () => {
  const twice = later((rows) => [...rows, rows.find((row) => row.date === "2027-03-22")].sort((a, b) => a.date.localeCompare(b.date)));
  refused(dataBundle(twice, dataKey), /date 2027-03-22 is listed twice/);
  assert.throws(() => new RulesData(cbor(twice)), /listed twice/);
});

test("a bad signature is refused", () => {
  const bytes = dataBundle(later(), dataKey);
  bytes[bytes.length - 1] ^= 1;
  refused(bytes, /signature of key [0-9a-f]{16} does not verify/);
});

test("a key without the data use is refused: certificate and status keys, a stranger, the root", () => {
  refused(dataBundle(later(), issuer), /may not sign data bundles/);
  refused(dataBundle(later(), statusKey), /may not sign data bundles/);
  refused(dataBundle(later(), stranger), /which the trust list does not hold/);
  refused(dataBundle(later(), root), /which the trust list does not hold/);
  // A data key signs no certificate and no status list.
  const v = verifier();
  assert.throws(() => v.loadStatusList(coseSign1(cbor({ v: 2, iat: NOW, next: NOW + DAY, lists: [] }), dataKey)), /may not sign status lists/);
});

test("an older bundle, one from the future, one below minIssuedAt or older than the compiled tables is refused", () => {
  refused(dataBundle(decree2027({ version: "2027.0", iat: ISSUED - DAY }), dataKey), /older/);
  refused(dataBundle(decree2027({ version: "2027.9", iat: NOW + 2 * DAY }), dataKey), /issued in the future/);
  refused(dataBundle(later(), dataKey), /before the latest list already accepted/, { minIssuedAt: ISSUED + 2 * DAY });
  // Before the compiled-in tables' day (their version names it): refused even as the first.
  const compiledDay = Date.parse(`${tirkeu.dataVersion().slice(0, 10)}T00:00:00+05:00`) / 1000;
  const v = verifier();
  const old = decree2027({ version: "2026-old", iat: compiledDay - DAY });
  assert.throws(() => v.loadDataBundle(dataBundle(old, dataKey)), /before the tables compiled into this version/);
  assert.equal(v.dataBundle(), null);
  assert.throws(() => new RulesData(cbor(old)), /before the tables compiled into this version/);
});

test("the same bytes again are a no-op; a newer bundle replaces the installed one", () => {
  const v = verifier();
  const bytes = dataBundle(decree2027(), dataKey);
  v.loadDataBundle(bytes);
  assert.equal(v.loadDataBundle(bytes, { minIssuedAt: ISSUED }).summary.version, "2027.1");
  v.loadDataBundle(dataBundle(later(), dataKey));
  assert.equal(v.dataBundle().summary.version, "2027.2");
});

test("bad arguments: no trust list, not bytes, not a bundle", () => {
  const v = new Verifier(root.publicKeyHex);
  assert.throws(() => v.loadDataBundle(dataBundle(decree2027(), dataKey)), /no trust list/);
  assert.throws(() => verifier().loadDataBundle("bytes"), /Uint8Array/);
  assert.throws(() => new RulesData(new Uint8Array([1, 2, 3])), /data bundle/);
  assert.throws(() => new RulesData(cbor({ ...decree2027(), v: 2 })), /version `v`/);
});
