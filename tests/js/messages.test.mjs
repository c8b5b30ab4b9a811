// Every finding and obligation, in Kazakh and Russian, through the built package: a message and
// its basis never show an internal path (`immigrant.surname`), an English or other Latin word
// (codes such as UZB or XXA aside), nor an ISO date inside a sentence. Source: the interface's
// languages ("no English and no internal code or path appears on a kk or ru screen, except
// codes shown beside their names"); the labels, dates and countries the package exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import tirkeu from "./load.mjs";

const base = JSON.parse(await readFile(new URL("../fixtures/application.json", import.meta.url), "utf8"));
const source = await readFile(new URL("../../src/rules/messages.rs", import.meta.url), "utf8");
const allCodes = [...source.matchAll(/^\s+[A-Z][A-Za-z0-9]* = "([a-z0-9_.]+)",$/gm)].map((m) => m[1]);
const obligationCodes = allCodes.filter((code) => code.startsWith("registration."));
const findingCodes = allCodes.filter((code) => !code.startsWith("registration."));

/** A valid IIN from its first 11 digits (the check digit of the Rules' algorithm). */
function iin(first) {
  const digits = [...first].map(Number);
  const weighted = (weights) => digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return first + check;
}

function edited(edits) {
  const application = structuredClone(base);
  for (const [path, value] of Object.entries(edits)) {
    const keys = path.split(".");
    let node = application;
    for (const key of keys.slice(0, -1)) node = node[key] ??= {};
    if (value === undefined) delete node[keys.at(-1)];
    else node[keys.at(-1)] = value;
  }
  return application;
}

// [edits, today]: together they raise every finding and obligation code.
const cases = [
  [{ "immigrant.surname": undefined, "immigrant.givenNames": "IV\u0410N" }],
  [{ "address.street": true, "address.locality": "Алматы\u200b", "address.building": "10 Аbay" }],
  [{ "immigrant.surname": "IVAN0V", "host.name": "АХМЕТОВ\u00a0АСЕТ" }],
  [{ "immigrant.birthDate": "1906-07-14", "immigrant.citizenship": "SUN" }],
  [{ "immigrant.citizenship": "KAZ" }],
  [{ "immigrant.passport.number": "АВ1234567", "immigrant.passport.kind": "official" }],
  [{ "immigrant.passport.number": "N 123", "immigrant.passport.expiresOn": "2031-13-01" }],
  [{ "immigrant.passport.expiresOn": "2026-06-30" }],
  [{ "immigrant.passport.expiresOn": "2026-07-10" }],
  [{ "immigrant.passport.expiresOn": "2026-09-19" }],
  [{ "entry.date": "2026-07-16", "entry.purpose": "holiday", "entry.contractUntil": "2026-06-30" }],
  [{ "host.kind": "company" }],
  [{ "host.id": "900515300128" }],
  [{ "host.kind": "organization", "host.id": "900515300127", "host.name": "ТОО «Алатау»" }],
  [{ "host.kind": "organization", "host.id": iin("16134001830"), "host.name": "ТОО «Алатау»" }],
  [{ "host.kind": "organization", "host.id": iin("16072001832"), "host.name": "ТОО «Алатау»" }],
  [{ "host.kind": undefined, "host.id": "900515300910" }],
  [{ "host.id": iin("08071650012") }],
  [{ "host.id": "010229500456" }, "2026-07-15"],
  [{ "host.id": "900515700122" }],
  [{ "host.id": "9005153" }],
  [{ "address.region": "XYZ", "address.premises": "office" }],
  [{ "stay.from": "2026-09-21" }],
  [{ previousStays: [{ entry: "2026-03-10", exit: "2026-03-01" }, { entry: "2026-02-30" }, "x", { entry: "2026-05-01", exit: "2026-12-01" }] }],
  [{ previousStays: [{ entry: "2026-03-01", exit: "2026-03-10" }, { entry: "2026-03-09", exit: "2026-03-20" }] }],
  [{ previousStays: "none", addressChange: "yesterday" }],
  [{ addressChange: { movedOn: "2026-07-16" } }],
  [{ "policy.deadlineCounting": "calendar", "policy.under16Exempt": "no" }],
  [{ "entry.date": "2026-06-30", "stay.from": "2026-06-30" }],
  [{}, "2026-07-31"],
  [{}, "2026-07-27"],
  [{ addressChange: { movedOn: "2026-07-03" }, "stay.from": "2026-07-03" }, "2026-07-31"],
  [{ addressChange: { movedOn: "2026-07-28" }, "stay.from": "2026-07-28" }, "2026-07-31"],
  [{ "entry.date": "2026-12-10", "stay.from": "2026-12-10", "stay.to": "2027-02-01" }, "2026-12-15"],
  [{ "immigrant.birthDate": "2010-07-16" }],
  [{ "entry.purpose": "work", "entry.contractUntil": "2027-06-30", "stay.to": "2027-06-30" }],
  [{ "entry.purpose": "work", "entry.contractUntil": "2026-08-15" }],
  [{ "stay.to": "2026-09-29" }],
  [{ "stay.to": "2026-10-01" }, "2026-09-29"],
  [{ "immigrant.citizenship": "GEO" }],
  [{ "immigrant.citizenship": "UZB" }],
  [{ "stay.to": "2026-07-30" }],
  [{ "immigrant.passport.kind": "diplomatic" }],
  [{ "immigrant.birthDate": "2012-01-01", "policy.under16Exempt": true }],
  [{ "immigrant.citizenship": "USA" }],
  [{ "immigrant.citizenship": "AFG" }],
  [{ "immigrant.citizenship": "XXA" }],
  [{ "entry.date": "2026-05-01", "stay.from": "2026-05-01", "stay.to": "2026-06-20" }, "2026-06-15"],
];

