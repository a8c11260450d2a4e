// Served with a strict Content-Security-Policy: no inline script or style is needed, nothing
// is refused. Every engine's page also gets the capture script first (it is same-origin, so
// the policy allows it) to hear `securitypolicyviolation` events, which a console may not show.
import assert from "node:assert/strict";
import { journeys, it, withPage, actorSelected, cardShown } from "./site.mjs";
import { captureServing } from "./driver.mjs";

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:";

journeys(
  "strict CSP",
  (ctx) => {
    it(`selects, shows cards, zero violations and errors [${ctx.engine}]`, () =>
      withPage(ctx, `${ctx.strict.url}#event=signing-2024`, {}, async (page) => {
        await page.waitFor(() => document.querySelectorAll(".sentence--selected").length > 0);
        await page.click("#tab-timeline");
        await page.click("#mention-kim-0");
        await page.waitFor(actorSelected, { args: ["kim"] });
        await page.press("Escape");
        await page.hover("#mention-putin-0");
        await page.waitFor(cardShown);
        await page.select("#theme-select", "dark");
        await page.waitFor(() => document.querySelector(".app").dataset.theme === "dark");
        const heard = await page.evaluate(() => window.__engineErrors ?? ["no capture script"]);
        const errors = [...new Set([...(await page.errors()), ...heard])];
        assert.deepEqual(errors, []);
      }));
  },
  { servers: { strict: { headers: { "content-security-policy": CSP }, ...captureServing() } } },
);
