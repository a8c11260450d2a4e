// The page's start script (an async module: it runs as soon as it is here, even while a long
// page is still being parsed). It starts the viewer of this page's article once the article is
// on screen: after the first paint the wasm and the article's data are fetched, at the
// browser's default priority for a script-initiated fetch, the wasm compiled while it streams
// in and while the JS glue loads; once the page is parsed, the viewer starts in idle time after
// that, or at once at the reader's first interaction, whichever comes first. So the wasm never
// competes with the article for the network or the main thread. A click on a name before then
// is not lost: names are links to #actor=…, and the viewer applies the hash it finds.
//
// The viewer build (tools/viewer.mjs) puts trap.js (the error view on a trap) and later.js (the
// feedback form, loaded when the reader comes near it) before it, as init.js. `marginalia
// build` fills the slots: `{{glue}}`, `{{wasm}}` and `{{feedback}}` are the site's names of the
// JS glue, the wasm and the feedback form's module (they carry a hash of their content),
// `{{dom.…}}` the names of marginalia::dom (src/dom.rs).
/* global feedbackLater, showSections */

// The wasm is fetched and compiled (as it streams in) while the JS glue loads, not after.
let loading;
function compile() {
  const fetched = () => fetch(new URL("./{{wasm}}", import.meta.url));
  return WebAssembly.compileStreaming(fetched()).catch(() =>
    // Served as another type than application/wasm: compiled once it is all in.
    fetched()
      .then((response) => response.arrayBuffer())
      .then((bytes) => WebAssembly.compile(bytes)),
  );
}
const load = () =>
  (loading ??= ((compiled) =>
    import("./{{glue}}").then(async (glue) => {
      await glue.default({ module_or_path: await compiled });
      return glue;
    }))(compile()));

// This script runs as soon as it is here (async), maybe before the page is all parsed: a long
// article's wasm loads while its text is still coming in, and the viewer starts once it is in.
const parsed = new Promise((resolve) =>
  document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", resolve, { once: true }) : resolve(),
);
let started = false;
function start() {
  if (started) return;
  started = true;
  // The feedback form's module, beside this script, only once the reader comes near the form
  // (later.js): never part of the first load.
  const feedback = feedbackLater(() => import(new URL("./{{feedback}}", import.meta.url).href));
  Promise.all([load(), parsed]).then(([glue]) => glue.startPage(feedback), cannotLoad);
}
for (const type of ["pointerdown", "keydown", "focusin"]) addEventListener(type, start, { once: true, capture: true, passive: true });
const idle = (f) => ("requestIdleCallback" in window ? requestIdleCallback(f, { timeout: 1500 }) : setTimeout(f, 1));

// The article's data, named by the page, is fetched then too (startPage() finds it preloaded).
function preloadData() {
  const named = document.querySelector("{{dom.data_link}}");
  if (named) document.head.append(Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: named.href }));
}
// The viewer cannot load (no WebAssembly, the wasm or its glue not fetched): a long
// article's other sections are put in the page here (trap.js).
const cannotLoad = () => parsed.then(() => showSections());
// Before the viewer starts, a tab (a link to its panel, which CSS :target shows) shows a long
// article's hidden panel, sent inert: its content is put in the page (trap.js).
function showTarget() {
  let id;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return; // not a panel's name: the viewer says what is wrong with the address
  }
  const target = id && document.getElementById(id);
  if (target) showSections(target);
}
addEventListener("hashchange", showTarget);
parsed.then(showTarget);
requestAnimationFrame(() =>
  setTimeout(() => {
    preloadData();
    load().then(() => idle(start), cannotLoad);
  }, 0),
);
