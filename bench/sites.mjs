// The sites the benchmark compares, all made from the same article:
//   marginalia  the release build, dist/ (`make build`), at its page putin-kim-pact/;
//   static      that page with every <script> and preload removed: the prerendered article
//               and marginalia.css with no JavaScript, the physical limit;
//   mdbook      mdBook rendering the article's Markdown (actor links as plain text);
// and, for the scaling runs, sites of 10× and 100× synthetic articles, built by the same
// viewer (articles are data: no Rust is compiled for them).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
export const OUT = join(ROOT, "target/bench");
export const SEED = "content/putin-kim-pact";
/** The seed's page in a site. */
export const SEED_PAGE = "putin-kim-pact/";
/** The command line's arguments after the script's name. */
export const ARGS = process.argv.slice(2);
/** The value after `--name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const at = ARGS.indexOf(name);
  return at >= 0 ? ARGS[at + 1] : fallback;
}
export const MDBOOK_VERSION = "0.5.4"; // = MDBOOK_VERSION in scripts/setup.sh

/** Runs a command from the repository's root; throws with its output if it fails. */
export function run(command, args, { env = {}, quiet = false, clean = false } = {}) {
  const started = Date.now();
  const r = spawnSync(command, args, {
    cwd: ROOT,
    env: clean ? env : { ...process.env, ...env },
    encoding: "utf8",
    stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    maxBuffer: 64 << 20,
  });
  if (r.error) throw new Error(`${command}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${r.status})\n${r.stdout ?? ""}${r.stderr ?? ""}`);
  }
  return { stdout: r.stdout ?? "", seconds: (Date.now() - started) / 1000 };
}

/** 2. The seed's page without any script or preload, beside marginalia.css and the icon. */
export function buildStatic(dist = join(ROOT, "dist")) {
  const dir = join(OUT, "static");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, SEED_PAGE), { recursive: true });
  let page = readFileSync(join(dist, SEED_PAGE, "index.html"), "utf8");
  page = page
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, "")
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>\s*/g, "");
  if (/<script\b|rel="(?:modulepreload|preload)"/.test(page)) throw new Error("static: a script or preload is left");
  writeFileSync(join(dir, SEED_PAGE, "index.html"), page);
  for (const tag of page.matchAll(/<link\b[^>]*\bhref="\.\.\/([^"]+)"[^>]*>/g)) copyFileSync(join(dist, tag[1]), join(dir, tag[1]));
  return dir;
}

/** The article's Markdown for mdBook: `[text](actor:id)` → text, the title as a `# ` heading. */
export function mdbookChapter(seed = join(ROOT, SEED)) {
  const title = readFileSync(join(seed, "meta.toml"), "utf8").match(/^title\s*=\s*"(.*)"\s*$/m)?.[1];
  if (!title) throw new Error(`${seed}/meta.toml: no title`);
  const body = readFileSync(join(seed, "article.md"), "utf8").replace(/\[([^\]]*)\]\(actor:[^)\s]*\)/g, "$1");
  return { title: title.replace(/\\"/g, '"'), markdown: `# ${title.replace(/\\"/g, '"')}\n\n${body.trim()}\n` };
}

/** 3. A one-chapter book of the article, built by mdBook into target/bench/mdbook/. */
export function buildMdbook() {
  const src = join(OUT, "mdbook-src");
  const dest = join(OUT, "mdbook");
  rmSync(src, { recursive: true, force: true });
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(join(src, "src"), { recursive: true });
  const { title, markdown } = mdbookChapter();
  writeFileSync(
    join(src, "book.toml"),
    `# Written by bench/sites.mjs: the benchmark's mdBook rendering of ${SEED}/article.md.
[book]
title = ${JSON.stringify(title)}
language = "en"
src = "src"

[build]
build-dir = "../mdbook"
create-missing = false

[output.html]
# Nothing from another origin (MathJax comes from a CDN), no numbering, no search index.
mathjax-support = false
no-section-label = true

[output.html.search]
enable = false
`,
  );
  writeFileSync(join(src, "src", "SUMMARY.md"), `# Summary\n\n[${title.replace(/[[\]]/g, "")}](chapter.md)\n`);
  writeFileSync(join(src, "src", "chapter.md"), markdown);
  const { seconds } = run("mdbook", ["build", src], { quiet: true });
  // The book's pages must not reach any other origin (fonts, MathJax, CDNs).
  const external = [];
  for (const file of walk(dest)) {
    if (!/\.(html|css|js)$/.test(file)) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:src|href)\s*=\s*["'](https?:)?\/\/[^"']+|url\(\s*["']?(?:https?:)?\/\/[^)"']+|@import\s+["']?https?:[^;]+/g)) {
      external.push(`${relative(dest, file)}: ${m[0]}`);
    }
  }
  return { dir: dest, seconds, external };
}

/** Files under `dir`, recursively. */
export function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * The site of the synthetic article `times` × the seed, in target/bench/dist-<times>: the
 * article is generated (`marginalia generate`) into target/bench/content-<times>/synthetic-<times>/,
 * then `marginalia build` builds it with the viewer `make build` built (target/viewer). Seconds, not
 * minutes: no Rust is compiled. Its page is `synthetic-<times>/`.
 */
export function buildSynthetic(times) {
  const slug = `synthetic-${times}`;
  const content = join(OUT, `content-${times}`);
  const dist = join(OUT, `dist-${times}`);
  const started = Date.now();
  rmSync(content, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  run("cargo", ["run", "--quiet", "-p", "marginalia-cli", "--", "generate", "--times", String(times), "--out", join(content, slug)], { quiet: true });
  run("cargo", ["run", "--quiet", "-p", "marginalia-cli", "--", "build", "--viewer", "target/viewer", content, dist], { quiet: true });
  return { dir: dist, page: `${slug}/`, markdown: join(content, slug, "article.md"), built: true, seconds: (Date.now() - started) / 1000 };
}
