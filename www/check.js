// The "Check an application" view: the form of the information system, checked by the module on
// every change; its findings are placed beside the fields they name, with a summary and the
// deadline, re-registration and stay cards. No rule is decided here: the labels of the fields,
// the messages, the legal bases, the dates in words and the policy's defaults are the module's.
import * as tirkeu from "./pkg/rules-data.js";
import { lang, t } from "./i18n.js";
import { addDays, daysBetween, el, formatCount, formatDate, lazyFormView, sentence } from "./ui.js";

/** @typedef {import("./pkg/rules-data.js").Report} Report */
/** @typedef {import("./pkg/rules-data.js").Finding} Finding */
/** @typedef {import("./pkg/rules-data.js").Deadline} Deadline */
/** @typedef {import("./pkg/rules-data.js").StayLimit} StayLimit */

const DEBOUNCE_MS = 150;

/**
 * A sample application dated around today, so that it shows a case in order on any day: a
 * citizen of a 90-day visa-free state who entered five days ago for 60 days, with an earlier
 * trip of 11 days five months ago, and a private host.
 * @param {string} today
 */
function sample(today) {
  const entry = addDays(today, -5);
  return {
    fields: {
      "immigrant.surname": "IVANOV", "immigrant.givenNames": "IVAN", "immigrant.patronymic": "PETROVICH",
      "immigrant.birthDate": "1990-05-17", "immigrant.citizenship": "RUS",
      "immigrant.passport.number": "751234567", "immigrant.passport.kind": "ordinary",
      "immigrant.passport.expiresOn": addDays(today, 5 * 365),
      "entry.date": entry, "entry.purpose": "private",
      "host.kind": "person", "host.id": "900515300127", "host.name": "АХМЕТОВ АСЕТ",
      "address.region": "ALA", "address.locality": "Алматы", "address.street": "Абая", "address.building": "10",
      "address.apartment": "5", "address.premises": "apartment",
      "stay.from": entry, "stay.to": addDays(entry, 59),
    },
    stays: [{ entry: addDays(today, -150), exit: addDays(today, -140) }],
  };
}

/** Sets `value` at a dotted path ("immigrant.passport.number"), creating objects on the way. */
function setPath(/** @type {Record<string, any>} */ target, /** @type {string} */ path, /** @type {unknown} */ value) {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] ??= {};
  node[parts[parts.length - 1]] = value;
}

/** A date as a <time>, written in the interface language. @param {string} iso */
const time = (iso) => el("time", { datetime: iso, text: formatDate(iso) });

/**
 * The label of an application's field (a finding's path, "previousStays[1].exit"), in the
 * interface language, from the module.
 * @param {string} path
 * @returns {string | null}
 */
function fieldLabel(path) {
  return tirkeu.fieldLabel(path, lang()) ?? null;
}

/**
 * @param {{ rules?: () => import("./pkg/rules-data.js").RulesData | null }} [context] the rules by
 *   the installed data bundle's tables, or null for the module's compiled-in tables
 */
