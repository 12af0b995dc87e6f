#!/usr/bin/env bash
# One command builds everything this repository ships:
#   target/release/cpoms-check     the native command-line tool
#   pkg/node/                      the engine as WebAssembly for Node (wasm-bindgen --target nodejs)
#   pkg/web/                       the engine as WebAssembly for the browser (--target web)
#   dist/chrome/, dist/firefox/    the extension for each browser, from the one manifest.json,
#   dist/cpoms-check-*.zip         with the WebAssembly size-optimised by wasm-opt -Oz and the spelling
#                                  dictionary beside it (dictionary.bin.gz, from build.rs) (deflated zips)
#   dist/cpoms-check-VERSION.xpi   the Firefox package, ready for signing on addons.mozilla.org
#   dist/cpoms-check-VERSION.crx   Chrome/Edge's signed package and dist/updates.xml for hosting it,
#                                  only when CPOMS_CHECK_CRX_KEY names the school's signing key
#                                  (kept outside this repository) and CPOMS_CHECK_UPDATE_URL the
#                                  address the two files are served from (docs/rollout.md)
# VERSION is Cargo.toml's: the one place the version is written.
# Needs: cargo, the wasm32-unknown-unknown target, wasm-bindgen-cli at the version in Cargo.lock,
# and the npm packages of package.json (wasm-opt) — scripts/install-tools.sh installs them all.
# `./build.sh native`, `./build.sh wasm` or `./build.sh extension` builds one part.
set -euo pipefail
cd "$(dirname "$0")"
what="${1:-all}"

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock
}

if [[ "$what" == all || "$what" == native ]]; then
  cargo build --release --locked --bin cpoms-check
fi

if [[ "$what" == all || "$what" == wasm ]]; then
  want="$(wasm_bindgen_version)"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
  if [[ "$have" != "$want" ]]; then
    echo "build.sh: wasm-bindgen-cli $want is needed (found '${have:-none}'): cargo install wasm-bindgen-cli --version $want" >&2
    exit 1
  fi
  cargo build --locked --lib --target wasm32-unknown-unknown --profile wasm
  wasm=target/wasm32-unknown-unknown/wasm/cpoms_check.wasm
  rm -rf pkg/node pkg/web
  wasm-bindgen "$wasm" --target nodejs --out-dir pkg/node
  wasm-bindgen "$wasm" --target web --out-dir pkg/web
  # The engine carries no dictionary: it is given this file (see src/spell.rs).
  for dir in pkg/node pkg/web; do
    cargo run --release --locked --quiet --bin pack-extension -- --dictionary "$dir/dictionary.bin.gz"
  done
fi

if [[ "$what" == all || "$what" == extension ]]; then
  mkdir -p target/extension
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue pkg/web/cpoms_check_bg.wasm -o target/extension/cpoms_check_bg.wasm
  signing=()
  if [[ -n "${CPOMS_CHECK_CRX_KEY:-}" ]]; then
    if [[ -z "${CPOMS_CHECK_UPDATE_URL:-}" ]]; then
      echo "build.sh: CPOMS_CHECK_CRX_KEY is set but CPOMS_CHECK_UPDATE_URL is not: set it to the https:// folder that will serve the .crx and updates.xml" >&2
      exit 1
    fi
    signing=(--key "$CPOMS_CHECK_CRX_KEY" --base-url "$CPOMS_CHECK_UPDATE_URL")
  fi
  cargo run --release --locked --quiet --bin pack-extension -- target/extension/cpoms_check_bg.wasm --out dist "${signing[@]}"
  raw=$(stat -c %s target/extension/cpoms_check_bg.wasm)
  gz=$(gzip -9 -c target/extension/cpoms_check_bg.wasm | wc -c)
  echo "extension WebAssembly: $raw bytes ($gz gzip -9)"
  echo "extension dictionary: $(stat -c %s dist/chrome/dictionary.bin.gz) bytes (gzip)"
fi
