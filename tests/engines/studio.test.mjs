// The studio's core flow (README "The studio") in each engine: the seed's text pasted without
// its marks and its meta typed in, drafted, the preview showing the suggestions, three of them
// confirmed by keyboard (j, c), words selected in the preview opening the mark form (m, Esc),
// and the folder downloaded as a .zip whose six files hold the confirmed entries without their
// status lines. *Save to folder* shows exactly where the browser has `showDirectoryPicker`.
//
// The text is put in the box as a paste puts it (the value, then one `input` event): typing an
// article key by key through WebDriver would take minutes. The download is read in the page:
// the drivers cannot all save a download where a test can read it (WebKit's MiniBrowser asks
// where to save, puppeteer's Firefox over BiDi has no download events), so the test wraps
// `URL.createObjectURL` and the anchor's `click` before the click on Download, keeps the Blob the
// studio hands to the browser (the bytes the browser would save) and the file name, and lets no
// download start. The zip's bytes are then read from that Blob and unpacked here.
import assert from "node:assert/strict";
import { journeys, it, DESKTOP, PHONE } from "./site.mjs";
import { pasted, FORM, SLUG, FILES, unzip } from "../studio-seed.mjs";

// In the page: the text pasted and the form filled, each field given one `input` event.
function fill(text, form) {
  const put = (el, value) => {
    el.value = value;
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  };
  put(document.querySelector("#studio-text"), text);
  for (const [key, value] of Object.entries(form)) put(document.querySelector(`#meta-${key}`), value);
  return true;
}

// In the page: downloads caught (the Blob and the name), none started.
function catchDownloads() {
  window.__downloads = [];
  const blobs = new Map();
  const create = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const url = create.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (!this.download) return click.call(this);
    window.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
  };
  return true;
}

// In the page: the last download's name, type and bytes (base64).
async function lastDownload() {
  const d = window.__downloads.at(-1);
  const bytes = new Uint8Array(await d.blob.arrayBuffer());
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return { name: d.name, type: d.blob.type, base64: btoa(binary) };
}

// In the page: “Seoul” selected in the preview's text, as a writer's drag selects it.
function selectSeoul() {
  const leaf = [...document.querySelectorAll(".studio__preview .article__body p")].find((p) => p.textContent.includes("think-tank in Seoul"));
  const walker = document.createTreeWalker(leaf, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf("Seoul");
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + "Seoul".length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return true;
  }
  return false;
}

const left = () => Number(document.querySelector("[data-left]")?.dataset.left ?? -1);

journeys("studio", (ctx) => {
  for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    it(`paste, draft, confirm by keyboard, download (${size}) [${ctx.engine}]`, async () => {
      const page = await ctx.browser.newPage(viewport);
      try {
        await page.goto(`${ctx.site.root}studio/`);
        await page.waitForSelector("#studio-text", { timeout: 30_000 });
        await page.evaluate(fill, pasted, FORM);
        await page.waitFor((t) => document.querySelector("#meta-title").value === t, { args: [FORM.title] });
        await page.click("button[type=submit]");
        await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 30_000 });
        // The draft in the viewer: dashed marks and Suggested badges, and the list.
        assert.ok(await page.evaluate(() => document.querySelectorAll(".studio__preview .mention--suggested").length > 50));
        assert.ok(await page.evaluate(() => document.querySelectorAll(".studio__preview .badge--suggested").length > 10));
        const before = await page.evaluate(left);
        assert.ok(before > 30, `${before} suggestions`);
        assert.equal(before, await page.evaluate(() => document.querySelectorAll(".suggestion").length));

        // By keyboard: j to the second suggestion, c confirms it (gone from the list), twice more.
        await page.press("j");
        await page.waitFor(() => document.querySelectorAll(".suggestion")[1]?.classList.contains("suggestion--current"));
        const second = await page.attr(".suggestion--current", "data-id");
        for (let n = 1; n <= 3; n++) {
          await page.press("c");
          await page.waitFor((m) => Number(document.querySelector("[data-left]").dataset.left) === m, { args: [before - n] });
        }
        assert.equal(await page.evaluate((id) => !!document.querySelector(`.suggestion[data-id="${id}"]`), second), false);
        assert.match(await page.text(".studio__preview"), /Putin/);

        // Words selected in the preview: m opens the mark form on them, Esc closes it.
        assert.ok(await page.evaluate(selectSeoul));
        await page.waitFor(() => !document.querySelector(".studio__marker button").disabled);
        await page.press("m");
        await page.waitForSelector("#mark-form");
        assert.equal(await page.text(".studio__mark-words"), "“Seoul”");
        await page.press("Escape");
        await page.waitFor(() => !document.querySelector("#mark-form"));
        // Save to folder where the browser can write into a picked folder, and only there.
        assert.equal(
          await page.evaluate(() => !!document.querySelector(".studio__save")),
          await page.evaluate(() => typeof window.showDirectoryPicker === "function"),
        );

        // Download: the zip's name, type and six files, three fewer status lines.
        await page.evaluate(catchDownloads);
        await page.click(".studio__bar .studio__button--primary");
        await page.waitFor(() => window.__downloads.length === 1);
        const download = await page.evaluate(lastDownload);
        assert.equal(download.name, `${SLUG}.zip`);
        assert.equal(download.type, "application/zip");
        const entries = unzip(new Uint8Array(Buffer.from(download.base64, "base64")));
        assert.deepEqual(Object.keys(entries), FILES.map((f) => `${SLUG}/${f}`));
        assert.match(entries[`${SLUG}/meta.toml`], /^title = "Japan and South Korea sound alarm over Putin-Kim military pact"$/m);
        assert.match(entries[`${SLUG}/article.md`], /\]\(actor:putin\)/);
        const statusLines = Object.values(entries).join("").match(/^status = "suggested"$/gm).length;
        assert.equal(statusLines, before - 3);
        assert.deepEqual(await page.errors(), []);
      } finally {
        await page.close();
      }
    });
  }
});