export function setupCheck({ rules = () => null } = {}) {
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const form = /** @type {HTMLFormElement} */ ($("check-form"));
  const stays = $("stays");
  const moved = /** @type {HTMLInputElement} */ ($("in-moved"));
  const today = /** @type {HTMLInputElement} */ ($("check-today"));
  /** @type {Set<string>} */
  const touched = new Set();
  let showAll = false;
  let timer = 0;
  /** @type {Report | null} */
  let lastReport = null;
  let todayChosen = false;

  /** The evaluation date: the chosen one, or today in Kazakhstan at this moment. */
  function checkDate() {
    if (!todayChosen || !today.value) {
      todayChosen = false;
      today.value = tirkeu.todayInKazakhstan();
    }
    return today.value;
  }

  function setDefaults() {
    const policy = tirkeu.defaultPolicy();
    for (const [id, value] of [["in-immigrant-passport-kind", "ordinary"], ["in-host-kind", "person"],
      ["in-policy-deadlineCounting", policy.deadlineCounting], ["in-policy-reRegistrationCounting", policy.reRegistrationCounting]]) {
      /** @type {HTMLSelectElement} */ ($(id)).value = value;
    }
  }

  /** The labels of the form's fields, from the module. */
  function applyLabels() {
    for (const label of /** @type {NodeListOf<HTMLLabelElement>} */ (form.querySelectorAll("label[data-field-label]"))) {
      const row = label.closest("li.stay");
      const path = (label.dataset.fieldLabel ?? "").replace("[]", row ? `[${Array.prototype.indexOf.call(stays.children, row)}]` : "[0]");
      const text = fieldLabel(path);
      if (text && label.textContent !== text) label.textContent = text;
    }
  }

  // ---- earlier stays, as rows ----
  function renumberStays() {
    Array.from(stays.children).forEach((row, index) => {
      for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (row.querySelectorAll("input"))) {
        const path = `previousStays.${index}.${input.dataset.part}`;
        input.id = `in-${path.replaceAll(".", "-")}`;
        input.name = path;
        /** @type {HTMLLabelElement} */ (input.previousElementSibling).htmlFor = input.id;
        /** @type {HTMLElement} */ (input.closest(".field")).dataset.path = path;
      }
    });
    $("stays-none").hidden = stays.children.length > 0;
    applyLabels();
  }

  /** @param {{ entry?: string, exit?: string }} values */
  function addStay(values = {}) {
    const template = /** @type {HTMLTemplateElement} */ ($("stay-row"));
    const row = /** @type {HTMLElement} */ (/** @type {HTMLElement} */ (template.content.firstElementChild).cloneNode(true));
    for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (row.querySelectorAll("input"))) {
      input.value = values[/** @type {"entry" | "exit"} */ (input.dataset.part)] ?? "";
    }
    row.querySelector(".stay-remove")?.addEventListener("click", () => {
      const next = row.nextElementSibling?.querySelector("input") ?? $("stay-add");
      row.remove();
      renumberStays();
      next.focus();
      schedule();
    });
    stays.append(row);
    for (const node of /** @type {NodeListOf<HTMLElement>} */ (row.querySelectorAll("[data-i18n]"))) node.textContent = t(node.dataset.i18n ?? "");
    renumberStays();
    return row;
  }

  // ---- the application from the form ----
  function application() {
    /** @type {Record<string, any>} */
    const result = { previousStays: [], addressChange: null };
    for (const input of /** @type {HTMLCollectionOf<HTMLInputElement>} */ (form.elements)) {
      if (!input.name || input.name.startsWith("previousStays.") || input.name.startsWith("addressChange.")) continue;
      if (input.value !== "") setPath(result, input.name, input.value);
      else if (input.dataset.null) setPath(result, input.name, null);
    }
    for (const row of stays.children) {
      /** @type {Record<string, string>} */
      const stay = {};
      for (const input of row.querySelectorAll("input")) if (input.value) stay[input.dataset.part ?? ""] = input.value;
      result.previousStays.push(stay);
    }
    const movedOn = /** @type {HTMLInputElement} */ ($("in-addressChange-movedOn")).value;
    if (moved.checked) result.addressChange = movedOn ? { movedOn } : {};
    return result;
  }

  /** The field element a finding's path names: itself, or the nearest enclosing field on the form. */
  function locate(/** @type {string | undefined} */ path) {
    let parts = String(path ?? "").replace(/\[(\d+)\]/g, ".$1").split(".").filter(Boolean);
    while (parts.length) {
      const field = /** @type {HTMLElement | null} */ (form.querySelector(`.field[data-path="${CSS.escape(parts.join("."))}"]`));
      if (field && !field.closest("[hidden]")) return field;
      parts = parts.slice(0, -1);
    }
    return null;
  }

  // ---- rendering the report ----
  /** @param {Finding} finding */
  function findingItem(finding) {
    const severity = finding.severity;
    return el("li", { class: `finding is-${severity}`, "data-code": finding.code, "data-severity": severity },
      el("span", { class: "finding-icon", "aria-hidden": "true", text: severity === "error" ? "✗" : severity === "warning" ? "!" : "i" }),
      " ", el("span", { text: finding.message }),
      finding.basis ? el("small", { class: "basis" }, " ", t("card.basis", finding.basis)) : null);
  }

  /**
   * The card of a deadline: the last day (included), what is left or by how much it was missed,
   * the other reading's date explained in one line.
   * @param {"deadline" | "rereg"} kind
   * @param {Deadline} deadline
   * @param {string} checkedOn the report's evaluation date
   */
  function deadlineCard(kind, deadline, checkedOn) {
    const { state, registerBy, outerBound, daysLeft } = deadline;
    const key = (/** @type {string} */ name) => (kind === "rereg" ? `card.rereg.${name}` : `card.${name}`);
    const effectiveBy = deadline.effectiveBy;
    /** @type {Array<Node | string | null>} */
    const lines = [];
    if (state === "not_applicable") {
      lines.push(el("p", { "data-value": "state", text: t("card.notApplicable") }));
    } else {
      lines.push(el("p", { class: "big", "data-value": "registerBy" }, ...sentence(key("lastDay"), time(registerBy))));
      if (state === "open") {
        const left = kind === "rereg" && deadline.workingDaysLeft != null
          ? formatCount(deadline.workingDaysLeft, "workingDays") : formatCount(daysLeft, "days");
        lines.push(el("p", { "data-value": "daysLeft", "data-days": daysLeft, text: t(key("daysLeft"), left) }));
      } else if (state === "due_today") {
        lines.push(el("p", { "data-value": "daysLeft", "data-days": 0, class: "warn", text: t("card.dueToday") }));
      } else if (state === "missed") {
        // Late by the days since the day the state is judged against (for a move, the later of
        // its own deadline and the first registration's).
        const late = daysBetween(effectiveBy ?? registerBy, checkedOn);
        lines.push(el("p", { "data-value": "daysLeft", "data-days": -late, class: "error", text: t("card.missed", formatCount(late, "days")) }));
      }
      if (kind === "rereg" && effectiveBy && effectiveBy !== registerBy) {
        lines.push(el("p", { "data-value": "effectiveBy" }, ...sentence("card.rereg.effective", time(effectiveBy))));
      }
      if (outerBound && outerBound !== registerBy) {
        lines.push(el("p", { class: "hint", "data-value": "outerBound" }, ...sentence(key("outerBound"), time(outerBound))));
      }
    }
    if (deadline.provisional) lines.push(el("p", { class: "hint", text: t("card.provisional") }));
    return el("section", { class: `card is-${state}`, "data-card": kind, "data-state": state },
      el("h3", { text: t(kind === "rereg" ? "card.rereg" : "card.deadline") }), ...lines);
  }

  /**
   * The stay card: the last day, and only the limit that binds (the labour contract, the days
   * per entry, or the days in the rolling window), with numbers that agree with each other.
   * @param {StayLimit} stay
   * @param {string | undefined} entry the entry date of the application
   */
  function stayCard(stay, entry) {
    const { lastAllowedDay, overstayDays, daysPerEntry, daysInWindow, windowDays, daysUsed } = stay;
    /** @type {Array<Node | string | null>} */
    const lines = [];
    if (entry && lastAllowedDay < entry) {
      lines.push(el("p", { class: "error", "data-value": "lastAllowedDay", text: t("card.stay.none") }));
    } else if (stay.limitedBy === "labour_contract") {
      lines.push(el("p", { class: "big", "data-value": "lastAllowedDay" }, ...sentence("card.stay.contract", time(lastAllowedDay))));
    } else {
      lines.push(el("p", { class: "big", "data-value": "lastAllowedDay" }, ...sentence("card.stay.lastDay", time(lastAllowedDay))));
      // The days per entry bind when the stay ends on the last of them, before the window fills.
      const perEntryBinds = Boolean(entry) && daysPerEntry < daysInWindow && addDays(/** @type {string} */ (entry), daysPerEntry - 1) === lastAllowedDay;
      if (perEntryBinds) {
        lines.push(el("p", { "data-value": "limit", "data-limit": "per_entry", text: t("card.stay.perEntry", formatCount(daysPerEntry, "days")) }));
      } else if (overstayDays <= 0) {
        lines.push(el("p", { "data-value": "limit", "data-limit": "window",
          text: t("card.stay.window", formatCount(daysUsed, "days"), formatCount(daysInWindow, "days"), formatCount(windowDays, "days")) }));
      }
    }
    if (overstayDays > 0) {
      lines.push(el("p", { class: "error", "data-value": "overstayDays", "data-days": overstayDays, text: t("card.stay.overstay", formatCount(overstayDays, "days")) }));
    }
    if (stay.confidence !== "high") lines.push(el("p", { class: "hint", text: t("card.confidence", t(`conf.${stay.confidence}`)) }));
    if (stay.basis) lines.push(el("p", { class: "hint basis", text: t("card.basis", stay.basis) }));
    return el("section", { class: `card${overstayDays > 0 ? " is-missed" : ""}`, "data-card": "stay", "data-limited-by": stay.limitedBy },
      el("h3", { text: t("card.stay") }), ...lines);
  }

  /** @param {Report} report @param {Record<string, any>} app */
  function cards(report, app) {
    const out = [];
    const obligation = report.obligation;
    if (obligation) {
      out.push(el("section", { class: "card", "data-card": "obligation", "data-kind": obligation.kind },
        el("h3", { text: t("card.obligation") }), el("p", { text: obligation.message }),
        obligation.basis ? el("p", { class: "hint basis", text: t("card.basis", obligation.basis) }) : null));
    }
    if (report.deadline) out.push(deadlineCard("deadline", report.deadline, report.checkedOn));
    if (report.reRegistration) out.push(deadlineCard("rereg", report.reRegistration, report.checkedOn));
    if (report.stay) out.push(stayCard(report.stay, app.entry?.date));
    return out;
  }

  /** @param {Report} report @param {Record<string, any>} app */
  function render(report, app) {
    for (const list of form.querySelectorAll("ul.findings")) list.remove();
    for (const input of form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
    const started = showAll || touched.size > 0;
    /** @type {Array<{ finding: Finding, field: HTMLElement | null }>} */
    const shown = [];
    for (const finding of report.findings) {
      const field = locate(finding.field);
      const visible = showAll || (field ? touched.has(field.dataset.path ?? "") : started);
      if (!visible) continue;
      shown.push({ finding, field });
      if (!field) continue;
      let list = field.querySelector("ul.findings");
      if (!list) {
        list = el("ul", { class: "findings", id: `findings-${(field.dataset.path ?? "").replaceAll(".", "-")}` });
        field.append(list);
      }
      list.append(findingItem(finding));
      const input = field.querySelector("input, select");
      if (input) {
        input.setAttribute("aria-describedby", list.id);
        if (finding.severity === "error") input.setAttribute("aria-invalid", "true");
      }
    }

    $("report").dataset.ok = String(report.ok);
    const summary = $("report-summary");
    if (!started) {
      summary.replaceChildren(el("p", { text: t("summary.hint") }));
      $("report-cards").replaceChildren();
      return;
    }
    const errors = shown.filter(({ finding }) => finding.severity === "error");
    const others = shown.filter(({ finding }) => finding.severity !== "error");
    const item = (/** @type {{ finding: Finding, field: HTMLElement | null }} */ { finding, field }) => {
      const li = findingItem(finding);
      const input = /** @type {HTMLElement | null | undefined} */ (field?.querySelector("input, select"));
      if (input) {
        // Named by the field's full label ("Stay until", not "Until"), whatever the form shows.
        const label = (finding.field && fieldLabel(finding.field)) || field?.querySelector("label")?.textContent || "";
        const go = el("button", { type: "button", class: "link", text: label });
        go.addEventListener("click", () => input.focus());
        li.prepend(go, " ");
      }
      return li;
    };
    summary.replaceChildren(
      el("p", { class: errors.length ? "summary-line is-error" : "summary-line is-ok" },
        el("span", { "aria-hidden": "true", text: errors.length ? "✗ " : "✓ " }),
        errors.length ? t("summary.errors", errors.length) : t("summary.ok")),
      errors.length ? el("ul", { class: "summary-list" }, ...errors.map(item)) : "",
      others.length ? el("p", { text: t("summary.notes", others.length) }) : "",
      others.length ? el("ul", { class: "summary-list" }, ...others.map(item)) : "");
    $("report-cards").replaceChildren(...cards(report, app));
  }

  function run() {
    clearTimeout(timer);
    const app = application();
    try {
      lastReport = (rules() ?? tirkeu).checkApplication(app, { today: checkDate(), lang: lang() });
    } catch (error) {
      $("report-summary").replaceChildren(el("p", { class: "error", text: String(/** @type {Error} */ (error)?.message ?? error) }));
      return;
    }
    render(lastReport, app);
    // The tables the report was made with: a data bundle's version, or the compiled-in one.
    $("check-data").textContent = t("check.data", lastReport.dataVersion);
  }

  function schedule() {
    clearTimeout(timer);
    timer = window.setTimeout(run, DEBOUNCE_MS);
  }

  // ---- wiring ----
  form.addEventListener("input", schedule);
  form.addEventListener("change", (event) => {
    const path = /** @type {HTMLElement} */ (event.target).closest?.(".field")?.getAttribute("data-path");
    if (path) touched.add(path);
    schedule();
  });
  form.addEventListener("focusout", (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    const path = target.closest?.(".field")?.getAttribute("data-path");
    if (path && target.value !== "") touched.add(path);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    showAll = true;
    run();
    const firstError = form.querySelector('[aria-invalid="true"]');
    if (firstError) $("report-summary").focus();
  });
  today.addEventListener("change", () => {
    todayChosen = today.value !== "" && today.value !== tirkeu.todayInKazakhstan();
    schedule();
  });
  moved.addEventListener("change", () => {
    $("moved-on-field").hidden = !moved.checked;
    schedule();
  });
  $("stay-add").addEventListener("click", () => addStay().querySelector("input")?.focus());
  function clearForm() {
    const checkedOn = today.value; // the check date is a setting, not part of the application
    form.reset();
    today.value = checkedOn;
    setDefaults();
  }
  // The form's lists (about 250 countries, sorted for the language) are filled when the view is
  // first shown; the sample and reset buttons fill them before they use them.
  const view = lazyFormView(form, {
    setup() { setDefaults(); applyLabels(); },
    refresh() { applyLabels(); run(); },
  });
  $("check-sample").addEventListener("click", () => {
    view.enter();
    clearForm();
    stays.replaceChildren();
    const { fields, stays: trips } = sample(checkDate());
    for (const [name, value] of Object.entries(fields)) {
      /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value = value;
    }
    for (const stay of trips) addStay(stay);
    moved.checked = false;
    $("moved-on-field").hidden = true;
    showAll = true;
    run();
  });
  $("check-reset").addEventListener("click", () => {
    view.enter();
    clearForm();
    stays.replaceChildren();
    renumberStays();
    $("moved-on-field").hidden = true;
    touched.clear();
    showAll = false;
    run();
  });

  renumberStays();
  today.value = tirkeu.todayInKazakhstan();

  return {
    ...view,
    /** The last report, for tests and the console. */
    get report() { return lastReport; },
  };
}
