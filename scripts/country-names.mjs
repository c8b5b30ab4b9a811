#!/usr/bin/env node
// Writes the Kazakh and Russian short names into src/data/iso3166-1-alpha3.csv, from the Unicode
// CLDR's region names as Node's full ICU carries them (`Intl.DisplayNames`), with the corrections
// below. Run once when the table or the CLDR release changes, review the diff, then change
// DATA_VERSION (src/data/mod.rs) and the fingerprint of tests/rules/data.rs:
//
//   node scripts/country-names.mjs
//
// The alpha-3 codes, alpha-2 codes and English names are kept as the file has them.

import { readFileSync, writeFileSync } from "node:fs";

const FILE = new URL("../src/data/iso3166-1-alpha3.csv", import.meta.url);

// CLDR's names are those of a menu: abbreviations ("о-ва", "ОАЭ"), colloquial forms ("Конго -
// Киншаса") and geographic rather than state names ("Филиппин аралдары"). A citizenship on a form
// or a police record is written as the state's short name in the official register used in
// Kazakhstan (the Ministry of Foreign Affairs' usage): these replace CLDR's where they differ.
const CORRECTIONS = {
  ru: {
    ARE: "Объединённые Арабские Эмираты",
    BHS: "Багамские Острова",
    CCK: "Кокосовые (Килинг) острова",
    COD: "Демократическая Республика Конго",
    COG: "Республика Конго",
    HKG: "Гонконг",
    KGZ: "Кыргызстан",
    MAC: "Макао",
    MHL: "Маршалловы Острова",
    MMR: "Мьянма",
    PRK: "Корейская Народно-Демократическая Республика",
    PSE: "Палестина",
    SHN: "Остров Святой Елены",
    SLB: "Соломоновы Острова",
    SYC: "Сейшельские Острова",
    TCA: "Острова Тёркс и Кайкос",
    USA: "Соединённые Штаты Америки",
    VGB: "Британские Виргинские острова",
  },
  kk: {
    COD: "Конго Демократиялық Республикасы",
    COG: "Конго Республикасы",
    HKG: "Гонконг",
    KOR: "Корея Республикасы",
    MAC: "Макао",
    MMR: "Мьянма",
    PHL: "Филиппин",
    PRK: "Корея Халықтық Демократиялық Республикасы",
    PSE: "Палестина",
    ZAF: "Оңтүстік Африка Республикасы",
  },
};

/** CLDR's Russian abbreviations of "остров(а)" written out, the name starting with a capital. */
function expandRussian(/** @type {string} */ name) {
  const full = name.replace(/(^|\s)о-ва(?=\s|$)/g, "$1острова").replace(/(^|\s)о-в(?=\s|$)/g, "$1остров");
  return full[0].toUpperCase() + full.slice(1);
}

const text = readFileSync(FILE, "utf8");
const rows = text.split("\n").filter((line) => line && !line.startsWith("#")).slice(1);
const names = {
  kk: new Intl.DisplayNames(["kk"], { type: "region", fallback: "none" }),
  ru: new Intl.DisplayNames(["ru"], { type: "region", fallback: "none" }),
};
const quote = (/** @type {string} */ cell) => (cell.includes(",") ? `"${cell}"` : cell);
const cyrillicName = /^[\u0400-\u04FF][\u0400-\u04FF ,.’()\-—]*$/u;

const out = [];
const problems = [];
for (const row of rows) {
  // alpha3,alpha2,name_en[,name_ru,name_kk]: English names may be quoted (they hold commas).
  const match = /^([A-Z]{3}),([A-Z]{2}),("[^"]*"|[^,]*)/.exec(row);
  if (!match) throw new Error(`unreadable row: ${row}`);
  const [, alpha3, alpha2, nameEn] = match;
  const cldr = { kk: names.kk.of(alpha2), ru: names.ru.of(alpha2) };
  const name = {
    ru: CORRECTIONS.ru[alpha3] ?? expandRussian(cldr.ru ?? ""),
    kk: CORRECTIONS.kk[alpha3] ?? cldr.kk ?? "",
  };
  for (const lang of /** @type {const} */ (["ru", "kk"])) {
    if (!cyrillicName.test(name[lang]) || name[lang] === alpha3 || name[lang] === alpha2) {
      problems.push(`${alpha3} ${lang}: CLDR gives ${JSON.stringify(cldr[lang])}: write a correction`);
    }
  }
  out.push([alpha3, alpha2, nameEn, quote(name.ru), quote(name.kk)].join(","));
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const header = `# ISO 3166-1 country codes: all 249 officially assigned alpha-3 codes, with their alpha-2 codes and
# their short names in English, Russian and Kazakh (the names a form shows for a citizenship).
# Source: ISO 3166-1, as maintained by the ISO 3166 Maintenance Agency (transcribed from Debian's iso-codes 4.15.0,
#         which tracks the Agency's newsletters): the codes and the English names.
#         Unicode CLDR ${process.versions.cldr} via ICU ${process.versions.icu} (Node ${process.versions.node}'s Intl.DisplayNames): the Russian and
#         Kazakh names, written by scripts/country-names.mjs, which lists the names it corrects to the official
#         register (abbreviations written out, state names rather than geographic ones).
#         XXA (stateless person, ICAO Doc 9303) is not an ISO code and is named by the code (data::STATELESS_PERSON).
alpha3,alpha2,name_en,name_ru,name_kk
`;
writeFileSync(FILE, header + out.join("\n") + "\n");
console.log(`${out.length} rows written (CLDR ${process.versions.cldr}, ICU ${process.versions.icu})`);
