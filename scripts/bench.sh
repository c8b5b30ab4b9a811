#!/usr/bin/env bash
# `make bench`: builds what the benchmark measures (the npm package in www/pkg, the release
# binary for `tirkeu serve`, the native bench), installs the peers it compares against (npm dev
# dependencies from package-lock.json: zxing-wasm, @undecaf/zbar-wasm, jsqr, @noble/ed25519;
# offline once installed), and runs bench/run.mjs: one report on stdout, the figures in
# target/bench/results.json. Arguments go to bench/run.mjs (--seed, --repeats, --loads,
# --skip-page). No figure here is asserted by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --browser
if [ ! -d node_modules/zxing-wasm ] || [ ! -d node_modules/@undecaf/zbar-wasm ] || [ ! -d node_modules/jsqr ] \
   || [ ! -d node_modules/@noble/ed25519 ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if ! command -v twiggy >/dev/null; then
  echo "bench: installing twiggy (per-crate sizes)" >&2
  cargo install twiggy
fi
scripts/build-wasm.sh >&2
cargo build --quiet --release --features cli --bin tirkeu --example bench_native
exec node bench/run.mjs "$@"
