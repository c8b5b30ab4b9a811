// CommonJS: initialised on require; `default` (init) and `initSync` exist as in the ESM form.
const tirkeu = require("tirkeu");
const application = require("../application.json");

(async () => {
  await tirkeu.default();
  tirkeu.initSync();
  const report = tirkeu.checkApplication(application, { today: "2026-07-15", lang: "kk" });
  if (!report.ok || report.deadline.registerBy !== "2026-07-30") throw new Error(JSON.stringify(report));
  if (typeof require("tirkeu/package.json").version !== "string") throw new Error("no version");
  console.log("node-cjs ok");
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