/** What a Kazakh or Russian sentence must not hold; `where` names it in a failure. */
function assertLocal(text, where) {
  assert.equal(typeof text, "string", where);
  assert.ok(text.trim().length > 0, `${where}: empty`);
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, `${where}: an ISO date in ${JSON.stringify(text)}`);
  assert.doesNotMatch(text, /\b[a-z]+(?:[A-Z][a-z]*)+\b|\b[a-zA-Z]+(?:\[\d*\])?\.[a-zA-Z]|\[\d+\]/, `${where}: an internal path in ${JSON.stringify(text)}`);
  for (const word of text.match(/[A-Za-z]+/g) ?? []) {
    // Codes shown beside their names: three capital letters (UZB, XXA).
    assert.match(word, /^[A-Z]{3}$/, `${where}: the Latin word ${JSON.stringify(word)} in ${JSON.stringify(text)}`);
  }
}

test(`every one of ${findingCodes.length} finding codes and ${obligationCodes.length} obligations reads as Kazakh and Russian`, () => {
  assert.ok(findingCodes.length >= 36 && obligationCodes.length >= 7, `${findingCodes.length} codes read from messages.rs`);
  const seen = new Set();
  for (const [edits, today = "2026-07-15"] of cases) {
    const application = edited(edits);
    const reports = Object.fromEntries(["kk", "ru", "en"].map((lang) => [lang, tirkeu.checkApplication(application, { today, lang })]));
    for (const lang of ["kk", "ru"]) {
      const report = reports[lang];
      // The same findings in every language, in the same order.
      assert.deepEqual(report.findings.map((f) => [f.code, f.field, f.basisRefs]), reports.en.findings.map((f) => [f.code, f.field, f.basisRefs]));
      for (const finding of report.findings) {
        seen.add(finding.code);
        assertLocal(finding.message, `${lang} ${finding.code}`);
        assertLocal(finding.basis, `${lang} ${finding.code} basis`);
        assert.ok(finding.basisRefs.length > 0, `${finding.code} has references`);
        if (finding.field) {
          const label = tirkeu.fieldLabel(finding.field, lang);
          assert.ok(label, `${finding.field} has a label`);
          if (finding.code === "field.required") assert.ok(finding.message.includes(`«${label}»`), `${lang}: ${finding.message} names «${label}»`);
        }
      }
      if (report.obligation) {
        seen.add(report.obligation.code);
        assertLocal(report.obligation.message, `${lang} ${report.obligation.code}`);
        assertLocal(report.obligation.basis, `${lang} ${report.obligation.code} basis`);
      }
      if (report.stay) assertLocal(report.stay.basis, `${lang} stay basis`);
    }
  }
  const missing = allCodes.filter((code) => !seen.has(code));
  assert.deepEqual(missing, [], "codes no case raised");
});

