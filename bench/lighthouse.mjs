// Lighthouse 12.2.3 through its Node API, on its default (mobile) settings: a Moto G Power-sized
// screen, simulated slow 4G and 4× CPU slowdown. Debian's Chromium started by chrome-launcher
// with the flags of tests/e2e/helpers.mjs, in the new headless mode.
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

export async function startChrome() {
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
  if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = {};
  for (const c of CATEGORIES) scores[c] = lhr.categories[c].score == null ? null : Math.round(lhr.categories[c].score * 100);
  const metrics = {};
  for (const [key, id] of Object.entries(METRICS)) metrics[key] = lhr.audits[id]?.numericValue ?? null;
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
  return { scores, metrics, failing, warnings: lhr.runWarnings ?? [], version: lhr.lighthouseVersion, userAgent: lhr.environment?.hostUserAgent };
}
