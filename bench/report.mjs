// bench/RESULTS.md from the results of bench/run.mjs, and the site's scale table from the latest
// run of bench/scale.mjs (bench/SCALE.md), which has a run of its own (minutes, gigabytes), and a
// cold start by wasm function (bench/STARTUP.md, bench/startup.mjs, run by `make bench` first).
import { existsSync, readFileSync } from "node:fs";
const KiB = 1024;
const kib = (b) => (b == null ? "–" : `${(b / KiB).toFixed(1)}`);
const mib = (b) => (b == null ? "–" : `${(b / KiB / KiB).toFixed(1)}`);
const ms = (t) => (t == null ? "–" : `${Math.round(t)}`);
const ms1 = (t) => (t == null ? "–" : `${t.toFixed(1)}`);
const cls = (x) => (x == null ? "–" : x.toFixed(3));
const score = (x) => (x == null ? "–" : String(x));
const row = (cells) => `| ${cells.join(" | ")} |`;
const table = (head, rows, align) =>
  [row(head), row(align ?? head.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(row)].join("\n");

const NAMES = {
  marginalia: "marginalia (dist/)",
  static: "static HTML, no JS",
  mdbook: "mdBook",
};

export function markdown(r) {
  const m = r.machine;
  const sites = Object.keys(r.sites);
  const out = [];
  out.push(`# Benchmark results

The latest run of \`make bench\` (bench/run.mjs); bench/results.json has every sample.

- **Date**: ${r.date.replace("T", " ").replace(/\.\d+Z$/, " UTC")}, commit ${r.commit}, ${r.seconds} s in all
- **Machine**: ${m.nproc} cores (\`nproc\`), ${m.cpu}, ${m.memory}
- **Load average** (1 min) when measuring began: ${r.load.beforeMeasuring.toFixed(2)}${r.load.slowPhone != null ? `, at the slow phone: ${r.load.slowPhone.toFixed(2)}` : ""}${r.load.warmLighthouse != null ? `, at the warm Lighthouse runs: ${r.load.warmLighthouse.toFixed(2)}` : ""}, when it ended: ${r.load.afterMeasuring.toFixed(2)}${Math.max(r.load.beforeMeasuring, r.load.slowPhone ?? 0, r.load.warmLighthouse ?? 0) > 0.5 || r.load.afterMeasuring > 1.5 ? " (other work was running on this 2-core machine: timings are noisier than on an idle one)" : ""}
- **Browser**: Debian's Chromium ${m.chromium}, headless; Node ${m.node}; Lighthouse ${m.lighthouse ?? "not run"}; ${m.mdbook}; ${m.rustc}
- **Sites**, all from content/putin-kim-pact: **marginalia**, the release build (\`dist/\`);
  **static HTML**, the seed's page \`dist/putin-kim-pact/\` with every script and preload removed (the prerendered
  article and marginalia.css, no JavaScript: the physical limit); **mdBook**, the article's
  Markdown (actor links as plain text) as a one-chapter book, search off. Each is served by
  \`marginalia serve --gzip\` on 127.0.0.1, as a static host would.`);

  // Bytes
  out.push(`## Bytes on first load

Every response of a first visit (fresh browser context) until the network is idle; the bodies
compressed here: gzip -9 and brotli -q 11. KiB (1024 bytes).`);
  const kinds = ["html", "css", "js", "wasm", "other"];
  out.push(
    table(
      ["site", "requests", ...kinds.map((k) => `${k} gzip`), "**total raw**", "**total gzip**", "**total brotli**"],
      sites.map((s) => {
        const b = r.sites[s].bytes;
        return [NAMES[s], b.total.count, ...kinds.map((k) => (b.byKind[k].count ? kib(b.byKind[k].gzip) : "–")), kib(b.total.raw), `**${kib(b.total.gzip)}**`, kib(b.total.brotli)];
      }),
    ),
  );
  out.push(
    ["Requests (gzip KiB):", "", ...sites.map((s) => `- ${NAMES[s]}: ${r.sites[s].bytes.requests.map((q) => `\`${q.url}\` ${kib(q.gzip)}`).join(", ")}`)].join("\n"),
  );

  // Lighthouse
  if (sites.some((s) => r.sites[s].lighthouse)) {
    const runs = r.settings.lighthouseRuns;
    out.push(`## Lighthouse (mobile): cold and warm

Lighthouse ${m.lighthouse}, default mobile settings (simulated slow 4G, 4× CPU slowdown: the
times are Lighthouse's simulation from a trace taken unthrottled), ${runs} runs per site and way,
the sites in turn. Scores out of 100, times in ms; the metrics are medians, the performance score
and the long tasks are given for each run.

- **Cold**: what a first-time reader gets. Each run has a Chromium of its own, started with a new,
  empty profile (\`--user-data-dir\`) and closed after it; these runs are the first visits of the
  bench (no warm-up: nothing visited the servers before them).
- **Warm**: what the bench reported until issue 27. One Chromium and one profile for every run,
  after a warm-up run of each site that is not counted. Lighthouse still clears the origin's
  cache and storage before each run, but the browser is already running and has loaded the page
  before: a reader who has been here, in a browser that is open.

A run Lighthouse could not complete is named by its error (mdBook's book, in a new profile, gives
\`NO_FCP\`: Lighthouse saw no paint; its second visit in the same browser paints), and left out of the medians.

On this 2-core machine with other work running, TBT moves by tens of ms from one bench run to the
next (simulated from the observed trace, so the load is multiplied with the rest): compare cold with
warm and marginalia with the static twin within one run, and several runs before concluding.

*Observed FCP / LCP*: the paints as they came in the run itself (unthrottled), which the
simulated FCP and LCP start from: a simulated paint can move with a request the page did not
wait for (see the README, "First paint"), an observed one cannot. *Long tasks*: Lighthouse's \`long-tasks\` audit (simulated durations), the page's tasks of 50 ms or more, each run's
in brackets. *Bytes*: its \`total-byte-weight\` (transferred, KiB).`);
    const ways = ["cold", "warm"].filter((w) => sites.some((s) => r.sites[s].lighthouse?.[w]));
    const longTasks = (lh) => lh.runs.map((run) => (run.error ? "–" : `[${run.longTasks.filter((t) => t.ms >= 50).map((t) => ms(t.ms)).join(", ")}]`)).join(" ");
    out.push(
      table(
        ["site", "way", "performance (each run)", "FCP", "LCP", "observed FCP / LCP (each run)", "TBT", "CLS", "long tasks", "bytes", "a11y", "best pr.", "SEO"],
        sites.flatMap((s) =>
          ways
            .filter((w) => r.sites[s].lighthouse?.[w])
            .map((w) => {
              const lh = r.sites[s].lighthouse[w];
              const med = lh.median;
              return [
                NAMES[s],
                w,
                `**${score(med.scores.performance)}** (${lh.runs.map((x) => x.error ?? score(x.scores.performance)).join(", ")})`,
                ms(med.metrics.fcp),
                ms(med.metrics.lcp),
                lh.runs.map((x) => (x.error || x.metrics.observedFcp == null ? "–" : `${ms(x.metrics.observedFcp)} / ${ms(x.metrics.observedLcp)}`)).join(", "),
                `**${ms(med.metrics.tbt)}**`,
                cls(med.metrics.cls),
                longTasks(lh),
                kib(med.bytes),
                score(med.scores.accessibility),
                score(med.scores["best-practices"]),
                score(med.scores.seo),
              ];
            }),
        ),
      ),
    );
    const lines = ["Audits that failed (score below 0.9) in any cold run:", ""];
    for (const s of sites) {
      const failing = r.sites[s].lighthouse.cold?.failing ?? [];
      lines.push(`- ${NAMES[s]}: ${failing.length ? "" : "none"}`.trimEnd());
      for (const f of failing) {
        const where = f.items?.length ? ` (${f.items.slice(0, 3).map((i) => `\`${String(i).slice(0, 80)}\``).join(", ")})` : "";
        lines.push(`  - ${f.category} \`${f.id}\`: ${f.title}${f.displayValue ? ` — ${f.displayValue}` : ""}; ${f.runs}/${runs} runs${where}`);
      }
    }
    out.push(lines.join("\n"));
  }

  // The slow phone
  const slow = r.slowPhone;
  if (slow && Object.keys(slow.sites).length) {
    const names = Object.keys(slow.sites);
    out.push(`## The slow phone: a first visit, really throttled

Not simulated: each visit is a new Chromium (a new profile: nothing cached or compiled) whose page is slowed
through the Chrome DevTools Protocol (playwright-core's CDP session): \`Emulation.setCPUThrottlingRate\`
${slow.settings.cpu}× and \`Network.emulateNetworkConditions\` as Lighthouse's slow 4G (${slow.settings.latency} ms latency,
${slow.settings.downloadKbps} kbit/s down, ${slow.settings.uploadKbps} kbit/s up), at the phone size (390×844). Median of
${slow.settings.visits} visits per site, the sites in turn; milliseconds from navigation start.
*First working click*: from the first contentful paint on, the page clicks the first mention of
\`russia\` every 50 ms (\`element.click()\`) until a click works: for marginalia, \`.mention--selected\`
shows; the script-free twin has no selection, so there a click works when its plain link is followed (the
address's hash changes), which is the floor. A benchmark, not a test: nothing here fails.`);
    out.push(
      table(
        ["site", "FCP", "LCP", "load", "**first working click**", "(each visit)", "clicks tried"],
        names.map((s) => {
          const e = slow.sites[s];
          return [NAMES[s], ms(e.median.fcp), ms(e.median.lcp), ms(e.median.load), `**${ms(e.median.firstClick)}**`, e.samples.map((v) => ms(v.firstClick)).join(", "), ms(e.median.clicks)];
        }),
      ),
    );
    const lines = [`### Main-thread tasks over 50 ms in a cold load on the slow phone

${slow.settings.traces ?? 1} more visit${(slow.settings.traces ?? 1) > 1 ? "s" : ""} of each, as above, with a trace (\`browser.startTracing\`: devtools.timeline, v8, v8.wasm,
v8.compile, blink, loading): the renderer's main-thread tasks (\`RunTask\`) longer than 50 ms, at their
start (ms from navigation start), and what they are made of by the trace events' names. *compile*:
V8's and wasm's compile events (\`wasm.CompileLazy\`, \`v8.compile\`…); *instantiate*: \`wasm.SyncInstantiate\`…;
*script*: \`EvaluateScript\`, \`FunctionCall\`, timers and microtasks: the JS glue and the wasm it runs
(decoding the data and the first render of the islands are in there: a wasm without names does not
tell them apart); *style, layout, paint*: the browser's rendering of the DOM; *parse HTML*; *navigation commit*:
the renderer leaving about:blank and committing the page (\`Frame::Detach\`, \`DocumentLoader::CommitNavigation\`). Self times
by kind (*other*: time in events none of these names covers), then the outermost events of 1 ms or more;
in brackets, the mojo interface or the function that posted the task. From the task that commits the
page's navigation on. Real (throttled) wall-clock durations, not Lighthouse's simulation: on a loaded
machine they include time the renderer waited for a core.`, ""];
    for (const s of names) {
      for (const [n, tasks] of (slow.sites[s].traces ?? []).entries()) {
        lines.push(`- ${NAMES[s]}, trace ${n + 1}: ${tasks.length ? `${tasks.length} task${tasks.length > 1 ? "s" : ""}` : "none"}`);
        for (const t of tasks) {
          const kinds = Object.entries(t.byKind).filter(([, v]) => v >= 0.5).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${ms(v)}`).join(", ");
          const parts = t.parts.slice(0, 8).map((p) => `\`${p.name}\` ${ms1(p.ms)}`).join(", ");
          const lazy = t.compileLazy?.count ? ` (of which \`wasm.CompileLazy\` ${t.compileLazy.count}× ${ms(t.compileLazy.ms)} ms)` : "";
          lines.push(`  - at ${ms(t.start)} ms, **${ms(t.ms)} ms**${t.from ? ` (\`${t.from}\`)` : ""}: ${kinds}${lazy}${parts ? ` — ${parts}${t.parts.length > 8 ? ", …" : ""}` : ""}`);
        }
      }
    }
    out.push(lines.join("\n"));
  }

  // Local
  out.push(`## In Chromium on this machine

Unthrottled, 1280×800, a fresh context per visit; median of ${r.settings.visits} visits (after one
warm-up). Milliseconds from navigation start. *Responsive*: for marginalia, \`.app[data-ready]\`
is set and a click on a mention, dispatched at that moment, shows \`.mention--selected\`; for the
others, the load event. *JS heap*: \`Runtime.getHeapUsage\` after a garbage collection;
*wasm memory*: the linear memory of the wasm instance (not part of the JS heap). MiB.`);
  out.push(
    table(
      ["site", "FCP", "LCP", "DOMContentLoaded", "load", "responsive", "JS heap", "wasm memory"],
      sites.map((s) => {
        const l = r.sites[s].local.median;
        return [NAMES[s], ms(l.fcp), ms(l.lcp), ms(l.domContentLoaded), ms(l.load), `**${ms(l.responsive)}**`, mib(l.jsHeap), l.wasmMemory ? mib(l.wasmMemory) : "–"];
      }),
    ),
  );
  const errors = sites.filter((s) => r.sites[s].errors?.length);
  if (errors.length) out.push(`Console errors: ${errors.map((s) => `${NAMES[s]}: ${r.sites[s].errors.join("; ")}`).join(" · ")}`);

  // Clicks
  const c = r.sites.marginalia.clicks;
  if (c) {
    out.push(`## marginalia: click to highlight

From a click on a mention (dispatched with \`element.click()\` from a task just after a frame)
until every mention of that actor shows as selected, and no other, measured in the page with
\`performance.now()\`: each \`requestAnimationFrame\` checks the selection; the frame in which it
is complete paints it. *Next frame*: the rAF after that one (a double rAF), about when the
painted frame reaches the screen; *painted*: a message posted from the rAF callback of the
complete frame, when that frame's main-thread rendering is done; *DOM updated*: when the
document first holds the complete selection (a MutationObserver), the app's own work; the rest
up to *painted* is the browser's style, layout and paint. ${c.samples.length} clicks after 3 warm-up ones,
alternating between \`${c.actors.join("` and `")}\` (${c.mentions.join(" and ")} mentions) so that each changes the
selection. Headless Chromium draws at 60 Hz and the click comes just after a frame, so even a
click handled at once is painted by the first frame, up to about 17 ms later, and *next frame*
is one frame (about 17 ms) after that.`);
    out.push(
      table(
        ["article", "next frame median", "next frame p95", "painted median", "painted p95", "DOM updated median", "min", "max"],
        [["seed", `**${ms1(c.median)}**`, ms1(c.p95), ms1(c.paintMedian), ms1(c.paintP95), ms1(c.updateMedian), ms1(Math.min(...c.samples)), ms1(Math.max(...c.samples))]],
      ),
    );
  }

  // Scaling
  if (r.scaling.length) {
    out.push(`## marginalia: scaling

The seed and synthetic articles N times its length (\`cargo run -p marginalia-cli -- generate --times N\`:
copy k has its ids suffixed \`-k\`), each built as a site by the same viewer (no Rust compiled). Start: navigation start
to \`.app[data-ready]\`, median of ${r.settings.visits} visits. Click to highlight as above, median / p95 of
${r.settings.clicks} clicks on mentions of the first copy's \`russia\` and \`north-korea\` (next frame; in
brackets, painted and DOM updated). Sizes: gzip KiB; memory MiB.`);
    out.push(
      table(
        ["article", "article.md", "mentions", "html gzip", "wasm gzip", "first load gzip", "FCP", "start", "JS heap", "wasm memory", "click median", "click p95"],
        r.scaling.map((s) => [
          s.times === 1 ? "seed" : `${s.times}×`,
          `${kib(s.articleBytes)} KiB`,
          s.mentions,
          kib(s.bytes.byKind.html.gzip),
          kib(s.bytes.byKind.wasm.gzip),
          kib(s.bytes.total.gzip),
          ms(s.local.fcp),
          `**${ms(s.local.ready)}**`,
          mib(s.local.jsHeap),
          mib(s.local.wasmMemory),
          `**${ms1(s.clicks.median)}** (${ms1(s.clicks.paintMedian)}, ${ms1(s.clicks.updateMedian)})`,
          `${ms1(s.clicks.p95)} (${ms1(s.clicks.paintP95)})`,
        ]),
      ),
    );
  }
  if (r.mdbookExternal?.length) out.push(`mdBook's output names other origins: ${r.mdbookExternal.join("; ")}`);
  out.push(siteAtScale());
  out.push(startup());
  return `${out.join("\n\n")}\n`;
}

/** The site at 1, 100, 1,000 and 10,000 articles: bench/SCALE.md (`node bench/scale.mjs`), its
 * headings one level down, as a section of RESULTS.md. */
export function siteAtScale(path = new URL("SCALE.md", import.meta.url)) {
  if (!existsSync(path)) return "## The site at scale\n\nNot measured yet: `node bench/scale.mjs`.";
  return readFileSync(path, "utf8")
    .trim()
    .replace(/^(#+) /gm, "#$1 ")
    .replace("## The site at scale", "## The site at scale (bench/SCALE.md, `node bench/scale.mjs`)");
}

/** A cold start's tasks by wasm function: bench/STARTUP.md (`node bench/startup.mjs`, which
 * `make bench` runs first), its headings one level down, as a section of RESULTS.md. */
export function startup(path = new URL("STARTUP.md", import.meta.url)) {
  const title = "## Start-up tasks of the seed's page, cold, by wasm function";
  if (!existsSync(path)) return `${title}\n\nNot measured yet: \`node bench/startup.mjs\`.`;
  return readFileSync(path, "utf8")
    .trim()
    .replace(/^(#+) /gm, "#$1 ")
    .replace(title, `${title} (bench/STARTUP.md, \`node bench/startup.mjs\`)`);
}
