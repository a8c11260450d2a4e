// The site at scale: 1, 100, 1,000 and 10,000 articles (copies of the seed under their own
// addresses), each built by the writer's binary into a fresh folder without single files
// (`--no-single-files`), as a large site is built. Prints, for each size: the build's wall
// time and peak memory (GNU time), the site's bytes and files, the bytes per article beyond
// the article's own text and data, the largest search shard, what a search transfers (the
// largest of a few queries, typed in Chromium on the site opened from file://), and the time to
// build again after one article is edited. A benchmark, not a test:
// `node bench/scale.mjs [sizes…]`.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { launch } from "../tests/e2e/helpers.mjs";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const OUT = join(ROOT, "target/bench/scale");
// The article copied: the seed (dense: 23 actors, 16 quotes, 35 relations in 4,600 characters),
// or another folder (`SEED=content/us-rok-japan-joint-statement`), which writes bench/SCALE-<name>.md.
const SEED = join(ROOT, process.env.SEED || "content/putin-kim-pact");
const BIN = join(process.env.CARGO_TARGET_DIR || join(ROOT, "target"), "binary/marginalia");
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [1, 100, 1000, 10000];

function walk(dir) {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      const sub = walk(path);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += statSync(path).size;
      files += 1;
    }
  }
  return { bytes, files };
}

// Runs the binary under GNU time, with MARGINALIA_TIMINGS set: its wall time, peak memory and
// each step's time as the build printed it ("read-and-check 1732 ms, index 2751 ms, …").
function timed(args) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", BIN, ...args], {
    encoding: "utf8",
    maxBuffer: 256 << 20,
    env: { ...process.env, MARGINALIA_TIMINGS: "1" },
  });
  if (r.status !== 0) throw new Error(`${args.join(" ")}: ${r.stderr}`);
  const lines = r.stderr.trim().split("\n");
  const [seconds, kib] = lines.pop().split(" ").map(Number);
  const steps = lines
    .map((l) => l.match(/^site: ([a-z-]+) in (\d+) ms$/))
    .filter(Boolean)
    .map((m) => `${m[1]} ${m[2]} ms`)
    .join(", ");
  return { seconds, mib: kib / 1024, steps };
}

