// What the cross-engine journeys share: the site served for one engine, the seed's text, and
// `journeys(title, fn)`, which makes one suite per engine (the engine a parameter, never a copy).
import { describe, before, after, test } from "node:test";
import { startServer } from "../e2e/helpers.mjs";
import { ENGINES, open, missing, captureServing } from "./driver.mjs";

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SEED = "putin-kim-pact/";

/** Serves dist/ for `engine` (WebKit's pages get the error capture as their first script). */
export async function serve(engine, options = {}) {
  const { server, url } = await startServer({ dir: "dist", ...(engine === "webkit" ? captureServing() : {}), ...options });
  return { server, root: url, url: url + SEED };
}

/**
 * One suite per engine: `fn(ctx)` declares the tests, where `ctx.browser` (one browser for the
 * whole file) and `ctx.site` (dist/ served for that engine, plus any `servers` named in options)
 * are set before they run, and closed after.
 */
export function journeys(title, fn, { servers = {} } = {}) {
  for (const engine of ENGINES) {
    const reason = missing(engine);
    describe(`${title} [${engine}]`, { skip: reason ? `${engine}: ${reason}` : false }, () => {
      const ctx = { engine };
      before(async () => {
        ctx.site = await serve(engine);
        for (const [name, options] of Object.entries(servers)) ctx[name] = await serve(engine, options);
        ctx.browser = await open(engine);
      }, { timeout: 60_000 });
      after(async () => {
        await ctx.browser?.close();
        for (const name of ["site", ...Object.keys(servers)]) ctx[name]?.server.close();
      }, { timeout: 60_000 });
      fn(ctx);
    });
  }
}

/**
 * A test of a journey, with a time limit so that a stuck browser fails it instead of the run.
 * `todo` (a string) marks a known difference awaiting a fix outside these tests: the test still
 * runs and its failure is shown, as a TODO, without failing the run. Remove it once fixed.
 */
export const it = (name, fn, { todo = false } = {}) => test(name, { timeout: 90_000, todo }, fn);

/** Opens `url` in a new page of `ctx.browser` and waits for the viewer to be ready. */
export async function openPage(ctx, url, options = {}) {
  const page = await ctx.browser.newPage(options);
  try {
    await page.goto(url);
    if (options.javaScript !== false) await page.ready();
  } catch (e) {
    await page.close();
    throw e;
  }
  return page;
}

/** Runs `body(page)` on a page of `url`, closing the page whatever happens. */
export async function withPage(ctx, url, options, body) {
  const page = await openPage(ctx, url, options);
  try {
    return await body(page);
  } finally {
    await page.close();
  }
}

/** The seed's body paragraphs, as the reader must see them. */
export { seedParagraphs } from "../e2e/helpers.mjs";

// Functions for page.evaluate / page.waitFor: they run in the page, so they close over nothing.

/** Rendered, not hidden, with a box. */
export function shown(selector) {
  const el = document.querySelector(selector);
  if (!el || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** Every mention of `actor`, and no other, is marked selected. */
export function actorSelected(actor) {
  const all = [...document.querySelectorAll("a.mention")];
  const selected = all.filter((m) => m.classList.contains("mention--selected"));
  const own = all.filter((m) => m.dataset.actor === actor);
  return own.length > 0 && selected.length === own.length && selected.every((m) => m.dataset.actor === actor);
}

/** The active tab and the one panel not hidden are `panel`'s. */
export function panelIs(panel) {
  return ["actors", "timeline", "quotes"].every(
    (p) =>
      document.querySelector(`#tab-${p}`)?.getAttribute("aria-selected") === String(p === panel) &&
      document.querySelector(`#panel-${p}`)?.hidden === (p !== panel),
  );
}

/** The mention card is shown (not hidden, with a box). */
export function cardShown() {
  const c = document.querySelector("#mention-card");
  return !!c && !c.hidden && c.getBoundingClientRect().height > 0;
}

/** Two animation frames: what the last input caused has been rendered. */
export function frames() {
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));
}
