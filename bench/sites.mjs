// The sites the benchmark compares, all made from the same article:
//   marginalia  the release build, dist/ (`make build`);
//   static      dist/index.html with every <script> and preload removed: the prerendered article
//               and marginalia.css with no JavaScript, the physical limit;
//   mdbook      mdBook rendering the article's Markdown (actor links as plain text);
// and, for the scaling runs, marginalia release builds of 10× and 100× synthetic articles.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
export const OUT = join(ROOT, "target/bench");
export const SEED = "content/putin-kim-pact";
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

/** 2. dist/index.html without any script or preload, beside marginalia.css and the icon. */
export function buildStatic(dist = join(ROOT, "dist")) {
  const dir = join(OUT, "static");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let page = readFileSync(join(dist, "index.html"), "utf8");
  page = page
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, "")
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>\s*/g, "");
  if (/<script\b|rel="(?:modulepreload|preload)"/.test(page)) throw new Error("static: a script or preload is left");
  writeFileSync(join(dir, "index.html"), page);
  for (const tag of page.matchAll(/<link\b[^>]*\bhref="\.\/([^"]+)"[^>]*>/g)) copyFileSync(join(dist, tag[1]), join(dir, tag[1]));
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

/** A hash of everything a marginalia build depends on, to skip rebuilding an unchanged one. */
function buildInputsHash(extra) {
  const hash = createHash("sha256").update(extra);
  const inputs = ["Cargo.toml", "Cargo.lock", "build.rs", "Trunk.toml", "index.html", "tools/package.mjs", "src", "styles", "assets", SEED];
  for (const input of inputs) {
    const path = join(ROOT, input);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? walk(path).sort() : [path];
    for (const file of files) hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** The synthetic article `times` × the seed, in target/synthetic-<times> (`generate`). */
export function generate(times) {
  const article = `./target/synthetic-${times}`;
  // generate does not depend on MARGINALIA_ARTICLE: the main target/'s debug build (the one
  // prerender uses in `make build`) has it, with the seed embedded.
  const env = { ...process.env };
  delete env.MARGINALIA_ARTICLE;
  run("cargo", ["run", "--quiet", "--bin", "generate", "--", "--times", String(times), "--out", article], { env, clean: true });
  return article;
}

/**
 * The release site of the synthetic article `times` × the seed, in target/bench/dist-<times>:
 * `trunk build` and `prerender` with MARGINALIA_ARTICLE naming it (the article is embedded at
 * build time, in the wasm and in the prerender binary alike), then tools/package.mjs. Cargo
 * builds into target/bench/cargo, so that the main target/ keeps its build of the seed.
 * Skipped when nothing it depends on changed since the last one (`rebuild` forces it).
 */
export function buildSynthetic(times, { rebuild = false } = {}) {
  const article = `./target/synthetic-${times}`;
  const dist = join(OUT, `dist-${times}`);
  const stamp = join(OUT, `dist-${times}.stamp`);
  const key = buildInputsHash(`synthetic ${times}`);
  const fresh =
    existsSync(join(dist, "index.html")) && existsSync(join(ROOT, article, "article.md")) && existsSync(stamp) && readFileSync(stamp, "utf8") === key;
  if (!rebuild && fresh) {
    return { dir: dist, built: false, seconds: 0 };
  }
  const started = Date.now();
  generate(times);
  rmSync(dist, { recursive: true, force: true });
  rmSync(stamp, { force: true });
  const env = { CARGO_TARGET_DIR: join(OUT, "cargo"), MARGINALIA_ARTICLE: article };
  run("trunk", ["build", "--release", "--offline", "--dist", dist], { env });
  run("cargo", ["run", "--quiet", "--bin", "prerender", "--", join(dist, "index.html")], { env });
  run("node", ["tools/package.mjs", dist], { quiet: true });
  writeFileSync(stamp, key);
  return { dir: dist, built: true, seconds: (Date.now() - started) / 1000 };
}
