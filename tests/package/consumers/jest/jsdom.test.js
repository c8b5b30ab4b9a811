const { checkApplication } = require("tirkeu");

test("checkApplication in Jest's jsdom environment", () => {
  const report = checkApplication({ entry: { date: "2026-07-01" } }, { today: "2026-07-15", lang: "en" });
  expect(report.ok).toBe(false);
  expect(typeof document).toBe("object");
});
