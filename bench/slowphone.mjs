// The "slow phone": a first visit in a fresh Chromium (its own new profile, nothing cached or
// compiled) whose page is slowed down through the Chrome DevTools Protocol, as Lighthouse's
// mobile settings simulate it but here for real: 4× CPU throttling
// (Emulation.setCPUThrottlingRate) and the slow 4G network (Network.emulateNetworkConditions).
// It measures the local time from navigation to the first working click on a mention, and
// records a trace of one such load to list the main-thread tasks over 50 ms.
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, PHONE } from "../tests/e2e/helpers.mjs";
import { CHROMIUM } from "./measure.mjs";
import { writeFileSync } from "node:fs";

/** Lighthouse 12's `mobileSlow4G` as DevTools applies it (requestLatencyMs, downloadThroughputKbps,
 * uploadThroughputKbps of lighthouse/core/config/constants.js), and its CPU slowdown. */
export const SLOW_PHONE = { cpu: 4, latency: 562.5, downloadKbps: 1474.56, uploadKbps: 675 };

export const LONG_TASK_MS = 50;

export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8",
  "v8.execute",
  "v8.wasm",
  "disabled-by-default-v8.compile",
  "blink",
  "blink.user_timing",
  "loading",
  "toplevel",
];

// Installed before any script of the page. From the first contentful paint on (a reader clicks
// what they see), it clicks the first mention of `russia` every 50 ms until a click works:
// with the viewer, `.mention--selected` shows; on the script-free twin, the mention's plain
// link is followed (the address's hash changes), all a click can do there.
function clickProbe(kind) {
  const probe = (window.__slow = { fcp: null, firstClick: null, clicked: null, clicks: 0 });
  // Said on the console, where the bench waits for it (no script of the bench's runs in the page
  // until then, so the trace holds only the page's own work).
  const done = (at) => {
    if (probe.firstClick !== null) return;
    probe.firstClick = at;
    console.debug("bench: first working click");
  };
  if (kind === "marginalia") {
    const selected = document.getElementsByClassName("mention--selected");
    new MutationObserver((_, observer) => {
      if (selected.length > 0) {
        done(performance.now());
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["class"] });
  } else {
    addEventListener("hashchange", () => done(performance.now()), { once: true });
  }
  const start = () => {
    const timer = setInterval(() => {
      if (probe.firstClick !== null) return clearInterval(timer);
      const mention = document.querySelector('.mention[data-actor="russia"]') ?? document.querySelector(".mention");
      if (!mention) return;
      probe.clicks += 1;
      probe.clicked = performance.now();
      mention.click();
    }, 50);
  };
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName("first-contentful-paint").length === 0) return;
    probe.fcp = list.getEntriesByName("first-contentful-paint")[0].startTime;
    observer.disconnect();
    start();
  }).observe({ type: "paint", buffered: true });
}

async function slowPage(url, kind, { trace = false } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: PHONE, colorScheme: "light" });
  await context.addInitScript(clickProbe, kind);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW_PHONE.cpu });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: SLOW_PHONE.latency,
    downloadThroughput: (SLOW_PHONE.downloadKbps * 1024) / 8,
    uploadThroughput: (SLOW_PHONE.uploadKbps * 1024) / 8,
  });
  if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const clicked = page.waitForEvent("console", { predicate: (m) => m.text() === "bench: first working click", timeout: 120_000 });
  clicked.catch(() => {});
  return { browser, page, clicked };
}

/**
 * One cold visit of `url` on the slow phone: milliseconds from navigation start to the first
 * contentful paint, the largest one, the load event and the first working click (see
 * clickProbe), and the number of clicks it took.
 */
export async function slowPhoneVisit(url, kind) {
  const { browser, page, clicked } = await slowPage(url, kind);
  try {
    await page.goto(url, { timeout: 120_000 });
    await page.waitForLoadState("load", { timeout: 120_000 });
    await clicked;
    return await page.evaluate(async () => {
      const nav = performance.getEntriesByType("navigation")[0];
      const lcp = await new Promise((resolve) => {
        let last = null;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) last = e.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve(last), 100);
      });
      const s = window.__slow;
      return { fcp: s.fcp, lcp, load: nav.loadEventEnd, firstClick: s.firstClick, clicks: s.clicks };
    });
  } finally {
    await browser.close();
  }
}

/**
 * A trace of one cold load on the slow phone, until the first working click and a second of
 * quiet after it: the page's main-thread tasks over 50 ms, each with what it is made of.
 */
export async function traceColdLoad(url, kind) {
  const { browser, page, clicked } = await slowPage(url, kind, { trace: true });
  try {
    await page.goto(url, { timeout: 120_000 });
    await page.waitForLoadState("load", { timeout: 120_000 });
    await clicked;
    await page.waitForTimeout(1000);
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8"));
    if (process.env.BENCH_TRACE) writeFileSync(`${process.env.BENCH_TRACE}-${kind}.json`, JSON.stringify(trace));
    return longTasks(trace.traceEvents ?? trace, url);
  } finally {
    await browser.close();
  }
}

