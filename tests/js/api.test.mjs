// The package as a portal uses it: the README's example and every export once.
import { test } from "node:test";
import assert from "node:assert/strict";
import tirkeu, { demo } from "./load.mjs";

test("the README's portal example maps findings to form fields", () => {
  const application = { immigrant: { surname: "IVANOV", givenNames: "IVAN", birthDate: "1990-05-17", citizenship: "RUS",
    passport: { number: "751234567", kind: "ordinary", expiresOn: "2031-01-01" } },
    entry: { date: "2026-07-01", purpose: "private" }, host: { kind: "person", id: "900515300128", name: "АХМЕТОВ АСЕТ" },
    address: { region: "ALA", locality: "Алматы", street: "Абая", building: "10", apartment: "5", premises: "apartment" },
    stay: { from: "2026-07-01", to: "2026-09-20" } };
  const report = tirkeu.checkApplication(application, { today: "2026-07-15", lang: "kk" });
  assert.equal(report.ok, false);
  assert.deepEqual(report.findings.map((f) => [f.field, f.code]), [["host.id", "host.id.invalid"]]);
  assert.equal(report.deadline.registerBy, "2026-07-30");
  assert.equal(report.findings[0].basis, "№ 923 бұйрық, Қағидалар, 3-т., 4-т. 1) тт.");
  assert.deepEqual(report.findings[0].basisRefs, ["order923:rules:p3", "order923:rules:p4(1)"]);
});

test("certificates: load lists, verify, issue, render, scan", () => {
  const trust = tirkeu.loadTrustList(demo.trustList, demo.root);
  assert.equal(trust.keys[0].demo, true);
  assert.equal(tirkeu.loadStatusList(demo.statusList).lists[0].revoked, 1);
  assert.equal(tirkeu.trustListSummary().iat, trust.iat);
  assert.ok(tirkeu.statusListSummary());
  const text = tirkeu.issueCertificate(demo.record, demo.issuerSecretKey, { issuedAt: 1782882000 });
  assert.equal(text, demo.certificate);
  const result = tirkeu.verifyCertificate(text, { on: "2026-07-15", lang: "ru" });
  assert.equal(result.status, "valid");
  assert.equal(result.daysRemaining, 75);
  assert.match(tirkeu.renderQrSvg(text), /<svg/);
  const { size, modules, version } = tirkeu.qrMatrix(text);
  assert.ok(version <= 18, `version ${version}`);
  const scale = 3, quiet = 4, side = (size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) {
    const mx = Math.floor(x / scale) - quiet, my = Math.floor(y / scale) - quiet;
    if (mx >= 0 && my >= 0 && mx < size && my < size && modules[my * size + mx]) data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
  }
  assert.deepEqual(tirkeu.scanImage({ width: side, height: side, data }), [text]);
  assert.deepEqual(tirkeu.scanCameraFrame({ width: side, height: side, data }), [text]);
});

test("calendar, regions, countries, dates", () => {
  assert.deepEqual(tirkeu.workingDaysBetween("2026-12-31", "2027-01-12"), { workingDays: 5, provisional: true });
  assert.equal(tirkeu.regions().length, 20);
  assert.ok(tirkeu.countries().some((c) => c.code === "KAZ"));
  assert.match(tirkeu.todayInKazakhstan(), /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(tirkeu.version() && tirkeu.dataVersion());
});
