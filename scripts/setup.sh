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
command -v clang-format >/dev/null 2>&1 || need="$need clang-format"  # scripts/lint.mjs: the C++ against .clang-format

# The shared engine suite (tests/engines/), for the engines FT_ENGINES selects (default all):
# Firefox ESR; WebKitGTK's driver and MiniBrowser on an Xvfb display. Without recommends.
engines=""
wants() { [ -z "$FT_ENGINES" ] || echo ",$FT_ENGINES," | tr -d ' ' | grep -qi ",$1,"; }
if wants firefox; then
  command -v firefox-esr >/dev/null 2>&1 || engines="$engines firefox-esr"
fi
if wants webkit; then
  command -v WebKitWebDriver >/dev/null 2>&1 || engines="$engines webkit2gtk-driver"
  command -v Xvfb >/dev/null 2>&1 || engines="$engines xvfb"
  # xauth: for xvfb-run by hand; the suite starts Xvfb itself, so it never blocks a run.
  [ "$(id -u)" != 0 ] || command -v xauth >/dev/null 2>&1 || engines="$engines xauth"
fi

if [ -n "$need$engines" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "ft-polyfill setup: installing Debian packages:$need$engines"
    apt-get update -qq
    [ -z "$need" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
    [ -z "$engines" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $engines >/dev/null
  else
    if [ -n "$need" ]; then
      echo "ft-polyfill setup: missing Debian packages:$need" >&2
      echo "install them with: sudo apt-get install$need" >&2
    fi
    # One line per missing browser: what to install, or how to deselect it.
    [ -z "$engines" ] || node -e 'import("./tests/helpers/engines-select.js").then((m) => { for (const id of m.selectedEngines()) { const line = m.missingLine(id); if (line) console.error(line); } }, (e) => console.error(e.message))'
    exit 1
  fi
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ft-polyfill setup: installing npm dependencies"
  # puppeteer-core drives the system's firefox-esr: no browser is downloaded.
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
