#!/usr/bin/env bash
# The page layer's unit tests (src/web/tests.rs) in real browsers through
# wasm-bindgen-test-runner: once in Chromium (chromedriver), once in Firefox (geckodriver).
# The runner uses Firefox whenever GECKODRIVER is set, so each run sets exactly one driver.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
run() { cargo test --target wasm32-unknown-unknown --lib web::tests; }
echo "page layer units in Chromium"
env -u GECKODRIVER CHROMEDRIVER="$(command -v chromedriver)" bash -c "$(declare -f run); run"
echo "page layer units in Firefox"
env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" bash -c "$(declare -f run); run"
