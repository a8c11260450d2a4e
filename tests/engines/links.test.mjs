// Deep links open the view they name; back and forward step through selections.
import assert from "node:assert/strict";
import { journeys, it, withPage, openPage, actorSelected, panelIs } from "./site.mjs";

const hashIs = (h) => location.hash === h;

journeys("links", (ctx) => {
  it(`#actor=kim, #event=signing-2024 and #quote=kim-sacred-fight open their views [${ctx.engine}]`, async () => {
    await withPage(ctx, `${ctx.site.url}#actor=kim`, {}, async (page) => {
      await page.waitFor(actorSelected, { args: ["kim"] });
      await page.waitFor(panelIs, { args: ["actors"] });
      assert.equal(await page.attr("#actor-kim", "aria-expanded"), "true");
      assert.deepEqual(await page.errors(), []);
    });
    await withPage(ctx, `${ctx.site.url}#event=signing-2024`, {}, async (page) => {
      await page.waitFor(panelIs, { args: ["timeline"] });
      await page.waitFor(() => document.querySelectorAll(".sentence--selected").length >= 4);
      assert.equal(await page.attr("#event-signing-2024", "aria-expanded"), "true");
      assert.deepEqual(await page.errors(), []);
    });
    await withPage(ctx, `${ctx.site.url}#quote=kim-sacred-fight`, {}, async (page) => {
      await page.waitFor(panelIs, { args: ["quotes"] });
      await page.waitFor(() => document.querySelector("#quote-kim-sacred-fight")?.classList.contains("quote--selected"));
      assert.equal(await page.attr("#quote-item-kim-sacred-fight", "aria-pressed"), "true");
      assert.deepEqual(await page.errors(), []);
    });
  });

  it(`a link naming nothing in the article shows a notice [${ctx.engine}]`, () =>
    withPage(ctx, `${ctx.site.url}#actor=nobody`, {}, async (page) => {
      await page.waitForSelector(".notice");
      assert.match(await page.text(".notice"), /nobody/);
      assert.equal(await page.evaluate(() => document.querySelectorAll(".mention--selected").length), 0);
    }));

  it(`back and forward restore the selection [${ctx.engine}]`, async () => {
    const page = await openPage(ctx, ctx.site.url);
    try {
      await page.click("#actor-putin");
      await page.waitFor(hashIs, { args: ["#actor=putin"] });
      await page.waitFor(actorSelected, { args: ["putin"] });
      await page.click("#actor-kim");
      await page.waitFor(hashIs, { args: ["#actor=kim"] });
      await page.waitFor(actorSelected, { args: ["kim"] });

      await page.back();
      await page.waitFor(hashIs, { args: ["#actor=putin"] });
      await page.waitFor(actorSelected, { args: ["putin"] });
      assert.equal(await page.attr("#actor-kim", "aria-expanded"), "false");
      await page.back();
      await page.waitFor(hashIs, { args: [""] });
      await page.waitFor(() => !document.querySelector(".mention--selected"));

      await page.forward();
      await page.waitFor(hashIs, { args: ["#actor=putin"] });
      await page.waitFor(actorSelected, { args: ["putin"] });
      // Restoring from history pushes no entry: forward again still reaches kim.
      await page.forward();
      await page.waitFor(hashIs, { args: ["#actor=kim"] });
      await page.waitFor(actorSelected, { args: ["kim"] });
      assert.deepEqual(await page.errors(), []);
    } finally {
      await page.close();
    }
  });
});
