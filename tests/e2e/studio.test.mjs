// The studio (dist/studio/, README "The studio"), served by `marginalia serve`: the seed's text
// pasted with its marks taken out and its meta typed into the form, drafted, the draft shown in
// the viewer with its suggestions dashed and badged, one suggestion confirmed by keyboard (the
// time from the key to the refreshed preview read off the page and printed), the folder
// downloaded as a .zip holding its six files, and the work still there after a reload. Then the
// round trip: the seed's folder opened as it is (the folder picked, and its files picked
// together), downloaded unchanged (each entry byte for byte the file in content/), and after one
// fix in the Files panel (one line of one file changed, nothing else).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, startServer, axe, marginalia, DESKTOP, PHONE } from "./helpers.mjs";
import { SEED, pasted, FORM, SLUG, FILES, unzip, unzipBytes } from "../studio-seed.mjs";

let browser, site;
before(async () => {
  mkdirSync("target/screenshots", { recursive: true });
  browser = await launch();
  site = await startServer();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

async function studioPage(viewport) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  await page.goto(`${site.url}studio/`);
  await page.waitForSelector("#studio-text", { timeout: 20000 });
  return page;
}

const left = (page) => page.getAttribute("[data-left]", "data-left").then(Number);

/** In the page: whether some work kept in the studio's IndexedDB store holds `text` (asked
 * once the studio has opened its database). */
function keptIncludes(text) {
  return new Promise((ok, fail) => {
    const open = indexedDB.open("marginalia-studio");
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("work")) return ok(false);
      const all = db.transaction("work").objectStore("work").getAll();
      all.onsuccess = () => ok(all.result.some((v) => v.includes(text)));
      all.onerror = () => fail(all.error);
    };
  });
}

/** In the page: the studio's keys in localStorage. */
const localKeys = () => Object.keys(localStorage).filter((k) => k.startsWith("marginalia.studio."));

test("paste the seed, draft, confirm one suggestion by keyboard, download the folder, reload", async () => {
  const page = await studioPage(DESKTOP);
  await page.fill("#studio-text", pasted);
  for (const [key, value] of Object.entries(FORM)) await page.fill(`#meta-${key}`, value);
  const drafting = Date.now();
  await page.click("button[type=submit]");
  await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
  console.log(`studio: drafted, checked and previewed the seed in ${Date.now() - drafting} ms (click to preview, Playwright's clock)`);
  // The draft in the viewer: dashed marks and Suggested badges.
  assert.ok((await page.$$(".studio__preview .mention--suggested")).length > 50);
  assert.ok((await page.$$(".studio__preview .badge--suggested")).length > 10);
  const before = await left(page);
  assert.equal(before, (await page.$$(".suggestion")).length);
  assert.ok(before > 30, `${before} suggestions`);
  await page.screenshot({ path: "target/screenshots/studio-desktop.png" });

  // The keys, listed under ?.
  await page.keyboard.press("?");
  assert.match(await page.textContent(".studio__help"), /confirm the suggestion/);
  await page.keyboard.press("Escape");
  assert.equal(await page.$(".studio__help"), null);

  // j moves on; c confirms the current one: one fewer left, its status lines gone.
  await page.keyboard.press("j");
  const current = await page.getAttribute(".suggestion--current", "data-id");
  await page.keyboard.press("c");
  await page.waitForFunction((n) => Number(document.querySelector("[data-left]").dataset.left) === n - 1, before);
  assert.equal(await page.$(`.suggestion[data-id="${current}"]`), null);
  // Five more confirms, each timed from the key to the refreshed preview.
  const timings = [];
  for (let i = 0; i < 5; i++) {
    const n = await left(page);
    await page.keyboard.press("c");
    await page.waitForFunction((m) => Number(document.querySelector("[data-left]").dataset.left) === m - 1, n);
    await page.waitForSelector("[data-refresh-ms]");
    timings.push(Number(await page.getAttribute("[data-check-ms]", "data-check-ms")));
    timings.push(Number(await page.getAttribute("[data-refresh-ms]", "data-refresh-ms")));
  }
  const checks = timings.filter((_, i) => i % 2 === 0);
  const refreshes = timings.filter((_, i) => i % 2 === 1);
  console.log(`studio: seed re-checked in ${checks.join(", ")} ms; key to refreshed preview ${refreshes.join(", ")} ms`);
  assert.ok(Math.min(...refreshes) < 1000, "a confirm refreshes the preview within a second");
  assert.match(await page.textContent(".studio__preview"), /Putin/);

  // The folder as a .zip of its six files, the confirmed entry without its status lines.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Download")]);
  assert.equal(download.suggestedFilename(), `${SLUG}.zip`);
  const entries = unzip(readFileSync(await download.path()));
  assert.deepEqual(Object.keys(entries), FILES.map((f) => `${SLUG}/${f}`));
  assert.match(entries[`${SLUG}/meta.toml`], /^title = "Japan and South Korea sound alarm over Putin-Kim military pact"$/m);
  assert.match(entries[`${SLUG}/article.md`], /\]\(actor:putin\)/);
  const statusLines = Object.values(entries).join("").match(/^status = "suggested"$/gm).length;
  assert.equal(statusLines, before - 6);

  // The work is kept across a reload, in IndexedDB (and nothing in localStorage).
  await page.waitForFunction(keptIncludes, `"page_date_text":"${FORM.page_date_text}"`);
  assert.deepEqual(await page.evaluate(localKeys), []);
  await page.reload();
  await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
  assert.equal(await left(page), before - 6);
  assert.deepEqual(page.errors, []);

  // The phone.
  const phone = await browser.newContext({ viewport: PHONE });
  const phonePage = await phone.newPage();
  await phonePage.goto(`${site.url}studio/`);
  await phonePage.waitForSelector("#studio-text", { timeout: 20000 });
  await phonePage.fill("#studio-text", pasted);
  for (const [key, value] of Object.entries(FORM)) await phonePage.fill(`#meta-${key}`, value);
  await phonePage.screenshot({ path: "target/screenshots/studio-phone-start.png" });
  await phonePage.click("button[type=submit]");
  await phonePage.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
  await phonePage.screenshot({ path: "target/screenshots/studio-phone.png" });
  await phone.close();
});

