// The keyboard alone: Tab reaches a mention, Enter selects, Esc clears, a t q switch panels,
// ? opens the help.
import assert from "node:assert/strict";
import { journeys, it, withPage, actorSelected, panelIs, shown } from "./site.mjs";

const focused = () => {
  const el = document.activeElement;
  return el && el !== document.body ? `${el.tagName.toLowerCase()}#${el.id}.${[...el.classList].join(".")}` : "body";
};

journeys("keyboard", (ctx) => {
  it(`Tab, Enter, Esc, a t q and ? [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, {}, async (page) => {
      await page.press("Tab");
      assert.match(await page.evaluate(focused), /skip-link/, "the first Tab reaches the skip link");
      let who = "";
      const seen = [];
      for (let i = 0; i < 30 && !who.startsWith("a#mention-"); i++) {
        await page.press("Tab");
        who = await page.evaluate(focused);
        seen.push(who);
      }
      assert.match(who, /^a#mention-/, `Tab reaches a mention: ${seen.join(" → ")}`);
      const id = who.match(/^a#([\w-]+)/)[1];
      const actor = await page.evaluate((i) => document.getElementById(i).dataset.actor, id);

      await page.press("Enter");
      await page.waitFor(actorSelected, { args: [actor] });
      await page.waitFor(() => document.querySelector("#mention-card")?.getAttribute("role") === "dialog");
      await page.press("Escape"); // closes the card
      await page.waitFor(() => document.querySelector("#mention-card")?.hidden !== false);
      await page.press("Escape"); // clears the selection
      await page.waitFor(() => !document.querySelector(".mention--selected"));

      for (const [key, panel] of [["t", "timeline"], ["q", "quotes"], ["a", "actors"]]) {
        await page.press(key);
        await page.waitFor(panelIs, { args: [panel] });
      }

      await page.press("?");
      await page.waitFor(shown, { args: ["#help"] });
      assert.equal(await page.attr("#help", "role"), "dialog");
      await page.press("Escape");
      await page.waitFor(() => document.querySelector("#help").hidden);
      assert.deepEqual(await page.errors(), []);
    }));
});
