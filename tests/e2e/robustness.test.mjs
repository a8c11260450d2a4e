// Bad input in the browser: hostile, huge and garbled URL hashes, and storage that is
// disabled or holds garbage. The viewer keeps working, says what it must, and runs nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, reachFeedback, DESKTOP } from "./helpers.mjs";

let browser, site;
before(async () => {
  browser = await launch();
  site = await serve();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

async function open(hash, init) {
  const context = await browser.newContext({ viewport: DESKTOP });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  page.on("dialog", (d) => {
    page.errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(site.url + hash);
  await page.waitForSelector(".app[data-ready]");
  return page;
}

const HOSTILE_HASHES = [
  // Only a well-formed id is repeated to the reader; anything else is not echoed at all.
  ["a script as an id", "#actor=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E", /^This link names an actor that is not in this article\.$/],
  ["100 KB of text", "#actor=" + "a".repeat(100_000), /too long to read/],
  ["invalid percent-encoding", "#actor=%E0%A4%A", /garbled/],
  ["bytes that are not UTF-8", "#quote=%ff%fe", /garbled/],
  ["an unknown panel", "#panel=%3Cimg%20src%3Dx%20onerror%3D__pwned%3D1%3E", /^This link asks for a panel that this viewer does not have\.$/],
  ["a phishing line as an id", "#actor=Session%20expired.%20Call%20%2B1-555-0100%20now", /^This link names an actor that is not in this article\.$/],
];

for (const [what, hash, notice] of HOSTILE_HASHES) {
  test(`a hash with ${what}: a polite notice, nothing selected, nothing run`, async () => {
    const page = await open(hash);
    assert.match((await page.textContent(".notice__text")).trim(), notice);
    assert.equal(await page.locator(".mention--selected").count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator("#marginalia script, .notice img").count(), 0);
    assert.deepEqual(page.errors, []);
    // Still usable.
    await page.click("#mention-kim-0");
    await page.waitForSelector(".mention--selected[data-actor=kim]");
    await page.context().close();
  });
}

test("unknown keys in the hash are ignored silently", async () => {
  const page = await open("#utm_source=x&actor=putin&foo=%zz");
  await page.waitForSelector(".mention--selected[data-actor=putin]");
  assert.equal(await page.locator(".notice").count(), 0);
  await page.context().close();
});

test("storage disabled: the viewer works and says settings won't be remembered", async () => {
  const page = await open("", () => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("denied", "SecurityError");
      },
    });
  });
  assert.match(await page.textContent(".toolbar__warning"), /won’t be remembered/);
  await page.selectOption("#theme-select", "dark");
  assert.equal(await page.getAttribute(".app", "data-theme"), "dark");
  await page.click("#mention-putin-0");
  await page.waitForSelector(".mention--selected[data-actor=putin]");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("storage holding garbage: ignored, the defaults apply", async () => {
  const page = await open("", () => {
    localStorage.setItem("marginalia.theme", "<script>");
    localStorage.setItem("marginalia.cards", "\u0000\u0001");
    // Under the article's own key (its page's path), and under the key of the one-article
    // days, whose garbage is nobody's form and stays where it is.
    localStorage.setItem(`marginalia.feedback:${location.pathname.replace(/index\.html$/, "")}`, "zz-not-hex");
    localStorage.setItem("marginalia.feedback", "zz-not-hex");
  });
  assert.equal(await page.getAttribute(".app", "data-theme"), "system");
  await reachFeedback(page);
  assert.match(await page.textContent(".feedback__status"), /could not be read, so the form starts empty/);
  assert.equal(await page.locator(".toolbar__warning").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
