// The Verify view: camera, images (files, drag and drop, paste) and text in; the verdict and the
// batch table out. Scanning, verification and every status word come from the module.
//
// The verdict is for an officer at arm's length: it fills the width in its colour, with an icon
// and a word at least 40 px high (green only for `valid`), the DEMO mark apart from it and never
// larger, and "Scan next" beside it. An image with several codes gives one verdict per code, the
// worst first. Several files or lines give the batch table, headed by counts by status, never by
// the last file's verdict. The check date is taken at each verification: a date field the user
// has not set follows the clock (a page left open past midnight in Kazakhstan moves on).
import * as tirkeu from "./pkg/verify.js";
import { lang, t } from "./i18n.js";
import { certificate, daysSince, el, formatCount, formatDate, formatInstant, kazakhstanDate } from "./ui.js";
import { createBatch, iconOf, isDemo, sourceLabel, statusOf, toneOf, wordOf, worstFirst } from "./batch.js";
import { createCamera } from "./camera.js";

/** @typedef {import("./batch.js").Row} Row */
/** @typedef {import("./batch.js").Source} Source */
/** @typedef {import("./batch.js").Problem} Problem */
/** @typedef {import("./pkg/verify.js").ScannedCode} ScannedCode */

const MAX_IMAGE_SIDE = 4096; // photos; the module retries smaller scales itself
const IMAGE_TYPES = /^image\//;

/**
 * What to verify among the codes of one image: every certificate code; when there is none, the
 * first code, which verifies as not a certificate (a code whose data is not text carries an
 * empty text, which the module answers so).
 * @param {ScannedCode[]} codes
 * @returns {Array<{ text: string }>}
 */
function chooseCodes(codes) {
  const certificates = codes.filter((code) => code.text.startsWith("KZ1:"));
  return (certificates.length ? certificates : codes.slice(0, 1)).map((code) => ({ text: code.text }));
}

