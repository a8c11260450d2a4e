// The viewer in Japanese and Korean (issue 25), driven in Chromium on the release build: the
// seed (an English article) with `?lang=`, as a Japanese or Korean site embeds it. Every word of
// the interface comes from the language's catalogue (locales/<tag>.toml): the page, the panels,
// a card, the help and the feedback form; no English message shows anywhere outside the
// article's own (lang="en") words; axe finds nothing; the layout holds at 320 px; and
// find-in-article waits for an input method's committed word.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, serve, startServer, marginalia, openPage, openPageWith, axe, reachFeedback, DESKTOP } from "./helpers.mjs";

/**
 * A catalogue's `[viewer]` messages: `key = "text"` lines, and both forms of a counted one
 * (`key = { one = "…", other = "…" }`). Enough TOML for these files (crates/i18n reads them
 * in full).
 */
function catalogue(tag) {
  const text = readFileSync(new URL(`../../locales/${tag}.toml`, import.meta.url), "utf8");
  const messages = new Map();
  let section = "";
  for (const line of text.split("\n")) {
    const header = line.match(/^\[(\w+)\]/);
    if (header) section = header[1];
    const entry = line.match(/^([\w-]+) = (.*)$/);
    if (section !== "viewer" || !entry) continue;
    const strings = [...entry[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`));
    messages.set(entry[1], strings);
  }
  return messages;
}

const english = catalogue("en");

/** The interface's words on the page: every text outside the article's own (lang="en") words. */
function interfaceText() {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.getAttribute("lang") === "en" || node.matches("kbd, script, style, svg, .dossier")) return;
    if (node.hidden) return;
    for (const child of node.childNodes) walk(child);
    for (const name of ["aria-label", "title", "placeholder"]) if (node.hasAttribute(name)) parts.push(node.getAttribute(name));
  };
  walk(document.querySelector(".app"));
  return parts.join("\n");
}

/** English messages found among the interface's words (a message long enough to be its own). */
function englishLeft(text) {
  const found = [];
  for (const [key, forms] of english) {
    for (const form of forms) {
      // The fixed words around placeholders: "Mentioned {n} times" -> "Mentioned ", " times".
      const pieces = form.split(/\{[\w-]+\}/).map((p) => p.trim()).filter((p) => p.length >= 5 && /[a-z]{3}/i.test(p));
      for (const piece of pieces) if (text.includes(piece)) found.push(`${key}: "${piece}"`);
    }
  }
  return found;
}

// The seed in a site built in Japanese (`language = "ja"` in its content/site.toml).
let browser, server, url, tmp, japanese;
before(async () => {
  ({ server, url } = await serve());
  browser = await launch();
  tmp = mkdtempSync(join(tmpdir(), "marginalia-ja-"));
  cpSync("content/putin-kim-pact", join(tmp, "content", "putin-kim-pact"), { recursive: true });
  // The same article again, its own interface in Korean (`ui_language` in its meta.toml).
  cpSync("content/putin-kim-pact", join(tmp, "content", "pact-ko"), { recursive: true });
  const meta = join(tmp, "content", "pact-ko", "meta.toml");
  writeFileSync(meta, `ui_language = "ko"\n${readFileSync(meta, "utf8")}`);
  writeFileSync(join(tmp, "content", "site.toml"), 'language = "ja"\n');
  marginalia(["build", "--viewer", "target/viewer", join(tmp, "content"), join(tmp, "site")]);
  japanese = await startServer({ dir: join(tmp, "site") });
});
after(async () => {
  await browser?.close();
  server?.close();
  japanese?.server.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The texts of the viewer's parts that show dates and the interface's words, in the page. */
function shownTexts() {
  const texts = (selector) => [...document.querySelectorAll(selector)].map((el) => el.textContent.trim());
  return {
    tabs: texts("[role=tab]"),
    dates: texts(".event__date"),
    precision: texts(".event .precision"),
    badges: texts(".event .badge"),
    byline: texts(".article__byline"),
    headings: texts(".panel-title"),
  };
}

for (const tag of ["ja", "ko"]) {
  const words = catalogue(tag);
  const t = (key) => words.get(key).at(-1);

  test(`[${tag}] the page, panels, a card, the help and the feedback form speak the language`, async () => {
    const page = await openPage(browser, `${url}?lang=${tag}`);
    // The viewer speaks the language; the article keeps its own.
    assert.equal(await page.getAttribute(".app", "lang"), tag);
    assert.equal(await page.getAttribute("article.article", "lang"), "en");
    // The tabs and the toolbar.
    const tabs = await page.locator("[role=tab]").allTextContents();
    for (const key of ["tab-actors", "tab-timeline", "tab-quotes", "tab-relations"]) {
      assert.ok(tabs.some((tab) => tab.startsWith(t(key))), `${key} in ${tabs}`);
    }
    assert.equal(await page.getAttribute("#search-input, .search__input", "placeholder"), t("find-placeholder"));
    // A card, pinned from a mention.
    await page.click("#mention-putin-0");
    await page.waitForSelector(".actor--selected");
    await page.focus("#mention-kim-0");
    await page.waitForSelector("#mention-card:not([hidden])");
    assert.ok((await page.textContent("#mention-card")).includes(t("kind-person")));
    // The timeline: a date as the language writes it, and its provenance.
    await page.click("#tab-timeline");
    const dates = await page.locator(".event__date").allTextContents();
    assert.ok(dates.includes(tag === "ja" ? "2024年6月19日" : "2024년 6월 19일"), dates.join(" | "));
    // The help.
    await page.keyboard.press("Escape");
    await page.click(".toolbar [aria-controls=help]");
    await page.waitForSelector("#help:not([hidden])");
    assert.equal((await page.textContent("#help-title")).trim(), t("help"));
    // The feedback form, in the viewer's language once the reader comes to it (its module is
    // loaded then; the page's prerendered form is in the page's).
    await reachFeedback(page);
    assert.equal((await page.textContent("#feedback-title")).trim(), t("feedback-title"));
    // No English message left anywhere in the interface (a missing key falls back to English).
    const left = englishLeft(await page.evaluate(`(${interfaceText})()`));
    assert.deepEqual(left, [], "English words outside the article");
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`[${tag}] a phone of 320 px: the toolbar, the tabs and a card fit`, async () => {
    const page = await openPageWith(browser, `${url}?lang=${tag}`, { viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
    await page.waitForSelector(".app[data-ready='true']");
    const overflow = await page.evaluate(() => {
      const wide = [];
      for (const el of document.querySelectorAll(".toolbar *, [role=tab], .panels__bar *")) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5)) wide.push(`${el.className || el.tagName}: ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
      return { wide, scroll: document.documentElement.scrollWidth - innerWidth };
    });
    assert.deepEqual(overflow.wide, []);
    assert.ok(overflow.scroll <= 0, `the page scrolls sideways by ${overflow.scroll} px`);
    await page.context().close();
  });
}

