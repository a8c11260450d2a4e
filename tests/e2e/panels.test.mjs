// The panels, the mention cards, the URL hash, the keyboard, themes and layouts, driven in
// Chromium on the release build as a reader would: one test per journey.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, openPage as load, openPageWith as loadWith, axe, DESKTOP, PHONE } from "./helpers.mjs";

const MEDIUM = { width: 900, height: 800 };
const SMALL_PHONE = { width: 320, height: 700 };

let browser, server, url;
before(async () => {
  ({ server, url } = await serve());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

// ---------------------------------------------------------------------------------------
// Opening pages. The article is prerendered, so it is on the page before the wasm has
// hydrated it: wait for the app to say it is ready (`data-ready` on `.app`) before acting.

const waitForApp = (page) =>
  page.waitForSelector(".app[data-ready='true']", { state: "attached", timeout: 10000 });
const openPage = async (...args) => {
  const page = await load(...args);
  await waitForApp(page);
  return page;
};
const openPageWith = async (...args) => {
  const page = await loadWith(...args);
  await waitForApp(page);
  return page;
};
const reload = async (page) => {
  await page.reload();
  await waitForApp(page);
};

// ---------------------------------------------------------------------------------------
// Small helpers. Functions passed to page.evaluate / waitForFunction must not close over
// anything: Playwright sends their source to the page.

const hash = (page) => page.evaluate(() => location.hash);
const waitForHash = (page, expected) =>
  page.waitForFunction((h) => location.hash === h, expected, { timeout: 5000 });

/** The ids of every mention of `actor` in the text. */
const mentionIds = (page, actor) =>
  page.$$eval(`a.mention[data-actor="${actor}"]`, (els) => els.map((e) => e.id));

/** Waits until every mention of `actor`, and no other, is marked selected (and aria-current). */
async function expectActorSelected(page, actor) {
  await page.waitForFunction(
    (a) => {
      const all = [...document.querySelectorAll("a.mention")];
      const selected = all.filter((m) => m.classList.contains("mention--selected"));
      const own = all.filter((m) => m.dataset.actor === a);
      return own.length > 0 && selected.length === own.length && selected.every((m) => m.dataset.actor === a);
    },
    actor,
    { timeout: 5000 },
  );
  const current = await page.$$eval(`a.mention[data-actor="${actor}"]`, (els) =>
    els.map((e) => e.getAttribute("aria-current")),
  );
  assert.ok(current.every((c) => c === "true"), `every ${actor} mention has aria-current=true: ${current}`);
}

/** Nothing is selected anywhere: text, panels. */
async function expectNoSelection(page) {
  const marked = await page.$$eval(
    ".mention--selected, .quote--selected, .sentence--selected, [aria-current='true'], .actor__head[aria-expanded='true'], .event__head[aria-expanded='true'], [aria-pressed='true']",
    (els) => els.map((e) => e.id || e.className),
  );
  assert.deepEqual(marked, [], "nothing is selected");
}

/** Rendered, not hidden, with a box: what a reader can see (possibly after scrolling). */
function shownInPage(selector) {
  const el = document.querySelector(selector);
  if (!el || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}
const isShown = (page, selector) => page.evaluate(shownInPage, selector);

/** Wholly inside the viewport and below a sticky toolbar. */
function fullyInView(selector) {
  const el = document.querySelector(selector);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  const bar = document.querySelector(".toolbar");
  const sticky = bar && ["sticky", "fixed"].includes(getComputedStyle(bar).position);
  const top = sticky ? Math.max(0, bar.getBoundingClientRect().bottom) : 0;
  return r.height > 0 && r.top >= top - 0.5 && r.bottom <= innerHeight + 0.5 && r.left >= 0 && r.right <= innerWidth;
}
const isInView = (page, selector) => page.evaluate(fullyInView, selector);
const waitInView = (page, selector) => page.waitForFunction(fullyInView, selector, { timeout: 5000 });

const tabSelected = (page, panel) => page.getAttribute(`#tab-${panel}`, "aria-selected");

/** Asserts that `panel` is the active tab and its panel the one not hidden. */
async function expectPanel(page, panel) {
  for (const p of ["actors", "timeline", "quotes"]) {
    assert.equal(await tabSelected(page, p), String(p === panel), `#tab-${p} aria-selected`);
    assert.equal(await page.$eval(`#panel-${p}`, (e) => e.hidden), p !== panel, `#panel-${p} hidden`);
  }
}

/** Waits until the page has not scrolled for 10 frames in a row (a smooth scroll is over). */
const settleScroll = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = scrollY, still = 0;
        const tick = () => {
          if (scrollY === last) {
            still += 1;
          } else {
            still = 0;
            last = scrollY;
          }
          if (still >= 10) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );

/** Lets the app render what the last input caused: two animation frames, not a timer. */
const nextFrames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

const rectOf = (page, selector) =>
  page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  });

/** The first non-transparent background behind the page: body, else html. */
const pageBackground = (page) =>
  page.evaluate(() => {
    for (const el of [document.body, document.documentElement]) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
    }
    return "rgb(255, 255, 255)";
  });

