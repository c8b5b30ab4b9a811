// The native figures: writes the inputs the WebAssembly side measured to
// target/bench/native-input.json and runs examples/bench_native.rs (release build) on them.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { rootPath } from "./common.mjs";
import { CHECK_TODAY } from "./rules.mjs";
import { BATCH_SIZE, NOW_UNIX_SECONDS, VERIFY_ON } from "./verify.mjs";

export const NATIVE_BINARY = rootPath("target/release/examples/bench_native");

/**
 * Runs the native bench; `verify` and `rules` are the results of runVerify and runRules, `scale`
 * of runStatusScale (optional).
 */
export async function runNative({ verify, rules, demo, scale }) {
  if (!existsSync(NATIVE_BINARY)) throw new Error("no native bench: run `cargo build --release --example bench_native`");
  const input = {
    rootPublicKey: demo.rootPublicKey,
    trustList: rootPath("www/demo/trust-list.cose"),
    statusList: rootPath("www/demo/status-list.cose"),
    today: VERIFY_ON,
    nowUnixSeconds: NOW_UNIX_SECONDS,
    certificates: verify.forNative.certificates,
    ed25519: verify.forNative.ed25519,
    applications: rules.applications,
    batchSize: BATCH_SIZE,
    scaleStatusList: scale?.forNative.statusList,
    scaleNumbers: scale?.forNative.numbers ?? [],
  };
  // The rules are checked on CHECK_TODAY; the native side checks them on the same day.
  input.rulesToday = CHECK_TODAY;
  await mkdir(rootPath("target/bench"), { recursive: true });
  const path = rootPath("target/bench/native-input.json");
  await writeFile(path, JSON.stringify(input));
  return JSON.parse(execFileSync(NATIVE_BINARY, [path], { encoding: "utf8" }));
}
