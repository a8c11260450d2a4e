// A trap in the viewer shows the error view above the article. The release wasm is built with
// `-Cpanic=immediate-abort` (the Makefile's WASM_SIZE_FLAGS): a panic runs no Rust panic hook,
// it traps, and the call into the wasm (startPage(), an event handler, a timer) throws a
// WebAssembly.RuntimeError ("unreachable"). This shows the reader the viewer's error view (as
// src/web/crash.rs writes it: a heading, the error as text, a reload link) above the article,
// which stays readable. Once: the viewer is stopped after a trap. If the trap came while the
// viewer was bringing the prerendered page to life, each island's prerendered part is put back
// (an island is emptied just before its live part renders into it): the page as read without
// JavaScript. DOM calls only, text only (nothing parsed as HTML).
//
// It runs first in the page's start script (init.js) and in the single file's script: the
// viewer build (tools/viewer.mjs) puts them together. The `{{dom.…}}` slots are the names of
// marginalia::dom (src/dom.rs), filled in by `marginalia build`.
const TRAP_ROOT_ID = "{{dom.page_root_id}}";
const ISLAND_CLASS = "{{dom.island_class}}";
const CRASH_CLASS = "{{dom.crash_class}}";
// The error view's words in each language of the catalogues (locales/), chosen by the page's
// `<html lang>` as the viewer chooses its own.
const CRASH_WORDS = JSON.parse('{{i18n.crash}}');
function crashWords() {
  const tag = (document.documentElement.lang || "en").split("-")[0].toLowerCase();
  return CRASH_WORDS[tag] ?? CRASH_WORDS.en;
}

// The islands' prerendered parts, to put back: kept once the page is parsed (the start script
// may run before).
let kept = [];
function keep() {
  kept = [...document.querySelectorAll(`#${TRAP_ROOT_ID} .${ISLAND_CLASS}`)].map((island) => [island, [...island.childNodes]]);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", keep, { once: true });
else keep();
function putBack() {
  for (const [island, parts] of kept) if (parts.some((part) => !part.isConnected)) island.replaceChildren(...parts);
}
function showTrap(error) {
  const trapRoot = document.getElementById(TRAP_ROOT_ID);
  if (!(error instanceof WebAssembly.RuntimeError) || !trapRoot) return;
  if (trapRoot.querySelector(`:scope > .${CRASH_CLASS}`)) return;
  putBack();
  showSections();
  const make = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });
  const panel = make("div", "");
  panel.className = CRASH_CLASS;
  panel.setAttribute("role", "alert");
  const [heading, again, was] = crashWords();
  const reload = make("a", again);
  reload.href = location.href;
  panel.append(make("h2", heading), make("p", was.replace("{message}", String(error))), reload);
  trapRoot.prepend(panel);
}
// A long article's sections not in the page yet (src/web/sections.rs: the viewer puts them
// in once it has started): put in here where the viewer cannot, before printing, on a trap,
// and when the viewer cannot load or before it starts, a panel a tab shows (init.js). Each is the page's own markup, as text inside a
// <noscript>, parsed in an inert template.
const SECTION = "{{dom.section}}";
function showSections(within = document) {
  for (const section of within.querySelectorAll(SECTION)) {
    const template = document.createElement("template");
    template.innerHTML = section.textContent;
    section.replaceWith(template.content);
  }
}
addEventListener("beforeprint", () => showSections());
addEventListener("error", (event) => showTrap(event.error));
addEventListener("unhandledrejection", (event) => showTrap(event.reason));
