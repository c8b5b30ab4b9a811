// The "Check an application" view: the form of the information system, checked by the module on
// every change; its findings are placed beside the fields they name, with a summary and the
// deadline, re-registration and stay cards. No rule is decided here.
import { lang, t } from "./i18n.js";
import { el, formatDate, get, lazyFormView } from "./ui.js";

// The application of interfaces.md (a citizen of a 90-day visa-free state, a private host).
const SAMPLE = {
  "immigrant.surname": "IVANOV", "immigrant.givenNames": "IVAN", "immigrant.patronymic": "PETROVICH",
  "immigrant.birthDate": "1990-05-17", "immigrant.citizenship": "RUS",
  "immigrant.passport.number": "751234567", "immigrant.passport.kind": "ordinary", "immigrant.passport.expiresOn": "2031-01-01",
  "entry.date": "2026-07-01", "entry.purpose": "private",
  "host.kind": "person", "host.id": "900515300127", "host.name": "АХМЕТОВ АСЕТ",
  "address.region": "ALA", "address.locality": "Алматы", "address.street": "Абая", "address.building": "10",
  "address.apartment": "5", "address.premises": "apartment",
  "stay.from": "2026-07-01", "stay.to": "2026-09-20",
};
const SAMPLE_STAYS = [{ entry: "2026-01-10", exit: "2026-02-08" }];
const DEBOUNCE_MS = 150;

/** Sets `value` at a dotted path ("immigrant.passport.number"), creating objects on the way. */
function setPath(target, path, value) {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] ??= {};
  node[parts[parts.length - 1]] = value;
}

