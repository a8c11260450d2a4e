// tools/serve.mjs serves files inside its folder and nothing else: a sibling folder whose name
// starts with the same letters (dist-private/ beside dist/) stays out of reach however the path
// is spelled, bad requests get 400, and directories and content types still work. No browser:
// raw request paths go through http.request, which sends them exactly as written.
// Against DNS rebinding, only a Host naming loopback is answered (any other gets 421, before
// any file is read or a dev.mjs onRequest hook runs); dotfiles get 404; every response is
// `x-content-type-options: nosniff`. Host is set explicitly here (fetch cannot override it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../tools/serve.mjs";

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

/**
 * GET `path` sent verbatim (no normalisation), as { status, type, headers, body }. `host`, if
 * given, is the Host header sent (the connection still goes to 127.0.0.1); null sends none.
 */
function get(port, path, host) {
  return new Promise((ok, fail) => {
    const options = { host: "127.0.0.1", port, path, method: "GET" };
    if (host === null) options.setHost = false;
    else if (host !== undefined) options.headers = { host };
    const req = request(options, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => ok({ status: res.statusCode, type: res.headers["content-type"], headers: res.headers, body }));
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
  // Dotfiles and dot-folders inside the served folder: present, never served.
  writeFileSync(join(dist, ".secret"), SECRET + "\n");
  writeFileSync(join(dist, ".env"), SECRET + "\n");
  mkdirSync(join(dist, ".git"));
  writeFileSync(join(dist, ".git", "config"), SECRET + "\n");
  writeFileSync(join(dist, ".git", "index.html"), SECRET + "\n");
  writeFileSync(join(dist, "slug", ".hidden"), SECRET + "\n");
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

const ROOT_BODY = "<title>root</title>";
const FOREIGN_HOSTS = [
  "evil.example",
  "evil.example:8080",
  "EVIL.example:80",
  "127.0.0.1.evil.example",
  "localhost.evil.example:8080",
  "evil.localhost",
  "127.0.0.1@evil.example",
  "0.0.0.0",
  "192.168.1.10:8080",
  "[::2]",
  "[::1].evil.example",
  "127.0.0.256",
  "127.0.0.1:80:80",
];

test("a Host that does not name loopback (or none) gets 421 and no file", async () => {
  for (const host of [...FOREIGN_HOSTS, null]) {
    for (const path of ["/", "/index.html", "/slug/", "/app.js"]) {
      const res = await get(plain.port, path, host);
      assert.equal(res.status, 421, `Host ${JSON.stringify(host)} ${path}: status ${res.status}`);
      assert.ok(!res.body.includes("<title>") && !res.body.includes("export {}"), `Host ${JSON.stringify(host)} ${path}: served ${JSON.stringify(res.body)}`);
      assert.ok(res.body.length > 0 && res.body.length < 200, `Host ${JSON.stringify(host)}: a short text body`);
    }
  }
  const sub = await get(based.port, "/sub/path/slug/", "evil.example:8080");
  assert.equal(sub.status, 421);
  assert.ok(!sub.body.includes("<title>slug</title>"));
});

test("a Host naming loopback, with or without a port, is answered", async () => {
  const hosts = [
    `127.0.0.1:${plain.port}`,
    "127.0.0.1",
    `localhost:${plain.port}`,
    "localhost",
    `LocalHost:${plain.port}`,
    `[::1]:${plain.port}`,
    "[::1]",
    `127.1.2.3:${plain.port}`,
    "127.255.255.255",
  ];
  for (const host of hosts) {
    const res = await get(plain.port, "/", host);
    assert.equal(res.status, 200, `Host ${host}: status ${res.status}`);
    assert.ok(res.body.includes(ROOT_BODY), `Host ${host}: body ${JSON.stringify(res.body.slice(0, 80))}`);
  }
  const sub = await get(based.port, "/sub/path/slug/", `localhost:${based.port}`);
  assert.equal(sub.status, 200);
  assert.ok(sub.body.includes("<title>slug</title>"));
});

test("every response carries x-content-type-options: nosniff", async () => {
  const cases = [
    ["/", undefined, 200],
    ["/data.bin", undefined, 200],
    ["/missing.html", undefined, 404],
    ["/.secret", undefined, 404],
    ["/%zz", undefined, 400],
    ["/", "evil.example", 421],
  ];
  for (const [path, host, status] of cases) {
    const res = await get(plain.port, path, host);
    assert.equal(res.status, status, `${path} (Host ${host}): status ${res.status}`);
    assert.equal(res.headers["x-content-type-options"], "nosniff", `${path} (Host ${host}): no nosniff`);
  }
});

test("dotfiles and files in dot-folders get 404, even though they exist", async () => {
  const paths = [
    "/.secret",
    "/.env",
    "/.git/config",
    "/.git/",
    "/.git/index.html",
    "/slug/.hidden",
    "/%2esecret",
    "/%2Egit%2Fconfig",
    "/.git%2fconfig",
    "/slug/..%2f.secret",
    "/slug%2f.hidden",
    "/slug%5c.hidden",
  ];
  for (const path of paths) {
    const res = await get(plain.port, path);
    assert.equal(res.status, 404, `${path}: status ${res.status}`);
    assert.ok(!res.body.includes(SECRET), `${path}: served the secret`);
  }
  for (const path of ["/sub/path/.secret", "/sub/path/.git/config", "/sub/path/slug/.hidden"]) {
    const res = await get(based.port, path);
    assert.equal(res.status, 404, `${path}: status ${res.status}`);
    assert.ok(!res.body.includes(SECRET), `${path}: served the secret`);
  }
});

test("an onRequest hook (dev.mjs's /__dev/ routes) runs only after the Host check", async () => {
  const calls = [];
  const onRequest = (req, res) => {
    calls.push(`${req.headers.host} ${req.url}`);
    if (!req.url.startsWith("/__dev/")) return false;
    res.writeHead(200, { "content-type": "text/plain" }).end("DEV-EVENTS");
    return true;
  };
  const { server } = await startServer({ dir: join(tmp, "dist"), onRequest });
  const port = server.address().port;
  try {
    for (const host of ["evil.example", "evil.example:8080", null]) {
      const res = await get(port, "/__dev/events", host);
      assert.equal(res.status, 421, `Host ${host}: status ${res.status}`);
      assert.ok(!res.body.includes("DEV-EVENTS"), `Host ${host}: the hook answered`);
    }
    assert.deepEqual(calls, [], "onRequest was called for a foreign Host");
    const res = await get(port, "/__dev/events", `127.0.0.1:${port}`);
    assert.equal(res.status, 200);
    assert.equal(res.body, "DEV-EVENTS");
    assert.equal(res.headers["x-content-type-options"], "nosniff", "the hook's response has nosniff");
    assert.deepEqual(calls, [`127.0.0.1:${port} /__dev/events`]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
