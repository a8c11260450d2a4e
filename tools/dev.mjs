// `make dev`: serves dist/ on 127.0.0.1, rebuilds the site whenever a file under content/ (or
// examples/articles/) is saved, and reloads the open pages. Only the site is rebuilt
// (`marginalia build`, the native command `make build` has built, in CARGO_TARGET_DIR when that
// is set): no Rust is compiled on a content edit.
//
// A content error is printed here (file:line:column and hint, as `make build` prints it) and
// shown in every open page as text over the last good page, which stays readable: the site
// command writes nothing when an article has an error.
//
// It answers through tools/serve.mjs's startServer, so its rules hold here too, for the /__dev/
// routes (the client script and the event stream, which carries content errors) as for the
// site's files: only a request whose Host names loopback (127.0.0.1 or any 127.x.y.z,
// localhost, [::1], with or without :port) is answered, any other Host (or none) gets 421
// before `onRequest` below runs (no DNS rebinding to read drafts or errors); dotfiles get 404;
// every response carries `x-content-type-options: nosniff`.
//
// Usage: node tools/dev.mjs [port] [--content DIR] [--out DIR]
//   (the Makefile's `dev` target builds first; the tests point it at a copy of the content)
import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { join } from "node:path";
import { startServer } from "./serve.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const content = option("--content", "content");
const out = option("--out", "dist");
const port = Number(args[0] ?? 8080);
const MARGINALIA = join(process.env.CARGO_TARGET_DIR || "target", "debug", "marginalia");
// --drafts: a draft's unconfirmed suggestions are previewed (shown as suggestions), never refused here.
const SITE = [MARGINALIA, ["build", "target/viewer", content, out, "--examples", "examples/articles", "--drafts"]];
const WATCHED = [content, "examples/articles"];

const clients = new Set();
let lastError = null;

/** Sends an event to every open page. */
function broadcast(event, data = "") {
  const lines = String(data).split("\n").map((l) => `data: ${l}`).join("\n");
  for (const res of clients) res.write(`event: ${event}\n${lines}\n\n`);
}

// The page side: a tiny script, served by this server only, that listens for rebuilds.
const CLIENT = `// marginalia dev: reload on rebuild; show content errors over the last good page.
const events = new EventSource("/__dev/events");
events.addEventListener("reload", () => location.reload());
events.addEventListener("content-error", (e) => {
  let box = document.getElementById("marginalia-dev-error");
  if (!box) {
    box = document.createElement("pre");
    box.id = "marginalia-dev-error";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#fff3f0;color:#5a0000;border-top:3px solid #b00020;font:14px/1.4 monospace;white-space:pre-wrap;z-index:2147483647";
    document.body.append(box);
  }
  box.textContent = "The site was not rebuilt: fix this and save again. The page below is the last good build.\\n\\n" + e.data;
});
`;

// Called by startServer only after its Host check has passed (see tools/serve.mjs).
function onRequest(req, res) {
  const path = new URL(req.url, "http://127.0.0.1").pathname;
  if (path === "/__dev/client.js") {
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" }).end(CLIENT);
    return true;
  }
  if (path === "/__dev/events") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(": connected\n\n");
    clients.add(res);
    if (lastError) res.write(`event: content-error\n${lastError.split("\n").map((l) => `data: ${l}`).join("\n")}\n\n`);
    req.on("close", () => clients.delete(res));
    return true;
  }
  return false;
}

const injectHtml = (html) => html.replace("</body>", `<script type="module" src="/__dev/client.js"></script></body>`);

let running = false;
let again = false;
function rebuild() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  const started = Date.now();
  const child = spawn(SITE[0], SITE[1], { stdio: ["ignore", "inherit", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  child.on("close", (code) => {
    running = false;
    if (code === 0) {
      lastError = null;
      console.log(`dev: rebuilt in ${Date.now() - started} ms; reloading open pages`);
      broadcast("reload");
    } else {
      lastError = stderr.trim();
      console.log("dev: content errors (above); the last good site stays");
      broadcast("content-error", lastError);
    }
    if (again) {
      again = false;
      rebuild();
    }
  });
}

let timer;
for (const dir of WATCHED) {
  watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 150);
  });
}

const { url } = await startServer({ dir: out, port, onRequest, injectHtml });
console.log(`marginalia dev: ${url} (the contents page); the seed at ${url}putin-kim-pact/`);
console.log(`dev: watching ${WATCHED.join(", ")}; save a file to rebuild. Ctrl-C to stop.`);