/** @param {{ verifier: import("./pkg/verify.js").Verifier }} context */
export function setupVerify({ verifier }) {
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const view = $("view-verify");
  const dateInput = /** @type {HTMLInputElement} */ ($("verify-date"));
  const textInput = /** @type {HTMLTextAreaElement} */ ($("verify-text"));
  const verdict = $("verdict");
  const items = $("verdict-items");
  // Moved into the headline verdict each time one is shown.
  const actions = /** @type {HTMLElement} */ (verdict.querySelector(".verdict-actions"));
  const demoBanner = $("verdict-demo");
  // The verdict is announced from a live region that is always present (a region that appears
  // together with its text is not announced by every screen reader).
  const announce = el("p", { id: "verdict-announce", class: "visually-hidden", role: "status", "aria-live": "polite" });
  verdict.before(announce);
  const canvas = document.createElement("canvas");
  const context2d = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d", { willReadFrequently: true }));

  /** @type {Row[]} */
  const rows = [];
  let nextId = 1;
  let nextGroup = 1;
  /** @type {Row[]} */
  let shown = [];
  /** True once the user has picked a check date other than today; otherwise the date follows the clock. */
  let dateChosen = false;

  const batch = createBatch({ rows, onOpen: (row) => { showVerdict([row]); verdict.scrollIntoView({ block: "start" }); } });
  const camera = createCamera({
    onCodes(codes) {
      addInput(chooseCodes(codes), { kind: "camera" });
      // The officer's next step is the next person: the button is under the thumb and in focus.
      $("scan-next").focus({ preventScroll: true });
    },
  });

  /** The check date for a verification now: the chosen one, or today in Kazakhstan at this moment. */
  function checkDate() {
    if (!dateChosen || !dateInput.value) {
      dateChosen = false;
      dateInput.value = tirkeu.todayInKazakhstan();
    }
    return dateInput.value;
  }

  /** @param {Row} row @param {string} on */
  function verifyRow(row, on) {
    row.on = on;
    row.result = null;
    if (row.text === null) return;
    try {
      row.result = verifier.verify(row.text, { on, lang: lang() });
      row.problem = null;
    } catch {
      // Only a verifier without a trust list throws; the row says so.
      row.problem = "unavailable";
    }
  }

  /**
   * One input (a file, a camera read, a line of text) and what was read from it: a verdict when
   * it is the only input, a row each in the table in any case.
   * @param {Array<{ text: string } | { problem: Problem }>} found
   * @param {Source} source
   * @returns {Row[]}
   */
  function rowsOf(found, source) {
    const group = nextGroup++;
    return found.map((item) => ({
      id: nextId++, group, source, on: "", result: null,
      text: "text" in item ? item.text : null,
      problem: "problem" in item ? item.problem : null,
    }));
  }

  /** @param {Array<{ text: string } | { problem: Problem }>} found @param {Source} source */
  function addInput(found, source) {
    addRows(rowsOf(found, source), true);
  }

  /** @param {Row[]} added @param {boolean} single one input (its verdict is shown) or several (the table) */
  function addRows(added, single) {
    if (!added.length) return;
    const on = checkDate();
    for (const row of added) verifyRow(row, on);
    rows.push(...added);
    batch.render();
    if (single) {
      showVerdict(added);
      verdict.scrollIntoView({ block: "start" });
    } else {
      hideVerdict();
      $("batch-box").scrollIntoView({ block: "start" });
      $("batch-summary").focus?.();
    }
  }

  // ---- the verdict ----
  function hideVerdict() {
    shown = [];
    verdict.hidden = true;
    delete verdict.dataset.status;
    delete verdict.dataset.demo;
    batch.setCurrent(null);
  }

  /** @param {Row} row */
  function verdictItem(row) {
    const status = statusOf(row);
    const result = row.result;
    const demo = isDemo(row);
    const message = result ? result.message : t(`problem.${/** @type {Problem} */ (row.problem)}`, sourceLabel(row));
    const days = status === "valid" || status === "unconfirmed" ? result?.daysRemaining : null;
    const record = result?.record ?? null;
    const meta = [];
    if (result) {
      meta.push(t("verdict.checkedOn", formatDate(result.checkedOn)));
      // The DEMO key's name in the trust list is one language's; the page says what it is in the
      // reader's. A production key is named by its issuer, as the trust list writes it.
      const keyName = demo ? t("verdict.demoKey") : result.keyName ?? result.kid;
      if (keyName && record) meta.push(t("verdict.key", keyName));
      if (result.issuedAt && record) meta.push(t("verdict.issued", formatInstant(result.issuedAt)));
    }
    return el("article", { class: `verdict-item tone-${toneOf(status)}`, "data-status": status, "data-demo": String(demo) },
      el("p", { class: "verdict-line" },
        el("span", { class: "verdict-icon", "aria-hidden": "true", text: iconOf(status) }), " ",
        el("span", { class: "verdict-word", text: wordOf(status) }),
        demo ? el("span", { class: "demo-tag", text: t("verdict.demoMark") }) : null),
      el("div", { class: "verdict-body" },
        el("p", { class: "verdict-message", text: message }),
        days != null ? el("p", { class: "verdict-days", text: t("verdict.daysRemaining", formatCount(days, "days")) }) : null,
        result?.warnings.length ? el("ul", { class: "verdict-warnings" },
          ...result.warnings.map((w) => el("li", { "data-code": w.code, text: w.message }))) : null,
        record ? certificate(record, { demo }) : status === "bad_signature" ? el("p", { class: "hint", text: t("verdict.noRecord") }) : null,
        meta.length ? el("p", { class: "verdict-meta hint", text: meta.join(" · ") }) : null));
  }

  /** @param {Row[]} group the rows of one input, or one row of the table */
  function showVerdict(group) {
    shown = worstFirst(group);
    const worst = shown[0];
    const status = statusOf(worst);
    const demo = shown.some(isDemo);
    verdict.hidden = false;
    verdict.dataset.status = status;
    verdict.dataset.demo = String(demo);
    verdict.className = `verdict tone-${toneOf(status)}`;
    demoBanner.hidden = !demo;
    $("verdict-count").hidden = shown.length < 2;
    $("verdict-count").textContent = shown.length > 1 ? t("verdict.several", shown.length) : "";
    const rendered = shown.map(verdictItem);
    items.replaceChildren(...rendered);
    // "Scan next" stands beside the headline verdict, right after its coloured line, and the
    // DEMO stripe below them: apart from the verdict and smaller.
    rendered[0].querySelector(".verdict-line")?.after(actions, demoBanner);
    batch.setCurrent(shown.length === 1 ? worst : null);
    announce.textContent = shown.map((row) => [wordOf(statusOf(row)), isDemo(row) ? t("verdict.demoMark") : "",
      row.result?.message ?? ""].filter(Boolean).join(". ")).join(" ");
  }

  // ---- images ----
  /** @param {Blob} blob */
  async function imageData(blob) {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height));
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    context2d.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return context2d.getImageData(0, 0, canvas.width, canvas.height);
  }

  /**
   * What one file holds: the certificate texts among its codes (any other code is shown as not a
   * certificate), or why nothing could be read.
   * @param {File} file
   * @returns {Promise<Array<{ text: string } | { problem: Problem }>>}
   */
  async function readFile(file) {
    const looksLikeImage = IMAGE_TYPES.test(file.type) || (file.type === "" && !/\.pdf$/i.test(file.name));
    if (!looksLikeImage) return [{ problem: "unsupported" }];
    /** @type {ScannedCode[]} */
    let codes;
    try {
      codes = tirkeu.scanImage(await imageData(file), { codes: true });
    } catch {
      return [{ problem: IMAGE_TYPES.test(file.type) ? "unreadable" : "unsupported" }];
    }
    return codes.length ? chooseCodes(codes) : [{ problem: "no_code" }];
  }

  /** @param {File[]} files @param {Source} [source] */
  async function verifyFiles(files, source) {
    const progress = $("files-progress");
    /** @type {Row[]} */
    const added = [];
    for (const [i, file] of files.entries()) {
      const origin = source ?? { kind: "file", name: file.name };
      progress.textContent = t("files.reading", i + 1, files.length, origin.name ?? t(`source.${origin.kind}`));
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the progress line paint
      added.push(...rowsOf(await readFile(file), origin));
    }
    progress.textContent = "";
    addRows(added, files.length === 1);
  }

  /** @param {string} text @param {Source} source */
  function verifyTexts(text, source) {
    const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    const added = lines.flatMap((line, i) => rowsOf([{ text: line }], lines.length > 1 ? { ...source, line: i + 1 } : source));
    addRows(added, lines.length === 1);
  }

  // ---- lists ----
  function renderLists() {
    /** @param {{ iat: number } | null} summary */
    const describe = (summary) => {
      if (!summary) return t("lists.none");
      const date = formatDate(kazakhstanDate(summary.iat));
      const age = daysSince(summary.iat);
      return age === 0 ? t("lists.today", date) : t("lists.age", date, formatCount(age, "days"));
    };
    // The tables the rules use: the data bundle's version, or the module's compiled-in one.
    const data = verifier.dataBundle()?.summary;
    const tables = data ? `${data.version}, ${describe(data)}` : t("lists.builtIn", tirkeu.dataVersion());
    $("lists").textContent = `${t("lists.trust")}: ${describe(verifier.trustList())} · ${t("lists.status")}: ${describe(verifier.statusList())} · ${t("lists.data")}: ${tables}`;
  }

  /** Verifies every row again on its own date (a change of language), or on a new date. @param {string} [on] */
  function reverifyAll(on) {
    for (const row of rows) verifyRow(row, on ?? row.on);
    if (shown.length) showVerdict(shown);
    batch.render();
  }

  // ---- wiring ----
  $("verify-form").addEventListener("submit", (event) => {
    event.preventDefault();
    verifyTexts(textInput.value, { kind: "text" });
  });
  $("verify-file").addEventListener("change", async (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    await verifyFiles(Array.from(input.files ?? []));
    input.value = "";
  });
  const dropzone = $("dropzone");
  dropzone.addEventListener("dragover", (event) => { event.preventDefault(); dropzone.classList.add("over"); });
  dropzone.addEventListener("dragleave", () => dropzone.classList.remove("over"));
  dropzone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropzone.classList.remove("over");
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length) verifyFiles(files);
    else if (event.dataTransfer?.getData("text")) verifyTexts(event.dataTransfer.getData("text"), { kind: "text" });
  });
  document.addEventListener("paste", (event) => {
    if (view.hidden) return;
    const images = Array.from(event.clipboardData?.files ?? []).filter((file) => IMAGE_TYPES.test(file.type));
    if (images.length) {
      event.preventDefault();
      verifyFiles(images, { kind: "paste" });
    } else if (event.target !== textInput && event.clipboardData?.getData("text")) {
      event.preventDefault();
      textInput.value = event.clipboardData.getData("text");
      verifyTexts(textInput.value, { kind: "text" });
    }
  });
  dateInput.addEventListener("change", () => {
    dateChosen = dateInput.value !== "" && dateInput.value !== tirkeu.todayInKazakhstan();
    reverifyAll(checkDate());
  });
  $("scan-next").addEventListener("click", async () => {
    hideVerdict();
    $("camera-box").scrollIntoView({ block: "start" });
    if (await camera.start()) $("camera-box").scrollIntoView({ block: "start" });
    else $("camera-error").scrollIntoView({ block: "center" });
  });
  $("batch-clear").addEventListener("click", () => {
    rows.length = 0;
    hideVerdict();
    batch.render();
  });
  dateInput.value = tirkeu.todayInKazakhstan();

  return {
    enter: renderLists,
    leave: camera.stop,
    relabel() {
      renderLists();
      reverifyAll();
    },
    /** Verifies a text from elsewhere on the page (the Demo view's "Verify this certificate"). @param {string} text */
    verifyText(text) {
      textInput.value = text;
      verifyTexts(text, { kind: "text" });
    },
    camera,
  };
}