if (!existsSync(BIN)) {
  console.error(`bench/scale: building ${BIN} (cargo build --profile binary -p marginalia-cli)`);
  const r = spawnSync("cargo", ["build", "--profile", "binary", "-p", "marginalia-cli"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) process.exit(1);
}
const viewer = join(ROOT, "target/viewer");
if (!existsSync(join(viewer, "init.js"))) {
  console.error("bench/scale: build the viewer first (make viewer)");
  process.exit(2);
}

// What a reader's browser loads from search/ for each query, the site opened from file:// in
// Chromium: the files' bytes gzipped (as GitHub Pages sends scripts), and on disk.
const QUERIES = ["Putin", "Ptuin", "Kim Jong Un", "sacred fight", "alarm", "North Korea Russia treaty", "nato"];
const browser = await launch();
async function searchBytes(site) {
  let most = { query: "", bytes: 0, files: 0 };
  for (const query of QUERIES) {
    // A new page for each query: nothing loaded by an earlier one.
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    // search.js loads each file once, with a <script> element it adds to the head.
    const loadedSoFar = () =>
      page.$$eval("head script[src*='search/']", (scripts) => scripts.map((s) => decodeURIComponent(new URL(s.src).pathname)));
    const before = (await loadedSoFar()).length;
    await page.fill("#site-search-input", query);
    await page.waitForFunction((asked) => document.querySelector(".site-search")?.dataset.answered === asked, query);
    const loaded = (await loadedSoFar()).slice(before);
    const files = loaded.filter((path) => existsSync(path)).map((path) => readFileSync(path));
    const bytes = files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
    const raw = files.reduce((sum, file) => sum + file.length, 0);
    if (bytes > most.bytes) most = { query, bytes, raw, files: loaded.length };
    await page.close();
  }
  return most;
}

const rows = [];
for (const n of SIZES) {
  const dir = join(OUT, String(n));
  rmSync(dir, { recursive: true, force: true });
  const content = join(dir, "content");
  mkdirSync(content, { recursive: true });
  for (let i = 1; i <= n; i++) cpSync(SEED, join(content, `article-${String(i).padStart(5, "0")}`), { recursive: true });
  const site = join(dir, "site");
  const build = timed(["build", "--viewer", viewer, "--no-single-files", content, site]);
  const { bytes, files } = walk(site);
  // The article's own: its page's text as the reader reads it is in index.html; its data file.
  const one = join(site, "article-00001");
  const data = readdirSync(one).find((f) => f.startsWith("data."));
  const own = statSync(join(one, data)).size + statSync(join(one, "index.html")).size;
  const total = bytes;
  const shared = total - n * own;
  // The article's own text as the page carries it (its <article> element, marks included).
  const html = readFileSync(join(one, "index.html"), "utf8");
  const text = Buffer.byteLength(html.slice(html.indexOf("<article"), html.indexOf("</article>") + 10));
  const beyondText = (total - n * (statSync(join(one, data)).size + text)) / n;
  const shards = readdirSync(join(site, "search"))
    .filter((f) => /^.\.js$/.test(f))
    .map((f) => statSync(join(site, "search", f)).size);
  const query = await searchBytes(site);
  // One article edited (its title), then built again.
  const meta = join(content, "article-00001", "meta.toml");
  writeFileSync(meta, readFileSync(meta, "utf8").replace(/^title = "/m, 'title = "Edited: '));
  const again = timed(["build", "--viewer", viewer, "--no-single-files", content, site]);
  rows.push({ n, build, again, bytes, files, perArticle: shared / n, beyondText, own, biggestShard: Math.max(...shards), query });
  console.error(`bench/scale: ${n} articles built in ${build.seconds} s`);
  if (n >= 1000) rmSync(content, { recursive: true, force: true });
}

const kb = (b) => (b / 1000).toFixed(1);
const lines = [];
const log = (line) => {
  console.log(line);
  lines.push(line);
};
log("| articles | build (s) | peak memory (MiB) | site (MB) | files | per article beyond its page and data (KB) | per article beyond its text and data (KB) | largest word shard (KB) | a search transfers at most (KB gzip; raw; query; files) | one article edited, built again (s) |");
log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  log(`| ${r.n} | ${r.build.seconds.toFixed(2)} | ${r.build.mib.toFixed(0)} | ${(r.bytes / 1e6).toFixed(1)} | ${r.files} | ${kb(r.perArticle)} | ${kb(r.beyondText)} | ${kb(r.biggestShard)} | ${kb(r.query.bytes)} (${kb(r.query.raw)}; “${r.query.query}”; ${r.query.files}) | ${r.again.seconds.toFixed(2)} |`);
}
for (const r of rows) log(`\n${r.n} articles, built again after one edit, step by step: ${r.again.steps}.`);
log(`\nOne article's own page and data: ${kb(rows[0].own)} KB. Queries: ${QUERIES.map((q) => `“${q}”`).join(", ")}.`);
await browser.close();
// bench/SCALE.md: the table, with when and where it was measured.
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
const load = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
writeFileSync(
  join(ROOT, process.env.SEED ? `bench/SCALE-${SEED.split("/").pop()}.md` : "bench/SCALE.md"),
  `# The site at scale\n\nThe latest run of \`${process.env.SEED ? `SEED=${process.env.SEED} ` : ""}node bench/scale.mjs\` (copies of ${SEED.split("/").pop()}, each under its own address, built by the writer's binary with \`--no-single-files\` into a fresh folder; *built again*: after one article's title is edited). ${new Date().toISOString().slice(0, 19).replace("T", " ")} UTC, commit ${commit}, ${spawnSync("nproc", { encoding: "utf8" }).stdout.trim()} cores, load average ${load} when it ended (other work was running).\n\n${lines.join("\n")}\n`,
);
