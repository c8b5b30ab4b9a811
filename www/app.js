// Boot, language, navigation, the signed lists. The views live in verify.js, check.js and issue.js.
import init, * as tirkeu from "./pkg/tirkeu.js";
import { LANGS, lang, setLang, t, translate } from "./i18n.js";
import * as config from "./config.js";
import { loadLists } from "./lists.js";
import { setupVerify } from "./verify.js";
import { setupCheck } from "./check.js";
import { setupIssue } from "./issue.js";

/** @typedef {{ enter?: () => void, leave?: () => void, relabel?: () => void }} View */

const LANG_KEY = "tirkeu.lang";
/** @type {Record<string, View>} */
const views = {};
const bootLine = /** @type {HTMLElement} */ (document.getElementById("boot"));
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
  views[name]?.enter?.();
  if (moveFocus) /** @type {HTMLElement | null} */ (document.querySelector(`#view-${name} h1`))?.focus();
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

async function boot() {
  // The module compiles and the files download from start.js on, while this runs.
  const demoFiles = Promise.all([fetchJson(config.DEMO_KEY_URL), fetchJson(config.DEMO_RECORD_URL)]);
  applyLang(initialLang(), false);
  for (const heading of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".view h1"))) heading.tabIndex = -1;
  route(false);
  langSelect.addEventListener("change", () => applyLang(langSelect.value, true));
  window.addEventListener("hashchange", () => route(true));

  try {
    await init({ module_or_path: (await compiledModule) ?? undefined });
  } catch {
    bootLine.textContent = t("boot.failed");
    bootLine.classList.add("error");
    return;
  }
  const verifier = new tirkeu.Verifier(config.PINNED_ROOT_PUBLIC_KEY);
  // The rules by the installed data bundle's tables (its payload, which the verifier checked),
  // or null for the compiled-in tables.
  /** @type {import("./pkg/tirkeu.js").RulesData | null} */
  let rulesData = null;
  let rulesIat = 0;
  function takeDataBundle() {
    const bundle = verifier.dataBundle();
    if (!bundle || bundle.summary.iat === rulesIat) return;
    rulesData?.free();
    rulesData = new tirkeu.RulesData(bundle.payload);
    rulesIat = bundle.summary.iat;
  }
  const { trustError } = await loadLists(verifier, {
    trustUrl: config.TRUST_LIST_URL,
    statusUrl: config.STATUS_LIST_URL,
    dataUrl: config.DATA_BUNDLE_URL,
    request,
    onLate() {
      if (verifier.trustList()) bootLine.hidden = true;
      takeDataBundle();
      views.verify?.relabel?.();
      views.check?.relabel?.();
    },
  });
  takeDataBundle();
  const [demoKey, sampleRecord] = await demoFiles;
  const verify = setupVerify({ verifier });
  views.verify = verify;
  views.check = setupCheck({ rules: () => rulesData });
  views.demo = setupIssue({
    demoKey,
    sampleRecord,
    onVerify(text) {
      location.hash = "#verify";
      verify.verifyText(text);
    },
  });
  if (trustError !== null) {
    bootLine.textContent = t("lists.failed");
    bootLine.classList.add("error");
  } else {
    bootLine.hidden = true;
  }
  applyLang(lang(), false);
  views[currentView()]?.enter?.();
  document.documentElement.dataset.ready = "true";

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js").catch(() => { /* the page still works online */ });
  }
}

boot();
