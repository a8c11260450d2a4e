// What the viewer's start-up tasks are made of, by wasm function (issue #27: "find what the
// 73–97 ms tasks are: a trace with wasm function names").
//
//   node bench/startup.mjs [--visits 3] [--throttle 1] [--profiler] [--top 12] [--functions] [--dist dist]
//                          [--bindgen target/wasm-bindgen/release/marginalia-viewer_bg.wasm]
//
// 1. A copy of the site (`target/bench/startup/`) whose wasm is the same build with the
//    functions' names kept: the wasm-bindgen output of `make build` made smaller again as the
//    build does (tools/wasm.mjs), with `-g` (the names section only: the code and its order
//    are those of dist/'s wasm, so each function compiles as it does there).
// 2. `--visits` cold visits of the seed's page (a new Chromium each, nothing cached or
//    compiled), unthrottled unless `--throttle N` (CPU slowdown through the DevTools
//    protocol), each with a trace of the renderer's main thread and V8's wasm events.
//    `--profiler` records V8's sampling CPU profiler too, as Lighthouse does: it makes each
//    function's first compile dearer (every new code object is logged with its name).
// 3. For each main-thread task of 5 ms or more that runs script once the wasm is instantiated: its length, V8's
//    lazy compilation in it (`wasm.CompileLazy`: since Chromium compiles a wasm function only
//    at its first call, on the main thread, a cold start compiles everything it runs), the
//    number and bytes of the functions compiled, and the crates and components they belong
//    to; then the largest functions compiled in the start.
//
// It prints its report and writes it to bench/STARTUP.md, which `make bench` runs it for and
// bench/RESULTS.md carries as a section (bench/report.mjs). A benchmark, not a test: nothing fails. Timings move with the machine's load;
// compare runs made one after the other.
import { launch, startServer } from "../tests/e2e/helpers.mjs";
import { ARGS as args, option, ROOT, SEED_PAGE } from "./sites.mjs";
import { TRACE_CATEGORIES } from "./slowphone.mjs";
import { boundary, optimizeWasm } from "../tools/wasm.mjs";
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { loadavg } from "node:os";

const VISITS = Number(option("--visits", 3));
const THROTTLE = Number(option("--throttle", 1));
const PROFILER = args.includes("--profiler");
const TOP = Number(option("--top", 12));
// `--functions`: also list, for each task of the first visit, every function compiled in it.
const FUNCTIONS = args.includes("--functions");
const DIST = option("--dist", join(ROOT, "dist"));
// The wasm-bindgen output dist/'s wasm was made from (`--bindgen FILE` for another build's).
const BINDGEN = option("--bindgen", join(process.env.CARGO_TARGET_DIR || join(ROOT, "target"), "wasm-bindgen/release/marginalia-viewer_bg.wasm"));
const OUT = join(ROOT, "target/bench/startup");

// The slow phone's trace (the main thread, V8's and wasm's compile events), and V8's sampling
// profiler when asked.
const CATEGORIES = [...TRACE_CATEGORIES, ...(PROFILER ? ["disabled-by-default-v8.cpu_profiler"] : [])];

// --- The site with a named wasm ---------------------------------------------------------------
rmSync(OUT, { recursive: true, force: true });
cpSync(DIST, OUT, { recursive: true });
const wasmName = readdirSync(OUT).find((f) => /^marginalia-viewer-.*_bg\.wasm$/.test(f));
if (!wasmName) throw new Error(`no viewer wasm in ${DIST} (\`make build\` writes it)`);
// Made as the build makes it (tools/wasm.mjs: wasm-opt's options, the boundary's short names,
// so that dist's glue links with it), the functions' names kept.
optimizeWasm(BINDGEN, join(OUT, wasmName), { debugInfo: true });
const linkNames = (path) => JSON.stringify(boundary(path));
if (linkNames(join(OUT, wasmName)) !== linkNames(join(DIST, wasmName))) {
  console.error(`bench: the named wasm's imports and exports are not dist's: is dist/ from the last \`make build\`?`);
  process.exit(1);
}
const { names, sizes } = wasmFunctions(readFileSync(join(OUT, wasmName)));
const shipped = wasmFunctions(readFileSync(join(DIST, wasmName)));
if (shipped.sizes.size !== sizes.size) {
  console.error(`bench: the named wasm has ${sizes.size} functions, dist's ${shipped.sizes.size}: is dist/ from the last \`make build\`?`);
  process.exit(1);
}