test("find in the article waits for an input method's committed word", async () => {
  const page = await openPage(browser, `${url}?lang=ja`, { viewport: DESKTOP });
  const input = ".search__input";
  const status = () => page.textContent("#search-status");
  // Composing: each step's text is in the field, but nothing is searched.
  await page.evaluate((selector) => {
    const field = document.querySelector(selector);
    field.focus();
    field.dispatchEvent(new CompositionEvent("compositionstart", { data: "" }));
    for (const step of ["P", "Pu", "Put"]) {
      field.value = step;
      field.dispatchEvent(new InputEvent("input", { data: step, isComposing: true, inputType: "insertCompositionText" }));
    }
  }, input);
  await page.waitForTimeout(100);
  assert.equal((await status()).trim(), "", "no search while composing");
  // Committed: the word is searched once.
  await page.evaluate((selector) => {
    const field = document.querySelector(selector);
    field.value = "Putin";
    field.dispatchEvent(new CompositionEvent("compositionend", { data: "Putin" }));
  }, input);
  await page.waitForFunction(() => document.querySelector("#search-status").textContent.trim() !== "");
  const said = (await status()).trim();
  assert.match(said, /^1[^0-9]+\d+/, said);
  assert.ok(said.includes("件") || said.includes("/") || said.includes("中"), `in Japanese: ${said}`);
  // Typing without an input method searches as before.
  await page.fill(input, "");
  await page.type(input, "Kim");
  await page.waitForFunction(() => document.querySelector("#search-status").textContent.trim() !== "");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a page built in Japanese says, as it comes to life, exactly what it said prerendered", async () => {
  const article = `${japanese.url}putin-kim-pact/`;
  // Prerendered: the page as read with JavaScript off.
  const still = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
  const before = await (await still.newPage()).goto(article).then(async (response) => {
    const page = still.pages()[0];
    assert.equal(await page.getAttribute("html", "lang"), "ja");
    assert.ok((await response.text()).includes("data-marginalia-words"), "its words are in the page");
    await page.click("#tab-timeline").catch(() => {});
    return page.evaluate(`(${shownTexts})()`);
  });
  await still.close();
  // Live: the same words and dates, written by the browser's Intl; the words came with the page.
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const requested = [];
  page.on("request", (r) => requested.push(r.url()));
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  await page.goto(article);
  await page.waitForSelector(".app[data-ready='true']");
  await page.click("#tab-timeline");
  const after = await page.evaluate(`(${shownTexts})()`);
  assert.ok(before.dates.includes("2024年6月19日") && before.tabs[0].startsWith("人物・組織"), JSON.stringify(before));
  assert.deepEqual(after.dates, before.dates);
  assert.deepEqual(after.tabs, before.tabs);
  assert.deepEqual(after.precision, before.precision);
  assert.deepEqual(after.badges, before.badges);
  assert.deepEqual(after.byline, before.byline);
  // Every heading the live viewer shows (one panel at a time) is one the page had.
  for (const heading of after.headings) assert.ok(before.headings.includes(heading), heading);
  assert.deepEqual(requested.filter((u) => u.includes("marginalia-words")), [], "no words file fetched");
  assert.deepEqual(page.errors, []);
  // Another language asked for by the address: its words file is fetched, once.
  await page.goto(`${article}?lang=ko`);
  await page.waitForSelector(".app[data-ready='true']");
  assert.equal(await page.getAttribute(".app", "lang"), "ko");
  assert.ok((await page.textContent("#tab-actors")).startsWith("인물·기관"));
  assert.equal(requested.filter((u) => u.includes("marginalia-words") && u.endsWith(".ko.txt")).length, 1);
  // English needs no file: the wasm has it.
  await page.goto(`${article}?lang=en`);
  await page.waitForSelector(".app[data-ready='true']");
  assert.ok((await page.textContent("#tab-actors")).startsWith("Actors"));
  await context.close();
});

