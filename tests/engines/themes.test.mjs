// Themes: the system's light or dark (emulated in Chromium, a launch pref in Firefox, the
// MiniBrowser's --dark-mode in WebKit), and the viewer's own #theme-select, kept on reload.
import assert from "node:assert/strict";
import { journeys, it, withPage } from "./site.mjs";

/** WCAG relative luminance of the first opaque background behind the page (body, else html). */
function pageLuminance() {
  let css = "rgb(255, 255, 255)";
  for (const el of [document.body, document.documentElement]) {
    const bg = getComputedStyle(el).backgroundColor;
    if (bg && bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) {
      css = bg;
      break;
    }
  }
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const themeIs = (t) => document.documentElement.dataset.theme === t;

journeys("themes", (ctx) => {
  it(`a light system gives a light page; the switch makes it dark, kept on reload [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, { colorScheme: "light" }, async (page) => {
      assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), false);
      assert.equal(await page.evaluate(() => document.querySelector("#theme-select").value), "system");
      assert.ok((await page.evaluate(pageLuminance)) > 0.7, "light background");
      await page.select("#theme-select", "dark");
      await page.waitFor(themeIs, { args: ["dark"] });
      assert.ok((await page.evaluate(pageLuminance)) < 0.05, "dark background");
      await page.reload();
      await page.ready();
      await page.waitFor(themeIs, { args: ["dark"] });
      assert.ok((await page.evaluate(pageLuminance)) < 0.05, "still dark after a reload");
      await page.select("#theme-select", "light");
      await page.waitFor(themeIs, { args: ["light"] });
      assert.ok((await page.evaluate(pageLuminance)) > 0.7);
      assert.deepEqual(await page.errors(), []);
    }));

  // Firefox: the viewer marks the stored theme with the `selected` attribute of its <option>
  // (src/components/toolbar.rs, theme_select); Gecko leaves the select's value on the
  // prerendered "system" option, so the switch says System on a dark page.
  it(
    `after a reload the switch shows the stored theme [${ctx.engine}]`,
    () =>
      withPage(ctx, ctx.site.url, { colorScheme: "light" }, async (page) => {
        await page.select("#theme-select", "dark");
        await page.waitFor(themeIs, { args: ["dark"] });
        await page.reload();
        await page.ready();
        await page.waitFor(themeIs, { args: ["dark"] });
        const shown = await page.evaluate(() => document.querySelector("#theme-select").value);
        assert.equal(shown, "dark", `the switch shows "${shown}" on a dark page`);
      }),

  );

  it(`a dark system gives a dark page; "light" wins over it [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, { colorScheme: "dark" }, async (page) => {
      assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), true);
      assert.equal(await page.evaluate(() => document.querySelector("#theme-select").value), "system");
      assert.ok((await page.evaluate(pageLuminance)) < 0.05, "dark background with no choice made");
      await page.select("#theme-select", "light");
      await page.waitFor(themeIs, { args: ["light"] });
      assert.ok((await page.evaluate(pageLuminance)) > 0.7, "light theme on a dark system");
      await page.select("#theme-select", "system");
      await page.waitFor(() => ["system", undefined].includes(document.documentElement.dataset.theme));
      assert.ok((await page.evaluate(pageLuminance)) < 0.05, "system is dark again");
      assert.deepEqual(await page.errors(), []);
    }));
});
