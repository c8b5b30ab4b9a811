// Boot, language, navigation, the signed lists. The views live in verify.js, check.js and issue.js.
//
// Each view runs on the package's entry point sized to it: the page starts with the verifier's
// module (tirkeu/verify: the default view, and the formatting every view shares), loads the
// rules' module with check.js when the check view is first opened, and the issuer's with issue.js
// when the demo view is. The service worker caches all of them on the first visit, so every view
// also opens offline.
import init, * as tirkeu from "./pkg/verify.js";
import { LANGS, lang, setLang, t, translate } from "./i18n.js";
import * as config from "./config.js";
import { loadLists } from "./lists.js";
import { setupVerify } from "./verify.js";

/** @typedef {{ enter?: () => void, leave?: () => void, relabel?: () => void }} View */

const LANG_KEY = "tirkeu.lang";
/** @type {Record<string, View>} */
const views = {};
/** @type {Record<string, Promise<View> | undefined>} */
const loading = {};
const bootLine = /** @type {HTMLElement} */ (document.getElementById("boot"));
const viewLine = /** @type {HTMLElement} */ (document.getElementById("view-loading"));
const langSelect = /** @type {HTMLSelectElement} */ (document.getElementById("lang"));

function initialLang() {
  let saved = null;
  try { saved = localStorage.getItem(LANG_KEY); } catch { /* storage may be disabled */ }
  if (saved && LANGS.some((l) => l === saved)) return saved;
  const browser = (navigator.languages ?? [navigator.language]).map((l) => String(l).slice(0, 2).toLowerCase());
  return browser.find((l) => LANGS.some((known) => known === l)) ?? "en";
}

/** @param {string} code @param {boolean} remember */
function applyLang(code, remember) {
  setLang(code);
  document.documentElement.lang = lang();
  langSelect.value = lang();
  if (remember) {
    try { localStorage.setItem(LANG_KEY, lang()); } catch { /* not remembered, still switched */ }
  }
  translate();
  document.title = `Tirkeu · ${t(`nav.${currentView()}`)}`;
  for (const view of Object.values(views)) view.relabel?.();
}

function currentView() {
  const name = location.hash.slice(1);
  return ["verify", "check", "demo"].includes(name) ? name : document.querySelector(".view:not([hidden])")?.id.slice(5) ?? "verify";
}

/**
 * The view `name`, set up: at once for a view set up at boot; a lazy view's code and module are
 * loaded once (a failed load is tried again at the next opening).
 * @param {string} name
 * @returns {Promise<View | undefined>}
 */
function viewReady(name) {
  if (views[name] || !loaders[name]) return Promise.resolve(views[name]);
  loading[name] ??= loaders[name]().then((view) => {
    views[name] = view;
    view.relabel?.();
    return view;
  }, (error) => {
    loading[name] = undefined;
    throw error;
  });
  return loading[name];
}

/** @param {boolean} moveFocus */
function route(moveFocus) {
  const name = currentView();
  for (const section of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".view"))) {
    const active = section.id === `view-${name}`;
    if (section.hidden === active) {
      section.hidden = !active;
      if (!active) views[section.id.slice(5)]?.leave?.();
    }
  }
  for (const tab of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".tabs a"))) {
    if (tab.dataset.view === name) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
  document.title = `Tirkeu · ${t(`nav.${name}`)}`;
  if (moveFocus) /** @type {HTMLElement | null} */ (document.querySelector(`#view-${name} h1`))?.focus();
  if (views[name] || !(name in loaders)) {
    viewLine.hidden = true;
    views[name]?.enter?.();
    return Promise.resolve();
  }
  // A view opened for the first time: its form is shown at once (what is done in it meanwhile is
  // kept for it), and a line says that its part of the page is loading.
  viewLine.textContent = t("view.loading");
  viewLine.classList.remove("error");
  viewLine.hidden = !bootLine.hidden; // while the page starts, its own line says so
  return viewReady(name).then(() => {
    if (currentView() !== name) return;
    viewLine.hidden = true;
    views[name]?.enter?.();
    replayEarlyEvents(name);
  }, () => {
    if (currentView() !== name) return;
    viewLine.textContent = t("view.failed");
    viewLine.classList.add("error");
    viewLine.hidden = false;
  });
}

/**
 * What is done in a view before its code runs (typing, choosing, pressing a button), per view:
 * given to the view once it runs, so that nothing done on a slow network is lost. (No form
 * sends itself meanwhile: start.js cancels every submission.)
 * @typedef {{ target: HTMLElement, type: string, value?: string, checked?: boolean }} EarlyEvent
 * @type {Map<string, EarlyEvent[]>}
 */
const earlyEvents = new Map();

/** Starts keeping what is done in the views that load on first opening. */
function keepEarlyEvents() {
  for (const name of Object.keys(loaders)) {
    /** @type {EarlyEvent[]} */
    const events = [];
    earlyEvents.set(name, events);
    for (const type of ["input", "change", "focusout", "click"]) {
      document.getElementById(`view-${name}`)?.addEventListener(type, (event) => {
        if (views[name] || !earlyEvents.has(name) || !(event.target instanceof HTMLElement)) return;
        if (type === "click") {
          const button = event.target.closest("button");
          if (button) events.push({ target: button, type });
          return;
        }
        // The value as it was then: a view's first opening may fill its form (the demo's sample).
        const control = /** @type {HTMLInputElement} */ (event.target);
        events.push({ target: control, type, value: control.value, checked: control.checked });
      }, true);
    }
  }
}