export function setupCheck({ tirkeu }) {
  const $ = (id) => document.getElementById(id);
  const form = $("check-form");
  const stays = $("stays");
  const moved = $("in-moved");
  const today = $("check-today");
  const touched = new Set();
  let showAll = false;
  let timer = 0;
  let lastReport = null;

  today.value = tirkeu.todayInKazakhstan();

  function setDefaults() {
    for (const [id, value] of [["in-immigrant-passport-kind", "ordinary"], ["in-host-kind", "person"],
      ["in-policy-deadlineCounting", "entry_day_is_day_one"], ["in-policy-reRegistrationCounting", "next_working_day_is_day_one"]]) {
      $(id).value = value;
    }
  }

  // ---- earlier stays, as rows ----
  function renumberStays() {
    Array.from(stays.children).forEach((row, index) => {
      for (const input of row.querySelectorAll("input")) {
        const path = `previousStays.${index}.${input.dataset.part}`;
        input.id = `in-${path.replaceAll(".", "-")}`;
        input.name = path;
        input.previousElementSibling.htmlFor = input.id;
        input.closest(".field").dataset.path = path;
      }
    });
    $("stays-none").hidden = stays.children.length > 0;
  }

  function addStay(values = {}) {
    const row = $("stay-row").content.firstElementChild.cloneNode(true);
    for (const input of row.querySelectorAll("input")) input.value = values[input.dataset.part] ?? "";
    row.querySelector(".stay-remove").addEventListener("click", () => {
      const next = row.nextElementSibling?.querySelector("input") ?? $("stay-add");
      row.remove();
      renumberStays();
      next.focus();
      schedule();
    });
    stays.append(row);
    for (const node of row.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    renumberStays();
    return row;
  }

  // ---- the application from the form ----
  function application() {
    const result = { previousStays: [], addressChange: null };
    for (const input of form.elements) {
      if (!input.name || input.name.startsWith("previousStays.") || input.name.startsWith("addressChange.")) continue;
      if (input.value !== "") setPath(result, input.name, input.value);
      else if (input.dataset.null) setPath(result, input.name, null);
    }
    for (const row of stays.children) {
      const stay = {};
      for (const input of row.querySelectorAll("input")) if (input.value) stay[input.dataset.part] = input.value;
      result.previousStays.push(stay);
    }
    if (moved.checked) result.addressChange = $("in-addressChange-movedOn").value ? { movedOn: $("in-addressChange-movedOn").value } : {};
    return result;
  }

  /** The field element a finding's path names: itself, or the nearest enclosing field on the form. */
  function locate(path) {
    let parts = String(path ?? "").replace(/\[(\d+)\]/g, ".$1").split(".").filter(Boolean);
    while (parts.length) {
      const field = form.querySelector(`.field[data-path="${CSS.escape(parts.join("."))}"]`);
      if (field && !field.closest("[hidden]")) return field;
      parts = parts.slice(0, -1);
    }
    return null;
  }

  // ---- rendering the report ----
  function findingItem(finding) {
    const severity = get(finding, "severity");
    return el("li", { class: `finding is-${severity}`, "data-code": get(finding, "code"), "data-severity": severity },
      el("span", { class: "finding-icon", "aria-hidden": "true", text: severity === "error" ? "✗" : severity === "warning" ? "!" : "i" }),
      " ", el("span", { text: get(finding, "message") }),
      get(finding, "basis") ? el("small", { class: "basis", text: ` ${get(finding, "basis")}` }) : null);
  }

  function dateValue(key, value, extra) {
    return [el("dt", { text: t(key) }), el("dd", { "data-value": key.split(".")[1] },
      value ? el("time", { datetime: value, text: formatDate(value) }) : "—", extra ? ` ${extra}` : "")];
  }

  function deadlineCard(titleKey, deadline, daysKey, daysValueKey) {
    const state = get(deadline, "state");
    return el("section", { class: `card is-${state}`, "data-card": titleKey.split(".")[1], "data-state": state },
      el("h3", { text: t(titleKey) }),
      el("dl", {},
        ...dateValue("card.registerBy", get(deadline, "registerBy"), state ? `(${t(`card.state.${state}`)})` : ""),
        el("dt", { text: t(daysKey) }), el("dd", { "data-value": "daysLeft", class: "big", text: get(deadline, daysValueKey) ?? "—" }),
        ...(get(deadline, "outerBound") ? dateValue("card.outerBound", get(deadline, "outerBound")) : [])),
      get(deadline, "provisional") ? el("p", { class: "hint", text: t("card.provisional") }) : null);
  }

  function cards(report) {
    const out = [];
    const obligation = get(report, "obligation");
    if (obligation) {
      out.push(el("section", { class: "card", "data-card": "obligation", "data-kind": get(obligation, "kind") },
        el("h3", { text: t("card.obligation") }), el("p", { text: get(obligation, "message") }),
        get(obligation, "basis") ? el("p", { class: "hint", text: t("card.basis", get(obligation, "basis")) }) : null));
    }
    const deadline = get(report, "deadline");
    if (deadline) out.push(deadlineCard("card.deadline", deadline, "card.daysLeft", "daysLeft"));
    const reRegistration = get(report, "reRegistration");
    if (reRegistration) out.push(deadlineCard("card.rereg", reRegistration, "card.workingDaysLeft", "workingDaysLeft"));
    const stay = get(report, "stay");
    if (stay) {
      const overstay = get(stay, "overstayDays");
      const confidence = get(stay, "confidence");
      out.push(el("section", { class: `card${overstay > 0 ? " is-missed" : ""}`, "data-card": "stay" },
        el("h3", { text: t("card.stay") }),
        el("dl", {}, ...dateValue("card.lastAllowedDay", get(stay, "lastAllowedDay"))),
        get(stay, "daysInWindow") != null ? el("p", { text: t("card.daysUsed", get(stay, "daysUsed"), get(stay, "daysInWindow"), get(stay, "windowDays")) }) : null,
        get(stay, "daysPerEntry") != null ? el("p", { text: t("card.perEntry", get(stay, "daysPerEntry")) }) : null,
        overstay > 0 ? el("p", { class: "error", text: t("card.overstay", overstay) }) : null,
        confidence ? el("p", { class: "hint", text: t("card.confidence", t(`conf.${confidence}`)) }) : null));
    }
    return out;
  }

  function render(report) {
    for (const list of form.querySelectorAll("ul.findings")) list.remove();
    for (const input of form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
    const started = showAll || touched.size > 0;
    const shown = [];
    for (const finding of Array.from(get(report, "findings") ?? [])) {
      const field = locate(get(finding, "field"));
      const visible = showAll || (field ? touched.has(field.dataset.path) : started);
      if (!visible) continue;
      shown.push({ finding, field });
      if (!field) continue;
      let list = field.querySelector("ul.findings");
      if (!list) {
        list = el("ul", { class: "findings", id: `findings-${field.dataset.path.replaceAll(".", "-")}` });
        field.append(list);
      }
      list.append(findingItem(finding));
      const input = field.querySelector("input, select");
      if (input) {
        input.setAttribute("aria-describedby", list.id);
        if (get(finding, "severity") === "error") input.setAttribute("aria-invalid", "true");
      }
    }

    const box = $("report");
    box.dataset.ok = String(Boolean(get(report, "ok")));
    const summary = $("report-summary");
    if (!started) {
      summary.replaceChildren(el("p", { text: t("summary.hint") }));
      $("report-cards").replaceChildren();
      return;
    }
    const errors = shown.filter(({ finding }) => get(finding, "severity") === "error");
    const others = shown.filter(({ finding }) => get(finding, "severity") !== "error");
    const item = ({ finding, field }) => {
      const li = findingItem(finding);
      const input = field?.querySelector("input, select");
      if (input) {
        const label = field.querySelector("label")?.textContent ?? "";
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
      others.length ? el("p", { text: t("summary.warnings", others.length) }) : "",
      others.length ? el("ul", { class: "summary-list" }, ...others.map(item)) : "");
    $("report-cards").replaceChildren(...cards(report));
  }

  function run() {
    clearTimeout(timer);
    try {
      lastReport = tirkeu.checkApplication(application(), { today: today.value || undefined, lang: lang() });
    } catch (error) {
      $("report-summary").replaceChildren(el("p", { class: "error", text: String(error?.message ?? error) }));
      return;
    }
    render(lastReport);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  // ---- wiring ----
  form.addEventListener("input", schedule);
  form.addEventListener("change", (event) => {
    const path = event.target.closest?.(".field")?.dataset.path;
    if (path) touched.add(path);
    schedule();
  });
  form.addEventListener("focusout", (event) => {
    const path = event.target.closest?.(".field")?.dataset.path;
    if (path && event.target.value !== "") touched.add(path);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    showAll = true;
    run();
    const firstError = form.querySelector('[aria-invalid="true"]');
    if (firstError) $("report-summary").focus();
  });
  today.addEventListener("change", schedule);
  moved.addEventListener("change", () => {
    $("moved-on-field").hidden = !moved.checked;
    schedule();
  });
  $("stay-add").addEventListener("click", () => addStay().querySelector("input").focus());
  function clearForm() {
    const checkedOn = today.value; // the check date is a setting, not part of the application
    form.reset();
    today.value = checkedOn;
    setDefaults();
  }
  // The form's lists (about 250 countries, sorted for the language) are filled when the view is
  // first shown; the sample and reset buttons fill them before they use them.
  const view = lazyFormView(tirkeu, form, { setup: setDefaults, refresh: run });
  $("check-sample").addEventListener("click", () => {
    view.enter();
    clearForm();
    stays.replaceChildren();
    for (const [name, value] of Object.entries(SAMPLE)) form.elements.namedItem(name).value = value;
    for (const stay of SAMPLE_STAYS) addStay(stay);
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

  return {
    ...view,
    /** The last report, for tests and the console. */
    get report() { return lastReport; },
  };
}
