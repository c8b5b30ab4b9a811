// Node ESM under module "nodenext": the `node` + `import` declarations.
import init, { checkApplication, type Application, type Report } from "tirkeu";

await init();
const application: Application = { immigrant: { surname: "IVANOV" } };
const report: Report = checkApplication(application, { today: "2026-07-15", lang: "en" });
const codes: string[] = report.findings.map((finding) => finding.code);
// @ts-expect-error: an unknown language is a type error
checkApplication(application, { lang: "de" });
export { codes };
