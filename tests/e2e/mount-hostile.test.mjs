// A host mounts articles from two marginalia sites on other origins: the real site (the seed)
// and a hostile one, which serves the seed's page with attacks written into its text and data
// files damaged on purpose. Three origins, all servers on 127.0.0.1: the host (A), the real
// site (B) and the hostile site (C), which logs every request it gets.
//
// What must hold: no script of C's runs; no request reaches C but the article's own page and
// data (no images, posters, backgrounds, pings); nothing of the mounted article draws or takes
// clicks outside the host's element; data that breaks the build's rules (a javascript: source,
// a month 13) gets the error view naming the problem; and a viewer that traps stops alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, startServer } from "./helpers.mjs";
import { hostileSites, hitsOutside, seedPage } from "./hostile-site.mjs";

let browser, site, sites, hostOrigin;

before(async () => {
  browser = await launch();
  site = await startServer({ dir: "dist", headers: { "access-control-allow-origin": "*" } });
  sites = await hostileSites(site.url);
  hostOrigin = sites.hostOrigin;
});

after(async () => {
  await browser?.close();
  site?.server.close();
  await sites?.close();
});

/** Opens a host page and waits until every mount has settled. */
async function openHost(path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.dialogs = [];
  page.on("dialog", (d) => {
    page.dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto(`${hostOrigin}${path}`);
  await page.waitForFunction(() => window.mounted === true, null, { timeout: 30000 });
  return page;
}

test("a hostile site's article mounts inert: no script, no request but its page and data, nothing outside the host's element", async () => {
  sites.hostileRequests.length = 0;
  const page = await openHost("/attacks");
  assert.deepEqual(await page.evaluate(() => window.results), ["ok"]);
  const viewer = page.locator("#viewer-0");
  await viewer.locator(".app[data-ready]").waitFor();
  // The article is there, read from the rebuilt text.
  assert.ok((await viewer.locator(".article__body p").count()) > 10);
  await page.waitForTimeout(500); // time for any late fetch to show up
  assert.deepEqual(sites.hostileRequests, ["/evil/", "/evil/data.bin"], "only the article's page and data");
  assert.equal(await page.evaluate(() => window.pwned), undefined, "no script ran");
  assert.deepEqual(page.dialogs, []);
  // The rebuilt text holds none of the attacks' elements or attributes.
  const body = viewer.locator(".article__body");
  for (const selector of ["img", "picture", "video", "svg", "input", "dialog", "script", "iframe", "object", "table[background]", "td[background]",
    "marginalia-article", "[style]", "[srcset]", "[ping]", "[target]", "[autofocus]", "[onerror]", "a[href^='javascript']", "#actor-details-putin"]) {
    assert.equal(await body.locator(selector).count(), 0, selector);
  }
  // Fake and out-of-range mentions are text, not marks.
  const seedMentions = (seedPage().match(/class="mention"/g) ?? []).length;
  assert.equal(await body.locator(".mention").count(), seedMentions, "only the article's own mentions");
  assert.match(await body.textContent(), /fake mention.*out of range/s, "their words are kept as text");
  // Focus stayed with the host; the host's own button is what is under the pointer, and it works.
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "no autofocus in the host");
  assert.equal(await page.evaluate(() => document.elementFromPoint(100, 30)?.id), "own");
  await page.click("#own");
  assert.equal(await page.evaluate(() => window.clicks), 1);
  assert.equal(page.url(), `${hostOrigin}/attacks`, "the host did not navigate");
  // Nothing the viewer draws hit-tests outside the host's element.
  const outside = await page.evaluate(hitsOutside, "viewer-0");
  assert.deepEqual(outside, [], "points outside the host's box that hit the mounted viewer");
  // Selecting an actor marks only its own mentions (no selector made of foreign ids).
  await body.locator(".mention[data-actor=putin]").first().click();
  const selected = await viewer.locator(".mention--selected").count();
  const putins = await body.locator(".mention[data-actor=putin]").count();
  assert.equal(selected, putins);
  await page.close();
});

test("data with a javascript: source is refused with the error view naming the problem", async () => {
  const page = await openHost("/javascript");
  const [result] = await page.evaluate(() => window.results);
  assert.match(result, /^rejected: .*not an http\(s\) address/, result);
  const alert = page.locator("#viewer-0 .crash[role=alert]");
  assert.match(await alert.textContent(), /breaks the rules every article follows.*its source's address `javascript:/s);
  assert.equal(await page.locator("#viewer-0 .event__source a").count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.close();
});

test("data with a month 13 gets its error view, and the other article on the page keeps working", async () => {
  const page = await openHost("/month13");
  const results = await page.evaluate(() => window.results);
  assert.match(results[0], /^rejected: .*no month 13/, results[0]);
  assert.equal(results[1], "ok");
  assert.match(await page.locator("#viewer-0 .crash[role=alert]").textContent(), /no month 13/);
  const good = page.locator("#viewer-1");
  const mention = good.locator(".article__body .mention[data-actor=putin]").first();
  await mention.click();
  await good.locator(".mention--selected").first().waitFor();
  assert.ok((await good.locator(".mention--selected").count()) > 1);
  await page.close();
});

test("a viewer that traps stops alone: its error view, and the other viewer still answers", async () => {
  const page = await openHost("/two");
  assert.deepEqual(await page.evaluate(() => window.results), ["ok", "ok"]);
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(e.name));
  // A real panic in the release wasm of viewer 1 only: the DOM refuses insertions inside its
  // shadow root, and Yew panics ("failed to insert") on the next render there.
  await page.evaluate(() => {
    const insertBefore = Node.prototype.insertBefore;
    const victim = document.getElementById("viewer-1");
    Node.prototype.insertBefore = function (...args) {
      if (this.getRootNode().host === victim) throw new DOMException("refused by the test", "NotSupportedError");
      return insertBefore.apply(this, args);
    };
  });
  // Pointing at a name renders its card: the viewer traps.
  // (The mouse itself: the name is gone once the error view is up, so no retrying action.)
  const mention = page.locator("#viewer-1 .article__body .mention").first();
  await mention.scrollIntoViewIfNeeded();
  const name = await mention.boundingBox();
  await page.mouse.move(name.x + name.width / 2, name.y + name.height / 2);
  await page.locator("#viewer-1 .crash[role=alert]").waitFor();
  assert.match(await page.locator("#viewer-1 .crash p").textContent(), /^The error was: RuntimeError/);
  assert.ok(uncaught.includes("RuntimeError"), `a wasm trap, got ${uncaught}`);
  assert.equal(await page.locator("#viewer-0 .crash").count(), 0, "the other viewer shows no error");
  // The other viewer, on its own instance, still selects, marks and shows the panel.
  const good = page.locator("#viewer-0");
  await good.locator(".article__body .mention[data-actor=kim]").first().click();
  await good.locator(".mention--selected").first().waitFor();
  assert.equal(await good.locator(".mention--selected").count(), await good.locator(".article__body .mention[data-actor=kim]").count());
  await page.close();
});
