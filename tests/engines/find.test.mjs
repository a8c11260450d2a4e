// Find in the article: `/` focuses the search field, typing counts and highlights the matches
// (CSS Custom Highlight API where the engine has it), Enter and Shift+Enter step through them.
import assert from "node:assert/strict";
import { journeys, it, withPage } from "./site.mjs";

const status = () => document.querySelector("#search-status")?.textContent.trim() ?? "";
const statusMatches = (source) => new RegExp(source).test(document.querySelector("#search-status")?.textContent.trim() ?? "");

journeys("find", (ctx) => {
  it(`/ focuses the search; typing counts and highlights matches [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, {}, async (page) => {
      assert.equal(await page.evaluate(status), "");
      await page.press("/");
      await page.waitFor(() => document.activeElement?.id === "search-input");
      await page.type("north korea");
      assert.equal(await page.evaluate(() => document.querySelector("#search-input").value), "north korea", "the / is not typed");
      await page.waitFor(statusMatches, { args: ["^1 of \\d+$"] });
      const of = Number((await page.evaluate(status)).split(" of ")[1]);
      assert.ok(of >= 10, `"north korea": ${of} matches`);

      // Painted with ::highlight() where CSS.highlights exists (all three engines have it now).
      const painted = await page.evaluate(() =>
        globalThis.CSS?.highlights ? (CSS.highlights.get("marginalia-search")?.size ?? 0) : -1,
      );
      assert.equal(painted, of, "one highlight range per match");
      assert.equal(await page.evaluate(() => CSS.highlights.get("marginalia-search-current")?.size), 1);

      await page.press("Enter");
      await page.waitFor(statusMatches, { args: [`^2 of ${of}$`] });
      await page.press("Shift+Enter");
      await page.waitFor(statusMatches, { args: [`^1 of ${of}$`] });
      await page.press("Shift+Enter");
      await page.waitFor(statusMatches, { args: [`^${of} of ${of}$`] });

      await page.evaluate(() => document.querySelector("#search-input").select());
      await page.type("zzzz");
      await page.waitFor(statusMatches, { args: ["^No matches$"] });
      assert.equal(await page.evaluate(() => CSS.highlights.has("marginalia-search")), false, "no highlight left");
      assert.deepEqual(await page.errors(), []);
    }));
});
