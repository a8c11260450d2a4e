// marginalia direct mount, for host pages:
//   import { mount } from "https://example.org/marginalia/mount.js";
//   mount(document.querySelector("#viewer"), { article: "https://example.org/marginalia/putin-kim-pact/", panel: "timeline" });
// or <marginalia-article src="https://example.org/marginalia/putin-kim-pact/" panel="quotes">
// after importing this module. `article` (`src`) is the address of an article's page or data.
//
// Each viewer lives in a shadow root: the host's CSS does not reach it, its CSS stays inside,
// and its box holds everything it draws (`:host { contain: paint }` in the stylesheet).
// Loading this module starts no viewer by itself.
//
// One article's crash never takes the others: the wasm is downloaded and compiled once, but
// each viewer runs in a wasm instance of its own, with its own copy of the JS glue (the glue
// module imported under its own address, `…js#viewer-N`, which the browser's module map keeps
// apart). A trap (a panic in the release build) stops only the instance it happened in: that
// viewer shows its error view, and the others go on as they were. Which instance trapped is
// known exactly: each instance's exports reach its glue wrapped (see `instance`).
//
// `mount()` resolves once the viewer has started (its root is marked `data-ready`), and
// rejects, with the viewer's error view in place, if it could not load its article or trapped
// while starting.
//
// `marginalia build` fills the slots: `{{glue}}`, `{{wasm}}`, `{{feedback}}` and `{{css}}` are
// the site's names of the JS glue, the wasm, the feedback form's module (these three carry a
// hash of their content) and the stylesheet, `{{dom.…}}` the names of marginalia::dom
// (src/dom.rs).
const GLUE = "./{{glue}}";
const WASM = "./{{wasm}}";
const CSS = "./{{css}}";
// The feedback form's module, loaded once a viewer's reader comes near its form (later.js, put
// before this by the viewer build).
const FEEDBACK = "./{{feedback}}";
const READY = "{{dom.ready_attribute}}";
const CRASH_CLASS = "{{dom.crash_class}}";
const here = new URL(".", import.meta.url);
/* global feedbackLater */
const feedback = feedbackLater(() => import(new URL(FEEDBACK, here).href));

let compiled;
/** The viewer's wasm, fetched and compiled once (as it streams in) for every viewer. */
function compile() {
  const fetched = () => fetch(new URL(WASM, here));
  compiled ??= WebAssembly.compileStreaming(fetched()).catch(() =>
    // Served as another type than application/wasm: compiled once it is all in.
    fetched()
      .then((response) => response.arrayBuffer())
      .then((bytes) => WebAssembly.compile(bytes)),
  );
  return compiled;
}

let made = 0;
let queue = Promise.resolve();

/** A wasm instance, with its own copy of the glue, for one viewer; `trapped(error)` is called
 * when a call into this instance traps. Every call into an instance goes through its exports:
 * the glue is given them wrapped (by intercepting its own `WebAssembly.instantiate` of the
 * compiled module, one instance at a time), so a trap is known to be this viewer's in every
 * engine, even where the browser hides the error from the page (WebKit reports a trap in a
 * cross-origin wasm as "Script error."). */
function instance(trapped) {
  const next = queue.then(async () => {
    const module = await compile();
    const glue = await import(new URL(`${GLUE}#viewer-${++made}`, here).href);
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async function (source, imports) {
      const result = await instantiate.call(this, source, imports);
      if (source !== module || !(result instanceof WebAssembly.Instance)) return result;
      return { instance: { exports: guarded(result.exports, trapped) }, module };
    };
    try {
      await glue.default({ module_or_path: module });
    } finally {
      WebAssembly.instantiate = instantiate;
    }
    return glue;
  });
  queue = next.catch(() => {});
  return next;
}

/** `exports` with each function wrapped: a trap (a WebAssembly.RuntimeError) is reported to
 * `trapped` on its way out. */
function guarded(exports, trapped) {
  const wrapped = {};
  for (const [key, value] of Object.entries(exports)) {
    wrapped[key] =
      typeof value !== "function"
        ? value
        : function (...args) {
            try {
              return value.apply(this, args);
            } catch (error) {
              if (error instanceof WebAssembly.RuntimeError) trapped(error);
              throw error;
            }
          };
  }
  return wrapped;
}

/** Resolves once `root` holds a started viewer (`.app[data-ready]`, set by the viewer). */
function started(root) {
  const ready = () => root.querySelector(`{{dom.app}}[${READY}]`);
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: [READY] });
  });
}

/** The error view's words in each language of the catalogues (locales/). */
const CRASH_WORDS = JSON.parse('{{i18n.crash}}');

/**
 * The error view in place of a stopped viewer (the words of src/web/crash.rs), as text only,
 * in `lang` (the mount's option, else the host page's language, else English).
 */
function showTrap(root, error, lang) {
  if (root.querySelector(`:scope > .${CRASH_CLASS}`)) return;
  const tag = String(lang || document.documentElement.lang || "en").split("-")[0].toLowerCase();
  const [heading, , was] = CRASH_WORDS[tag] ?? CRASH_WORDS.en;
  const make = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });
  const panel = make("div", "");
  panel.className = CRASH_CLASS;
  panel.setAttribute("role", "alert");
  panel.append(make("h2", heading), make("p", was.replace("{message}", String(error))));
  root.replaceChildren(panel);
}

export async function mount(host, options = {}) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL(CSS, here).href;
  const loaded = new Promise((ok) => {
    style.addEventListener("load", ok, { once: true });
    style.addEventListener("error", ok, { once: true });
  });
  const root = document.createElement("div");
  shadow.replaceChildren(style, root);
  const { article, ...rest } = options;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(rest)) if (value != null) query.set(key, String(value));
  const address = article ? new URL(String(article), document.baseURI).href : "";
  // A trap in this viewer's instance, whenever it comes: its error view, and (while starting)
  // the rejection of this mount.
  let fail;
  const trapped = new Promise((_, reject) => (fail = reject));
  trapped.catch(() => {}); // a trap after the start rejects nobody
  let stopped = false;
  const stop = (error) => {
    if (stopped) return;
    stopped = true;
    showTrap(root, error, options.lang);
    fail(error);
  };
  const [glue] = await Promise.all([instance(stop), loaded]);
  await Promise.race([glue.mount(root, query.toString(), address, feedback).then(() => started(root)), trapped]);
  return root;
}

class MarginaliaArticle extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const options = { article: this.getAttribute("src") };
    for (const key of ["panel", "theme", "cards", "lang"]) if (this.hasAttribute(key)) options[key] = this.getAttribute(key);
    mount(this, options).catch((error) => console.error("marginalia:", error));
  }
}
if (!customElements.get("marginalia-article")) customElements.define("marginalia-article", MarginaliaArticle);
