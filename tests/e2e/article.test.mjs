// The release build, served on 127.0.0.1 and loaded in Chromium: the whole article is there,
// nothing errs, and it reads at desktop and phone sizes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, openPage, axe, seedParagraphs, DESKTOP, PHONE } from "./helpers.mjs";

let browser, server, url;
before(async () => {
  ({ server, url } = await serve());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`the whole article, verbatim, with no console error (${name})`, async () => {
    const page = await openPage(browser, url, { viewport });
    const paragraphs = await page.$$eval(".article__body p", (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(paragraphs, seedParagraphs());
    assert.equal(
      await page.textContent("h1"),
      "Japan and South Korea sound alarm over Putin-Kim military pact",
    );
    assert.equal(await page.getAttribute("header time[datetime='2024-06-20']", "datetime"), "2024-06-20");
    assert.match(await page.textContent(".article__address"), /44 S Broadway, White Plains, New York, 10601/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`no horizontal scroll and a readable measure (${name})`, async () => {
    const page = await openPage(browser, url, { viewport });
    const { scrollWidth, clientWidth, measure, fontSize } = await page.evaluate(() => {
      const p = document.querySelector(".article__body p");
      return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        measure: p.getBoundingClientRect().width,
        fontSize: parseFloat(getComputedStyle(p).fontSize),
      };
    });
    assert.ok(scrollWidth <= clientWidth, `page scrolls sideways: ${scrollWidth} > ${clientWidth}`);
    const charsPerLine = measure / (fontSize * 0.5);
    if (name === "desktop") assert.ok(charsPerLine >= 60 && charsPerLine <= 80, `about ${charsPerLine} characters a line`);
    assert.ok(fontSize >= 16, `body text ${fontSize}px`);
    await page.close();
  });
}

test("clicking a mention highlights every mention of that actor", async () => {
  const page = await openPage(browser, url);
  await page.click("#mention-kim-1");
  const selected = await page.$$eval(".mention--selected", (els) => els.map((e) => e.dataset.actor));
  assert.ok(selected.length >= 5);
  assert.ok(selected.every((a) => a === "kim"));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("keyboard: Tab reaches the first mention with a visible focus ring, Enter selects", async () => {
  const page = await openPage(browser, url);
  let focused = null;
  for (let i = 0; i < 10 && !focused?.startsWith("mention-"); i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement?.id);
  }
  assert.equal(focused, "mention-japan-0");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, "solid");
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute("#mention-japan-0", "aria-current"), "true");
  await page.close();
});

test("axe-core finds no violation", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const page = await openPage(browser, url, { colorScheme });
    assert.deepEqual(await axe(page), [], colorScheme);
    await page.close();
  }
});
