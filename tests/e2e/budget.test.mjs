// Size budgets of the release build in dist/ (run after `make build`, with the other e2e tests).
// Sizes do not vary from run to run, so these fail as soon as the wasm or the first load grows
// past its budget. Timings are not tested here: they belong to the benchmark (`make bench`,
// bench/RESULTS.md). Sizes are gzip at level 9 of the files as built, in KiB (1024 bytes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const KiB = 1024;

// Budgets: the sizes of the build of 2026-12-01, once the article left the wasm (wasm 170.9 KiB,
// first load of the seed's page 201.3 KiB gzip; before, 177.2 and 204.0) plus about 5%, so that
// growth fails. The targets (#11) are lower: lower these budgets as the build shrinks;
// never raise them without a reason written here.
// Raised on 2026-12-01, with the reasons: the restructuring into one component per concern and
// the feedback export through serde-wasm-bindgen ("Easy to change"), and the privacy and
// embedding fixes, took the wasm from 171.7 to 180.0 KiB; the prerendered page now holds
// every panel's content, readable with JavaScript off ("As fast as the static page", item 2),
// 7.7 to 11.0 KiB. Budgets: those sizes plus about 5%.
// Lowered on 2026-12-01 ("A smaller wasm", issue #11 item 4): the wasm is built with std for
// size and panics that trap (build-std, optimize_for_size, -Cpanic=immediate-abort; README "A
// smaller wasm"), 180.0 to 158.9 KiB; the first load 193.2 KiB (init.js now also shows the
// error view on a trap). Budgets: those sizes plus about 3%.
// Raised on 2026-12-01, with the reasons: the relations panel (#14: the picture drawn from the
// build's layout, the list for keyboards, the picture and table in the print dossier), and the
// panels' entries as memoised components rendered in steps (#11 item 5: a selection re-renders
// only the entries that change; long lists render what is near the screen), took the wasm from
// 158.9 to 169.3 KiB (the print dossier is no longer rendered by the wasm: -2.9 KiB), and the
// first load from 193.2 to 212.0 KiB (the page's HTML 11.0 to 17.3 KiB: the relations panel and
// the dossier's relations, prerendered; the data 4.5 to 5.5 KiB: the picture's layout).
// Budgets: those sizes plus about 3%.
// Raised on 2026-12-01, with the reason: a page's viewer comes to life in place (#11 item 1:
// its parts render through Yew portals into the page's islands, one a task; the root is the
// page's own; focus is carried to the live parts; layout reads and the address wait for the
// next paint or task), 169.3 to 175.0 KiB, about 2 KiB of it Yew's portals and subtree roots.
// Budget: that size plus about 2%.
// Raised on 2026-12-02 (issue "An article mounted from any site is inert"): every article's data
// is checked by the build's rules as it is read (crates/model/src/check.rs; twiggy: 6.6 KB raw
// in start::checked), a mount's text is rebuilt from an allow-list (web::load::fresh and
// copy_children, 2.3 KB raw), and the feedback endpoint's origin is checked: 175.0 to 181.6
// KiB. Budget: plus about 1%.
// Raised again later on 2026-12-02 (issues "A first draft in seconds" and "A site, not a pile of
// pages"): quotes said by several speakers (a button each, the filter under each), the source's
// address and rights in the header, a Suggested badge on drafted relations, the reducers grouped
// by kind of action: 182.6 to 183.6 KiB. Budget: plus about 0.2%. Issue #27 is the cut.
// Raised on 2026-12-02 (issue #25, "In the reader's language", whose limit is +10 KB): every
// word from the catalogues, in English, Japanese and Korean. Measured on this build, 183.6 to
// 194.3 KiB (+10.7 KiB = 10.9 KB: missed by 0.9 KB). The wasm has English built in and loads
// the language it speaks from a words file (inline in a page in that language; fetched for
// `?lang=`), so the other languages cost nothing in it: data section 22.0 to 23.2 KiB gzip
// (English's messages as one text and its offsets), code 151.1 to about 161.5 KiB gzip (about
// 24 KB raw: some 150 call sites passing named arguments to messages, the Intl date writer,
// the words loader, the IME's compositionend listener, the lang marks). With all three
// languages built in it was 200.5 KiB.
// Lowered the same day (issue #27, "a hand-rolled decoder for the data format"): the data file
// read by crates/model/src/decode.rs instead of serde's derive through postcard, 194.3 to
// 192.3 KiB (-2.0 KiB gzip, -5.3 KB raw); with the languages, +8.7 KiB over 183.6.
// Raised the same day (issue #23, "Every actor card and panel entry links to the actor's
// page"): the viewer reads the page's site navigation for each actor's page and count (3 KB
// raw: reading the links, the card's and the entry's link), 192.3 to 193.7 KiB. Budget: plus
// about 0.2%.
// Lowered on 2026-12-03 (issue #27, "the feedback form as a separate module loaded when the
// reader reaches it"): the live feedback form left the wasm for a module of its own
// (assets/feedback.js, loaded only once the reader comes near the form: assets/later.js), and
// with it the form's components, postcard, serde's derive for the kept form and
// serde-wasm-bindgen: 194.0 to 176.3 KiB (198 656 to 180 538 B gzip; 485 289 to 433 071 B raw).
// The module is 4.1 KiB, never in the first load (below). Budget: plus about 0.1%.
// Lowered on 2026-12-03 (issue #27): the names between the wasm and its glue made short
// (tools/wasm.mjs: 223 imports named `__wbg_<name>_<16 hex digits>`, closures' exports named
// after their whole Rust type): 176.3 to 171.3 KiB (180 511 to 175 455 B gzip; 433 041 to
// 420 069 B raw); then wasm-opt's `--low-memory-unused` (tools/wasm.mjs), 171.3 to 169.9 KiB
// (173 981 B gzip, 416 512 B raw); then find-in-article lower-cases with the browser's
// `toLowerCase` (src/web/case.rs) instead of std's Unicode case table, 169.9 to 163.4 KiB
// (167 273 B gzip, 406 883 B raw). Budget: plus about 0.1%.
// Raised on 2026-12-03 (issue #27): the viewer's effects are a component of their own
// (src/components/viewer_effects.rs), started in the task after the first render's so that the
// first render compiles about 270 functions instead of 394 (bench/STARTUP.md): 163.4 to 164.6
// KiB (167 307 to 168 570 B gzip, 407 061 to 409 441 B raw), for start-up tasks under
// Lighthouse's slowdown that block about 40 % less (README, "What a cold start costs").
// Lowered on 2026-12-03 (issue #27): ten components with no state of their own (the skip link,
// the notice, the live region, the header, the help, the panels' frame and tabs, an actor's
// details, the timeline's axis, the reading progress) are plain functions, each without Yew's
// machinery for a component: 164.6 to 159.6 KiB (168 570 to 163 401 B gzip, 409 441 to
// 393 778 B raw). Budget: plus about 0.1%.
// Raised on 2026-12-04 (issue #27, item 4: "weigh sending long articles as sections"): the
// viewer reads a long article's sections sent inert and puts them in the page once it is ready
// (src/web/sections.rs: the template and fragment bindings, the task loop): 159.6 to 160.3 KiB
// (163 401 to 164 172 B gzip), for a 100× article ready in 0.65× the time (README, "A long
// article in sections"). Budget: plus about 0.1%.
const WASM_GZIP_BUDGET = 160.5 * KiB; // issue #27 target: 115 KiB
// Lowered on 2026-12-01: the JS glue and the stylesheet are minified (tools/package.mjs: terser,
// csso), 10.2 to 8.2 and 8.3 to 5.7 KiB; the first load 218.0 to 213.3 KiB. Budget: plus 2%.
// Raised on 2026-12-02 with the wasm (above): 213.3 to 219.9 KiB. Budget: plus about 1%.
// Raised with it: 221.0 to 222.2 KiB (the wasm, and the site's navigation in the page and its
// styles; an article page carries no search script). Budget: plus about 0.4%.
// Raised on 2026-12-02 with the wasm (issue #25, above): 222.7 to 234.1 KiB (the wasm +10.7,
// the trap view's words in three languages in init.js); then 232.2 KiB with the decoder, and
// 233.6 KiB with the actors' links (above). Budget: plus about 0.2%.
// Lowered on 2026-12-03 with the wasm (issue #27, the feedback form as a module loaded when the
// reader reaches it, above): 232.3 to 214.1 KiB (237 926 to 219 280 B: the wasm -18 118 B, the
// JS glue -719 B, init.js +191 B for the loader; the module itself is not in it). Budget: plus
// about 0.2%.
// Lowered on 2026-12-03 with the wasm (issue #27, the boundary's names made short, above):
// 213.6 to 205.6 KiB (218 701 to 210 571 B: the wasm -5 056 B, the JS glue -3 074 B, 7 706 to
// 4 632 B); then 204.2 KiB with `--low-memory-unused` (209 105 B), and 197.7 KiB with the
// browser's lower case (202 420 B; the glue +33 B). Budget: plus about 0.2%.
// Raised on 2026-12-03 with the wasm (issue #27, the viewer's effects, above): 197.7 to 199.0
// KiB (202 420 to 203 747 B: the wasm +1 263 B, the page +64 B). Budget: plus 0.1%.
// Lowered on 2026-12-03 with the wasm (issue #27, components as functions, above): 199.0 to
// 193.9 KiB (203 747 to 198 579 B). Budget: plus about 0.1%.
// Raised on 2026-12-04 with the wasm (issue #27, a long article in sections, above): 193.9 to
// 195.0 KiB (198 579 to 199 698 B: the wasm +771 B; init.js and theme.js +348 B, for putting
// the sections in where the viewer cannot). Budget: plus about 0.1%.
const FIRST_LOAD_GZIP_BUDGET = 195.2 * KiB; // issue #27 target: 160 KiB

