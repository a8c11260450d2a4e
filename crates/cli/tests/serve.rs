//! `marginalia serve`, started on port 0 and asked over real TCP connections (requests written
//! by hand, so that paths and Host headers go exactly as written): it serves the files inside
//! its folder and nothing else (no sibling folder however the path is spelled, no dotfile), a
//! request whose Host is not loopback gets 421 before anything else, every response is
//! nosniff and none has a CORS header; with `--watch`, a save rebuilds the site and tells the
//! open pages to reload, and a content error is sent to them as text while the last good site
//! stays served.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SECRET: &str = "MARGINALIA_TEST_SECRET=do-not-serve";
const WAIT: Duration = Duration::from_secs(20);
/// How long one read of a plain response may take (less than the event streams' heartbeat, so
/// that a stream answered where a plain response is expected fails the test).
const READ: Duration = Duration::from_secs(5);

/// A folder of its own for one test, emptied.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("marginalia-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A running `marginalia serve`, stopped when dropped.
struct Served {
    child: Child,
    port: u16,
    /// The address it printed (its base path included).
    url: String,
    /// Everything it wrote to stderr so far.
    log: Arc<Mutex<String>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits until stderr holds `needle`.
    fn wait_for_log(&self, needle: &str) {
        let start = std::time::Instant::now();
        while !self.log().contains(needle) {
            assert!(start.elapsed() < WAIT, "no {needle:?} in:\n{}", self.log());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Starts `marginalia serve --port 0 <args>` and waits for the address it prints.
fn serve(args: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(["serve", "--port", "0"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("marginalia runs");
    let log = Arc::new(Mutex::new(String::new()));
    let stderr = child.stderr.take().unwrap();
    let sink = Arc::clone(&log);
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let mut log = sink.lock().unwrap();
            log.push_str(&line);
            log.push('\n');
        }
    });
    let stdout = child.stdout.take().unwrap();
    let (found, address) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = found.send(line);
        }
    });
    let line = address
        .recv_timeout(WAIT)
        .unwrap_or_else(|_| panic!("serve printed no address; stderr:\n{}", log.lock().unwrap()));
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    assert!(line.starts_with("marginalia: serving "), "{line}");
    let port = url["http://127.0.0.1:".len()..]
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    Served {
        child,
        port,
        url,
        log,
    }
}

/// A response: status, headers (names in lower case) and body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// What Host header a request sends.
#[derive(Clone, Copy)]
enum Host<'a> {
    /// `127.0.0.1:<port>`, as a browser on the printed address sends it.
    Own,
    Named(&'a str),
    None,
}

