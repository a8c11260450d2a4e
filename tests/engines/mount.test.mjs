// Mounting articles from other sites, in each engine: the hostile site of tests/e2e
// (tests/e2e/hostile-site.mjs) against the real site. Its attacks stay inert (no script, no
// request but the article's page and data, nothing outside the host's element), data that breaks
// the rules gets its error view, and the other article on the page keeps working, each viewer in
// a wasm instance of its own.
import assert from "node:assert/strict";
import { before, after } from "node:test";
import { startServer } from "../e2e/helpers.mjs";
import { hostileSites, hitsOutside } from "../e2e/hostile-site.mjs";
import { journeys, it, DESKTOP } from "./site.mjs";

let site, sites;
before(async () => {
  site = await startServer({ dir: "dist", headers: { "access-control-allow-origin": "*" } });
  sites = await hostileSites(site.url);
});
after(async () => {
  site?.server.close();
  await sites?.close();
});

/** Opens a host page and waits until every mount has settled. */
async function openHost(ctx, path) {
  const page = await ctx.browser.newPage(DESKTOP);
  await page.goto(`${sites.hostOrigin}${path}`);
  await page.waitFor(() => window.mounted === true, { timeout: 30000 });
  return page;
}

/** Runs in the page: a click on the first element matching `selector` in viewer `id`'s shadow
 * root (the drivers' own clicks do not reach into shadow roots), then what is selected there. */
function clickInViewer(id, selector) {
  document.getElementById(id).shadowRoot.querySelector(selector).click();
}
function selectedIn(id) {
  return document.getElementById(id).shadowRoot.querySelectorAll(".mention--selected").length;
}

journeys("mounting from other sites", (ctx) => {
  it(`a hostile site's article is inert and stays in its box [${ctx.engine}]`, async () => {
    sites.hostileRequests.length = 0;
    const page = await openHost(ctx, "/attacks");
    try {
      assert.deepEqual(await page.evaluate(() => window.results), ["ok"]);
      assert.ok(await page.evaluate(() => document.getElementById("viewer-0").shadowRoot.querySelectorAll(".article__body p").length > 10));
      await page.evaluate(() => new Promise((r) => setTimeout(() => r(true), 500)));
      assert.deepEqual(sites.hostileRequests, ["/evil/", "/evil/data.bin"], "only the article's page and data");
      assert.equal(await page.evaluate(() => window.pwned ?? null), null, "no script ran");
      const attacks = await page.evaluate(() =>
        document
          .getElementById("viewer-0")
          .shadowRoot.querySelectorAll(".article__body :is(img, svg, video, input, script, iframe, dialog, [style], [srcset], [ping], [autofocus])").length,
      );
      assert.equal(attacks, 0, "none of the attacks' elements or attributes");
      assert.equal(await page.evaluate(() => document.elementFromPoint(100, 30)?.id), "own", "the host's button is on top");
      assert.deepEqual(await page.evaluate(hitsOutside, "viewer-0"), [], "nothing drawn outside the host's element");
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "the host keeps its focus");
    } finally {
      await page.close();
    }
  });

  it(`a month 13 is refused, and the other article still works [${ctx.engine}]`, async () => {
    const page = await openHost(ctx, "/month13");
    try {
      const results = await page.evaluate(() => window.results);
      assert.match(results[0], /no month 13/);
      assert.equal(results[1], "ok");
      assert.match(
        await page.evaluate(() => document.getElementById("viewer-0").shadowRoot.querySelector(".crash[role=alert]")?.textContent ?? ""),
        /no month 13/,
      );
      await page.evaluate(clickInViewer, "viewer-1", ".article__body .mention[data-actor=putin]");
      await page.waitFor((id) => document.getElementById(id).shadowRoot.querySelectorAll(".mention--selected").length > 1, { args: ["viewer-1"] });
      assert.ok((await page.evaluate(selectedIn, "viewer-1")) > 1);
    } finally {
      await page.close();
    }
  });

  it(`a viewer that traps stops alone; the other, on its own wasm instance, still answers [${ctx.engine}]`, async () => {
    const page = await openHost(ctx, "/two");
    try {
      assert.deepEqual(await page.evaluate(() => window.results), ["ok", "ok"]);
      // A real panic in viewer 1's wasm only: the DOM refuses insertions in its shadow root, and
      // pointing at a name (which renders its card) makes Yew panic.
      const at = await page.evaluate(() => {
        const victim = document.getElementById("viewer-1");
        const insertBefore = Node.prototype.insertBefore;
        Node.prototype.insertBefore = function (...args) {
          if (this.getRootNode().host === victim) throw new DOMException("refused by the test", "NotSupportedError");
          return insertBefore.apply(this, args);
        };
        const name = victim.shadowRoot.querySelector(".article__body .mention");
        name.scrollIntoView({ block: "center" });
        const box = name.getBoundingClientRect();
        return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
      });
      await page.moveTo(at.x, at.y);
      await page.waitFor(() => !!document.getElementById("viewer-1").shadowRoot.querySelector(".crash[role=alert]"), { timeout: 10000 });
      assert.match(
        await page.evaluate(() => document.getElementById("viewer-1").shadowRoot.querySelector(".crash p").textContent),
        /^The error was: RuntimeError/,
      );
      assert.equal(await page.evaluate(() => !!document.getElementById("viewer-0").shadowRoot.querySelector(".crash")), false);
      await page.evaluate(clickInViewer, "viewer-0", ".article__body .mention[data-actor=kim]");
      await page.waitFor((id) => document.getElementById(id).shadowRoot.querySelectorAll(".mention--selected").length > 1, { args: ["viewer-0"] });
    } finally {
      await page.close();
    }
  });
});
