// Delivery without a server of our own: the prerendered page with JavaScript off, the site at
// / and under a sub-path, the single file from file://, both embedding examples (with hostile
// host CSS), a strict Content-Security-Policy, print, and nothing fetched from elsewhere.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, serve, openPage, seedParagraphs, reachFeedback, DESKTOP, PHONE, STRICT_CSP } from "./helpers.mjs";

// The README's policy, as a host serves it.
const CSP = STRICT_CSP;
let browser, root, sub, strict;
before(async () => {
  browser = await launch();
  root = await serve();
  sub = await serve({ base: "/some/sub/path/" });
  strict = await serve({ headers: { "content-security-policy": CSP } });
});
after(async () => {
  await browser?.close();
  for (const s of [root, sub, strict]) s?.server.close();
});

async function selectByClick(page, selector) {
  await page.click(selector);
  await page.waitForFunction(() => document.querySelectorAll(".mention--selected").length > 0);
}

test("JavaScript off: the prerendered page shows the whole article and its panels", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(root.url);
  const paragraphs = await page.$$eval(".article__body p", (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(paragraphs, seedParagraphs());
  assert.equal(await page.locator("#panel-actors .actor").count(), 23);
  assert.equal(await page.title(), "Japan and South Korea sound alarm over Putin-Kim military pact");
  for (const selector of ['meta[name="description"]', 'meta[property="og:title"]', 'meta[name="twitter:card"]', 'link[rel="icon"]']) {
    assert.equal(await page.locator(selector).count(), 1, selector);
  }
  await context.close();
});

for (const [name, site] of [["at /", () => root], ["under a sub-path", () => sub]]) {
  test(`served ${name}: hydrates, selects, no console error or warning`, async () => {
    const page = await openPage(browser, site().url + "#actor=kim");
    await page.waitForFunction(() => document.querySelectorAll(".mention--selected[data-actor=kim]").length > 0);
    await selectByClick(page, "#mention-putin-0");
    await page.waitForFunction(() => location.hash === "#actor=putin");
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test("hydration keeps the prerendered DOM: no layout shift, no mismatch", async () => {
  const page = await browser.newPage({ viewport: DESKTOP });
  const errors = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && errors.push(m.text()));
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(root.url);
  const before = await page.$eval(".article__body", (b) => b.getBoundingClientRect().top);
  await page.waitForFunction(() => document.querySelector("#announcer") !== null);
  // Interactive once hydrated: a click selects.
  await selectByClick(page, "#mention-kim-0");
  const afterTop = await page.$eval(".article__body", (b) => b.getBoundingClientRect().top);
  assert.equal(afterTop, before);
  assert.equal(await page.evaluate(() => window.__shift), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the viewer comes to life in place: the article's elements are the page's own, each island gets its live part", async () => {
  const page = await browser.newPage({ viewport: DESKTOP });
  const errors = [];
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  // The page's own elements, kept before any script of ours runs.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      window.__kept = ["#marginalia > .app", ".article__header", ".article__body", ".dossier", "#panels", ".toolbar", ".feedback"].map(
        (selector) => [selector, document.querySelector(selector)],
      );
    });
  });
  await page.goto(root.url);
  await page.waitForSelector(".app[data-ready]");
  const kept = await page.evaluate(() =>
    window.__kept.map(([selector, element]) => [selector, element !== null && document.querySelector(selector) === element]),
  );
  // The root, the header, the text and the dossier are the very elements the page had...
  for (const [selector, same] of kept.slice(0, 4)) assert.ok(same, `${selector} is still the page's own element`);
  // ...and the panels and toolbar were replaced by live ones, inside their islands...
  for (const [selector, same] of kept.slice(4, 6)) assert.ok(!same, `${selector} is live`);
  // ...and the feedback form, at the end of the article, stands as it was until the reader comes
  // near it: then its module replaces it (assets/later.js).
  assert.ok(kept[6][1], "the prerendered form stands");
  await reachFeedback(page);
  assert.ok(await page.evaluate(() => document.querySelector(".feedback") !== window.__kept[6][1]), "the feedback form is live");
  for (const island of ["toolbar", "panels", "feedback"]) {
    assert.equal(await page.locator(`.island[data-island="${island}"] > *`).count(), 1, `one part in the ${island} island`);
  }
  // Live: the panels answer a click, the toolbar's theme chooser works.
  await page.click("#tab-timeline");
  assert.equal(await page.getAttribute("#tab-timeline", "aria-selected"), "true");
  await page.selectOption("#theme-select", "dark");
  assert.equal(await page.getAttribute(".app", "data-theme"), "dark");
  assert.deepEqual(errors, []);
  await page.close();
});

