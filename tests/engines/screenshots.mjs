// Screenshots of the seed article's page in each engine, to compare by eye, and a report of
// what each engine supports of the CSS and APIs the viewer uses, with a few layout measures.
//   node tests/engines/screenshots.mjs [DIR]     (scripts/engines.sh --shots runs it under Xvfb)
// Writes DIR/<engine>-<desktop|phone>-<light|dark>.png, a few states (card, search, sheet,
// focus), and DIR/report.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENGINES, open, missing } from "./driver.mjs";
import { serve, DESKTOP, PHONE, cardShown, shown, frames } from "./site.mjs";

const dir = process.argv[2] ?? "target/engine-shots";
mkdirSync(dir, { recursive: true });

/** What the engine has, and how the page is laid out in it. */
function probe() {
  const s = (p, v) => CSS.supports(p, v);
  const lines = (el) => (el ? Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)) : null);
  const paragraphs = [...document.querySelectorAll(".article__body p")];
  return {
    userAgent: navigator.userAgent,
    viewport: [innerWidth, innerHeight, devicePixelRatio],
    supports: {
      "text-wrap: balance": s("text-wrap", "balance"),
      "text-wrap: pretty": s("text-wrap", "pretty"),
      ":has()": CSS.supports("selector(:has(a))"),
      "::highlight()": !!globalThis.CSS?.highlights && typeof Highlight === "function",
      "container queries": s("container-type", "inline-size"),
      "hyphens: auto": s("hyphens", "auto"),
      ":focus-visible": CSS.supports("selector(:focus-visible)"),
      "html:has(.app--page) applies": getComputedStyle(document.documentElement).backgroundColor,
      "color-mix()": s("color", "color-mix(in srgb, red, blue)"),
      "checkVisibility()": typeof Element.prototype.checkVisibility === "function",
      "navigator.clipboard.writeText": typeof navigator.clipboard?.writeText === "function",
      "ResizeObserver": typeof ResizeObserver === "function",
      "(scripting: enabled)": matchMedia("(scripting: enabled)").matches,
    },
    fonts: {
      text: getComputedStyle(document.querySelector(".article__body p")).fontFamily,
      ui: getComputedStyle(document.querySelector(".toolbar") ?? document.body).fontFamily,
    },
    layout: {
      "h1 lines": lines(document.querySelector("h1")),
      "paragraph lines": paragraphs.reduce((n, p) => n + lines(p), 0),
      "article height": Math.round(document.querySelector(".article__body").getBoundingClientRect().height),
      "page height": document.documentElement.scrollHeight,
      "page scrolls sideways": document.documentElement.scrollWidth > document.documentElement.clientWidth,
    },
  };
}

const report = {};
for (const engine of ENGINES) {
  const reason = missing(engine);
  if (reason) {
    report[engine] = { skipped: reason };
    continue;
  }
  const site = await serve(engine);
  const browser = await open(engine);
  report[engine] = {};
  const shot = async (page, name) => {
    await page.evaluate(() => document.fonts.ready.then(() => true));
    await page.evaluate(frames);
    await page.screenshot(join(dir, `${engine}-${name}.png`));
  };
  try {
    for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
      for (const colorScheme of ["light", "dark"]) {
        const page = await browser.newPage({ ...viewport, colorScheme, touch: size === "phone" });
        try {
          await page.goto(site.url);
          await page.ready();
          await shot(page, `${size}-${colorScheme}`);
          report[engine][`${size}-${colorScheme}`] = await page.evaluate(probe);
          if (colorScheme === "dark") continue;
          if (size === "desktop") {
            await page.hover("#mention-putin-0");
            await page.waitFor(cardShown);
            await shot(page, "desktop-card");
            await page.moveTo(5, 795);
            await page.evaluate(() => document.querySelector("#search-input").focus());
            await page.type("Kim");
            await page.waitFor(() => /of/.test(document.querySelector("#search-status").textContent));
            await shot(page, "desktop-search");
            await page.evaluate(() => {
              document.activeElement.blur();
              scrollTo(0, 0);
            });
            // Keyboard focus on a mention, and the pinned card.
            for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.classList.contains("mention"))); i++) await page.press("Tab");
            await shot(page, "desktop-focus");
            // The quote's Copy button: what the clipboard API says in each engine.
            await page.press("Escape");
            await page.click("#tab-quotes");
            await page.click("#panel-quotes .quote-item .quote-item__copy");
            await page.waitFor(() => document.querySelector("#announcer")?.textContent.trim().length > 0, { timeout: 3000 }).catch(() => {});
            report[engine].copy = await page.evaluate(() => document.querySelector("#announcer")?.textContent.trim() ?? null);
          } else {
            await page.tap("#tab-timeline");
            await page.waitFor(shown, { args: ["#panel-timeline"] });
            await page.tap("#event-signing-2024");
            await page.waitFor(() => !!document.querySelector("#event-details-signing-2024"));
            await shot(page, "phone-sheet");
            report[engine].sheetFocus = await page.evaluate(() => {
              const a = document.activeElement;
              return a ? `${a.tagName.toLowerCase()}#${a.id}.${[...a.classList].join(".")}` : null;
            });
            await page.tap(".panels__close");
            await page.tap("#mention-kim-1");
            await page.waitFor(() => document.querySelector("#mention-card")?.getAttribute("role") === "dialog");
            await shot(page, "phone-card");
          }
        } catch (e) {
          report[engine][`${size}-${colorScheme} error`] = e.message;
        } finally {
          report[engine][`${size}-${colorScheme} errors`] = await page.errors().catch(() => []);
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    site.server.close();
  }
  console.log(`${engine}: done`);
}
writeFileSync(join(dir, "report.json"), JSON.stringify(report, null, 2) + "\n");
console.log(`wrote ${dir}/`);
