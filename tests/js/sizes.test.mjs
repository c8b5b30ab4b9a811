// The size targets of the built package (bench/sizes.mjs, which `make bench` reports): each entry
// point's module and the page at start, gzip -9, as `make build` leaves them in www/pkg.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SIZE_TARGETS, runSizes } from "../../bench/sizes.mjs";
import { formatBytes } from "../../bench/common.mjs";

const sizes = await runSizes();
const over = (size, limit) => `${formatBytes(size)} gzipped, over ${formatBytes(limit)}`;

test("the verifier's module and the page at start are within their targets", () => {
  assert.ok(sizes.entries.verify.gzip <= SIZE_TARGETS.verify, over(sizes.entries.verify.gzip, SIZE_TARGETS.verify));
  assert.ok(sizes.pageStart.gzip <= SIZE_TARGETS.pageStart, over(sizes.pageStart.gzip, SIZE_TARGETS.pageStart));
});

test("the rules' module is within its target", () => {
  assert.ok(sizes.entries.rules.gzip <= SIZE_TARGETS.rules, over(sizes.entries.rules.gzip, SIZE_TARGETS.rules));
});
