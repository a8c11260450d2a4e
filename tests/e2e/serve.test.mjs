// tools/serve.mjs serves files inside its folder and nothing else: a sibling folder whose name
// starts with the same letters (dist-private/ beside dist/) stays out of reach however the path
// is spelled, bad requests get 400, and directories and content types still work. No browser:
// raw request paths go through http.request, which sends them exactly as written.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SERVE = fileURLToPath(new URL("../../tools/serve.mjs", import.meta.url));
const SECRET = "MARGINALIA_TEST_SECRET=do-not-serve";

let tmp, plain, based;

/** Starts `node tools/serve.mjs DIR 0 [...more]`; resolves with its address and process. */
function startServe(dir, ...more) {
  const child = spawn(process.execPath, [SERVE, dir, "0", ...more], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)(\/\S*)/);
      if (m) ok({ child, port: Number(m[1]), base: m[2] });
    });
    child.on("exit", (code) => fail(new Error(`serve.mjs exited (${code}) before listening: ${out}`)));
  });
}

/** GET `path` sent verbatim (no normalisation), as { status, type, body }. */
function get(port, path) {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => ok({ status: res.statusCode, type: res.headers["content-type"], body }));
    });
    req.on("error", fail);
    req.end();
  });
}

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "marginalia-serve-"));
  const dist = join(tmp, "dist");
  mkdirSync(join(dist, "slug"), { recursive: true });
  mkdirSync(join(tmp, "dist-private"));
  writeFileSync(join(tmp, "dist-private", ".env"), SECRET + "\n");
  writeFileSync(join(tmp, "secret.txt"), SECRET + "\n");
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>root</title>");
  writeFileSync(join(dist, "slug", "index.html"), "<!doctype html><title>slug</title>");
  writeFileSync(join(dist, "app.js"), "export {};\n");
  writeFileSync(join(dist, "feed.xml"), "<?xml version='1.0'?><rss/>");
  writeFileSync(join(dist, "feed.atom"), "<?xml version='1.0'?><feed/>");
  writeFileSync(join(dist, "data.bin"), "\x01\x02");
  plain = await startServe(dist);
  based = await startServe(dist, "--base", "/sub/path/");
});

after(() => {
  plain?.child.kill();
  based?.child.kill();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const ESCAPES = [
  "/..%2fdist-private/.env",
  "/..%2Fdist-private%2F.env",
  "/%2e%2e%2fdist-private/.env",
  "/%2E%2E%2Fdist-private%2F.env",
  "/%2e%2e/dist-private/.env",
  "/../dist-private/.env",
  "/./../dist-private/.env",
  "/slug/..%2f..%2fdist-private/.env",
  "/slug/%2e%2e%2f%2e%2e%2fdist-private/.env",
  "/..%2fsecret.txt",
  "/..%5cdist-private%5c.env",
  "/%2e%2e%5cdist-private%5c.env",
  "/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc/hostname",
  "//..%2fdist-private/.env",
];

test("no spelling of a path reaches the sibling folder dist-private/ or the parent", async () => {
  for (const path of ESCAPES) {
    const { status, body } = await get(plain.port, path);
    assert.ok(status >= 400 && status < 500, `${path}: status ${status}`);
    assert.ok(!body.includes(SECRET), `${path}: served the secret`);
  }
});

test("under --base, escapes are refused too", async () => {
  const paths = ["/sub/path/..%2fdist-private/.env", "/sub/path/%2e%2e%2fdist-private/.env", "/sub/path/..%2fsecret.txt", "/sub/path/..%2f..%2fdist-private/.env"];
  for (const path of paths) {
    const { status, body } = await get(based.port, path);
    assert.ok(status >= 400 && status < 500, `${path}: status ${status}`);
    assert.ok(!body.includes(SECRET), `${path}: served the secret`);
  }
});

test("a NUL byte or malformed percent-encoding is a 400", async () => {
  for (const path of ["/%00", "/index.html%00", "/index.html%00.txt", "/%", "/%E0%A4%A", "/%zz", "/%C0%AF..%2fdist-private/.env"]) {
    const { status, body } = await get(plain.port, path);
    assert.equal(status, 400, `${path}: status ${status}`);
    assert.ok(!body.includes(SECRET), `${path}: served the secret`);
  }
});

test("files and directory indexes are still served, with the right content types", async () => {
  const cases = [
    ["/", "text/html; charset=utf-8", "<title>root</title>"],
    ["/index.html", "text/html; charset=utf-8", "<title>root</title>"],
    ["/slug/", "text/html; charset=utf-8", "<title>slug</title>"],
    ["/slug/index.html", "text/html; charset=utf-8", "<title>slug</title>"],
    ["/app.js", "text/javascript; charset=utf-8", "export {};"],
    ["/feed.xml", "application/xml", "<rss/>"],
    ["/feed.atom", "application/atom+xml", "<feed/>"],
    ["/data.bin", "application/octet-stream", "\x01\x02"],
    ["/sl%75g/", "text/html; charset=utf-8", "<title>slug</title>"],
  ];
  for (const [path, type, text] of cases) {
    const res = await get(plain.port, path);
    assert.equal(res.status, 200, `${path}: status ${res.status}`);
    assert.equal(res.type, type, `${path}: content type`);
    assert.ok(res.body.includes(text), `${path}: body ${JSON.stringify(res.body.slice(0, 80))}`);
  }
  const sub = await get(based.port, "/sub/path/slug/");
  assert.equal(sub.status, 200);
  assert.ok(sub.body.includes("<title>slug</title>"));
  assert.equal((await get(plain.port, "/missing.html")).status, 404);
  assert.equal((await get(based.port, "/slug/")).status, 404, "outside --base is not served");
});
