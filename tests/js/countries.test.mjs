// Country names in Kazakh and Russian come from the module, in every entry point that offers
// countries(): a page or a portal form names a citizenship in the reader's language whatever
// locale data its JavaScript engine has (Chromium has no Kazakh country names).
//
// Source: Unicode CLDR 48 (common/main/kk.xml and ru.xml, localeDisplayNames/territories), as
// Node's ICU 78 carries it; the corrections to the official register are those of
// scripts/country-names.mjs ("Кыргызстан" in Kazakhstan's Russian, state names for the Congos).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import tirkeu from "./load.mjs";

const pkg = new URL("../../www/pkg/", import.meta.url);

/** The `countries` of an entry point of the package (tirkeu, rules, verify), initialised. */
async function entryPoint(name) {
  const module = await import(new URL(`${name}.js`, pkg).href);
  await module.default({ module_or_path: await readFile(new URL(`${name}_bg.wasm`, pkg)) });
  return module;
}

const expected = {
  UZB: { nameKk: "Өзбекстан", nameRu: "Узбекистан", nameEn: "Uzbekistan" },
  KAZ: { nameKk: "Қазақстан", nameRu: "Казахстан", nameEn: "Kazakhstan" },
  CHN: { nameKk: "Қытай", nameRu: "Китай", nameEn: "China" },
  KGZ: { nameKk: "Қырғызстан", nameRu: "Кыргызстан", nameEn: "Kyrgyzstan" },
  COD: { nameKk: "Конго Демократиялық Республикасы", nameRu: "Демократическая Республика Конго" },
  ARE: { nameKk: "Біріккен Араб Әмірліктері", nameRu: "Объединённые Арабские Эмираты" },
};

for (const name of ["tirkeu", "rules", "verify"]) {
  test(`${name}: countries() gives every country's Kazakh and Russian short name`, async () => {
    const countries = (name === "tirkeu" ? tirkeu : await entryPoint(name)).countries();
    assert.equal(countries.length, 249);
    const cyrillic = /^[\u0400-\u04FF][\u0400-\u04FF ,.’()\-—]*$/u;
    for (const country of countries) {
      assert.deepEqual(Object.keys(country), ["code", "alpha2", "nameEn", "nameRu", "nameKk"]);
      for (const local of [country.nameKk, country.nameRu]) {
        assert.match(local, cyrillic, country.code);
        assert.notEqual(local, country.code);
      }
    }
    for (const [code, names] of Object.entries(expected)) {
      const country = countries.find((c) => c.code === code);
      for (const [key, value] of Object.entries(names)) assert.equal(country[key], value, `${code} ${key}`);
    }
  });
}

test("the Kazakh names are CLDR's as Node's full ICU gives them, but for the listed corrections", () => {
  // Node 20 ships full ICU; a small-ICU build has no Kazakh names to compare with.
  const display = new Intl.DisplayNames(["kk"], { type: "region", fallback: "none" });
  if (display.of("UZ") !== "Өзбекстан") return;
  const corrected = new Set(["COD", "COG", "HKG", "KOR", "MAC", "MMR", "PHL", "PRK", "PSE", "ZAF"]);
  const differing = tirkeu.countries().filter((c) => !corrected.has(c.code) && display.of(c.alpha2) !== c.nameKk);
  assert.deepEqual(differing.map((c) => `${c.code} ${c.nameKk} ${display.of(c.alpha2)}`), []);
});

// The stateless person (XXA, ICAO Doc 9303) is named by the module too, beside the countries.
test("statelessPerson() names XXA in the three languages, in every entry point with countries()", async () => {
  for (const name of ["tirkeu", "rules", "verify"]) {
    const person = (name === "tirkeu" ? tirkeu : await entryPoint(name)).statelessPerson();
    assert.equal(person.code, "XXA", name);
    assert.deepEqual([person.nameKk, person.nameRu, person.nameEn], ["Азаматтығы жоқ адам", "Лицо без гражданства", "Stateless person"], name);
  }
});

// The lists are sorted by the module (compareNames), in the order of each language's alphabet:
// Chromium's Intl.Collator has no Kazakh order (it puts І beside И and Ү before Ұ). Node ships
// full ICU, whose collation is the Unicode CLDR's: the module's order must be the same on every
// country name in the three languages.
test("compareNames orders every country name as the CLDR collation of kk, ru and en does", async () => {
  const kazakh = new Intl.Collator("kk");
  if (kazakh.resolvedOptions().locale !== "kk") return; // a small-ICU build has no Kazakh order
  const keys = { kk: "nameKk", ru: "nameRu", en: "nameEn" };
  for (const name of ["rules", "verify"]) {
    const entry = await entryPoint(name);
    for (const [lang, key] of Object.entries(keys)) {
      const names = [...entry.countries(), entry.statelessPerson()].map((c) => c[key]);
      const byIcu = [...names].sort(new Intl.Collator(lang).compare);
      const byModule = [...names].sort((a, b) => entry.compareNames(a, b, lang));
      assert.deepEqual(byModule, byIcu, `${name}: ${lang}`);
    }
  }
  assert.ok(["Ұлыбритания", "Үндістан", "Ірак"].every((n, i, all) => i === 0 || tirkeu.compareNames(all[i - 1], n, "kk") < 0));
  assert.throws(() => tirkeu.compareNames(1, "a", "kk"), /the first name/);
  assert.throws(() => tirkeu.compareNames("a", "b", "de"), /unknown language/);
});
