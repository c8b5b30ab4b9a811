// Small DOM helpers shared by the views. Formatting only: every decision, every date written in
// words and every word the module knows come from the module.
import * as tirkeu from "./pkg/verify.js";
import { CERTIFICATE_LABELS, lang, t } from "./i18n.js";

/** @typedef {import("./pkg/verify.js").CertificateRecord} CertificateRecord */
/** @typedef {Node | string | null | undefined | false} Child */

/**
 * Creates an element: el("p", {class: "x", "data-code": c}, "text", child). `text` sets the text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(.../** @type {Array<Node | string>} */ (children.filter((c) => c !== undefined && c !== null && c !== false)));
  return node;
}

/**
 * A sentence of the interface with nodes (a <time>, a number) in place of its {0}, {1}...
 * @param {string} key
 * @param {...(Node | string)} parts
 * @returns {Array<Node | string>}
 */
export function sentence(key, ...parts) {
  const marks = parts.map((_, i) => `\u0000${i}\u0000`);
  const pieces = t(key, ...marks).split(/\u0000(\d+)\u0000/);
  return pieces.map((piece, i) => {
    if (i % 2) return parts[Number(piece)];
    // A full stop after a value that already ends with one is not written twice.
    const before = i > 0 ? parts[Number(pieces[i - 1])] : "";
    const endsWithStop = (typeof before === "string" ? before : before?.textContent ?? "").endsWith(".");
    return endsWithStop && piece.startsWith(".") ? piece.slice(1) : piece;
  }).filter((p) => p !== "");
}

