#!/usr/bin/env bash
# Installs what `make build`, `make serve` and `make test` need and is not there yet. Idempotent:
# each step checks first, so a prepared machine spends a second here.
#   - the wasm32 target of the pinned Rust toolchain (rust-toolchain.toml)
#   - the pinned nightly toolchain with the standard library's source (scripts/nightly.sh), which
#     builds the shipped WebAssembly modules and the fuzz targets
#   - wasm-bindgen-cli, the exact version of the wasm-bindgen crate (it also gives
#     wasm-bindgen-test-runner)
#   - npm dev dependencies from package-lock.json (wasm-opt from binaryen, tsc, playwright-core)
#   - with `--browser`: Debian's Chromium and ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
want_browser=false
[ "${1:-}" = "--browser" ] && want_browser=true

say() { echo "setup: $*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

source scripts/nightly.sh
if ! rustup component list --installed --toolchain "$NIGHTLY" 2>/dev/null | grep -q '^rust-src'; then
  say "installing the $NIGHTLY toolchain with rust-src (about 15 seconds)"
  # Not fatal: without it scripts/build-wasm.sh builds on the stable toolchain, and says so.
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src ||
    say "could not install $NIGHTLY: the WebAssembly modules will be built with stable's std, each 4-6 KB larger"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about three minutes)"
  # Not --locked: one of the CLI's locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/tsc ] \
   || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi

if $want_browser && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  say "installing Debian's chromium and chromium-driver"
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
exit 0