const SEED_FILES = FILES.filter((f) => f !== "draft.toml");

/** Downloads the folder open in `page`: its zip's name and entries (bytes). */
async function downloadFolder(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Download")]);
  return { name: download.suggestedFilename(), entries: unzipBytes(readFileSync(await download.path())) };
}

test("round trip: the seed's folder opened and downloaded unchanged is byte-identical; one fix, one line", async () => {
  const page = await studioPage(DESKTOP);
  // The folder itself (webkitdirectory): its name is the zip's and the folder's in it.
  await page.setInputFiles("#studio-open-folder", SEED);
  await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
  assert.equal(await left(page), 0, "a written article has nothing to review");
  assert.equal(await page.$(".studio__side .studio__warning"), null, "the seed passes the checker");
  assert.equal(await page.$(".studio__preview .mention--suggested"), null);
  assert.match(await page.textContent(".studio__preview"), /Putin/);
  const { name, entries } = await downloadFolder(page);
  assert.equal(name, "putin-kim-pact.zip");
  assert.deepEqual(Object.keys(entries), SEED_FILES.map((f) => `putin-kim-pact/${f}`), "the seed's five files, no draft.toml added");
  for (const f of SEED_FILES) {
    assert.ok(Buffer.from(entries[`putin-kim-pact/${f}`]).equals(readFileSync(`${SEED}/${f}`)), `${f} byte for byte`);
  }

  // One fix in the Files panel: that line of that file, nothing else.
  await page.click(".studio__files summary");
  await page.selectOption("#studio-file-pick", "events.toml");
  const events = readFileSync(`${SEED}/events.toml`, "utf8");
  const fixed = events.replace('treaty signed in Moscow"', 'treaty signed at Moscow"');
  assert.notEqual(fixed, events);
  await page.fill(".studio__source", fixed);
  await page.locator(".studio__source").blur();
  // Applied when the field is left, and kept in the browser.
  await page.waitForFunction(keptIncludes, "signed at Moscow");
  const after = (await downloadFolder(page)).entries;
  for (const f of SEED_FILES) {
    const was = readFileSync(`${SEED}/${f}`, "utf8").split("\n");
    const now = new TextDecoder().decode(after[`putin-kim-pact/${f}`]).split("\n");
    assert.equal(now.length, was.length, f);
    const changed = now.filter((line, i) => line !== was[i]);
    assert.deepEqual(changed, f === "events.toml" ? ['title = "Soviet–North Korean treaty signed at Moscow"'] : [], f);
  }

  // Kept across a reload, the fix with it.
  await page.reload();
  await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
  assert.ok(Buffer.from((await downloadFolder(page)).entries["putin-kim-pact/events.toml"]).equals(Buffer.from(fixed)));
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // Its files picked together (no folder name from the browser: the title's), as they are.
  const files = await studioPage(DESKTOP);
  await files.setInputFiles("#studio-open-files", SEED_FILES.map((f) => `${SEED}/${f}`));
  await files.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
  const picked = await downloadFolder(files);
  assert.equal(picked.name, `${SLUG}.zip`);
  for (const f of SEED_FILES) assert.ok(Buffer.from(picked.entries[`${SLUG}/${f}`]).equals(readFileSync(`${SEED}/${f}`)), f);
  assert.deepEqual(files.errors, []);
  await files.context().close();
});

