// The feedback form, only once the reader comes near it (README "A smaller wasm"): the viewer
// calls the function made here with the form's island and the form's options; the module with
// the form (assets/feedback.js) is loaded when the island comes within half a screen of the
// viewport, or when something in it takes focus (the prerendered form stands until then), and
// only then. So a reader who never scrolls to the end of the article never downloads it.
//
// The viewer build (tools/viewer.mjs) puts it before init.js, mount.js and single.js, which say
// how the module is loaded: imported beside the script (a page, a mount), or already there (the
// single file, which works from file:, where Chromium refuses to import a module).

/** What the viewer calls with the form's island and options; `load()` resolves to the module. */
// eslint-disable-next-line no-unused-vars -- used by the scripts it is put before
function feedbackLater(load) {
  return (island, options) => {
    let observer = new IntersectionObserver((seen) => seen.some((entry) => entry.isIntersecting) && go(), { rootMargin: "50% 0px" });
    function go() {
      if (!observer) return;
      observer.disconnect();
      observer = null;
      island.removeEventListener("focusin", go);
      load().then((module) => module.feedbackForm(island, options));
    }
    // The island has no box of its own (`display: contents`): what is watched is the
    // prerendered form, or (a mount, which has none) an empty element standing in for it.
    observer.observe(island.firstElementChild ?? island.appendChild(island.ownerDocument.createElement("div")));
    island.addEventListener("focusin", go);
  };
}
