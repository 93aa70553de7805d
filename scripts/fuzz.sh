#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ (not part of .ci/run: too slow).
#
#   bash scripts/fuzz.sh                 # every target, FUZZ_SECONDS each (default 600)
#   FUZZ_SECONDS=60 bash scripts/fuzz.sh parse
#   FUZZ_RUNS=10000000 bash scripts/fuzz.sh format_roundtrip   # a number of runs instead
#
# No sanitizer by default (FUZZ_SANITIZER=address to add one): the targets are safe Rust,
# and AddressSanitizer slows them 30 to 50 times (BENCHMARKS.md, "Fuzzing after the last move").
#
# The machine has a stable toolchain only; cargo-fuzz passes nightly flags
# (-Zsanitizer=address), which stable accepts with RUSTC_BOOTSTRAP=1.
# Needs `cargo install cargo-fuzz`. New inputs go to fuzz/corpus/<target> (ignored by
# git); the committed seeds in fuzz/seeds/<target> are read, never written. A crash
# lands in fuzz/artifacts/<target>: turn it into a test in tests/tests/challenge/fuzz_regressions.rs.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1
seconds="${FUZZ_SECONDS:-600}"
sanitizer="${FUZZ_SANITIZER:-none}"
limit=(-max_total_time="$seconds")
[ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(parse format_roundtrip catalog)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
cargo fuzz build -O -s "$sanitizer"
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "seeds/$t"
  echo "== $t: ${limit[*]}"
  cargo fuzz run -O -s "$sanitizer" "$t" "corpus/$t" "seeds/$t" -- \
    "${limit[@]}" -print_final_stats=1 -max_len=4096 -timeout=10 \
    > "logs/$t.log" 2>&1 || { echo "$t FAILED: see fuzz/logs/$t.log"; tail -40 "logs/$t.log"; exit 1; }
  # Iterations, and when coverage last grew.
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "logs/$t.log" || true
  grep -E "^#[0-9]+" "logs/$t.log" | grep -E "NEW|REDUCE" | tail -1 || true
  grep -E "^#[0-9]+" "logs/$t.log" | tail -1 || true
done