test("the contents page leads to the studio", async () => {
  const page = await browser.newPage();
  await page.goto(site.url);
  await page.click("text=Write an article");
  await page.waitForSelector("#studio-text", { timeout: 20000 });
  assert.match(page.url(), /\/studio\/$/);
  await page.close();
});

// axe-core in every state of the studio, on a desktop and on a phone: the start form (filled),
// mid-review (one suggestion confirmed, the next current), the Files panel open, the checker's
// errors shown (a file broken by hand), and the list of keys open.
const AXE_STATES = [
  ["start form", async () => {}],
  ["mid-review", async (page) => {
    await draftSeed(page);
    await page.keyboard.press("j");
    await page.keyboard.press("c");
    await page.waitForSelector("[data-refresh-ms]");
  }],
  ["files view", async (page) => {
    await draftSeed(page);
    await page.click(".studio__files summary");
    await page.waitForSelector(".studio__source");
  }],
  ["errors shown", async (page) => {
    await draftSeed(page);
    await page.click(".studio__files summary");
    await page.selectOption("#studio-file-pick", "quotes.toml");
    await page.fill(".studio__source", "[[quote]\n");
    await page.locator(".studio__source").blur();
    await page.waitForSelector(".studio__errors");
  }],
  ["help open", async (page) => {
    await draftSeed(page);
    await page.keyboard.press("?");
    await page.waitForSelector(".studio__help");
  }],
];

/** Fills the start form with the seed's text and meta, and drafts. */
async function draftSeed(page) {
  await page.fill("#studio-text", pasted);
  for (const [key, value] of Object.entries(FORM)) await page.fill(`#meta-${key}`, value);
  await page.click("button[type=submit]");
  await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
}

test("axe-core finds no violation in any state of the studio, desktop and phone", async (t) => {
  for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    for (const [state, arrange] of AXE_STATES) {
      await t.test(`${state} (${size})`, async () => {
        const page = await studioPage(viewport);
        if (state === "start form") {
          await page.fill("#studio-text", pasted);
          for (const [key, value] of Object.entries(FORM)) await page.fill(`#meta-${key}`, value);
        }
        await arrange(page);
        const violations = await axe(page);
        assert.deepEqual(violations, [], `${state} (${size}): ${JSON.stringify(violations, null, 1)}`);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      });
    }
  }
});

/** A new page of the studio whose browser refuses what `refuse` says, from its first script. */
async function refusingPage(refuse) {
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript((what) => {
    const error = (name) => new DOMException(`refused in this test (${name})`, name);
    if (what.includes("indexedDB")) {
      Object.defineProperty(window, "indexedDB", { get: () => { throw error("SecurityError"); } });
    }
    if (what.includes("idb-full")) {
      IDBObjectStore.prototype.put = () => { throw error("QuotaExceededError"); };
    }
    if (what.includes("localStorage")) {
      Storage.prototype.setItem = () => { throw error("QuotaExceededError"); };
    }
  }, refuse);
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(`${site.url}studio/`);
  await page.waitForSelector("#studio-text", { timeout: 20000 });
  return page;
}

