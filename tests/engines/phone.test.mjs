// The phone layout at 390×844: a tab bar at the bottom opens each panel as a sheet above it;
// the sheet scrolls on its own; Close hides it; nothing scrolls sideways.
import assert from "node:assert/strict";
import { journeys, it, withPage, shown, panelIs, PHONE } from "./site.mjs";

const rect = (s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
};
const sideways = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

journeys("phone", (ctx) => {
  it(`390×844: tab bar, sheet, Close [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, { ...PHONE, touch: true }, async (page) => {
      assert.deepEqual(await page.evaluate(() => [innerWidth, innerHeight]), [390, 844]);
      const bar = await page.evaluate(rect, ".panels__bar");
      assert.ok(Math.abs(bar.bottom - PHONE.height) <= 1, `tab bar at the bottom (bottom ${bar.bottom})`);
      assert.equal(await page.evaluate(sideways), false, "no sideways scroll");
      assert.equal(await page.evaluate(shown, "#panel-actors"), false, "no sheet before a tab is tapped");

      await page.evaluate(() => window.scrollTo(0, 2000));
      await page.waitFor(() => window.scrollY > 0);
      assert.ok(Math.abs((await page.evaluate(rect, ".panels__bar")).bottom - PHONE.height) <= 1, "the bar stays at the bottom");

      await page.tap("#tab-timeline");
      await page.waitFor(() => !!document.querySelector("aside.panels--open"));
      await page.waitFor(shown, { args: ["#panel-timeline"] });
      await page.waitFor(panelIs, { args: ["timeline"] });
      const sheet = await page.evaluate(rect, "#panel-timeline");
      assert.ok(sheet.bottom <= bar.top + 1 && sheet.top >= 0, `the sheet sits above the bar: ${JSON.stringify(sheet)}`);
      assert.equal(await page.evaluate(sideways), false, "no sideways scroll with the sheet open");

      // The sheet scrolls by itself: the page behind it does not move.
      const behind = await page.evaluate(() => scrollY);
      const scrolled = await page.evaluate(() => {
        const s = document.querySelector("#panel-timeline");
        s.scrollTop = 300;
        return { top: s.scrollTop, overflows: s.scrollHeight > s.clientHeight };
      });
      assert.ok(scrolled.overflows && scrolled.top > 0, `the sheet scrolls: ${JSON.stringify(scrolled)}`);
      assert.equal(await page.evaluate(() => scrollY), behind);

      // An event chosen in the sheet is selected in the text.
      await page.tap("#event-signing-2024");
      await page.waitFor(() => location.hash === "#event=signing-2024");

      await page.tap(".panels__close");
      await page.waitFor(() => !document.querySelector("aside.panels--open"));
      assert.equal(await page.evaluate(shown, "#panel-timeline"), false, "Close hides the sheet");
      assert.deepEqual(await page.errors(), []);
    }));
});
