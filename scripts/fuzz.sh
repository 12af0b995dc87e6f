#!/usr/bin/env bash
# A short, bounded fuzzing run of every target in fuzz/ (cargo-fuzz, libFuzzer), for test.sh
# and CI: FUZZ_SECONDS per target (default 30). The seeds in fuzz/seeds/ are read, never
# written: new inputs go to a scratch corpus. A crash fails the run and leaves its input in
# fuzz/artifacts/<target>/. The long run is in RELIABILITY.md ("## Fuzzing").
#
# The toolchain is stable: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags. No sanitizer
# by default (the engine has no unsafe code; debug assertions stay on); FUZZ_SANITIZER=address
# for a run with AddressSanitizer.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${FUZZ_SECONDS:-30}"
sanitizer="${FUZZ_SANITIZER:-none}"
targets=(check_text check_entry check_policy)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s "$sanitizer" >/dev/null
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
total=0
for t in "${targets[@]}"; do
  mkdir -p "$scratch/$t"
  log="$scratch/$t.log"
  if ! cargo fuzz run -s "$sanitizer" "$t" "$scratch/$t" "seeds/$t" -- \
      -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 -timeout=20 >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz: $t: CRASH (input saved in fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  runs="$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 \2/p' "$log" | tail -1)"
  echo "fuzz: $t: ${runs% *} executions in ${runs#* } s, 0 crashes"
  total=$((total + ${runs% *}))
done
echo "fuzz: $total executions over ${#targets[@]} targets, 0 crashes"
