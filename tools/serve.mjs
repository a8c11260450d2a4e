// A static file server for dist/, on 127.0.0.1 only. Used by `make serve` and the end-to-end tests.
//   node tools/serve.mjs [dir] [port] [--base /sub/path/]
// Prints the address once listening. Port 0 picks a free one.
// It serves files inside [dir] only: the path is percent-decoded once, resolved, and must be
// [dir] itself or below it (a sibling such as dist-private/ is outside); a path with a NUL
// byte or malformed percent-encoding gets 400, one that leaves [dir] gets 403.
// Only a local page may read it (no DNS rebinding): a request whose Host header does not name
// loopback (127.0.0.1 or any 127.x.y.z, localhost, [::1], each with or without :port) or has
// none gets 421 before any file is read and before an `onRequest` hook (tools/dev.mjs) runs.
// No dotfiles: a path with a segment that starts with "." (/.git/config, /.env, /a/.b/c) gets
// 404 even if the file exists. Every response carries `x-content-type-options: nosniff`.
// `startServer({ compress: true })` (opt-in, used by bench/) answers with `content-encoding: gzip`
// when the request accepts it, as a static host would; by default bodies are sent as stored.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".atom": "application/atom+xml",
  ".bin": "application/octet-stream",
};

// Types worth compressing (what static hosts compress): text, JS, JSON, SVG and wasm.
const COMPRESSIBLE = /^(text\/|application\/(json|wasm)|image\/svg)/;

// The Host header of a request from a local page: loopback only, any port.
const LOOPBACK_HOST = /^(?:localhost|\[::1\]|127(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})(?::\d{1,5})?$/i;

/** Whether a Host header (a string, or undefined when the request has none) names loopback. */
export const isLoopbackHost = (host) => typeof host === "string" && LOOPBACK_HOST.test(host);

/** Ends `res` with `status` and a short plain-text body. */
function answer(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text + "\n");
}

export function startServer({ dir = "dist", port = 0, base = "/", headers = {}, compress = false, onRequest, injectHtml } = {}) {
  const root = resolve(dir);
  const inside = root.endsWith(sep) ? root : root + sep; // root "/" already ends with one
  const gzipped = new Map(); // file -> { mtimeMs, body }
  // requireHostHeader: false lets a request without Host reach the check below (421, not 400).
  const server = createServer({ requireHostHeader: false }, async (req, res) => {
    res.setHeader("x-content-type-options", "nosniff"); // on every response, the hook's too
    if (!isLoopbackHost(req.headers.host)) {
      answer(res, 421, "misdirected request: this server answers only to 127.0.0.1, localhost or [::1]");
      return;
    }
    if (onRequest?.(req, res)) return; // handled by the caller (tools/dev.mjs), after the Host check
    try {
      let path;
      try {
        path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
      } catch {
        answer(res, 400, "bad request"); // malformed percent-encoding or request target
        return;
      }
      if (path.includes("\0")) {
        answer(res, 400, "bad request");
        return;
      }
      if (!path.startsWith(base)) {
        answer(res, 404, "not found");
        return;
      }
      path = path.slice(base.length);
      // `join` keeps a leading "/" in `path` relative to root; `resolve` normalises "..".
      let file = resolve(join(root, path));
      if (file !== root && !file.startsWith(inside)) {
        answer(res, 403, "forbidden");
        return;
      }
      // No dotfiles: neither a segment of the path as asked (split on "/" and "\\") nor one of
      // the file inside root may start with "." (root's own path may: it is not asked for).
      const dotted = (segments) => segments.some((s) => s.startsWith("."));
      if (dotted(path.split(/[\\/]/)) || dotted(file.slice(root.length).split(sep))) {
        answer(res, 404, "not found");
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      if (injectHtml && type.startsWith("text/html")) body = Buffer.from(injectHtml(body.toString("utf8")));
      const encoding = {};
      if (compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        const { mtimeMs } = await stat(file);
        let cached = gzipped.get(file);
        if (cached?.mtimeMs !== mtimeMs) gzipped.set(file, (cached = { mtimeMs, body: gzipSync(body, { level: 9 }) }));
        body = cached.body;
        encoding["content-encoding"] = "gzip";
        encoding["vary"] = "accept-encoding";
      }
      res.writeHead(200, {
        "content-type": type,
        "cache-control": "no-cache",
        ...encoding,
        ...headers,
      });
      res.end(body);
    } catch {
      answer(res, 404, "not found");
    }
  });
  return new Promise((ok) =>
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}${base}`;
      ok({ server, url });
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const baseAt = args.indexOf("--base");
  const base = baseAt >= 0 ? args.splice(baseAt, 2)[1] : "/";
  const [dir = "dist", port = "8080"] = args;
  const { url } = await startServer({ dir, port: Number(port), base });
  const { readdirSync, existsSync } = await import("node:fs");
  const articles = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "examples" && existsSync(join(dir, d.name, "index.html")))
    .map((d) => `  ${url}${d.name}/`);
  console.log(`marginalia is being served at ${url}  (the contents page; Ctrl-C to stop)`);
  if (articles.length) console.log(`articles:\n${articles.join("\n")}`);
}
