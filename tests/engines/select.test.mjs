// Selecting from the text and from each panel: the selection is marked in the text and the
// panels, and the address says what is selected.
import assert from "node:assert/strict";
import { journeys, it, withPage, actorSelected, panelIs } from "./site.mjs";

const hashIs = (h) => location.hash === h;

journeys("selecting", (ctx) => {
  it(`a mention in the text selects its actor everywhere [${ctx.engine}]`, () =>
    withPage(ctx, `${ctx.site.url}#panel=timeline`, {}, async (page) => {
      await page.waitFor(panelIs, { args: ["timeline"] });
      await page.click("#mention-putin-0");
      await page.waitFor(actorSelected, { args: ["putin"] });
      assert.ok(await page.evaluate(() => document.querySelector("#mention-putin-0").classList.contains("mention--selected")));
      await page.waitFor(hashIs, { args: ["#actor=putin"] });
      await page.waitFor(panelIs, { args: ["actors"] });
      assert.equal(await page.attr("#actor-putin", "aria-expanded"), "true");
      assert.equal(await page.attr("#actor-kim", "aria-expanded"), "false");
      assert.deepEqual(await page.errors(), []);
    }));

  it(`an actor, an event and a quote selected from their panels [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, {}, async (page) => {
      // Actors.
      await page.click("#actor-kim");
      await page.waitFor(actorSelected, { args: ["kim"] });
      await page.waitFor(hashIs, { args: ["#actor=kim"] });
      assert.equal(await page.attr("#actor-kim", "aria-expanded"), "true");

      // Timeline.
      await page.click("#tab-timeline");
      await page.waitFor(panelIs, { args: ["timeline"] });
      await page.click("#event-signing-2024");
      await page.waitFor(hashIs, { args: ["#event=signing-2024"] });
      await page.waitFor(() => document.querySelectorAll(".sentence--selected").length >= 4);
      const stray = await page.evaluate(
        () => [...document.querySelectorAll(".sentence--selected")].filter((e) => !e.dataset.events.split(" ").includes("signing-2024")).length,
      );
      assert.equal(stray, 0, "only the event's sentences are selected");
      assert.equal(await page.evaluate(() => document.querySelectorAll(".mention--selected").length), 0, "the actor is no longer selected");
      assert.equal(await page.attr("#event-signing-2024", "aria-expanded"), "true");

      // Quotes.
      await page.click("#tab-quotes");
      await page.waitFor(panelIs, { args: ["quotes"] });
      await page.click("#quote-item-kim-sacred-fight");
      await page.waitFor(hashIs, { args: ["#quote=kim-sacred-fight"] });
      await page.waitFor(() => document.querySelector("#quote-kim-sacred-fight")?.classList.contains("quote--selected"));
      assert.equal(await page.evaluate(() => document.querySelectorAll(".quote--selected").length), 1);
      assert.equal(await page.attr("#quote-item-kim-sacred-fight", "aria-pressed"), "true");

      // Clear (Esc) leaves nothing selected.
      await page.press("Escape");
      await page.waitFor(() => !document.querySelector(".quote--selected, .mention--selected, .sentence--selected"));
      assert.deepEqual(await page.errors(), []);
    }));
  it(`a relation from its list, and an actor from the picture [${ctx.engine}]`, () =>
    withPage(ctx, `${ctx.site.url}#panel=relations`, {}, async (page) => {
      await page.waitFor(panelIs, { args: ["relations"] });
      await page.click("#relation-russia-0 button");
      await page.waitFor(hashIs, { args: ["#relation=russia.0"] });
      await page.waitFor(() => document.querySelector('.sentence[data-relations~="russia.0"]')?.classList.contains("sentence--selected"));
      assert.equal(await page.attr("#relation-russia-0 button", "aria-pressed"), "true");
      assert.ok(await page.evaluate(() => document.querySelector('.graph__edge[data-relation="russia.0"]').classList.contains("graph__edge--selected")));

      // A box of the picture selects its actor, and the picture stays.
      // With the pointer at the box's centre: WebKit's WebDriver refuses its Element Click on
      // SVG shapes ("not interactable", "intercepted"), though a reader's click works.
      const [x, y] = await page.evaluate(() => {
        const box = document.querySelector('#panel-relations .graph__node[data-actor="putin"] rect');
        box.scrollIntoView({ block: "center" });
        const r = box.getBoundingClientRect();
        return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
      });
      await page.clickAt(x, y);
      await page.waitFor(hashIs, { args: ["#panel=relations&actor=putin"] });
      await page.waitFor(actorSelected, { args: ["putin"] });
      assert.ok(await page.evaluate(() => document.querySelectorAll("#panel-relations .graph__edge--related").length >= 4));
      assert.deepEqual(await page.errors(), []);
    }));
});
