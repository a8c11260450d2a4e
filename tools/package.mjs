// Packages the viewer, after `trunk build` (see the Makefile): Trunk's output in the viewer
// folder (default target/viewer) becomes the files every article page shares and the two
// templates `marginalia build` (`crates/cli`) fills for each article.
//
// 1. CSP: Trunk starts the wasm with an inline module script; it moves to `init.js`, which
//    loads the wasm and calls `startPage()`, so pages run under
//    `script-src 'self' 'wasm-unsafe-eval'` with no inline script. It also shows the error
//    view when the wasm traps (a panic, see `TRAP_VIEW`).
// 2. One stylesheet: the CSS files become `marginalia.css` (one request; also what a shadow
//    root loads for a direct mount).
// 3. `mount.js`: the direct-mount entry for host pages (`mount(element, {article, ...})` and
//    the `<marginalia-article src>` element): assets/mount.js with this build's file names.
// 4. `page.html`: the page template (head marker, empty root), asset addresses relative (`./`).
// 5. `standalone.html`: the single-file template: CSS, JS glue and the wasm (base64) inside,
//    with a marker where the site command puts the article's data. It works opened from disk.
// 6. Minified: the JS glue (terser; `__wbg_init` and `startPage` keep their names: the single
//    file calls them) and the stylesheet (csso, without restructuring: rules keep their order).
//
// Usage: node tools/package.mjs [viewer folder]
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { minify as minifyJs } from "terser";
import { minify as minifyCss } from "csso";

const dir = process.argv[2] ?? "target/viewer";
const read = (name) => readFileSync(join(dir, name), "utf8");
let page = read("index.html");

const inline = page.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) throw new Error(`${dir}/index.html: no inline module script from Trunk`);
const glue = inline[1].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasm = inline[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!glue || !wasm) throw new Error("cannot find the JS glue and wasm names in Trunk's script");

/** Text that goes inside an inline element must not be able to close it. */
function inlineSafe(text, tag, what) {
  if (new RegExp(`</${tag}`, "i").test(text)) {
    throw new Error(`${what} contains "</${tag}", which would end the inline <${tag}> early`);
  }
  return text;
}

// The release wasm is built with `-Cpanic=immediate-abort` (see the Makefile): a panic runs no
// Rust panic hook, it traps, and the call into the wasm (startPage(), an event handler, a
// timer) throws a WebAssembly.RuntimeError ("unreachable"). This shows the reader the viewer's
// error view (as src/web/crash.rs writes it: a heading, the error as text, a reload link) above
// the article, which stays readable. Once: the viewer is stopped after a trap. If the trap came
// while the viewer was bringing the prerendered page to life, each island's prerendered part
// is put back (an island is emptied just before its live part renders into it): the page as
// read without JavaScript. Ids and classes are those of src/dom.rs (PAGE_ROOT_ID, ISLAND_CLASS,
// CRASH_CLASS). DOM calls only, text only (nothing parsed as HTML).
const TRAP_VIEW = `// A trap in the viewer (a panic in the release build) shows the error view above the article.
// The islands' prerendered parts, to put back: kept once the page is parsed (the start script
// may run before).
let kept = [];
function keep() {
  kept = [...document.querySelectorAll("#marginalia .island")].map((island) => [island, [...island.childNodes]]);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", keep, { once: true });
else keep();
function putBack() {
  for (const [island, parts] of kept) if (parts.some((part) => !part.isConnected)) island.replaceChildren(...parts);
}
function showTrap(error) {
  const trapRoot = document.getElementById("marginalia");
  if (!(error instanceof WebAssembly.RuntimeError) || !trapRoot) return;
  if (trapRoot.querySelector(":scope > .crash")) return;
  putBack();
  const make = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });
  const panel = make("div", "");
  panel.className = "crash";
  panel.setAttribute("role", "alert");
  const reload = make("a", "Reload the page");
  reload.href = location.href;
  panel.append(make("h2", "Something went wrong in the viewer."), make("p", \`The error was: \${error}\`), reload);
  trapRoot.prepend(panel);
}
addEventListener("error", (event) => showTrap(event.error));
addEventListener("unhandledrejection", (event) => showTrap(event.reason));
`;