test("focus on a prerendered panel tab moves to the live tab when the panels come to life", async () => {
  const page = await browser.newPage({ viewport: DESKTOP });
  // The wasm is held back until the reader has put focus on a tab.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(root.url);
  await page.focus("#tab-quotes");
  const prerendered = await page.evaluateHandle(() => document.activeElement);
  release();
  await page.waitForSelector(".app[data-ready]");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "tab-quotes");
  assert.equal(await prerendered.evaluate((el) => el.isConnected), false, "the focused tab was the prerendered one");
  // The live tab list answers the arrow keys.
  await page.keyboard.press("ArrowRight");
  assert.match(await page.evaluate(() => document.activeElement?.id), /^tab-(?!quotes)/);
  await page.close();
});

test("one file, opened from disk: panels, deep link, theme", async () => {
  const file = pathToFileURL(resolve("dist/putin-kim-pact/putin-kim-pact.html")).href;
  const page = await browser.newPage({ viewport: DESKTOP });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${file}#event=treaty-1961`);
  await page.waitForFunction(() => document.querySelectorAll(".sentence--selected").length > 0);
  assert.equal(await page.getAttribute("#tab-timeline", "aria-selected"), "true");
  await selectByClick(page, "#mention-putin-0");
  await page.waitForFunction(() => location.hash === "#actor=putin");
  await page.selectOption("#theme-select", "dark");
  assert.equal(await page.getAttribute(".app", "data-theme"), "dark");
  assert.deepEqual(errors, []);
  await page.close();
});

