// The last build step, after `trunk build` and `prerender` (see the Makefile's `build`):
//
// 1. CSP: Trunk starts the wasm with an inline module script; it moves to `init.js`, so the
//    page runs under `script-src 'self' 'wasm-unsafe-eval'` with no inline script.
// 2. One stylesheet: the CSS files become `marginalia.css` (one request; also what a shadow
//    root loads for a direct mount).
// 3. `mount.js`: the direct-mount entry for host pages (`mount(element, options)` and the
//    `<marginalia-article>` element), with this build's file names in it.
// 4. `marginalia-standalone.html`: one self-contained file (CSS, JS glue and the wasm as
//    base64 inside) that works when opened from disk by double-click.
//
// Usage: node tools/package.mjs [dist]
import { readFileSync, writeFileSync, readdirSync, unlinkSync, mkdirSync, copyFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const read = (name) => readFileSync(join(dist, name), "utf8");
let page = read("index.html");

const inline = page.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) throw new Error(`${dist}/index.html: no inline module script from Trunk`);
const glue = inline[1].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasm = inline[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!glue || !wasm) throw new Error("cannot find the JS glue and wasm names in Trunk's script");

// 1. init.js
writeFileSync(
  join(dist, "init.js"),
  `// Starts the viewer: loads the wasm, which hydrates the prerendered article in #marginalia.\n` +
    `import init from "./${glue}";\n` +
    `init({ module_or_path: new URL("./${wasm}", import.meta.url) });\n`,
);
page = page.replace(inline[0], `<script type="module" src="./init.js"></script>`);

// 2. marginalia.css, in the order of the page's links
const cssLinks = [...page.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*\/?>\s*/g)];
const css = cssLinks.map((m) => `/* ${m[1].replace(/-[0-9a-f]{16}\.css$/, ".css")} */\n${read(m[1])}`).join("\n");
writeFileSync(join(dist, "marginalia.css"), css);
cssLinks.forEach((m, i) => {
  page = page.replace(m[0], i === 0 ? `<link rel="stylesheet" href="./marginalia.css" />\n    ` : "");
});
for (const m of cssLinks) unlinkSync(join(dist, m[1]));
writeFileSync(join(dist, "index.html"), page);

// 3. mount.js
writeFileSync(
  join(dist, "mount.js"),
  `// marginalia direct mount, for host pages:
//   import { mount } from "https://example.org/marginalia/mount.js";
//   mount(document.querySelector("#article-viewer"), { panel: "timeline", theme: "dark" });
// or <marginalia-article panel="quotes"></marginalia-article> after importing this module.
// The viewer lives in a shadow root: the host's CSS does not reach it, and its CSS stays inside.
const here = new URL(".", import.meta.url);
let started;
function start() {
  started ??= import(new URL("./${glue}", here)).then(async (glue) => {
    await glue.default({ module_or_path: new URL("./${wasm}", here) });
    return glue;
  });
  return started;
}

export async function mount(host, options = {}) {
  const glue = await start();
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("./marginalia.css", here).href;
  const loaded = new Promise((ok) => style.addEventListener("load", ok, { once: true }));
  const root = document.createElement("div");
  shadow.replaceChildren(style, root);
  await loaded;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) if (value != null) query.set(key, String(value));
  glue.mount(root, query.toString());
  return root;
}

class MarginaliaArticle extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const options = {};
    for (const key of ["panel", "theme", "cards"]) if (this.hasAttribute(key)) options[key] = this.getAttribute(key);
    mount(this, options);
  }
}
if (!customElements.get("marginalia-article")) customElements.define("marginalia-article", MarginaliaArticle);
`,
);

// 4. marginalia-standalone.html
const glueSource = read(glue);
const wasmBase64 = readFileSync(join(dist, wasm)).toString("base64");
const themeSource = read("theme.js");
const standalone = page
  .replace(`<script src="./theme.js"></script>`, () => `<script>\n${themeSource}</script>`)
  .replace(/<link rel="stylesheet" href="\.\/marginalia\.css" \/>/, () => `<style>\n${css}</style>`)
  .replace(/<link rel="icon"[^>]*>/, "")
  // Preloads of the separate files would be blocked from file:// (and are not needed).
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "")
  .replace(
    `<script type="module" src="./init.js"></script>`,
    () =>
      `<script type="module">\n${glueSource}\n` +
      `const bytes = Uint8Array.from(atob("${wasmBase64}"), (c) => c.charCodeAt(0));\n` +
      `await __wbg_init({ module_or_path: bytes });\n</script>`,
  );
writeFileSync(join(dist, "marginalia-standalone.html"), standalone);

// 5. the embedding examples, beside the site they embed
mkdirSync(join(dist, "examples"), { recursive: true });
for (const file of readdirSync("examples")) copyFileSync(join("examples", file), join(dist, "examples", file));

const sizes = readdirSync(dist, { withFileTypes: true })
  .filter((f) => f.isFile())
  .map((f) => f.name).map((f) => `${f} ${readFileSync(join(dist, f)).length}`);
console.log(`package: ${dist}/ now holds\n  ${sizes.join("\n  ")}`);
