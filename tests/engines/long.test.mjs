// A long article (the seed ten times over), whose page sends its text after the first section
// inert, inside <noscript data-section> (src/web/sections.rs): in each engine the reader gets
// every paragraph, in order, with JavaScript off (the <noscript> shown as it is), once the
// viewer has put them in, and opened from disk (the single file, and the site's page).
import assert from "node:assert/strict";
import { before, after } from "node:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { marginalia, startServer } from "../e2e/helpers.mjs";
import { journeys, it, withPage, DESKTOP } from "./site.mjs";

let tmp, long;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "marginalia-engines-long-"));
  marginalia(["generate", "--times", "10", "--out", join(tmp, "content/long")]);
  marginalia(["build", "--viewer", "target/viewer", join(tmp, "content"), join(tmp, "site")]);
  long = await startServer({ dir: join(tmp, "site") });
});
after(() => {
  long?.server.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// The body's paragraphs: how many, the last one's text, and whether it is shown.
function paragraphs() {
  const all = [...document.querySelectorAll(".article__body p")];
  const last = all.at(-1);
  return { count: all.length, last: last?.textContent, shown: Boolean(last?.getClientRects().length) };
}
const textSectionsLeft = () => document.querySelectorAll(".article__body > noscript[data-section]").length;

journeys("a long article in sections", (ctx) => {
  it(`every paragraph, in order: JavaScript off, with the viewer, and from disk [${ctx.engine}]`, async () => {
    const url = long.url + "long/";
    const off = await withPage(ctx, url, { ...DESKTOP, javaScript: false }, (page) => page.evaluate(paragraphs));
    assert.match(off.last, /\{10\}/, "the last copy's text");
    assert.ok(off.shown, "shown without JavaScript");
    assert.equal(off.count, 170, "the seed's 17 paragraphs, ten times");
    const sent = await withPage(ctx, url, DESKTOP, async (page) => {
      await page.waitFor(() => document.querySelectorAll(".article__body > noscript[data-section]").length === 0);
      assert.equal(await page.evaluate(textSectionsLeft), 0);
      return page.evaluate(paragraphs);
    });
    assert.deepEqual(sent, off);
    const file = pathToFileURL(join(tmp, "site", "long", "long.html")).href;
    const fromDisk = await withPage(ctx, file, DESKTOP, async (page) => {
      await page.waitFor(() => document.querySelectorAll(".article__body > noscript[data-section]").length === 0);
      return page.evaluate(paragraphs);
    });
    assert.deepEqual(fromDisk, off);
    // The site's page opened from disk, where its start script (a module) may not run:
    // theme.js puts the sections in (or init.js, when the wasm cannot be fetched from there).
    const page = await ctx.browser.newPage(DESKTOP);
    try {
      await page.goto(pathToFileURL(join(tmp, "site", "long", "index.html")).href);
      await page.waitFor(() => document.querySelectorAll(".article__body > noscript[data-section]").length === 0);
      assert.deepEqual(await page.evaluate(paragraphs), off);
    } finally {
      await page.close();
    }
  });
});
