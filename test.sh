#!/usr/bin/env bash
# Runs every test: the engine's unit, rule, property and CLI tests; a short fuzzing run of
# every cargo-fuzz target; the docs-drift check;
# the page layer's units in Chromium and Firefox; the WebAssembly build for wasm32 and its tests in Node; the packaged extension, its lint
# and its end-to-end tests in Chromium and Firefox; and, when the shared corpus is beside this
# checkout, the scorer's gates on both labelled corpora.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-tools.sh

echo "== cargo fmt --check and clippy (warnings denied)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings

echo "== cargo test"
cargo test --locked

echo "== fuzzing: every cargo-fuzz target for ${FUZZ_SECONDS:-30} s, 0 crashes (scripts/fuzz.sh)"
scripts/fuzz.sh

echo "== the page layer's unit tests in Chromium and Firefox (wasm-bindgen-test)"
scripts/web-unit-tests.sh

echo "== WebAssembly build (wasm32-unknown-unknown), the packaged extension, and Node tests"
./build.sh
node --test tests/node/

echo "== end-to-end: the packaged extension in Chromium and Firefox on the replica CPOMS page"
node --test tests/e2e/

echo "== web-ext lint (Mozilla's linter) on the Firefox package: 0 errors"
node_modules/.bin/web-ext lint --source-dir dist/firefox --output json --no-input \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);for(const m of r.errors)console.error(m.code,m.file,m.message);console.log("web-ext lint:",JSON.stringify(r.summary));process.exit(r.errors.length?1:0)})'

shared="../shared"
if [[ -x "$shared/tools/score" && -f "$shared/corpus/dev.jsonl" ]]; then
  # scripts/corpus-gates.txt: one line per corpus, its floor (macro-F1, must-flag recall,
  # most false flags). dev and dev-more hold issue 2's gates; dev-3's is a ratchet that
  # sits at the figure last reached: raise it when the engine improves, never lower it.
  while read -r corpus f1 recall flags; do
    [[ -z "$corpus" || "$corpus" == \#* ]] && continue
    echo "== corpus gate: $corpus macro-F1 ≥ $f1, recall ≥ $recall, ≤ $flags false flags"
    "$shared/tools/score" "$shared/corpus/$corpus.jsonl" --cmd "target/release/cpoms-check check --format json -" \
      --min-f1 "$f1" --min-flag-recall "$recall" --max-false-flags "$flags" < /dev/null
  done < scripts/corpus-gates.txt
else
  echo "== corpus gates skipped: $shared/corpus is not beside this checkout"
fi
echo "all tests passed"
