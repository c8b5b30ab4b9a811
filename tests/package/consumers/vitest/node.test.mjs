import { expect, test } from "vitest";
import init, { checkApplication } from "tirkeu";

test("checkApplication after await init() (node environment)", async () => {
  await init();
  const report = checkApplication({ entry: { date: "2026-07-01" } }, { today: "2026-07-15", lang: "kk" });
  expect(report.ok).toBe(false);
  expect(report.findings.length).toBeGreaterThan(0);
});
