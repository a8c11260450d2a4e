// The hostile marginalia site and the host page of the mount tests (tests/e2e/mount-hostile,
// tests/engines/mount): a host (A) mounts articles of the real site (B, dist/ served with CORS
// open) and of a hostile site (C), which serves the seed's page with attacks written into its
// text, and data files damaged on purpose, and logs every request it gets.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { SEED } from "./helpers.mjs";

/** A server on 127.0.0.1 answering GET path → [type, body] from `routes`, with CORS open;
 * every path asked for is pushed onto `log`. */
export async function listen(routes, log) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    log?.push(path);
    const route = routes[path];
    if (!route) return res.writeHead(404).end("not found");
    const [type, body] = route();
    res.writeHead(200, { "content-type": type, "cache-control": "no-store", "access-control-allow-origin": "*" }).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

export const seedDir = join("dist", SEED);
export const seedPage = () => readFileSync(join(seedDir, "index.html"), "utf8");
const seedData = () => readFileSync(join(seedDir, readdirSync(seedDir).find((f) => /^data\..*\.bin$/.test(f))));

/** `bytes` with the first occurrence of `from` replaced by `to` (same length: the data's
 * lengths stay right, so it still decodes). */
function patch(bytes, from, to) {
  const at = bytes.indexOf(from);
  assert.ok(at >= 0, `${JSON.stringify(from.toString())} in the data`);
  assert.equal(from.length, to.length);
  const copy = Buffer.from(bytes);
  Buffer.from(to).copy(copy, at);
  return copy;
}

/** The seed's data with its first record source's address turned into `javascript:` (same
 * length; postcard writes a string's length, here one byte, just before it), or with the
 * page's date in month 13 (its first date: 2024 as zigzag varint D0 1F, then Some(7),
 * Some(15)). */
export function hostileData(kind) {
  const data = seedData();
  if (kind === "javascript") {
    const at = data.indexOf("https://");
    const url = data.subarray(at, at + data[at - 1]);
    const evil = "javascript:parent.pwned=1//".padEnd(url.length, "x");
    return patch(data, url, Buffer.from(evil, "latin1"));
  }
  if (kind === "month13") return patch(data, Buffer.from([0xd0, 0x1f, 1, 7, 1, 15]), Buffer.from([0xd0, 0x1f, 1, 13, 1, 15]));
  return data;
}

/** Attacks in the article's text, in elements that are not paragraphs or headings (so the
 * data's places in the text stay right and the data is accepted): each would fetch from the
 * hostile site, run script, cover the host or take its focus if it were adopted as it is. */
export const ATTACKS = (evil) => `
<div style="position:fixed;inset:-100px;z-index:2147483647;background:url(${evil}/style-url)">
  <a href="${evil}/covered" ping="${evil}/ping" target="_top" style="position:fixed;inset:-100px;display:block">covering link</a>
</div>
<div><img src="${evil}/img" srcset="${evil}/srcset 1x" alt="x" onerror="parent.pwned=1"></div>
<div><picture><source srcset="${evil}/picture-source"><img alt="y"></picture></div>
<div><video poster="${evil}/poster"></video></div>
<div style="background-image:image-set(url(${evil}/image-set) 1x)">image-set</div>
<table background="${evil}/table-background"><tr><td background="${evil}/td-background">cell</td></tr></table>
<noscript><img srcset="${evil}/noscript-srcset 1x"></noscript>
<svg><image href="${evil}/svg-image"></image></svg>
<div><input type="image" src="${evil}/input-image" alt="z"><input autofocus aria-label="stolen focus"></div>
<dialog open>an open dialog</dialog>
<div><script>parent.pwned = 1;</script><a href="javascript:parent.pwned=1">a javascript link</a></div>
<div><a class="mention" id='mention-x"],*,[a="-0' data-actor='x"],*,[a="'>fake mention</a>
  <a class="mention" id="mention-putin-999" data-actor="putin">out of range</a>
  <span id="actor-details-putin">a foreign element with the viewer's id</span></div>
<marginalia-article src="${evil}/nested/"></marginalia-article>
<div><iframe src="${evil}/iframe"></iframe><object data="${evil}/object"></object></div>`;

