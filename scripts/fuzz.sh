#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for SECONDS_PER_TARGET seconds (default 20: the smoke run of
# `make test`; `make fuzz` passes more), then prints the executions per target and any crash.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]
#
# Installs what it needs on a fresh machine: the pinned nightly toolchain (scripts/nightly.sh) and
# cargo-fuzz (from crates.io, only when `cargo fuzz` is missing). Targets are built once, together,
# without a sanitizer: the crate forbids unsafe code, overflow checks stay on (cargo-fuzz builds
# with debug assertions), and the build and the runs are about twice as fast.
#
# Each run reads the committed seeds (fuzz/corpus/TARGET, never written) and grows a working
# corpus in fuzz/corpus-work/TARGET (ignored by git). A crash leaves its input in
# fuzz/artifacts/TARGET/ and makes the script exit 1 after all targets have run; reproduce it with
#   cargo +nightly-2026-10-30 fuzz run --sanitizer none TARGET fuzz/artifacts/TARGET/crash-...
set -euo pipefail

seconds="${1:-20}"
case "$seconds" in
  ''|*[!0-9]*) echo "fuzz.sh: SECONDS_PER_TARGET must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../fuzz"

source ../scripts/nightly.sh
# The pinned nightly; failing that (a machine that cannot fetch toolchains), a nightly already
# installed: fuzzing needs a nightly, not that one.
if ! rustup toolchain list | grep -q "^$NIGHTLY"; then
  if ! rustup toolchain install "$NIGHTLY" --profile minimal; then
    installed=$(rustup toolchain list | awk '/^nightly/ { print $1; exit }')
    if [ -z "$installed" ]; then
      echo "fuzz.sh: no nightly toolchain is installed and $NIGHTLY cannot be" >&2
      exit 1
    fi
    echo "fuzz.sh: using $installed instead of $NIGHTLY" >&2
    NIGHTLY=$installed
  fi
fi
if ! cargo "+$NIGHTLY" fuzz --version >/dev/null 2>&1; then
  cargo "+$NIGHTLY" install cargo-fuzz --locked
fi

flags=(--sanitizer none)
cargo "+$NIGHTLY" fuzz build "${flags[@]}"

failed=()
summary=()
for target in $(cargo "+$NIGHTLY" fuzz list); do
  mkdir -p "corpus-work/$target" "artifacts/$target"
  log="artifacts/$target/last-run.log"
  dict=()
  if [[ -f "dict/$target.dict" ]]; then dict=("-dict=dict/$target.dict"); fi
  echo "== $target: ${seconds}s"
  if cargo "+$NIGHTLY" fuzz run "${flags[@]}" "$target" "corpus-work/$target" "corpus/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      "${dict[@]}" >"$log" 2>&1; then
    verdict="ok"
  else
    verdict="CRASH"
    failed+=("$target")
    grep -E "panicked|ERROR: libFuzzer|Test unit written" "$log" | head -5 >&2 || true
  fi
  runs=$(grep -oE '^stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
  summary+=("$(printf '%-24s %-6s %12s executions  coverage %s' "$target" "$verdict" "${runs:-?}" "${coverage:-?}")")
done

echo
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "fuzz.sh: crashes in ${failed[*]} (inputs under fuzz/artifacts/)" >&2
  exit 1
fi
