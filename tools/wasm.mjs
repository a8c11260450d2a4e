// The viewer's wasm as the build ships it, from wasm-bindgen's output (issue #27, "a wasm a
// third smaller"): `optimizeWasm` runs wasm-opt with the build's options, then makes the names
// on the boundary between the wasm and its JS glue short. tools/viewer.mjs runs it for the
// build, bench/startup.mjs for its copy with the functions' names kept: one place for both, so
// the copy's code is the shipped code.
//
// wasm-opt (binaryen, the version of package.json): `-Oz`, and `--low-memory-unused` (binaryen
// may fold a small constant added to a pointer into the load's offset, which differs only if
// the sum wraps past 4 GiB into the first 1 KiB of memory; Rust never makes such a pointer, and
// that KiB is the far end of the 1 MiB stack, reached only by a stack overflow).
//
// The boundary: wasm-bindgen names each import after the function it binds and a hash
// (`__wbg_setAttribute_2ad4ed3fd1f7b2f2`: 16 hex digits that gzip cannot shrink) and each
// closure's export after its whole Rust type (up to 300 characters); the wasm carries every
// name once, the glue at least once more. Both sides are ours, so the names can be anything
// they agree on, as emscripten does for its own.
//
// 1. `minifyBoundary(wasm)`: binaryen's `--minify-imports-and-exports-and-modules` pass
//    renames, in place, the import module to `a`, every import and every export to a name of
//    one or two letters. Nothing else changes. The renaming is read back by comparing the
//    module's imports and exports before and after, in order (the pass keeps their order;
//    kinds are checked).
// 2. `renameInGlue(glue, names)`: the glue's import object (its module's key and each
//    function's key) and its uses of the exports (`wasm.name`) get the new names. Every
//    import must be found exactly once, and no old name may be left: a glue of another shape
//    (a new wasm-bindgen) is an error here, not a wasm that fails to link in the browser.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const WASM_OPT = join(ROOT, "node_modules/.bin/wasm-opt");

/** wasm-opt's options for the viewer's wasm (above). */
export const WASM_OPT_FLAGS = ["-Oz", "--low-memory-unused"];

/** `input` (wasm-bindgen's wasm) made into `output` as the build ships it; `debugInfo` keeps
 * the functions' names (a profiling copy: the same code). Returns `minifyBoundary`'s names. */
export function optimizeWasm(input, output, { debugInfo = false } = {}) {
  const g = debugInfo ? ["-g"] : [];
  execFileSync(WASM_OPT, [...WASM_OPT_FLAGS, ...g, "--output", output, input], { stdio: ["ignore", "ignore", "inherit"] });
  return minifyBoundary(output, { debugInfo });
}

/** The import and export names of a wasm file. */
export function boundary(path) {
  const module = new WebAssembly.Module(readFileSync(path));
  return { imports: WebAssembly.Module.imports(module), exports: WebAssembly.Module.exports(module) };
}

/** Renames `path`'s imports, their module and its exports in place (`debugInfo`: keep the
 * names section, for a profiling copy). Returns what became what: `{ modules, imports,
 * exports }`, each a Map of old name to new. */
export function minifyBoundary(path, { debugInfo = false } = {}) {
  const before = boundary(path);
  execFileSync(WASM_OPT, ["--minify-imports-and-exports-and-modules", ...(debugInfo ? ["-g"] : []), "--output", path, path], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const after = boundary(path);
  const pairs = (a, b, what) => {
    if (a.length !== b.length) throw new Error(`tools/wasm.mjs: ${path} had ${a.length} ${what}, has ${b.length}`);
    return a.map((x, i) => {
      if (x.kind !== b[i].kind) throw new Error(`tools/wasm.mjs: ${what} ${i} of ${path} was a ${x.kind}, is a ${b[i].kind}`);
      return [x, b[i]];
    });
  };
  const modules = new Map();
  const imports = new Map();
  for (const [old, now] of pairs(before.imports, after.imports, "imports")) {
    modules.set(old.module, now.module);
    if (old.kind === "function") imports.set(old.name, now.name);
    else throw new Error(`tools/wasm.mjs: ${path} imports a ${old.kind} (${old.name}): the glue only gives functions`);
  }
  const exports = new Map(pairs(before.exports, after.exports, "exports").map(([old, now]) => [old.name, now.name]));
  return { modules, imports, exports };
}

const escape = (name) => name.replace(/[$]/g, "\\$");
/** `name` as a key of an object literal. */
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** The glue with the names `minifyBoundary` gave. */
export function renameInGlue(glue, { modules, imports, exports }) {
  let text = glue;
  for (const [old, now] of modules) {
    const quoted = JSON.stringify(old);
    if (!text.includes(`${quoted}:`)) throw new Error(`tools/wasm.mjs: the glue has no import object for ${quoted}`);
    text = text.replaceAll(`${quoted}:`, `${JSON.stringify(now)}:`);
  }
  for (const [old, now] of imports) {
    const token = new RegExp(`(?<![\\w$.])${escape(old)}(?=\\s*:)`, "g");
    const found = text.match(token)?.length ?? 0;
    if (found !== 1) throw new Error(`tools/wasm.mjs: the glue gives the import ${old} ${found} times, not once`);
    text = text.replace(token, key(now));
  }
  for (const [old, now] of exports) {
    text = text.replace(new RegExp(`(?<=\\bwasm\\.)${escape(old)}(?![\\w$])`, "g"), now);
  }
  const left = [...imports.keys(), ...[...exports.keys()].map((name) => `wasm.${name}`)].filter((name) =>
    new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`).test(text),
  );
  if (left.length) throw new Error(`tools/wasm.mjs: the glue still uses ${left.slice(0, 3).join(", ")}…: a new wasm-bindgen?`);
  return text;
}
