// The boundary between the viewer, the page that embeds it and whoever frames that page, with
// the viewer's site, a host and a hostile page on three origins (servers on 127.0.0.1 ports):
// a host page that loads mount.js gets no page viewer of its own; a mount leaves the host's
// <html>, keyboard, hash and URL alone, also when the reader follows a #link in the text; and
// every page of the site works under the README's strict Content-Security-Policy; feedback
// reaches only a site the author allowed (never whoever frames the page), or the element a
// mount lives in; an embed never writes the host's history.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { launch, serve, startServer, marginalia, reachFeedback, STRICT_CSP } from "./helpers.mjs";

// The README's policy, as a host serves it.
const CSP = STRICT_CSP;

let browser, tmp, viewer, strict, hostOrigin, hostileOrigin;
const servers = [];

/** A server on 127.0.0.1 answering GET path → HTML from `routes`. */
async function listen(routes) {
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url, "http://127.0.0.1").pathname];
    if (!route) return res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(route());
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

/** A host page on another origin that mounts an article of the viewer's site. It has an
 * element with id="marginalia", a theme of its own on <html>, a field and its own hash. */
const hostPage = (site, article) => () => `<!doctype html>
<html lang="en" data-theme="host-theme"><head><meta charset="utf-8"><title>host</title></head><body>
<div id="marginalia">The host's own element called marginalia.</div>
<input id="box" aria-label="host field">
<div id="viewer"></div>
<script>window.events = []; document.getElementById("viewer").addEventListener("marginalia:feedback", (e) => window.events.push(e.detail)); window.received = []; addEventListener("message", (e) => window.received.push(e.data));</script>
<script type="module">
  import { mount } from "${site}mount.js";
  await mount(document.getElementById("viewer"), { article: "${site}${article}" });
  window.mounted = true;
</script></body></html>`;

/** A page (host or hostile) that frames `src` and records every message it receives. */
const framePage = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>framer</title></head><body>
<script>window.received = []; addEventListener("message", (e) => window.received.push(e.data));</script>
<iframe src="${src}" title="article" style="width:900px;height:700px"></iframe></body></html>`;

before(async () => {
  browser = await launch();
  // The host and the hostile site first: the article's author allows the host's origin.
  hostOrigin = await listen({
    "/host": () => hostPage(viewer.url, "saltmere-lighthouse/")(),
    "/frame": () => framePage(`${viewer.url}saltmere-lighthouse/?embed`),
  });
  hostileOrigin = await listen({
    "/embed": () => framePage(`${viewer.url}saltmere-lighthouse/?embed`),
    "/plain": () => framePage(`${viewer.url}saltmere-lighthouse/`),
  });
  // The viewer's site, allowing other origins to mount its articles; its article has a link to
  // a #fragment in its text, and allows the host (only) to receive feedback from an embed.
  tmp = mkdtempSync(join(tmpdir(), "marginalia-sec-"));
  cpSync("examples/articles/saltmere-lighthouse", join(tmp, "content/saltmere-lighthouse"), { recursive: true });
  appendFileSync(join(tmp, "content/saltmere-lighthouse/article.md"), "\nBack to [the top of the article](#article).\n");
  appendFileSync(join(tmp, "content/saltmere-lighthouse/meta.toml"), `\n[feedback]\nparent_origins = ["${hostOrigin}"]\n`);
  marginalia(["build", "--viewer", "target/viewer", join(tmp, "content"), join(tmp, "site")]);
  viewer = await startServer({ dir: join(tmp, "site"), headers: { "access-control-allow-origin": "*" } });
  strict = await serve({ headers: { "content-security-policy": CSP } });
});
after(async () => {
  await browser?.close();
  viewer?.server.close();
  strict?.server.close();
  for (const s of servers) s.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test("mount.js on a host page: no page viewer, the host's <html>, keys and hash stay the host's", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${hostOrigin}/host#host-section`);
  await page.waitForFunction(() => window.mounted === true);
  const mounted = page.locator("#viewer");
  await mounted.locator(".article__body").waitFor();
  // The host's #marginalia is not turned into a viewer.
  assert.equal(await page.textContent("#marginalia"), "The host's own element called marginalia.");
  assert.equal(await page.locator("#marginalia .app").count(), 0);
  assert.equal(await page.getAttribute("html", "data-theme"), "host-theme");
  // "/" typed on the host page reaches the host's field; the viewer's shortcuts stay inside it.
  await page.click("#box");
  await page.keyboard.type("/a");
  assert.equal(await page.inputValue("#box"), "/a");
  // The host's own hash changes are the host's: the mounted viewer does not follow them.
  await page.evaluate(() => (location.hash = "#actor=quell"));
  await page.waitForTimeout(200);
  assert.equal(await mounted.locator(".mention--selected").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a #link in a mounted article's text scrolls inside the viewer and leaves the host's URL", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 600 } });
  await page.goto(`${hostOrigin}/host`);
  await page.waitForFunction(() => window.mounted === true);
  const link = page.locator("#viewer .article__body a[href='#article']", { hasText: "the top of the article" });
  await link.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => scrollY);
  await link.click();
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => location.href), `${hostOrigin}/host`);
  assert.ok((await page.evaluate(() => scrollY)) < before, "scrolled back up to the article");
  await page.close();
});

