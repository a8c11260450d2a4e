// One viewer for every article: a site of two articles built from data (one wasm for both,
// which holds no article's text), two different articles mounted on one host page, each
// article's feedback kept apart, the one-article feedback key adopted by the seed, and a
// stale or damaged data file shown as the error view above the still-readable article.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, serve, startServer, openPage, seedParagraphs, marginalia, reachFeedback } from "./helpers.mjs";

const SEED_SENTENCE = "strongest commitments in Asia";

let browser, tmp, two, dist;
before(async () => {
  browser = await launch();
  // A site whose content folder holds both articles.
  tmp = mkdtempSync(join(tmpdir(), "marginalia-two-"));
  cpSync("content/putin-kim-pact", join(tmp, "content/putin-kim-pact"), { recursive: true });
  cpSync("examples/articles/saltmere-lighthouse", join(tmp, "content/saltmere-lighthouse"), { recursive: true });
  marginalia(["build", "--viewer", "target/viewer", join(tmp, "content"), join(tmp, "site")]);
  two = await startServer({ dir: join(tmp, "site") });
  dist = await serve();
});
after(async () => {
  await browser?.close();
  two?.server.close();
  dist?.server.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const read = (...path) => readFileSync(join(tmp, "site", ...path), "utf8");

test("two articles, one site: the contents page lists both, both pages share one wasm", async () => {
  const page = await browser.newPage();
  await page.goto(two.url);
  const headlines = await page.$$eval(".contents__headline a", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
  assert.deepEqual(headlines, [
    ["Japan and South Korea sound alarm over Putin-Kim military pact", "./putin-kim-pact/"],
    ["Saltmere council votes to relight its old lighthouse", "./saltmere-lighthouse/"],
  ]);
  assert.match(await page.textContent(".contents"), /Financial Times, 20 June 2024 · 3 min read/);
  await page.close();

  // Both pages start the viewer with the site's one init.js, which names the one wasm.
  const startOf = (html) => html.match(/<script type="module" src="(\.\.\/init\.js)" async><\/script>/)?.[1];
  const [a, b] = [read("putin-kim-pact/index.html"), read("saltmere-lighthouse/index.html")];
  assert.equal(startOf(a), "../init.js", "the page starts the shared viewer");
  assert.equal(startOf(b), "../init.js");
  const wasm = readdirSync(join(tmp, "site")).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, "one wasm for the whole site");
  assert.ok(read("init.js").includes(`"./${wasm[0]}"`), "init.js loads that wasm");
  for (const slug of ["putin-kim-pact", "saltmere-lighthouse"]) {
    const p = await openPage(browser, `${two.url}${slug}/`);
    const first = await p.getAttribute(".article__body a.mention", "id");
    await p.click(`#${first}`);
    await p.waitForSelector(".mention--selected");
    assert.deepEqual(p.errors, [], slug);
    await p.close();
  }
});

test("the wasm carries no article: neither article's text is in it", () => {
  const wasm = readdirSync("dist").find((f) => f.endsWith(".wasm"));
  const bytes = readFileSync(join("dist", wasm)).toString("latin1");
  const text = (s) => Buffer.from(s, "utf8").toString("latin1");
  assert.ok(readFileSync("content/putin-kim-pact/article.md", "utf8").includes(SEED_SENTENCE));
  assert.ok(!bytes.includes(text(SEED_SENTENCE)), "the seed's text is in the wasm");
  assert.ok(!bytes.includes(text("Saltmere council")), "the example's text is in the wasm");
  // The data holds what the panels need, not the article's text: the passages the panels show
  // travel by place and are read back from the page, so no sentence of the body is in it.
  const data = readdirSync(join(tmp, "site/putin-kim-pact")).find((f) => /^data\.[0-9a-f]{16}\.bin$/.test(f));
  const panels = readFileSync(join(tmp, "site/putin-kim-pact", data)).toString("latin1");
  assert.ok(panels.startsWith("MARGNLIA"));
  const sentences = seedParagraphs().flatMap((p) => p.split(/(?<=[.”])\s+(?=[A-Z“])/));
  assert.ok(sentences.length > 20);
  const repeated = sentences.filter((s) => s.length > 40 && panels.includes(text(s)));
  assert.deepEqual(repeated, [], "sentences of the body in the data");
});

test("two different articles mounted on one host page work independently", async () => {
  const page = await openPage(browser, dist.root + "examples/two-articles.html", { waitFor: "#second .article__body" });
  const first = page.locator("#first");
  const second = page.locator("#second");
  await first.locator(".article__body").waitFor();
  assert.match(await first.locator(".article__title, h1").first().textContent(), /Putin-Kim/);
  assert.match(await second.locator(".article__title, h1").first().textContent(), /Saltmere/);
  await first.locator("#mention-putin-0").click();
  await first.locator(".mention--selected").first().waitFor();
  assert.equal(await second.locator(".mention--selected").count(), 0, "the other viewer is untouched");
  const exampleMention = await second.locator(".article__body a.mention").first().getAttribute("id");
  await second.locator(`#${exampleMention}`).click();
  await second.locator(".mention--selected").first().waitFor();
  assert.ok((await first.locator(".mention--selected[data-actor=putin]").count()) > 0, "the first keeps its selection");
  assert.equal(await page.evaluate(() => location.hash), "", "mounts leave the host's URL alone");
  // Each prints its dossier, taken from its article's page and scrubbed like the text: the
  // tables, without the picture (SVG is among what a mount removes).
  assert.equal(await first.locator(".dossier table").count(), 4);
  assert.equal(await first.locator(".dossier tbody tr").count(), 23 + 11 + 16 + 35);
  assert.equal(await first.locator(".dossier svg").count(), 0);
  assert.equal(await second.locator(".dossier table").count(), 4);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("feedback belongs to its article; the one-article key moves to the seed's", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${two.url}putin-kim-pact/`);
  await page.waitForSelector(".app[data-ready]");
  await reachFeedback(page);
  await page.fill("#feedback-comment", "About the pact.");
  await page.click("button[type=submit]:has-text('Submit feedback')");
  await page.goto(`${two.url}saltmere-lighthouse/`);
  await page.waitForSelector(".app[data-ready]");
  await reachFeedback(page);
  assert.equal(await page.inputValue("#feedback-comment"), "", "the other article's form is its own");
  await page.fill("#feedback-comment", "About the lighthouse.");
  await page.click("button[type=submit]:has-text('Submit feedback')");
  await page.goto(`${two.url}putin-kim-pact/`);
  await page.waitForSelector(".app[data-ready]");
  await reachFeedback(page);
  await page.waitForFunction(() => document.querySelector("#feedback-comment").value.length > 0);
  assert.equal(await page.inputValue("#feedback-comment"), "About the pact.");
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("marginalia.feedback")).sort());
  assert.deepEqual(keys, ["marginalia.feedback:/putin-kim-pact/", "marginalia.feedback:/saltmere-lighthouse/"]);

  // Feedback kept before sites held several articles: under the old key, moved to the seed's.
  await page.evaluate(() => {
    const kept = localStorage.getItem("marginalia.feedback:/putin-kim-pact/");
    localStorage.clear();
    localStorage.setItem("marginalia.feedback", kept);
  });
  await page.reload();
  await page.waitForSelector(".app[data-ready]");
  await reachFeedback(page);
  await page.waitForFunction(() => document.querySelector("#feedback-comment").value.length > 0);
  assert.equal(await page.inputValue("#feedback-comment"), "About the pact.");
  assert.equal(await page.evaluate(() => localStorage.getItem("marginalia.feedback")), null, "nothing left under the old key");
  await context.close();
});

for (const [what, change, message] of [
  ["from an older build", (bytes) => ((bytes[8] = 0), (bytes[9] = 0), bytes), /older build of marginalia/],
  ["damaged", (bytes) => bytes.subarray(0, bytes.length - 7), /damaged/],
  ["not data at all", () => Buffer.from("<!DOCTYPE html><title>404</title>"), /not a marginalia data file/],
]) {
  test(`a data file ${what} gives the error view above the readable article`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route("**/data.*.bin", async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, body: change(Buffer.from(await response.body())) });
    });
    await page.goto(dist.url);
    const alert = page.locator(".crash[role=alert]");
    await alert.waitFor();
    assert.match(await alert.textContent(), message);
    assert.equal(await page.locator(".article__body p").count() > 10, true, "the article stays readable");
    assert.deepEqual(errors, [], "no uncaught error, no panic");
    await page.close();
  });
}
