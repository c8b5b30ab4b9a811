// CommonJS under module "nodenext": the `.d.cts` declarations must describe what require() gives.
import tirkeu = require("tirkeu");

async function main(): Promise<boolean> {
  await tirkeu.default();
  tirkeu.initSync();
  const report = tirkeu.checkApplication({}, { today: "2026-07-15" });
  return report.ok;
}
export = main;
