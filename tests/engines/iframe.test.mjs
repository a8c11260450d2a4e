// The iframe embed (dist/examples/iframe.html, embed.js): the frame takes its content's height
// and follows it when a panel grows; the host's hostile CSS does not reach in.
import assert from "node:assert/strict";
import { journeys, it } from "./site.mjs";

const FRAME = "iframe[data-marginalia]";
const sizes = (f) => {
  const frame = document.querySelector(f);
  const app = frame?.contentDocument?.querySelector(".app");
  return { frame: frame?.getBoundingClientRect().height ?? 0, content: app?.getBoundingClientRect().height ?? 0 };
};

journeys("iframe embed", (ctx) => {
  it(`sized by its content, follows it when a panel changes [${ctx.engine}]`, async () => {
    const page = await ctx.browser.newPage();
    try {
      await page.goto(`${ctx.site.root}examples/iframe.html`);
      await page.waitFor((f) => !!document.querySelector(f)?.contentDocument?.querySelector(".app[data-ready='true']"), { args: [FRAME], timeout: 15000 });
      await page.waitFor((f) => document.querySelector(f).getBoundingClientRect().height > 1000, { args: [FRAME] });
      await page.waitFor((f) => {
        const frame = document.querySelector(f);
        const app = frame.contentDocument.querySelector(".app");
        return Math.abs(frame.getBoundingClientRect().height - app.getBoundingClientRect().height) <= 6;
      }, { args: [FRAME] });
      const before = await page.evaluate(sizes, FRAME);
      assert.equal(
        await page.evaluate((f) => document.querySelector(f).contentDocument.querySelector("[role=tablist]")?.checkVisibility() ?? false, FRAME),
        false,
        "only the timeline, no tab list",
      );

      // The embed opens on #event=signing-2024; choosing the 1961 treaty instead changes the
      // timeline's height (one event's details close, another's open): the frame follows.
      await page.click("#event-treaty-1961", { frame: FRAME });
      await page.waitFor((f, h) => document.querySelector(f).getBoundingClientRect().height !== h, { args: [FRAME, before.frame] });
      await page.waitFor((f) => {
        const frame = document.querySelector(f);
        const app = frame.contentDocument.querySelector(".app");
        return Math.abs(frame.getBoundingClientRect().height - app.getBoundingClientRect().height) <= 6;
      }, { args: [FRAME] });
      const after = await page.evaluate(sizes, FRAME);
      assert.notEqual(after.frame, before.frame, `the frame follows: ${JSON.stringify({ before, after })}`);
      assert.equal(
        await page.evaluate((f) => document.querySelector(f).contentDocument.querySelector("#event-treaty-1961").getAttribute("aria-expanded"), FRAME),
        "true",
      );
      // The host's hostile CSS stays out.
      const color = await page.evaluate((f) => getComputedStyle(document.querySelector(f).contentDocument.querySelector(".article__body p")).color, FRAME);
      assert.notEqual(color, "rgb(208, 0, 0)");
      assert.deepEqual(await page.errors(), []);
    } finally {
      await page.close();
    }
  });
});