test("strict CSP: every inline script the site's pages run is allowed by the README's policy (by its hash), which allows no other", () => {
  // Every page of the site but the single files (for opening from disk, not for serving).
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html") && entry.name !== `${basename(dir)}.html`) pages.push(path);
    }
  };
  walk("dist");
  assert.ok(pages.length > 20, `the site's pages: ${pages.length}`);
  const written = new Set();
  for (const page of pages) {
    // Inline scripts that run: no src, and a script type (data islands and JSON-LD are not run).
    for (const [, attributes, body] of readFileSync(page, "utf8").matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      const type = attributes.match(/type="([^"]*)"/)?.[1] ?? "";
      if (attributes.includes("src=") || !["", "module", "text/javascript"].includes(type)) continue;
      written.add(`'sha256-${createHash("sha256").update(body).digest("base64")}'`);
    }
  }
  const allowed = new Set(CSP.match(/'sha256-[^']+'/g) ?? []);
  assert.deepEqual([...written].sort(), [...allowed].sort(), "the hashes the policy allows, against the inline scripts written");
  // SECURITY.md gives the same policy.
  assert.ok(readFileSync("SECURITY.md", "utf8").includes(`\n${CSP}\n`), "SECURITY.md's policy is the README's");
});

test("strict CSP: every page of the site and every feature, no violation", async () => {
  const context = await browser.newContext();
  const violations = [];
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  const open = async (path, ready) => {
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && violations.push(`${path}: ${m.text()}`));
    page.on("pageerror", (e) => violations.push(`${path}: ${e.message}`));
    await page.goto(strict.root + path);
    await page.waitForSelector(ready);
    return page;
  };
  const contents = await open("", ".contents__headline a");
  await contents.click(".contents__headline a");
  await contents.waitForSelector(".app[data-ready]");
  const article = await open("putin-kim-pact/#event=signing-2024", ".app[data-ready]");
  await article.click("#mention-kim-0");
  await article.hover("#mention-putin-0");
  await article.waitForSelector("#mention-card:not([hidden])");
  await article.fill("#search", "Pyongyang").catch(() => article.keyboard.type("/Pyongyang"));
  // The feedback form previews the reader's own image from a blob: address.
  const png = Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082",
    "hex",
  );
  await reachFeedback(article);
  await article.setInputFiles("#feedback-image", { name: "p.png", mimeType: "image/png", buffer: png });
  await article.waitForSelector(".feedback__preview");
  await article.waitForFunction(() => document.querySelector(".feedback__preview").naturalWidth === 1);
  const iframe = await open("examples/iframe.html", "iframe");
  await iframe.frameLocator("iframe").locator(".app[data-ready]").waitFor();
  const mount = await open("examples/mount.html", "#viewer");
  await mount.locator("#viewer .app[data-ready]").waitFor();
  const two = await open("examples/two-articles.html", "#second");
  await two.locator("#second .app[data-ready]").waitFor();
  // (The single file carries its script and style inline: it is for opening from disk, not for
  // serving under this policy; the README says so.)
  assert.deepEqual(violations, []);
  await context.close();
});

