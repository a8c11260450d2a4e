// Size budgets of the release build in dist/ (run after `make build`, with the other e2e tests).
// Sizes do not vary from run to run, so these fail as soon as the wasm or the first load grows
// past its budget. Timings are not tested here: they belong to the benchmark (`make bench`,
// bench/RESULTS.md). Sizes are gzip at level 9 of the files as built, in KiB (1024 bytes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const KiB = 1024;

// Budgets: the sizes of the build of 2026-11-28 (commit 2c056bf: wasm 177.2 KiB, first load
// 204.0 KiB gzip) plus about 5%, so that growth fails. The targets (#6) are lower: lower
// these budgets as the build shrinks; never raise them without a reason written here.
const WASM_GZIP_BUDGET = 187 * KiB; // issue #6 target: 80 KiB
const FIRST_LOAD_GZIP_BUDGET = 215 * KiB; // issue #6 target: 120 KiB

const DIST = new URL("../../dist/", import.meta.url).pathname;

const gzip = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kib = (bytes) => `${(bytes / KiB).toFixed(1)} KiB`;

/**
 * What a first visit to dist/index.html downloads: the page, every local file its <script>,
 * <link> and <img> tags name (start script, JS glue, wasm preload, stylesheet, theme switch,
 * icon) and what init.js imports or fetches.
 */
function firstLoad() {
  const page = readFileSync(join(DIST, "index.html"), "utf8");
  const files = new Set(["index.html"]);
  for (const tag of page.matchAll(/<(?:script|link|img)\b[^>]*>/g)) {
    if (/\brel="(?:canonical|alternate)"/.test(tag[0])) continue;
    const ref = tag[0].match(/\b(?:src|href)="\.\/([^"#?]+)"/)?.[1];
    if (ref) files.add(ref);
  }
  if (files.has("init.js")) {
    const init = readFileSync(join(DIST, "init.js"), "utf8");
    for (const m of init.matchAll(/(?:from |import\(|new URL\()\s*["']\.\/([^"']+)["']/g)) files.add(m[1]);
  }
  return [...files];
}

test("dist/ is built", () => {
  assert.ok(existsSync(join(DIST, "index.html")), "no dist/index.html: run `make build` first");
});

test(`the wasm is at most ${kib(WASM_GZIP_BUDGET)} gzip`, (t) => {
  const wasm = firstLoad().filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm on first load, found ${JSON.stringify(wasm)}`);
  const size = gzip(wasm[0]);
  t.diagnostic(`wasm ${wasm[0]}: ${kib(size)} gzip (${size} B); budget ${kib(WASM_GZIP_BUDGET)}, issue target 80 KiB`);
  assert.ok(size <= WASM_GZIP_BUDGET, `the wasm is ${kib(size)} gzip, over its budget of ${kib(WASM_GZIP_BUDGET)}`);
});

test(`the first load is at most ${kib(FIRST_LOAD_GZIP_BUDGET)} gzip`, (t) => {
  const files = firstLoad();
  for (const kind of [/^index\.html$/, /^init\.js$/, /^marginalia-[0-9a-f]+\.js$/, /_bg\.wasm$/, /^marginalia\.css$/, /^theme\.js$/, /^favicon/]) {
    assert.ok(files.some((f) => kind.test(f)), `the first load should include ${kind}; found ${files.join(", ")}`);
  }
  let total = 0;
  for (const file of files) {
    assert.ok(existsSync(join(DIST, file)), `index.html names ${file}, which is not in dist/`);
    const size = gzip(file);
    total += size;
    t.diagnostic(`${file}: ${kib(size)} gzip`);
  }
  t.diagnostic(`first load, ${files.length} files: ${kib(total)} gzip (${total} B); budget ${kib(FIRST_LOAD_GZIP_BUDGET)}, issue target 120 KiB`);
  assert.ok(total <= FIRST_LOAD_GZIP_BUDGET, `the first load is ${kib(total)} gzip, over its budget of ${kib(FIRST_LOAD_GZIP_BUDGET)}`);
});