/** WCAG relative luminance of a CSS rgb()/rgba() colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Null when the page does not scroll sideways; else how wide it is and what sticks out. */
const sidewaysOverflow = (page) =>
  page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    if (scrollWidth <= clientWidth) return null;
    const out = [...document.body.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().right > clientWidth + 0.5)
      .slice(0, 4)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}.${[...e.classList].join(".")} (right ${Math.round(e.getBoundingClientRect().right)})`);
    return `${scrollWidth} > ${clientWidth}: ${out.join(", ")}`;
  });

/** Rendered controls that stick out of the viewport at the left or right (cut off). */
const controlsCutOff = (page) =>
  page.$$eval("button, select, input, a[href]", (els) =>
    els
      .filter((e) => e.checkVisibility({ visibilityProperty: true }))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 1 && (r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5))
      .map(({ e, r }) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${(e.getAttribute("aria-label") || e.textContent).trim().slice(0, 20)}" (${Math.round(r.left)}–${Math.round(r.right)})`),
  );

const noHorizontalScroll = async (page, state) => {
  const overflow = await sidewaysOverflow(page);
  assert.equal(overflow, null, `${state}: page scrolls sideways, ${overflow}`);
};

/** Describes the focused element and whether its focus can be seen. */
function focusInfo() {
  const el = document.activeElement;
  if (!el || el === document.body) return { who: "body", visible: false, why: "focus on body" };
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow !== "none";
  const r = el.getBoundingClientRect();
  const onScreen = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  const who = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}`;
  return {
    who,
    visible: (outline || shadow) && onScreen,
    why: `outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow}, on screen ${onScreen}`,
  };
}

/** Presses Tab `n` times (or until `until(info)`), recording each focused element. */
async function tabThrough(page, n, until = () => false) {
  const seen = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(focusInfo);
    seen.push(info);
    if (until(info)) break;
  }
  return seen;
}

/**
 * Every rendered control a finger must hit (inline mentions and link-buttons excepted) that is
 * under 44px tall. A form field's labels are part of its target (tapping them works too), so
 * a visually hidden file input styled through its label is measured by that label.
 */
const smallTargets = (page) =>
  page.$$eval("button, select, input, [role='tab'], [role='switch']", (els) =>
    els
      .filter((e) => !e.closest("a.mention") && !e.classList.contains("link-button"))
      .map((e) => {
        const parts = [e, ...(e.labels ?? [])].filter((x) => x.checkVisibility({ visibilityProperty: true }));
        const heights = parts.map((x) => x.getBoundingClientRect()).filter((r) => r.width > 1 && r.height > 1).map((r) => r.height);
        return { e, height: heights.length ? Math.max(...heights) : null };
      })
      .filter(({ height }) => height !== null && height < 43.99)
      .map(
        ({ e, height }) =>
          `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}.${[...e.classList].join(".")} "${(e.getAttribute("aria-label") || e.textContent).trim().slice(0, 30)}" ${height.toFixed(1)}px`,
      ),
  );

const SEARCH_STATUS = /^(\d+) of (\d+)$/;
const searchStatus = (page) => page.$eval("#search-status", (e) => e.textContent.trim());
const waitForStatus = (page, test) =>
  page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector("#search-status")?.textContent.trim() ?? ""),
    test.source,
    { timeout: 5000 },
  );

// ---------------------------------------------------------------------------------------
// 1. Selecting an actor from the text.

for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`clicking a mention selects its actor everywhere (${name})`, async () => {
    // Start on another panel, so that showing the actors panel is something the click did.
    const page = await openPage(browser, `${url}#panel=timeline`, { viewport });
    await expectPanel(page, "timeline");
    await page.click("#mention-putin-0");
    await expectActorSelected(page, "putin");
    assert.ok((await mentionIds(page, "putin")).length >= 3);
    assert.equal(await hash(page), "#actor=putin");
    await expectPanel(page, "actors");
    assert.equal(await page.getAttribute("#actor-putin", "aria-expanded"), "true");
    assert.equal(await page.getAttribute("#actor-kim", "aria-expanded"), "false");
    if (name === "desktop") {
      assert.ok(await isShown(page, "#actor-details-putin"), "the actor's details show beside the text");
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`clicking a mention far down the text keeps the reader's place and the card in view (${name})`, async () => {
    const page = await openPage(browser, url, { viewport });
    // Putin's fifth mention, with his first one out of view.
    await page.locator("#mention-putin-4").scrollIntoViewIfNeeded();
    await settleScroll(page);
    assert.equal(await isInView(page, "#mention-putin-0"), false, "precondition: the first mention is out of view");
    await page.click("#mention-putin-4");
    await expectActorSelected(page, "putin");
    await page.waitForSelector("#mention-card[role='dialog']", { timeout: 5000 });
    await settleScroll(page);
    const where = await page.evaluate(() => ({
      scrollY: Math.round(scrollY),
      clicked: Math.round(document.querySelector("#mention-putin-4").getBoundingClientRect().top),
      card: Math.round(document.querySelector("#mention-card").getBoundingClientRect().top),
      current: [...document.querySelectorAll(".mention--current")].map((e) => e.id),
    }));
    const report = `after the click: ${JSON.stringify(where)} (viewport height ${viewport.height})`;
    assert.ok(await isInView(page, "#mention-putin-4"), `the clicked mention left the viewport; ${report}`);
    assert.ok(await isInView(page, "#mention-card"), `the pinned card left the viewport; ${report}`);
    await page.close();
  });
}

// 2. Selecting an actor from the panel, then stepping through its mentions.

