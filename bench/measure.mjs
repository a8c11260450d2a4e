// Measurements in Debian's Chromium driven by playwright-core (the flags of tests/e2e/helpers.mjs),
// unthrottled, at the desktop size: bytes of a first load, paint and readiness marks, heap,
// and marginalia's click-to-highlight time.
import { chromium } from "playwright-core";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { CHROMIUM_ARGS, DESKTOP } from "../tests/e2e/helpers.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;

export function kindOf(url, contentType = "") {
  const path = new URL(url).pathname;
  if (/\.wasm$/.test(path) || contentType.includes("wasm")) return "wasm";
  if (/\.m?js$/.test(path) || contentType.includes("javascript")) return "js";
  if (/\.css$/.test(path) || contentType.includes("text/css")) return "css";
  if (/\.html?$|\/$/.test(path) || contentType.includes("text/html")) return "html";
  return "other";
}

/** Waits in the page until the site can be used: marginalia's data-ready, else the load event. */
async function waitUsable(page, kind) {
  if (kind === "marginalia") await page.waitForSelector(".app[data-ready]", { timeout: 60_000 });
  await page.waitForLoadState("load");
}

/**
 * Every response of a first visit (fresh context, empty cache) until the network is idle, with
 * its decoded body compressed here: raw, gzip -9 and brotli -q 11, by kind of resource.
 */
export async function firstLoadBytes(browser, url, kind) {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: "light" });
  const page = await context.newPage();
  const pending = [];
  page.on("response", (response) => {
    pending.push(
      (async () => {
        const body = await response.body().catch(() => null);
        if (!body) return null;
        const contentType = response.headers()["content-type"] ?? "";
        return {
          url: response.url(),
          status: response.status(),
          kind: kindOf(response.url(), contentType),
          raw: body.length,
          gzip: gzip(body),
          brotli: brotli(body),
        };
      })(),
    );
  });
  await page.goto(url);
  await waitUsable(page, kind);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const requests = (await Promise.all(pending)).filter(Boolean);
  await context.close();
  const byKind = {};
  for (const k of ["html", "css", "js", "wasm", "other"]) byKind[k] = { count: 0, raw: 0, gzip: 0, brotli: 0 };
  const total = { count: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const r of requests) {
    for (const sum of [byKind[r.kind], total]) {
      sum.count += 1;
      sum.raw += r.raw;
      sum.gzip += r.gzip;
      sum.brotli += r.brotli;
    }
  }
  // Paths from the site's root (the page is in a folder; the viewer's files are at the root).
  for (const r of requests) r.url = new URL(r.url).pathname;
  return { requests, byKind, total };
}

// Installed before any script of the page: records when `.app[data-ready]` appears and, for
// marginalia, clicks a mention at once and records when the selection shows; keeps the wasm
// instance's memory to read its size.
function pageProbe() {
  const bench = (window.__bench = { ready: null, responsive: null, memories: [] });
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      // The wasm's exports have short names (tools/wasm.mjs): its memory is found by kind.
      const memory = Object.values((result.instance ?? result).exports ?? {}).find((e) => e instanceof WebAssembly.Memory);
      if (memory) bench.memories.push(memory);
      return result;
    };
  }
  const selected = document.getElementsByClassName("mention--selected");
  const onReady = () => {
    bench.ready = performance.now();
    const mention = document.querySelector(".mention");
    if (!mention) return;
    const watch = new MutationObserver(() => {
      if (selected.length > 0 && bench.responsive === null) {
        bench.responsive = performance.now();
        watch.disconnect();
      }
    });
    watch.observe(document, { subtree: true, attributes: true, attributeFilter: ["class"] });
    mention.click();
  };
  const ready = new MutationObserver(() => {
    if (bench.ready === null && document.querySelector(".app[data-ready]")) {
      ready.disconnect();
      onReady();
    }
  });
  ready.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
}

/**
 * One first visit (fresh context): first contentful paint, largest contentful paint, load
 * event, readiness (marginalia: data-ready, and a click on a mention answered; others: the
 * load event), JS heap after a garbage collection, the wasm's linear memory. Milliseconds from
 * navigation start.
 */
