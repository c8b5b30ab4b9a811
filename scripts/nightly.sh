# Sourced by the scripts that need a nightly toolchain, so that they all use the same one, pinned
# by date: the shipped WebAssembly modules (scripts/build-wasm.sh) and the fuzz targets
# (scripts/fuzz.sh, cargo-fuzz). scripts/setup.sh installs it. Everything else (the library, its
# tests, the command line) builds with the stable toolchain of rust-toolchain.toml.
NIGHTLY=nightly-2026-10-30
