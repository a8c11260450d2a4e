// Lighthouse 12.2.3 through its Node API, on its default (mobile) settings: a Moto G Power-sized
// screen, simulated slow 4G and 4× CPU slowdown. Debian's Chromium started by chrome-launcher
// with the flags of tests/e2e/helpers.mjs, in the new headless mode.
//
// Two ways (bench/RESULTS.md says what each stands for):
//   cold  every run in a Chromium of its own, started with a new, empty profile (--user-data-dir)
//         and closed after it; nothing visited before: a first-time reader;
//   warm  one Chromium and one profile for every run, after a warm-up run of each site that is
//         not counted: what the bench measured until issue 27. Lighthouse still resets the
//         origin's cache and storage before each run (its default); the browser stays warm.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS } from "../tests/e2e/helpers.mjs";
import { CHROMIUM } from "./measure.mjs";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
export const METRICS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
};

/**
 * The paints Lighthouse saw in the run itself (unthrottled, in this browser), beside the ones it
 * simulates for a phone (METRICS): a simulated paint can move with a request the page did not
 * wait for, and an observed one shows what the simulation starts from.
 */
export const OBSERVED = {
  observedFcp: "observedFirstContentfulPaint",
  observedLcp: "observedLargestContentfulPaint",
};

export async function startChrome() {
  // chrome-launcher's userDataDir: a new empty folder each time, removed on close.
  const userDataDir = mkdtempSync(join(tmpdir(), "marginalia-bench-lh-"));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [...CHROMIUM_ARGS.filter((f) => f !== "--headless"), "--headless=new"],
    userDataDir,
    logLevel: "silent",
  });
  return {
    port: chrome.port,
    async close() {
      await chrome.kill();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** One Lighthouse run: the four category scores (0–100), the four metrics, the failing audits. */
export async function runLighthouse(port, url) {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
  const lhr = result.lhr;
  if (lhr.runtimeError) {
    const error = new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    error.code = lhr.runtimeError.code;
    throw error;
  }
  const scores = {};
  for (const c of CATEGORIES) scores[c] = lhr.categories[c].score == null ? null : Math.round(lhr.categories[c].score * 100);
  const metrics = {};
  for (const [key, id] of Object.entries(METRICS)) metrics[key] = lhr.audits[id]?.numericValue ?? null;
  const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
  for (const [key, name] of Object.entries(OBSERVED)) metrics[key] = observed[name] ?? null;
  // Failing audits of the scored categories: those with a score below 1 that count (weight > 0)
  // or are manual-free binary checks.
  const failing = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score == null || audit.score >= 0.9) continue;
      if (!["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode)) continue;
      if (c === "performance" && ref.weight === 0 && audit.scoreDisplayMode !== "metricSavings") continue;
      failing.push({
        category: c,
        id: ref.id,
        score: audit.score,
        title: audit.title,
        displayValue: audit.displayValue ?? null,
        items: (audit.details?.items ?? [])
          .slice(0, 5)
          .map((item) => item.node?.selector ?? item.node?.snippet ?? item.url ?? item.source?.url ?? null)
          .filter(Boolean)
          .map((s) => String(s).replace(/^https?:\/\/127\.0\.0\.1:\d+/, "")),
      });
    }
  }
  // Lighthouse's long tasks (its durations are simulated: the 4× slowdown applied), in ms, and
  // the page's transfer size in bytes.
  const longTasks = (lhr.audits["long-tasks"]?.details?.items ?? []).map((t) => ({
    url: String(t.url ?? "").replace(/^https?:\/\/127\.0\.0\.1:\d+/, ""),
    start: t.startTime ?? null,
    ms: t.duration,
  }));
  const bytes = lhr.audits["total-byte-weight"]?.numericValue ?? null;
  return { scores, metrics, longTasks, bytes, failing, warnings: lhr.runWarnings ?? [], version: lhr.lighthouseVersion, userAgent: lhr.environment?.hostUserAgent };
}

/** `runs` cold runs of `url`: a new Chromium with a new empty profile for each. */
export async function coldRuns(url, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await coldRun(url));
  return out;
}

/**
 * One cold run: a new Chromium with a new empty profile, closed (and its profile removed) after.
 * A run Lighthouse cannot complete (mdBook's book gives NO_FCP in a new profile) is kept as
 * such: its `error` (the code), no scores or metrics.
 */
export async function coldRun(url) {
  const chrome = await startChrome();
  try {
    return await runLighthouse(chrome.port, url);
  } catch (e) {
    if (!e.code) throw e;
    return { error: e.code, scores: {}, metrics: {}, longTasks: [], bytes: null, failing: [], warnings: [], version: null };
  } finally {
    await chrome.close();
  }
}