test("selecting an actor in the panel brings its mentions into view, Next steps (desktop)", async () => {
  const page = await openPage(browser, url);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => window.scrollY > 0);
  assert.equal(await isInView(page, "#mention-kim-0"), false, "the first Kim mention starts out of view");

  await page.click("#actor-kim");
  await expectActorSelected(page, "kim");
  await waitInView(page, "#mention-kim-0");
  assert.equal(await page.getAttribute("#actor-kim", "aria-expanded"), "true");
  const total = (await mentionIds(page, "kim")).length;
  const details = "#actor-details-kim";
  assert.match(await page.textContent(details), new RegExp(`Mention 1 of ${total}`));
  assert.ok(await page.$eval("#mention-kim-0", (e) => e.classList.contains("mention--current")));

  await page.click(`${details} button[aria-label='Next mention']`);
  await page.waitForFunction(
    (n) => document.querySelector("#actor-details-kim").textContent.includes(`Mention 2 of ${n}`),
    total,
  );
  await waitInView(page, "#mention-kim-1");
  assert.ok(await page.$eval("#mention-kim-1", (e) => e.classList.contains("mention--current")));
  assert.equal(await page.$eval("#mention-kim-0", (e) => e.classList.contains("mention--current")), false);

  // Previous from the first wraps to the last.
  await page.click(`${details} button[aria-label='Previous mention']`);
  await page.click(`${details} button[aria-label='Previous mention']`);
  await page.waitForFunction(
    (n) => document.querySelector("#actor-details-kim").textContent.includes(`Mention ${n} of ${n}`),
    total,
  );
  await waitInView(page, `#mention-kim-${total - 1}`);
  assert.equal(await hash(page), "#actor=kim");
  await page.close();
});

// 3. Deep links.

test("deep links open the view they name (desktop)", async () => {
  let page = await openPage(browser, `${url}#event=signing-2024`);
  await expectPanel(page, "timeline");
  assert.ok((await page.$$(".sentence.sentence--selected")).length >= 4);
  const notSigning = await page.$$eval(".sentence--selected", (els) =>
    els.filter((e) => !e.dataset.events.split(" ").includes("signing-2024")).length,
  );
  assert.equal(notSigning, 0, "only the event's sentences are selected");
  assert.equal(await page.getAttribute("#event-signing-2024", "aria-expanded"), "true");
  assert.ok(await isShown(page, "#event-details-signing-2024"), "event details visible");
  assert.ok(await isShown(page, "#event-details-signing-2024 .badge, #event-signing-2024 .badge"));
  assert.deepEqual(page.errors, []);
  await page.close();

  page = await openPage(browser, `${url}#quote=kim-sacred-fight`);
  await expectPanel(page, "quotes");
  assert.ok(await page.$eval("#quote-kim-sacred-fight", (e) => e.classList.contains("quote--selected")));
  assert.equal(await page.$$eval(".quote--selected", (els) => els.length), 1);
  assert.equal(await page.getAttribute("#quote-item-kim-sacred-fight", "aria-pressed"), "true");
  assert.deepEqual(page.errors, []);
  await page.close();

  page = await openPage(browser, `${url}#panel=quotes`);
  await expectPanel(page, "quotes");
  await expectNoSelection(page);
  assert.equal(await page.$(".notice"), null, "a good link brings no notice");
  assert.deepEqual(page.errors, []);
  await page.close();
});

for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`bad links: a polite notice, nothing selected, nothing run (${name})`, async () => {
    const clean = await openPage(browser, url, { viewport });
    const scriptsOnCleanLoad = await clean.$$eval("script", (s) => s.length);
    await clean.close();

    const cases = [
      // A well-formed id is quoted; anything else is not repeated in the viewer's voice.
      ["#actor=nobody", "names an actor “nobody” that"],
      ["#actor=%3Cscript%3Ealert(1)%3C/script%3E", "names an actor that is not in this article"],
      ["#actor=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E", "names an actor that is not in this article"],
    ];
    for (const [bad, shownAs] of cases) {
      // Listen for dialogs before the bad link loads: from a blank page, load it afresh.
      const page = await openPage(browser, url, { viewport });
      const dialogs = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
      await page.goto("about:blank");
      await page.goto(`${url}${bad}`);
      await waitForApp(page);
      await page.waitForSelector(".notice", { timeout: 5000 });
      assert.ok(await isShown(page, ".notice"), `${bad}: the notice is visible`);
      const live = await page.$eval(".notice", (e) => e.getAttribute("role") ?? e.getAttribute("aria-live"));
      assert.ok(["status", "polite"].includes(live), `${bad}: polite notice (role/aria-live ${live})`);
      assert.ok((await page.textContent(".notice")).includes(shownAs), `${bad}: the notice says what was wrong`);
      await expectNoSelection(page);
      assert.equal(await page.$$eval("script", (s) => s.length), scriptsOnCleanLoad, `${bad}: no script added`);
      assert.equal(await page.$$eval(".notice *", (els) => els.filter((e) => ["SCRIPT", "IMG"].includes(e.tagName)).length), 0);

      // Dismiss works.
      await page.click(".notice button");
      await page.waitForSelector(".notice", { state: "detached", timeout: 5000 });

      // The same link followed inside the running page (a hashchange) brings the notice back.
      await page.evaluate(() => (location.hash = "#panel=actors"));
      await page.evaluate((h) => (location.hash = h), bad);
      await page.waitForSelector(".notice", { timeout: 5000 });
      assert.ok((await page.textContent(".notice")).includes(shownAs));
      assert.equal(await page.$$eval("script", (s) => s.length), scriptsOnCleanLoad, `${bad}: no script added on hashchange`);
      await nextFrames(page);
      assert.deepEqual(dialogs, [], `${bad}: no dialog opened`);
      assert.deepEqual(page.errors, [], `${bad}: console`);
      await page.close();
    }
  });
}

