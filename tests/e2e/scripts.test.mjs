// Every script the build writes parses as what it is, with every slot filled: the page's start
// script (init.js: assets/trap.js, later.js and init.js) and mount.js as modules, theme.js and
// embed.js as classic scripts, the feedback form's module, and the single file's own module
// script (trap.js, later.js, the JS glue, feedback.js and assets/single.js, put together by
// tools/viewer.mjs). Parsed by Node itself (`node --check`), so a name declared twice where
// the viewer build joined two files is a syntax error here.
// ESLint (`make lint`) reads the sources in assets/; this reads what ships.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A slot of the site command's templates left unfilled (crates/cli/src/template.rs). */
const SLOT = /\{\{[a-z][a-z0-9_.]*\}\}/;

/** Node's verdict on `source` as a module (`.mjs`) or a classic script (`.cjs`). */
function check(source, extension) {
  const dir = mkdtempSync(join(tmpdir(), "marginalia-scripts-"));
  try {
    const file = join(dir, `script.${extension}`);
    writeFileSync(file, source);
    const run = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
    return run.status === 0 ? "" : run.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const [file, extension] of [
  ["init.js", "mjs"],
  ["mount.js", "mjs"],
  ["theme.js", "cjs"],
  ["embed.js", "cjs"],
]) {
  test(`dist/${file} parses, every slot filled`, () => {
    const source = readFileSync(join("dist", file), "utf8");
    assert.equal(source.match(SLOT), null, "an unfilled slot");
    assert.equal(check(source, extension), "");
  });
}

test("the feedback form's module (named by its content) parses as a module", () => {
  const names = readdirSync("dist").filter((f) => /^marginalia-feedback-[0-9a-f]+\.js$/.test(f));
  assert.equal(names.length, 1, names.join(", "));
  assert.equal(check(readFileSync(join("dist", names[0]), "utf8"), "mjs"), "");
});

test("the single file's scripts parse, every slot filled", () => {
  const page = readFileSync("dist/putin-kim-pact/putin-kim-pact.html", "utf8");
  const scripts = [...page.matchAll(/<script( type="module")?>\n([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 2, "the theme switch and the viewer's module");
  for (const [, module, source] of scripts) {
    assert.equal(source.match(SLOT), null, "an unfilled slot");
    assert.equal(check(source, module ? "mjs" : "cjs"), "");
  }
  for (const id of ["marginalia-data", "marginalia-wasm"]) {
    assert.match(page, new RegExp(`<script type="application/octet-stream" id="${id}">[A-Za-z0-9+/=]+</script>`), id);
  }
});
