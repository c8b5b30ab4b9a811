// The npm package as its consumers get it: packed into a tarball, linted (publint, "are the types
// wrong"), then installed into fresh projects that use it the documented ways: Node ESM and
// CommonJS, TypeScript (nodenext ESM and CJS, bundler), Vitest (node and jsdom), Jest (node and
// jsdom) and a browser bundle (esbuild) that must not pick the Node form.
//
// Run by `make test-js` after `make build`: node tests/package/run.mjs
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = join(ROOT, "target/package");
const BIN = join(ROOT, "node_modules/.bin");

function run(command, args, cwd, env = {}) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env },
    });
  } catch (error) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  }
}

const failures = [];
function step(name, body) {
  try {
    body();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}\n${error.message}`);
  }
}

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", WORK, join(ROOT, "www/pkg")], ROOT));
const tarball = join(WORK, packed[0].filename);
const files = packed[0].files.map((file) => file.path).sort();
console.log(`packed ${packed[0].filename}: ${files.length} files, ${packed[0].size} bytes (${packed[0].unpackedSize} unpacked)`);

step("the tarball carries the README, both licences and one copy of each module", () => {
  for (const required of ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "package.json"]) {
    if (!files.includes(required)) throw new Error(`${required} missing from ${files.join(", ")}`);
  }
  const wasm = files.filter((file) => file.endsWith(".wasm"));
  const names = wasm.map((file) => file.split("/").pop());
  if (new Set(names).size !== names.length) throw new Error(`a module ships twice: ${wasm.join(", ")}`);
  const manifest = JSON.parse(readFileSync(join(ROOT, "www/pkg/package.json"), "utf8"));
  for (const field of ["repository", "keywords", "engines", "license", "exports"]) {
    if (!manifest[field]) throw new Error(`package.json has no ${field}`);
  }
});
step("publint --strict", () => run(join(BIN, "publint"), ["run", tarball, "--strict"], WORK));
step("are the types wrong", () => run(join(BIN, "attw"), [tarball, "--format", "ascii"], WORK));

const consumers = join(ROOT, "tests/package/consumers");
function consumer(name) {
  const dir = join(WORK, "consumers", name);
  cpSync(join(consumers, name), dir, { recursive: true });
  cpSync(join(consumers, "application.json"), join(WORK, "consumers", "application.json"));
  run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", tarball], dir);
  return dir;
}

step("Node ESM: import init, then await init(); each entry point", () => {
  const dir = consumer("node-esm");
  const out = run("node", ["main.mjs"], dir) + run("node", ["entries.mjs"], dir);
  if (!out.includes("node-esm ok") || !out.includes("node-esm entries ok")) throw new Error(out);
});
step("Node CommonJS: require(); each entry point", () => {
  const dir = consumer("node-cjs");
  const out = run("node", ["main.js"], dir) + run("node", ["entries.js"], dir);
  if (!out.includes("node-cjs ok") || !out.includes("node-cjs entries ok")) throw new Error(out);
});
step("TypeScript strict: nodenext ESM and CommonJS, bundler", () => {
  const dir = consumer("typescript");
  run(join(BIN, "tsc"), ["-p", "tsconfig.json"], dir);
  run(join(BIN, "tsc"), ["-p", "tsconfig.bundler.json"], dir);
});
step("Vitest: node and jsdom environments", () => {
  const dir = consumer("vitest");
  run(join(BIN, "vitest"), ["run", "--root", dir, "--reporter", "dot"], dir);
});
step("Jest: node and jsdom environments", () => {
  const dir = consumer("jest");
  run(join(BIN, "jest"), ["--rootDir", dir, "--ci"], dir);
});
step("a browser bundle (esbuild) gets the browser form for import and require", () => {
  const dir = consumer("browser-bundle");
  for (const entry of readdirSync(dir).filter((file) => file.startsWith("entry-"))) {
    const outfile = join(dir, `out-${entry}.js`);
    run(join(BIN, "esbuild"), [entry, "--bundle", "--platform=browser", "--format=esm", `--outfile=${outfile}`, "--log-level=error"], dir);
    const bundle = readFileSync(outfile, "utf8");
    if (/node:fs|require\("fs"\)|readFileSync/.test(bundle)) throw new Error(`${entry}: the bundle holds the Node form`);
    if (!existsSync(outfile)) throw new Error(`${entry}: no bundle`);
  }
});

if (failures.length) {
  console.log(`\n${failures.length} package check(s) failed: ${failures.join("; ")}`);
  process.exit(1);
}
console.log("\nevery package check passed");
