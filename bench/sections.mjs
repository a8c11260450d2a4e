// A long article sent in sections, against the same page with everything in place (issue #27:
// "weigh sending long articles as sections"). The page of the 100× synthetic article, built by
// `make build`'s viewer (bench/sites.mjs), and a copy of it with every
// `<noscript data-section>` unwrapped: the page as it was before sections, the same build, the
// same bytes otherwise. Each visit is a fresh Chromium (nothing cached or compiled), the two
// pages in turn, served with gzip; it waits for the load event, then reads the paint and load
// marks and when the viewer marked itself ready (`.app[data-ready]`, seen by a
// MutationObserver installed before the page's scripts: no polling from outside the page).
//
//   node bench/sections.mjs [--visits 9] [--times 100]
//
// A benchmark, not a test: it prints medians and every visit; nothing fails. Timings move with
// the machine's load, which it prints.
import { chromium } from "playwright-core";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { CHROMIUM_ARGS, DESKTOP, startServer } from "../tests/e2e/helpers.mjs";
import { CHROMIUM, median } from "./measure.mjs";
import { buildSynthetic, option, OUT } from "./sites.mjs";

const VISITS = Number(option("--visits", 9));
const TIMES = Number(option("--times", 100));

const built = buildSynthetic(TIMES);
const file = (dir) => join(dir, built.page, "index.html");
const sectioned = readFileSync(file(built.dir), "utf8");
const sections = sectioned.split('<noscript data-section="">').length - 1;
const inPlace = join(OUT, `dist-${TIMES}-in-place`);
rmSync(inPlace, { recursive: true, force: true });
cpSync(built.dir, inPlace, { recursive: true });
// A section's markup has no other <noscript> (the server escapes every `<` of the content).
writeFileSync(file(inPlace), sectioned.replace(/<noscript data-section="">([\s\S]*?)<\/noscript>/g, "$1"));

const pages = [
  { name: "in place", dir: inPlace },
  { name: "sections", dir: built.dir },
];
for (const p of pages) {
  const { server, url } = await startServer({ dir: p.dir, gzip: true });
  Object.assign(p, { server, url: url + built.page, visits: [] });
}

function readyProbe() {
  window.__ready = new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (!document.querySelector(".app[data-ready]")) return;
      watch.disconnect();
      resolve(performance.now());
    });
    watch.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
  });
}

async function visit(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: DESKTOP, colorScheme: "light" });
    await context.addInitScript(readyProbe);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url, { timeout: 60_000 });
    const ready = await page.evaluate(() => window.__ready);
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return {
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
      };
    });
    if (errors.length) throw new Error(`${url}: ${errors.join("; ")}`);
    return { ...marks, ready };
  } finally {
    await browser.close();
  }
}

const load = loadavg()[0];
for (let i = 0; i < VISITS; i++) for (const p of pages) p.visits.push(await visit(p.url));
for (const p of pages) p.server.close();

const ms = (v) => (v == null ? "—" : `${Math.round(v).toLocaleString("en")} ms`);
console.log(`The ${TIMES}× article's page (${(sectioned.length / 1e6).toFixed(1)} MB, ${sections} sections sent inert), ` +
  `median of ${VISITS} cold visits each, the pages in turn; load average ${load.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after.\n`);
console.log("| page | first paint | DOMContentLoaded | load | ready |");
console.log("|---|---|---|---|---|");
for (const p of pages) {
  const m = (key) => ms(median(p.visits.map((v) => v[key])));
  console.log(`| ${p.name} | ${m("fcp")} | ${m("domContentLoaded")} | ${m("load")} | ${m("ready")} |`);
}
const ratio = median(pages[1].visits.map((v) => v.ready)) / median(pages[0].visits.map((v) => v.ready));
console.log(`\nready, sections against in place: ${ratio.toFixed(2)}×`);
for (const p of pages) console.log(`${p.name}, ready of each visit: ${p.visits.map((v) => Math.round(v.ready)).join(", ")} ms`);