test("dates in messages are written in the language: Kazakh with the case a postposition needs", () => {
  const reports = Object.fromEntries(["kk", "ru", "en"].map((lang) => [lang, tirkeu.checkApplication(base, { today: "2026-07-27", lang })]));
  const soon = (lang) => reports[lang].findings.find((f) => f.code === "deadline.due_soon").message;
  assert.match(soon("kk"), /2026 жылғы 30 шілде/);
  assert.match(soon("ru"), /30 июля 2026 г\./);
  assert.match(soon("en"), /30 July 2026/);
  const worker = tirkeu.checkApplication(edited({ "entry.purpose": "work", "entry.contractUntil": "2027-06-30", "stay.to": "2027-06-30" }), { today: "2026-07-15", lang: "kk" });
  assert.match(worker.findings.find((f) => f.code === "treaty.eaeu_worker").message, /2027 жылғы 30 маусымға дейін/);
});

test("the legal basis in each language, and stable references for programs", () => {
  const bases = Object.fromEntries(["kk", "ru", "en"].map((lang) => [lang, tirkeu.checkApplication(base, { today: "2026-07-15", lang }).obligation]));
  assert.equal(bases.ru.basis, "Приказ № 923, Правила, п. 3");
  assert.equal(bases.kk.basis, "№ 923 бұйрық, Қағидалар, 3-т.");
  assert.equal(bases.en.basis, "Order 923, Rules p.3");
  for (const lang of ["kk", "ru", "en"]) assert.deepEqual(bases[lang].basisRefs, ["order923:rules:p3"]);
});

test("fieldLabels, fieldLabel, formatDate, formatCount and countries serve the page", () => {
  const labels = Object.fromEntries(["kk", "ru", "en"].map((lang) => [lang, tirkeu.fieldLabels(lang)]));
  assert.deepEqual(Object.keys(labels.kk), Object.keys(labels.en));
  assert.deepEqual(Object.keys(labels.ru), Object.keys(labels.en));
  assert.equal(labels.ru["immigrant.surname"], "Фамилия");
  assert.equal(labels.kk["immigrant.surname"], "Тегі");
  for (const lang of ["kk", "ru"]) for (const [path, label] of Object.entries(labels[lang])) assertLocal(label.replace("{n}", "1"), `${lang} label ${path}`);
  assert.equal(tirkeu.fieldLabel("previousStays[1].exit", "ru"), "Поездка 2: дата выезда");
  assert.equal(tirkeu.fieldLabel("previousStays[0].entry", "kk"), "1-сапар: келген күні");
  assert.equal(tirkeu.fieldLabel("immigrant.nickname", "ru"), null);
  assert.equal(tirkeu.formatDate("2026-12-19", "kk"), "2026 жылғы 19 желтоқсан");
  assert.equal(tirkeu.formatDate("2026-12-19", "kk", { case: "dative" }), "2026 жылғы 19 желтоқсанға");
  assert.equal(tirkeu.formatDate("2026-12-19", "ru"), "19 декабря 2026 г.");
  assert.equal(tirkeu.formatDate("2026-12-19", "en"), "19 December 2026");
  assert.equal(tirkeu.formatDate("2026-12-19"), "19 декабря 2026 г.");
  assert.throws(() => tirkeu.formatDate("19.12.2026", "ru"), Error);
  assert.throws(() => tirkeu.formatDate("2026-12-19", "kk", { case: "dat" }), /case/);
  assert.equal(tirkeu.formatCount(126, "days", "ru"), "126 дней");
  assert.equal(tirkeu.formatCount(1, "workingDays", "ru"), "1 рабочий день");
  assert.equal(tirkeu.formatCount(3, "days", "kk"), "3 күн");
  assert.throws(() => tirkeu.formatCount(1.5, "days", "ru"), Error);
  const countries = tirkeu.countries();
  assert.equal(countries.length, 249);
  assert.deepEqual(countries.find((c) => c.code === "UZB"),
    { code: "UZB", alpha2: "UZ", nameEn: "Uzbekistan", nameRu: "Узбекистан", nameKk: "Өзбекстан" });
  assert.ok(countries.every((c) => /^[A-Z]{2}$/.test(c.alpha2)));
});
