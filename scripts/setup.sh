#!/bin/sh
# First step of `npm start`, `npm test` and `npm run bench`: installs what a fresh Debian machine
# lacks. System packages (root only; otherwise it says what to install), then npm dependencies.
set -e
cd "$(dirname "$0")/.."

need=""
command -v cmake >/dev/null 2>&1 || need="$need cmake"
command -v g++ >/dev/null 2>&1 || need="$need g++"
command -v emcc >/dev/null 2>&1 || need="$need emscripten"
[ -f /usr/include/nlohmann/json.hpp ] || need="$need nlohmann-json3-dev"
[ -f /usr/include/gtest/gtest.h ] || need="$need libgtest-dev"
[ -x /usr/bin/chromium ] || need="$need chromium"
command -v clang++ >/dev/null 2>&1 || need="$need clang"
[ -d /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux ] || need="$need libclang-rt-14-dev"
command -v zopfli >/dev/null 2>&1 || need="$need zopfli"  # scripts/build.mjs: deflates the embedded wasm

if [ -n "$need" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "ft-polyfill setup: installing Debian packages:$need"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  else
    echo "ft-polyfill setup: missing Debian packages:$need" >&2
    echo "install them with: sudo apt-get install$need" >&2
    exit 1
  fi
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ft-polyfill setup: installing npm dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi
