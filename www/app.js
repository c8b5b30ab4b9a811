// Boot, language, navigation. The views live in verify.js, check.js and issue.js.
import init, * as tirkeu from "./pkg/tirkeu.js";
import { LANGS, lang, setLang, t, translate } from "./i18n.js";
import * as config from "./config.js";
import { setupVerify } from "./verify.js";
import { setupCheck } from "./check.js";
import { setupIssue } from "./issue.js";

const LANG_KEY = "tirkeu.lang"; // the only thing the page remembers
const views = {};
const bootLine = document.getElementById("boot");
const langSelect = document.getElementById("lang");

function initialLang() {
  let saved = null;
  try { saved = localStorage.getItem(LANG_KEY); } catch { /* storage may be disabled */ }
  if (LANGS.includes(saved)) return saved;
  const browser = (navigator.languages ?? [navigator.language]).map((l) => String(l).slice(0, 2).toLowerCase());
  return browser.find((l) => LANGS.includes(l)) ?? "en";
}

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

function route(moveFocus) {
  const name = currentView();
  for (const section of document.querySelectorAll(".view")) {
    const active = section.id === `view-${name}`;
    if (section.hidden === active) {
      section.hidden = !active;
      if (!active) views[section.id.slice(5)]?.leave?.();
    }
  }
  for (const tab of document.querySelectorAll(".tabs a")) {
    if (tab.dataset.view === name) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
  document.title = `Tirkeu · ${t(`nav.${name}`)}`;
  views[name]?.enter?.();
  if (moveFocus) document.querySelector(`#view-${name} h1`)?.focus();
}

// What start.js began while the document was parsed: the module's compilation, the files.
const { compiledModule, read } = globalThis.tirkeuStart;

async function fetchBytes(url) {
  const file = await read(url);
  if (!file.ok) throw new Error(`${url}: HTTP ${file.status}`);
  return file.bytes;
}

async function fetchJson(url) {
  try {
    const file = await read(url);
    return file.ok ? JSON.parse(new TextDecoder().decode(file.bytes)) : null;
  } catch {
    return null;
  }
}

/** A promise's outcome as a value: `{ value }` or `{ error }`. */
function settle(promise) {
  return promise.then((value) => ({ value }), (error) => ({ error }));
}

/** Installs the downloaded signed lists; a failure leaves the verifier without them and says so. */
function installLists(trustList, statusList) {
  try {
    if (trustList.error) throw trustList.error;
    tirkeu.loadTrustList(trustList.value, config.PINNED_ROOT_PUBLIC_KEY);
  } catch (error) {
    return String(error?.message ?? error);
  }
  try {
    if (statusList.error) throw statusList.error;
    tirkeu.loadStatusList(statusList.value);
  } catch {
    // Without a status list verification still runs and each result warns `status.missing`.
  }
  return null;
}

async function boot() {
  // The module compiles and the files download from start.js on, while this runs.
  const downloads = Promise.all([
    settle(fetchBytes(config.TRUST_LIST_URL)), settle(fetchBytes(config.STATUS_LIST_URL)),
    fetchJson(config.DEMO_KEY_URL), fetchJson(config.DEMO_RECORD_URL),
  ]);
  applyLang(initialLang(), false);
  for (const heading of document.querySelectorAll(".view h1")) heading.tabIndex = -1;
  route(false);
  langSelect.addEventListener("change", () => applyLang(langSelect.value, true));
  window.addEventListener("hashchange", () => route(true));

  try {
    await init({ module_or_path: (await compiledModule) ?? undefined });
  } catch (error) {
    bootLine.textContent = t("boot.failed", error?.message ?? error);
    bootLine.classList.add("error");
    return;
  }
  const [trustList, statusList, demoKey, sampleRecord] = await downloads;
  const listError = installLists(trustList, statusList);
  const context = { tirkeu, demoKey, sampleRecord };
  views.verify = setupVerify(context);
  views.check = setupCheck(context);
  views.demo = setupIssue({
    ...context,
    onVerify(text) {
      location.hash = "#verify";
      views.verify.verifyText(text);
    },
  });
  if (listError) {
    bootLine.textContent = t("lists.failed", listError);
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