// 4. Back and forward.

test("back and forward restore the selection (desktop)", async () => {
  const page = await openPage(browser, url);
  await page.click("#actor-putin");
  await waitForHash(page, "#actor=putin");
  await expectActorSelected(page, "putin");
  await page.click("#actor-kim");
  await waitForHash(page, "#actor=kim");
  await expectActorSelected(page, "kim");

  await page.goBack();
  await waitForHash(page, "#actor=putin");
  await expectActorSelected(page, "putin");
  assert.equal(await page.getAttribute("#actor-putin", "aria-expanded"), "true");
  assert.equal(await page.getAttribute("#actor-kim", "aria-expanded"), "false");

  await page.goBack();
  await waitForHash(page, "");
  await page.waitForFunction(() => !document.querySelector(".mention--selected"), null, { timeout: 5000 });
  await expectNoSelection(page);

  await page.goForward();
  await waitForHash(page, "#actor=putin");
  await expectActorSelected(page, "putin");
  // Restoring from history must not push a new entry: forward again still reaches kim.
  await page.goForward();
  await waitForHash(page, "#actor=kim");
  await expectActorSelected(page, "kim");
  assert.deepEqual(page.errors, []);
  await page.close();
});

// 5. The keyboard alone.

test("keyboard alone: skip link, mentions, card, Esc, search, tabs, help (desktop)", async () => {
  const page = await openPage(browser, url);

  // Tab from the top: the skip link first, then on to the first mention.
  const first = await tabThrough(page, 1);
  assert.match(first[0].who, /^a.*skip-link/, `first Tab focuses ${first[0].who}`);
  const toMention = await tabThrough(page, 20, (i) => i.who.startsWith("a#mention-"));
  const mention = toMention.at(-1).who.match(/^a#(mention-[a-z-]+-\d+)/)?.[1];
  assert.ok(mention, `Tab reaches a mention (stopped on ${toMention.at(-1).who})`);
  const actor = await page.$eval(`#${mention}`, (e) => e.dataset.actor);

  // Enter selects and pins the card; Esc closes the card, Esc again clears the selection.
  await page.keyboard.press("Enter");
  await page.waitForSelector("#mention-card[role='dialog']", { timeout: 5000 });
  assert.ok(await isShown(page, "#mention-card"));
  await expectActorSelected(page, actor);
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.querySelector("#mention-card")?.hidden !== false, null, { timeout: 5000 });
  await expectActorSelected(page, actor);

  // n and p step through the selected actor's mentions.
  const current = () => page.$$eval(".mention--current", (els) => els.map((e) => e.id));
  assert.deepEqual(await current(), [`mention-${actor}-0`]);
  await page.keyboard.press("n");
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains("mention--current"), `mention-${actor}-1`, { timeout: 5000 });
  assert.deepEqual(await current(), [`mention-${actor}-1`]);
  await page.keyboard.press("p");
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains("mention--current"), `mention-${actor}-0`, { timeout: 5000 });

  // t and a switch panels.
  await page.keyboard.press("t");
  await page.waitForFunction(() => document.querySelector("#tab-timeline").getAttribute("aria-selected") === "true", null, { timeout: 5000 });
  await page.keyboard.press("a");
  await page.waitForFunction(() => document.querySelector("#tab-actors").getAttribute("aria-selected") === "true", null, { timeout: 5000 });

  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector(".mention--selected"), null, { timeout: 5000 });
  await expectNoSelection(page);

  // ? opens the help, Esc closes it.
  await page.keyboard.press("?");
  await page.waitForFunction(() => !document.querySelector("#help").hidden, null, { timeout: 5000 });
  assert.ok(await isShown(page, "#help"));
  assert.equal(await page.getAttribute("#help", "role"), "dialog");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.querySelector("#help").hidden, null, { timeout: 5000 });

  // q shows the quotes panel; / focuses the search; typing there takes no shortcut.
  await page.keyboard.press("q");
  await page.waitForFunction(() => document.querySelector("#tab-quotes").getAttribute("aria-selected") === "true");
  await page.keyboard.press("/");
  await page.waitForFunction(() => document.activeElement?.id === "search-input", null, { timeout: 5000 });
  await page.keyboard.type("a");
  const typed = await page.inputValue("#search-input");
  await nextFrames(page);
  await expectPanel(page, "quotes");
  for (let i = 0; i < typed.length; i++) await page.keyboard.press("Backspace");

  await page.keyboard.type("Kim");
  await waitForStatus(page, SEARCH_STATUS);
  const [, at, of] = (await searchStatus(page)).match(SEARCH_STATUS);
  assert.equal(at, "1");
  assert.ok(Number(of) >= 2, `"Kim" has ${of} matches`);
  await page.keyboard.press("Enter");
  await waitForStatus(page, new RegExp(`^2 of ${of}$`));
  await page.keyboard.press("Shift+Enter");
  await waitForStatus(page, new RegExp(`^1 of ${of}$`));
  await expectPanel(page, "quotes");
  // Checked last so that the rest of the journey runs even when it fails.
  assert.equal(typed, "a", "the / that focuses the search must not be typed into it; the a must be");
  await page.close();
});

