// Every page the build writes (articles, contents page, single files, example articles and host
// pages) passes the Nu HTML Checker (npm vnu-jar, run with the machine's Java) with no error.
// The checker's CSS parser predates container queries and ::highlight, so its "CSS:" messages
// are left out; HTML errors all count.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const vnu = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

function pages(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : [],
  );
}

test("every page in dist/ is valid HTML (Nu HTML Checker)", () => {
  const files = pages("dist");
  for (const wanted of ["dist/index.html", "dist/putin-kim-pact/index.html", "dist/putin-kim-pact/putin-kim-pact.html", "dist/examples/two-articles.html", "dist/actors/index.html", "dist/actors/putin/index.html", "dist/timeline/index.html"]) {
    assert.ok(files.includes(wanted), `${wanted} was built`);
  }
  // vnu writes its JSON report on stderr, and exits 1 when it reports an error.
  const run = spawnSync("java", ["-jar", vnu, "--errors-only", "--format", "json", "--filterpattern", ".*CSS: .*", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const { messages } = JSON.parse(run.stderr);
  const errors = messages
    .filter((m) => m.type === "error")
    .map((m) => `${m.url.replace(/^file:.*?dist\//, "dist/")}:${m.lastLine ?? "?"}: ${m.message}`);
  assert.deepEqual(errors, [], `${errors.length} HTML errors in ${files.length} pages`);
});
