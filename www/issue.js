// The Demo certificate view: a sample record signed by the module with the demonstration key,
// shown in the bilingual layout of the appendix to the Rules, printable, its QR downloadable.
import { lang, t } from "./i18n.js";
import { certificate, countryLabel, download, el, get, lazyFormView } from "./ui.js";

const PNG_MODULE_PIXELS = 8;
const QUIET_ZONE_MODULES = 4;

export function setupIssue({ tirkeu, demoKey, sampleRecord, onVerify }) {
  const $ = (id) => document.getElementById(id);
  const form = $("demo-form");
  const error = $("demo-error");
  let issued = null; // { text, record, svgUrl }

  // The sample record, with a period of stay around today so that the demo verifies as valid.
  function fillSample() {
    for (const [name, value] of Object.entries(sampleRecord ?? {})) {
      const input = form.elements.namedItem(name);
      if (input) input.value = value;
    }
    const today = tirkeu.todayInKazakhstan();
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4).replace("02-29", "02-28")}`;
    form.elements.namedItem("stayFrom").value = today;
    form.elements.namedItem("stayTo").value = nextYear;
  }

  function record() {
    const out = {};
    for (const input of form.elements) if (input.name && input.value.trim() !== "") out[input.name] = input.value.trim();
    return out;
  }

  function names() {
    const regionKey = { kk: "nameKk", ru: "nameRu", en: "nameEn" }[lang()];
    const regions = new Map(Array.from(tirkeu.regions(), (r) => [get(r, "code"), get(r, regionKey)]));
    const countries = new Map(Array.from(tirkeu.countries(lang()), (c) => [get(c, "code"), countryLabel(c)]));
    return { regionName: (c) => regions.get(c) ?? c, countryName: (c) => countries.get(c) ?? c };
  }

  function render() {
    if (!issued) return;
    const qr = el("img", { src: issued.svgUrl, alt: `QR ${issued.record.applicationNumber ?? ""}`, class: "qr", width: 220, height: 220 });
    $("certificate").replaceChildren(certificate(issued.record, { ...names(), qr, demo: true }));
  }

  function create() {
    error.hidden = true;
    if (!demoKey?.secretKey) {
      error.textContent = t("demo.nokey");
      error.hidden = false;
      return;
    }
    let text;
    const rec = record();
    try {
      text = tirkeu.issueCertificate(rec, demoKey.secretKey); // issued now, by the module's clock
    } catch (e) {
      error.textContent = t("demo.failed", e?.message ?? e);
      error.hidden = false;
      $("demo-output").hidden = true;
      return;
    }
    if (issued) URL.revokeObjectURL(issued.svgUrl);
    const svg = tirkeu.renderQrSvg(text);
    issued = { text, record: rec, svg, svgUrl: URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })) };
    $("demo-text").value = text;
    $("demo-copied").textContent = "";
    $("demo-output").hidden = false;
    render();
    $("demo-output").scrollIntoView({ block: "start" });
  }

  function downloadPng() {
    const matrix = tirkeu.qrMatrix(issued.text);
    const size = get(matrix, "size");
    const modules = get(matrix, "modules");
    const side = (size + 2 * QUIET_ZONE_MODULES) * PNG_MODULE_PIXELS;
    const canvas = el("canvas", { width: side, height: side });
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, side, side);
    context.fillStyle = "#000";
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (modules[y * size + x]) {
          context.fillRect((x + QUIET_ZONE_MODULES) * PNG_MODULE_PIXELS, (y + QUIET_ZONE_MODULES) * PNG_MODULE_PIXELS, PNG_MODULE_PIXELS, PNG_MODULE_PIXELS);
        }
      }
    }
    canvas.toBlob((blob) => download(blob, `certificate-${issued.record.applicationNumber ?? "demo"}.png`), "image/png");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    create();
  });
  $("demo-print").addEventListener("click", () => window.print());
  $("demo-svg").addEventListener("click", () => download(new Blob([issued.svg], { type: "image/svg+xml" }), `certificate-${issued.record.applicationNumber ?? "demo"}.svg`));
  $("demo-png").addEventListener("click", downloadPng);
  $("demo-verify").addEventListener("click", () => onVerify?.(issued.text));
  $("demo-copy").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(issued.text);
    } catch {
      $("demo-text").select();
    }
    $("demo-copied").textContent = t("demo.copied");
  });

  // The form's lists and the sample record are filled when the view is first shown.
  return lazyFormView(tirkeu, form, { setup: fillSample, refresh: render });
}