test("an article built in Korean in a Japanese site says, live, what it said prerendered", async () => {
  const article = `${japanese.url}pact-ko/`;
  const still = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
  const quiet = await still.newPage();
  await quiet.goto(article);
  assert.equal(await quiet.getAttribute("html", "lang"), "ko");
  const before = await quiet.evaluate(`(${shownTexts})()`);
  await still.close();
  const page = await openPage(browser, article);
  await page.click("#tab-timeline");
  const after = await page.evaluate(`(${shownTexts})()`);
  assert.ok(before.dates.includes("2024년 6월 19일") && before.tabs[0].startsWith("인물·기관"), JSON.stringify(before));
  for (const key of ["dates", "tabs", "precision", "badges", "byline"]) assert.deepEqual(after[key], before[key], key);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a language whose words cannot be had leaves the page in its own", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  // The words file is missing (a host that did not copy it): the page keeps to English.
  await page.route("**/marginalia-words-*", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${url}?lang=ja`);
  await page.waitForSelector(".app[data-ready='true']");
  assert.equal(await page.getAttribute(".app", "lang"), "en");
  assert.ok((await page.textContent("#tab-actors")).startsWith("Actors"));
  await context.close();
});

test("the single file, opened from disk, speaks every language (its words are inside)", async () => {
  const file = pathToFileURL(resolve("dist/putin-kim-pact/putin-kim-pact.html")).href;
  for (const [tag, actors] of [["ja", "人物・組織"], ["ko", "인물·기관"]]) {
    const page = await openPage(browser, `${file}?lang=${tag}`);
    assert.equal(await page.getAttribute(".app", "lang"), tag);
    assert.ok((await page.textContent("#tab-actors")).startsWith(actors));
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("a host page mounts an article in the language it asks for", async () => {
  const page = await openPage(browser, `${url.replace("putin-kim-pact/", "")}examples/mount.html`, { waitFor: "body" });
  const lang = await page.evaluate(async (article) => {
    const { mount } = await import("../mount.js");
    const host = document.createElement("div");
    document.body.append(host);
    const root = await mount(host, { article, lang: "ko" });
    return [root.querySelector(".app").getAttribute("lang"), root.querySelector("#tab-actors").textContent];
  }, `${url}`);
  assert.equal(lang[0], "ko");
  assert.ok(lang[1].startsWith("인물·기관"), lang[1]);
  await page.close();
});
