// Embedding example: a portal's own form validated by the tirkeu package.
// In a portal: `npm install tirkeu`, then `import init, { checkApplication } from "tirkeu";`
// (here the page's own build is imported from ../pkg/).
import init, { checkApplication } from "../pkg/tirkeu.js";

const form = document.getElementById("application");

// The application JSON from the form: each control's name is a dotted path into it.
function application() {
  const result = { previousStays: [], addressChange: null };
  for (const control of form.elements) {
    if (!control.name || control.value === "") continue; // a blank field is reported as field.required
    const parts = control.name.split(".");
    let node = result;
    for (const part of parts.slice(0, -1)) node = node[part] ??= {};
    node[parts[parts.length - 1]] = control.value;
  }
  return result;
}

// Shows each finding beside the control whose name equals its field (or encloses it).
function show(report, touchedOnly) {
  for (const old of form.querySelectorAll(".finding")) old.remove();
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  let errors = 0;
  for (const finding of report.findings) {
    if (finding.severity === "error") errors++;
    let path = (finding.field ?? "").replace(/\[(\d+)\]/g, ".$1");
    let control = null;
    while (path && !(control = form.elements.namedItem(path))) path = path.split(".").slice(0, -1).join(".");
    if (!control || control.type === "hidden" || (touchedOnly && !control.dataset.touched)) continue;
    const note = document.createElement("span");
    note.className = `finding ${finding.severity}`;
    note.dataset.code = finding.code;
    note.id = `note-${control.name}`;
    note.textContent = finding.message;
    control.after(note);
    control.setAttribute("aria-describedby", note.id);
    if (finding.severity === "error") control.setAttribute("aria-invalid", "true");
  }
  const summary = document.getElementById("summary");
  summary.textContent = errors ? `${errors} error(s) to correct.` : "Ready to submit.";
  summary.className = errors ? "bad" : "good";
  const deadline = report.deadline;
  document.getElementById("deadline").textContent = deadline
    ? `Register by ${deadline.registerBy} (${deadline.daysLeft} days left; latest defensible date ${deadline.outerBound}).` : "";
  return errors;
}

await init();
const lang = document.documentElement.lang;
form.addEventListener("input", (event) => {
  event.target.dataset.touched = "true";
  show(checkApplication(application(), { lang }), true);
});
form.addEventListener("submit", (event) => {
  event.preventDefault(); // a real portal would submit when there is no error
  const errors = show(checkApplication(application(), { lang }), false);
  if (errors) form.querySelector('[aria-invalid="true"]')?.focus();
});
document.documentElement.dataset.ready = "true";
