#!/usr/bin/env bash
# Installs whatever the project needs and is missing; a second run installs nothing.
#   scripts/setup.sh          tools to build: wasm target, rust-src and std's dependencies (the
#                             wasm rebuilds std, see the Makefile), wasm-bindgen-cli, npm packages
#   scripts/setup.sh --test   also Debian's browsers for the tests: chromium and chromium-driver,
#                             firefox-esr, webkit2gtk-driver (WebKitGTK's WebDriver and
#                             MiniBrowser) with xvfb and xauth (the MiniBrowser needs a display),
#                             and a headless Java runtime (default-jre-headless) for the Nu HTML
#                             checker, unless `java` is already on PATH
#   scripts/setup.sh --bench  also those and mdBook, the benchmark's comparison (bench/, `make bench`)
# No Trunk: the Makefile's `viewer` target runs cargo, wasm-bindgen and wasm-opt itself (it was
# 7.7 min of a fresh machine's set-up). Versions: wasm-bindgen-cli exactly the wasm-bindgen of
# Cargo.lock; wasm-opt from the npm package binaryen (package.json); mdBook 0.5.4 (the newest
# on crates.io; needs rustc 1.88), without its serve/watch/search features, which the bench does
# not use. Each step prints its time. apt and npm run beside the cargo installs (they use the
# network and the disk, cargo the two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

MDBOOK_VERSION=0.5.4
TEST=false
BENCH=false
for arg in "$@"; do
  case "$arg" in
    --test) TEST=true ;;
    --bench) TEST=true; BENCH=true ;;
    *) echo "usage: scripts/setup.sh [--test] [--bench]" >&2; exit 2 ;;
  esac
done
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

step() {
  local name=$1; shift
  local start=$SECONDS
  echo "setup: $name ..."
  "$@"
  echo "setup: $name done in $((SECONDS - start)) s"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target wasm32-unknown-unknown" rustup target add wasm32-unknown-unknown
fi

# The release wasm is built with std (build-std, see the Makefile): std's source, and its own
# dependencies (the sysroot's library/Cargo.lock) fetched once, since builds run --offline.
# RUSTC_BOOTSTRAP=1: std's manifest uses unstable Cargo features.
if ! rustup component list --installed | grep -q '^rust-src'; then
  step "rustup component rust-src" rustup component add rust-src
fi
STD_MANIFEST="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if ! RUSTC_BOOTSTRAP=1 cargo fetch --locked --offline --manifest-path "$STD_MANIFEST" >/dev/null 2>&1; then
  step "std's dependencies (cargo fetch)" env RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$STD_MANIFEST"
fi

# The project's own crates (Cargo.lock), fetched once, since builds run --offline. Without it
# a fresh machine's `make serve` stops at "no matching package named ..." (cargo test, which
# `make test` runs first, fetches them itself: so only `make serve` showed it).
if ! cargo fetch --locked --offline >/dev/null 2>&1; then
  step "the project's crates (cargo fetch)" cargo fetch --locked
fi

# Beside the cargo installs: Debian's packages (tests only) and the npm packages.
pids=()
APT_PACKAGES=()
if $TEST; then
  for pair in chromium:/usr/bin/chromium chromium-driver:/usr/bin/chromedriver firefox-esr:/usr/bin/firefox-esr \
    webkit2gtk-driver:/usr/bin/WebKitWebDriver xvfb:/usr/bin/xvfb-run xauth:/usr/bin/xauth; do
    [ -x "${pair#*:}" ] || APT_PACKAGES+=("${pair%%:*}")
  done
  # The Nu HTML checker (npm vnu-jar, run by `make test`) is a Java program: a headless JRE.
  command -v java >/dev/null || APT_PACKAGES+=(default-jre-headless)
fi
if [ ${#APT_PACKAGES[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  step "apt: ${APT_PACKAGES[*]}" bash -c "$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q ${APT_PACKAGES[*]}" &
  pids+=($!)
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm packages (binaryen, terser, csso, playwright-core, puppeteer-core, axe-core, lighthouse, vnu-jar)" npm ci --no-audit --no-fund &
  pids+=($!)
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  # Without --locked: with it, one of its locked dependencies cannot be resolved here.
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if $BENCH && [ "$(mdbook --version 2>/dev/null | awk '{print $2}')" != "v$MDBOOK_VERSION" ]; then
  step "mdbook $MDBOOK_VERSION" cargo install mdbook --version "$MDBOOK_VERSION" --locked --no-default-features
fi

for pid in "${pids[@]}"; do
  wait "$pid"
done
