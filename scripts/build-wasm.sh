#!/usr/bin/env bash
# Builds the npm package into www/pkg and prints its sizes.
#
# Entry points sized to their users, each its own WebAssembly module built with its feature
# (Cargo.toml), so that LTO leaves out what it does not export:
#   tirkeu/rules   the rules on the compiled-in tables (a portal form): checkApplication,
#                  workingDaysBetween, labels, regions, countries, ...
#   tirkeu/rules-data  the same and RulesData, the rules by a signed data bundle's tables
#   tirkeu/verify  the verifier and the scanner (police, employers): Verifier, FrameScanner, ...
#   tirkeu/issue   the demonstration issuer: issueCertificate, renderQrSvg, qrMatrix
#   tirkeu         everything, one module
# For each, one module (profile wasm-release; wasm-opt -Oz) and the forms every consumer needs,
# all reading that one .wasm file:
#   NAME.js       ESM for browsers and bundlers (wasm-bindgen --target web: `await init()`
#                 fetches NAME_bg.wasm from beside the script)
#   NAME.node.mjs ESM for Node: compiles the .wasm from the package at import, so `await init()`
#                 (a no-op there) and code written for browsers both work, in Node and Vitest
#   NAME.cjs      CommonJS for require() (wasm-bindgen --target nodejs, initialised on load)
#   NAME.d.ts / NAME.d.cts  the declarations of the ESM and CommonJS forms
# package.json maps them with conditions (`node` + import/require, then the browser default),
# and the package carries its README and both licence texts.
set -euo pipefail
cd "$(dirname "$0")/.."

out=www/pkg
# Cargo's target directory as cargo resolves it (CARGO_TARGET_DIR, a config's build.target-dir, or
# target/ in the checkout), so that a CI sharing one target directory finds the modules it built.
target_root=$(cargo metadata --format-version 1 --no-deps |
  node -e 'let text = ""; process.stdin.on("data", (d) => (text += d)).on("end", () => console.log(JSON.parse(text).target_directory))')
target_dir=$target_root/wasm32-unknown-unknown/wasm-release
# The standard library rebuilt for the module (the pinned nightly of scripts/nightly.sh, with its
# rust-src): a panic is a trap at once, as it already is in effect (panic = "abort", and no panic
# message reaches anyone in the shipped module), so the panic machinery, the formatting it pulls in
# and every panic's message and source location leave the module; and std's size features
# (optimize_for_size: its smaller variants of some algorithms). Measured on `tirkeu/rules`, gzip -9:
# 77.9 KB with the stable toolchain's prebuilt std, 75.4 KB with immediate abort, 74.7 KB with
# both. std's crates are compiled at opt-level 3, as
# the prebuilt std is: at the profile's "z" their small functions stayed calls, and
# `checkApplication` took 53-55 us against 45-48 us (the 64 applications of bench/rules.mjs,
# interleaved runs); at 3 it is as fast as on stable and the modules are smaller still
# (tirkeu/rules 0.5 KB, tirkeu/verify 0.2 KB). (On the command line rather than in Cargo.toml,
# where a stable build would warn that no package is named `core`.) The library itself, its tests
# and the command line build with the stable toolchain; the browser and package tests run these
# built modules.
source scripts/nightly.sh
if rustup component list --installed --toolchain "$NIGHTLY" 2>/dev/null | grep -q '^rust-src'; then
  toolchain=("+$NIGHTLY")
  std_flags=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
             --config 'target.wasm32-unknown-unknown.rustflags=["-Zunstable-options", "-Cpanic=immediate-abort"]')
  for std_crate in core alloc std; do
    std_flags+=(--config "profile.wasm-release.package.$std_crate.opt-level=3")
  done
else
  # The same code, with the stable toolchain's prebuilt std: each module 4-6 KB larger gzipped
  # (measured: tirkeu/rules 72.3 KB against 68.2, over its target; tirkeu/verify 142.4 against
  # 137.5).
  echo "build-wasm: $NIGHTLY with rust-src is not installed (scripts/setup.sh installs it):" \
    "building with the stable toolchain's std, each module 4-6 KB larger" >&2
  toolchain=()
  std_flags=()
fi
# wasm-bindgen's output uses these post-MVP features (Rust's default wasm32 target features).
opt_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
              --enable-mutable-globals --enable-reference-types --enable-multivalue)

