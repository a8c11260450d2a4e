// A long article (the seed ten times over: 230 actors, 110 events, 160 quotes, 350
// relations): its panels render their lists in steps, more as the end of what is rendered
// nears the screen or when the reader presses “Show more”; what the selection needs is
// always rendered; and a selection re-renders the entries that change.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openPage, marginalia, startServer } from "./helpers.mjs";

const STEP = 150; // src/effects/progressive.rs
const ACTORS = 230;

let browser, tmp, site, url;
before(async () => {
  browser = await launch();
  tmp = mkdtempSync(join(tmpdir(), "marginalia-long-"));
  marginalia(["generate", "--times", "10", "--out", join(tmp, "content/long")]);
  marginalia(["build", "--viewer", "target/viewer", join(tmp, "content"), join(tmp, "site")]);
  site = await startServer({ dir: join(tmp, "site") });
  url = site.url + "long/";
});
after(async () => {
  await browser?.close();
  site?.server.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const entries = (page) => page.locator("#panel-actors .actor").count();

test("a long list renders in steps: more as its end nears the screen, or on a press", async () => {
  const page = await openPage(browser, url);
  assert.equal(await entries(page), STEP);
  assert.match(await page.textContent("#panel-actors .list-more"), /Show more actors \(150 of 230 shown\)/);
  // Scrolled to the end of what is rendered: the rest comes.
  await page.locator("#panel-actors .list-more").scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => document.querySelectorAll("#panel-actors .actor").length === n, ACTORS);
  assert.equal(await page.locator("#panel-actors .list-more").count(), 0);
  // The timeline's list, by a press of the button (keyboard: Enter).
  await page.click("#tab-timeline");
  assert.equal(await page.locator("#panel-timeline .event").count(), 110);
  await page.click("#tab-quotes");
  assert.equal(await page.locator("#panel-quotes .quote-item").count(), STEP);
  await page.focus("#panel-quotes .list-more button");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("#panel-quotes .quote-item").length === 160);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("what the selection needs is rendered, however far down the list", async () => {
  // The last copy's Nato: an organisation, near the end of the list (kind by kind).
  const page = await openPage(browser, `${url}#actor=nato-10`);
  await page.waitForSelector('#actor-nato-10[aria-expanded="true"]');
  const position = await page.$$eval("#panel-actors .actor__head", (els) => els.findIndex((e) => e.id === "actor-nato-10"));
  assert.ok(position >= STEP, `nato-10 is entry ${position}`);
  assert.ok((await page.locator(".article__body .mention--selected[data-actor='nato-10']").count()) > 0);
  // A relation far down the relations list.
  await page.goto(`${url}#relation=south-korea-foreign-ministry-10.0`);
  await page.reload();
  await page.waitForSelector(".app[data-ready]");
  await page.waitForSelector('#relation-south-korea-foreign-ministry-10-0 button[aria-pressed="true"]');
  assert.match(await page.textContent("#panel-relations .graph__none"), /too many to draw/);
  await page.close();
});

test("coming to life, the viewer leaves the page's root as it is: setting its lang again would restyle the whole article", async () => {
  const context = await browser.newContext();
  // Every attribute the page's scripts set on the root before it is ready (the parser's own
  // attributes make no records).
  await context.addInitScript(() => {
    globalThis.rootChanges = [];
    new MutationObserver((records) => {
      for (const r of records) if (r.target.classList?.contains("app")) globalThis.rootChanges.push(r.attributeName);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["lang", "class", "data-theme"] });
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(".app[data-ready]", { state: "attached" });
  assert.deepEqual(await page.evaluate(() => globalThis.rootChanges), []);
  assert.equal(await page.getAttribute(".app", "lang"), "en");
  await context.close();
});
