// The relations picture and its list, in Chromium on the release build: readable with
// JavaScript off, one selection with the text and the other panels, a keyboard path to every
// relation, no axe violation, no sideways scroll on phones, and on paper.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, openPage, axe, DESKTOP, PHONE } from "./helpers.mjs";

const SMALL_PHONE = { width: 320, height: 640 };
const RELATIONS = 35;
const ACTORS = 23;

let browser, server, url;
before(async () => {
  ({ server, url } = await serve());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** The ids of the lines drawn with `emphasis` (selected, related or faint). */
const lines = (page, emphasis) =>
  page.$$eval(`#panel-relations .graph__edge--${emphasis}`, (els) => els.map((e) => e.dataset.relation).sort());

test("JavaScript off: the picture and every relation with its sentence are in the page, and the tab shows them", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(url);
  // The picture is the dossier's drawing, shown by reference (one copy of it in the page).
  assert.equal(await page.getAttribute("#panel-relations svg.graph use", "href"), "#relations-picture");
  assert.equal(await page.locator(".dossier #relations-picture .graph__node").count(), ACTORS);
  assert.equal(await page.locator(".dossier #relations-picture .graph__line").count(), RELATIONS);
  assert.equal(await page.locator("svg.graph .graph__line").count(), RELATIONS, "no second copy");
  assert.equal(await page.locator("#panel-relations .relation-entry").count(), RELATIONS);
  assert.equal(await page.locator("#panel-relations .relation-entry .relation__evidence").count(), RELATIONS);
  assert.equal(await page.isVisible("#panel-relations"), false, "another panel is shown first");
  await page.click("#tab-relations");
  assert.equal(await page.isVisible("#panel-relations svg.graph"), true);
  // Drawn, not an empty frame: the reference has the drawing's size.
  const drawn = await page.$eval("#panel-relations svg.graph use", (use) => use.getBoundingClientRect());
  assert.ok(drawn.width > 300 && drawn.height > 300, JSON.stringify(drawn));
  assert.equal(await page.isVisible("#panel-actors"), false);
  const first = await page.textContent("#relation-putin-0 .relation-entry__what");
  assert.equal(first, "Vladimir Putin partner of Kim Jong Un");
  await context.close();
});

test("selecting Putin draws his box and his lines strong, and marks his mentions", async () => {
  const page = await openPage(browser, `${url}#panel=relations`);
  await page.click('#panel-relations .graph__node[data-actor="putin"]');
  await page.waitForSelector('#panel-relations .graph__node--selected[data-actor="putin"]');
  assert.equal(await page.evaluate(() => location.hash), "#panel=relations&actor=putin", "the panel stays");
  assert.ok((await page.locator(".article__body .mention--selected[data-actor=putin]").count()) > 0);
  // His lines: the entries of the list that name him.
  const his = await page.$$eval("#panel-relations .relation-entry", (els) =>
    els.filter((e) => e.textContent.includes("Vladimir Putin")).map((e) => e.id.replace(/^relation-/, "")),
  );
  const drawn = (await lines(page, "related")).map((id) => id.replace(".", "-"));
  assert.deepEqual(drawn, his.sort());
  assert.ok(drawn.length >= 4, drawn.join(" "));
  assert.equal((await lines(page, "faint")).length, RELATIONS - drawn.length);
  // Their labels are written; the boxes of the actors he is linked to are drawn related.
  assert.equal(await page.locator("#panel-relations .graph__label").count(), drawn.length);
  assert.equal(await page.locator('#panel-relations .graph__node--related[data-actor="kim"]').count(), 1);
  // Selecting him in the text, from another panel, does the same to the picture.
  await page.click("#panel-relations .graph__node--selected"); // clears
  await page.waitForFunction(() => !location.hash.includes("actor="));
  await page.click("#mention-putin-0");
  await page.click("#tab-relations");
  await page.waitForSelector('#panel-relations .graph__node--selected[data-actor="putin"]');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("selecting the Russia–North Korea partnership's line marks its sentence in the text", async () => {
  const page = await openPage(browser, `${url}#panel=relations`);
  // The line is thin: click its wide, invisible twin.
  await page.locator('#panel-relations .graph__edge[data-relation="russia.0"] .graph__hit').dispatchEvent("click");
  await page.waitForSelector('.article__body .sentence--selected[data-relations~="russia.0"]');
  assert.equal(await page.evaluate(() => location.hash), "#relation=russia.0", "the panel is the one implied");
  assert.deepEqual(await lines(page, "selected"), ["russia.0"]);
  const marked = await page.textContent('.article__body .sentence--selected[data-relations~="russia.0"]');
  const shown = await page.textContent("#relation-russia-0 .relation__evidence");
  assert.equal(marked.trim(), shown.trim());
  assert.match(shown, /^Japan and South Korea have sounded the alarm/);
  assert.equal(await page.getAttribute("#relation-russia-0 button", "aria-pressed"), "true");
  assert.match(await page.textContent(".panels__selected"), /Russia partner of North Korea/);
  // The link opens the same view.
  const linked = await openPage(browser, `${url}#relation=russia.0`);
  await linked.waitForSelector('.article__body .sentence--selected[data-relations~="russia.0"]');
  assert.equal(await linked.isVisible("#panel-relations"), true);
  await linked.close();
  await page.close();
});

test("keyboard only: Tab reaches every relation, and Enter selects it", async () => {
  const page = await openPage(browser, `${url}#panel=relations`);
  await page.focus("#tab-relations");
  const reached = new Set();
  for (let i = 0; i < 200 && reached.size < RELATIONS; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement.closest(".relation-entry")?.id);
    if (id) reached.add(id);
  }
  assert.equal(reached.size, RELATIONS);
  await page.keyboard.press("Enter");
  const last = [...reached].pop();
  await page.waitForSelector(`#${last} button[aria-pressed="true"]`);
  // The address is written in the task after the selection's render (src/effects/url.rs).
  await page.waitForFunction(() => /relation=/.test(location.hash), null, { timeout: 5_000 }).catch(() => {});
  const relation = await page.evaluate(() => location.hash.match(/relation=([^&]+)/)?.[1]);
  assert.ok(relation, "the hash names the relation");
  await page.waitForSelector(`.article__body .sentence--selected[data-relations~="${relation}"]`);
  assert.deepEqual(await lines(page, "selected"), [relation]);
  await page.close();
});

test("axe-core finds no violation with the picture shown, on a desktop and on a phone", async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const page = await openPage(browser, `${url}#panel=relations&relation=russia.0`, { viewport });
    if (viewport === PHONE) await page.click("#tab-relations");
    await page.waitForSelector("#panel-relations .graph__edge--selected");
    const violations = await axe(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    await page.close();
  }
});

for (const [name, viewport] of [["390 px", PHONE], ["320 px", SMALL_PHONE]]) {
  test(`a ${name} phone: the sheet shows the picture and the tabs without sideways scroll`, async () => {
    const page = await openPage(browser, url, { viewport });
    await page.click("#tab-relations");
    await page.waitForFunction(() => document.querySelector("#panel-relations svg.graph")?.getBoundingClientRect().width > 0);
    await page.click('#relation-putin-0 button');
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - innerWidth,
      wider: [...document.querySelectorAll(".panels, .panels *")]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
        .map((e) => e.className.baseVal ?? e.className),
    }));
    assert.deepEqual(overflow, { page: 0, wider: [] });
    const picture = await page.$eval("#panel-relations svg.graph", (svg) => svg.getBoundingClientRect().width);
    assert.ok(picture >= viewport.width - 48, `the picture takes the sheet's width (${picture})`);
    await page.close();
  });
}

test("print: the dossier shows the picture and every relation with its sentence", async () => {
  const page = await openPage(browser, url);
  await page.emulateMedia({ media: "print" });
  const box = await page.locator(".dossier svg.graph").boundingBox();
  assert.ok(box && box.width > 300 && box.height > 300, JSON.stringify(box));
  assert.equal(await page.locator(".dossier .graph__line").count(), RELATIONS);
  const rows = await page.$$eval(".dossier table", (tables) => tables.at(-1).querySelectorAll("tbody tr").length);
  assert.equal(rows, RELATIONS);
  assert.equal(await page.isVisible("#panel-relations"), false, "no panel on paper");
  await page.close();
});
