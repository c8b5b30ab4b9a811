// The Demo certificate view: a sample record signed by the module with the demonstration key,
// shown in the bilingual layout of the appendix to the Rules, printable, its QR downloadable.
import * as tirkeu from "./pkg/issue.js";
import { todayInKazakhstan } from "./pkg/verify.js";
import { t } from "./i18n.js";
import { addDays, certificate, download, el, lazyFormView } from "./ui.js";

/** @typedef {import("./pkg/issue.js").CertificateRecord} CertificateRecord */

const PNG_MODULE_PIXELS = 8;

/**
 * Why the module refused a record, in the interface language: the module's reason names the
 * record's field (`stayTo`), which the form labels.
 * @param {unknown} error
 */
function refusal(error) {
  const reason = String(/** @type {Error} */ (error)?.message ?? error);
  const field = /`([A-Za-z]+)`/.exec(reason)?.[1];
  const label = field ? t(`rec.${field}`) : null;
  if (!label || label === `rec.${field}`) return t("demo.failed");
  if (/is before stayFrom/.test(reason)) return t("demo.order", label, t("rec.stayFrom"));
  return t(/missing/.test(reason) ? "demo.missing" : "demo.invalid", label);
}

/**
 * @param {{ demoKey: { secretKey?: string } | null, sampleRecord: Partial<CertificateRecord> | null,
 *   onVerify: (text: string) => void }} options
 */
export function setupIssue({ demoKey, sampleRecord, onVerify }) {
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const form = /** @type {HTMLFormElement} */ ($("demo-form"));
  const error = $("demo-error");
  /** @type {{ text: string, record: CertificateRecord, svg: string, svgUrl: string } | null} */
  let issued = null;

  const input = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));

  // The sample record, with a period of stay from today, so that the demo verifies as valid.
  function fillSample() {
    for (const [name, value] of Object.entries(sampleRecord ?? {})) {
      if (input(name)) input(name).value = String(value);
    }
    const today = todayInKazakhstan();
    input("stayFrom").value = today;
    input("stayTo").value = addDays(today, 89);
  }

  function record() {
    /** @type {Record<string, string>} */
    const out = {};
    for (const control of /** @type {HTMLCollectionOf<HTMLInputElement>} */ (form.elements)) {
      if (control.name && control.value.trim() !== "") out[control.name] = control.value.trim();
    }
    return /** @type {CertificateRecord} */ (/** @type {unknown} */ (out));
  }

  function render() {
    if (!issued) return;
    const qr = el("img", { src: issued.svgUrl, alt: `QR ${issued.record.applicationNumber ?? ""}`, class: "qr", width: 220, height: 220 });
    $("certificate").replaceChildren(certificate(issued.record, { qr, demo: true }));
  }

  function showError(/** @type {string} */ text) {
    error.textContent = text;
    error.hidden = false;
    $("demo-output").hidden = true;
  }

  function create() {
    error.hidden = true;
    if (!demoKey?.secretKey) {
      showError(t("demo.nokey"));
      return;
    }
    let text;
    const rec = record();
    try {
      text = tirkeu.issueCertificate(rec, demoKey.secretKey); // issued now, by the module's clock
    } catch (e) {
      showError(refusal(e));
      return;
    }
    if (issued) URL.revokeObjectURL(issued.svgUrl);
    const svg = tirkeu.renderQrSvg(text);
    issued = { text, record: rec, svg, svgUrl: URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })) };
    /** @type {HTMLTextAreaElement} */ ($("demo-text")).value = text;
    $("demo-copied").textContent = "";
    $("demo-output").hidden = false;
    render();
    $("demo-output").scrollIntoView({ block: "start" });
  }

  function downloadPng() {
    if (!issued) return;
    const { size, modules } = tirkeu.qrMatrix(issued.text);
    const quiet = tirkeu.qrQuietZoneModules();
    const side = (size + 2 * quiet) * PNG_MODULE_PIXELS;
    const canvas = el("canvas", { width: side, height: side });
    const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
    context.fillStyle = "#fff";
    context.fillRect(0, 0, side, side);
    context.fillStyle = "#000";
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (modules[y * size + x]) {
          context.fillRect((x + quiet) * PNG_MODULE_PIXELS, (y + quiet) * PNG_MODULE_PIXELS, PNG_MODULE_PIXELS, PNG_MODULE_PIXELS);
        }
      }
    }
    const name = `certificate-${issued.record.applicationNumber ?? "demo"}.png`;
    canvas.toBlob((blob) => { if (blob) download(blob, name); }, "image/png");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    create();
  });
  $("demo-print").addEventListener("click", () => window.print());
  $("demo-svg").addEventListener("click", () => {
    if (issued) download(new Blob([issued.svg], { type: "image/svg+xml" }), `certificate-${issued.record.applicationNumber ?? "demo"}.svg`);
  });
  $("demo-png").addEventListener("click", downloadPng);
  $("demo-verify").addEventListener("click", () => { if (issued) onVerify(issued.text); });
  $("demo-copy").addEventListener("click", async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.text);
    } catch {
      /** @type {HTMLTextAreaElement} */ ($("demo-text")).select();
    }
    $("demo-copied").textContent = t("demo.copied");
  });

  // The form's lists and the sample record are filled when the view is first shown.
  return lazyFormView(form, { setup: fillSample, refresh: render });
}