rm -rf "$out"
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# build_entry NAME FEATURES: the module and its JavaScript forms, as www/pkg/NAME.*
build_entry() {
  local name=$1 features=$2
  cargo "${toolchain[@]}" build --quiet --lib --profile wasm-release --target wasm32-unknown-unknown \
    --no-default-features --features "$features" "${std_flags[@]}"
  cp "$target_dir/tirkeu.wasm" "$scratch/$name.wasm"
  wasm-bindgen --target web --out-dir "$out" --out-name "$name" "$scratch/$name.wasm"
  wasm-bindgen --target nodejs --out-dir "$scratch/node" --out-name "$name" --no-typescript "$scratch/$name.wasm"
  # Both targets must load the same module, so the package ships it once.
  if ! cmp -s "$out/${name}_bg.wasm" "$scratch/node/${name}_bg.wasm"; then
    echo "build-wasm: the web and Node forms of $name want different .wasm files" >&2
    exit 1
  fi
  # --low-memory-unused lets wasm-opt fold `load(p + C)` into `load offset=C (p)`, which differ
  # only if p + C wraps past 4 GiB into the first kilobyte. Rust's pointer arithmetic never wraps
  # (it stays inside an allocation), and that kilobyte is the far end of the 1 MB stack (rust-lld
  # puts the stack first), reached only by a stack already overflowing. Measured: -0.3 KB gzipped
  # on tirkeu/rules.
  node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers \
    "${opt_features[@]}" "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
  # The raw exports (InitOutput in NAME.d.ts describes them); replaced below by the type of the
  # .wasm subpath.
  rm -f "$out/${name}_bg.wasm.d.ts"

  # wasm-bindgen types the raw exports of InitOutput (externref values) as `any`; they are values
  # the glue passes through unseen, so `unknown` is exact. The public declarations hold no `any`.
  sed -i -E '/^export interface InitOutput/,/^}/ s/\bany\b/unknown/g' "$out/$name.d.ts"
  # A class's `[Symbol.dispose]()` needs TypeScript's esnext.disposable library, which a portal
  # compiling with `lib: ["ES2022", "DOM"]` lacks: the declaration is dropped (the method stays in
  # the JavaScript, for `using` where the runtime has it; `free()` is declared).
  sed -i -E '/^\s*\[Symbol\.dispose\]\(\): void;$/d' "$out/$name.d.ts"
  # (Comments are left out of the check: the generated shapes carry the Rust types' docs.)
  if sed -E 's#/\*\*.*\*/##; /^[[:space:]]*(\*|\/\*\*|\/\/)/d' "$out/$name.d.ts" | grep -wE 'any'; then
    echo "build-wasm: $out/$name.d.ts declares \`any\`" >&2
    exit 1
  fi

  # CommonJS: Node's TextDecoder and TextEncoder (Jest's jsdom environment has neither as a
  # global), the .wasm beside it, and the same `default` (init) and `initSync` as the ESM form,
  # so code and types written for either work with both.
  {
    printf '"use strict";\n// CommonJS form of %s: initialised when required.\n' "$name"
    printf 'const { TextDecoder, TextEncoder } = require("node:util");\n'
    cat "$scratch/node/$name.js"
    cat <<'JS'
Object.defineProperty(exports, "__esModule", { value: true });
/** Already initialised on require: returns the module's exports, as the ESM form's init does. */
exports.initSync = function initSync() { return wasm; };
exports.default = async function init() { return wasm; };
JS
  } > "$out/$name.cjs"
  grep -q "\${__dirname}/${name}_bg.wasm" "$out/$name.cjs" || {
    echo "build-wasm: $name.cjs does not read ${name}_bg.wasm from its own directory" >&2
    exit 1
  }
  # The same declarations, but initSync's argument is optional: the CommonJS form is initialised
  # on require, and its initSync and default only hand back the exports.
  sed -E 's/^export function initSync\(module: /export function initSync(module?: /' \
    "$out/$name.d.ts" > "$out/$name.d.cts"
  grep -q '^export function initSync(module?: ' "$out/$name.d.cts" || {
    echo "build-wasm: $name.d.cts: initSync's declaration has changed" >&2
    exit 1
  }

  cat > "$out/$name.node.mjs" <<JS
// Node form of $name: the module is compiled from the package's own file when this is imported
// (Node's fetch cannot read file: URLs), so \`await init()\` is a no-op here and code written for
// browsers runs unchanged in Node, Vitest and other Node-based tools.
import { readFileSync } from "node:fs";
import { initSync } from "./$name.js";

export * from "./$name.js";
const output = initSync({ module: readFileSync(new URL("./${name}_bg.wasm", import.meta.url)) });
/** Already initialised on import: resolves to the module's exports. */
export default async function init() {
  return output;
}
JS
}

