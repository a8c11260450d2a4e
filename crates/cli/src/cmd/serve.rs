//! `marginalia serve [--watch] [--port N] [--out DIR] …`: serves the site on 127.0.0.1, and
//! with `--watch` builds it, then rebuilds it on every save under the content folders and
//! reloads the open pages (what `make serve` and `make dev` run).
//!
//! A dev server on a writer's machine, so it answers a local page only:
//! - it listens on 127.0.0.1 alone; `--port 0` picks a free port, and the address is printed
//!   on stdout (`marginalia: serving DIR at http://127.0.0.1:PORT/ …`) once it listens;
//! - a request whose `Host` does not name loopback (`127.x.y.z`, `localhost`, `[::1]`, with or
//!   without a port), or that has none or two, gets 421 before anything else is looked at, the
//!   `--watch` routes included: a page of another site whose name resolves to 127.0.0.1 (DNS
//!   rebinding) cannot read the site, a draft or a content error;
//! - only files inside the served folder: the path is percent-decoded once (malformed
//!   encoding, bytes that are not UTF-8 or a NUL: 400), split on `/` and `\`; a `..` that
//!   leaves the folder gets 403, any segment starting with `.` (dotfiles, `.git/`) 404, and a
//!   symbolic link that leads outside 404;
//! - every response carries `X-Content-Type-Options: nosniff`; none carries a CORS header
//!   (only a `--header` given on the command line adds one);
//! - only GET and HEAD (405 otherwise).
//!
//! Files get their type by extension (wasm as `application/wasm`) and `Cache-Control:
//! no-cache`; a folder is its `index.html`. `--base /sub/path/` serves the site under that path
//! (as a host that puts it in a sub-folder), `--header 'Name: value'` adds a header to every
//! file (a Content-Security-Policy to try), `--gzip` compresses what a static host would.
//!
//! With `--watch` ([`watch`]), every HTML page served gets a small script
//! ([`watch::CLIENT`]) that listens to `/__dev/events`: it reloads after a good build, and
//! after a bad one shows the errors, as text, over the last good page (the build writes
//! nothing on an error, so the last good site stays served).
//!
//! Status: it runs until stopped (Ctrl-C); usage when it cannot listen, when there is nothing
//! to serve, or when a watched folder cannot be watched.

mod files;
pub mod watch;

use super::Status;
use flate2::write::GzEncoder;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;
use tiny_http::{Header, Method, Request, Response};
pub use watch::Site;

/// What `serve` was asked for (see [`crate::cli::Command::Serve`]).
#[derive(Clone, Debug)]
pub struct Options {
    /// The folder served (with `watch`: the one the site is built into).
    pub out: PathBuf,
    pub port: u16,
    /// The path the site is served under: starts and ends with `/`.
    pub base: String,
    /// Added to every file's response, replacing a header of the same name.
    pub headers: Vec<(String, String)>,
    pub gzip: bool,
    /// Build, watch and rebuild this site.
    pub watch: Option<Site>,
}

/// How many requests are answered at once.
const WORKERS: usize = 4;

/// A file compressed, with the modification time it had then.
type Compressed = (SystemTime, Arc<Vec<u8>>);

/// What the workers share.
struct Server {
    /// The served folder, canonical.
    root: PathBuf,
    base: String,
    headers: Vec<(String, String)>,
    gzip: bool,
    /// Compressed files by path.
    gzipped: Mutex<HashMap<PathBuf, Compressed>>,
    /// With `--watch`: the open pages, told of rebuilds.
    pages: Option<Arc<watch::Pages>>,
}

