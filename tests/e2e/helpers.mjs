// Shared set-up for the end-to-end tests: Debian's Chromium through playwright-core, the
// release dist/ served on 127.0.0.1 by `marginalia serve`, and a page that records console
// errors.
import { chromium } from "playwright-core";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/** The native command, `marginalia`, as cargo built it (`make build` does), in
 * CARGO_TARGET_DIR when that is set. */
export const MARGINALIA = join(process.env.CARGO_TARGET_DIR || "target", "debug", "marginalia");

/** Runs `marginalia` with `args` (a subcommand and its arguments), such as
 * `marginalia(["build", "--viewer", "target/viewer", content, out])`; throws if it exits with an error.
 * Its stderr (progress and errors) goes to the test's. */
export function marginalia(args) {
  return execFileSync(MARGINALIA, args, { stdio: ["ignore", "pipe", "inherit"] });
}

/** The servers started and not yet closed: stopped when this process exits, whatever happens. */
const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill();
});

/**
 * Starts `marginalia serve --port 0` (the command `marginalia()` runs) on `dir`, and resolves,
 * once it listens, with `url` (the address it printed, `base` included) and `server`, whose
 * `close()` stops it and `output()` is what it has printed. `headers` (an object) become
 * `--header 'Name: value'`, `gzip` adds `--gzip`, `args` go on as they are (`--watch`…).
 * It answers only a Host naming loopback, as a browser on `url` sends.
 */
export function startServer({ dir = "dist", base, headers = {}, gzip = false, args = [] } = {}) {
  const argv = ["serve", "--port", "0", "--out", dir];
  if (base) argv.push("--base", base);
  for (const [name, value] of Object.entries(headers)) argv.push("--header", `${name}: ${value}`);
  if (gzip) argv.push("--gzip");
  argv.push(...args);
  const child = spawn(MARGINALIA, argv, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  let listening = false;
  const server = {
    close() {
      running.delete(child);
      child.kill();
    },
    output: () => output,
  };
  return new Promise((ok, fail) => {
    const read = (chunk) => {
      output += chunk;
      const address = !listening && output.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (address) {
        listening = true;
        // A server left open must not keep the test process alive (it is killed at exit).
        for (const handle of [child, child.stdout, child.stderr]) handle.unref();
        ok({ server, url: address[0] });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("error", (e) => fail(new Error(`cannot run ${MARGINALIA} (\`make build\` builds it): ${e.message}`)));
    child.on("exit", (code) => {
      running.delete(child);
      if (!listening) fail(new Error(`marginalia serve exited (${code}) before listening:\n${output}`));
    });
  });
}

/**
 * The strict Content-Security-Policy the README tells a host to serve the site with (its one
 * `Content-Security-Policy:` line): the tests serve it as documented, so the two cannot drift.
 */
export const STRICT_CSP = (() => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const line = readme.match(/^Content-Security-Policy: (.+)$/m);
  if (!line) throw new Error("README.md: no `Content-Security-Policy: …` line");
  return line[1];
})();

/** The seed article's folder in the site. */
export const SEED = "putin-kim-pact/";

/** Serves dist/: `root` is the site (its contents page), `url` the seed article's page. */
export async function serve(options = {}) {
  const { server, url } = await startServer({ dir: "dist", ...options });
  return { server, root: url, url: url + SEED };
}

/** Opens a page that collects console errors and uncaught exceptions into `page.errors`. */
export async function openPage(browser, url, { viewport = DESKTOP, colorScheme = "light", waitFor = ".app[data-ready]" } = {}) {
  const page = await browser.newPage({ viewport, colorScheme });
  return watchAndLoad(page, url, waitFor);
}

/**
 * Like `openPage`, in a new browser context made with `contextOptions` (viewport, colorScheme,
 * hasTouch, permissions…). Close it with `page.context().close()`.
 */
export async function openPageWith(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: "light", ...contextOptions });
  return watchAndLoad(await context.newPage(), url);
}

/** Loads `url`, then waits for `waitFor`: by default the viewer's `data-ready`, set once the
 * wasm has started on the prerendered page (before that, clicks only follow plain links). */
async function watchAndLoad(page, url, waitFor = ".app[data-ready]") {
  page.errors = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") page.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => page.errors.push(`uncaught: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector(waitFor);
  return page;
}

/**
 * Brings the feedback form to life as a reader does, by coming to it: its module is loaded only
 * when the form comes near the screen or takes focus (assets/later.js), and the live form
 * replaces the prerendered one. `where`: a page, a frame or a locator (a mount's element).
 */
export async function reachFeedback(where) {
  const ready = where.locator(".feedback[data-ready]");
  // The island has no box (`display: contents`): its child does (the prerendered form, or what
  // stands in for it in a mount). After a reload the browser may restore a scroll that is near
  // the form already, and the live form may replace the prerendered one while it is scrolled
  // to: then the scroll is tried again on what is there now.
  for (let tries = 0; tries < 5 && (await ready.count()) === 0; tries++) {
    await where
      .locator('.island[data-island="feedback"] > *')
      .first()
      .scrollIntoViewIfNeeded()
      .catch((e) => {
        if (!/not attached/.test(String(e))) throw e;
      });
  }
  await ready.waitFor();
}

/** Runs axe-core in the page; returns its violations. */
export async function axe(page) {
  const source = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
}

/** The seed's body paragraphs, as the reader must see them. */
export function seedParagraphs() {
  const text = readFileSync(new URL("../fixtures/seed.txt", import.meta.url), "utf8");
  const body = text.split("Unlock the Editor’s Digest for free")[1].split("Leave feedback about this")[0];
  return body
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}
