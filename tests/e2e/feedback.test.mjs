// Reader feedback, end to end: rate, add a field, attach an image, submit, reload and find it
// kept, export the JSON, refuse an oversize file, survive storage being off, reach the host
// page when embedded, and pass axe-core at desktop and phone sizes. The form is a module of its
// own (assets/feedback.js), loaded only when the reader comes near it: never before, and then
// it replaces the prerendered form; it keeps the form as the Rust rules do (src/feedback/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, serve, openPage, axe, reachFeedback, DESKTOP, PHONE } from "./helpers.mjs";
import { feedbackExport, feedbackFromStorage, feedbackJson, feedbackToStorage } from "../../assets/feedback.js";
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
  await reachFeedback(page);
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

test("the form's module is loaded only when the reader comes near the form", async () => {
  const page = await openPage(browser, site.url);
  const loaded = () => page.evaluate(() => performance.getEntriesByType("resource").filter((r) => /marginalia-feedback-[0-9a-f]+\.js$/.test(r.name)).length);
  await page.waitForTimeout(500);
  assert.equal(await loaded(), 0, "not on the first load");
  assert.equal(await page.locator(".feedback[data-ready]").count(), 0, "the prerendered form stands");
  await reachFeedback(page);
  assert.equal(await loaded(), 1);
  assert.equal(await page.locator('.island[data-island="feedback"] > *').count(), 1, "the live form in place of the prerendered one");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("focus in the prerendered form loads it, and stays where it was", async () => {
  const page = await openPage(browser, site.url, { viewport: PHONE });
  await page.evaluate(() => document.querySelector("#feedback-comment").focus({ preventScroll: true }));
  await page.waitForSelector(".feedback[data-ready]");
  assert.equal(await page.evaluate(() => document.activeElement.id), "feedback-comment");
  await page.keyboard.type("Typed at once.");
  assert.equal(await page.inputValue("#feedback-comment"), "Typed at once.");
  await page.close();
});

test("the single file, opened from disk (file:), has the form inside and makes it live", async () => {
  const file = pathToFileURL(resolve("dist/putin-kim-pact/putin-kim-pact.html")).href;
  const page = await openPage(browser, file);
  await reachFeedback(page);
  await page.fill("#feedback-comment", "From the file.");
  await page.click("button[type=submit]:has-text('Submit feedback')");
  assert.match(await status(page), /kept in this browser/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("rate, add a field, attach, submit; reload keeps it; Clear removes it", async () => {
  const page = await openPage(browser, site.url);
  await reachFeedback(page);
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
  await reachFeedback(page);
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
  await reachFeedback(page);
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
  await reachFeedback(frame);
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

// The form as this browser keeps it and as it leaves, the same bytes as the Rust rules write
// (src/feedback/mod.rs, the_kept_form_is_the_bytes_feedback_js_writes; export.rs,
// the_whole_shape_with_attachments): a form kept before the module existed is read.
const KEPT = {
  ratings: [
    { criterion: "Quality", stars: 4, custom: false },
    { criterion: "Clarity é", stars: 5, custom: true },
  ],
  comment: "“Good” <b>",
  attachments: [{ name: "v.webm", type: "video/webm", bytes: 99, kind: "video" }],
  submitted_at: "2026-11-28T12:00:00Z",
};
const KEPT_HEX =
  "0102075175616c69747904000a436c617269747920c3a905010ee2809c476f6f64e2809d203c623e0106762e7765626d0a766964656f2f7765626d63010114323032362d31312d32385431323a30303a30305a";

test("the form is kept as the Rust rules keep it, and anything else is refused", () => {
  assert.equal(feedbackToStorage(KEPT), KEPT_HEX);
  assert.deepEqual(feedbackFromStorage(KEPT_HEX), KEPT);
  for (const junk of ["", "zz", "abc", "00", "ff".repeat(50), '{"ratings":[]}', KEPT_HEX.slice(0, -2)]) {
    assert.equal(feedbackFromStorage(junk), null, junk);
  }
});

test("the export is the Rust rules' JSON, safe inside HTML", () => {
  const f = {
    ratings: [{ criterion: "Quality", stars: 0, custom: false }],
    comment: "",
    attachments: [{ name: "v<1>.webm", type: "video/webm", bytes: 99, kind: "video" }],
    submitted_at: "2026-11-28T12:00:00Z",
  };
  assert.equal(
    feedbackJson(feedbackExport(f, "T", "2024-06-20")),
    '{"format":"marginalia-feedback","version":1,' +
      '"article":{"title":"T","source_date":"2024-06-20"},' +
      '"submitted_at":"2026-11-28T12:00:00Z",' +
      '"ratings":[{"criterion":"Quality","stars":0,"custom":false}],' +
      '"comment":"",' +
      '"attachments":[{"name":"v\\u003c1\\u003e.webm","type":"video/webm",' +
      '"bytes":99,"kind":"video"}]}',
  );
});
