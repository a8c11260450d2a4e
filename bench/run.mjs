// The benchmark (`make bench`, after `make build`): marginalia's release build against the same
// article as plain static HTML (no JavaScript: the physical limit) and as an mdBook book, on
// this machine with Debian's Chromium; then marginalia on 10× and 100× synthetic articles.
// Writes bench/results.json and bench/RESULTS.md (the latest run).
//
//   node bench/run.mjs [--lighthouse-runs 3] [--visits 7] [--clicks 40] [--scales 10,100]
//                      [--slow-visits 5] [--traces 2] [--no-lighthouse]
//
// Order (issue 27): the servers start, then, before any other visit, the cold Lighthouse runs
// (a new Chromium and empty profile each) and the slow phone's cold visits and trace (a new
// Chromium each); then the local measurements (a warm-up visit first) and the warm Lighthouse
// runs (one Chromium, a warm-up run of each site first).
//
// The synthetic sites are rebuilt every run (seconds: the article is data, no Rust is compiled).
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "../tests/e2e/helpers.mjs";
import { ARGS as args, option, ROOT, OUT, SEED, SEED_PAGE, MDBOOK_VERSION, buildStatic, buildMdbook, buildSynthetic, run } from "./sites.mjs";
import { launch, firstLoadBytes, visit, clickToHighlight, median } from "./measure.mjs";
import { startChrome, runLighthouse, coldRun, CATEGORIES, METRICS, OBSERVED } from "./lighthouse.mjs";
import { slowPhoneVisit, traceColdLoad, SLOW_PHONE } from "./slowphone.mjs";
import { markdown } from "./report.mjs";

const LH_RUNS = Number(option("--lighthouse-runs", 3));
const VISITS = Number(option("--visits", 7));
const CLICKS = Number(option("--clicks", 40));
const SCALES = option("--scales", "10,100").split(",").filter(Boolean).map(Number);
const SLOW_VISITS = Number(option("--slow-visits", 5));
const TRACES = Number(option("--traces", 2));
const LIGHTHOUSE = !args.includes("--no-lighthouse");
// (--rebuild is accepted for old habits: the synthetic sites are always rebuilt, in seconds.)

process.env.PATH = `${ROOT}/node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}`;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (message) => console.log(`bench [${elapsed()}]: ${message}`);

