// The single file's start (the article as one file, which works opened from disk): its script
// is trap.js, later.js, the JS glue, feedback.js and this, put together by the viewer build
// (tools/viewer.mjs), so `__wbg_init` and `startPage` are the glue's own functions and
// `feedbackForm` the feedback form's (in the file already: Chromium imports no module from
// file:, so it is not loaded apart; it is still made only once the reader comes near it). The wasm is in the page, in base64,
// in an inert <script type="application/octet-stream"> (never run), as the article's data is;
// `marginalia build` fills the `{{dom.…}}` slot with its id (marginalia::dom, src/dom.rs).
/* global __wbg_init, startPage, feedbackLater, feedbackForm, showSections */
const inPage = document.getElementById("{{dom.wasm_island_id}}").textContent;
const bytes = Uint8Array.from(atob(inPage), (c) => c.charCodeAt(0));
try {
  await __wbg_init({ module_or_path: bytes });
} catch (error) {
  showSections(); // trap.js: a long article's other sections, which the viewer would show
  throw error;
}
startPage(feedbackLater(async () => ({ feedbackForm })));