test("the work kept: localStorage where IndexedDB is refused; a refused or full store is said, nothing on screen lost", async () => {
  // IndexedDB refused: kept in localStorage, and back after a reload.
  const page = await refusingPage(["indexedDB"]);
  await draftSeed(page);
  const before = await left(page);
  await page.keyboard.press("c");
  await page.waitForFunction((n) => Number(document.querySelector("[data-left]").dataset.left) === n - 1, before);
  await page.waitForFunction((t) => Object.values(localStorage).some((v) => v.includes(t)), FORM.page_date_text);
  assert.equal(await page.$(".studio__warning"), null);
  await page.reload();
  await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
  assert.equal(await left(page), before - 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // Both refused, or IndexedDB full: said on screen, and the review goes on.
  for (const [refuse, words] of [[["indexedDB", "localStorage"], /not kept in this browser: .*full/], [["idb-full"], /not kept in this browser: .*full/]]) {
    const refused = await refusingPage(refuse);
    await draftSeed(refused);
    const warning = await refused.waitForSelector(".studio__warning[role=alert]");
    assert.match(await warning.textContent(), words, refuse.join("+"));
    assert.match(await warning.textContent(), /download the \.zip/);
    const n = await left(refused);
    await refused.keyboard.press("c");
    await refused.waitForFunction((m) => Number(document.querySelector("[data-left]").dataset.left) === m - 1, n);
    assert.ok(await refused.$(".studio__preview .article__body"));
    assert.deepEqual(await axe(refused), [], "axe with the warning shown");
    assert.deepEqual(refused.errors, []);
    await refused.context().close();
  }
});

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The seed as a news site would serve it: its paragraphs in an <article>, around it what is
 * not the article (navigation, a header and footer, a comment form, scripts and handlers that
 * would mark the page if they ever ran). */
function savedPage() {
  const paragraphs = pasted.trim().split(/\n\n+/);
  return {
    paragraphs,
    html: `<!DOCTYPE html><html><head><title>Japan and South Korea | The Site</title>
<script>window.__pwned = "head script"</script></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav><p>Subscribe</p></header>
<!-- <p>a comment</p> -->
<article><h1>${escape(FORM.title)}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
<img src="x.png" onerror="window.__pwned = 'onerror'"><iframe srcdoc="<script>parent.__pwned = 'frame'</script>"></iframe>
<form><label>Your comment <textarea>text</textarea></label><button>Send</button></form>
</article><section id="comments"><p>First!</p></section>
<footer><p>© The Site</p></footer><script>window.__pwned = "body script"</script></body></html>`,
  };
}

test("an article's saved page, opened or dropped: its title and paragraphs, nothing of it run; it drafts", async () => {
  const { paragraphs, html } = savedPage();
  const page = await studioPage(DESKTOP);
  await page.setInputFiles("#studio-open-text", { name: "story.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.waitForFunction((t) => document.querySelector("#meta-title").value === t, FORM.title);
  assert.equal(await page.inputValue("#studio-text"), paragraphs.join("\n\n"));
  assert.match(await page.textContent(".studio__start .studio__notice"), new RegExp(`Read ${paragraphs.length} paragraphs`));
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "nothing of the page ran");
  assert.deepEqual(await axe(page), [], "axe with the page's notice shown");
  await page.screenshot({ path: "target/screenshots/studio-saved-page.png" });
  // It drafts as the pasted text does.
  for (const [key, value] of Object.entries(FORM)) await page.fill(`#meta-${key}`, value);
  await page.click("button[type=submit]");
  await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
  assert.ok((await left(page)) > 30);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.context().close();

  // Dropped on the text box (a file, as a drag from the desktop gives it).
  const dropped = await studioPage(DESKTOP);
  const transfer = await dropped.evaluateHandle((source) => {
    const data = new DataTransfer();
    data.items.add(new File([source], "saved.htm", { type: "text/html" }));
    return data;
  }, html);
  await dropped.dispatchEvent("#studio-text", "drop", { dataTransfer: transfer });
  await dropped.waitForFunction((t) => document.querySelector("#studio-text").value.startsWith(t), paragraphs[0]);
  assert.equal(await dropped.inputValue("#meta-title"), FORM.title);
  assert.equal(await dropped.evaluate(() => window.__pwned), undefined);
  assert.deepEqual([...page.errors, ...dropped.errors], []);
  await dropped.context().close();
});

/** The text of `file` in the Files panel. */
async function fileText(page, file) {
  if (!(await page.$(".studio__files[open]"))) await page.click(".studio__files summary");
  await page.selectOption("#studio-file-pick", file);
  return page.inputValue(".studio__source");
}

test("a suggestion edited in its form: e reaches it, each field rewrites its own line", async () => {
  const page = await studioPage(DESKTOP);
  await draftSeed(page);
  const first = await page.getAttribute(".suggestion--current", "data-id");
  assert.equal(await page.getAttribute(".suggestion--current", "data-kind"), "actor");
  const actors = await fileText(page, "actors.toml");
  // e focuses the form's first field; the role typed and left (Tab).
  await page.locator(".studio__source").blur();
  await page.click(".studio__suggestions h2");
  const name = await page.inputValue("#suggestion-field-name");
  await page.keyboard.press("e");
  assert.equal(await page.evaluate(() => document.activeElement.id), "suggestion-field-name");
  assert.equal(await page.inputValue("#suggestion-field-name"), name, "the e is not typed");
  await page.fill("#suggestion-field-role", "Test role");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => document.querySelector(".studio__source").value.includes('role = "Test role"'));
  // Esc leaves the form: j moves on again, and back.
  await page.focus("#suggestion-field-role");
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => document.activeElement.closest("#suggestion-form")), null);
  await page.keyboard.press("j");
  await page.waitForFunction((id) => document.querySelector(".suggestion--current").dataset.id !== id, first);
  await page.keyboard.press("k");
  await page.waitForFunction((id) => document.querySelector(".suggestion--current").dataset.id === id, first);
  const edited = await fileText(page, "actors.toml");
  const was = actors.split("\n");
  const now = edited.split("\n");
  assert.equal(now.length, was.length);
  assert.deepEqual(now.filter((l, i) => l !== was[i]), ['role = "Test role"']);
  // Still the current suggestion, still to review; the kind from its list.
  assert.equal(await page.getAttribute(".suggestion--current", "data-id"), first);
  await page.selectOption("#suggestion-field-kind", "organisation");
  await page.waitForFunction(() => document.querySelector(".suggestion--current .suggestion__label").textContent.includes("(organisation)"));

  // A quote's speakers, and an event's precision (never finer than its date).
  await page.click('.suggestion[data-kind="quote"] .suggestion__what');
  const quote = await page.getAttribute(".suggestion--current", "data-id");
  await page.fill("#suggestion-field-speakers", "putin, kim");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => document.querySelector(".suggestion--current .suggestion__label").textContent.includes("(putin, kim)"));
  assert.match(await fileText(page, "quotes.toml"), new RegExp(`id = "${quote}"\\n(.*\\n)*?speakers = \\["putin", "kim"\\]`));
  // An event dated to the day (the drafter's list: "date: title").
  const day = await page.$$eval('.suggestion[data-kind="event"]', (items) =>
    items.find((i) => /^\d{4}-\d{2}-\d{2}:/.test(i.querySelector(".suggestion__label").textContent)).dataset.id);
  await page.click(`.suggestion[data-id="${day}"] .suggestion__what`);
  const date = await page.inputValue("#suggestion-field-date");
  assert.match(date, /^\d{4}-\d{2}-\d{2}/);
  await page.selectOption("#suggestion-field-precision", "month");
  await page.waitForFunction((d) => document.querySelector("#suggestion-field-date").value === d, date.slice(0, 7));
  assert.equal(await page.$eval("#suggestion-field-precision option[value=day]", (o) => o.disabled), true, "never finer than the date");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("checker errors in place: under the suggestion they concern and above the file, with the list's words", async () => {
  const page = await studioPage(DESKTOP);
  await draftSeed(page);
  const actors = await fileText(page, "actors.toml");
  const id = await page.getAttribute(".suggestion--current", "data-id");
  // The first suggestion's kind broken by hand.
  const broken = actors.replace(new RegExp(`(id = "${id}"\\nname = .*\\nkind = )"[a-z]+"`), '$1"planet"');
  assert.notEqual(broken, actors);
  await page.fill(".studio__source", broken);
  await page.locator(".studio__source").blur();
  const inPlace = await page.waitForSelector(`.suggestion[data-id="${id}"] .suggestion__errors`);
  const words = (await inPlace.textContent()).trim();
  assert.match(words, /actors\.toml:\d+:\d+: /);
  assert.ok((await page.textContent(".studio__errors")).includes(words), "the same words as the list");
  // Above the file, a link to its line: the line selected in the text.
  const line = Number(words.match(/actors\.toml:(\d+):/)[1]);
  await page.click(`.studio__file-errors button:has-text("Line ${line}")`);
  const selected = await page.evaluate(() => {
    const area = document.querySelector(".studio__source");
    return area.value.slice(area.selectionStart, area.selectionEnd);
  });
  assert.equal(selected, broken.split("\n")[line - 1]);
  await page.screenshot({ path: "target/screenshots/studio-errors-in-place.png" });
  // Fixed: gone from both.
  await page.fill(".studio__source", actors);
  await page.locator(".studio__source").blur();
  await page.waitForFunction(() => !document.querySelector(".suggestion__errors") && !document.querySelector(".studio__errors"));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the work kept even when a database of the studio's name has no store (made elsewhere at its version)", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript(() => {
    if (sessionStorage.getItem("made")) return;
    sessionStorage.setItem("made", "1");
    const open = indexedDB.open("marginalia-studio", 1);
    open.onsuccess = () => open.result.close();
  });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(`${site.url}studio/`);
  await page.waitForSelector("#studio-text", { timeout: 20000 });
  await draftSeed(page);
  await page.waitForFunction(keptIncludes, `"page_date_text":"${FORM.page_date_text}"`);
  assert.equal(await page.$(".studio__warning"), null);
  assert.equal(await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open("marginalia-studio");
    open.onsuccess = () => { ok(open.result.version); open.result.close(); };
  })), 2, "opened again one version up");
  await page.reload();
  await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
  assert.deepEqual(page.errors, []);
  await context.close();
});

