// Mention cards by hover (a mouse), by focus (the keyboard) and by tap (a finger).
import assert from "node:assert/strict";
import { journeys, it, withPage, cardShown, actorSelected, PHONE } from "./site.mjs";

const cardGone = () => {
  const c = document.querySelector("#mention-card");
  return !c || c.hidden;
};

journeys("cards", (ctx) => {
  it(`hovering a mention shows its card; leaving hides it [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, {}, async (page) => {
      await page.hover("#mention-putin-0");
      await page.waitFor(cardShown);
      assert.equal(await page.attr("#mention-card", "role"), "tooltip");
      assert.match(await page.text("#mention-card"), /Vladimir Putin/);
      const overLine = await page.evaluate(() => {
        const card = document.querySelector("#mention-card").getBoundingClientRect();
        return [...document.querySelector("#mention-putin-0").getClientRects()].some((l) => card.top < l.bottom && card.bottom > l.top);
      });
      assert.equal(overLine, false, "the card does not cover its mention's line");
      await page.moveTo(5, 795);
      await page.waitFor(cardGone);
      assert.deepEqual(await page.errors(), []);
    }));

  it(`focusing a mention with Tab shows its card; Enter pins it, Esc closes it [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, {}, async (page) => {
      let focused = "";
      for (let i = 0; i < 30 && !focused.startsWith("mention-"); i++) {
        await page.press("Tab");
        focused = await page.evaluate(() => document.activeElement?.id ?? "");
      }
      assert.match(focused, /^mention-/, "Tab reaches a mention");
      await page.waitFor(cardShown);
      const actor = await page.evaluate((id) => document.getElementById(id).dataset.actor, focused);
      const name = await page.evaluate((a) => document.querySelector(`#actor-${a} .actor__name`).textContent, actor);
      assert.ok((await page.text("#mention-card")).includes(name), `the card is ${name}'s`);
      await page.press("Enter");
      await page.waitFor(() => document.querySelector("#mention-card")?.getAttribute("role") === "dialog");
      await page.waitFor(actorSelected, { args: [actor] });
      await page.press("Escape");
      await page.waitFor(cardGone);
      assert.deepEqual(await page.errors(), []);
    }));

  it(`tapping a mention on a phone pins its card; Close closes it [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, { ...PHONE, touch: true }, async (page) => {
      await page.tap("#mention-stoltenberg-0");
      await page.waitFor(() => document.querySelector("#mention-card")?.getAttribute("role") === "dialog");
      await page.waitFor(cardShown);
      assert.match(await page.text("#mention-card"), /Jens Stoltenberg/);
      const fits = await page.evaluate(() => {
        const r = document.querySelector("#mention-card").getBoundingClientRect();
        return r.left >= 0 && r.right <= innerWidth && document.documentElement.scrollWidth <= innerWidth;
      });
      assert.ok(fits, "the card fits the screen, no sideways scroll");
      const close = await page.evaluate(() => {
        const b = [...document.querySelectorAll("#mention-card button")].find((b) => /close/i.test(b.textContent + b.getAttribute("aria-label")));
        if (!b) return null;
        b.id ||= "engines-card-close";
        return `#${b.id}`;
      });
      assert.ok(close, "the card has a Close button");
      await page.tap(close);
      await page.waitFor(cardGone);
      assert.deepEqual(await page.errors(), []);
    }));
});
