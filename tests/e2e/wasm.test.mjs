// The names between the viewer's wasm and its JS glue, made short by the build
// (tools/wasm.mjs): in the wasm dist/ holds, and on a glue of wasm-bindgen's shape, where a
// name not found where it should be stops the build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { renameInGlue } from "../../tools/wasm.mjs";

const DIST = new URL("../../dist/", import.meta.url).pathname;
const named = (pattern) => join(DIST, readdirSync(DIST).find((f) => pattern.test(f)));

test("the built wasm imports and exports short names only, and its glue gives every import", () => {
  const module = new WebAssembly.Module(readFileSync(named(/^marginalia-viewer-[0-9a-f]+_bg\.wasm$/)));
  const imports = WebAssembly.Module.imports(module);
  const exports = WebAssembly.Module.exports(module);
  assert.ok(imports.length > 100, `${imports.length} imports`);
  assert.deepEqual([...new Set(imports.map((i) => i.module))], ["a"]);
  const long = [...imports, ...exports].filter((x) => x.name.length > 3).map((x) => x.name);
  assert.deepEqual(long, [], "names of more than 3 characters");
  const glue = readFileSync(named(/^marginalia-viewer-[0-9a-f]+\.js$/), "utf8");
  assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}/, "a wasm-bindgen import name left in the glue");
  for (const { name } of imports) assert.match(glue, new RegExp(`[{,]${name.replace(/\$/g, "\\$")}:`), `import ${name}`);
});

/** A glue of wasm-bindgen's shape, with two imports and two exports. */
const GLUE = `
function __wbg_get_imports() {
  const import0 = {
    __proto__: null,
    __wbg_setAttribute_2ad4ed3fd1f7b2f2: function(arg0, arg1) { arg0.setAttribute(arg1); },
    __wbindgen_init_externref_table: function() { const table = wasm.__wbindgen_externrefs; },
  };
  return { __proto__: null, "./marginalia-viewer_bg.js": import0 };
}
export function startPage() { wasm.startPage(); wasm.startPageLater(); }
`;
const NAMES = {
  modules: new Map([["./marginalia-viewer_bg.js", "a"]]),
  imports: new Map([
    ["__wbg_setAttribute_2ad4ed3fd1f7b2f2", "a"],
    ["__wbindgen_init_externref_table", "$b"],
  ]),
  exports: new Map([
    ["__wbindgen_externrefs", "c"],
    ["startPage", "d"],
    ["startPageLater", "e"],
  ]),
};

test("the glue gets the new names: its import object's keys and its calls into the wasm", () => {
  const glue = renameInGlue(GLUE, NAMES);
  assert.match(glue, /\ba: function\(arg0, arg1\)/);
  assert.match(glue, /\$b: function\(\)/);
  assert.match(glue, /const table = wasm\.c;/);
  assert.match(glue, /wasm\.d\(\); wasm\.e\(\);/, "a name that begins another is renamed on its own");
  assert.match(glue, /"a": import0/);
  assert.match(glue, /export function startPage\(\)/, "the glue's own functions keep their names");
});

test("a glue of another shape stops the build", () => {
  const missing = GLUE.replace("__wbg_setAttribute_2ad4ed3fd1f7b2f2:", "other:");
  assert.throws(() => renameInGlue(missing, NAMES), /gives the import __wbg_setAttribute_2ad4ed3fd1f7b2f2 0 times/);
  const twice = GLUE.replace("__proto__: null,\n", "__proto__: null,\n    __wbg_setAttribute_2ad4ed3fd1f7b2f2: null,\n");
  assert.throws(() => renameInGlue(twice, NAMES), /2 times, not once/);
  const used = `${GLUE}\nconst f = import0.__wbg_setAttribute_2ad4ed3fd1f7b2f2;`;
  assert.throws(() => renameInGlue(used, NAMES), /still uses __wbg_setAttribute_2ad4ed3fd1f7b2f2/);
  const module = GLUE.replace('"./marginalia-viewer_bg.js": import0', '"./other.js": import0');
  assert.throws(() => renameInGlue(module, NAMES), /no import object for "\.\/marginalia-viewer_bg\.js"/);
});
