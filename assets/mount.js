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
// viewer shows its error view, and the others go on as they were.
//
// `mount()` resolves once the viewer has started (its root is marked `data-ready`), and
// rejects, with the viewer's error view in place, if it could not load its article or trapped
// while starting.
//
// tools/package.mjs writes this build's file names in place of the two names below.
const GLUE = "__MARGINALIA_GLUE__";
const WASM = "__MARGINALIA_WASM__";
const here = new URL(".", import.meta.url);

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

/** The viewers mounted on this page, each with the name of its instance. */
const viewers = [];
let made = 0;

/** A wasm instance, and its own glue, for one viewer. */
async function instance() {
  const name = `viewer-${++made}`;
  const glue = await import(new URL(`${GLUE}#${name}`, here).href);
  await glue.default({ module_or_path: await compile() });
  return { glue, name };
}

/** Resolves once `root` holds a started viewer (`.app[data-ready]`, set by the viewer). */
function started(root) {
  const ready = () => root.querySelector(".app[data-ready]");
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
  });
}

/** The error view in place of a stopped viewer (the words of src/web/crash.rs), as text only. */
function showTrap(viewer, error) {
  if (viewer.root.querySelector(":scope > .crash")) return;
  const make = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });
  const panel = make("div", "");
  panel.className = "crash";
  panel.setAttribute("role", "alert");
  panel.append(make("h2", "Something went wrong in the viewer."), make("p", `The error was: ${error}`));
  viewer.root.replaceChildren(panel);
}

/** The viewer a trap happened in: the one whose glue is on the error's stack (its address
 * carries the instance's name), else the one the reader last touched, else one still starting. */
function trappedViewer(error) {
  const stack = String(error?.stack ?? "");
  return (
    viewers.find((v) => stack.includes(`#${v.name}:`) || stack.includes(`#${v.name})`)) ??
    viewers.find((v) => v === lastTouched) ??
    viewers.find((v) => v.starting)
  );
}

// What the reader last pointed at, pressed a key in or focused (a trap comes from the reader's
// input more often than not: hovering a name renders its card, a click selects).
let lastTouched;
for (const type of ["pointerover", "pointerdown", "keydown", "focusin"]) {
  addEventListener(
    type,
    (event) => {
      const path = event.composedPath();
      lastTouched = viewers.find((v) => path.includes(v.host)) ?? lastTouched;
    },
    { capture: true, passive: true },
  );
}

function onTrap(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  const viewer = trappedViewer(error);
  if (!viewer || viewer.stopped) return;
  viewer.stopped = true;
  showTrap(viewer, error);
  viewer.fail?.(error);
}
addEventListener("error", (event) => onTrap(event.error));
addEventListener("unhandledrejection", (event) => onTrap(event.reason));

export async function mount(host, options = {}) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("./marginalia.css", here).href;
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
  const [{ glue, name }] = await Promise.all([instance(), loaded]);
  const viewer = { host, root, name, starting: true, stopped: false };
  viewers.push(viewer);
  const trapped = new Promise((_, reject) => (viewer.fail = reject));
  try {
    await Promise.race([glue.mount(root, query.toString(), address).then(() => started(root)), trapped]);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError && !viewer.stopped) {
      viewer.stopped = true;
      showTrap(viewer, error);
    }
    throw error;
  } finally {
    viewer.starting = false;
    viewer.fail = undefined;
  }
  return root;
}

class MarginaliaArticle extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const options = { article: this.getAttribute("src") };
    for (const key of ["panel", "theme", "cards"]) if (this.hasAttribute(key)) options[key] = this.getAttribute(key);
    mount(this, options).catch((error) => console.error("marginalia:", error));
  }
}
if (!customElements.get("marginalia-article")) customElements.define("marginalia-article", MarginaliaArticle);
