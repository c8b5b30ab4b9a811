// Embedding example: a portal's own form validated by the tirkeu package.
// In a portal: `npm install tirkeu`, then `import init, { checkApplication } from "tirkeu/rules";`,
// the entry point sized to a form (here the page's own build is imported from ../pkg/).
//
// The findings, the field labels they use and the dates are the package's, in the language asked
// for; the portal keeps only its own texts (TEXTS below).
import init, { checkApplication, compareNames, countries, fieldLabel, formatDate, regions } from "../pkg/rules.js";

const TEXTS = {
  en: {
    lang: "Language", title: "A portal form that checks itself",
    intro: "This page shows how a form on another site uses the tirkeu npm package: the application is checked in the browser on every change and on submit, and each finding is shown beside the field it names. Nothing is sent: this example stops at “ready to submit”.",
    source: "The source: embed.js", immigrant: "Immigrant", stay: "Entry and stay", host: "Host and address",
    choose: "Choose…",
    submit: "Submit", back: "Back to the full checker",
    errors: "Errors to correct: {0}.", ready: "No errors: ready to submit.",
    deadline: "Last day to register: {0} (this day included).",
  },
  ru: {
    lang: "Язык", title: "Форма портала, которая проверяет себя сама",
    intro: "Эта страница показывает, как форма на другом сайте пользуется npm-пакетом tirkeu: заявление проверяется в браузере при каждом изменении и при отправке, а каждое замечание выводится рядом с полем, к которому оно относится. Ничего не отправляется: пример останавливается на сообщении «можно отправлять».",
    source: "Исходный код: embed.js", immigrant: "Иммигрант", stay: "Въезд и пребывание", host: "Принимающая сторона и адрес",
    choose: "Выберите…",
    submit: "Отправить", back: "Вернуться к полной проверке",
    errors: "Исправьте ошибки: {0}.", ready: "Ошибок нет: можно отправлять.",
    deadline: "Последний день регистрации: {0} (включительно).",
  },
  kk: {
    lang: "Тіл", title: "Өзін-өзі тексеретін портал формасы",
    intro: "Бұл бет басқа сайттағы форманың tirkeu npm-пакетін қалай пайдаланатынын көрсетеді: өтініш әр өзгерген сайын және жіберу кезінде браузерде тексеріледі, ал әр ескертпе өзі қатысты өрістің жанында шығады. Ештеңе жіберілмейді: мысал «жіберуге болады» деген хабармен аяқталады.",
    source: "Бастапқы коды: embed.js", immigrant: "Иммигрант", stay: "Келу және болу", host: "Қабылдаушы тарап және мекенжай",
    choose: "Таңдаңыз…",
    submit: "Жіберу", back: "Толық тексеруге оралу",
    errors: "Түзетілетін қателер: {0}.", ready: "Қате жоқ: жіберуге болады.",
    deadline: "Тіркелудің соңғы күні: {0} (осы күнді қоса алғанда).",
  },
};

/** @typedef {import("../pkg/rules.js").Lang} Lang */
const form = /** @type {HTMLFormElement} */ (document.getElementById("application"));
const langSelect = /** @type {HTMLSelectElement} */ (document.getElementById("lang"));
const summary = /** @type {HTMLElement} */ (document.getElementById("summary"));
const deadlineLine = /** @type {HTMLElement} */ (document.getElementById("deadline"));
let ready = false;
/** @type {Lang} */
let lang = "en";

// Registered before the package loads: a submit then shows the findings once it is ready, and the
// form never goes anywhere (its method is "dialog" as well).
form.addEventListener("submit", (event) => {
  event.preventDefault(); // a real portal would submit when there is no error
  if (!ready) return;
  const errors = show(false);
  if (errors) /** @type {HTMLElement | null} */ (form.querySelector('[aria-invalid="true"]'))?.focus();
});
form.addEventListener("input", (event) => {
  /** @type {HTMLInputElement} */ (event.target).dataset.touched = "true";
  if (ready) show(true);
});

// The application JSON from the form: each control's name is a dotted path into it.
function application() {
  /** @type {Record<string, any>} */
  const result = { previousStays: [], addressChange: null };
  for (const control of /** @type {Iterable<HTMLInputElement>} */ (form.elements)) {
    if (!control.name || control.value === "") continue; // a blank field is reported as field.required
    const parts = control.name.split(".");
    let node = result;
    for (const part of parts.slice(0, -1)) node = node[part] ??= {};
    node[parts[parts.length - 1]] = control.value;
  }
  return result;
}