/// Sends `<method> <target> HTTP/1.1` exactly as written, with `host` and `extra` header lines.
fn request(port: u16, method: &str, target: &str, host: Host, extra: &[&str]) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream.set_read_timeout(Some(READ)).unwrap();
    let mut head = format!("{method} {target} HTTP/1.1\r\n");
    match host {
        Host::Own => head.push_str(&format!("Host: 127.0.0.1:{port}\r\n")),
        Host::Named(name) => head.push_str(&format!("Host: {name}\r\n")),
        Host::None => {}
    }
    for line in extra {
        head.push_str(line);
        head.push_str("\r\n");
    }
    head.push_str("Connection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("a response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

fn get(port: u16, target: &str) -> Reply {
    request(port, "GET", target, Host::Own, &[])
}

/// The tree of serve.test.mjs: dist/ with pages and files of each type, dotfiles inside it,
/// and secrets beside it (dist-private/, secret.txt).
fn site(name: &str) -> PathBuf {
    let tmp = temp(name);
    let dist = tmp.join("dist");
    write(&tmp.join("dist-private/.env"), SECRET);
    write(&tmp.join("dist-private/index.html"), SECRET);
    write(&tmp.join("secret.txt"), SECRET);
    write(
        &dist.join("index.html"),
        "<!doctype html><title>root</title>",
    );
    write(
        &dist.join("slug/index.html"),
        "<!doctype html><title>slug</title>",
    );
    write(&dist.join("app.js"), "export {};\n");
    write(&dist.join("feed.xml"), "<?xml version='1.0'?><rss/>");
    write(&dist.join("feed.atom"), "<?xml version='1.0'?><feed/>");
    write(&dist.join("data.bin"), "\x01\x02");
    write(&dist.join("viewer.wasm"), "\0asm");
    write(&dist.join("style.css"), "p{}");
    for dotted in [
        ".secret",
        ".env",
        ".git/config",
        ".git/index.html",
        "slug/.hidden",
    ] {
        write(&dist.join(dotted), SECRET);
    }
    dist
}

const ESCAPES: &[&str] = &[
    "/..%2fdist-private/.env",
    "/..%2Fdist-private%2F.env",
    "/%2e%2e%2fdist-private/.env",
    "/%2E%2E%2Fdist-private%2F.env",
    "/%2e%2e/dist-private/.env",
    "/../dist-private/.env",
    "/./../dist-private/.env",
    "/../dist-private/",
    "/slug/..%2f..%2fdist-private/.env",
    "/slug/%2e%2e%2f%2e%2e%2fdist-private/.env",
    "/..%2fsecret.txt",
    "/..%5cdist-private%5c.env",
    "/%2e%2e%5cdist-private%5c.env",
    "/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc/hostname",
    "//..%2fdist-private/.env",
    "/..%2fdist-private%2findex.html",
];

#[test]
fn no_spelling_of_a_path_reaches_the_sibling_folder_or_the_parent() {
    let dist = site("escapes");
    let plain = serve(&["--out", dist.to_str().unwrap()]);
    let based = serve(&["--out", dist.to_str().unwrap(), "--base", "/sub/path/"]);
    for path in ESCAPES {
        let reply = get(plain.port, path);
        assert!(
            (400..500).contains(&reply.status),
            "{path}: {}",
            reply.status
        );
        assert!(!reply.text().contains(SECRET), "{path}: served the secret");
        assert!(!reply.text().contains("etc"), "{path}: {}", reply.text());
    }
    for path in [
        "/sub/path/..%2fdist-private/.env",
        "/sub/path/%2e%2e%2fdist-private/.env",
        "/sub/path/..%2fsecret.txt",
        "/sub/path/..%2f..%2fdist-private/.env",
    ] {
        let reply = get(based.port, path);
        assert!(
            (400..500).contains(&reply.status),
            "{path}: {}",
            reply.status
        );
        assert!(!reply.text().contains(SECRET), "{path}: served the secret");
    }
    assert_eq!(get(plain.port, "/..%2fsecret.txt").status, 403);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_that_leads_outside_is_not_followed() {
    let dist = site("links");
    std::os::unix::fs::symlink(dist.join("../secret.txt"), dist.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(dist.join("../dist-private"), dist.join("private")).unwrap();
    std::os::unix::fs::symlink(dist.join("app.js"), dist.join("inside.js")).unwrap();
    let served = serve(&["--out", dist.to_str().unwrap()]);
    for path in [
        "/link.txt",
        "/private/",
        "/private/index.html",
        "/private/.env",
    ] {
        let reply = get(served.port, path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.text().contains(SECRET), "{path}: served the secret");
    }
    assert_eq!(get(served.port, "/inside.js").text(), "export {};\n");
}

#[test]
fn a_nul_byte_or_malformed_percent_encoding_is_a_400() {
    let dist = site("bad");
    let served = serve(&["--out", dist.to_str().unwrap()]);
    for path in [
        "/%00",
        "/index.html%00",
        "/index.html%00.txt",
        "/%",
        "/%E0%A4%A",
        "/%zz",
        "/%C0%AF..%2fdist-private/.env",
        "/%FF",
    ] {
        let reply = get(served.port, path);
        assert_eq!(reply.status, 400, "{path}");
        assert!(!reply.text().contains(SECRET), "{path}: served the secret");
    }
}

#[test]
fn files_and_folder_indexes_are_served_with_their_types() {
    let dist = site("files");
    let plain = serve(&["--out", dist.to_str().unwrap()]);
    let based = serve(&["--out", dist.to_str().unwrap(), "--base", "/sub/path/"]);
    assert_eq!(plain.url, format!("http://127.0.0.1:{}/", plain.port));
    assert_eq!(
        based.url,
        format!("http://127.0.0.1:{}/sub/path/", based.port)
    );
    let cases = [
        ("/", "text/html; charset=utf-8", "<title>root</title>"),
        (
            "/index.html",
            "text/html; charset=utf-8",
            "<title>root</title>",
        ),
        ("/slug/", "text/html; charset=utf-8", "<title>slug</title>"),
        (
            "/slug/index.html?x=1",
            "text/html; charset=utf-8",
            "<title>slug</title>",
        ),
        ("/app.js", "text/javascript; charset=utf-8", "export {};"),
        ("/style.css", "text/css; charset=utf-8", "p{}"),
        ("/viewer.wasm", "application/wasm", "\0asm"),
        ("/feed.xml", "application/xml", "<rss/>"),
        ("/feed.atom", "application/atom+xml", "<feed/>"),
        ("/data.bin", "application/octet-stream", "\x01\x02"),
        (
            "/sl%75g/",
            "text/html; charset=utf-8",
            "<title>slug</title>",
        ),
    ];
    for (path, kind, text) in cases {
        let reply = get(plain.port, path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("content-type"), Some(kind), "{path}");
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{path}");
        assert!(reply.text().contains(text), "{path}: {:?}", reply.text());
    }
    let sub = get(based.port, "/sub/path/slug/");
    assert_eq!(sub.status, 200);
    assert!(sub.text().contains("<title>slug</title>"));
    assert_eq!(get(plain.port, "/missing.html").status, 404);
    assert_eq!(get(based.port, "/slug/").status, 404, "outside --base");

    let large = "x".repeat(100_000);
    write(&dist.join("large.txt"), &large);
    let reply = get(plain.port, "/large.txt");
    assert_eq!(
        reply.header("content-length"),
        Some("100000"),
        "not chunked"
    );
    assert_eq!(reply.text(), large);
    let head = request(plain.port, "HEAD", "/app.js", Host::Own, &[]);
    assert_eq!((head.status, head.body.len()), (200, 0));
    assert_eq!(head.header("content-length"), Some("11"));
    let post = request(
        plain.port,
        "POST",
        "/app.js",
        Host::Own,
        &["Content-Length: 0"],
    );
    assert_eq!(post.status, 405);
    assert!(!post.text().contains("export"));
}

const FOREIGN_HOSTS: &[&str] = &[
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

#[test]
fn a_host_that_does_not_name_loopback_or_none_gets_421_and_no_file() {
    let dist = site("foreign");
    let plain = serve(&["--out", dist.to_str().unwrap()]);
    let based = serve(&["--out", dist.to_str().unwrap(), "--base", "/sub/path/"]);
    let hosts = FOREIGN_HOSTS
        .iter()
        .map(|h| Host::Named(h))
        .chain([Host::None]);
    for host in hosts {
        for path in ["/", "/index.html", "/slug/", "/app.js", "/..%2fsecret.txt"] {
            let reply = request(plain.port, "GET", path, host, &[]);
            assert_eq!(reply.status, 421, "{path}");
            let text = reply.text();
            assert!(
                !text.contains("<title>") && !text.contains("export {}") && !text.contains(SECRET)
            );
            assert!(!text.is_empty() && text.len() < 200, "a short text: {text}");
        }
    }
    let sub = request(
        based.port,
        "GET",
        "/sub/path/slug/",
        Host::Named("evil.example:8080"),
        &[],
    );
    assert_eq!(sub.status, 421);
    assert!(!sub.text().contains("<title>slug</title>"));
    // Two Host headers, one of them loopback: refused too.
    let two = request(plain.port, "GET", "/", Host::Own, &["Host: evil.example"]);
    assert_eq!(two.status, 421);
}

#[test]
fn a_host_naming_loopback_with_or_without_a_port_is_answered() {
    let dist = site("loopback");
    let plain = serve(&["--out", dist.to_str().unwrap()]);
    let port = plain.port;
    for host in [
        format!("127.0.0.1:{port}"),
        "127.0.0.1".into(),
        format!("localhost:{port}"),
        "localhost".into(),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
        "[::1]".into(),
        format!("127.1.2.3:{port}"),
        "127.255.255.255".into(),
    ] {
        let reply = request(port, "GET", "/", Host::Named(&host), &[]);
        assert_eq!(reply.status, 200, "Host {host}");
        assert!(reply.text().contains("<title>root</title>"), "Host {host}");
    }
}

#[test]
fn every_response_is_nosniff_and_none_has_a_cors_header() {
    let dist = site("nosniff");
    let served = serve(&["--out", dist.to_str().unwrap()]);
    let cases = [
        ("/", Host::Own, 200),
        ("/data.bin", Host::Own, 200),
        ("/missing.html", Host::Own, 404),
        ("/.secret", Host::Own, 404),
        ("/%zz", Host::Own, 400),
        ("/..%2fsecret.txt", Host::Own, 403),
        ("/", Host::Named("evil.example"), 421),
    ];
    for (path, host, status) in cases {
        let reply = request(
            served.port,
            "GET",
            path,
            host,
            &["Origin: http://evil.example"],
        );
        assert_eq!(reply.status, status, "{path}");
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert!(
            !reply
                .headers
                .iter()
                .any(|(n, _)| n.starts_with("access-control-")),
            "{path}: {:?}",
            reply.headers
        );
    }
}

#[test]
fn dotfiles_and_files_in_dot_folders_get_404_though_they_exist() {
    let dist = site("dotfiles");
    let plain = serve(&["--out", dist.to_str().unwrap()]);
    let based = serve(&["--out", dist.to_str().unwrap(), "--base", "/sub/path/"]);
    for path in [
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
    ] {
        let reply = get(plain.port, path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.text().contains(SECRET), "{path}: served the secret");
    }
    for path in [
        "/sub/path/.secret",
        "/sub/path/.git/config",
        "/sub/path/slug/.hidden",
    ] {
        let reply = get(based.port, path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.text().contains(SECRET), "{path}: served the secret");
    }
}

#[test]
fn headers_given_are_added_and_gzip_is_sent_only_when_asked_and_accepted() {
    let dist = site("headers");
    let big = "export const text = \"marginalia\";\n".repeat(200);
    write(&dist.join("big.js"), &big);
    let csp = "default-src 'self'";
    let served = serve(&[
        "--out",
        dist.to_str().unwrap(),
        "--gzip",
        "--header",
        &format!("Content-Security-Policy: {csp}"),
    ]);
    let plain = get(served.port, "/big.js");
    assert_eq!(plain.header("content-security-policy"), Some(csp));
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.text(), big);
    let zipped = request(
        served.port,
        "GET",
        "/big.js",
        Host::Own,
        &["Accept-Encoding: gzip, br"],
    );
    assert_eq!(zipped.header("content-encoding"), Some("gzip"));
    assert_eq!(zipped.header("vary"), Some("Accept-Encoding"));
    assert!(
        zipped.body.len() < big.len() / 10,
        "{} bytes",
        zipped.body.len()
    );
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&zipped.body[..])
        .read_to_string(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, big);
    let png = request(
        served.port,
        "GET",
        "/data.bin",
        Host::Own,
        &["Accept-Encoding: gzip"],
    );
    assert_eq!(
        png.header("content-encoding"),
        None,
        "not a compressible type"
    );

    let unasked = serve(&["--out", dist.to_str().unwrap()]);
    let reply = request(
        unasked.port,
        "GET",
        "/big.js",
        Host::Own,
        &["Accept-Encoding: gzip"],
    );
    assert_eq!(reply.header("content-encoding"), None, "no --gzip");
    assert_eq!(reply.header("content-security-policy"), None);
}

#[test]
fn a_taken_port_or_a_missing_site_is_a_usage_error() {
    let dist = site("usage");
    let served = serve(&["--out", dist.to_str().unwrap()]);
    let taken = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(["serve", "--out", dist.to_str().unwrap(), "--port"])
        .arg(served.port.to_string())
        .output()
        .unwrap();
    assert_eq!(taken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&taken.stderr).contains("cannot listen on 127.0.0.1:"));
    let missing = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(["serve", "--port", "0", "--out"])
        .arg(dist.join("no-such-site"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("is not a built site"));
}

// --- --watch ------------------------------------------------------------------------------

/// A copy of `from` in `to`.
fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// An open `/__dev/events` stream.
struct Events {
    lines: Receiver<String>,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let head = format!("GET /__dev/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    return;
                }
            }
        });
        let events = Events { lines };
        let status = events.line();
        assert_eq!(status, "HTTP/1.1 200 OK");
        let mut headers = Vec::new();
        loop {
            let line = events.line();
            if line.is_empty() {
                break;
            }
            headers.push(line.to_ascii_lowercase());
        }
        assert!(
            headers.contains(&"content-type: text/event-stream".into()),
            "{headers:?}"
        );
        assert!(
            headers.contains(&"x-content-type-options: nosniff".into()),
            "{headers:?}"
        );
        events
    }

    fn line(&self) -> String {
        self.lines
            .recv_timeout(WAIT)
            .expect("a line of the event stream")
    }

    /// The next event (comments skipped): its name and data.
    fn next(&self) -> (String, String) {
        let (mut name, mut data) = (String::new(), Vec::new());
        loop {
            let line = self.line();
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data.push(d.to_string());
            } else if line.is_empty() && !name.is_empty() {
                return (name, data.join("\n"));
            }
        }
    }
}