/** The seed's page with the attacks written into its text, naming `data` as its data. */
export function hostilePage(evil, data) {
  const page = seedPage().replace(/href="\.\/data\.[0-9a-f]+\.bin"/, `href="./${data}"`);
  assert.ok(page.includes(`href="./${data}"`), "the page names the hostile data");
  const at = page.indexOf('<div class="article__body">');
  assert.ok(at > 0, "the seed page has its body");
  const open = at + '<div class="article__body">'.length;
  return page.slice(0, open) + ATTACKS(evil) + page.slice(open);
}

/** The host page: a button of its own above the viewers, and each viewer mounted on its own. */
export const hostPage = (mountJs, articles) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>host</title></head><body style="margin:0">
<button id="own" style="position:absolute;top:10px;left:10px;width:200px;height:40px">host's own button</button>
<div style="height:120px"></div>
${articles.map((_, i) => `<div id="viewer-${i}" style="width:900px"></div>`).join("\n")}
<script>window.clicks = 0; document.getElementById("own").addEventListener("click", () => window.clicks++);
window.results = [];</script>
<script type="module">
  import { mount } from "${mountJs}";
  const articles = ${JSON.stringify(articles)};
  await Promise.all(articles.map((article, i) =>
    mount(document.getElementById("viewer-" + i), { article }).then(
      () => (window.results[i] = "ok"),
      (error) => (window.results[i] = "rejected: " + String(error?.message ?? error)),
    )));
  window.mounted = true;
</script></body></html>`;


/** Starts the hostile site and the host, for a real site served at `siteUrl`. The host's pages:
 * `/attacks` (the hostile article), `/javascript` (its data with a javascript: source),
 * `/month13` (its data in month 13, then the real seed) and `/two` (the real seed, then the
 * hostile article). `hostileRequests` lists every path the hostile site was asked for. */
export async function hostileSites(siteUrl) {
  const hostileRequests = [];
  let evilBase;
  const html = (f) => () => ["text/html; charset=utf-8", f()];
  const bin = (kind) => () => ["application/octet-stream", hostileData(kind)];
  const hostile = await listen(
    {
      "/evil/": html(() => hostilePage(evilBase, "data.bin")),
      "/evil/data.bin": bin("plain"),
      "/js/": html(() => hostilePage(evilBase, "data.bin")),
      "/js/data.bin": bin("javascript"),
      "/month/": html(() => hostilePage(evilBase, "data.bin")),
      "/month/data.bin": bin("month13"),
    },
    hostileRequests,
  );
  evilBase = `${hostile.origin}/evil`;
  const routes = {};
  for (const [name, articles] of Object.entries({
    "/attacks": [`${hostile.origin}/evil/`],
    "/javascript": [`${hostile.origin}/js/`],
    "/month13": [`${hostile.origin}/month/`, `${siteUrl}${SEED}`],
    "/two": [`${siteUrl}${SEED}`, `${hostile.origin}/evil/`],
  })) {
    routes[name] = () => ["text/html; charset=utf-8", hostPage(`${siteUrl}mount.js`, articles)];
  }
  const host = await listen(routes);
  return {
    hostOrigin: host.origin,
    hostileOrigin: hostile.origin,
    hostileRequests,
    close: () => Promise.all([host.server, hostile.server].map((s) => new Promise((ok) => s.close(ok)))),
  };
}

/** Runs in the host page: the points outside the host element `id`'s box where the element hit
 * is that host (so something of the mounted viewer is drawn, and takes clicks, there). */
export function hitsOutside(id) {
  const host = document.getElementById(id);
  const box = host.getBoundingClientRect();
  const hits = [];
  for (let x = 5; x < innerWidth; x += 40) {
    for (let y = 5; y < innerHeight; y += 40) {
      const inside = x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
      if (!inside && document.elementFromPoint(x, y) === host) hits.push([x, y]);
    }
  }
  return hits;
}
