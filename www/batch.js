// The rows of checked certificates: what each row is, how a status looks (tone, icon, word), the
// table an employer works with (a summary of counts by status at its head, DEMO as a column,
// sorting, the "not valid" filter) and its CSV export. The statuses and their words are the
// module's; the page adds only the states of files it could not read.
import { lang, t } from "./i18n.js";
import { countryName, daysBetween, download, el, fullName, isolated, nameParts, printedDate, sentence, statusWord } from "./ui.js";

/** @typedef {import("./pkg/verify.js").VerificationResult} VerificationResult */
/** @typedef {"no_code" | "unreadable" | "unsupported" | "unavailable"} Problem */
/** @typedef {{ kind: "camera" | "text" | "paste" | "file", name?: string, line?: number }} Source */
/**
 * A checked code, or a file without one.
 * @typedef {object} Row
 * @property {number} id
 * @property {number} group rows read from one input (one image, one camera read) share it
 * @property {Source} source
 * @property {string | null} text the code's text; null when nothing was read
 * @property {Problem | null} problem
 * @property {string} on the check date used
 * @property {VerificationResult | null} result
 */

/**
 * How each verification status looks, by what it means for the person holding the certificate:
 * green only for a certificate that is valid, red for one that must not be accepted, amber for
 * one that is genuine but not valid on the date or whose revocation could not be checked.
 * The page's own states (a file it could not read) are neutral.
 * @type {Record<string, "ok" | "warn" | "bad">}
 */
const TONES = {
  valid: "ok",
  expired: "warn", not_yet_valid: "warn", unconfirmed: "warn",
  revoked: "bad", bad_signature: "bad", unknown_key: "bad", key_not_valid: "bad", malformed: "bad", not_a_certificate: "bad",
};
/** @type {Record<string, string>} */
const ICONS = { ok: "✓", warn: "!", bad: "✗", none: "?" };
const TONE_RANK = { bad: 0, warn: 1, none: 2, ok: 3 };
/** The order of the summary: valid first, then each kind of failure, then files not read. */
const CERTIFICATE_STATUSES = ["valid", "unconfirmed", "expired", "not_yet_valid", "revoked", "bad_signature",
  "unknown_key", "key_not_valid", "malformed", "not_a_certificate"];
const FILE_PROBLEMS = ["no_code", "unreadable", "unsupported", "unavailable"];

/** @param {Row} row */
export const statusOf = (row) => row.result?.status ?? row.problem ?? "no_code";
/** @param {string} status @returns {"ok" | "warn" | "bad" | "none"} */
export const toneOf = (status) => TONES[status] ?? "none";
/** @param {string} status */
export const iconOf = (status) => ICONS[toneOf(status)];
/** The word for a status: the module's, or the page's for a file it could not read. @param {string} status */
export const wordOf = (status) => (FILE_PROBLEMS.includes(status) ? t(`status.${status}`) : statusWord(status));
/** @param {Row} row */
export const isDemo = (row) => Boolean(row.result?.demo);
/** A row the employer must look at: anything but a valid certificate, and every DEMO one. @param {Row} row */
export const notValid = (row) => statusOf(row) !== "valid" || isDemo(row);

