// The viewer in Japanese (issue 25) in every engine: the seed (an English article) opened with
// `?lang=ja`, as a Japanese site embeds it. The interface's words are the catalogue's, dates are
// written by the engine's own Intl exactly as the build's tables write them (the prerendered
// page and the live one must say the same), the article keeps lang="en", and selecting works.
import assert from "node:assert/strict";
import { journeys, it, withPage, actorSelected, panelIs } from "./site.mjs";

/** Dates of the seed's timeline as the build writes them in Japanese (crates/i18n `[dates]`). */
const JAPANESE_DATES = ["1961年7月6日", "2000年7月19日～20日", "2023年9月13日", "2024年3月", "2024年6月19日"];

journeys("in Japanese", (ctx) => {
  it(`?lang=ja: the interface, its dates and a selection [${ctx.engine}]`, () =>
    withPage(ctx, `${ctx.site.url}?lang=ja#panel=timeline`, {}, async (page) => {
      await page.waitFor(panelIs, { args: ["timeline"] });
      assert.equal(await page.attr(".app", "lang"), "ja");
      assert.equal(await page.attr("article.article", "lang"), "en");
      const dates = await page.evaluate(() => [...document.querySelectorAll(".event__date")].map((d) => d.textContent));
      for (const date of JAPANESE_DATES) assert.ok(dates.includes(date), `${date} in ${dates.join(" | ")}`);
      const tabs = await page.evaluate(() => [...document.querySelectorAll("[role=tab]")].map((t) => t.textContent));
      assert.ok(tabs[0].startsWith("人物・組織") && tabs[1].startsWith("時系列"), tabs.join(" | "));
      await page.click("#mention-putin-0");
      await page.waitFor(actorSelected, { args: ["putin"] });
      await page.waitFor(panelIs, { args: ["actors"] });
      const position = await page.evaluate(() => document.querySelector(".actor__position")?.textContent);
      assert.equal(position, "7回中1回目の言及");
      // The byline, built in English, said again in Japanese.
      const byline = await page.evaluate(() => document.querySelector(".article__byline").textContent);
      assert.ok(byline.includes("2024年6月20日"), byline);
      assert.deepEqual(await page.errors(), []);
    }));
});
