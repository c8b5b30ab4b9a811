// The Verify view: camera, images (files, drag and drop, paste) and text in; the verdict and the
// batch table out. Scanning, verification and every status word come from the module.
import { lang, t } from "./i18n.js";
import { certificate, countryLabel, daysSince, download, el, formatDate, formatInstant, fullName, get } from "./ui.js";

const ICONS = { valid: "✓", expired: "⌛", not_yet_valid: "⏳", no_code: "?" };
const SCAN_INTERVAL_MS = 120;
const MAX_FRAME_SIDE = 960; // camera frames: enough for a certificate held in front of the lens
const MAX_IMAGE_SIDE = 2400; // photos; the module retries smaller scales itself

export function setupVerify({ tirkeu }) {
  const $ = (id) => document.getElementById(id);
  const view = $("view-verify");
  const dateInput = $("verify-date");
  const verdict = $("verdict");
  // The verdict is announced from a live region that is always present (a region that appears
  // together with its text is not announced by every screen reader).
  const announce = el("p", { id: "verdict-announce", class: "visually-hidden", role: "status", "aria-live": "polite" });
  verdict.before(announce);
  const canvas = document.createElement("canvas");
  const context2d = canvas.getContext("2d", { willReadFrequently: true });

  const rows = []; // { id, source: {kind} | {name}, text (null when no code), problem, result }
  let nextId = 1;
  let shown = null;
  let sortKey = null;
  let sortDirection = 1;
  let lookups = null; // per language: status words, region and country names

  dateInput.value = tirkeu.todayInKazakhstan();

  function names() {
    if (lookups?.lang !== lang()) {
      const regionKey = { kk: "nameKk", ru: "nameRu", en: "nameEn" }[lang()];
      lookups = {
        lang: lang(),
        statuses: get(tirkeu.messages(lang()), "statuses"),
        regions: new Map(Array.from(tirkeu.regions(), (r) => [get(r, "code"), get(r, regionKey)])),
        countries: new Map(Array.from(tirkeu.countries(lang()), (c) => [get(c, "code"), countryLabel(c)])),
      };
    }
    return lookups;
  }
  const regionName = (code) => names().regions.get(code) ?? code;
  const countryName = (code) => names().countries.get(code) ?? code;
  const statusOf = (row) => (row.result ? get(row.result, "status") : row.problem === "unavailable" ? "unavailable" : "no_code");
  /** The short word for a status: from messages() of the module (the page's own for its two states). */
  const statusWord = (status) =>
    ["no_code", "unavailable"].includes(status) ? t(`status.${status}`) : get(names().statuses, status) ?? status;
  const rowWord = (row) => statusWord(statusOf(row));
  const sourceLabel = (row) => row.source.name ?? t(`source.${row.source.kind}`) + (row.source.line ? ` ${row.source.line}` : "");

  function verifyRow(row) {
    row.result = null;
    if (row.text == null) return;
    try {
      row.result = tirkeu.verifyCertificate(row.text, { on: dateInput.value || undefined, lang: lang() });
      row.problem = null;
    } catch (error) {
      // Only a verifier without a trust list (or a bad date) throws; the row says so.
      row.problem = "unavailable";
      row.detail = String(error?.message ?? error);
    }
  }

  function addRows(added) {
    if (!added.length) return;
    for (const row of added) {
      row.id = nextId++;
      verifyRow(row);
    }
    rows.push(...added);
    showVerdict(added[added.length - 1]);
    renderBatch();
    verdict.scrollIntoView({ block: "start" });
  }

  // ---- the verdict ----
  function showVerdict(row) {
    shown = row;
    const status = statusOf(row);
    const result = row.result;
    verdict.hidden = false;
    verdict.dataset.status = status;
    verdict.className = `verdict is-${status === "valid" ? "valid" : ["expired", "not_yet_valid"].includes(status) ? "warn" : "bad"}`;
    verdict.querySelector(".verdict-icon").textContent = ICONS[status] ?? "✗";
    verdict.querySelector(".verdict-word").textContent = statusWord(status);
    const message = result ? get(result, "message") : row.problem === "unavailable" ? row.detail
      : t(row.problem === "unreadable" ? "files.unreadable" : "files.nocode") + ` (${sourceLabel(row)})`;
    verdict.querySelector(".verdict-message").textContent = message ?? "";
    const days = result ? get(result, "daysRemaining") : undefined;
    verdict.querySelector(".verdict-days").textContent = status === "valid" && days != null ? t("verdict.daysRemaining", days) : "";
    const demo = Boolean(result && get(result, "demo"));
    $("verdict-demo").hidden = !demo;
    verdict.querySelector(".verdict-warnings").replaceChildren(
      ...Array.from(result ? get(result, "warnings") ?? [] : [], (w) => el("li", { "data-code": get(w, "code"), text: get(w, "message") })));
    const record = result ? get(result, "record") : null;
    verdict.querySelector(".verdict-record").replaceChildren(
      record ? certificate(record, { regionName, countryName, demo })
        : status === "bad_signature" ? el("p", { class: "hint", text: t("verdict.noRecord") }) : "");
    const meta = [];
    if (result) {
      meta.push(t("verdict.checkedOn", formatDate(get(result, "checkedOn"))));
      const keyName = get(result, "keyName") ?? get(result, "kid");
      if (keyName && record) meta.push(t("verdict.key", keyName));
      if (get(result, "issuedAt") && record) meta.push(t("verdict.issued", formatInstant(get(result, "issuedAt"))));
    }
    verdict.querySelector(".verdict-meta").textContent = meta.join(" · ");
    announce.textContent = [statusWord(status), message, verdict.querySelector(".verdict-days").textContent].filter(Boolean).join(". ");
  }

  // ---- the batch table ----
  function values(row) {
    const record = row.result ? get(row.result, "record") : null;
    const days = row.result ? get(row.result, "daysRemaining") : undefined;
    return {
      status: rowWord(row),
      name: record ? fullName(record) : "",
      passport: record ? get(record, "passport") : "",
      citizenship: record ? get(record, "citizenship") : "",
      period: record ? `${get(record, "stayFrom")} – ${get(record, "stayTo")}` : "",
      daysLeft: days ?? "",
      source: sourceLabel(row),
    };
  }

  function renderBatch() {
    $("batch-box").hidden = rows.length < 2;
    const onlyInvalid = $("batch-filter").checked;
    const visible = rows.filter((row) => !onlyInvalid || statusOf(row) !== "valid").map((row) => ({ row, v: values(row) }));
    if (sortKey) {
      const collator = new Intl.Collator(lang(), { numeric: true }); // one for the whole sort
      visible.sort((a, b) => {
        const x = a.v[sortKey], y = b.v[sortKey];
        const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
        return order * sortDirection;
      });
    }
    const body = $("batch").tBodies[0];
    body.replaceChildren(...visible.map(({ row, v }) => {
      const status = statusOf(row);
      const open = el("button", { type: "button", class: "link", text: v.name || v.source });
      open.addEventListener("click", () => { showVerdict(row); verdict.scrollIntoView({ block: "nearest" }); });
      return el("tr", { "data-status": status, "data-id": row.id, class: row === shown ? "current" : null },
        el("td", {}, el("span", { class: `badge is-${status}`, "aria-hidden": "true", text: ICONS[status] ?? "✗" }), " ", v.status),
        el("td", {}, open), el("td", { text: v.passport }), el("td", { text: v.citizenship }),
        el("td", { text: v.period }), el("td", { class: "num", text: v.daysLeft }), el("td", { text: v.source }));
    }));
    for (const th of $("batch").tHead.rows[0].cells) {
      if (th.dataset.sort === sortKey) th.setAttribute("aria-sort", sortDirection > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
    const notValid = rows.filter((row) => statusOf(row) !== "valid").length;
    $("batch-count").textContent = t("batch.count", rows.length, notValid);
  }

  function exportCsv() {
    const header = [t("col.status"), "status", t("col.application"), t("f.surname"), t("f.givenNames"), t("f.patronymic"),
      t("col.passport"), t("col.citizenship"), t("f.stayFrom"), t("f.stayTo"), t("col.daysLeft"), t("date.label"), t("col.source")];
    const lines = [header, ...rows.map((row) => {
      const record = row.result ? get(row.result, "record") : null;
      const field = (key) => (record ? get(record, key) ?? "" : "");
      return [rowWord(row), statusOf(row), field("applicationNumber"), field("surname"), field("givenNames"),
        field("patronymic"), field("passport"), field("citizenship"), field("stayFrom"), field("stayTo"),
        row.result ? get(row.result, "daysRemaining") ?? "" : "", row.result ? get(row.result, "checkedOn") : "", sourceLabel(row)];
    })];
    // Quote every cell; a leading = + - @ would be read as a formula by spreadsheets.
    const cell = (value) => `"${String(value).replace(/^([=+\-@])/, "'$1").replaceAll('"', '""')}"`;
    const csv = "\uFEFF" + lines.map((line) => line.map(cell).join(",")).join("\r\n") + "\r\n";
    download(new Blob([csv], { type: "text/csv;charset=utf-8" }), `certificates-${dateInput.value || "today"}.csv`);
  }

  // ---- images ----
  async function imageData(blob) {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height));
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    context2d.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return context2d.getImageData(0, 0, canvas.width, canvas.height);
  }

  /** The certificate texts among the codes found; any other code is shown as not a certificate. */
  function chooseTexts(texts) {
    const certificates = texts.filter((text) => text.startsWith("KZ1:"));
    return certificates.length ? certificates : texts.slice(0, 1);
  }

  async function verifyImages(files, source) {
    const progress = $("files-progress");
    const added = [];
    for (const file of files) {
      const origin = source ?? { name: file.name };
      progress.textContent = t("files.reading", origin.name ?? t(`source.${origin.kind}`));
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the progress line paint
      let texts;
      try {
        texts = Array.from(tirkeu.scanImage(await imageData(file)));
      } catch {
        added.push({ source: origin, text: null, problem: "unreadable" });
        continue;
      }
      const chosen = chooseTexts(texts);
      if (!chosen.length) added.push({ source: origin, text: null, problem: "nocode" });
      for (const text of chosen) added.push({ source: origin, text });
    }
    progress.textContent = "";
    addRows(added);
  }

  function verifyTexts(text, source) {
    const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    addRows(lines.map((line, i) => ({ source: lines.length > 1 ? { ...source, line: i + 1 } : source, text: line })));
  }

  // ---- camera ----
  const video = $("camera-video");
  let stream = null;
  let timer = 0;

  function stopCamera() {
    clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
    $("camera-box").hidden = true;
    $("camera-stop").hidden = true;
    $("camera-torch").hidden = true;
    $("camera-pick").hidden = true;
    $("camera-start").hidden = false;
    $("camera-torch").setAttribute("aria-pressed", "false");
  }

  async function startCamera(deviceId) {
    stopCamera();
    $("camera-error").hidden = true;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: deviceId ? { deviceId: { exact: deviceId } }
          : { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
    } catch (error) {
      $("camera-error").textContent = t("camera.error", error?.message || error?.name || error);
      $("camera-error").hidden = false;
      return;
    }
    video.srcObject = stream;
    $("camera-box").hidden = false;
    $("camera-start").hidden = true;
    $("camera-stop").hidden = false;
    $("camera-stop").focus();
    await video.play().catch(() => {});
    const track = stream.getVideoTracks()[0];
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === "videoinput");
    const select = $("camera-select");
    select.replaceChildren(...cameras.map((camera, i) => el("option", { value: camera.deviceId, text: camera.label || `${t("camera.select")} ${i + 1}` })));
    select.value = track?.getSettings().deviceId ?? "";
    $("camera-pick").hidden = cameras.length < 2;
    $("camera-torch").hidden = !track?.getCapabilities?.().torch;
    timer = setTimeout(scanFrame, SCAN_INTERVAL_MS);
  }

  function scanFrame() {
    if (!stream) return;
    if (video.readyState >= 2 && video.videoWidth) {
      const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context2d.drawImage(video, 0, 0, canvas.width, canvas.height);
      let texts = [];
      try {
        texts = Array.from(tirkeu.scanCameraFrame(context2d.getImageData(0, 0, canvas.width, canvas.height)));
      } catch { /* an unreadable frame: try the next one */ }
      if (texts.length) {
        stopCamera();
        addRows(chooseTexts(texts).map((text) => ({ source: { kind: "camera" }, text })));
        return;
      }
    }
    timer = setTimeout(scanFrame, SCAN_INTERVAL_MS);
  }

  async function toggleTorch() {
    const button = $("camera-torch");
    const on = button.getAttribute("aria-pressed") !== "true";
    try {
      await stream?.getVideoTracks()[0]?.applyConstraints({ advanced: [{ torch: on }] });
      button.setAttribute("aria-pressed", String(on));
    } catch { button.hidden = true; }
  }

  // ---- lists ----
  function renderLists() {
    const describe = (summary) => {
      const iat = get(summary, "iat");
      return iat == null ? t("lists.none") : t("lists.age", formatInstant(iat), daysSince(iat));
    };
    $("lists").textContent = `${t("lists.trust")}: ${describe(tirkeu.trustListSummary())} · ${t("lists.status")}: ${describe(tirkeu.statusListSummary())}`;
  }

  function reverifyAll() {
    for (const row of rows) verifyRow(row);
    if (shown) showVerdict(shown);
    renderBatch();
  }

  // ---- wiring ----
  $("verify-form").addEventListener("submit", (event) => {
    event.preventDefault();
    verifyTexts($("verify-text").value, { kind: "text" });
  });
  $("verify-file").addEventListener("change", async (event) => {
    await verifyImages(Array.from(event.target.files));
    event.target.value = "";
  });
  const dropzone = $("dropzone");
  dropzone.addEventListener("dragover", (event) => { event.preventDefault(); dropzone.classList.add("over"); });
  dropzone.addEventListener("dragleave", () => dropzone.classList.remove("over"));
  dropzone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropzone.classList.remove("over");
    const files = Array.from(event.dataTransfer?.files ?? []).filter((file) => file.type.startsWith("image/"));
    if (files.length) verifyImages(files);
    else if (event.dataTransfer?.getData("text")) verifyTexts(event.dataTransfer.getData("text"), { kind: "text" });
  });
  document.addEventListener("paste", (event) => {
    if (view.hidden) return;
    const images = Array.from(event.clipboardData?.files ?? []).filter((file) => file.type.startsWith("image/"));
    if (images.length) {
      event.preventDefault();
      verifyImages(images, { kind: "paste" });
    } else if (event.target !== $("verify-text") && event.clipboardData?.getData("text")) {
      event.preventDefault();
      $("verify-text").value = event.clipboardData.getData("text");
      verifyTexts($("verify-text").value, { kind: "text" });
    }
  });
  dateInput.addEventListener("change", () => { if (dateInput.value) reverifyAll(); });
  $("camera-start").addEventListener("click", () => startCamera());
  $("camera-stop").addEventListener("click", () => { stopCamera(); $("camera-start").focus(); });
  $("camera-select").addEventListener("change", (event) => startCamera(event.target.value));
  $("camera-torch").addEventListener("click", toggleTorch);
  document.addEventListener("visibilitychange", () => { if (document.hidden) stopCamera(); });
  $("batch-filter").addEventListener("change", renderBatch);
  $("batch-export").addEventListener("click", exportCsv);
  $("batch-clear").addEventListener("click", () => {
    rows.length = 0;
    shown = null;
    verdict.hidden = true;
    renderBatch();
  });
  for (const th of $("batch").tHead.rows[0].cells) {
    th.querySelector("button").addEventListener("click", () => {
      sortDirection = sortKey === th.dataset.sort ? -sortDirection : 1;
      sortKey = th.dataset.sort;
      renderBatch();
    });
  }

  return {
    enter: renderLists,
    leave: stopCamera,
    relabel() {
      renderLists();
      reverifyAll();
    },
    /** Verifies a text from elsewhere on the page (the Demo view's "Verify this certificate"). */
    verifyText(text) {
      $("verify-text").value = text;
      verifyTexts(text, { kind: "text" });
    },
  };
}
