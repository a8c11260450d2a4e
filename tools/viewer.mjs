// The viewer's build, last step (see the Makefile's `viewer` target): wasm-bindgen has written
// the JS glue and its wasm; this makes the wasm smaller, minifies what the browser runs and puts
// the viewer's files, under fixed names, in the viewer folder (default target/viewer). It reads
// no HTML and rewrites nothing: every input is a file of ours or wasm-bindgen's, named here.
// `marginalia build` (crates/cli/src/viewer.rs) takes the folder from there (or has it inside,
// built with the `embedded-viewer` feature): it names the hashed files, fills the scripts'
// `{{…}}` slots and writes every page.
//
//   marginalia-viewer_bg.wasm   wasm-bindgen's made smaller (wasm-opt), its imports and
//                          exports renamed short, the glue with them (tools/wasm.mjs)
//   marginalia-viewer.js   the JS glue, minified (terser)
//   marginalia.css         styles/*.css in cascade order, one file, minified (csso, without
//                          restructuring: rules keep their order)
//   init.js                assets/trap.js + assets/later.js + assets/init.js: the page's start script
//   single.js              assets/trap.js + later.js + the glue + feedback.js + single.js: the
//                          single file's script
//   mount.js               assets/later.js + assets/mount.js
//   feedback.js            the feedback form, a module loaded when the reader comes near it
//                          (assets/later.js; README "A smaller wasm")
//   theme.js, embed.js, favicon.svg   from assets/ (the scripts minified)
//
// Minified where it pays (gzip -9, measured when this replaced tools/package.mjs): the glue
// 10.2 to 8.2 KiB, the stylesheet 8.3 to 5.7, init.js 1.6 to 1.0, mount.js 2.7 to 1.2.
//
// Usage: node tools/viewer.mjs <wasm-bindgen's folder> <viewer folder>
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify as minifyJs } from "terser";
import { minify as minifyCss } from "csso";
import { optimizeWasm, renameInGlue } from "./wasm.mjs";

const [bindgen, dir] = process.argv.slice(2);
if (!bindgen || !dir) throw new Error("usage: node tools/viewer.mjs <wasm-bindgen's folder> <viewer folder>");
const root = new URL("..", import.meta.url).pathname;
const source = (path) => readFileSync(join(root, path), "utf8");
const GLUE = join(bindgen, "marginalia-viewer.js");

// The stylesheets in cascade order. Every file of styles/ must be listed: a new one is an error
// here, not a stylesheet silently left out.
const STYLES = ["variables", "general", "article", "layout", "panels", "feedback", "contents", "print"];
const unlisted = readdirSync(join(root, "styles")).filter((f) => f.endsWith(".css") && !STYLES.includes(f.slice(0, -4)));
if (unlisted.length) throw new Error(`tools/viewer.mjs: add ${unlisted.join(", ")} to STYLES, in cascade order`);

/** `files` (name → source) minified as one script, their top-level names in one scope. */
async function js(files, { module = true } = {}) {
  const { code } = await minifyJs(files, { module, format: { comments: false } });
  return code;
}

// The wasm made smaller (wasm-opt) with its imports and exports renamed short, and the glue
// with them (tools/wasm.mjs).
const glue = renameInGlue(readFileSync(GLUE, "utf8"), optimizeWasm(join(bindgen, "marginalia-viewer_bg.wasm"), join(dir, "marginalia-viewer_bg.wasm")));
const outputs = {
  "marginalia-viewer.js": await js({ glue }),
  "marginalia.css": minifyCss(STYLES.map((s) => source(`styles/${s}.css`)).join("\n"), { restructure: false }).css,
  "mount.js": await js({ "later.js": source("assets/later.js"), "mount.js": source("assets/mount.js") }),
  "feedback.js": await js({ "feedback.js": source("assets/feedback.js") }),
  "theme.js": await js({ "theme.js": source("assets/theme.js") }, { module: false }),
  "embed.js": await js({ "embed.js": source("assets/embed.js") }, { module: false }),
  "single.js": await js({
    "trap.js": source("assets/trap.js"),
    "later.js": source("assets/later.js"),
    glue,
    "feedback.js": source("assets/feedback.js"),
    "single.js": source("assets/single.js"),
  }),
  // Last: the Makefile's target, so a build stopped half-way is built again.
  "init.js": await js({ "trap.js": source("assets/trap.js"), "later.js": source("assets/later.js"), "init.js": source("assets/init.js") }),
};
copyFileSync(join(root, "assets/favicon.svg"), join(dir, "favicon.svg"));
for (const [name, text] of Object.entries(outputs)) writeFileSync(join(dir, name), text);

const sizes = readdirSync(dir).map((f) => `${f} ${readFileSync(join(dir, f)).length}`);
console.log(`viewer: ${dir}/ now holds\n  ${sizes.join("\n  ")}`);
