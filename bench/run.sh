#!/usr/bin/env bash
# The benchmark (issue 5), in one command: builds everything, then measures the native
# engine (cargo bench --bench figures), the WebAssembly engine in Node beside harper.js,
# write-good and alex, the packaged extension in Chromium, and the sizes; prints the table
# and rewrites bench/RESULTS.md with it and the machine it ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
./build.sh >/dev/null
out=target/bench
mkdir -p "$out"
corpus=../shared/corpus/dev.jsonl
echo "bench: native engine" >&2
cargo bench --locked --quiet --bench figures -- $( [[ -f $corpus ]] && echo "$corpus" ) 2>/dev/null | tail -1 > "$out/native.json"
echo "bench: WebAssembly in Node beside harper.js, write-good, alex" >&2
node bench/node.mjs > "$out/node.json"
echo "bench: the extension in Chromium" >&2
node bench/browser.mjs > "$out/browser.json"
node bench/report.mjs "$out" > bench/RESULTS.md
echo "bench: the audit command at 10,000 and 200,000 rows" >&2
{ echo; bench/audit.sh; } >> bench/RESULTS.md
cat bench/RESULTS.md
