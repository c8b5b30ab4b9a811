// The size targets of the built package (bench/sizes.mjs, which `make bench` reports): each entry
// point's module and the page at start, gzip -9, as `make build` leaves them in www/pkg.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RULES_CEILING, SIZE_TARGETS, runSizes } from "../../bench/sizes.mjs";
import { formatBytes } from "../../bench/common.mjs";

const sizes = await runSizes();
const over = (size, limit) => `${formatBytes(size)} gzipped, over ${formatBytes(limit)}`;

test("the verifier's module and the page at start are within their targets", () => {
  assert.ok(sizes.entries.verify.gzip <= SIZE_TARGETS.verify, over(sizes.entries.verify.gzip, SIZE_TARGETS.verify));
  assert.ok(sizes.pageStart.gzip <= SIZE_TARGETS.pageStart, over(sizes.pageStart.gzip, SIZE_TARGETS.pageStart));
});

test("the rules' module grows no further than its ceiling", () => {
  assert.ok(sizes.entries.rules.gzip <= RULES_CEILING, over(sizes.entries.rules.gzip, RULES_CEILING));
});

// Reported, not failed, until the module meets its target: then `todo` goes and the ceiling with it.
test("the rules' module is within its target", { todo: "the target is not met yet" }, () => {
  assert.ok(sizes.entries.rules.gzip <= SIZE_TARGETS.rules, over(sizes.entries.rules.gzip, SIZE_TARGETS.rules));
});
