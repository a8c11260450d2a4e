// Served with the README's strict Content-Security-Policy: no inline style, one inline script
// allowed by its hash (the theme switch), nothing
// is refused. Every engine's page also gets the capture script first (it is same-origin, so
// the policy allows it) to hear `securitypolicyviolation` events, which a console may not show.
import assert from "node:assert/strict";
import { journeys, it, withPage, actorSelected, cardShown } from "./site.mjs";
import { captureServing } from "./driver.mjs";
import { STRICT_CSP } from "../e2e/helpers.mjs";

// The README's policy, as a host serves it.
const CSP = STRICT_CSP;

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
