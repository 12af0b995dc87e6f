#!/usr/bin/env bash
# Installs what the build and tests need that cargo does not fetch by itself:
# the wasm32 target and wasm-bindgen-cli at the exact version Cargo.lock pins.
# Idempotent: skips what is already there. (No --locked: see shared/research/toolchain.md.)
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# fmt and clippy run in test.sh; rustup's default profile has them, a minimal one may not.
for c in rustfmt clippy; do rustup component list --installed | grep -q "^$c" || rustup component add "$c" || true; done
want="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
if [[ "$have" != "$want" ]]; then
  cargo install wasm-bindgen-cli --version "$want"
fi
# cargo-fuzz for scripts/fuzz.sh (it runs on the stable toolchain with RUSTC_BOOTSTRAP=1).
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
command -v node >/dev/null || { echo "install-tools: Node.js (18 or later) is needed for the WebAssembly tests" >&2; exit 1; }
# Browsers for the end-to-end tests: Debian's Chromium (branded Chrome ignores
# --load-extension) and its chromedriver (the page layer's unit tests), Firefox ESR, and
# geckodriver to drive Firefox.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
if (( ${#missing[@]} )); then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "install-tools: the end-to-end tests need: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
command -v geckodriver >/dev/null || cargo install geckodriver
# wasm-opt (npm binaryen: Debian's is too old for current Rust output), web-ext's linter, and the
# widget libraries the replica pages of tests/e2e/pages/widgets/ load from node_modules.
if [[ ! -x node_modules/.bin/wasm-opt || ! -x node_modules/.bin/web-ext || ! -d node_modules/playwright-core \
      || ! -d node_modules/selenium-webdriver || ! -d node_modules/axe-core || ! -d node_modules/tinymce \
      || ! -d node_modules/prosemirror-view || ! -d node_modules/@hotwired/turbo || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund
fi
