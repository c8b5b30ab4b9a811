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
  // A camera loop that hands over only the view the scanner names: the whole frame first, then
  // the region where the code was (its pixels cut from the frame, as a page's canvas draws them).
  const scanner = new tirkeu.FrameScanner();
  assert.throws(() => scanner.scanView({ width: side, height: side, data }), /view\(width, height\)/);
  const whole = scanner.view(side, side);
  assert.deepEqual(whole, { sourceLeft: 0, sourceTop: 0, sourceWidth: side, sourceHeight: side, width: side, height: side });
  assert.deepEqual(scanner.scanView({ width: side, height: side, data }).map((code) => code.text), [text]);
  const region = scanner.view(side + 40, side + 40);
  assert.equal(region.width, side + 40, "a frame of another size starts afresh: the whole frame");
  const frame = new Uint8ClampedArray((side + 200) * (side + 200) * 4).fill(255);
  for (let y = 0; y < side; y++) frame.set(data.subarray(y * side * 4, (y + 1) * side * 4), ((y + 100) * (side + 200) + 100) * 4);
  const big = { width: side + 200, height: side + 200, data: frame };
  scanner.view(big.width, big.height);
  assert.deepEqual(scanner.scanView(big).map((code) => code.text), [text]);
  const view = scanner.view(big.width, big.height);
  assert.ok(view.sourceWidth < big.width && view.sourceLeft > 0 && view.width === view.sourceWidth, JSON.stringify(view));
  const cut = new Uint8ClampedArray(view.width * view.height * 4);
  for (let y = 0; y < view.height; y++) {
    const from = ((view.sourceTop + y) * big.width + view.sourceLeft) * 4;
    cut.set(frame.subarray(from, from + view.width * 4), y * view.width * 4);
  }
  assert.throws(() => scanner.scanView(big), /the image is/);
  assert.deepEqual(scanner.scanView({ width: view.width, height: view.height, data: cut }).map((code) => code.text), [text]);
  assert.equal(scanner.tracked, true);
  scanner.free();
});

test("calendar, regions, countries, dates", () => {
  assert.deepEqual(tirkeu.workingDaysBetween("2026-12-31", "2027-01-12"), { workingDays: 5, provisional: true });
  assert.equal(tirkeu.regions().length, 20);
  assert.ok(tirkeu.countries().some((c) => c.code === "KAZ"));
  assert.match(tirkeu.todayInKazakhstan(), /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(tirkeu.version() && tirkeu.dataVersion());
});

// The module builds its error messages by joining text rather than with Rust's formatting (to keep
// that out of the rules' module); each reads as the library's `Display` of the same error writes it.
test("error messages read as the library writes them", () => {
  const message = (f) => {
    try {
      f();
    } catch (error) {
      return error.message;
    }
    assert.fail("no error");
  };
  assert.equal(message(() => tirkeu.workingDaysBetween("2026-02-30", "2026-03-01")),
    "from: 2026-02-30 is not a day of the calendar");
  assert.equal(message(() => tirkeu.workingDaysBetween("2026-03-01", "2026-3-1")),
    "to: `2026-3-1` is not a date of the form YYYY-MM-DD");
  assert.equal(message(() => tirkeu.workingDaysBetween(1, "2026-03-01")), "from must be a string");
  assert.equal(message(() => tirkeu.checkApplication(42)), "an application must be a JSON object, found a number");
  assert.equal(message(() => tirkeu.checkApplication({}, { bogus: 1 })), "unknown option `bogus` (known: today, lang)");
  assert.equal(message(() => tirkeu.checkApplication({}, { today: "0000-00-00" })),
    "option `today`: 0000-00-00 is not a day of the calendar");
  assert.equal(message(() => tirkeu.checkApplication({}, { lang: "de" })),
    "option `lang`: unknown language `de` (expected kk, ru or en)");
  assert.equal(message(() => tirkeu.checkApplication({}, { lang: 7 })), "option `lang` must be a string");
  assert.equal(message(() => tirkeu.checkApplication({}, [])), "options must be an object");
  let deep = [];
  for (let level = 0; level < 200; level++) deep = [deep];
  assert.equal(message(() => tirkeu.checkApplication({ deep })), "the application is nested more than 127 levels deep");
  assert.equal(message(() => tirkeu.formatDate("2026-02-30")), "the date: 2026-02-30 is not a day of the calendar");
  assert.equal(message(() => tirkeu.formatDate("2026-07-01", "ru", { case: "vocative" })),
    "option `case`: unknown case `vocative` (expected nominative, dative, locative, ablative or genitive)");
  assert.equal(message(() => tirkeu.formatCount(3, "weeks")), "unknown unit `weeks` (expected days, workingDays or age)");
  assert.equal(message(() => tirkeu.compareNames("a", "b", "de")),
    "option `lang`: unknown language `de` (expected kk, ru or en)");
  // Numbers in answers: a row's label, a count, a date before the year 1000, today.
  assert.equal(tirkeu.fieldLabel("previousStays[11].exit", "en"), tirkeu.fieldLabels("en")["previousStays[].exit"].replace("{n}", "12"));
  assert.equal(tirkeu.formatCount(-21, "days", "ru"), "-21 день");
  assert.equal(tirkeu.formatDate("0987-03-05", "en"), "5 March 987");
  assert.match(tirkeu.todayInKazakhstan(), /^\d{4}-\d{2}-\d{2}$/);
});