/**
 * Selects `words` in the preview's text (its `n`th occurrence in the paragraph whose text holds
 * `within`), as a writer's drag would: a Range set as the page's Selection.
 */
async function selectInPreview(page, within, words, n = 0) {
  await page.evaluate(([within, words, n]) => {
    const body = document.querySelector(".studio__preview .article__body");
    const leaf = [...body.querySelectorAll("p, h2, h3, h4")].find((p) => p.textContent.includes(within));
    let at = -1;
    for (let i = 0; i <= n; i++) at = leaf.textContent.indexOf(words, at + 1);
    if (at < 0) throw new Error(`“${words}” is not in the paragraph`);
    // The text node and offset of a character offset of the paragraph (the start in the node
    // that holds the character, the end in the node that holds the one before).
    const place = (offset, end) => {
      const walker = document.createTreeWalker(leaf, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (end ? seen + node.length >= offset : seen + node.length > offset) return [node, offset - seen];
        seen += node.length;
      }
      throw new Error("past the paragraph");
    };
    const range = document.createRange();
    range.setStart(...place(at, false));
    range.setEnd(...place(at + words.length, true));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }, [within, words, n]);
}

/** Opens the mark form on `words` with `m`, and waits for it. */
async function markForm(page, within, words, n = 0) {
  await selectInPreview(page, within, words, n);
  await page.waitForSelector(".studio__marker button:not([disabled])");
  await page.keyboard.press("m");
  await page.waitForSelector("#mark-form");
}