/// The title of a served page.
fn title(port: u16, path: &str) -> String {
    let page = get(port, path).text();
    let start = page.find("<title>").expect("a title") + "<title>".len();
    page[start..start + page[start..].find("</title>").unwrap()].to_string()
}

#[test]
fn watch_builds_rebuilds_on_a_save_and_shows_a_content_error_over_the_last_good_site() {
    let tmp = temp("watch");
    common::stand_in_viewer(&tmp.join("viewer"));
    let seed = common::workspace_root().join("content/putin-kim-pact");
    let article = tmp.join("content/putin-kim-pact");
    copy(&seed, &article);
    let out = tmp.join("dist");
    let served = serve(&[
        "--watch",
        "--viewer",
        tmp.join("viewer").to_str().unwrap(),
        "--content",
        tmp.join("content").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let port = served.port;
    // Built before it listens; each page gets the client script, which is served.
    assert!(
        out.join("putin-kim-pact/index.html").is_file(),
        "{}",
        served.log()
    );
    served.wait_for_log("serve: watching ");
    let page = get(port, "/putin-kim-pact/").text();
    assert!(
        page.contains("<script type=\"module\" src=\"/__dev/client.js\"></script></body>"),
        "{page}"
    );
    assert!(
        !std::fs::read_to_string(out.join("putin-kim-pact/index.html"))
            .unwrap()
            .contains("__dev")
    );
    let client = get(port, "/__dev/client.js");
    assert_eq!(
        client.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(client.text().contains("new EventSource(\"/__dev/events\")"));
    let old = title(port, "/putin-kim-pact/");
    assert!(old.contains("South Korea sound alarm"), "{old}");

    // The watch routes are behind the Host check too.
    for host in [
        Host::Named("evil.example"),
        Host::Named("evil.example:8080"),
        Host::None,
    ] {
        for path in ["/__dev/events", "/__dev/client.js"] {
            let reply = request(port, "GET", path, host, &[]);
            assert_eq!(reply.status, 421, "{path}");
            assert!(!reply.text().contains("EventSource"));
        }
    }

    // A save: rebuilt, and the open page is told to reload.
    let events = Events::open(port);
    let meta = article.join("meta.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    write(
        &meta,
        &text.replace("South Korea sound alarm", "South Korea raise alarm"),
    );
    assert_eq!(events.next().0, "reload", "{}", served.log());
    assert!(title(port, "/putin-kim-pact/").contains("raise alarm"));
    served.wait_for_log("serve: rebuilt in ");

    // A broken annotation: the error goes to the page as text, file:line:column first; the
    // last good page stays served.
    let actors = article.join("actors.toml");
    let good = std::fs::read_to_string(&actors).unwrap();
    write(
        &actors,
        &good.replacen("id = \"putin\"", "id = \"putin\"\nid = \"twice\"", 1),
    );
    let (name, data) = events.next();
    assert_eq!(name, "content-error", "{}", served.log());
    assert!(data.contains("actors.toml:"), "{data}");
    let located = data.lines().any(|l| {
        l.split("actors.toml:").nth(1).is_some_and(|rest| {
            let mut parts = rest.split(':');
            parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
                && parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
        })
    });
    assert!(located, "no file:line:column in {data}");
    assert!(title(port, "/putin-kim-pact/").contains("raise alarm"));
    served.wait_for_log("the last good site stays");

    // A page opened while the content is broken gets the error at once.
    let late = Events::open(port);
    assert_eq!(late.next(), (name, data));

    // Fixed: both reload.
    write(&actors, &good);
    assert_eq!(events.next().0, "reload");
    assert_eq!(late.next().0, "reload");
}
