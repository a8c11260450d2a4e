// One small API over the three engines readers use, for the cross-engine journeys in
// tests/engines/: Chromium through playwright-core, Firefox through puppeteer-core over
// WebDriver BiDi, WebKit (WebKitGTK's MiniBrowser) through plain W3C WebDriver over HTTP.
// Every browser is Debian's; nothing is downloaded.
//
//   const browser = await open("webkit");
//   const page = await browser.newPage({ width: 390, height: 844, colorScheme: "dark", javaScript: true, touch: false });
//   await page.goto(url); await page.ready();          // the viewer has set data-ready on .app
//   await page.click("#mention-putin-0");
//   await page.waitFor(() => location.hash === "#actor=putin");   // or an expression string
//   await page.evaluate((id) => document.getElementById(id).className, "mention-putin-0");
//   also: reload, back, forward, hover, moveTo, clickAt, tap, focus, press("Shift+Enter"),
//   type, select(selector, value), upload(selector, path), screenshot(path), waitForSelector.
//   await page.errors();   // console errors and uncaught exceptions since the page opened
//   await page.close(); await browser.close();
// Functions given to evaluate/waitFor run in the page: they close over nothing, their
// arguments and results are JSON.
//
// What each engine can and cannot do here (checked on Debian 12: chromium, firefox-esr 153,
// webkit2gtk-driver 2.50):
// - Colour scheme: Chromium emulates it per context. Firefox's BiDi has no command for it (its
//   `emulation.*` commands for colour scheme and scripting are "unknown command"), so it is a
//   pref set at launch (`layout.css.prefers-color-scheme.content-override`, with
//   `ui.systemUsesDarkTheme`): one Firefox is launched per colour scheme and JavaScript setting,
//   lazily. WebKit: the MiniBrowser's `--dark-mode` flag, which does set prefers-color-scheme.
// - JavaScript off: Chromium's context option; Firefox's `javascript.enabled=false` pref (one
//   more Firefox; BiDi's `emulation.setScriptingEnabled` is an unknown command in 153); WebKit:
//   the MiniBrowser's `--enable-javascript=false` (WebDriver's synchronous Execute Script still
//   runs; asynchronous scripts do not, so `evaluate` uses the synchronous one then).
// - Viewport: Chromium and Firefox 153 set it exactly (puppeteer's setViewport is BiDi's
//   browsingContext.setViewport; an older ESR lacking it falls back to the window size from
//   `--width`/`--height`). WebKit sizes the window so that the web view is the size asked for:
//   the MiniBrowser's toolbar would keep the window at least 447px wide, so a user gtk.css
//   (through XDG_CONFIG_HOME, for its GTK widgets only) lets it go down to phone widths.
// - One WebDriver session per WebKitWebDriver ("Maximum number of active sessions"), and one
//   MiniBrowser per session: each WebKit page is its own driver and browser process.
// - WebKit needs an X display: under `xvfb-run -a` (scripts/engines.sh) DISPLAY is set; without
//   one, each WebKitWebDriver is started under its own `xvfb-run -a`.
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS } from "../e2e/helpers.mjs";

export const ENGINES = (process.env.ENGINES ?? "chromium,firefox,webkit").split(",").map((e) => e.trim()).filter(Boolean);

export const BINARIES = {
  chromium: process.env.CHROMIUM ?? "/usr/bin/chromium",
  firefox: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
  webkit: process.env.WEBKIT_WEBDRIVER ?? "/usr/bin/WebKitWebDriver",
};
const MINIBROWSER = process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** Why `engine` cannot run on this machine, or null when it can. */
export function missing(engine) {
  if (!existsSync(BINARIES[engine])) return `${BINARIES[engine]} is not installed`;
  if (engine === "webkit") {
    if (!existsSync(MINIBROWSER)) return `${MINIBROWSER} is not installed`;
    if (!process.env.DISPLAY && !which("xvfb-run")) return "no DISPLAY and no xvfb-run (apt-get install xvfb xauth)";
  }
  return null;
}