/** Replaces the text of `file` in the Files panel, applied when the field is left. */
async function editFile(page, file, change) {
  const text = await fileText(page, file);
  const changed = change(text);
  assert.notEqual(changed, text, file);
  await page.fill(".studio__source", changed);
  await page.locator(".studio__source").blur();
}

/** The seed's folder, opened as it is. */
async function openSeed(page) {
  await page.setInputFiles("#studio-open-folder", SEED);
  await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 20000 });
}

const QUOTE_ENTRY = readFileSync(`${SEED}/quotes.toml`, "utf8").match(/\[\[quote\]\]\nid = "putin-military-technical"\n(?:.+\n)+\n/)[0];

test("what the draft missed, marked from a selection: an actor, a quote and an event; the folder passes check", async () => {
  const page = await studioPage(DESKTOP);
  await openSeed(page);
  assert.equal(await page.$(".studio__marker button:not([disabled])"), null, "nothing selected: the button is off");
  // The seed as a draft might leave it: “Tokyo” unmarked (a warning) and Putin's words
  // unquoted (an error: the preview keeps the last article that built).
  const tokyoMarked = (want) => [...document.querySelectorAll('.studio__preview a.mention[data-actor="japan"]')].some((a) => a.textContent === "Tokyo") === want;
  assert.ok(await page.evaluate(tokyoMarked, true));
  await editFile(page, "article.md", (t) => t.replace("[Tokyo](actor:japan)", "Tokyo"));
  await page.waitForFunction(tokyoMarked, false);
  await editFile(page, "quotes.toml", (t) => t.replace(QUOTE_ENTRY, ""));
  await page.waitForSelector(".studio__errors");

  // The quote: the words verbatim, its speaker chosen.
  await markForm(page, "military technical co-operation", "military technical co-operation");
  assert.equal(await page.textContent(".studio__mark-words"), "“military technical co-operation”");
  await page.check('input[name=mark-kind][value=quote]');
  await page.selectOption("#mark-speakers", ["putin"]);
  await page.fill("#mark-context", "Putin on what the strategic partnership could also include.");
  await page.click("#mark-form button[type=submit]");
  await page.waitForSelector('.studio__preview q[data-quote="putin-military-technical-operation"]');
  assert.equal(await page.$(".studio__errors"), null, "the passage has its quote: the checker is content");
  assert.equal(await page.$("#mark-form"), null, "the form closes once marked");
  assert.match(await page.textContent(".studio__side .studio__notice"), /Added the quote putin-military-technical-operation/);
  await page.click(".studio__preview #tab-quotes");
  assert.match(await page.textContent("#quote-item-putin-military-technical-operation"), /military technical co-operation/);

  // The actor: “Tokyo”, one of japan's names, so japan is the form's first choice.
  await markForm(page, "seriously concerned", "Tokyo");
  assert.equal(await page.isChecked('input[name=mark-kind][value=actor]'), true);
  assert.equal(await page.inputValue("#mark-actor"), "japan");
  await page.keyboard.press("Enter");
  await page.waitForFunction(tokyoMarked, true);
  await page.click(".studio__preview #tab-actors");
  await page.waitForSelector("#actor-japan");

  // A refusal says why, in the form, and keeps it open; Esc closes it. (The button, this
  // time: pressed, it leaves the selection where it is.)
  await selectInPreview(page, "seriously concerned", "Putin");
  await page.click(".studio__marker button:not([disabled])");
  await page.waitForSelector("#mark-form");
  assert.equal(await page.textContent(".studio__mark-words"), "“Putin”");
  await page.click("#mark-form button[type=submit]");
  assert.match(await (await page.waitForSelector(".studio__mark-error")).textContent(), /overlaps a mark already there \(actor putin\)/);
  await page.focus("#mark-actor");
  await page.keyboard.press("Escape");
  assert.equal(await page.$("#mark-form"), null);

  // The event: one word picks its sentence; the date, its precision and provenance typed.
  await markForm(page, "The Financial Times reported", "shipping");
  await page.check('input[name=mark-kind][value=event]');
  assert.match(await page.textContent(".studio__mark-sentence"), /^The Financial Times reported in March that Russia had begun shipping oil supplies/);
  assert.equal(await page.inputValue("#mark-date"), "", "no date is proposed");
  await page.fill("#mark-date", "2024-03");
  await page.selectOption("#mark-precision", "month");
  await page.selectOption("#mark-provenance", "stated");
  await page.fill("#mark-title", "The Financial Times reports Russian oil shipments to North Korea");
  await page.fill("#mark-event_description", "The Financial Times reports that Russia has begun shipping oil directly to North Korea.");
  await page.click("#mark-form button[type=submit]");
  await page.waitForSelector('.studio__preview [data-events~="on-2024-03"]');
  await page.click(".studio__preview #tab-timeline");
  assert.match(await page.textContent("#event-on-2024-03"), /The Financial Times reports Russian oil shipments/);
  assert.equal(await page.$(".studio__errors"), null);

  // The folder as downloaded: article.md the seed's again, one entry added to each of the
  // other two files, and `marginalia check` passes it.
  const { entries } = await downloadFolder(page);
  const text = (f) => new TextDecoder().decode(entries[`putin-kim-pact/${f}`]);
  assert.equal(text("article.md"), readFileSync(`${SEED}/article.md`, "utf8"));
  assert.equal(text("actors.toml"), readFileSync(`${SEED}/actors.toml`, "utf8"));
  assert.match(text("quotes.toml"), /\n\[\[quote\]\]\nid = "putin-military-technical-operation"\nspeaker = "putin"\ntext = "military technical co-operation"\ncontext = "Putin on what the strategic partnership could also include\."\n$/);
  assert.ok(text("events.toml").startsWith(readFileSync(`${SEED}/events.toml`, "utf8")));
  assert.match(text("events.toml"), /\[\[event\]\]\nid = "on-2024-03"\ndate = "2024-03"\n.*\nprovenance = "stated"\n$/s);
  const dir = mkdtempSync(join(tmpdir(), "studio-marked-"));
  mkdirSync(join(dir, "putin-kim-pact"));
  for (const [path, bytes] of Object.entries(entries)) writeFileSync(join(dir, path), bytes);
  const checked = marginalia(["check", join(dir, "putin-kim-pact")]).toString();
  assert.match(checked, /ok: 23 actors, 12 events, 16 quotes/);
  rmSync(dir, { recursive: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the mark form: axe finds nothing, and nothing overflows, desktop and phone, light and dark", async (t) => {
  for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    for (const colorScheme of ["light", "dark"]) {
      await t.test(`${size}, ${colorScheme}`, async () => {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        page.errors = [];
        page.on("pageerror", (e) => page.errors.push(String(e)));
        await page.goto(`${site.url}studio/`);
        await page.waitForSelector("#studio-text", { timeout: 20000 });
        await openSeed(page);
        // A new actor (the longest form of an actor), then an event.
        await markForm(page, "think-tank in Seoul", "Seoul");
        await page.screenshot({ path: `target/screenshots/studio-mark-${size}-${colorScheme}.png` });
        assert.deepEqual(await axe(page), [], "axe with the new actor's fields");
        await page.check('input[name=mark-kind][value=event]');
        await page.locator("#mark-form").scrollIntoViewIfNeeded();
        await page.screenshot({ path: `target/screenshots/studio-mark-event-${size}-${colorScheme}.png` });
        assert.deepEqual(await axe(page), [], "axe with the event's fields");
        // Every field within the form, and the form within the page's width.
        const overflowing = await page.evaluate(() => {
          const form = document.querySelector("#mark-form").getBoundingClientRect();
          return [...document.querySelectorAll("#mark-form input, #mark-form select, #mark-form button, #mark-form blockquote")]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.left < form.left - 1 || r.right > form.right + 1 || r.right > innerWidth;
            })
            .map((el) => el.id || el.tagName);
        });
        assert.deepEqual(overflowing, []);
        assert.deepEqual(page.errors, []);
        await context.close();
      });
    }
  }
});

