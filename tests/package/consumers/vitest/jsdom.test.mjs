// @vitest-environment jsdom
import { expect, test } from "vitest";
import init, { checkApplication } from "tirkeu";

test("checkApplication after await init() (jsdom environment)", async () => {
  await init();
  const report = checkApplication({ entry: { date: "2026-07-01" } }, { today: "2026-07-15", lang: "ru" });
  expect(report.ok).toBe(false);
  expect(document.createElement("form")).toBeTruthy();
});
