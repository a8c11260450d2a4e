// Reader feedback kept across a reload: a comment and an attached image, submitted, are back
// after the page is reloaded. The file goes in through each engine's own file-input path
// (Playwright's setInputFiles, BiDi input.setFiles, WebDriver Element Send Keys).
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { journeys, it, withPage } from "./site.mjs";
import { png } from "../fixtures/png.mjs";


const dir = mkdtempSync(join(tmpdir(), "engines-feedback-"));
const image = join(dir, "photo.png");
writeFileSync(image, png());
after(() => rmSync(dir, { recursive: true, force: true }));

const COMMENT = "Clear, and every date says where it comes from.";
const statusText = () => document.querySelector(".feedback__status")?.textContent ?? "";

/** Scrolls to the feedback form, as a reader comes to it: its module is loaded then
 * (assets/later.js), and the live form replaces the prerendered one. */
async function reachFeedback(page) {
  await page.evaluate(() => document.querySelector('.island[data-island="feedback"] > *').scrollIntoView({ block: "center", behavior: "instant" }));
  await page.waitFor(() => !!document.querySelector(".feedback[data-ready]"));
}

journeys("feedback", (ctx) => {
  it(`a comment and an image, submitted, are back after a reload [${ctx.engine}]`, () =>
    withPage(ctx, ctx.site.url, {}, async (page) => {
      await reachFeedback(page);
      await page.click("#feedback-comment");
      await page.type(COMMENT);
      assert.equal(await page.evaluate(() => document.querySelector("#feedback-comment").value), COMMENT);
      assert.equal(await page.text("#feedback-comment-left"), `${1000 - COMMENT.length} of 1000 characters left`);
      await page.upload("#feedback-image", image);
      await page.waitFor(() => document.querySelector(".feedback__preview")?.naturalWidth === 1);

      const submit = await page.evaluate(() => {
        const b = [...document.querySelectorAll("button[type=submit]")].find((b) => /Submit feedback/.test(b.textContent));
        b.id ||= "engines-submit";
        return `#${b.id}`;
      });
      // Scrolled to as a reader does: WebKitWebDriver's Element Click did not bring the live
      // form's Submit into view by itself here (just below the fold once the form is reached).
      await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: "center", behavior: "instant" }), submit);
      await page.click(submit);
      await page.waitFor(() => /kept in this browser/.test(document.querySelector(".feedback__status")?.textContent ?? ""), { args: [] });

      await page.reload();
      await page.ready();
      await reachFeedback(page);
      await page.waitFor(() => document.querySelector("#feedback-comment").value.length > 0);
      assert.equal(await page.evaluate(() => document.querySelector("#feedback-comment").value), COMMENT);
      assert.match(await page.text(".feedback__attachments"), /photo\.png \(image, 1 KB\)/);
      assert.match(await page.evaluate(statusText), /is kept in this browser/);
      assert.deepEqual(await page.errors(), []);
    }));
});
