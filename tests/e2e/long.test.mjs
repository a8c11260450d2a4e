// A long article (the seed ten times over: 230 actors, 110 events, 160 quotes, 350
// relations): its panels render their lists in steps, more as the end of what is rendered
// nears the screen or when the reader presses “Show more”; what the selection needs is
// always rendered; and a selection re-renders the entries that change.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
  // A host page of the site's own that mounts the article (examples/mount.html's way).
  writeFileSync(
    join(tmp, "site", "host.html"),
    '<!DOCTYPE html><html lang="en"><head><title>Host</title><script type="module" src="mount.js"></script></head>' +
      '<body><marginalia-article src="long/"></marginalia-article></body></html>',
  );
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

// The page's paragraphs, their number and the last one's text.
const paragraphs = (where) =>
  where.locator(".article__body p").evaluateAll((ps) => ({ count: ps.length, last: ps.at(-1)?.textContent }));
// Sections not in the page yet: all of them, or only the text's (the viewer leaves the print
// dossier's until printing).
const sectionsLeft = (page) => page.locator("noscript[data-section]").count();
const TEXT_SECTIONS = ".article__body > noscript[data-section]";

test("a long article is sent in sections: the first as it is, the others put in the page once the viewer has started; without JavaScript, or when the wasm cannot load, or mounted, all of it reads", async () => {
  const html = await (await fetch(url)).text();
  const sent = html.split('<noscript data-section="">').length - 1;
  assert.ok(sent >= 2, `${sent} sections after the first`);
  // JavaScript off: the <noscript> sections are the page's text, shown.
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(url);
  const all = await paragraphs(still);
  assert.match(all.last, /\{10\}/, "the last copy's text");
  assert.ok(await still.locator(".article__body p").last().isVisible());
  // The hidden panels too, sent inert: a tab shows one.
  await still.click("#tab-quotes");
  assert.ok(await still.locator("#panel-quotes .quote-item").first().isVisible());
  await off.close();
  // The viewer: ready first, then every section in the page, in order, nothing twice.
  const page = await openPage(browser, url);
  await page.waitForFunction((sections) => document.querySelectorAll(sections).length === 0, TEXT_SECTIONS);
  assert.deepEqual(await paragraphs(page), all);
  assert.deepEqual(page.errors, []);
  await page.close();
  // The wasm cannot load: the page's script puts the sections in.
  const failing = await browser.newPage();
  await failing.route("**/*.wasm", (route) => route.abort());
  await failing.goto(url);
  await failing.waitForFunction(() => document.querySelectorAll("noscript[data-section]").length === 0);
  assert.deepEqual(await paragraphs(failing), all);
  assert.equal(await failing.locator(".app[data-ready]").count(), 0);
  await failing.close();
  // Mounted in a host's page: the rebuilt text holds every section.
  const host = await browser.newPage();
  await host.goto(site.url + "host.html");
  const mounted = host.locator("marginalia-article");
  await mounted.locator(".app[data-ready]").waitFor();
  assert.deepEqual(await paragraphs(mounted), all);
  assert.equal(await mounted.locator("noscript").count(), 0);
  assert.equal(await mounted.locator(".dossier tbody tr").count(), 230 + 110 + 160 + 350);
  await host.close();
});

test("a long article's later sections wait until the viewer is ready, but come at once when a selection needs them, or before printing", async () => {
  // What the page holds the moment it is marked ready.
  const atReady = async (address) => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const watch = new MutationObserver(() => {
        if (!document.querySelector(".app[data-ready]")) return;
        watch.disconnect();
        globalThis.atReady = {
          left: document.querySelectorAll(".article__body > noscript[data-section]").length,
          selected: document.querySelectorAll(".article__body .mention--selected").length,
        };
      });
      watch.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
    });
    const page = await context.newPage();
    await page.goto(address);
    await page.waitForFunction(() => globalThis.atReady);
    const found = await page.evaluate(() => globalThis.atReady);
    await context.close();
    return found;
  };
  const plain = await atReady(url);
  assert.ok(plain.left >= 2, `sections left at ready: ${plain.left}`);
  // The last copy's Nato, selected from the address: its mentions are marked wherever they are.
  const selected = await atReady(`${url}#actor=nato-10`);
  assert.equal(selected.left, 0);
  assert.ok(selected.selected > 0);
  // Before printing, even when the viewer never starts (its wasm never comes): trap.js, in
  // the page's start script.
  const page = await browser.newPage();
  await page.route("**/*.wasm", () => {}); // never answered
  const asked = page.waitForRequest(/\.wasm$/); // the start script has run
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await asked;
  assert.ok((await sectionsLeft(page)) >= 2);
  // A tab shows its panel (a link to it, CSS :target), its content put in the page.
  assert.equal(await page.locator("#panel-timeline noscript[data-section]").count(), 1);
  await page.click("#tab-timeline");
  await page.waitForSelector("#panel-timeline .event", { state: "visible" });
  assert.equal(await page.locator("#panel-timeline .event").count(), 110);
  assert.equal(await page.locator(".dossier").count(), 0, "the print dossier is sent inert");
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.equal(await sectionsLeft(page), 0);
  assert.equal(await page.locator(".dossier tbody tr").count(), 230 + 110 + 160 + 350);
  await page.close();
});
