// A bundler project (Vite, webpack): the browser declarations, and the .wasm subpath as a URL.
import init, { checkApplication } from "tirkeu";
import wasmUrl from "tirkeu/tirkeu_bg.wasm";

await init({ module_or_path: new URL(wasmUrl, "https://portal.example/") });
function validate(form: HTMLFormElement): boolean {
  const report = checkApplication({}, { lang: "kk" });
  for (const finding of report.findings) {
    const name = (finding.field ?? "").replace(/\[(\d+)\]/g, ".$1");
    const control = form.elements.namedItem(name);
    const note = document.createElement("span");
    note.textContent = finding.message;
    (control instanceof Element ? control : form).after(note);
  }
  return report.ok;
}
export { validate };