build_entry rules wasm-rules
build_entry rules-data wasm-rules-data
build_entry verify wasm-verify
build_entry issue wasm-issue
build_entry tirkeu wasm-rules-data,wasm-verify,wasm-issue
entries=(tirkeu rules rules-data verify issue)

# Each raw .wasm as a subpath, for bundlers that want its URL (esbuild's file loader, an asset
# import): typed as the URL string such a loader gives, for ESM and CommonJS importers.
for name in "${entries[@]}"; do
  cat > "$out/${name}_bg.wasm.d.ts" <<'TS'
/** The URL of the WebAssembly module, as a bundler's file or asset loader gives it. */
declare const wasmUrl: string;
export default wasmUrl;
TS
  cat > "$out/${name}_bg.wasm.d.cts" <<'TS'
/** The URL of the WebAssembly module, as a bundler's file or asset loader gives it. */
declare const wasmUrl: string;
export = wasmUrl;
TS
done

cp docs/package-README.md "$out/README.md"
cp LICENSE-MIT LICENSE-APACHE "$out/"

cargo_field() { sed -n "s/^$1 = \"\(.*\)\"/\1/p" Cargo.toml | head -n 1; }
version=$(cargo_field version)
repository=$(cargo_field repository)
VERSION="$version" REPOSITORY="$repository" node --input-type=module - "$out" "${entries[@]}" <<'JS'
// package.json: an export per entry point, each with its Node (import, require) and browser forms.
import { writeFileSync } from "node:fs";
const [out, ...entries] = process.argv.slice(2);
const { VERSION: version, REPOSITORY: repository } = process.env;
const exports = {};
for (const name of entries) {
  const path = name === "tirkeu" ? "." : `./${name}`;
  exports[path] = {
    node: {
      import: { types: `./${name}.d.ts`, default: `./${name}.node.mjs` },
      require: { types: `./${name}.d.cts`, default: `./${name}.cjs` },
    },
    types: `./${name}.d.ts`,
    default: `./${name}.js`,
  };
  exports[`./${name}_bg.wasm`] = {
    import: { types: `./${name}_bg.wasm.d.ts`, default: `./${name}_bg.wasm` },
    require: { types: `./${name}_bg.wasm.d.cts`, default: `./${name}_bg.wasm` },
  };
}
exports["./package.json"] = "./package.json";
const manifest = {
  name: "tirkeu",
  version,
  description: "Kazakhstan immigrant registration (Order No. 923): application checks and signed-certificate verification in WebAssembly, in the browser and in Node",
  keywords: ["kazakhstan", "immigration", "registration", "migration", "qr-code", "cose", "ed25519", "certificate", "verification", "wasm", "webassembly"],
  license: "MIT OR Apache-2.0",
  repository: { type: "git", url: `git+${repository}.git` },
  homepage: `${repository}#readme`,
  bugs: { url: `${repository}/issues` },
  engines: { node: ">=20" },
  type: "module",
  main: "./tirkeu.cjs",
  module: "./tirkeu.js",
  types: "./tirkeu.d.cts",
  exports,
  files: ["*.js", "*.mjs", "*.cjs", "*.d.ts", "*.d.cts", "*.wasm", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  sideEffects: entries.flatMap((name) => [`./${name}.node.mjs`, `./${name}.cjs`]),
};
writeFileSync(`${out}/package.json`, JSON.stringify(manifest, null, 2) + "\n");
JS

size() { printf '%8d bytes raw %8d bytes gzipped  %s\n' "$(wc -c < "$1")" "$(gzip -9 -c "$1" | wc -c)" "$1"; }
echo "package built in $out:"
for name in "${entries[@]}"; do size "$out/${name}_bg.wasm"; done
size "$out/tirkeu.js"