const DIST = new URL("../../dist/", import.meta.url).pathname;

const gzip = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kib = (bytes) => `${(bytes / KiB).toFixed(1)} KiB`;

/** The seed article's page, the page readers arrive on. */
const PAGE = "putin-kim-pact/index.html";

/**
 * What a first visit to the seed's page downloads: the page, every local file its <script>,
 * <link> and <img> tags name (start script, JS glue, wasm preload, article data, stylesheet,
 * theme switch, icon) and what init.js imports or fetches. Paths are from dist/.
 */
function firstLoad() {
  const page = readFileSync(join(DIST, PAGE), "utf8");
  const files = new Set([PAGE]);
  for (const tag of page.matchAll(/<(?:script|link|img)\b[^>]*>/g)) {
    // Other addresses of the page are not loaded; the article's data is (by init.js).
    if (/\brel="(?:canonical|alternate)"/.test(tag[0]) && !/\bdata-marginalia-data\b/.test(tag[0])) continue;
    const ref = tag[0].match(/\b(?:src|href)="(\.{1,2}\/[^"#?]+)"/)?.[1];
    if (ref) files.add(normalize(join(dirname(PAGE), ref)));
  }
  if (files.has("init.js")) {
    const init = readFileSync(join(DIST, "init.js"), "utf8");
    for (const m of init.matchAll(/(?:from |import\(|new URL\()\s*["']\.\/([^"']+)["']/g)) {
      // The feedback form's module is loaded only once the reader comes near the form
      // (assets/later.js; feedback.test.mjs checks that it is not loaded before): not first.
      if (!FEEDBACK_MODULE.test(m[1])) files.add(m[1]);
    }
  }
  return [...files];
}

/** The feedback form's module, as init.js names it. */
const FEEDBACK_MODULE = /^marginalia-feedback-[0-9a-f]+\.js$/;

test("dist/ is built", () => {
  assert.ok(existsSync(join(DIST, PAGE)), `no dist/${PAGE}: run \`make build\` first`);
});

test(`the wasm is at most ${kib(WASM_GZIP_BUDGET)} gzip`, (t) => {
  const wasm = firstLoad().filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm on first load, found ${JSON.stringify(wasm)}`);
  const size = gzip(wasm[0]);
  t.diagnostic(`wasm ${wasm[0]}: ${kib(size)} gzip (${size} B); budget ${kib(WASM_GZIP_BUDGET)}, issue #27 target 115 KiB`);
  assert.ok(size <= WASM_GZIP_BUDGET, `the wasm is ${kib(size)} gzip, over its budget of ${kib(WASM_GZIP_BUDGET)}`);
});

// The feedback form's module (assets/feedback.js), loaded on demand: measured on 2026-12-03,
// 4.1 KiB (4 213 B). Budget: that plus about 0.4 KiB.
const FEEDBACK_GZIP_BUDGET = 4.5 * KiB;

test(`the feedback form's module is at most ${kib(FEEDBACK_GZIP_BUDGET)} gzip, and not in the first load`, (t) => {
  const init = readFileSync(join(DIST, "init.js"), "utf8");
  const named = [...init.matchAll(/["']\.\/(marginalia-feedback-[0-9a-f]+\.js)["']/g)].map((m) => m[1]);
  assert.equal(named.length, 1, "init.js names the feedback form's module once");
  assert.ok(!firstLoad().includes(named[0]));
  const size = gzip(named[0]);
  t.diagnostic(`feedback module ${named[0]}: ${kib(size)} gzip (${size} B); budget ${kib(FEEDBACK_GZIP_BUDGET)}`);
  assert.ok(size <= FEEDBACK_GZIP_BUDGET, `the feedback form's module is ${kib(size)} gzip, over its budget of ${kib(FEEDBACK_GZIP_BUDGET)}`);
});

test(`the first load is at most ${kib(FIRST_LOAD_GZIP_BUDGET)} gzip`, (t) => {
  const files = firstLoad();
  for (const kind of [/index\.html$/, /^init\.js$/, /\/data\.[0-9a-f]{16}\.bin$/, /^marginalia-viewer-[0-9a-f]+\.js$/, /_bg\.wasm$/, /^marginalia\.css$/, /^theme\.js$/, /^favicon/]) {
    assert.ok(files.some((f) => kind.test(f)), `the first load should include ${kind}; found ${files.join(", ")}`);
  }
  let total = 0;
  for (const file of files) {
    assert.ok(existsSync(join(DIST, file)), `the page names ${file}, which is not in dist/`);
    const size = gzip(file);
    total += size;
    t.diagnostic(`${file}: ${kib(size)} gzip`);
  }
  t.diagnostic(`first load, ${files.length} files: ${kib(total)} gzip (${total} B); budget ${kib(FIRST_LOAD_GZIP_BUDGET)}, issue #27 target 160 KiB`);
  assert.ok(total <= FIRST_LOAD_GZIP_BUDGET, `the first load is ${kib(total)} gzip, over its budget of ${kib(FIRST_LOAD_GZIP_BUDGET)}`);
});
