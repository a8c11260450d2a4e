// The studio's figures (README "The studio"; issue 22's budget: drafting the seed in the
// browser ≤ 300 ms), after `make build`: the seed's text pasted without its marks and its meta
// typed in, then *Draft*, in a new page each run (Debian's Chromium, served by `marginalia
// serve`). Prints, per run and as median / min / max:
//   draft     the drafter, the checker and the build in the wasm (the studio's own clock,
//             `performance.now()` around them: data-draft-ms);
//   preview   from the click on Draft to the previewed article rendered (the studio's clock,
//             from the action to the effect after the render: data-refresh-ms);
//   click     from the click (Playwright's) to the preview in the page, as a test sees it;
//   confirm   one `c` on the drafted seed: the re-check, and the key to the refreshed preview.
// Also the studio's first load (its files, raw and gzip). Timings are this machine's (2 cores,
// shared): a benchmark, not a test.
//
//   node bench/studio.mjs [--runs 7]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { cpus, loadavg } from "node:os";
import { launch, startServer, DESKTOP } from "../tests/e2e/helpers.mjs";
import { pasted, FORM } from "../tests/studio-seed.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args.includes("--runs") ? args[args.indexOf("--runs") + 1] : 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const line = (name, xs, unit = "ms") =>
  `${name.padEnd(9)} median ${median(xs).toFixed(0)} ${unit}, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}  (${xs.map((x) => x.toFixed(0)).join(", ")})`;

const files = readdirSync("dist/studio").filter((f) => f !== "index.html");
let raw = 0;
let gzip = 0;
for (const f of files) {
  const bytes = readFileSync(join("dist/studio", f));
  raw += statSync(join("dist/studio", f)).size;
  gzip += gzipSync(bytes, { level: 9 }).length;
}

const browser = await launch();
const { server, url } = await startServer();
const figures = { draft: [], preview: [], click: [], check: [], confirm: [] };
try {
  for (let run = 0; run <= RUNS; run++) {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${url}studio/`);
    await page.waitForSelector("#studio-text", { timeout: 30000 });
    await page.fill("#studio-text", pasted);
    for (const [key, v] of Object.entries(FORM)) await page.fill(`#meta-${key}`, v);
    const clicked = Date.now();
    await page.click("button[type=submit]");
    await page.waitForSelector(".studio__preview .app--mounted .article__body", { timeout: 30000 });
    const click = Date.now() - clicked;
    await page.waitForSelector("[data-draft-ms][data-refresh-ms]");
    const draft = Number(await page.getAttribute("[data-draft-ms]", "data-draft-ms"));
    const preview = Number(await page.getAttribute("[data-refresh-ms]", "data-refresh-ms"));
    const left = Number(await page.getAttribute("[data-left]", "data-left"));
    await page.keyboard.press("c");
    await page.waitForFunction((n) => Number(document.querySelector("[data-left]").dataset.left) === n - 1, left);
    await page.waitForFunction((p) => document.querySelector("[data-refresh-ms]").dataset.refreshMs !== p, String(preview.toFixed(1)));
    const check = Number(await page.getAttribute("[data-check-ms]", "data-check-ms"));
    const confirm = Number(await page.getAttribute("[data-refresh-ms]", "data-refresh-ms"));
    await context.close();
    // The first run warms the server's and the browser's caches; it is not counted.
    if (run === 0) continue;
    Object.entries({ draft, preview, click, check, confirm }).forEach(([k, v]) => figures[k].push(v));
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`studio: the seed drafted in the browser, ${RUNS} runs (after one not counted), Chromium ${browser.version()}, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`);
console.log(line("draft", figures.draft) + "   (target ≤ 300 ms)");
console.log(line("preview", figures.preview));
console.log(line("click", figures.click));
console.log(line("check", figures.check) + "   (one confirm re-checked)");
console.log(line("confirm", figures.confirm) + "   (key to refreshed preview; target ≤ 100 ms)");
console.log(`first load: ${files.length} files of dist/studio/ (not its page nor ../marginalia.css), ${(raw / 1024).toFixed(0)} KiB, ${(gzip / 1024).toFixed(0)} KiB gzip -9`);