test("iframe embed: sized by its content, follows it when a panel grows", async () => {
  const page = await openPage(browser, root.root + "examples/iframe.html", { waitFor: "iframe" });
  const frame = page.frameLocator("iframe[data-marginalia]");
  await frame.locator(".sentence--selected").first().waitFor();
  const height = () => page.$eval("iframe[data-marginalia]", (f) => f.getBoundingClientRect().height);
  const inner = () => page.frames()[1].evaluate(() => document.querySelector(".app").getBoundingClientRect().height);
  await page.waitForFunction(() => document.querySelector("iframe[data-marginalia]").getBoundingClientRect().height > 1000);
  assert.ok(Math.abs((await height()) - (await inner())) <= 6, `iframe ${await height()} vs content ${await inner()}`);
  // Only the timeline panel, no tab list, stacked below the article.
  assert.equal(await frame.locator("[role=tablist]").isVisible(), false);
  const before = await height();
  await frame.locator("#event-treaty-1961").click();
  await page.waitForFunction((h) => document.querySelector("iframe[data-marginalia]").getBoundingClientRect().height !== h, before);
  assert.ok(Math.abs((await height()) - (await inner())) <= 6);
  // The host's hostile CSS does not reach the viewer.
  const color = await frame.locator(".article__body p").first().evaluate((p) => getComputedStyle(p).color);
  assert.notEqual(color, "rgb(208, 0, 0)");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a message of the wrong shape or from another window is ignored by the embed", async () => {
  const page = await openPage(browser, root.root + "examples/iframe.html", { waitFor: "iframe" });
  const frame = page.frames()[1];
  await frame.waitForSelector(".sentence--selected");
  // From the parent, well-formed: applied.
  await page.evaluate(() =>
    document.querySelector("iframe").contentWindow.postMessage({ type: "marginalia:view", version: 1, hash: "#actor=kim" }, "*"),
  );
  await frame.waitForFunction(() => document.querySelectorAll(".mention--selected[data-actor=kim]").length > 0);
  // Wrong shapes from the parent, and a right shape from the frame itself: all ignored.
  await page.evaluate(() => {
    const w = document.querySelector("iframe").contentWindow;
    for (const m of [null, "x", { type: "marginalia:view" }, { type: "marginalia:view", version: 2, hash: "#actor=putin" }, { type: "marginalia:view", version: 1, hash: 7 }])
      w.postMessage(m, "*");
  });
  await frame.evaluate(() => window.postMessage({ type: "marginalia:view", version: 1, hash: "#actor=putin" }, "*"));
  await frame.evaluate(() => new Promise((ok) => setTimeout(ok, 200)));
  assert.ok((await frame.$$eval(".mention--selected", (e) => e.map((x) => x.dataset.actor))).every((a) => a === "kim"));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("direct mount in a shadow root: hostile host CSS neither reaches in nor is reached", async () => {
  const page = await openPage(browser, root.root + "examples/mount.html", { waitFor: "#viewer" });
  const viewer = page.locator("#viewer");
  await viewer.locator(".article__body p").first().waitFor();
  const inside = await viewer.locator(".article__body p").first().evaluate((p) => {
    const s = getComputedStyle(p);
    return { color: s.color, border: s.borderTopStyle, boxSizing: s.boxSizing, fontFamily: s.fontFamily };
  });
  assert.notEqual(inside.color, "rgb(208, 0, 0)");
  assert.equal(inside.border, "none");
  assert.equal(inside.boxSizing, "border-box");
  assert.doesNotMatch(inside.fontFamily, /Comic/);
  // The host's own paragraph keeps the host's style: nothing of ours leaked out.
  const host = await page.locator("body > p").first().evaluate((p) => getComputedStyle(p).color);
  assert.equal(host, "rgb(208, 0, 0)");
  // Only the quotes panel; selecting works inside the shadow root; the host URL is left alone.
  await viewer.locator("#quote-item-kim-sacred-fight").click();
  await viewer.locator(".quote--selected").first().waitFor();
  assert.equal(await page.evaluate(() => location.hash), "");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("strict CSP: no inline script or style needed, zero console errors", async () => {
  const page = await openPage(browser, strict.url + "#event=signing-2024");
  await page.waitForFunction(() => document.querySelectorAll(".sentence--selected").length > 0);
  await page.click("#tab-timeline");
  await page.click("#mention-kim-0");
  await page.hover("#mention-putin-0");
  await page.waitForSelector("#mention-card:not([hidden])");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("print: the article, then actors, timeline, quotes and relations as tables, no controls", async () => {
  const page = await openPage(browser, root.url);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible(".toolbar"), false);
  assert.equal(await page.isVisible("#panels"), false);
  assert.equal(await page.isVisible(".dossier"), true);
  assert.equal(await page.locator(".dossier table").count(), 4);
  assert.equal(await page.locator(".dossier tbody tr").count(), 23 + 11 + 16 + 35);
  const bg = await page.$eval(".app", (a) => getComputedStyle(a).backgroundColor);
  assert.equal(bg, "rgb(255, 255, 255)");
  await page.close();
});

test("nothing is fetched from another origin", async () => {
  const page = await browser.newPage({ viewport: PHONE });
  const foreign = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", ""].includes(u.hostname) && u.protocol !== "data:") foreign.push(r.url());
  });
  await page.goto(root.url);
  await page.waitForLoadState("networkidle");
  await page.click("#tab-quotes");
  assert.deepEqual(foreign, []);
  await page.close();
});
