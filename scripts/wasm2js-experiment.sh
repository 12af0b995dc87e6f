#!/usr/bin/env bash
# Experiment (not part of the product build): the same crate — engine and page layer — as
# plain JavaScript, via binaryen's wasm2js, for pages whose Content-Security-Policy refuses
# WebAssembly in Chromium content scripts. Everything goes to target/w2j/; nothing in src/,
# extension/, pkg/ or dist/ is changed. See scripts/wasm2js/RESULTS.md for what it found.
#
#   1. cargo build for wasm32 with -C target-cpu=mvp (own target dir: other RUSTFLAGS);
#   2. drop the `target_features` custom section: the prebuilt std still declares
#      +reference-types etc., and wasm-bindgen would take that to mean the crate uses
#      externref ("failed to find the `__wbindgen_externref_table_dealloc` function");
#   3. wasm-bindgen --target web (MVP glue: a JS heap of objects, one funcref table);
#   4. wasm-opt --llvm-memory-copy-fill-lowering --signext-lowering (the prebuilt std has
#      memory.copy/fill and sign-extension ops even at target-cpu=mvp);
#   5. wasm2js -O3 (LEVEL below), then adapt.mjs: the output as an `instantiate(imports)`
#      factory, memory.grow detaching the old buffer, the glue with an `initJs` export;
#   6. compare.mjs in Node (outputs vs pkg/node, timing) and chromium-csp.mjs in Chromium.
# Needs ./build.sh wasm first (pkg/node and pkg/web are the reference).
# Usage: scripts/wasm2js-experiment.sh [LEVEL]   LEVEL: O0 (none), O3 (default), Oz, …
set -euo pipefail
cd "$(dirname "$0")/.."
level="${1:-O3}"
out=target/w2j
bin=node_modules/.bin
mkdir -p "$out/in"

CARGO_TARGET_DIR=target/w2j-cargo RUSTFLAGS="-C target-cpu=mvp" \
  nice -n 19 cargo build --locked --lib --target wasm32-unknown-unknown --profile wasm
node scripts/wasm2js/strip-target-features.mjs \
  target/w2j-cargo/wasm32-unknown-unknown/wasm/cpoms_check.wasm "$out/in/cpoms_check.wasm"
rm -rf "$out/web"
wasm-bindgen "$out/in/cpoms_check.wasm" --target web --out-dir "$out/web"
echo '{"type": "module"}' > "$out/web/package.json" # for Node (compare.mjs)
nice -n 19 "$bin/wasm-opt" --enable-bulk-memory --enable-bulk-memory-opt --enable-sign-ext \
  --enable-mutable-globals --enable-nontrapping-float-to-int \
  --llvm-memory-copy-fill-lowering --signext-lowering "$out/web/cpoms_check_bg.wasm" -o "$out/lowered.wasm"
"$bin/wasm-opt" --detect-features --print-features "$out/lowered.wasm" -o /dev/null | tr '\n' ' '; echo
opt=(); [[ "$level" != O0 ]] && opt=("-$level")
time nice -n 19 "$bin/wasm2js" "${opt[@]}" "$out/lowered.wasm" -o "$out/engine-$level.js"
node scripts/wasm2js/adapt.mjs "$out/engine-$level.js" "$out/web/cpoms_check.js" "$out/js-$level"
for f in "$out/js-$level/cpoms_check_js.js" "$out/js-$level/cpoms_check.js" "$out/web/cpoms_check_bg.wasm"; do
  echo "$f: $(stat -c %s "$f") bytes ($(gzip -9 -c "$f" | wc -c) gzip -9)"
done
nice -n 19 node scripts/wasm2js/compare.mjs "$out" "js-$level" 200
nice -n 19 node scripts/wasm2js/chromium-csp.mjs "$out/js-$level" 50
