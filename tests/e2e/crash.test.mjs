// A panic in the release viewer. It is built with `-Cpanic=immediate-abort` (see the Makefile):
// a panic runs no Rust hook, the wasm traps (WebAssembly.RuntimeError "unreachable"), and the
// start script (init.js, or the single file's own script) shows the error view. The reader must
// get a clear message above the article, which stays readable.
//
// The panic is a real one in the release build, with no test-only code in it: the test makes the
// browser refuse to insert a node (`Node.prototype.insertBefore` throws), and Yew panics when
// the DOM refuses an insertion ("failed to append child").
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, serve, openPage, DESKTOP } from "./helpers.mjs";

let browser, site;
before(async () => {
  browser = await launch();
  site = await serve();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

/** Node.prototype.insertBefore throws from now on (`times` calls; then it works again). */
function refuseInserts(times = Infinity) {
  const insertBefore = Node.prototype.insertBefore;
  let left = times;
  Node.prototype.insertBefore = function (...args) {
    if (left-- > 0) throw new DOMException("refused by the test", "NotSupportedError");
    return insertBefore.apply(this, args);
  };
}

/** The error view is shown once, above the article, which is still there to read. */
async function assertErrorViewAboveArticle(page, uncaught) {
  const alert = page.locator("#marginalia > .crash[role=alert]");
  await alert.waitFor();
  assert.equal(await alert.count(), 1, "one error view");
  assert.equal(await alert.locator("h2").textContent(), "Something went wrong in the viewer.");
  assert.match(await alert.locator("p").textContent(), /^The error was: RuntimeError: /);
  assert.equal(await alert.locator("a").textContent(), "Reload the page");
  assert.ok(await alert.isVisible());
  const body = page.locator(".article__body");
  assert.ok((await body.locator("p").count()) > 10, "the article stays in the page");
  assert.ok(await body.locator("p").first().isVisible(), "and readable");
  const above = await page.evaluate(() => {
    const [alert, body] = [document.querySelector(".crash"), document.querySelector(".article__body")];
    return Boolean(alert.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(above, "the message comes before the article");
  // The trap itself, not a Rust panic hook: with immediate-abort there is none.
  assert.ok(
    uncaught.some((e) => e.name === "RuntimeError"),
    `a wasm trap (RuntimeError), found ${JSON.stringify(uncaught.map((e) => `${e.name}: ${e.message}`))}`,
  );
}

test("a panic while reading (a click) traps and shows the error view above the article", async () => {
  const page = await openPage(browser, site.url, { viewport: DESKTOP });
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(e));
  await page.evaluate(refuseInserts, 1);
  // Selecting a name makes the viewer insert nodes (the selection's highlights and panel rows).
  await page.locator(".article__body .mention").first().click();
  await assertErrorViewAboveArticle(page, uncaught);
  // A second trap (the viewer is stopped; another click calls into it again) adds no second view.
  await page.locator(".article__body .mention").nth(1).click();
  assert.equal(await page.locator(".crash").count(), 1);
  await page.close();
});

test("the single file, opened from disk: a panic as the viewer starts shows the error view", async () => {
  const file = pathToFileURL(resolve("dist/putin-kim-pact/putin-kim-pact.html")).href;
  const context = await browser.newContext({ viewport: DESKTOP });
  // The viewer's first render (adopting the prerendered page) cannot insert anything.
  await context.addInitScript(refuseInserts);
  const page = await context.newPage();
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(e));
  await page.goto(file);
  await assertErrorViewAboveArticle(page, uncaught);
  assert.equal(await page.locator(".app[data-ready]").count(), 0, "the viewer did not start");
  await context.close();
});
