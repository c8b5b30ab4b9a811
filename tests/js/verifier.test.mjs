// The package's Verifier object against lists and certificates built at run time by an
// independent implementation of the format (wire.mjs), dated relative to the real clock: key
// roles, the DEMO scope, freshness and rollback, expiry, coverage, record syntax, the pinned
// root, and the deprecated module-wide functions.
import { test } from "node:test";
import assert from "node:assert/strict";
import tirkeu, { demo } from "./load.mjs";
import { DAY, bits, certificate, key, nowSeconds, sampleRecord, statusList, trustList } from "./wire.mjs";

const { Verifier } = tirkeu;
const root = key(0x52);
const issuer = key(0x49);
const statusKey = key(0x55);
const on = "2026-07-15";
const ISSUED = 1782882000; // 2026-07-01T10:00:00+05:00

/** A production deployment: lists issued `age` seconds ago, next update `nextIn` from now. */
function deployment({ age = DAY, nextIn = 30 * DAY, revoked = [666], size = 1_000_000, extraKeys = [] } = {}) {
  const now = nowSeconds();
  const iat = now - age, next = now + nextIn;
  return {
    iat,
    trust: trustList({ iat, next, keys: [{ key: issuer }, { key: statusKey, use: ["status"] }, ...extraKeys] }, root),
    status: statusList({ iat, next, years: [{ year: 2026, size, revoked }] }, statusKey),
  };
}

function verifierFor(lists = deployment(), options) {
  const verifier = new Verifier(root.publicKeyHex, options);
  verifier.loadTrustList(lists.trust);
  verifier.loadStatusList(lists.status);
  return verifier;
}

const numbered = (n, record = sampleRecord) => ({ ...record, applicationNumber: `2026-${String(n).padStart(9, "0")}` });
const codes = (result) => result.warnings.map((w) => w.code);

test("a verifier object verifies with its own lists; revoked, expired and the summaries", () => {
  const verifier = verifierFor();
  const valid = verifier.verify(certificate(sampleRecord, issuer, ISSUED), { on, lang: "en" });
  assert.equal(valid.status, "valid");
  assert.equal(valid.demo, false);
  assert.deepEqual(valid.warnings, []);
  assert.equal(valid.daysRemaining, 75);
  assert.equal(verifier.verify(certificate(numbered(666), issuer, ISSUED), { on }).status, "revoked");
  assert.equal(verifier.verify(certificate(sampleRecord, issuer, ISSUED), { on: "2026-10-01" }).status, "expired");
  const trust = verifier.trustList();
  assert.equal(trust.version, 2);
  assert.deepEqual(trust.keys.map((k) => k.use), [["cert"], ["status"]]);
  const status = verifier.statusList();
  assert.deepEqual([status.version, status.demo, status.lists[0].size, status.lists[0].revoked], [2, false, 1_000_000, 1]);
});

test("the root is pinned for the verifier's life; two verifiers with two roots side by side", () => {
  const otherRoot = key(0x72), attacker = key(0x61);
  const ours = verifierFor();
  const foreign = trustList({ iat: nowSeconds() - 10, next: nowSeconds() + DAY, keys: [{ key: attacker }] }, otherRoot);
  assert.throws(() => ours.loadTrustList(foreign), /pinned root/);
  const forged = certificate(sampleRecord, attacker, ISSUED);
  assert.equal(ours.verify(forged, { on }).status, "unknown_key");
  const theirs = new Verifier(otherRoot.publicKeyHex);
  theirs.loadTrustList(foreign);
  assert.equal(theirs.verify(forged, { on }).status, "unconfirmed"); // no status list of its own
  assert.equal(theirs.verify(certificate(sampleRecord, issuer, ISSUED), { on }).status, "unknown_key");
  assert.equal(ours.verify(certificate(sampleRecord, issuer, ISSUED), { on }).status, "valid");
  // The deprecated module-wide functions pin their root at the first call too.
  tirkeu.loadTrustList(demo.trustList, demo.root);
  assert.throws(() => tirkeu.loadTrustList(foreign, otherRoot.publicKeyHex), /pinned/);
  assert.equal(tirkeu.trustListSummary().rootKid.length, 16);
});

test("key roles: a status-only key signs no certificate, a certificate key no status list", () => {
  const verifier = verifierFor();
  assert.equal(verifier.verify(certificate(sampleRecord, statusKey, ISSUED), { on }).status, "key_not_valid");
  const now = nowSeconds();
  const byIssuer = statusList({ iat: now, next: now + DAY, years: [{ year: 2026, size: 1000 }] }, issuer);
  assert.throws(() => verifier.loadStatusList(byIssuer), /may not sign status lists/);
  assert.equal(verifier.verify(certificate(numbered(666), issuer, ISSUED), { on }).status, "revoked");
});