function which(cmd) {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

const DEFAULTS = { width: 1280, height: 800, colorScheme: "light", javaScript: true, touch: false };
const POLL_MS = 40;

/** Launches `engine`'s browser. */
export async function open(engine) {
  const reason = missing(engine);
  if (reason) throw new Error(`${engine}: ${reason}`);
  if (engine === "chromium") return openChromium();
  if (engine === "firefox") return openFirefox();
  if (engine === "webkit") return openWebKit();
  throw new Error(`unknown engine ${engine}`);
}

/** The source of a call of `fn` with `args`, or `fn` itself when it is an expression. */
function source(fn, args) {
  return typeof fn === "function" ? `(${fn})(...${JSON.stringify(args)})` : `(${fn})`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What every page shares: polling waits and selector helpers written once over `evaluate`. */
class BasePage {
  constructor(engine, options) {
    this.engine = engine;
    this.options = options;
  }
  /** Polls until `what` (an expression, or a function of `args`) is truthy. */
  async waitFor(what, { timeout = 5000, args = [] } = {}) {
    const expr = source(what, args);
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        if (await this.evaluate(expr)) return;
        last = null;
      } catch (e) {
        last = e; // a navigation in progress, for instance
      }
      if (Date.now() > end) throw new Error(`${this.engine}: waited ${timeout} ms for ${expr}${last ? ` (last error: ${last.message})` : ""}`);
      await sleep(POLL_MS);
    }
  }
  /** Waits until `selector` matches an element. */
  waitForSelector(selector, { timeout = 5000 } = {}) {
    return this.waitFor((s) => !!document.querySelector(s), { timeout, args: [selector] });
  }
  /** Waits for the viewer to have started on the page (`data-ready` on `.app`). */
  ready(timeout = 15000) {
    return this.waitForSelector(".app[data-ready='true']", { timeout });
  }
  /**
   * Waits until the page has not scrolled for 3 frames: a smooth scroll the viewer started (a
   * deep link, a selection) would otherwise move the target between finding it and clicking it.
   * Playwright waits for a stable target itself; puppeteer and WebDriver do not.
   */
  async settle() {
    if (!this.options.javaScript) return;
    await this.evaluate(
      () =>
        new Promise((resolve) => {
          let [x, y] = [scrollX, scrollY];
          let still = 0;
          const tick = () => {
            if (scrollX === x && scrollY === y) still += 1;
            else [x, y, still] = [scrollX, scrollY, 0];
            if (still >= 3) resolve(true);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
  }
  /** Focuses `selector` from script (a `focus` event, as a screen reader's cursor would give). */
  focus(selector) {
    return this.evaluate((s) => document.querySelector(s).focus(), selector);
  }
  text(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }
  attr(selector, name) {
    return this.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
  }
  /** The centre of `selector` in the viewport, scrolled into view first if it is not. */
  centre(selector, frame = null) {
    return this.evaluate(
      (s, f) => {
        const doc = f ? document.querySelector(f).contentDocument : document;
        const el = doc.querySelector(s);
        if (!el) throw new Error(`no element ${s}`);
        const inView = () => {
          const r = el.getBoundingClientRect();
          const off = f ? document.querySelector(f).getBoundingClientRect() : { top: 0, left: 0 };
          return r.top + off.top >= 0 && r.bottom + off.top <= innerHeight && r.left + off.left >= 0 && r.right + off.left <= innerWidth;
        };
        if (!inView()) el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
        const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
        const off = f ? document.querySelector(f).getBoundingClientRect() : { top: 0, left: 0 };
        return { x: Math.round(off.left + r.left + r.width / 2), y: Math.round(off.top + r.top + r.height / 2) };
      },
      selector,
      frame,
    );
  }
}

// ---------------------------------------------------------------------------------------
// Chromium: playwright-core, one context per page.

// Chromium's flags are the e2e tests' (tests/e2e/helpers.mjs): one list for both.

async function openChromium() {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: BINARIES.chromium, args: CHROMIUM_ARGS });
  return {
    engine: "chromium",
    version: browser.version(),
    async newPage(opts = {}) {
      const o = { ...DEFAULTS, ...opts };
      const context = await browser.newContext({
        viewport: { width: o.width, height: o.height },
        colorScheme: o.colorScheme,
        javaScriptEnabled: o.javaScript,
        hasTouch: o.touch,
        isMobile: o.touch,
      });
      return new ChromiumPage(context, await context.newPage(), o);
    },
    close: () => browser.close(),
  };
}

/**
 * A page driven through a library's page object (Playwright for Chromium, Puppeteer for
 * Firefox): what the two do alike.
 */
class LibraryPage extends BasePage {
  constructor(engine, context, page, options) {
    super(engine, options);
    this.context = context;
    this.page = page;
    this._errors = [];
    page.on("console", (m) => m.type() === "error" && this._errors.push(`console.error: ${m.text()}`));
    page.on("pageerror", (e) => this._errors.push(`uncaught: ${e.message}`));
  }
  async goto(url) {
    try {
      await this.page.goto(url, { timeout: 20_000 });
    } catch (e) {
      // Firefox over BiDi now and then misses the load event of a page that did load (seen as
      // a 30 s "Navigation timeout" once in a few runs, the page complete behind it). A page
      // that is really there and parsed goes on; `ready()` still has to see the viewer start.
      if (e.name !== "TimeoutError") throw e;
      const state = await this.page.evaluate(() => [location.href, document.readyState]).catch(() => null);
      if (!state || state[0].split("#")[0] !== url.split("#")[0] || state[1] === "loading") throw e;
    }
  }
  async clickAt(x, y) {
    await this.page.mouse.click(x, y);
  }
  async moveTo(x, y) {
    await this.page.mouse.move(x, y);
  }
  type(text) {
    return this.page.keyboard.type(text);
  }
  async screenshot(path) {
    await this.page.screenshot({ path });
  }
  async errors() {
    return [...this._errors];
  }
  close() {
    return this.context.close();
  }
}

class ChromiumPage extends LibraryPage {
  constructor(context, page, options) {
    super("chromium", context, page, options);
  }
  reload() {
    return this.page.reload();
  }
  back() {
    return this.page.goBack();
  }
  forward() {
    return this.page.goForward();
  }
  evaluate(fn, ...args) {
    return this.page.evaluate(source(fn, args));
  }
  click(selector, { frame } = {}) {
    return frame ? this.page.frameLocator(frame).locator(selector).first().click() : this.page.click(selector);
  }
  hover(selector) {
    return this.page.hover(selector);
  }
  tap(selector) {
    return this.page.tap(selector);
  }
  async select(selector, value) {
    await this.page.selectOption(selector, value);
  }
  upload(selector, file) {
    return this.page.setInputFiles(selector, file);
  }
  press(key) {
    return this.page.keyboard.press(key);
  }
}

// ---------------------------------------------------------------------------------------
// Firefox: puppeteer-core over WebDriver BiDi. One Firefox per (colour scheme, JavaScript),
// launched when first asked for; one browser context per page.

async function openFirefox() {
  const puppeteer = (await import("puppeteer-core")).default;
  const instances = new Map();
  const launch = (colorScheme, javaScript) => {
    const key = `${colorScheme}/${javaScript}`;
    if (!instances.has(key)) {
      const dark = colorScheme === "dark";
      instances.set(
        key,
        puppeteer.launch({
          browser: "firefox",
          executablePath: BINARIES.firefox,
          headless: true,
          defaultViewport: null,
          args: ["--width=1280", "--height=800"],
          extraPrefsFirefox: {
            "ui.systemUsesDarkTheme": dark ? 1 : 0,
            // 0 dark, 1 light, 2 follow the browser's theme.
            "layout.css.prefers-color-scheme.content-override": dark ? 0 : 1,
            "javascript.enabled": javaScript,
          },
        }),
      );
    }
    return instances.get(key);
  };
  const first = await launch("light", true);
  return {
    engine: "firefox",
    version: await first.version(),
    async newPage(opts = {}) {
      const o = { ...DEFAULTS, ...opts };
      const browser = await launch(o.colorScheme, o.javaScript);
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      try {
        await page.setViewport({ width: o.width, height: o.height, hasTouch: o.touch });
      } catch (e) {
        // ESR 140 has no browsingContext.setViewport: the window's size is what there is.
        page.viewportNote = e.message;
      }
      return new FirefoxPage(context, page, o);
    },
    async close() {
      for (const b of instances.values()) await (await b).close().catch(() => {});
    },
  };
}

const PUPPETEER_KEYS = { Escape: "Escape", Esc: "Escape" };

class FirefoxPage extends LibraryPage {
  constructor(context, page, options) {
    super("firefox", context, page, options);
  }
  async reload() {
    await this.page.reload();
  }
  // BiDi's browsingContext.traverseHistory itself: puppeteer's goBack also waits for a
  // navigation, which a same-document entry (a hash) may never bring.
  async back() {
    await this.traverse(-1);
  }
  async forward() {
    await this.traverse(1);
  }
  traverse(delta) {
    return this.page.browser().connection.send("browsingContext.traverseHistory", { context: this.page.mainFrame()._id, delta });
  }
  async evaluate(fn, ...args) {
    const expr = source(fn, args);
    if (this.options.javaScript) return this.page.evaluate(expr);
    // With javascript.enabled=false the page's own realm runs nothing; a sandbox still reads the DOM.
    return this.page.mainFrame().isolatedRealm().evaluate(expr);
  }
  async click(selector, { frame } = {}) {
    await this.settle();
    if (!frame) return this.page.click(selector);
    const { x, y } = await this.centre(selector, frame);
    await this.page.mouse.click(x, y);
  }
  async hover(selector) {
    await this.settle();
    await this.page.hover(selector);
  }
  async tap(selector) {
    await this.settle();
    const { x, y } = await this.centre(selector);
    await this.page.touchscreen.tap(x, y);
  }
  async select(selector, value) {
    await this.page.select(selector, value);
  }
  async upload(selector, file) {
    const input = await this.page.$(selector);
    await input.uploadFile(file);
  }
  async press(key) {
    const parts = key.split("+").filter(Boolean);
    const main = key.endsWith("++") ? "+" : parts.pop();
    for (const m of parts) await this.page.keyboard.down(m);
    await this.page.keyboard.press(PUPPETEER_KEYS[main] ?? main);
    for (const m of parts.reverse()) await this.page.keyboard.up(m);
  }
}

// ---------------------------------------------------------------------------------------
// WebKit: WebKitWebDriver (plain W3C WebDriver over HTTP) driving the MiniBrowser. One driver,
// one session and one MiniBrowser per page.
//
// Errors: classic WebDriver cannot read the console. A capture script (CAPTURE below) wraps
// console.error and listens for `error` (uncaught exceptions and failed resources, captured)
// `unhandledrejection` and `securitypolicyviolation`. Served pages get it as the first script
// of <head> (see `captureServing`, used by tests/engines/site.mjs), so it runs before any page
// script; elsewhere (file://, about:blank) it is installed after each navigation, and what
// happened before that — errors while parsing the page and starting the wasm, console.error
// calls made before the load event — is missed. Also missed in every case: messages the
// engine writes to the console itself (a refused fetch, a CSP report from the network layer,
// a deprecation warning) that raise no event in the page.

export const CAPTURE = `(() => {
  if (window.__engineErrors) return;
  const errors = (window.__engineErrors = []);
  const text = (v) => { try { return typeof v === "string" ? v : v instanceof Error ? v.message : JSON.stringify(v); } catch { return String(v); } };
  const error = console.error.bind(console);
  console.error = (...a) => { errors.push("console.error: " + a.map(text).join(" ")); error(...a); };
  addEventListener("error", (e) => {
    if (e instanceof ErrorEvent) errors.push("uncaught: " + e.message);
    else if (e.target && e.target !== window) errors.push("failed to load: " + (e.target.src || e.target.href || e.target.tagName));
  }, true);
  addEventListener("unhandledrejection", (e) => errors.push("uncaught (in promise): " + text(e.reason)));
  document.addEventListener("securitypolicyviolation", (e) => errors.push("CSP: " + e.violatedDirective + " " + e.blockedURI));
})();`;

let captured;

/**
 * Options for tests/e2e/helpers.mjs's startServer (`marginalia serve`): instead of dist/, a copy
 * of it whose pages load CAPTURE (written beside them as /__engine-capture.js) as the first
 * script of <head>. Made once a process, removed at its exit. Served at the root only (no `base`).
 */
export function captureServing(dir = "dist") {
  if (!captured) {
    const copy = mkdtempSync(join(tmpdir(), "marginalia-capture-"));
    process.on("exit", () => rmSync(copy, { recursive: true, force: true }));
    cpSync(dir, copy, { recursive: true });
    writeFileSync(join(copy, "__engine-capture.js"), CAPTURE);
    for (const file of readdirSync(copy, { recursive: true })) {
      if (!file.endsWith(".html")) continue;
      const html = readFileSync(join(copy, file), "utf8");
      writeFileSync(join(copy, file), html.replace(/<head>/i, `<head><script src="/__engine-capture.js"></script>`));
    }
    captured = copy;
  }
  return { dir: captured };
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const WD_KEYS = {
  Tab: "\uE004",
  Enter: "\uE007",
  Escape: "\uE00C",
  Esc: "\uE00C",
  Shift: "\uE008",
  Control: "\uE009",
  Alt: "\uE00A",
  Meta: "\uE03D",
  Backspace: "\uE003",
  Delete: "\uE017",
  Space: " ",
  PageUp: "\uE00E",
  PageDown: "\uE00F",
  End: "\uE010",
  Home: "\uE011",
  ArrowLeft: "\uE012",
  ArrowUp: "\uE013",
  ArrowRight: "\uE014",
  ArrowDown: "\uE015",
};

/** GTK CSS for the MiniBrowser's own widgets: small enough for a window 390px wide. */
const GTK_CSS = "headerbar, .titlebar, toolbar, entry, button, label { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 4px; }\n";

const children = new Set();
process.on("exit", () => {
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }
});

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function openWebKit() {
  const config = mkdtempSync(join(tmpdir(), "engines-webkit-"));
  mkdirSync(join(config, "gtk-3.0"));
  writeFileSync(join(config, "gtk-3.0", "gtk.css"), GTK_CSS);
  const pages = new Set();
  return {
    engine: "webkit",
    version: "WebKitGTK (its version is each page's `version`, from the session)",
    async newPage(opts = {}) {
      const o = { ...DEFAULTS, ...opts };
      const page = await WebKitPage.start(o, config);
      pages.add(page);
      page.onClose = () => pages.delete(page);
      return page;
    },
    async close() {
      for (const p of [...pages]) await p.close();
      rmSync(config, { recursive: true, force: true });
    },
  };
}

class WebKitPage extends BasePage {
  static async start(o, config) {
    const port = await freePort();
    const argv = [BINARIES.webkit, `--port=${port}`];
    const [cmd, ...args] = process.env.DISPLAY ? argv : ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24", ...argv];
    const child = spawn(cmd, args, {
      env: { ...process.env, XDG_CONFIG_HOME: config },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true, // its own process group: the driver, the MiniBrowser and Xvfb die together
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // A driver left behind by a failed test must not keep node running: the exit handler kills it.
    child.unref();
    child.stderr.unref?.();
    children.add(child);
    const page = new WebKitPage(o, `http://127.0.0.1:${port}`, child);
    const end = Date.now() + 15000;
    for (;;) {
      try {
        const r = await fetch(`${page.base}/status`);
        if (r.ok) break;
      } catch {}
      if (child.exitCode !== null || Date.now() > end) {
        page.kill();
        throw new Error(`WebKitWebDriver did not start: ${stderr.trim() || `exit ${child.exitCode}`}`);
      }
      await sleep(50);
    }
    const browserArgs = ["--automation"];
    if (o.colorScheme === "dark") browserArgs.push("--dark-mode");
    if (!o.javaScript) browserArgs.push("--enable-javascript=false");
    const session = await page
      .wd("POST", "/session", {
        capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary: MINIBROWSER, args: browserArgs } } },
      })
      .catch((e) => {
        page.kill();
        throw e;
      });
    page.session = `/session/${session.sessionId}`;
    page.version = session.capabilities.browserVersion;
    try {
      await page.setSize(o.width, o.height);
    } catch (e) {
      await page.close();
      throw e;
    }
    return page;
  }

  constructor(options, base, child) {
    super("webkit", options);
    this.base = base;
    this.child = child;
    this._errors = [];
  }

  async wd(method, path, body) {
    const r = await fetch(this.base + path, {
      method,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json().catch(() => ({ value: { error: `HTTP ${r.status}`, message: "no JSON" } }));
    if (json.value && json.value.error) throw new Error(`webkit ${method} ${path.replace(this.session ?? "", "")}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  /** Makes the web view `width`×`height`: the window is that plus the MiniBrowser's toolbar. */
  async setSize(width, height) {
    // The window manager applies a new size a little later than Set Window Rect answers, and
    // the toolbar's height is only known once it has: read the view until it holds still.
    const view = async () => {
      let last = null;
      for (let i = 0; i < 40; i++) {
        const now = (await this.evaluate("[innerWidth, innerHeight]")).join("×");
        if (now === last) return now.split("×").map(Number);
        last = now;
        await sleep(50);
      }
      return last.split("×").map(Number);
    };
    let [w, h] = [width, height];
    let got;
    for (let i = 0; i < 5; i++) {
      const rect = await this.wd("POST", `${this.session}/window/rect`, { width: w, height: h });
      got = await view();
      if (got[0] === width && got[1] === height) return;
      // What the window adds around the view, from the size the window really has.
      w = width + (rect.width - got[0]);
      h = height + (rect.height - got[1]);
    }
    throw new Error(`webkit: asked for a ${width}×${height} view, got ${got.join("×")}`);
  }

  /** Keeps what the page captured before it is replaced by a navigation. */
  async collect() {
    try {
      const got = await this.evaluate("(window.__engineErrors || []).splice(0)");
      if (Array.isArray(got)) this._errors.push(...got);
    } catch {}
  }
  async install() {
    if (!this.options.javaScript) return;
    try {
      await this.wd("POST", `${this.session}/execute/sync`, { script: CAPTURE, args: [] });
    } catch {}
  }
  async navigated(step) {
    await this.collect();
    await step();
    await this.install();
  }
  goto(url) {
    return this.navigated(() => this.wd("POST", `${this.session}/url`, { url }));
  }
  reload() {
    return this.navigated(() => this.wd("POST", `${this.session}/refresh`, {}));
  }
  back() {
    return this.navigated(() => this.wd("POST", `${this.session}/back`, {}));
  }
  forward() {
    return this.navigated(() => this.wd("POST", `${this.session}/forward`, {}));
  }

  async evaluate(fn, ...args) {
    const expr = source(fn, args);
    if (!this.options.javaScript) {
      // Only the synchronous Execute Script runs with JavaScript off (no timers, no promises).
      return this.wd("POST", `${this.session}/execute/sync`, { script: `return ${expr};`, args: [] });
    }
    const result = await this.wd("POST", `${this.session}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => ${expr}).then(
          (v) => done({ value: v === undefined ? null : v }),
          (e) => done({ error: String((e && e.message) || e) }));`,
      args: [],
    });
    if (result && "error" in result) throw new Error(`webkit evaluate: ${result.error}`);
    return result?.value;
  }

  async find(selector) {
    const el = await this.wd("POST", `${this.session}/element`, { using: "css selector", value: selector });
    return el[ELEMENT];
  }
  async click(selector, { frame } = {}) {
    await this.settle();
    if (frame) {
      const { x, y } = await this.centre(selector, frame);
      return this.clickAt(x, y);
    }
    // WebDriver's Element Click: scrolls it into view, checks it is not covered, clicks its centre.
    await this.wd("POST", `${this.session}/element/${await this.find(selector)}/click`, {});
  }
  pointer(type, actions) {
    return this.wd("POST", `${this.session}/actions`, {
      actions: [{ type: "pointer", id: type, parameters: { pointerType: type }, actions }],
    });
  }
  async clickAt(x, y) {
    await this.pointer("mouse", [
      { type: "pointerMove", x, y, origin: "viewport", duration: 0 },
      { type: "pointerDown", button: 0 },
      { type: "pointerUp", button: 0 },
    ]);
  }
  async moveTo(x, y) {
    await this.pointer("mouse", [{ type: "pointerMove", x, y, origin: "viewport", duration: 0 }]);
  }
  async hover(selector) {
    await this.settle();
    const { x, y } = await this.centre(selector);
    await this.moveTo(x, y);
  }
  async tap(selector) {
    await this.settle();
    const { x, y } = await this.centre(selector);
    await this.pointer("touch", [
      { type: "pointerMove", x, y, origin: "viewport", duration: 0 },
      { type: "pointerDown", button: 0 },
      { type: "pointerUp", button: 0 },
    ]);
  }
  /** Chooses `value` in a <select> by clicking its option (WebDriver selects it, no popup). */
  async select(selector, value) {
    await this.wd("POST", `${this.session}/element/${await this.find(`${selector} option[value="${value}"]`)}/click`, {});
  }
  /** Sets a file input's file: Element Send Keys with the file's path. */
  async upload(selector, file) {
    await this.wd("POST", `${this.session}/element/${await this.find(selector)}/value`, { text: file });
  }
  async keys(actions) {
    await this.wd("POST", `${this.session}/actions`, { actions: [{ type: "key", id: "keyboard", actions }] });
  }
  press(key) {
    const parts = key.length > 1 ? key.split("+").filter(Boolean) : [key];
    const main = key.length > 1 && key.endsWith("++") ? "+" : parts.pop();
    const code = (k) => WD_KEYS[k] ?? k;
    return this.keys([
      ...parts.map((m) => ({ type: "keyDown", value: code(m) })),
      { type: "keyDown", value: code(main) },
      { type: "keyUp", value: code(main) },
      ...parts.reverse().map((m) => ({ type: "keyUp", value: code(m) })),
    ]);
  }
  type(text) {
    return this.keys([...text].flatMap((c) => [{ type: "keyDown", value: c }, { type: "keyUp", value: c }]));
  }
  async screenshot(path) {
    // WebKit's snapshot does not force a rendering update: a change made just before (the
    // toolbar shown once the viewer is ready) can be missing from it. Let two frames pass.
    if (this.options.javaScript) await this.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
    const png = await this.wd("GET", `${this.session}/screenshot`);
    writeFileSync(path, Buffer.from(png, "base64"));
  }
  async errors() {
    await this.collect();
    return [...this._errors];
  }
  kill() {
    try {
      process.kill(-this.child.pid, "SIGKILL");
    } catch {}
    children.delete(this.child);
  }
  async close() {
    if (this.session) await this.wd("DELETE", this.session).catch(() => {});
    this.session = null;
    this.kill();
    this.onClose?.();
  }
}