/** Gives a view what was done in it before its code ran. @param {string} name */
function replayEarlyEvents(name) {
  const events = earlyEvents.get(name) ?? [];
  earlyEvents.delete(name);
  for (const { target, type, value, checked } of events) {
    if (type === "click") {
      target.click();
      continue;
    }
    const control = /** @type {HTMLInputElement} */ (target);
    if (value !== undefined && "value" in control && control.type !== "checkbox" && control.type !== "radio") control.value = value;
    if (checked !== undefined && (control.type === "checkbox" || control.type === "radio")) control.checked = checked;
    control.dispatchEvent(type === "focusout" ? new FocusEvent(type, { bubbles: true }) : new Event(type, { bubbles: true }));
  }
}

// What start.js began while the document was parsed: the module's compilation, the files.
const { compiledModule, request } = globalThis.tirkeuStart;

/** A JSON file of the demonstration, or null. @param {string} url */
async function fetchJson(url) {
  try {
    const response = await request(url);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** @type {(value?: unknown) => void} */
let moduleStarted = () => {};
/** @type {(error: unknown) => void} */
let moduleFailed = () => {};
/** Settled once the verifier's module runs: every view writes dates and names with it. */
const started = new Promise((resolve, reject) => { moduleStarted = resolve; moduleFailed = reject; });
started.catch(() => { /* reported by boot() */ });
/** @type {ReturnType<typeof setupVerify> | null} */
let verifyView = null;
/** The data bundle the verifier installed, if any (the verifier is made once its module runs). */
let installedDataBundle = () => /** @type {ReturnType<import("./pkg/verify.js").Verifier["dataBundle"]>} */ (null);

/**
 * The views whose code and module load when they are first opened.
 * @type {Record<string, () => Promise<View>>}
 */
const loaders = {
  async check() {
    const [{ setupCheck }, rules] = await Promise.all([import("./check.js"), import("./pkg/rules-data.js")]);
    await Promise.all([rules.default(), started]);
    /** @type {import("./pkg/rules-data.js").RulesData | null} */
    let rulesData = null;
    let rulesIat = 0;
    return setupCheck({
      // The rules by the installed data bundle's tables (its payload, which the verifier
      // checked), or null for the compiled-in tables; built again when a newer bundle arrives.
      rules() {
        const bundle = installedDataBundle();
        if (bundle && bundle.summary.iat !== rulesIat) {
          rulesData?.free();
          rulesData = new rules.RulesData(bundle.payload);
          rulesIat = bundle.summary.iat;
        }
        return rulesData;
      },
    });
  },
  async demo() {
    const [{ setupIssue }, issuer, [demoKey, sampleRecord]] = await Promise.all([import("./issue.js"), import("./pkg/issue.js"),
      Promise.all([fetchJson(config.DEMO_KEY_URL), fetchJson(config.DEMO_RECORD_URL)])]);
    await Promise.all([issuer.default(), started]);
    return setupIssue({
      demoKey,
      sampleRecord,
      onVerify(text) {
        location.hash = "#verify";
        verifyView?.verifyText(text);
      },
    });
  },
};

async function boot() {
  // The module compiles and the files download from start.js on, while this runs.
  applyLang(initialLang(), false);
  for (const heading of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".view h1"))) heading.tabIndex = -1;
  keepEarlyEvents();
  route(false);
  langSelect.addEventListener("change", () => applyLang(langSelect.value, true));
  window.addEventListener("hashchange", () => route(true));

  try {
    await init({ module_or_path: (await compiledModule) ?? undefined });
  } catch (error) {
    moduleFailed(error);
    bootLine.textContent = t("boot.failed");
    bootLine.classList.add("error");
    return;
  }
  moduleStarted();
  const verifier = new tirkeu.Verifier(config.PINNED_ROOT_PUBLIC_KEY);
  installedDataBundle = () => verifier.dataBundle();
  const { trustError } = await loadLists(verifier, {
    trustUrl: config.TRUST_LIST_URL,
    statusUrl: config.STATUS_LIST_URL,
    dataUrl: config.DATA_BUNDLE_URL,
    request,
    onLate() {
      if (verifier.trustList()) bootLine.hidden = true;
      views.verify?.relabel?.();
      views.check?.relabel?.();
    },
  });
  verifyView = setupVerify({ verifier });
  views.verify = verifyView;
  if (trustError !== null) {
    bootLine.textContent = t("lists.failed");
    bootLine.classList.add("error");
  } else {
    bootLine.hidden = true;
  }
  applyLang(lang(), false);
  // Ready once the view the page opened on is (a view loaded on first opening included).
  await route(false);
  document.documentElement.dataset.ready = "true";

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js").catch(() => { /* the page still works online */ });
  }
}

boot();
