// `make dev` (`marginalia serve --watch`): a saved content edit rebuilds the site and reloads
// the page; a content error is shown in the page (file:line:column) and the last good page
// stays readable. Runs on a copy of the seed's content and its own output folder, after
// `make build` (it needs target/viewer and the `marginalia` command).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, startServer } from "./helpers.mjs";

let browser, dev, tmp, base;
before(async () => {
  browser = await launch();
  tmp = mkdtempSync(join(tmpdir(), "marginalia-dev-"));
  cpSync("content/putin-kim-pact", join(tmp, "content/putin-kim-pact"), { recursive: true });
  const out = join(tmp, "dist");
  const args = ["--watch", "--viewer", "target/viewer", "--content", join(tmp, "content")];
  ({ server: dev, url: base } = await startServer({ dir: out, args }));
});
after(async () => {
  await browser?.close();
  dev?.close();
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
    .catch((e) => assert.fail(`${e.message}\nserve said:\n${dev.output()}`));
  assert.match(dev.output(), /serve: rebuilt in \d+ ms/);
  assert.doesNotMatch(dev.output(), /Compiling/);

  // A broken annotation: the error is in the page, with file, line and column, as text;
  // the page below is still the last good build.
  writeFileSync(actors(), readFileSync(actors(), "utf8").replace('id = "putin"', 'id = "putin"\nid = "twice"'));
  const box = page.locator("#marginalia-dev-error");
  await box.waitFor({ timeout: 15000 });
  const shown = await box.textContent();
  assert.match(shown, /actors\.toml:\d+:\d+:/);
  assert.match(await page.textContent("h1"), /raise alarm/);
  assert.match(dev.output(), /the last good site stays/);
  await page.close();
});
