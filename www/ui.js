// Small DOM helpers shared by the views. Formatting only: every decision is the module's.
import { t, lang, CERTIFICATE_LABELS } from "./i18n.js";

/** Creates an element: el("p", {class: "x", "data-code": c}, "text", child). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

/** Reads a key of a value the module returned, whether it came out as a plain object or a Map. */
export function get(value, key) {
  if (value == null) return undefined;
  return value instanceof Map ? value.get(key) : value[key];
}

const LOCALES = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };

/** "2026-07-30" -> "30 July 2026" in the interface language (the text is a civil date: no time zone). */
export function formatDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!match) return text ?? "";
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(LOCALES[lang()], { dateStyle: "long", timeZone: "UTC" }).format(utc);
}

/** "2026-07-30" -> "30.07.2026", as dates are printed on the certificate. */
export function printedDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  return match ? `${match[3]}.${match[2]}.${match[1]}` : text ?? "";
}

/** Kazakhstan's one time zone since 2024-03-01, UTC+5 (rules.md section 1), in milliseconds. */
const KAZAKHSTAN_OFFSET_MS = 5 * 3600 * 1000;

/**
 * An instant (RFC 3339 text or seconds since 1970) in Kazakhstan time, "01.08.2026 12:00": the
 * date as the certificate prints dates, then the time. Written by hand rather than by
 * Intl.DateTimeFormat, whose first use loads the browser's locale data (about 15-30 ms) while the
 * page starts and shows the lists' ages.
 */
export function formatInstant(value) {
  const ms = typeof value === "number" ? value * 1000 : Date.parse(value);
  const local = new Date(ms + KAZAKHSTAN_OFFSET_MS);
  if (!Number.isFinite(ms) || Number.isNaN(local.getTime())) return String(value ?? "");
  const iso = local.toISOString(); // the Kazakhstan wall clock, written as if it were UTC
  return `${printedDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

/** Whole days between an instant given in seconds and now: the age shown for a list. */
export function daysSince(seconds) {
  return Math.max(0, Math.floor((Date.now() / 1000 - seconds) / 86400));
}

/** Offers a file to the user; nothing is sent anywhere. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A form's view whose option lists are filled when it is first shown rather than at the page's
 * start, which opens on the verifier: `enter` fills them and runs `setup`, once; `relabel` (a
 * change of language) fills them again and runs `refresh`, if the view has been shown.
 */
export function lazyFormView(tirkeu, form, { setup, refresh }) {
  let prepared = false;
  return {
    enter() {
      if (prepared) return;
      prepared = true;
      fillOptionLists(tirkeu, form);
      setup();
    },
    relabel() {
      if (!prepared) return;
      fillOptionLists(tirkeu, form);
      refresh();
    },
  };
}

/**
 * Fills the `select[data-options]` of `root` in the interface language: "regions", "countries"
 * (sorted by name for the language), or "group:value,value" (texts opt.group.value). A select is
 * filled again only when the language has changed since it was filled.
 */
export function fillOptionLists(tirkeu, root) {
  const selects = Array.from(root.querySelectorAll("select[data-options]")).filter((s) => s.dataset.filledLang !== lang());
  if (selects.length === 0) return;
  const regionKey = { kk: "nameKk", ru: "nameRu", en: "nameEn" }[lang()];
  const lists = {
    regions: () => Array.from(tirkeu.regions(), (r) => ({ value: get(r, "code"), label: get(r, regionKey) })),
    countries: () => {
      // One collator for the whole sort: localeCompare with a locale builds one per comparison.
      const collator = new Intl.Collator(lang());
      return Array.from(tirkeu.countries(lang()), (c) => ({ value: get(c, "code"), label: `${countryLabel(c)} (${get(c, "code")})` }))
        .sort((a, b) => collator.compare(a.label, b.label));
    },
  };
  const made = {};
  for (const select of selects) {
    select.dataset.filledLang = lang();
    const spec = select.dataset.options;
    if (spec in lists) {
      made[spec] ??= lists[spec]();
      fillSelect(select, made[spec]);
    } else {
      const [group, values] = spec.split(":");
      fillSelect(select, values.split(",").map((value) => ({ value, label: t(`opt.${group}.${value}`) })), { placeholder: !select.dataset.nochoose });
    }
  }
}

/** Fills a select with [{value, label}], keeping its current value when it is still offered. */
export function fillSelect(select, options, { placeholder = true } = {}) {
  const kept = select.value;
  select.replaceChildren();
  if (placeholder) select.append(el("option", { value: "", text: t("choose") }));
  for (const { value, label } of options) select.append(el("option", { value, text: label }));
  if (kept && options.some((o) => o.value === kept)) select.value = kept;
}

/** The name of a country from countries(lang): `name` in the requested language, else English. */
export function countryLabel(country) {
  const suffix = { kk: "Kk", ru: "Ru", en: "En" }[lang()];
  return get(country, "name") ?? get(country, `name${suffix}`) ?? get(country, "nameEn") ?? get(country, "code");
}

/** Joins name parts that are present. */
export function fullName(record) {
  return [get(record, "surname"), get(record, "givenNames"), get(record, "patronymic")].filter(Boolean).join(" ");
}

/**
 * The record in the layout of the printed certificate (appendix to the Rules): Kazakh and Russian
 * labels, English added in the English interface. `qr` is an element placed in the QR cell.
 */
export function certificate(record, { regionName = (c) => c, countryName = (c) => c, qr = null, demo = false } = {}) {
  const english = lang() === "en";
  const label = (key) => {
    const [kk, ru, en] = CERTIFICATE_LABELS[key];
    return el("span", { class: "cert-label" }, el("span", { lang: "kk", text: kk }),
      kk === ru ? null : " / ", kk === ru ? null : el("span", { lang: "ru", text: ru }),
      english ? el("span", { class: "cert-en", lang: "en", text: en }) : null);
  };
  const cell = (key, value, extra = "") => el("div", { class: `cert-cell ${extra}` }, label(key), el("span", { class: "cert-value", text: value || "—" }));
  const region = get(record, "region");
  const address = [get(record, "address"), region ? regionName(region) : ""].filter(Boolean).join(", ");
  const citizenship = get(record, "citizenship");
  const period = `${printedDate(get(record, "stayFrom"))} – ${printedDate(get(record, "stayTo"))}`;
  const [ministryKk, ministryRu] = CERTIFICATE_LABELS.ministry;
  const [titleKk, titleRu, titleEn] = CERTIFICATE_LABELS.title;
  return el("article", { class: "certificate" + (demo ? " is-demo" : ""), "aria-label": english ? titleEn : titleRu },
    demo ? el("p", { class: "cert-demo", "aria-hidden": "true", text: "DEMO · ДЕМО" }) : null,
    el("header", { class: "cert-head" },
      el("p", { class: "cert-ministry" }, el("span", { lang: "kk", text: ministryKk }), el("span", { lang: "ru", text: ministryRu })),
      el("p", { class: "cert-title" }, el("span", { lang: "kk", text: titleKk }), el("span", { lang: "ru", text: titleRu }))),
    cell("applicationNumber", get(record, "applicationNumber"), "full"),
    cell("name", fullName(record), "full strong"),
    cell("passport", get(record, "passport"), "strong"),
    cell("citizenship", citizenship ? `${citizenship} · ${countryName(citizenship)}` : ""),
    cell("address", address),
    cell("period", period, "strong"),
    cell("hostId", get(record, "hostId"), "full"),
    cell("hostName", get(record, "hostName"), "full"),
    qr ? el("div", { class: "cert-cell full cert-qr" }, label("qr"), qr) : null);
}