/** @param {keyof typeof TEXTS.en} key @param {string | number} [value] */
const text = (key, value = "") => TEXTS[lang][key].replace("{0}", String(value));

// Shows each finding beside the control whose name equals its field (or encloses it); on input,
// only beside the fields already touched. The summary counts the errors it shows.
function show(/** @type {boolean} */ touchedOnly) {
  const report = checkApplication(application(), { lang });
  for (const old of form.querySelectorAll(".finding")) old.remove();
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  let errors = 0;
  for (const finding of report.findings) {
    let path = (finding.field ?? "").replace(/\[(\d+)\]/g, ".$1");
    /** @type {HTMLInputElement | null} */
    let control = null;
    while (path && !(control = /** @type {HTMLInputElement | null} */ (form.elements.namedItem(path)))) path = path.split(".").slice(0, -1).join(".");
    if (!control || control.type === "hidden" || (touchedOnly && !control.dataset.touched)) continue;
    if (finding.severity === "error") errors++;
    const note = document.createElement("span");
    note.className = `finding ${finding.severity}`;
    note.dataset.code = finding.code;
    note.id = `note-${control.name}`;
    note.textContent = finding.message;
    control.after(note);
    control.setAttribute("aria-describedby", note.id);
    if (finding.severity === "error") control.setAttribute("aria-invalid", "true");
  }
  summary.textContent = errors ? text("errors", errors) : touchedOnly ? "" : text("ready");
  summary.className = errors ? "bad" : "good";
  const deadline = report.deadline;
  deadlineLine.textContent = deadline?.registerBy
    ? text("deadline", formatDate(deadline.registerBy, lang)) : "";
  return errors;
}

// The citizenship and region lists, named by the package in the chosen language: countries in the
// order of the language's alphabet (the package's compareNames: the browser's collator may have no
// Kazakh order), regions in the package's order (cities first). A stateless person's
// code (XXA) is accepted too; a portal offers it as its own forms name it.
function fillLists() {
  const key = /** @type {const} */ ({ kk: "nameKk", ru: "nameRu", en: "nameEn" })[lang];
  const lists = {
    "immigrant.citizenship": countries().map((c) => [c.code, c[key]]).sort((a, b) => compareNames(a[1], b[1], lang)),
    "address.region": regions().map((r) => [r.code, r[key]]),
  };
  for (const [name, options] of Object.entries(lists)) {
    const select = /** @type {HTMLSelectElement} */ (form.elements.namedItem(name));
    const kept = select.value;
    select.replaceChildren(new Option(text("choose"), ""), ...options.map(([code, label]) => new Option(label, code)));
    select.value = kept;
  }
}

// The page's texts in the chosen language; the fields' labels and the lists from the package.
function translate() {
  document.documentElement.lang = lang;
  langSelect.value = lang;
  for (const node of document.querySelectorAll("[data-t]")) {
    node.textContent = TEXTS[lang][/** @type {keyof typeof TEXTS.en} */ (/** @type {HTMLElement} */ (node).dataset.t)];
  }
  if (ready) {
    for (const node of document.querySelectorAll("[data-label]")) {
      node.textContent = fieldLabel(/** @type {HTMLElement} */ (node).dataset.label ?? "", lang) ?? node.textContent;
    }
    fillLists();
    if (form.querySelector("[data-touched]")) show(true);
  }
}

/** @param {string | null | undefined} code @returns {code is Lang} */
const known = (code) => code === "kk" || code === "ru" || code === "en";

/** @returns {Lang} */
function savedLang() {
  try {
    const saved = localStorage.getItem("tirkeu.lang");
    if (known(saved)) return saved;
  } catch { /* storage may be disabled */ }
  return navigator.languages?.map((l) => l.slice(0, 2)).find(known) ?? "en";
}

langSelect.addEventListener("change", () => {
  if (known(langSelect.value)) lang = langSelect.value;
  try { localStorage.setItem("tirkeu.lang", lang); } catch { /* not remembered */ }
  translate();
});
lang = savedLang();
translate();

await init();
ready = true;
translate();
document.documentElement.dataset.ready = "true";