test("keyboard alone: arrow keys move between tabs (desktop)", async () => {
  const page = await openPage(browser, url);
  const reached = await tabThrough(page, 150, (i) => i.who.startsWith("button#tab-"));
  assert.equal(reached.at(-1).who.split(".")[0], "button#tab-actors", "Tab reaches the active tab");
  const steps = [
    ["ArrowRight", "timeline"],
    ["ArrowRight", "quotes"],
    ["ArrowRight", "relations"],
    ["ArrowRight", "actors"],
    ["ArrowLeft", "relations"],
    ["Home", "actors"],
    ["End", "relations"],
    ["ArrowLeft", "quotes"],
  ];
  for (const [key, panel] of steps) {
    await page.keyboard.press(key);
    await page.waitForFunction((p) => document.activeElement?.id === `tab-${p}`, panel, { timeout: 5000 });
    await expectPanel(page, panel);
    assert.ok(await isShown(page, `#panel-${panel}`));
  }
  // Only the active tab is in the Tab order (roving tabindex).
  const tabbable = await page.$$eval("[role='tab']", (els) => els.filter((e) => e.tabIndex >= 0).map((e) => e.id));
  assert.deepEqual(tabbable, ["tab-quotes"]);
  await page.close();
});

test("keyboard alone: every focused element shows a focus indicator (desktop)", async () => {
  const page = await openPage(browser, url);
  const seen = await tabThrough(page, 40);
  // Then into the panels, with an actor selected so its details' buttons are there too.
  await page.click("#actor-putin");
  await page.focus("#tab-actors");
  seen.push(...(await tabThrough(page, 25)));
  const unseen = seen.filter((s) => !s.visible).map((s) => `${s.who}: ${s.why}`);
  assert.deepEqual(unseen, [], "focus without a visible indicator");
  assert.ok(new Set(seen.map((s) => s.who)).size >= 40, "Tab moved through many distinct elements");
  await page.close();
});

// 6. Mention cards.

/** Hovers `selector` and waits for the card to show and be placed. */
async function hoverForCard(page, selector) {
  await page.hover(selector);
  await page.waitForFunction(() => {
    const c = document.querySelector("#mention-card");
    return c && !c.hidden && c.style.top !== "" && c.getBoundingClientRect().height > 0;
  }, null, { timeout: 5000 });
}

/** The card must not cover the line of its mention, must be on screen and on top. */
async function expectCardClearOf(page, selector) {
  const placement = await page.evaluate((sel) => {
    const card = document.querySelector("#mention-card").getBoundingClientRect();
    const lines = [...document.querySelector(sel).getClientRects()];
    const overLine = lines.some((l) => card.top < l.bottom && card.bottom > l.top);
    const cx = card.left + card.width / 2, cy = card.top + card.height / 2;
    const atCentre = document.elementFromPoint(cx, cy);
    return {
      overLine,
      inViewport: card.top >= 0 && card.bottom <= innerHeight && card.left >= 0 && card.right <= innerWidth,
      onTop: !!atCentre?.closest("#mention-card"),
      card: [card.left, card.top, card.right, card.bottom].map(Math.round),
      lines: lines.map((l) => [l.left, l.top, l.right, l.bottom].map(Math.round)),
    };
  }, selector);
  const where = `card ${placement.card} vs ${selector} ${JSON.stringify(placement.lines)}`;
  assert.equal(placement.overLine, false, `the card covers its mention's line: ${where}`);
  assert.ok(placement.inViewport, `the card is not wholly in the viewport: ${where}`);
  assert.ok(placement.onTop, `the card is covered by something else: ${where}`);
}

test("hovering a mention shows its actor's card, clear of the mention's line (desktop)", async () => {
  const page = await openPage(browser, url);
  await hoverForCard(page, "#mention-putin-0");
  assert.equal(await page.getAttribute("#mention-card", "role"), "tooltip");
  assert.match(await page.textContent("#mention-card"), /Vladimir Putin/);
  assert.equal(await page.getAttribute("#mention-putin-0", "aria-describedby"), "mention-card");
  await expectCardClearOf(page, "#mention-putin-0");

  // Leaving the mention hides an unpinned card.
  await page.mouse.move(5, DESKTOP.height - 5);
  await page.waitForFunction(() => {
    const c = document.querySelector("#mention-card");
    return !c || c.hidden;
  }, null, { timeout: 5000 });

  // A mention just under the toolbar (no room above) and one near the bottom of the window.
  for (const [selector, where] of [["#mention-kim-1", "top"], ["#mention-hayashi-0", "bottom"]]) {
    await page.evaluate(
      ([sel, at]) => {
        const r = document.querySelector(sel).getBoundingClientRect();
        const barBottom = document.querySelector(".toolbar").getBoundingClientRect().bottom;
        const target = at === "top" ? barBottom + 8 : innerHeight - r.height - 8;
        window.scrollBy({ top: r.top - target, behavior: "instant" });
      },
      [selector, where],
    );
    await hoverForCard(page, selector);
    const name = await page.$eval(`#actor-${await page.$eval(selector, (e) => e.dataset.actor)} .actor__name`, (e) => e.textContent);
    assert.match(await page.textContent("#mention-card"), new RegExp(name));
    await expectCardClearOf(page, selector);
    await page.mouse.move(5, DESKTOP.height - 5);
  }
  await page.close();
});