const DIST = join(ROOT, "dist");
if (!existsSync(join(DIST, SEED_PAGE, "index.html"))) {
  console.error(`bench: no dist/${SEED_PAGE}index.html; run \`make build\` first (or \`make bench\`)`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

// --- The sites -------------------------------------------------------------------------------
log(`static site: dist/${SEED_PAGE} without scripts → target/bench/static/`);
const staticDir = buildStatic(DIST);
let mdbookVersion;
try {
  mdbookVersion = run("mdbook", ["--version"], { quiet: true }).stdout.trim();
} catch {
  console.error("bench: no mdbook; `scripts/setup.sh --bench` installs it (`make bench` runs it)");
  process.exit(1);
}
if (!mdbookVersion.includes(MDBOOK_VERSION)) log(`warning: ${mdbookVersion}, the bench pins ${MDBOOK_VERSION}`);
const mdbook = buildMdbook();
log(`mdBook (${mdbookVersion}) → target/bench/mdbook/ in ${mdbook.seconds.toFixed(1)} s`);
if (mdbook.external.length) log(`warning: the book reaches other origins:\n  ${mdbook.external.join("\n  ")}`);

const scales = [{ times: 1, dir: DIST, page: SEED_PAGE, markdown: join(ROOT, SEED, "article.md") }];
for (const times of SCALES) {
  log(`marginalia on a ${times}× synthetic article → target/bench/dist-${times}/ ...`);
  const built = buildSynthetic(times);
  log(`  built in ${built.seconds.toFixed(1)} s`);
  scales.push({ times, dir: built.dir, page: built.page, markdown: built.markdown });
}

// --- Servers: `marginalia serve --gzip`, as a static host would serve --------------------------
const sites = [
  { name: "marginalia", kind: "marginalia", dir: DIST, page: SEED_PAGE },
  { name: "static", kind: "static", dir: staticDir, page: SEED_PAGE },
  { name: "mdbook", kind: "mdbook", dir: mdbook.dir, page: "" },
];
const servers = [];
for (const s of [...sites, ...scales]) {
  const { server, url } = await startServer({ dir: s.dir, gzip: true });
  servers.push(server);
  s.url = url + s.page;
}

// Timings suffer from anything else running: the load average is kept with the results.
const load = { beforeMeasuring: loadavg()[0] };
if (load.beforeMeasuring > 0.5) log(`warning: load average ${load.beforeMeasuring.toFixed(2)}; other work on this machine disturbs the timings`);
const results = { sites: {}, scaling: [] };
for (const site of sites) results.sites[site.name] = {};

// Lighthouse's figures of every run, summed up: medians, the audits failing in any run.
function summarizeLighthouse(runs) {
  const lh = { runs, median: { scores: {}, metrics: {} } };
  for (const c of CATEGORIES) lh.median.scores[c] = median(runs.map((r) => r.scores[c]));
  for (const m of [...Object.keys(METRICS), ...Object.keys(OBSERVED)]) lh.median.metrics[m] = median(runs.map((r) => r.metrics[m]));
  lh.median.bytes = median(runs.map((r) => r.bytes));
  const failing = new Map();
  for (const r of runs) {
    for (const f of r.failing) {
      const key = `${f.category}/${f.id}`;
      failing.set(key, { ...f, runs: (failing.get(key)?.runs ?? 0) + 1 });
    }
  }
  lh.failing = [...failing.values()];
  lh.version = runs.find((r) => r.version)?.version;
  lh.errors = runs.filter((r) => r.error).length;
  return lh;
}

// --- Cold Lighthouse: the first visits of this run ---------------------------------------------
// Runs alternate between the sites, so that the machine's load falls on each alike.
if (LIGHTHOUSE) {
  const cold = Object.fromEntries(sites.map((s) => [s.name, []]));
  for (let i = 0; i < LH_RUNS; i++) {
    for (const site of sites) {
      log(`lighthouse cold run ${i + 1}/${LH_RUNS}: ${site.name} (a new Chromium, an empty profile)`);
      cold[site.name].push(await coldRun(site.url));
    }
  }
  for (const site of sites) results.sites[site.name].lighthouse = { cold: summarizeLighthouse(cold[site.name]) };
}

// --- The slow phone: 4× CPU, slow 4G, a new Chromium each visit ---------------------------------
load.slowPhone = loadavg()[0];
const slowSites = sites.filter((s) => s.kind !== "mdbook");
results.slowPhone = { settings: { ...SLOW_PHONE, visits: SLOW_VISITS, traces: TRACES }, sites: {} };
for (let i = 0; i < SLOW_VISITS; i++) {
  for (const site of slowSites) {
    log(`slow phone visit ${i + 1}/${SLOW_VISITS}: ${site.name}`);
    const entry = (results.slowPhone.sites[site.name] ??= { samples: [] });
    entry.samples.push(await slowPhoneVisit(site.url, site.kind));
  }
}
for (const site of slowSites) {
  const entry = results.slowPhone.sites[site.name];
  entry.median = {};
  for (const key of ["fcp", "lcp", "load", "firstClick", "clicks"]) entry.median[key] = median(entry.samples.map((v) => v[key]));
  entry.traces = [];
  for (let i = 0; i < TRACES; i++) {
    log(`trace ${i + 1}/${TRACES} of a cold load on the slow phone: ${site.name}`);
    entry.traces.push(await traceColdLoad(site.url, site.kind));
  }
}

// --- Bytes, paint and readiness, heap (Playwright) --------------------------------------------
const browser = await launch();
const chromiumVersion = browser.version();

const summarize = (visits) => {
  const out = {};
  for (const key of ["fcp", "lcp", "domContentLoaded", "load", "ready", "responsive", "jsHeap", "wasmMemory"]) {
    out[key] = median(visits.map((v) => v[key]));
  }
  return out;
};

async function visits(url, kind) {
  await visit(browser, url, kind); // warm-up: server caches, Chromium's processes
  const all = [];
  for (let i = 0; i < VISITS; i++) all.push(await visit(browser, url, kind));
  return all;
}

for (const site of sites) {
  log(`${site.name}: first-load bytes, ${VISITS} visits`);
  const bytes = await firstLoadBytes(browser, site.url, site.kind);
  const samples = await visits(site.url, site.kind);
  const errors = [...new Set(samples.flatMap((v) => v.errors))];
  Object.assign(results.sites[site.name], { dir: site.dir.replace(`${ROOT}/`, ""), bytes, local: { median: summarize(samples), samples }, errors });
}

for (const scale of scales) {
  log(`marginalia ${scale.times}×: bytes, ${VISITS} visits, ${CLICKS} clicks`);
  const bytes = scale.times === 1 ? results.sites.marginalia.bytes : await firstLoadBytes(browser, scale.url, "marginalia");
  const samples = scale.times === 1 ? results.sites.marginalia.local.samples : await visits(scale.url, "marginalia");
  const clicks = await clickToHighlight(browser, scale.url, { clicks: CLICKS });
  results.scaling.push({
    times: scale.times,
    dir: scale.dir.replace(`${ROOT}/`, ""),
    mentions: clicks.total,
    bytes: { byKind: bytes.byKind, total: bytes.total },
    local: summarize(samples),
    clicks,
    articleBytes: statSync(scale.markdown).size,
  });
  if (scale.times === 1) results.sites.marginalia.clicks = clicks;
}
await browser.close();

// --- Warm Lighthouse: one Chromium for every run, after a warm-up run of each site --------------
load.warmLighthouse = loadavg()[0];
if (LIGHTHOUSE) {
  const chrome = await startChrome();
  const warm = Object.fromEntries(sites.map((s) => [s.name, []]));
  try {
    for (const site of sites) {
      log(`lighthouse warm-up run (not counted): ${site.name}`);
      await runLighthouse(chrome.port, site.url);
    }
    for (let i = 0; i < LH_RUNS; i++) {
      for (const site of sites) {
        log(`lighthouse warm run ${i + 1}/${LH_RUNS}: ${site.name}`);
        warm[site.name].push(await runLighthouse(chrome.port, site.url));
      }
    }
  } finally {
    await chrome.close();
  }
  for (const site of sites) results.sites[site.name].lighthouse.warm = summarizeLighthouse(warm[site.name]);
}
for (const server of servers) server.close();
load.afterMeasuring = loadavg()[0];

// --- Report ------------------------------------------------------------------------------------
const sh = (cmd, cmdArgs) => {
  try {
    return execFileSync(cmd, cmdArgs, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};
const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
results.machine = {
  nproc: Number(sh("nproc", [])) || cpus().length,
  cpu: `${cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? "unknown"}${cpuinfo.match(/^cpu MHz\s*:\s*([\d.]+)/m) ? ` at ${Math.round(cpuinfo.match(/^cpu MHz\s*:\s*([\d.]+)/m)[1])} MHz` : ""}`,
  memory: `${Math.round(Number(readFileSync("/proc/meminfo", "utf8").match(/MemTotal:\s*(\d+)/)[1]) / 1024 / 1024)} GiB`,
  chromium: chromiumVersion,
  node: process.version,
  lighthouse: results.sites.marginalia.lighthouse?.cold?.version ?? null,
  mdbook: mdbookVersion,
  rustc: sh("rustc", ["--version"]),
};
results.date = new Date().toISOString();
results.commit = `${sh("git", ["rev-parse", "--short", "HEAD"])}${sh("git", ["status", "--porcelain"]) ? " (with uncommitted changes)" : ""}`;
results.settings = { lighthouseRuns: LIGHTHOUSE ? LH_RUNS : 0, visits: VISITS, clicks: CLICKS, slowVisits: SLOW_VISITS, scales: [1, ...SCALES] };
results.mdbookExternal = mdbook.external;
results.load = load;
results.seconds = Math.round((Date.now() - started) / 1000);

writeFileSync(join(ROOT, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
const report = markdown(results);
writeFileSync(join(ROOT, "bench/RESULTS.md"), report);
console.log(`\n${report}`);
log("wrote bench/RESULTS.md and bench/results.json");
