// assets/embed.js resizes an <iframe data-marginalia> only for messages from the origin of the
// iframe's src: once a reader follows a link inside the iframe to another site, that site's
// {type: "marginalia:resize", version: 1, height: 99999} is ignored. Three origins, all small
// servers on 127.0.0.1: the host page (A), the viewer it frames (B), and a hostile page (C).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch } from "./helpers.mjs";

const EMBED = new URL("../../assets/embed.js", import.meta.url);
const GOOD = 321;
const HOSTILE = 99999; // below embed.js's MAX_HEIGHT: only the origin check can refuse it

let browser, tmp;
const servers = [];
let hostOrigin, viewerOrigin, hostileOrigin;

/** A server on 127.0.0.1 answering GET path → HTML (or JS) from `routes`. */
async function listen(routes) {
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url, "http://127.0.0.1").pathname];
    if (!route) return res.writeHead(404).end("not found");
    const [type, body] = route();
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

const html = (body) => () => ["text/html; charset=utf-8", `<!doctype html><meta charset="utf-8"><title>t</title>${body}`];

// The hostile page posts the oversized resize, then a "test:done" marker: messages from one
// window arrive in order, so once the host has seen the marker it has handled the resize.
const hostilePage = html(`<p>elsewhere</p><script>
  parent.postMessage({ type: "marginalia:resize", version: 1, height: ${HOSTILE} }, "*");
  parent.postMessage({ type: "test:done" }, "*");
</script>`);

// The viewer stand-in: posts its height once, and links to the hostile page.
const viewerPage = (hostileUrl) =>
  `<a id="away" href="${hostileUrl}">a link in the article</a><script>
  parent.postMessage({ type: "marginalia:resize", version: 1, height: ${GOOD} }, "*");
</script>`;

// The host page: embed.js before the iframe, so it listens before the viewer can post.
const hostPage = (embedSrc, viewerUrl) =>
  `<script>window.done = []; addEventListener("message", (e) => e.data?.type === "test:done" && window.done.push(e.origin));</script>
<script src="${embedSrc}"></script>
<iframe data-marginalia src="${viewerUrl}" style="width:400px;height:150px;border:0" title="viewer"></iframe>`;

before(async () => {
  hostileOrigin = await listen({ "/hostile": hostilePage });
  viewerOrigin = await listen({ "/viewer": html(viewerPage(`${hostileOrigin}/hostile`)) });
  hostOrigin = await listen({
    "/": html(hostPage("/embed.js", `${viewerOrigin}/viewer`)),
    "/embed.js": () => ["text/javascript; charset=utf-8", readFileSync(EMBED, "utf8")],
  });
  tmp = mkdtempSync(join(tmpdir(), "marginalia-embed-"));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const frameHeight = (page) => page.$eval("iframe[data-marginalia]", (f) => f.style.height);

/** Loads `url`, checks the viewer's resize applied, follows the link to the hostile page and
 * checks that page's resize did not. */
async function check(url) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction((h) => document.querySelector("iframe[data-marginalia]").style.height === `${h}px`, GOOD);
    const viewer = page.frames().find((f) => f.url().includes("/viewer"));
    assert.ok(viewer, "the viewer frame loaded");
    await viewer.click("#away");
    await page.waitForFunction(() => window.done.length > 0);
    assert.deepEqual(await page.evaluate(() => window.done), [hostileOrigin], "the iframe now shows the hostile origin");
    assert.ok(page.frames().some((f) => f.url() === `${hostileOrigin}/hostile`));
    assert.equal(await frameHeight(page), `${GOOD}px`, "the hostile page must not resize the iframe");
  } finally {
    await page.close();
  }
}

test("embed.js: the viewer's origin resizes its iframe; a page the iframe navigates to does not", async () => {
  await check(`${hostOrigin}/`);
});

test("embed.js from disk: a file: viewer resizes its file: iframe; a web page it navigates to does not", async () => {
  writeFileSync(join(tmp, "embed.js"), readFileSync(EMBED));
  writeFileSync(join(tmp, "viewer.html"), html(viewerPage(`${hostileOrigin}/hostile`))()[1]);
  writeFileSync(join(tmp, "host.html"), html(hostPage("embed.js", "viewer.html"))()[1]);
  await check(pathToFileURL(join(tmp, "host.html")).href);
});