test("tapping a mention on a phone pins a card that fits the screen (phone)", async () => {
  const page = await openPageWith(browser, url, { viewport: PHONE, hasTouch: true, isMobile: true });
  // An actor's first mention: selecting it needs no scroll to the actor's first mention.
  await page.tap("#mention-stoltenberg-0");
  await page.waitForSelector("#mention-card[role='dialog']", { timeout: 5000 });
  await page.waitForFunction(() => document.querySelector("#mention-card").style.top !== "");
  await settleScroll(page);
  assert.match(await page.textContent("#mention-card"), /Jens Stoltenberg/);
  await expectCardClearOf(page, "#mention-stoltenberg-0");
  await noHorizontalScroll(page, "card pinned");
  // Its Close button closes it.
  await page.tap("#mention-card button:has-text('Close')");
  await page.waitForFunction(() => document.querySelector("#mention-card")?.hidden !== false);
  await page.context().close();
});

test("turning cards off stops them on hover, and the choice survives a reload (desktop)", async () => {
  const page = await openPage(browser, url);
  assert.equal(await page.getAttribute("#cards-toggle", "aria-checked"), "true");
  await page.click("#cards-toggle");
  await page.waitForFunction(() => document.querySelector("#cards-toggle").getAttribute("aria-checked") === "false");

  const cardHiddenAfterHover = async () => {
    await page.mouse.move(5, DESKTOP.height - 5);
    await page.hover("#mention-putin-0");
    await nextFrames(page);
    return page.evaluate(() => {
      const c = document.querySelector("#mention-card");
      return !c || c.hidden || c.getBoundingClientRect().height === 0;
    });
  };
  assert.ok(await cardHiddenAfterHover(), "no card on hover when cards are off");

  await reload(page);
  await page.waitForFunction(() => document.querySelector("#cards-toggle")?.getAttribute("aria-checked") === "false", null, { timeout: 5000 });
  assert.ok(await cardHiddenAfterHover(), "still no card after a reload");

  // And back on: the card returns (so the checks above were not vacuous).
  await page.click("#cards-toggle");
  await page.mouse.move(5, DESKTOP.height - 5);
  await hoverForCard(page, "#mention-putin-0");
  await reload(page);
  assert.equal(await page.getAttribute("#cards-toggle", "aria-checked"), "true");
  await page.close();
});

// 7. Themes.

test("the dark theme applies and survives a reload; system follows the OS (desktop)", async () => {
  const page = await openPage(browser, url, { colorScheme: "light" });
  const light = luminance(await pageBackground(page));
  assert.ok(light > 0.7, `light background by default (luminance ${light.toFixed(2)})`);

  await page.selectOption("#theme-select", "dark");
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  const dark = luminance(await pageBackground(page));
  assert.ok(dark < 0.05, `dark background (luminance ${dark.toFixed(3)})`);

  await reload(page);
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark", null, { timeout: 5000 });
  assert.equal(await page.inputValue("#theme-select"), "dark");
  assert.ok(luminance(await pageBackground(page)) < 0.05, "still dark after a reload");

  // "Light" wins over a dark system; "system" follows it.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.selectOption("#theme-select", "light");
  await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
  assert.ok(luminance(await pageBackground(page)) > 0.7, "light theme on a dark system");
  await page.selectOption("#theme-select", "system");
  await page.waitForFunction(() => !document.documentElement.dataset.theme || document.documentElement.dataset.theme === "system");
  assert.ok(luminance(await pageBackground(page)) < 0.05, "system theme on a dark system is dark");
  await page.emulateMedia({ colorScheme: "light" });
  assert.ok(luminance(await pageBackground(page)) > 0.7, "system theme on a light system is light");
  await page.close();

  const fresh = await openPage(browser, url, { colorScheme: "dark" });
  assert.equal(await fresh.inputValue("#theme-select"), "system");
  assert.ok(luminance(await pageBackground(fresh)) < 0.05, "a dark system gives a dark page with no choice made");
  await fresh.close();
});

// 8. Layouts.

test("phone: a bottom tab bar opens the panel as a sheet, Close hides it (phone)", async () => {
  const page = await openPageWith(browser, url, { viewport: PHONE, hasTouch: true, isMobile: true });
  const bar = await rectOf(page, ".panels__bar");
  assert.ok(Math.abs(bar.bottom - PHONE.height) <= 1, `tab bar at the bottom (bottom ${bar.bottom})`);
  for (const tab of ["#tab-actors", "#tab-timeline", "#tab-quotes"]) assert.ok(await isShown(page, tab));
  // Still there after scrolling.
  await page.evaluate(() => window.scrollTo(0, 2000));
  await page.waitForFunction(() => window.scrollY > 0);
  assert.ok(Math.abs((await rectOf(page, ".panels__bar")).bottom - PHONE.height) <= 1, "tab bar stays at the bottom");

  assert.equal(await isShown(page, "#panel-actors"), false, "no sheet before a tab is tapped");
  assert.equal(await page.$("aside.panels--open"), null);
  await page.tap("#tab-timeline");
  // The aside itself has no box on phones (its bar and sheet are fixed): wait for its class.
  await page.waitForSelector("aside.panels--open", { state: "attached", timeout: 5000 });
  await page.waitForFunction(shownInPage, "#panel-timeline", { timeout: 5000 });
  await expectPanel(page, "timeline");
  const sheet = await rectOf(page, "#panel-timeline");
  assert.ok(sheet.bottom <= bar.top + 1 && sheet.top >= 0, "the sheet sits above the tab bar, on screen");
  assert.ok(await isShown(page, ".panels__close"));
  await noHorizontalScroll(page, "sheet open");

  await page.tap(".panels__close");
  await page.waitForFunction(() => !document.querySelector("aside.panels--open"), null, { timeout: 5000 });
  assert.equal(await isShown(page, "#panel-timeline"), false, "Close hides the sheet");
  assert.equal(await isShown(page, ".panels__close"), false);
  await page.context().close();
});

