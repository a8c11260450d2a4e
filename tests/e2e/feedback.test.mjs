// Reader feedback, end to end: rate, add a field, attach an image, submit, reload and find it
// kept, export the JSON, refuse an oversize file, survive storage being off, reach the host
// page when embedded, and pass axe-core at desktop and phone sizes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, serve, openPage, axe, DESKTOP, PHONE } from "./helpers.mjs";
import { png } from "../fixtures/png.mjs";

let browser, site;
before(async () => {
  browser = await launch();
  site = await serve();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});


const status = (page) => page.textContent(".feedback__status");

async function fillForm(page) {
  await page.locator(".feedback").scrollIntoViewIfNeeded();
  // Quality: 4 stars, by keyboard (a radio group: arrows move the choice).
  await page.focus("input[name=rate-quality][value='1']");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.check("input[name=rate-service][value='2']");
  await page.fill("#feedback-new-criterion", "Clarity");
  await page.keyboard.press("Enter");
  await page.check("input[name=rate-clarity][value='5']");
  await page.fill("#feedback-comment", "Clear, and every date says where it comes from.");
  await page.setInputFiles("#feedback-image", { name: "photo.png", mimeType: "image/png", buffer: png() });
  await page.waitForSelector(".feedback__preview");
}

test("rate, add a field, attach, submit; reload keeps it; Clear removes it", async () => {
  const page = await openPage(browser, site.url);
  assert.deepEqual(
    await page.$$eval(".rating__legend", (ls) => ls.map((l) => l.firstChild.textContent)),
    ["Quality", "Price", "Service"],
  );
  await fillForm(page);
  assert.equal(await page.isChecked("input[name=rate-quality][value='4']"), true);
  const typed = "Clear, and every date says where it comes from.".length;
  assert.equal(await page.textContent("#feedback-comment-left"), `${1000 - typed} of 1000 characters left`);
  const natural = await page.$eval(".feedback__preview", (img) => img.naturalWidth);
  assert.equal(natural, 1, "the image preview shows the local file");
  await page.click("button[type=submit]:has-text('Submit feedback')");
  assert.match(await status(page), /kept in this browser/);

  await page.reload();
  await page.waitForSelector(".app[data-ready]");
  await page.waitForFunction(() => document.querySelector("#feedback-comment").value.length > 0);
  assert.equal(await page.isChecked("input[name=rate-quality][value='4']"), true);
  assert.equal(await page.isChecked("input[name=rate-clarity][value='5']"), true);
  assert.match(await page.textContent(".feedback__attachments"), /photo\.png \(image, 1 KB\)/);
  assert.match(await status(page), /is kept in this browser/);

  await page.click(".feedback__actions button:has-text('Clear')");
  assert.equal(await page.inputValue("#feedback-comment"), "");
  assert.equal(await page.locator("input[name=rate-clarity]").count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("marginalia.feedback"))), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("Download JSON gives the ratings, the comment and the file's description", async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForSelector(".app[data-ready]");
  await fillForm(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("button:has-text('Download JSON')")]);
  assert.equal(download.suggestedFilename(), "marginalia-feedback.json");
  const json = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(json.format, "marginalia-feedback");
  assert.equal(json.version, 1);
  assert.equal(json.article.title, "Japan and South Korea sound alarm over Putin-Kim military pact");
  assert.deepEqual(json.ratings, [
    { criterion: "Quality", stars: 4, custom: false },
    { criterion: "Price", stars: 0, custom: false },
    { criterion: "Service", stars: 2, custom: false },
    { criterion: "Clarity", stars: 5, custom: true },
  ]);
  assert.equal(json.comment, "Clear, and every date says where it comes from.");
  assert.equal(json.attachments[0].name, "photo.png");
  assert.equal(json.attachments[0].type, "image/png");
  await context.close();
});

test("an oversize or wrong-type file is refused with a message", async () => {
  const page = await openPage(browser, site.url, { viewport: PHONE });
  await page.locator(".feedback").scrollIntoViewIfNeeded();
  await page.setInputFiles("#feedback-image", { name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(6 * 1024 * 1024) });
  assert.equal(await status(page), "“huge.png” is 6.0 MB; the limit for an image is 5.0 MB.");
  await page.setInputFiles("#feedback-video", { name: "clip.png", mimeType: "image/png", buffer: png() });
  assert.equal(await status(page), "“clip.png” is not a video this form takes (mp4, webm).");
  assert.equal(await page.locator(".feedback__attachment").count(), 0);
  await page.close();
});

test("storage off: a clear message, and nothing typed is lost", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForSelector(".app[data-ready]");
  await fillForm(page);
  await page.click("button[type=submit]:has-text('Submit feedback')");
  assert.match(await status(page), /won’t store your feedback .* nothing you typed is lost/);
  assert.equal(await page.inputValue("#feedback-comment"), "Clear, and every date says where it comes from.");
  assert.equal(await page.isChecked("input[name=rate-clarity][value='5']"), true);
  await context.close();
});

test("embedded by a site the author did not allow: the feedback stays in the frame", async () => {
  // The seed's meta.toml allows no site (`[feedback] parent_origins`), so the host page that
  // embeds it receives nothing; security.test.mjs checks an allowed site on another origin.
  const page = await openPage(browser, site.root + "examples/iframe.html", { waitFor: "iframe" });
  await page.evaluate(() => {
    window.received = [];
    addEventListener("message", (e) => e.data?.type === "marginalia:feedback" && window.received.push(e.data));
  });
  const frame = page.frames()[1];
  await frame.waitForSelector(".app[data-ready]");
  assert.equal(await frame.locator(".feedback__recipient").count(), 0, "no receiving site is named");
  await frame.fill("#feedback-comment", "From inside the embed.");
  await frame.click("button[type=submit]:has-text('Submit feedback')");
  await frame.waitForFunction(() => document.querySelector(".feedback__status").textContent.length > 0);
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.received), []);
  assert.doesNotMatch(await frame.textContent(".feedback__status"), /passed to the site/);
  await page.close();
});

for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`axe-core: no violation in the filled form (${name})`, async () => {
    const page = await openPage(browser, site.url, { viewport });
    await fillForm(page);
    await page.setInputFiles("#feedback-image", { name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(6 * 1024 * 1024) });
    assert.deepEqual(await axe(page), []);
    await page.close();
  });
}
