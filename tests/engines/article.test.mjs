// The article verbatim in every engine: the seed's paragraphs as the reader must see them, the
// title and the actors panel, with no console error or uncaught exception.
import assert from "node:assert/strict";
import { journeys, it, withPage, seedParagraphs } from "./site.mjs";

journeys("the article", (ctx) => {
  it(`the seed's text verbatim, zero console errors [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, {}, async (page) => {
      const paragraphs = await page.evaluate(() => [...document.querySelectorAll(".article__body p")].map((p) => p.textContent));
      assert.deepEqual(paragraphs, seedParagraphs());
      assert.equal(await page.evaluate(() => document.title), "Japan and South Korea sound alarm over Putin-Kim military pact");
      assert.equal(await page.evaluate(() => document.querySelectorAll("#panel-actors .actor").length), 23);
      assert.deepEqual(await page.errors(), []);
    }));

  it(`the contents page lists the article and links to it [${ctx.engine}]`, async () => {
    const page = await ctx.browser.newPage();
    try {
      await page.goto(ctx.site.root);
      await page.waitFor(() => !!document.querySelector('a[href*="putin-kim-pact"]'));
      await page.click('a[href*="putin-kim-pact"]');
      await page.waitFor(() => location.pathname.includes("putin-kim-pact"), { timeout: 10000 });
      await page.ready();
      assert.deepEqual(await page.errors(), []);
    } finally {
      await page.close();
    }
  });
});