/** Fills and submits the feedback form in `frame` (a page or a frame). */
async function submitFeedback(frame, comment) {
  await frame.waitForSelector(".app[data-ready]");
  await reachFeedback(frame);
  await frame.fill("#feedback-comment", comment);
  await frame.click("button[type=submit]:has-text('Submit feedback')");
  await frame.waitForFunction(() => document.querySelector(".feedback__status").textContent.length > 0);
}

test("feedback: a hostile site that frames the page receives nothing, with or without ?embed", async () => {
  for (const path of ["/plain", "/embed"]) {
    const page = await browser.newPage();
    await page.goto(`${hostileOrigin}${path}`);
    const frame = page.frameLocator("iframe");
    await frame.locator(".app[data-ready]").waitFor();
    await reachFeedback(page.frames()[1]);
    assert.equal(await frame.locator(".feedback__recipient").count(), 0, `${path}: no receiver named`);
    await submitFeedback(page.frames()[1], "PRIVATE: my email is reader@example.org");
    await page.waitForTimeout(300);
    const leaked = await page.evaluate(() => window.received.filter((m) => m?.type === "marginalia:feedback"));
    assert.deepEqual(leaked, [], path);
    await page.close();
  }
});

test("feedback: the site the author allowed receives it, named beside Submit, for its origin only", async () => {
  const page = await browser.newPage();
  await page.goto(`${hostOrigin}/frame`);
  const frame = page.frames()[1];
  await frame.waitForSelector(".app[data-ready]");
  await reachFeedback(frame);
  assert.match(await frame.textContent(".feedback__recipient"), new RegExp(`sends your feedback to ${hostOrigin.replace(/[.:/]/g, "\\$&")}`));
  await submitFeedback(frame, "Glad to help.");
  await page.waitForFunction(() => window.received.some((m) => m?.type === "marginalia:feedback"));
  const message = await page.evaluate(() => window.received.find((m) => m?.type === "marginalia:feedback"));
  assert.equal(message.feedback.comment, "Glad to help.");
  await page.close();
});

test("feedback in a mount: an event on the host's element, never a message", async () => {
  const page = await browser.newPage();
  await page.goto(`${hostOrigin}/host`);
  await page.waitForFunction(() => window.mounted === true);
  const viewerEl = page.locator("#viewer");
  await reachFeedback(viewerEl);
  assert.match(await viewerEl.locator(".feedback__recipient").textContent(), /passes your feedback to this page/);
  await viewerEl.locator("#feedback-comment").fill("Mounted feedback.");
  await viewerEl.locator("button[type=submit]", { hasText: "Submit feedback" }).click();
  await page.waitForFunction(() => window.events.length > 0);
  assert.equal(await page.evaluate(() => window.events[0].comment), "Mounted feedback.");
  assert.deepEqual(await page.evaluate(() => window.received.filter((m) => m?.type === "marginalia:feedback")), []);
  await page.close();
});

test("an iframe embed never writes the host's history", async () => {
  const page = await browser.newPage();
  await page.goto(`${hostOrigin}/frame`);
  const frame = page.frames()[1];
  await frame.waitForSelector(".app[data-ready]");
  const before = await page.evaluate(() => history.length);
  for (const hash of ["#actor=quell", "#actor=gazette", "#panel=quotes", "#actor=quell"]) {
    await page.evaluate((h) => document.querySelector("iframe").contentWindow.postMessage({ type: "marginalia:view", version: 1, hash: h }, "*"), hash);
    await page.waitForTimeout(150);
  }
  // A click in the text changes the view too.
  await frame.click(".article__body a.mention");
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => history.length), before);
  assert.match(await frame.evaluate(() => location.hash), /#actor=/, "the view lives in the iframe's own URL");
  await page.close();
});