test("a DEMO status list never speaks for a production certificate", () => {
  const demoIssuer = key(0x44), demoStatus = key(0x45);
  const extraKeys = [{ key: demoIssuer, demo: true }, { key: demoStatus, use: ["status"], demo: true }];
  const lists = deployment({ extraKeys });
  const verifier = new Verifier(root.publicKeyHex);
  verifier.loadTrustList(lists.trust);
  const now = nowSeconds();
  verifier.loadStatusList(statusList({ iat: now - 5, next: now + DAY, years: [{ year: 2026, size: 1000 }] }, demoStatus));
  const production = verifier.verify(certificate(numbered(666), issuer, ISSUED), { on });
  assert.equal(production.status, "unconfirmed");
  assert.deepEqual(codes(production), ["status.not_covered"]);
  const demoResult = verifier.verify(certificate(numbered(777), demoIssuer, ISSUED), { on });
  assert.deepEqual([demoResult.status, demoResult.demo], ["valid", true]);
});

test("freshness: the future, next after iat, the same iat, identical bytes, older lists, minIssuedAt", () => {
  const now = nowSeconds();
  const keys = [{ key: issuer }, { key: statusKey, use: ["status"] }];
  const verifier = verifierFor();
  const installed = verifier.trustList().iat;
  // More than a day ahead of the clock: refused; a day ahead: accepted.
  assert.throws(() => verifier.loadTrustList(trustList({ iat: now + 2 * DAY, next: now + 9 * DAY, keys }, root)), /future/);
  assert.throws(() => verifier.loadStatusList(statusList({ iat: 253402300799, next: 253402300800, years: [] }, statusKey)), /future/);
  // next <= iat.
  assert.throws(() => verifier.loadTrustList(trustList({ iat: now, next: now, keys }, root)), /next/);
  // The same iat with other bytes: refused; the same bytes: a no-op returning the summary.
  const same = trustList({ iat: installed, next: now + 99 * DAY, keys }, root);
  assert.throws(() => verifier.loadTrustList(same), /like the installed list/);
  const lists = deployment();
  const fresh = new Verifier(root.publicKeyHex);
  assert.deepEqual(fresh.loadTrustList(lists.trust), fresh.loadTrustList(lists.trust));
  // Older: refused.
  assert.throws(() => verifier.loadTrustList(trustList({ iat: installed - 1, next: now + DAY, keys }, root)), /older/);
  // minIssuedAt: a list below it refused after a reload, one equal to it accepted.
  const reloaded = new Verifier(root.publicKeyHex);
  assert.throws(() => reloaded.loadTrustList(lists.trust, { minIssuedAt: lists.iat + 1 }), /before the latest/);
  assert.equal(reloaded.loadTrustList(lists.trust, { minIssuedAt: lists.iat }).iat, lists.iat);
  assert.throws(() => reloaded.loadStatusList(lists.status, { minIssuedAt: lists.iat + 1 }), /before the latest/);
  // A refused list leaves the installed one: garbage in place of the status list.
  const before = verifier.statusList();
  assert.throws(() => verifier.loadStatusList(new TextEncoder().encode("<html>503</html>")));
  assert.deepEqual(verifier.statusList(), before);
  // The `now` option moves the device's clock for the load.
  const later = trustList({ iat: now + 10 * DAY, next: now + 20 * DAY, keys }, root);
  assert.equal(new Verifier(root.publicKeyHex).loadTrustList(later, { now: now + 10 * DAY }).iat, now + 10 * DAY);
});

test("expiry: past next plus the grace period a valid certificate is unconfirmed; a revocation stays", () => {
  const text = certificate(sampleRecord, issuer, ISSUED);
  const stale = verifierFor(deployment({ age: 40 * DAY, nextIn: -3 * DAY }));
  const result = stale.verify(text, { on });
  assert.equal(result.status, "valid");
  assert.deepEqual(codes(result), ["trust.stale", "status.stale"]);
  assert.equal(result.warnings[0].ageDays, 40);
  const expired = verifierFor(deployment({ age: 40 * DAY, nextIn: -8 * DAY }));
  const unconfirmed = expired.verify(text, { on });
  assert.equal(unconfirmed.status, "unconfirmed");
  assert.deepEqual(codes(unconfirmed), ["trust.expired", "status.expired"]);
  assert.equal(unconfirmed.daysRemaining, 75);
  assert.equal(expired.verify(certificate(numbered(666), issuer, ISSUED), { on }).status, "revoked");
  // The grace period is a setting.
  const strict = verifierFor(deployment({ age: 40 * DAY, nextIn: -3 * DAY }), { graceDays: 1 });
  assert.equal(strict.verify(text, { on }).status, "unconfirmed");
  // The clock, not the check date, judges freshness; `now` moves it (for tests).
  const current = verifierFor();
  assert.equal(current.verify(text, { on, now: nowSeconds() + 400 * DAY }).status, "unconfirmed");
  assert.equal(current.verify(text, { on: "2026-09-28" }).status, "valid");
  assert.equal(current.verify(text, { on, now: Date.now() / 1000 }).status, "valid", "a fraction of a second is dropped");
  // Without `on`, the check date is the civil date in Kazakhstan at `now`, taken at this call.
  assert.equal(current.verify(text, { now: 1784059200 }).checkedOn, "2026-07-15");
  // No status list: unconfirmed, status.missing.
  const bare = new Verifier(root.publicKeyHex);
  bare.loadTrustList(deployment().trust);
  assert.deepEqual(codes(bare.verify(text, { on })), ["status.missing"]);
});