export async function visit(browser, url, kind) {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: "light" });
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await waitUsable(page, kind);
  if (kind === "marginalia") await page.waitForFunction(() => window.__bench.responsive !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  const marks = await page.evaluate(async () => {
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
    const lcp = await new Promise((resolve) => {
      let last = null;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) last = e.startTime;
      }).observe({ type: "largest-contentful-paint", buffered: true });
      setTimeout(() => resolve(last), 100);
    });
    const wasmMemory = window.__bench.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
    return {
      fcp,
      lcp,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      ready: window.__bench.ready,
      responsive: window.__bench.responsive,
      wasmMemory,
    };
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  await context.close();
  if (kind !== "marginalia") {
    marks.ready = marks.load;
    marks.responsive = marks.load;
  }
  return { ...marks, jsHeap: heap.usedSize, errors };
}

/**
 * marginalia only: the time from a click on a mention to the next frame after the one that
 * painted every mention of that actor as selected (and no other), measured in the page with
 * performance.now(). The click is dispatched (`element.click()`) from a task just after a
 * frame; then each requestAnimationFrame checks the selection; in the first frame where it is
 * complete (that frame paints it), a message posted from its rAF callback marks the end of its
 * main-thread rendering (`paint`), and the next rAF the next frame (`frame`: the double rAF).
 * `handler` is the time the click's dispatch took (the app's event handler), `update` the time
 * until the DOM holds the complete selection (a MutationObserver): the app's rendering.
 * Clicks alternate between two actors, so that each one changes the selection, on a different
 * mention of the actor each time.
 */
export async function clickToHighlight(browser, url, { clicks = 40, warmup = 3, actors = ["russia", "north-korea"] } = {}) {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: "light" });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(".app[data-ready]", { timeout: 60_000 });
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
  const result = await page.evaluate(
    async ({ clicks, warmup, actors }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const task = () => new Promise((resolve) => setTimeout(resolve, 0));
      const selected = document.getElementsByClassName("mention--selected");
      const mentions = actors.map((a) => [...document.querySelectorAll(`.mention[data-actor="${a}"]`)]);
      if (mentions.some((m) => m.length === 0)) throw new Error(`no mention of ${actors}`);
      const samples = [];
      const paints = [];
      const handlers = [];
      const updates = [];
      for (let i = 0; i < clicks + warmup; i++) {
        const all = mentions[i % actors.length];
        const target = all[Math.floor(i / actors.length) % all.length];
        const complete = () => selected.length === all.length && all.every((m) => m.classList.contains("mention--selected"));
        await frame();
        await frame();
        await task();
        let updated = null;
        const observer = new MutationObserver(() => {
          if (updated === null && complete()) updated = performance.now();
        });
        observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["class"] });
        const t0 = performance.now();
        target.click();
        const handled = performance.now();
        const [paint, next] = await new Promise((resolve, reject) => {
          const onFrame = () => {
            if (complete()) {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                const painted = performance.now();
                requestAnimationFrame(() => resolve([painted, performance.now()]));
              };
              channel.port2.postMessage(0);
            } else if (performance.now() - t0 > 10_000) {
              reject(new Error(`click ${i} on ${target.id}: ${selected.length} selected of ${all.length}`));
            } else {
              requestAnimationFrame(onFrame);
            }
          };
          requestAnimationFrame(onFrame);
        });
        observer.disconnect();
        if (i >= warmup) {
          samples.push(next - t0);
          updates.push((updated ?? paint) - t0);
          paints.push(paint - t0);
          handlers.push(handled - t0);
        }
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      return { samples, paints, handlers, updates, mentions: mentions.map((m) => m.length), total: document.getElementsByClassName("mention").length };
    },
    { clicks, warmup, actors },
  );
  await context.close();
  return {
    actors,
    ...result,
    median: median(result.samples),
    p95: percentile(result.samples, 95),
    paintMedian: median(result.paints),
    paintP95: percentile(result.paints, 95),
    handlerMedian: median(result.handlers),
    updateMedian: median(result.updates),
  };
}

export function median(values) {
  const v = values.filter((x) => x != null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const v = values.filter((x) => x != null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)];
}
