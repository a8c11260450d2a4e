// Screenshots of the built site for a person to look at:
//   node tools/screenshot.mjs [out-dir] [hash...]
// Writes desktop (1280x800) and phone (390x844) PNGs, light and dark, for each hash given
// (default: none). Uses Debian's Chromium through playwright-core.
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, startServer } from "../tests/e2e/helpers.mjs";
import { mkdir } from "node:fs/promises";


const [out = "target/screenshots", ...hashes] = process.argv.slice(2);
await mkdir(out, { recursive: true });
const { server, url } = await startServer({ dir: "dist" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
for (const [name, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]]) {
  for (const scheme of ["light", "dark"]) {
    for (const hash of hashes.length ? hashes : [""]) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      page.on("console", (m) => m.type() === "error" && console.log(`console error: ${m.text()}`));
      await page.goto(url + (hash ? `#${hash}` : ""));
      await page.waitForSelector(".article__body p");
      await page.waitForTimeout(300);
      const file = `${out}/${name}-${scheme}${hash ? "-" + hash.replace(/[^a-z0-9-]/gi, "_") : ""}.png`;
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  }
}
await browser.close();
server.close();