/**
 * A page of the studio whose browser hands out an in-memory folder for `showDirectoryPicker`
 * (the real one needs a person at a dialog): what the studio writes is kept, path → bytes, in
 * `window.__written`; `window.__refuse = "<DOMException name>"` makes the picker fail so.
 */
async function pickerPage() {
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  await context.addInitScript(() => {
    const written = (window.__written = {});
    const folder = (path) => ({
      kind: "directory",
      name: path.split("/").pop(),
      async getDirectoryHandle(name, options = {}) {
        if (!options.create) throw new DOMException("not there", "NotFoundError");
        return folder(`${path}/${name}`);
      },
      async getFileHandle(name, options = {}) {
        if (!options.create) throw new DOMException("not there", "NotFoundError");
        return {
          kind: "file",
          name,
          async createWritable() {
            const chunks = [];
            return {
              async write(data) {
                chunks.push(new Uint8Array(data instanceof Uint8Array ? data : await new Blob([data]).arrayBuffer()));
              },
              async close() {
                const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
                let at = 0;
                for (const c of chunks) {
                  all.set(c, at);
                  at += c.length;
                }
                written[`${path}/${name}`] = Array.from(all);
              },
            };
          },
        };
      },
    });
    window.showDirectoryPicker = async (options) => {
      window.__pickerOptions = options;
      if (window.__refuse) throw new DOMException("refused in this test", window.__refuse);
      return folder("picked");
    };
  });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(`${site.url}studio/`);
  await page.waitForSelector("#studio-text", { timeout: 20000 });
  return page;
}

