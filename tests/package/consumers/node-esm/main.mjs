// The README's first lines, in plain Node ESM.
import init, { checkApplication } from "tirkeu";
import { readFileSync } from "node:fs";

await init();
const application = JSON.parse(readFileSync(new URL("../application.json", import.meta.url), "utf8"));
const report = checkApplication(application, { today: "2026-07-15", lang: "ru" });
if (!report.ok || report.deadline.registerBy !== "2026-07-30") throw new Error(JSON.stringify(report));
console.log("node-esm ok");