for (const viewport of [SMALL_PHONE, PHONE]) {
  test(`no sideways scroll and nothing cut off at ${viewport.width}×${viewport.height}, in every state`, async () => {
    const page = await openPage(browser, url, { viewport });
    const overflows = [];
    const check = async (state) => {
      const overflow = await sidewaysOverflow(page);
      if (overflow) overflows.push(`${state}: page scrolls sideways, ${overflow}`);
      const cut = await controlsCutOff(page);
      if (cut.length) overflows.push(`${state}: controls cut off at the side: ${cut.join(", ")}`);
    };
    await check("start");
    for (const panel of ["actors", "timeline", "quotes"]) {
      await page.click(`#tab-${panel}`);
      await page.waitForFunction(shownInPage, `#panel-${panel}`, { timeout: 5000 });
      await check(`${panel} sheet`);
    }
    await page.click("#tab-actors");
    await page.click("#actor-stoltenberg");
    await page.waitForSelector("#actor-details-stoltenberg");
    await check("actor details");
    await page.click(".panels__close");
    await page.click("#mention-kim-1");
    await page.waitForSelector("#mention-card[role='dialog']");
    await check("card pinned");
    await page.keyboard.press("Escape");
    await page.click("button[aria-controls='help']");
    await page.waitForFunction(shownInPage, "#help");
    await check("help");
    assert.deepEqual(overflows, [], "the page is wider than the screen");
    await page.close();
  });
}

test("phone: every control is at least 44px tall, in every state (phone)", async () => {
  const page = await openPage(browser, `${url}#actor=nobody`, { viewport: PHONE });
  const small = new Map();
  const collect = async (state) => {
    for (const s of await smallTargets(page)) if (!small.has(s)) small.set(s, state);
  };
  await page.waitForSelector(".notice");
  await collect("start, with a notice");
  await page.click("#tab-actors");
  await page.click("#actor-kim");
  await page.waitForSelector("#actor-details-kim");
  await collect("actors sheet, Kim selected");
  await page.click("#tab-timeline");
  await page.click("#event-signing-2024");
  await page.waitForSelector("#event-details-signing-2024");
  await collect("timeline sheet, event selected");
  await page.click("#tab-quotes");
  await page.waitForFunction(shownInPage, "#panel-quotes");
  await collect("quotes sheet");
  await page.click(".panels__close");
  await page.click("#mention-putin-0");
  await page.waitForSelector("#mention-card[role='dialog']");
  await collect("card pinned");
  await page.keyboard.press("Escape");
  await page.click("button[aria-controls='help']");
  await page.waitForFunction(shownInPage, "#help");
  await collect("help open");
  const report = [...small].map(([s, state]) => `${s} (${state})`);
  assert.deepEqual(report, [], "controls shorter than 44px");
  await page.close();
});

test("medium width: the panels are a drawer behind the toolbar's Panels button (900×800)", async () => {
  const page = await openPage(browser, url, { viewport: MEDIUM });
  assert.ok(await isShown(page, ".toolbar__panels"));
  assert.equal(await page.getAttribute(".toolbar__panels", "aria-expanded"), "false");
  assert.equal(await isShown(page, "#panels"), false, "no panels before the button");
  assert.equal(await isShown(page, "#panel-actors"), false);
  await noHorizontalScroll(page, "medium");

  await page.click(".toolbar__panels");
  await page.waitForFunction(shownInPage, "#panel-actors", { timeout: 5000 });
  assert.equal(await page.getAttribute(".toolbar__panels", "aria-expanded"), "true");
  const drawer = await rectOf(page, "#panels");
  assert.ok(drawer.right <= MEDIUM.width + 0.5 && drawer.left >= 0, `drawer on screen: ${JSON.stringify(drawer)}`);
  await page.click("#actor-kim");
  await expectActorSelected(page, "kim");

  await page.click(".toolbar__panels");
  await page.waitForFunction(() => !document.querySelector("#panels").checkVisibility(), null, { timeout: 5000 });
  assert.equal(await page.getAttribute(".toolbar__panels", "aria-expanded"), "false");
  await page.close();
});

test("wide: the panels sit beside the article with no Panels button (desktop)", async () => {
  const page = await openPage(browser, url);
  assert.ok(await isShown(page, "#panel-actors"));
  assert.equal(await isShown(page, ".toolbar__panels"), false);
  const article = await rectOf(page, ".article__body");
  const panels = await rectOf(page, "#panels");
  assert.ok(panels.left >= article.right, `panels (left ${panels.left}) right of the text (right ${article.right})`);
  await page.close();
});

// 9. Find in the article.