/** Rows worst first: red, amber, neutral, green; within each, DEMO first. @param {Row[]} rows */
export function worstFirst(rows) {
  const rank = (/** @type {Row} */ row) => TONE_RANK[toneOf(statusOf(row))] * 2 + (isDemo(row) ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

/** Where a row came from, in words. @param {Row} row */
export function sourceLabel(row) {
  const { kind, name, line } = row.source;
  if (kind === "file") return name ?? "";
  if (kind === "text" && line) return t("source.line", line);
  return t(`source.${kind}`);
}

/**
 * Calendar days from the check date to the last day of the stay: negative once the certificate
 * has expired, for every certificate whose record could be trusted.
 * @param {Row} row
 */
export function daysLeft(row) {
  const record = row.result?.record;
  return row.result?.daysRemaining ?? (record ? daysBetween(row.on, record.stayTo) : null);
}

/**
 * The batch table, its summary and its export.
 * @param {{ rows: Row[], onOpen: (row: Row) => void }} options
 */
export function createBatch({ rows, onOpen }) {
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const table = /** @type {HTMLTableElement} */ ($("batch"));
  const filter = /** @type {HTMLInputElement} */ ($("batch-filter"));
  /** @type {string | null} */
  let sortKey = null;
  let sortDirection = 1;
  /** @type {Row | null} */
  let current = null;

  /** @param {Row} row */
  function values(row) {
    const record = row.result?.record ?? null;
    return {
      status: TONE_RANK[toneOf(statusOf(row))] * 100 + CERTIFICATE_STATUSES.indexOf(statusOf(row)),
      demo: isDemo(row) ? 0 : 1,
      name: record ? fullName(record) : "",
      passport: record?.passport ?? "",
      citizenship: record?.citizenship ? countryName(record.citizenship) : "",
      period: record ? record.stayFrom : "",
      daysLeft: daysLeft(row) ?? Number.NEGATIVE_INFINITY,
      source: sourceLabel(row),
    };
  }

  /** @param {Row} row */
  function tableRow(row) {
    const status = statusOf(row);
    const record = row.result?.record ?? null;
    const days = daysLeft(row);
    const open = el("button", { type: "button", class: "link" }, ...(record ? nameParts(record) : [sourceLabel(row)]));
    open.addEventListener("click", () => onOpen(row));
    return el("tr", { "data-status": status, "data-demo": String(isDemo(row)), "data-id": row.id, class: row === current ? "current" : null },
      el("td", {}, el("span", { class: `badge tone-${toneOf(status)}`, "aria-hidden": "true", text: iconOf(status) }), " ", wordOf(status),
        // What the verdict could not vouch for (a list out of date or missing) stays in the row.
        ...(row.result?.warnings ?? []).map((w) => el("small", { class: "row-warning", "data-code": w.code, text: w.message }))),
      el("td", {}, isDemo(row) ? el("span", { class: "demo-tag", text: t("verdict.demoMark") }) : ""),
      el("td", {}, open),
      el("td", {}, record ? isolated(record.passport) : ""),
      // The country by name in the reader's language, its code beside it.
      el("td", {}, ...(record?.citizenship ? [countryName(record.citizenship), " ", el("small", { text: `(${record.citizenship})` })] : [])),
      el("td", {}, ...(record ? [el("span", { class: "nowrap", text: printedDate(record.stayFrom) }), " – ",
        el("span", { class: "nowrap", text: printedDate(record.stayTo) })] : [])),
      el("td", { class: `num${days !== null && days >= 0 && days <= 7 ? " soon" : ""}`, text: days ?? "" }),
      el("td", {}, isolated(sourceLabel(row))));
  }

  function renderSummary() {
    /** @type {Map<string, number>} */
    const counts = new Map();
    for (const row of rows) counts.set(statusOf(row), (counts.get(statusOf(row)) ?? 0) + 1);
    const demo = rows.filter(isDemo).length;
    const list = (/** @type {string[]} */ statuses) => el("ul", { class: "counts" }, ...statuses.filter((s) => counts.has(s)).map((status) =>
      el("li", { class: `tone-${toneOf(status)}` },
        el("span", { class: `badge tone-${toneOf(status)}`, "aria-hidden": "true", text: iconOf(status) }), " ",
        `${wordOf(status)}: `, el("strong", { "data-count-status": status, text: counts.get(status) ?? 0 }))));
    const certificates = rows.filter((row) => !FILE_PROBLEMS.includes(statusOf(row))).length;
    const files = rows.length - certificates;
    $("batch-summary").replaceChildren(
      el("p", { class: "summary-line", text: t("batch.certificates", certificates) }),
      list(CERTIFICATE_STATUSES),
      demo ? el("p", { class: "demo-count" }, el("span", { class: "demo-tag", text: t("verdict.demoMark") }), " ",
        ...sentence("batch.demo", el("strong", { "data-count-demo": "", text: demo }))) : "",
      files ? el("p", { class: "summary-line", text: t("batch.files", files) }) : "",
      files ? list(FILE_PROBLEMS) : "");
  }

  function render() {
    $("batch-box").hidden = rows.length < 2;
    const visible = rows.filter((row) => !filter.checked || notValid(row)).map((row) => ({ row, v: values(row) }));
    if (sortKey) {
      const key = /** @type {keyof ReturnType<typeof values>} */ (sortKey);
      const collator = new Intl.Collator(lang(), { numeric: true }); // one for the whole sort
      visible.sort((a, b) => {
        const x = a.v[key], y = b.v[key];
        const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
        return order * sortDirection;
      });
    }
    table.tBodies[0].replaceChildren(...visible.map(({ row }) => tableRow(row)));
    for (const th of table.tHead?.rows[0].cells ?? []) {
      if (th.dataset.sort === sortKey) th.setAttribute("aria-sort", sortDirection > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
    renderSummary();
  }

  /**
   * The rows as CSV: column names in the interface language (the machine-readable `status` and
   * `demo` columns keep their codes, the citizenship its code beside the country's name), `;`
   * between cells for Kazakh and Russian (what a spreadsheet set up for those languages expects),
   * ISO dates, days remaining negative once expired, a BOM so that spreadsheets read UTF-8.
   */
  function exportCsv() {
    const header = [t("csv.status"), "status", "demo", t("csv.application"), t("csv.surname"), t("csv.givenNames"),
      t("csv.patronymic"), t("csv.passport"), t("csv.citizenship"), t("csv.country"), t("csv.stayFrom"), t("csv.stayTo"),
      t("csv.daysLeft"), t("csv.checkedOn"), t("csv.source")];
    const lines = [header, ...rows.map((row) => {
      const record = row.result?.record;
      return [wordOf(statusOf(row)), statusOf(row), String(isDemo(row)), record?.applicationNumber ?? "",
        record?.surname ?? "", record?.givenNames ?? "", record?.patronymic ?? "", record?.passport ?? "",
        record?.citizenship ?? "", record?.citizenship ? countryName(record.citizenship) : "", record?.stayFrom ?? "", record?.stayTo ?? "", daysLeft(row) ?? "", row.on, sourceLabel(row)];
    })];
    const separator = lang() === "en" ? "," : ";";
    // Quote every cell; a leading = + - @ would be read as a formula by spreadsheets (a negative
    // number of days stays a number: it is the one cell written by the page itself).
    const cell = (/** @type {string | number} */ value) => (typeof value === "number" ? String(value)
      : `"${value.replace(/^([=+\-@\t\r])/, "'$1").replaceAll('"', '""')}"`);
    const csv = "\uFEFF" + lines.map((line) => line.map(cell).join(separator)).join("\r\n") + "\r\n";
    const date = rows.at(-1)?.on ?? "";
    download(new Blob([csv], { type: "text/csv;charset=utf-8" }), `${t("batch.fileName")}-${date}.csv`);
  }

  filter.addEventListener("change", render);
  $("batch-csv").addEventListener("click", exportCsv);
  for (const th of table.tHead?.rows[0].cells ?? []) {
    th.querySelector("button")?.addEventListener("click", () => {
      sortDirection = sortKey === th.dataset.sort ? -sortDirection : 1;
      sortKey = th.dataset.sort ?? null;
      render();
    });
  }

  return {
    render,
    /** Marks the row whose verdict is shown. @param {Row | null} row */
    setCurrent(row) {
      current = row;
      for (const tr of table.tBodies[0].rows) tr.classList.toggle("current", tr.dataset.id === String(row?.id));
    },
  };
}
