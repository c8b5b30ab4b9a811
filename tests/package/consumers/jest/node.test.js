/**
 * @jest-environment node
 */
const tirkeu = require("tirkeu");

test("checkApplication in Jest's node environment, after the ESM-style init", async () => {
  await tirkeu.default();
  const report = tirkeu.checkApplication({}, { today: "2026-07-15" });
  expect(report.ok).toBe(false);
});
