// The single file, opened from disk (file://): a deep link, a selection, the theme switch.
// WebKit's error capture is installed after the load here (no server to put it first).
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { journeys, it, withPage, actorSelected } from "./site.mjs";

const file = pathToFileURL(resolve("dist/putin-kim-pact/putin-kim-pact.html")).href;

journeys("single file", (ctx) => {
  it(`opened from file://: deep link, selection, theme [${ctx.engine}]`, () =>
    withPage(ctx, `${file}#event=treaty-1961`, {}, async (page) => {
      assert.equal(await page.evaluate(() => location.protocol), "file:");
      await page.waitFor(() => document.querySelectorAll(".sentence--selected").length > 0);
      assert.equal(await page.attr("#tab-timeline", "aria-selected"), "true");
      await page.click("#mention-putin-0");
      await page.waitFor(actorSelected, { args: ["putin"] });
      // The URL is written after the render that selects (an effect): wait for it, never race it.
      await page.waitFor((h) => location.hash === h, { args: ["#actor=putin"] });
      await page.select("#theme-select", "dark");
      await page.waitFor(() => document.querySelector(".app").dataset.theme === "dark");
      assert.deepEqual(await page.errors(), []);
    }));
});
