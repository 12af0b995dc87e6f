#!/usr/bin/env bash
# Sets everything up on a fresh machine with Rust (rustup) and Node.js, builds the tool and
# the WebAssembly engine, then runs cpoms-check on the guidance's own bad example.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-tools.sh
./build.sh
echo
target/release/cpoms-check check tests/fixtures/guidance-bad.json --format text
