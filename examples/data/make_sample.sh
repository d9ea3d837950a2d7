#!/bin/sh
# Assembles the wasm example's sample module from sample.wat with wabt's wat2wasm (Debian's
# `wabt` package, 1.0.32). --debug-names keeps the names of sample.wat in a "name" section.
set -e
cd "$(dirname "$0")"
wat2wasm --debug-names sample.wat -o sample.wasm
