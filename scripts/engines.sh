#!/usr/bin/env bash
# The reader journeys of tests/engines/ in the three engines readers use: Chromium
# (playwright-core), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKit (WebKitGTK's
# MiniBrowser through WebKitWebDriver), all Debian's, against the built dist/.
#   scripts/engines.sh                 every journey, every engine (`node --test tests/engines/`)
#   scripts/engines.sh FILE…           only these test files
#   scripts/engines.sh --shots [DIR]   screenshots of each engine (1280×800 and 390×844, light
#                                      and dark) and a report of the CSS features each has, into
#                                      DIR (default target/engine-shots/)
#   ENGINES=firefox,webkit scripts/engines.sh   a subset of engines
# The MiniBrowser has no headless mode: the whole run goes under one `xvfb-run -a` display, and
# tests/engines/driver.mjs starts one WebKitWebDriver per WebKit page (a driver takes one session).
# Files run one at a time (2 cores: a browser each is the most they take).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pair in chromium:/usr/bin/chromium firefox-esr:/usr/bin/firefox-esr webkit2gtk-driver:/usr/bin/WebKitWebDriver \
  xvfb:/usr/bin/xvfb-run xauth:/usr/bin/xauth; do
  [ -x "${pair#*:}" ] || missing+=("${pair%%:*}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "engines: missing Debian packages: ${missing[*]} (scripts/setup.sh --test installs them)" >&2
  exit 1
fi
if [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/playwright-core ]; then
  echo "engines: npm packages missing: run npm ci (scripts/setup.sh does)" >&2
  exit 1
fi
if [ ! -f dist/putin-kim-pact/index.html ]; then
  echo "engines: no dist/: run make build first" >&2
  exit 1
fi

XVFB=(xvfb-run -a -s "-screen 0 1920x1200x24")
if [ "${1:-}" = "--shots" ]; then
  exec "${XVFB[@]}" node tests/engines/screenshots.mjs "${2:-target/engine-shots}"
fi
if [ $# -gt 0 ]; then
  exec "${XVFB[@]}" node --test --test-concurrency=1 "$@"
fi
exec "${XVFB[@]}" node --test --test-concurrency=1 tests/engines/