test("coverage: a certificate newer than the list is fine; an older one past size, or a sequence of 2^27, is not", () => {
  const lists = deployment({ size: 1000 });
  const verifier = verifierFor(lists);
  assert.equal(verifier.verify(certificate(numbered(999), issuer, ISSUED), { on }).status, "valid");
  const older = verifier.verify(certificate(numbered(1000), issuer, ISSUED), { on });
  assert.deepEqual([older.status, codes(older)], ["unconfirmed", ["status.not_covered"]]);
  assert.equal(verifier.verify(certificate(numbered(1000), issuer, lists.iat + 60), { on }).status, "valid");
  const high = verifier.verify(certificate(numbered(134217728), issuer, lists.iat + 60), { on });
  assert.deepEqual([high.status, codes(high)], ["unconfirmed", ["status.not_covered"]]);
  assert.throws(() => tirkeu.issueCertificate(numbered(134217728), demo.issuerSecretKey), /134217728/);
});

test("version 1 lists are still read", () => {
  const now = nowSeconds();
  const verifier = new Verifier(root.publicKeyHex);
  verifier.loadTrustList(trustList({ v: 1, iat: now - DAY, next: now + DAY, keys: [{ key: issuer }] }, root));
  assert.deepEqual(verifier.trustList().keys[0].use, ["cert", "status"]);
  verifier.loadStatusList(statusList({ v: 1, iat: now - DAY, next: now + DAY, years: [{ year: 2026, bitBytes: bits(16, [14]) }] }, issuer));
  assert.equal(verifier.statusList().lists[0].size, 16);
  assert.equal(verifier.verify(certificate(numbered(14), issuer, ISSUED), { on }).status, "revoked");
  assert.equal(verifier.verify(certificate(numbered(15), issuer, ISSUED), { on }).status, "valid");
  assert.equal(verifier.verify(certificate(numbered(16), issuer, ISSUED), { on }).status, "unconfirmed");
});

test("record fields that display as another are malformed", () => {
  const verifier = verifierFor();
  for (const record of [
    { ...sampleRecord, surname: "\u202eVONAVI\u202c" },
    { ...sampleRecord, surname: "IV\u0410NOV" },
    { ...sampleRecord, passport: "\u041d1234567" },
    { ...sampleRecord, givenNames: "ҒАЛИЯ\u200b" },
    { ...sampleRecord, hostId: "900515300127" }, // an organisation's name under a person's IIN
  ]) {
    const result = verifier.verify(certificate(record, issuer, ISSUED), { on });
    assert.deepEqual([result.status, result.stage, result.record], ["malformed", "record", null], JSON.stringify(record));
    assert.throws(() => tirkeu.issueCertificate(record, demo.issuerSecretKey));
  }
});

test("the Verifier's methods survive garbage and never trap", () => {
  const verifier = verifierFor();
  const garbage = [undefined, null, 0, -1, 1.5, NaN, "", "x".repeat(100_000), [], {}, { now: "soon" }, { minIssuedAt: 1e300 },
    { graceDays: -1 }, { on: "2026-02-30" }, { lang: "de" }, { unknown: 1 }, new Uint8Array(0), new Uint8Array(9).fill(0xff),
    Symbol("s"), () => 1, 10n];
  for (const value of garbage) {
    for (const call of [
      () => new Verifier(value), () => new Verifier(root.publicKeyHex, value),
      () => verifier.loadTrustList(value), () => verifier.loadTrustList(deployment().trust, value),
      () => verifier.loadStatusList(value), () => verifier.verify(value), () => verifier.verify("KZ1:", value),
    ]) {
      try {
        call();
      } catch (error) {
        assert.ok(error instanceof Error, String(error));
        assert.ok(!(error instanceof WebAssembly.RuntimeError), error.message);
      }
    }
  }
  assert.throws(() => new Verifier(root.publicKeyHex).verify("KZ1:"), /no trust list/);
  assert.equal(verifier.verify(certificate(sampleRecord, issuer, ISSUED), { on }).status, "valid");
});

test("the deprecated module-wide functions still serve the page", () => {
  tirkeu.loadTrustList(demo.trustList, demo.root);
  tirkeu.loadStatusList(demo.statusList);
  const result = tirkeu.verifyCertificate(demo.certificate, { on });
  assert.deepEqual([result.status, result.demo], ["valid", true]);
  assert.equal(tirkeu.statusListSummary().lists[0].size, 1_000_000);
});