test("save to a folder where the browser can: the zip's files byte for byte under the slug; a refusal said, nothing lost; no button elsewhere", async () => {
  const page = await pickerPage();
  await openSeed(page);
  await page.click("button.studio__save");
  assert.equal(await (await page.waitForSelector(".studio__saved")).textContent(), "Saved 5 files into picked/putin-kim-pact/.");
  assert.deepEqual(await page.evaluate(() => window.__pickerOptions), { mode: "readwrite" });
  const written = await page.evaluate(() => window.__written);
  const { entries } = await downloadFolder(page);
  assert.deepEqual(Object.keys(written), Object.keys(entries).map((p) => `picked/${p}`));
  for (const [path, bytes] of Object.entries(entries)) {
    assert.ok(Buffer.from(written[`picked/${path}`]).equals(Buffer.from(bytes)), `${path} byte for byte as in the zip`);
  }
  // Refused, or no folder chosen: said, and the work is still on screen.
  for (const [name, words] of [["NotAllowedError", /permission refused/], ["AbortError", /no folder was chosen/]]) {
    await page.evaluate((n) => (window.__refuse = n), name);
    await page.click("button.studio__save");
    const warning = await page.waitForSelector(".studio__bar .studio__warning[role=alert]");
    assert.match(await warning.textContent(), words, name);
    assert.equal(await page.$(".studio__saved"), null);
    assert.ok(await page.$(".studio__preview .article__body"));
  }
  assert.deepEqual(await axe(page), [], "axe with the refusal shown");
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // A drafted article: draft.toml too, as in its zip.
  const drafted = await pickerPage();
  await draftSeed(drafted);
  await drafted.click("button.studio__save");
  await drafted.waitForSelector(".studio__saved");
  const names = Object.keys(await drafted.evaluate(() => window.__written));
  assert.deepEqual(names, FILES.map((f) => `picked/${SLUG}/${f}`));
  await drafted.context().close();

  // A browser without showDirectoryPicker: no button, the zip as before.
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.addInitScript(() => {
    delete window.showDirectoryPicker;
    delete Window.prototype.showDirectoryPicker;
  });
  const without = await context.newPage();
  await without.goto(`${site.url}studio/`);
  await without.waitForSelector("#studio-text", { timeout: 20000 });
  await openSeed(without);
  assert.equal(await without.evaluate(() => "showDirectoryPicker" in window), false);
  assert.equal(await without.$("button.studio__save"), null);
  assert.ok(await without.$("text=Download putin-kim-pact.zip"));
  await context.close();
});