// What a trace event is, by its name: the words of issue 27 (compile, instantiate, first
// render) where the name says it; script for the JS glue and the wasm it calls (decoding the
// data and the app's first render happen there: without a wasm built with names, the trace
// cannot tell them apart).
function kindOfEvent(e) {
  const n = e.name;
  if (n === "Receive mojo message" && e.args?.chrome_mojo_event_info?.mojo_interface_tag === "blink.mojom.DevToolsSession") return "the bench's DevTools calls";
  if (/Instantiate/i.test(n)) return "instantiate";
  if (/^(v8\.compile|v8\.parseOnBackground|V8\.CompileCode|wasm\.|v8\.wasm\.)/i.test(n)) return "compile";
  if (/^(Frame::Detach|DocumentLoader::CommitNavigation)$/.test(n)) return "navigation commit";
  if (/^(ParseHTML|HTMLDocumentParser::)/.test(n)) return "parse HTML";
  if (/^(EvaluateScript|FunctionCall|v8\.callFunction|v8\.run|TimerFire|FireIdleCallback|FireAnimationFrame|RunMicrotasks|EventDispatch)$/.test(n)) return "script";
  if (/^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|ScheduleStyleRecalculation|IsolatedSVGDocumentHost)/.test(n)) return "style, layout, paint";
  if (/^(MinorGC|MajorGC|V8\.GC)/.test(n)) return "GC";
  return null;
}

/**
 * The main-thread tasks (`RunTask`) over LONG_TASK_MS of the renderer that loaded `url`, in
 * milliseconds from its navigation start; for each, the trace events inside it that have a kind
 * (kindOfEvent) and are not inside another such event, with their durations, and the task's
 * time by kind.
 */
export function longTasks(events, url) {
  const threads = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain") threads.set(`${e.pid}:${e.tid}`, []);
  for (const e of events) threads.get(`${e.pid}:${e.tid}`)?.push(e);
  // The renderer that navigated to url (its navigationStart names it), else the busiest.
  const navs = events.filter((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL === url && e.args?.data?.isLoadingMainFrame !== false);
  let key = navs.length ? `${navs.at(-1).pid}:${navs.at(-1).tid}` : null;
  if (!key || !threads.has(key)) {
    const busy = (list) => list.reduce((sum, e) => sum + (e.name === "RunTask" ? e.dur ?? 0 : 0), 0);
    key = [...threads].sort((a, b) => busy(b[1]) - busy(a[1]))[0]?.[0];
  }
  const thread = (threads.get(key) ?? []).filter((e) => e.ph === "X" && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const origin = navs.at(-1)?.ts ?? thread[0]?.ts ?? 0;
  // The page's tasks: from the one that commits its navigation on (those before belong to the
  // about:blank the browser opened with, and to starting the trace).
  const body = thread.find((e) => e.name === "NavigationBodyLoader::StartLoadingBody" && e.args?.url === url);
  const commit = body ? thread.filter((e) => e.name === "RunTask" && e.ts <= body.ts).at(-1)?.ts ?? body.ts : origin;
  const tasks = [];
  for (const task of thread.filter((e) => e.name === "RunTask" && e.dur > LONG_TASK_MS * 1000 && e.ts + e.dur >= commit)) {
    const end = task.ts + task.dur;
    const inside = thread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end && kindOfEvent(e));
    const parts = [];
    let coveredUntil = -Infinity;
    for (const e of inside) {
      if (e.ts < coveredUntil) continue; // inside a part already listed
      coveredUntil = e.ts + e.dur;
      const data = e.args?.data ?? {};
      const what = data.url ? `${e.name} ${new URL(data.url, "http://x/").pathname.split("/").pop()}${data.functionName ? ` ${data.functionName}()` : ""}` : e.name;
      parts.push({ name: what, kind: kindOfEvent(e), start: (e.ts - task.ts) / 1000, ms: e.dur / 1000 });
    }
    // Time by kind: each event's self time (its duration less that of its kinded children).
    const byKind = {};
    // (inside is in start order, the longer first: an event contains those after it that fit.)
    const within = (c, i, p, j) => i > j && c.ts >= p.ts && c.ts + c.dur <= p.ts + p.dur;
    for (const [j, e] of inside.entries()) {
      const children = inside.map((c, i) => [c, i]).filter(([c, i]) => within(c, i, e, j));
      const direct = children.filter(([c, i]) => !children.some(([p, k]) => within(c, i, p, k))).map(([c]) => c);
      const self = e.dur - direct.reduce((sum, c) => sum + c.dur, 0);
      const k = kindOfEvent(e);
      byKind[k] = (byKind[k] ?? 0) + Math.max(0, self) / 1000;
    }
    const known = Object.values(byKind).reduce((sum, t) => sum + t, 0);
    if (task.dur / 1000 - known >= 1) byKind.other = task.dur / 1000 - known;
    // Where the task came from: the mojo interface of the message it runs, else the function that posted it.
    const wrapper = thread.filter((e) => e.ts >= task.ts && e.ts <= task.ts + 1 && e !== task);
    const mojo = wrapper.find((e) => e.name === "Receive mojo message")?.args?.chrome_mojo_event_info?.mojo_interface_tag;
    const posted = wrapper.find((e) => e.name === "ThreadControllerImpl::RunTask")?.args?.src_func;
    // wasm functions compiled on their first call (V8's lazy compilation), on this thread.
    const lazy = inside.filter((e) => e.name === "wasm.CompileLazy");
    const compileLazy = { count: lazy.length, ms: lazy.reduce((sum, e) => sum + e.dur, 0) / 1000 };
    tasks.push({ start: (task.ts - origin) / 1000, ms: task.dur / 1000, from: mojo ?? posted ?? null, compileLazy, parts: parts.filter((p) => p.ms >= 1), byKind });
  }
  return tasks;
}
