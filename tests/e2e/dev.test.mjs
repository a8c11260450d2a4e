// `make dev` (tools/dev.mjs): a saved content edit rebuilds the site and reloads the page; a
// content error is shown in the page (file:line:column) and the last good page stays readable.
// Runs on a copy of the seed's content and its own output folder, after `make build` (it
// needs target/viewer and the `marginalia` command).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, marginalia } from "./helpers.mjs";

let browser, dev, tmp, base;
before(async () => {
  browser = await launch();
  tmp = mkdtempSync(join(tmpdir(), "marginalia-dev-"));
  cpSync("content/putin-kim-pact", join(tmp, "content/putin-kim-pact"), { recursive: true });
  marginalia(["build", "target/viewer", join(tmp, "content"), join(tmp, "dist")]);
  dev = spawn("node", ["tools/dev.mjs", "0", "--content", join(tmp, "content"), "--out", join(tmp, "dist")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  dev.output = "";
  dev.stdout.on("data", (c) => (dev.output += c));
  dev.stderr.on("data", (c) => (dev.output += c));
  base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`dev did not start: ${dev.output}`)), 10000);
    dev.stdout.on("data", () => {
      const m = dev.output.match(/marginalia dev: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
  });
});
after(async () => {
  await browser?.close();
  dev?.kill();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const meta = () => join(tmp, "content/putin-kim-pact/meta.toml");
const actors = () => join(tmp, "content/putin-kim-pact/actors.toml");

test("make dev: an edit rebuilds and reloads; an error shows in the page over the last good one", async () => {
  const page = await browser.newPage();
  await page.goto(base + "putin-kim-pact/");
  await page.waitForSelector(".app[data-ready]");
  assert.equal(await page.title(), "Japan and South Korea sound alarm over Putin-Kim military pact");

  // The headline changed and saved: the page reloads with it, and no Rust was compiled.
  writeFileSync(meta(), readFileSync(meta(), "utf8").replace("South Korea sound alarm", "South Korea raise alarm"));
  await page
    .waitForFunction(() => document.title === "Japan and South Korea raise alarm over Putin-Kim military pact", null, { timeout: 15000 })
    .catch((e) => assert.fail(`${e.message}\ndev said:\n${dev.output}`));
  assert.match(dev.output, /dev: rebuilt in \d+ ms/);
  assert.doesNotMatch(dev.output, /Compiling/);

  // A broken annotation: the error is in the page, with file, line and column, as text;
  // the page below is still the last good build.
  writeFileSync(actors(), readFileSync(actors(), "utf8").replace('id = "putin"', 'id = "putin"\nid = "twice"'));
  const box = page.locator("#marginalia-dev-error");
  await box.waitFor({ timeout: 15000 });
  const shown = await box.textContent();
  assert.match(shown, /actors\.toml:\d+:\d+:/);
  assert.match(await page.textContent("h1"), /raise alarm/);
  assert.match(dev.output, /the last good site stays/);
  await page.close();
});