pub fn run(options: Options) -> Status {
    let pages = options
        .watch
        .as_ref()
        .map(|_| Arc::new(watch::Pages::default()));
    let mut watcher = None;
    if let (Some(site), Some(pages)) = (&options.watch, &pages) {
        for folder in site.watched() {
            if !folder.is_dir() {
                eprintln!("serve: {} is not a folder of articles", folder.display());
                return Status::Usage;
            }
        }
        watch::rebuild(site, pages, true);
        if let Err(e) = std::fs::create_dir_all(&options.out) {
            eprintln!("serve: cannot write {}: {e}", options.out.display());
            return Status::Usage;
        }
        match watch::watch(site.clone(), Arc::clone(pages)) {
            Ok(w) => watcher = Some(w),
            Err(message) => {
                eprintln!("serve: {message}");
                return Status::Usage;
            }
        }
    }
    let root = match options.out.canonicalize() {
        Ok(root) if root.is_dir() => root,
        _ => {
            eprintln!(
                "serve: {} is not a built site: build it first (`make build`), or serve with --watch",
                options.out.display()
            );
            return Status::Usage;
        }
    };
    let listener = match tiny_http::Server::http(("127.0.0.1", options.port)) {
        Ok(listener) => Arc::new(listener),
        Err(e) => {
            eprintln!(
                "serve: cannot listen on 127.0.0.1:{}: {e} (--port 0 picks a free port)",
                options.port
            );
            return Status::Usage;
        }
    };
    let port = listener
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(options.port);
    let url = format!("http://127.0.0.1:{port}{}", options.base);
    println!(
        "marginalia: serving {} at {url} (the contents page; Ctrl-C to stop)",
        options.out.display()
    );
    let articles = articles(&root);
    if !articles.is_empty() {
        println!("articles:");
        for slug in articles {
            println!("  {url}{slug}/");
        }
    }
    if let Some(site) = &options.watch {
        let folders: Vec<String> = site
            .watched()
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        eprintln!(
            "serve: watching {}; save a file to rebuild",
            folders.join(", ")
        );
    }
    let server = Arc::new(Server {
        root,
        base: options.base,
        headers: options.headers,
        gzip: options.gzip,
        gzipped: Mutex::default(),
        pages,
    });
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (listener, server) = (Arc::clone(&listener), Arc::clone(&server));
            std::thread::spawn(move || {
                while let Ok(request) = listener.recv() {
                    server.answer(request);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    drop(watcher);
    Status::Fine
}

/// The article folders of a built site (each with an `index.html`), but `examples/`.
fn articles(root: &Path) -> Vec<String> {
    let mut slugs: Vec<String> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("index.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "examples" && !name.starts_with('.'))
        .collect();
    slugs.sort();
    slugs
}

/// A header made of a name and value known to be valid.
fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// Responds `status` with a short plain-text body (and nosniff, as every response).
fn text(request: Request, status: u16, body: &str) {
    let response = Response::from_data(format!("{body}\n"))
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8").expect("valid"))
        .with_header(header("X-Content-Type-Options", "nosniff").expect("valid"));
    let _ = request.respond(response);
}

impl Server {
    fn answer(&self, request: Request) {
        let mut hosts = request
            .headers()
            .iter()
            .filter(|h| h.field.equiv("Host"))
            .map(|h| h.value.as_str());
        let host = match (hosts.next(), hosts.next()) {
            (Some(host), None) => host,
            _ => "",
        };
        if !files::is_loopback_host(host) {
            return text(
                request,
                421,
                "misdirected request: this server answers only to 127.0.0.1, localhost or [::1]",
            );
        }
        let method = request.method().clone();
        if method != Method::Get && method != Method::Head {
            let response = Response::from_data("method not allowed: GET or HEAD only\n")
                .with_status_code(405)
                .with_header(header("Allow", "GET, HEAD").expect("valid"))
                .with_header(header("Content-Type", "text/plain; charset=utf-8").expect("valid"))
                .with_header(header("X-Content-Type-Options", "nosniff").expect("valid"));
            let _ = request.respond(response);
            return;
        }
        if let Some(pages) = &self.pages {
            let path = request.url().split('?').next().unwrap_or("");
            if path == watch::CLIENT_PATH {
                let headers = [("Content-Type", "text/javascript; charset=utf-8")];
                return self.file(request, watch::CLIENT.as_bytes().to_vec(), &headers);
            }
            if path == watch::EVENTS_PATH && method == Method::Get {
                pages.open(request.into_writer());
                return;
            }
        }
        let relative = match files::resolve(request.url(), &self.base) {
            Ok(relative) => relative,
            Err(files::Refusal::BadRequest) => return text(request, 400, "bad request"),
            Err(files::Refusal::Outside) => return text(request, 403, "forbidden"),
            Err(files::Refusal::NotFound) => return text(request, 404, "not found"),
        };
        let Some(mut file) = files::contained(&self.root, &self.root.join(relative)) else {
            return text(request, 404, "not found");
        };
        if file.is_dir() {
            match files::contained(&self.root, &file.join("index.html")) {
                Some(index) => file = index,
                None => return text(request, 404, "not found"),
            }
        }
        let Ok(mut body) = std::fs::read(&file) else {
            return text(request, 404, "not found");
        };
        let content_type = files::content_type(&file);
        if self.pages.is_some() && content_type.starts_with("text/html") {
            body = with_client(&body);
        }
        let mut headers = vec![
            ("Content-Type", content_type),
            ("Cache-Control", "no-cache"),
        ];
        let accepts_gzip = request
            .headers()
            .iter()
            .filter(|h| h.field.equiv("Accept-Encoding"))
            .any(|h| files::accepts_gzip(h.value.as_str()));
        if self.gzip && accepts_gzip && files::compressible(content_type) {
            body = self.gzipped(&file, &body).as_ref().clone();
            headers.push(("Content-Encoding", "gzip"));
            headers.push(("Vary", "Accept-Encoding"));
        }
        let extra: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        headers.retain(|(name, _)| !extra.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)));
        headers.extend(extra);
        self.file(request, body, &headers)
    }

    /// Responds 200 with `body`, `headers` and nosniff.
    fn file(&self, request: Request, body: Vec<u8>, headers: &[(&str, &str)]) {
        // Always a Content-Length, as a static host sends (never chunked).
        let mut response = Response::from_data(body)
            .with_chunked_threshold(usize::MAX)
            .with_header(header("X-Content-Type-Options", "nosniff").expect("valid"));
        for (name, value) in headers {
            if let Some(h) = header(name, value) {
                response.add_header(h);
            }
        }
        let _ = request.respond(response);
    }

    /// `body` (the contents of `file`) compressed, from the cache while `file` is unchanged.
    fn gzipped(&self, file: &Path, body: &[u8]) -> Arc<Vec<u8>> {
        let modified = std::fs::metadata(file)
            .and_then(|m| m.modified())
            .unwrap_or(SystemTime::UNIX_EPOCH);
        let mut cache = self.gzipped.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((at, compressed)) = cache.get(file) {
            if *at == modified {
                return Arc::clone(compressed);
            }
        }
        let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::best());
        let compressed = Arc::new(
            encoder
                .write_all(body)
                .and_then(|()| encoder.finish())
                .unwrap_or_default(),
        );
        cache.insert(file.to_path_buf(), (modified, Arc::clone(&compressed)));
        compressed
    }
}

/// A page with the `--watch` script added before its `</body>` (or at its end).
fn with_client(page: &[u8]) -> Vec<u8> {
    let script = format!(
        "<script type=\"module\" src=\"{}\"></script>",
        watch::CLIENT_PATH
    );
    let page = String::from_utf8_lossy(page);
    match page.find("</body>") {
        Some(at) => format!("{}{script}{}", &page[..at], &page[at..]),
        None => format!("{page}{script}"),
    }
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_goes_before_the_first_body_end() {
        let page = with_client(b"<body><p>a</p></body></html>");
        assert_eq!(
            String::from_utf8(page).unwrap(),
            "<body><p>a</p><script type=\"module\" src=\"/__dev/client.js\"></script></body></html>"
        );
        assert!(String::from_utf8(with_client(b"<p>"))
            .unwrap()
            .ends_with("</script>"));
    }
}
