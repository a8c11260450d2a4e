// JavaScript off (Chromium's context option, Firefox's javascript.enabled pref, the
// MiniBrowser's --enable-javascript=false): the prerendered article and panels are readable.
import assert from "node:assert/strict";
import { journeys, it, seedParagraphs, shown, PHONE, DESKTOP } from "./site.mjs";

journeys("JavaScript off", (ctx) => {
  for (const [name, size] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    it(`the article verbatim and the actors panel (${name}) [${ctx.engine}]`, async () => {
      const page = await ctx.browser.newPage({ ...size, javaScript: false });
      try {
        await page.goto(ctx.site.url);
        // Nothing ran: the viewer never started.
        assert.equal(await page.evaluate(() => document.querySelector(".app").hasAttribute("data-ready")), false);
        const paragraphs = await page.evaluate(() => [...document.querySelectorAll(".article__body p")].map((p) => p.textContent));
        assert.deepEqual(paragraphs, seedParagraphs());
        assert.ok(await page.evaluate(shown, ".article__body p"), "the text is shown");
        assert.equal(await page.evaluate(() => document.querySelectorAll("#panel-actors .actor").length), 23);
        if (name === "desktop") assert.ok(await page.evaluate(shown, "#panel-actors"), "the actors panel is shown beside the text");
        assert.equal(
          await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
          true,
          "no sideways scroll",
        );
      } finally {
        await page.close();
      }
    });
  }

  // Every panel's content is in the prerendered page; the tabs are links to the panels, and
  // CSS :target shows the one a tab names, on a phone as the sheet.
  it(`each panel opens from its tab and can be read [${ctx.engine}]`, async () => {
    const page = await ctx.browser.newPage({ ...PHONE, javaScript: false });
    try {
      await page.goto(ctx.site.url);
      const shown = (needle) =>
        page.evaluate((n) => {
          const visible = (el) => el.checkVisibility() && el.getBoundingClientRect().height > 0;
          return [...document.querySelectorAll(".panels__body *")]
            .filter((e) => e.children.length === 0 && visible(e))
            .some((e) => e.textContent.includes(n));
        }, needle);
      // Following a tab is going to its href. (Firefox's driver cannot click with JavaScript
      // off, so every engine follows the link the way it would: by its address.)
      const follow = async (tab) => {
        const href = await page.evaluate((t) => document.querySelector(t).getAttribute("href"), tab);
        assert.match(href, /^#panel-/);
        await page.goto(ctx.site.url + href);
      };
      await follow("#tab-timeline");
      assert.equal(await shown("Soviet–North Korean treaty signed"), true, "the timeline");
      await follow("#tab-quotes");
      assert.equal(await shown("Korean Central News Agency"), true, "the quotes");
      assert.equal(await shown("Soviet–North Korean treaty signed"), false, "one panel at a time");
      await follow("#tab-relations");
      assert.equal(await shown("Russia partner of North Korea"), true, "the relations, each with its sentence");
      assert.equal(
        await page.evaluate(() => document.querySelector("#panel-relations svg.graph").getBoundingClientRect().height > 200),
        true,
        "the picture",
      );
      // The dossier's drawing, shown by reference: drawn in the panel, not an empty frame.
      assert.equal(
        await page.evaluate(() => document.querySelector("#panel-relations svg.graph use").getBoundingClientRect().height > 200),
        true,
        "the picture's drawing",
      );
    } finally {
      await page.close();
    }
  });
});
