#!/usr/bin/env bash
# Builds the npm package into www/pkg: the WebAssembly module (profile wasm-release, Cargo.toml), its JavaScript glue and
# TypeScript declarations (wasm-bindgen --target web; Node loads the same files, see README), a
# CommonJS form for Node's require() in www/pkg/node, then wasm-opt -Oz. Prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."

out=www/pkg
target_wasm=target/wasm32-unknown-unknown/wasm-release/tirkeu.wasm
# wasm-bindgen's output uses these post-MVP features (Rust's default wasm32 target features).
opt_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
              --enable-mutable-globals --enable-reference-types --enable-multivalue)

cargo build --quiet --lib --profile wasm-release --target wasm32-unknown-unknown --no-default-features
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" --out-name tirkeu "$target_wasm"
wasm-bindgen --target nodejs --out-dir "$out/node" --out-name tirkeu --no-typescript "$target_wasm"
for wasm in "$out/tirkeu_bg.wasm" "$out/node/tirkeu_bg.wasm"; do
  node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers "${opt_features[@]}" "$wasm" -o "$wasm"
done

# wasm-bindgen types the raw exports of InitOutput (externref values) as `any`; they are values
# the glue passes through unseen, so `unknown` is exact. The public declarations must hold no `any`.
sed -i -E '/^export interface InitOutput/,/^}/ s/\bany\b/unknown/g' "$out/tirkeu.d.ts"
# wasm-bindgen declares `[Symbol.dispose](): void` on every class, which only TypeScript's
# esnext.disposable library knows: a portal compiling against ES2022 would fail on our types. The
# glue still installs it where the runtime has Symbol.dispose; the declarations leave it out.
sed -i -E '/^\s*\[Symbol\.dispose\]\(\): void;$/d' "$out/tirkeu.d.ts"
if grep -nwE 'any' "$out/tirkeu.d.ts"; then
  echo "build-wasm: $out/tirkeu.d.ts declares \`any\`" >&2
  exit 1
fi

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
cat > "$out/package.json" <<JSON
{
  "name": "tirkeu",
  "version": "$version",
  "description": "Kazakhstan immigrant registration (Order No. 923): application checks and signed-certificate verification in WebAssembly",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./tirkeu.js",
  "types": "./tirkeu.d.ts",
  "exports": {
    ".": {
      "types": "./tirkeu.d.ts",
      "require": "./node/tirkeu.js",
      "default": "./tirkeu.js"
    },
    "./tirkeu_bg.wasm": "./tirkeu_bg.wasm"
  },
  "files": ["tirkeu.js", "tirkeu.d.ts", "tirkeu_bg.wasm", "tirkeu_bg.wasm.d.ts", "node/"],
  "sideEffects": false
}
JSON
printf '{ "type": "commonjs" }\n' > "$out/node/package.json"

size() { printf '%8d bytes raw %8d bytes gzipped  %s\n' "$(wc -c < "$1")" "$(gzip -9 -c "$1" | wc -c)" "$1"; }
echo "package built in $out:"
size "$out/tirkeu_bg.wasm"
size "$out/tirkeu.js"