/** A text of a record (a name, a passport number), isolated from its neighbours' direction. */
export function isolated(/** @type {string | null | undefined} */ text) {
  return el("bdi", { text: text ?? "" });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2026-12-19" as the project writes dates in the interface language: "2026 жылғы 19 желтоқсан",
 * "19 декабря 2026 г.", "19 December 2026" (the module's formatDate; the browser's locale data
 * is not used: Chromium writes "2026 M12 19" for Kazakh).
 * @param {string | null | undefined} iso
 */
export function formatDate(iso) {
  if (!iso || !ISO_DATE.test(iso)) return iso ?? "";
  return tirkeu.formatDate(iso, lang());
}

/**
 * A count with its unit in the interface language ("3 дня", "1 рабочий день", "3 күн").
 * @param {number} n
 * @param {"days" | "workingDays"} unit
 */
export function formatCount(n, unit) {
  return tirkeu.formatCount(n, unit, lang());
}

/** "2026-07-30" -> "30.07.2026", as dates are printed on the certificate. */
export function printedDate(/** @type {string | null | undefined} */ iso) {
  const match = ISO_DATE.exec(iso ?? "");
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso ?? "";
}

/** Days since 1970-01-01 of a civil date "YYYY-MM-DD". */
function dayNumber(/** @type {string} */ iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(/** @type {string} */ from, /** @type {string} */ to) {
  return dayNumber(to) - dayNumber(from);
}

/** The civil date `days` after `iso` ("YYYY-MM-DD"). */
export function addDays(/** @type {string} */ iso, /** @type {number} */ days) {
  return new Date((dayNumber(iso) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The civil date in Kazakhstan of an instant given in seconds since 1970 (the offset is the
 * module's).
 * @param {number} seconds
 */
export function kazakhstanDate(seconds) {
  return new Date((seconds + tirkeu.kazakhstanUtcOffsetSeconds()) * 1000).toISOString().slice(0, 10);
}

/**
 * An instant (RFC 3339 text with its offset, or seconds since 1970) in Kazakhstan time, the date
 * as the project writes dates in the interface language, then the time: "1 августа 2026 г.,
 * 12:00", "2026 жылғы 1 тамыз, 12:00".
 * @param {string | number} value
 */
export function formatInstant(value) {
  const wall = typeof value === "string"
    ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value)?.slice(1) // already in Kazakhstan time
    : /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(new Date((value + tirkeu.kazakhstanUtcOffsetSeconds()) * 1000).toISOString())?.slice(1);
  return wall ? `${formatDate(wall[0])}, ${wall[1]}` : String(value);
}

/** Whole days between an instant given in seconds and now: the age shown for a list. */
export function daysSince(/** @type {number} */ seconds) {
  return Math.max(0, Math.floor((Date.now() / 1000 - seconds) / 86400));
}

/** Offers a file to the user; nothing is sent anywhere. */
export function download(/** @type {Blob} */ blob, /** @type {string} */ name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- names of regions, countries and statuses, per language ----

/** @type {{ lang: string, regions: Map<string, string>, countries: Map<string, string>, statuses: Record<string, string> } | null} */
let names = null;

function lookups() {
  if (names?.lang !== lang()) {
    const language = lang();
    // Regions and countries are named by the module in each language (its country names are the
    // Unicode CLDR's, in the official register), whatever locale data the browser has.
    const nameKey = /** @type {const} */ ({ kk: "nameKk", ru: "nameRu", en: "nameEn" })[language];
    const stateless = tirkeu.statelessPerson();
    names = {
      lang: language,
      regions: new Map(tirkeu.regions().map((r) => [r.code, r[nameKey]])),
      countries: new Map([...tirkeu.countries().map((c) => /** @type {[string, string]} */ ([c.code, c[nameKey]])),
        [stateless.code, stateless[nameKey]]]),
      statuses: tirkeu.messages(language).statuses,
    };
  }
  return names;
}

export const regionName = (/** @type {string} */ code) => lookups().regions.get(code) ?? code;
export const countryName = (/** @type {string} */ code) => lookups().countries.get(code) ?? code;
/** The countries as [code, name] in the interface language. */
export const countryNames = () => lookups().countries;
/** The short word for a verification status, from the module. */
export const statusWord = (/** @type {string} */ status) => lookups().statuses[status] ?? status;

// ---- forms ----

/**
 * A form's view whose option lists are filled when it is first shown rather than at the page's
 * start, which opens on the verifier: `enter` fills them and runs `setup`, once; `relabel` (a
 * change of language) fills them again and runs `refresh`, if the view has been shown.
 * @param {HTMLElement} form
 * @param {{ setup: () => void, refresh: () => void }} hooks
 */
export function lazyFormView(form, { setup, refresh }) {
  let prepared = false;
  return {
    enter() {
      if (prepared) return;
      prepared = true;
      fillOptionLists(form);
      setup();
    },
    relabel() {
      if (!prepared) return;
      fillOptionLists(form);
      refresh();
    },
  };
}

/**
 * Fills the `select[data-options]` of `root` in the interface language: "regions", "countries"
 * (sorted by name in the language's alphabetical order), or "group:value,value" (texts
 * opt.group.value). A select is filled again only when the language has changed since it was filled.
 * @param {HTMLElement} root
 */
export function fillOptionLists(root) {
  const selects = /** @type {HTMLSelectElement[]} */ (Array.from(root.querySelectorAll("select[data-options]")))
    .filter((s) => s.dataset.filledLang !== lang());
  if (selects.length === 0) return;
  /** @type {Record<string, () => Array<{ value: string, label: string }>>} */
  const lists = {
    regions: () => tirkeu.regions().map((r) => ({ value: r.code, label: regionName(r.code) })),
    // In the order of the language's alphabet, as the module sorts names (the browser's collator
    // may have no Kazakh order).
    countries: () => Array.from(countryNames())
      .sort(([, a], [, b]) => tirkeu.compareNames(a, b, lang()))
      .map(([code, name]) => ({ value: code, label: `${name} (${code})` })),
  };
  /** @type {Record<string, Array<{ value: string, label: string }>>} */
  const made = {};
  for (const select of selects) {
    select.dataset.filledLang = lang();
    const spec = select.dataset.options ?? "";
    if (spec in lists) {
      made[spec] ??= lists[spec]();
      fillSelect(select, made[spec]);
    } else {
      const [group, values] = spec.split(":");
      fillSelect(select, values.split(",").map((value) => ({ value, label: t(`opt.${group}.${value}`) })), { placeholder: !select.dataset.nochoose });
    }
  }
}

/**
 * Fills a select with [{value, label}], keeping its current value when it is still offered.
 * @param {HTMLSelectElement} select
 * @param {Array<{ value: string, label: string }>} options
 */
export function fillSelect(select, options, { placeholder = true } = {}) {
  const kept = select.value;
  select.replaceChildren();
  if (placeholder) select.append(el("option", { value: "", text: t("choose") }));
  for (const { value, label } of options) select.append(el("option", { value, text: label }));
  if (kept && options.some((o) => o.value === kept)) select.value = kept;
}

/** The parts of a person's name that are present, as text (for sorting and the CSV). */
export function fullName(/** @type {CertificateRecord} */ record) {
  return [record.surname, record.givenNames, record.patronymic].filter(Boolean).join(" ");
}

/**
 * The parts of a person's name, each isolated, so that a direction control inside one part can
 * neither reorder the others nor leak into the page.
 * @param {CertificateRecord} record
 */
export function nameParts(record) {
  /** @type {Array<Node | string>} */
  const parts = [];
  for (const part of [record.surname, record.givenNames, record.patronymic]) {
    if (!part) continue;
    if (parts.length) parts.push(" ");
    parts.push(isolated(part));
  }
  return parts;
}

/**
 * The record in the layout of the printed certificate (appendix to the Rules): Kazakh and Russian
 * labels, English added in the English interface. Each value is isolated (its own direction,
 * `dir="auto"`). `qr` is an element placed in the QR cell.
 * @param {CertificateRecord} record
 * @param {{ qr?: Element | null, demo?: boolean }} [options]
 */
export function certificate(record, { qr = null, demo = false } = {}) {
  const english = lang() === "en";
  const label = (/** @type {keyof typeof CERTIFICATE_LABELS} */ key) => {
    const [kk, ru, en] = CERTIFICATE_LABELS[key];
    return el("span", { class: "cert-label" }, el("span", { lang: "kk", text: kk }),
      kk === ru ? null : " / ", kk === ru ? null : el("span", { lang: "ru", text: ru }),
      english ? el("span", { class: "cert-en", lang: "en", text: en }) : null);
  };
  /** @param {keyof typeof CERTIFICATE_LABELS} key @param {Array<Node | string>} value */
  const cell = (key, value, extra = "") => el("div", { class: `cert-cell ${extra}` }, label(key),
    el("span", { class: "cert-value" }, ...(value.length ? value : ["—"])));
  const text = (/** @type {string | undefined} */ value) => (value ? [el("span", { dir: "auto", text: value })] : []);
  const region = record.region;
  const citizenship = record.citizenship;
  const [ministryKk, ministryRu] = CERTIFICATE_LABELS.ministry;
  const [titleKk, titleRu, titleEn] = CERTIFICATE_LABELS.title;
  const title = { kk: titleKk, ru: titleRu, en: titleEn }[lang()];
  return el("article", { class: "certificate" + (demo ? " is-demo" : ""), "aria-label": title },
    demo ? el("p", { class: "cert-demo", "aria-hidden": "true", text: english ? "DEMO · ДЕМО" : "ДЕМО" }) : null,
    el("header", { class: "cert-head" },
      el("p", { class: "cert-ministry" }, el("span", { lang: "kk", text: ministryKk }), el("span", { lang: "ru", text: ministryRu })),
      el("p", { class: "cert-title" }, el("span", { lang: "kk", text: titleKk }), el("span", { lang: "ru", text: titleRu }))),
    cell("applicationNumber", text(record.applicationNumber), "full"),
    cell("name", nameParts(record), "full strong"),
    cell("passport", text(record.passport), "strong"),
    cell("citizenship", citizenship ? [...text(citizenship), " · ", countryName(citizenship)] : []),
    cell("address", record.address ? [...text(record.address), ...(region ? [", ", regionName(region)] : [])] : []),
    cell("period", [`${printedDate(record.stayFrom)} – ${printedDate(record.stayTo)}`], "strong"),
    cell("hostId", text(record.hostId), "full"),
    cell("hostName", text(record.hostName), "full"),
    qr ? el("div", { class: "cert-cell full cert-qr" }, label("qr"), qr) : null);
}