/** The functions of a wasm module: names (from its `name` section) and code sizes, by index. */
function wasmFunctions(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const skipLimits = () => {
    const flags = bytes[at++];
    leb();
    if (flags & 1) leb();
  };
  const names = new Map();
  const sizes = new Map();
  let imported = 0;
  while (at < bytes.length) {
    const id = bytes[at++];
    const length = leb();
    const end = at + length;
    if (id === 2) {
      // Imports: functions come first in the index space.
      for (let n = leb(); n > 0; n--) {
        for (let names = 0; names < 2; names++) {
          const length = leb(); // read before `at` is: leb() moves it
          at += length;
        }
        const kind = bytes[at++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          at++;
          skipLimits();
        } else if (kind === 2) skipLimits();
        else if (kind === 3) at += 2;
        else leb();
      }
    } else if (id === 10) {
      for (let n = leb(), i = 0; i < n; i++) {
        const size = leb();
        sizes.set(imported + i, size);
        at += size;
      }
    } else if (id === 0) {
      const nameLength = leb();
      const section = bytes.toString("utf8", at, at + nameLength);
      at += nameLength;
      while (section === "name" && at < end) {
        const sub = bytes[at++];
        const subEnd = leb() + at;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const l = leb();
            names.set(index, bytes.toString("utf8", at, at + l));
            at += l;
          }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  return { names, sizes };
}

/** A function's name without the crates' hashes. */
const plain = (index) => (names.get(index) ?? `#${index}`).replace(/\[[0-9a-f]{8,}\]/g, "");
/** What a function belongs to: the viewer's component, or else its crate. */
function owner(index) {
  const name = plain(index);
  const component = name.match(/components::(\w+)::/);
  if (component) return component[1];
  const crate = name.match(/^<*&?(?:dyn )?([a-z_0-9]+)::/);
  return crate ? crate[1] : "other";
}

// --- Cold visits --------------------------------------------------------------------------------
const { server, url } = await startServer({ dir: OUT, gzip: true });
const load = loadavg()[0];
const visits = [];
for (let v = 0; v < VISITS; v++) {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  if (THROTTLE > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url + SEED_PAGE);
  await page.waitForSelector(".app[data-ready]", { state: "attached", timeout: 60_000 });
  await page.waitForTimeout(500);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await browser.close();
  visits.push(tasksOf(events));
}
server.close();

/** The main-thread tasks of a trace that run the wasm, with their lazy compilation. */
function tasksOf(events) {
  const parse = events.find((e) => e.name === "ParseHTML");
  const main = events.find((e) => e.name === "thread_name" && e.pid === parse.pid && e.args?.name === "CrRendererMain");
  const own = events.filter((e) => e.pid === parse.pid && e.tid === main.tid && e.ph === "X").sort((a, b) => a.ts - b.ts);
  const t0 = own.find((e) => e.name === "ParseHTML").ts;
  const compiles = own.filter((e) => e.name === "wasm.CompileLazy");
  // The viewer's tasks: those that run script once the wasm is instantiated (the page's own
  // parsing, style and layout, and the streaming compile's end, are not the viewer's).
  const instantiated = own.find((e) => /^wasm\.(Sync|Async)Instantiate$/.test(e.name))?.ts ?? Infinity;
  const SCRIPT = new Set(["FunctionCall", "v8.callFunction", "RunMicrotasks", "TimerFire", "FireIdleCallback", "FireAnimationFrame"]);
  const tasks = [];
  for (const task of own.filter((e) => e.name === "RunTask" && e.dur >= 5000 && e.ts + e.dur >= instantiated)) {
    const inTask = (e) => e.ts >= task.ts && e.ts <= task.ts + task.dur;
    if (!own.some((e) => inTask(e) && SCRIPT.has(e.name))) continue;
    const compiled = compiles.filter(inTask).map((e) => ({ index: e.args?.func_index, ms: e.dur / 1000 }));
    const by = new Map();
    for (const c of compiled) by.set(owner(c.index), (by.get(owner(c.index)) ?? 0) + c.ms);
    tasks.push({
      at: (task.ts - t0) / 1000,
      ms: task.dur / 1000,
      compileMs: compiled.reduce((s, c) => s + c.ms, 0),
      functions: compiled.length,
      bytes: compiled.reduce((s, c) => s + (sizes.get(c.index) ?? 0), 0),
      owners: [...by].sort((a, b) => b[1] - a[1]),
      compiled,
    });
  }
  return tasks;
}

// --- Report ------------------------------------------------------------------------------------
const round = (x) => x.toFixed(1);
const report = [];
const say = (line) => report.push(line);
const sh = (command, args) => execFileSync(command, args, { cwd: ROOT, encoding: "utf8" }).trim();
const commit = sh("git", ["rev-parse", "--short", "HEAD"]) + (sh("git", ["status", "--porcelain"]) ? " (with uncommitted changes)" : "");
say(
  `# Start-up tasks of the seed's page, cold, by wasm function\n\n` +
    `The latest run of \`node bench/startup.mjs\`, ${new Date().toISOString().replace("T", " ").slice(0, 19)} UTC, commit ${commit}, ` +
    `${VISITS} visits, ${THROTTLE > 1 ? `${THROTTLE}× CPU slowdown` : "unthrottled"}${PROFILER ? ", with V8's CPU profiler on (as in Lighthouse)" : ""}; ` +
    `load average ${load.toFixed(2)} at the start. The viewer's wasm: ${sizes.size} functions, ` +
    `${[...sizes.values()].reduce((s, x) => s + x, 0)} bytes of code. Tasks of 5 ms or more that run script once the wasm is instantiated, ms from the page's first parse.\n`,
);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sum = (tasks, key) => tasks.reduce((s, t) => s + t[key], 0);
say("| over the visits (median) | wasm tasks (ms) | of which lazy compile (ms) | functions compiled | longest task (ms) | tasks of 12.5 ms or more |");
say("| --- | ---: | ---: | ---: | ---: | ---: |");
say(
  `| ${VISITS} visits | ${round(median(visits.map((t) => sum(t, "ms"))))} | ${round(median(visits.map((t) => sum(t, "compileMs"))))} | ` +
    `${median(visits.map((t) => sum(t, "functions")))} | ${round(median(visits.map((t) => Math.max(...t.map((x) => x.ms)))))} | ` +
    `${median(visits.map((t) => t.filter((x) => x.ms >= 12.5).length))} |\n`,
);
say("(12.5 ms: what Lighthouse's 4× slowdown turns into a long task of 50 ms.)\n");
visits.forEach((tasks, v) => {
  say(`## Visit ${v + 1}\n`);
  say("| task at | length | lazy compile | functions compiled | their code (B) | compile by part (ms) |");
  say("| ---: | ---: | ---: | ---: | ---: | --- |");
  for (const t of tasks) {
    const parts = t.owners.slice(0, 6).map(([k, ms]) => `${k} ${round(ms)}`).join(", ");
    say(`| ${Math.round(t.at)} | **${round(t.ms)}** | ${round(t.compileMs)} | ${t.functions} | ${t.bytes} | ${parts} |`);
  }
  const all = tasks.reduce((s, t) => s + t.ms, 0);
  const compile = tasks.reduce((s, t) => s + t.compileMs, 0);
  const fns = tasks.reduce((s, t) => s + t.functions, 0);
  say(`\nIn all: ${round(all)} ms of wasm tasks, of which ${round(compile)} ms compiling ${fns} functions at their first call (${Math.round((100 * compile) / all)} %).\n`);
});
if (FUNCTIONS) {
  visits[0].forEach((t) => {
    say(`## Functions compiled in visit 1's task at ${Math.round(t.at)} ms (${t.functions}, ${t.bytes} B)\n`);
    for (const c of [...t.compiled].sort((a, b) => (sizes.get(b.index) ?? 0) - (sizes.get(a.index) ?? 0))) {
      say(`- ${sizes.get(c.index)} B \`${plain(c.index).slice(0, 160)}\``);
    }
    say("");
  });
}
const first = visits[0].flatMap((t) => t.compiled);
const seen = new Map();
for (const c of first) seen.set(c.index, (seen.get(c.index) ?? 0) + c.ms);
const bytes = [...seen.keys()].reduce((s, i) => s + (sizes.get(i) ?? 0), 0);
say(`## The largest functions compiled in visit 1 (${seen.size} functions, ${bytes} B of code)\n`);
say("| code (B) | compile (ms) | function |");
say("| ---: | ---: | --- |");
for (const [index, ms] of [...seen].sort((a, b) => (sizes.get(b[0]) ?? 0) - (sizes.get(a[0]) ?? 0)).slice(0, TOP)) {
  say(`| ${sizes.get(index)} | ${ms.toFixed(2)} | \`${plain(index).slice(0, 140).replaceAll("|", "\\|")}\` |`);
}
const text = `${report.join("\n")}\n`;
process.stdout.write(text);
if (!args.includes("--no-write")) writeFileSync(join(ROOT, "bench/STARTUP.md"), text);
process.exit(0);