// 1. init.js (an async module: it runs as soon as it is here, even while a long page is still
//    being parsed): the wasm and the article's data are fetched after the article is on screen
//    (after the first paint: the page names its data but does not preload it), at the
//    browser's default priority for a script-initiated fetch, the wasm compiled while it streams
//    in and while the JS glue loads; once the page is parsed, the viewer starts in idle time
//    after that, or at once at the reader's first interaction, whichever comes first. So the
//    wasm never competes with the article for the network or the main thread. A click on a name before then is not lost: names are links to
//    #actor=…, and the viewer applies the hash it finds.
writeFileSync(
  join(dir, "init.js"),
  `// Starts the viewer of this page's article once the article is on screen: after the first\n` +
    `// paint the wasm is fetched and compiled while it streams in; in idle time (or at the\n` +
    `// reader's first interaction) startPage() reads the article's data and brings the\n` +
    `// prerendered page to life.\n` +
    TRAP_VIEW +
    `// The wasm is fetched and compiled (as it streams in) while the JS glue loads, not after.\n` +
    `let loading;\n` +
    `function compile() {\n` +
    `  const fetched = () => fetch(new URL("./${wasm}", import.meta.url));\n` +
    `  return WebAssembly.compileStreaming(fetched()).catch(() =>\n` +
    `    // Served as another type than application/wasm: compiled once it is all in.\n` +
    `    fetched().then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)),\n` +
    `  );\n` +
    `}\n` +
    `const load = () =>\n` +
    `  (loading ??= ((compiled) =>\n` +
    `    import("./${glue}").then(async (glue) => {\n` +
    `      await glue.default({ module_or_path: await compiled });\n` +
    `      return glue;\n` +
    `    }))(compile()));\n` +
    `// This script runs as soon as it is here (async), maybe before the page is all parsed: a long\n` +
    `// article's wasm loads while its text is still coming in, and the viewer starts once it is in.\n` +
    `const parsed = new Promise((resolve) =>\n` +
    `  document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", resolve, { once: true }) : resolve(),\n` +
    `);\n` +
    `let started = false;\n` +
    `function start() {\n` +
    `  if (started) return;\n` +
    `  started = true;\n` +
    `  Promise.all([load(), parsed]).then(([glue]) => glue.startPage());\n` +
    `}\n` +
    `for (const type of ["pointerdown", "keydown", "focusin"]) addEventListener(type, start, { once: true, capture: true, passive: true });\n` +
    `const idle = (f) => ("requestIdleCallback" in window ? requestIdleCallback(f, { timeout: 1500 }) : setTimeout(f, 1));\n` +
    `// The article's data, named by the page, is fetched then too (startPage() finds it preloaded).\n` +
    `function preloadData() {\n` +
    `  const named = document.querySelector("link[data-marginalia-data]");\n` +
    `  if (named) document.head.append(Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: named.href }));\n` +
    `}\n` +
    `requestAnimationFrame(() => setTimeout(() => { preloadData(); load().then(() => idle(start)); }, 0));\n`,
);
page = page.replace(inline[0], `<script type="module" src="./init.js" async></script>`);
// Trunk preloads the glue and the wasm at high priority, before the first paint: not wanted.
page = page.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "");

// Trunk's integrity attribute on the icon is not valid HTML on a <link rel="icon">.
page = page.replace(/(<link rel="icon"[^>]*?)\s+integrity="[^"]*"/, "$1");

// 2. marginalia.css, in the order of the page's links
const cssLinks = [...page.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*\/?>\s*/g)];
// 6. (the stylesheet minified)
const css = minifyCss(cssLinks.map((m) => read(m[1])).join("\n"), { restructure: false }).css;
writeFileSync(join(dir, "marginalia.css"), css);
cssLinks.forEach((m, i) => {
  page = page.replace(m[0], i === 0 ? `<link rel="stylesheet" href="./marginalia.css" />\n    ` : "");
});
for (const m of cssLinks) unlinkSync(join(dir, m[1]));

// 3. mount.js: assets/mount.js (a real file, read by linters and editors) with this build's
//    names of the JS glue and the wasm in place of its two placeholders.
const mountSource = readFileSync(new URL("../assets/mount.js", import.meta.url), "utf8");
for (const placeholder of ["__MARGINALIA_GLUE__", "__MARGINALIA_WASM__"]) {
  if (!mountSource.includes(placeholder)) throw new Error(`assets/mount.js has no ${placeholder}`);
}
writeFileSync(
  join(dir, "mount.js"),
  mountSource.replace("__MARGINALIA_GLUE__", `./${glue}`).replace("__MARGINALIA_WASM__", `./${wasm}`),
);

// 4. page.html
writeFileSync(join(dir, "page.html"), page);
unlinkSync(join(dir, "index.html"));

// 5. standalone.html
// 6. (the JS glue minified, in place: its name is Trunk's hash of what it was built from)
const minified = await minifyJs(read(glue), {
  module: true,
  mangle: { reserved: ["__wbg_init", "startPage"] },
  format: { comments: false },
});
if (!/\b__wbg_init\b/.test(minified.code)) throw new Error("the minified glue has no __wbg_init, which the single file calls");
writeFileSync(join(dir, glue), minified.code);
const glueSource = inlineSafe(read(glue), "script", glue);
const wasmBase64 = readFileSync(join(dir, wasm)).toString("base64");
const themeSource = inlineSafe(read("theme.js"), "script", "theme.js");
const standalone = page
  .replace(`<script src="./theme.js"></script>`, () => `<script>\n${themeSource}</script>`)
  .replace(/<link rel="stylesheet" href="\.\/marginalia\.css" \/>/, () => `<style>\n${inlineSafe(css, "style", "the CSS")}</style>`)
  .replace(/<link rel="icon"[^>]*>/, "")
  // Preloads of the separate files would be blocked from file:// (and are not needed).
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "")
  .replace(
    `<script type="module" src="./init.js" async></script>`,
    () =>
      `<!-- marginalia:data -->\n<script type="module">\n${TRAP_VIEW}${glueSource}\n` +
      `const bytes = Uint8Array.from(atob("${wasmBase64}"), (c) => c.charCodeAt(0));\n` +
      `await __wbg_init({ module_or_path: bytes });\nstartPage();\n</script>`,
  );
writeFileSync(join(dir, "standalone.html"), standalone);

const sizes = readdirSync(dir, { withFileTypes: true })
  .filter((f) => f.isFile())
  .map((f) => `${f.name} ${readFileSync(join(dir, f.name)).length}`);
console.log(`package: ${dir}/ now holds\n  ${sizes.join("\n  ")}`);
