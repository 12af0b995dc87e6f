#!/usr/bin/env bash
# One command builds everything this repository ships:
#   target/release/cpoms-check     the native command-line tool
#   pkg/node/                      the engine as WebAssembly for Node (wasm-bindgen --target nodejs)
#   pkg/web/                       the engine as WebAssembly for the browser extension (--target web)
# Needs: cargo, the wasm32-unknown-unknown target, wasm-bindgen-cli at the version in Cargo.lock.
# `./build.sh native` or `./build.sh wasm` builds one half.
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
  ls -l pkg/node/*.wasm pkg/web/*.wasm
fi