for (const [name, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
  test(`find in the article counts matches and says when there are none (${name})`, async () => {
    const page = await openPage(browser, url, { viewport });
    assert.equal(await searchStatus(page), "");
    await page.fill("#search-input", "north korea");
    await waitForStatus(page, SEARCH_STATUS);
    const [, at, of] = (await searchStatus(page)).match(SEARCH_STATUS);
    assert.equal(at, "1");
    assert.ok(Number(of) >= 10, `"north korea": ${of} matches`);
    await page.click("button[aria-label='Previous match']");
    await waitForStatus(page, new RegExp(`^${of} of ${of}$`));
    await page.click("button[aria-label='Next match']");
    await waitForStatus(page, new RegExp(`^1 of ${of}$`));

    await page.fill("#search-input", "zzzz");
    await waitForStatus(page, /^No matches$/);
    assert.ok(await page.isDisabled("button[aria-label='Next match']"));
    assert.ok(await page.isDisabled("button[aria-label='Previous match']"));
    await page.fill("#search-input", "");
    await waitForStatus(page, /^$/);
    await page.close();
  });
}

// 10. axe-core in every state.

const AXE_STATES = [
  ["actors panel", DESKTOP, "", async (page) => page.click("#tab-actors")],
  ["timeline panel", DESKTOP, "", async (page) => page.click("#tab-timeline")],
  ["quotes panel", DESKTOP, "", async (page) => page.click("#tab-quotes")],
  ["actor selected", DESKTOP, "", async (page) => {
    await page.click("#actor-kim");
    await page.waitForSelector("#actor-details-kim");
  }],
  ["event selected", DESKTOP, "#event=signing-2024", async (page) => page.waitForSelector("#event-details-signing-2024")],
  ["quote selected", DESKTOP, "#quote=kim-sacred-fight", async (page) => page.waitForSelector(".quote--selected")],
  ["card pinned", DESKTOP, "", async (page) => {
    await page.click("#mention-putin-0");
    await page.waitForSelector("#mention-card[role='dialog']");
  }],
  ["card on hover", DESKTOP, "", async (page) => hoverForCard(page, "#mention-stoltenberg-0")],
  ["help open", DESKTOP, "", async (page) => {
    await page.click("button[aria-controls='help']");
    await page.waitForFunction(shownInPage, "#help");
  }],
  ["search with matches", DESKTOP, "", async (page) => {
    await page.fill("#search-input", "Kim");
    await waitForStatus(page, SEARCH_STATUS);
  }],
  ["notice for a bad link", DESKTOP, "#actor=nobody", async (page) => page.waitForSelector(".notice")],
  ["dark theme, actor selected", DESKTOP, "#actor=putin", async (page) => {
    await page.selectOption("#theme-select", "dark");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  }],
  ["dark theme, timeline", DESKTOP, "#event=treaty-1961", async (page) => {
    await page.selectOption("#theme-select", "dark");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  }],
  ["phone, sheet open", PHONE, "", async (page) => {
    await page.click("#tab-actors");
    await page.waitForFunction(shownInPage, "#panel-actors");
  }],
  ["phone, sheet open with a quote selected", PHONE, "#quote=kim-sacred-fight", async (page) => {
    await page.click("#tab-quotes");
    await page.waitForFunction(shownInPage, "#panel-quotes");
  }],
  ["medium, drawer open", MEDIUM, "", async (page) => {
    await page.click(".toolbar__panels");
    await page.waitForFunction(shownInPage, "#panel-actors");
  }],
];

test("axe-core finds no violation in any state", async (t) => {
  for (const [state, viewport, link, arrange] of AXE_STATES) {
    await t.test(state, async () => {
      const page = await openPage(browser, `${url}${link}`, { viewport });
      await arrange(page);
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${state}: ${JSON.stringify(violations, null, 1)}`);
      await page.close();
    });
  }
});

// 11. Quotes.

test("quotes: filter by speaker, and Copy puts the attributed quote on the clipboard (desktop)", async () => {
  const page = await openPageWith(browser, url, { viewport: DESKTOP });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
  await page.click("#tab-quotes");
  const everyone = await page.$$eval("#panel-quotes .quote-item", (els) => els.length);
  assert.equal(everyone, await page.$$eval("q.quote", (els) => new Set(els.map((e) => e.dataset.quote)).size));

  await page.selectOption("#speaker-filter", "stoltenberg");
  await page.waitForFunction(() => document.querySelectorAll("#panel-quotes .quote-item").length === 4, null, { timeout: 5000 });
  const speakers = await page.$$eval("#panel-quotes .quote-item .quote-item__meta .link-button", (els) =>
    els.map((e) => e.textContent.trim()),
  );
  assert.deepEqual(speakers, Array(4).fill("Jens Stoltenberg"));
  const ids = await page.$$eval("#panel-quotes .quote-item__text", (els) => els.map((e) => e.id));
  assert.ok(ids.every((id) => id.startsWith("quote-item-stoltenberg-")), ids.join(" "));

  // Copy the first of them.
  const words = (await page.textContent("#panel-quotes .quote-item__text")).replace(/^“|”$/g, "").trim();
  await page.evaluate(() => navigator.clipboard.writeText("(nothing copied yet)"));
  await page.click("#panel-quotes .quote-item .quote-item__copy");
  await page.waitForFunction(() => /copied/i.test(document.querySelector("#announcer").textContent), null, { timeout: 5000 });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes(words), `the clipboard has the quote's words: ${copied}`);
  assert.match(copied, /Jens Stoltenberg/);
  assert.match(copied, /Financial Times/);

  // Back to everyone.
  await page.selectOption("#speaker-filter", "");
  await page.waitForFunction((n) => document.querySelectorAll("#panel-quotes .quote-item").length === n, everyone);
  await page.context().close();
});
