//! What `serve` decides before it reads a file, as pure functions: whether a `Host` header
//! names loopback, which file (if any) a request target names, and its content type.

use std::path::{Component, Path, PathBuf};

/// Whether a `Host` header names loopback: `localhost`, `[::1]` or `127.x.y.z` (each part a
/// number 0 to 255 without leading zeros), any case, with or without `:port` (1 to 5 digits).
/// Anything else (another name, `0.0.0.0`, `[::2]`, `127.0.0.1.evil.example`, two ports) does
/// not: a page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends
/// its own name here.
pub fn is_loopback_host(host: &str) -> bool {
    let (name, port) = match host.strip_prefix("[::1]") {
        Some(rest) => ("[::1]", rest),
        None => host.split_at(host.find(':').unwrap_or(host.len())),
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    port_ok && (name == "[::1]" || name.eq_ignore_ascii_case("localhost") || is_loopback_ipv4(name))
}

/// `127.x.y.z` with each part 0 to 255, written without leading zeros.
fn is_loopback_ipv4(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() == 4
        && parts[0] == "127"
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// Why a request target names no file to serve.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// 400: not a path, malformed percent-encoding, not UTF-8 once decoded, or a NUL byte.
    BadRequest,
    /// 403: a `..` that leaves the served folder.
    Outside,
    /// 404: outside the base path, or a segment that starts with `.` (dotfiles, `.git/`, and
    /// any `.` or `..` that stays inside).
    NotFound,
}

/// The request target's path, percent-decoded once: `None` if it is not a path (it must start
/// with `/`), has malformed percent-encoding, is not UTF-8 once decoded, or holds a NUL.
pub fn decoded_path(target: &str) -> Option<String> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return None;
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    (!text.contains('\0')).then_some(text)
}

/// The file inside `root` that `target` names, relative to `root` (empty for `root` itself),
/// under `base` (a path that starts and ends with `/`). The path is decoded once, then split
/// on `/` and `\`; nothing is resolved against the disk here (see [`contained`]).
pub fn resolve(target: &str, base: &str) -> Result<PathBuf, Refusal> {
    let path = decoded_path(target).ok_or(Refusal::BadRequest)?;
    let rest = path.strip_prefix(base).ok_or(Refusal::NotFound)?;
    let mut segments: Vec<&str> = Vec::new();
    let mut dotted = false;
    for segment in rest.split(['/', '\\']) {
        match segment {
            "" => {}
            ".." => {
                if segments.pop().is_none() {
                    return Err(Refusal::Outside);
                }
                dotted = true;
            }
            s if s.starts_with('.') => dotted = true,
            s => segments.push(s),
        }
    }
    if dotted {
        return Err(Refusal::NotFound);
    }
    let mut file = PathBuf::new();
    for segment in segments {
        // One plain name each: on Windows a segment such as `C:` is a prefix, not a name.
        let mut components = Path::new(segment).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(name)), None) => file.push(name),
            _ => return Err(Refusal::NotFound),
        }
    }
    Ok(file)
}

/// `file` (from [`resolve`], joined to `root`), with symbolic links followed, if it is still
/// inside `root` (itself canonical) and no part of it below `root` starts with `.`.
pub fn contained(root: &Path, file: &Path) -> Option<PathBuf> {
    let real = file.canonicalize().ok()?;
    let below = real.strip_prefix(root).ok()?;
    let hidden = below
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    (!hidden).then_some(real)
}

/// The content type of a file, by its extension, as static hosts send it.
pub fn content_type(file: &Path) -> &'static str {
    let extension = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("ttf") => "font/ttf",
        Some("txt") => "text/plain; charset=utf-8",
        Some("xml") => "application/xml",
        Some("atom") => "application/atom+xml",
        _ => "application/octet-stream",
    }
}

/// Whether a static host would compress this type: text, JS, JSON, SVG and wasm.
pub fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/wasm")
        || content_type.starts_with("image/svg")
}

/// Whether an `Accept-Encoding` header accepts gzip (as a token, not a `q=0` refusal).
pub fn accepts_gzip(accept_encoding: &str) -> bool {
    accept_encoding.split(',').any(|part| {
        let mut items = part.split(';').map(str::trim);
        let coding = items.next().unwrap_or("");
        let refused = items.any(|p| {
            p.strip_prefix("q=")
                .is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q == 0.0))
        });
        (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_with_or_without_a_port() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:8080",
            "localhost",
            "LocalHost:1",
            "[::1]",
            "[::1]:65535",
            "127.1.2.3:80",
            "127.255.255.255",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn every_other_host_is_foreign() {
        for host in [
            "",
            "evil.example",
            "evil.example:8080",
            "127.0.0.1.evil.example",
            "localhost.evil.example:8080",
            "evil.localhost",
            "127.0.0.1@evil.example",
            "0.0.0.0",
            "192.168.1.10:8080",
            "[::2]",
            "[::1].evil.example",
            "[::1]x",
            "[::1]:",
            "127.0.0.256",
            "127.0.0.01",
            "127.0.0",
            "127.0.0.1:80:80",
            "127.0.0.1:",
            "127.0.0.1:123456",
            "localhost:port",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn paths_resolve_inside_the_root_or_are_refused() {
        let ok = |t: &str| resolve(t, "/").unwrap();
        assert_eq!(ok("/"), PathBuf::new());
        assert_eq!(ok("/slug/index.html?x=1"), PathBuf::from("slug/index.html"));
        assert_eq!(ok("/sl%75g/"), PathBuf::from("slug"));
        assert_eq!(ok("//slug//a"), PathBuf::from("slug/a"));
        assert_eq!(resolve("/../x", "/"), Err(Refusal::Outside));
        assert_eq!(resolve("/a/..%2f..%2fx", "/"), Err(Refusal::Outside));
        assert_eq!(resolve("/..%5cx", "/"), Err(Refusal::Outside));
        assert_eq!(resolve("/a/../b", "/"), Err(Refusal::NotFound));
        assert_eq!(resolve("/.env", "/"), Err(Refusal::NotFound));
        assert_eq!(resolve("/a%2f.git%2fconfig", "/"), Err(Refusal::NotFound));
        for bad in ["/%", "/%zz", "/%E0%A4%A", "/%00", "/%C0%AF", "x", "*"] {
            assert_eq!(resolve(bad, "/"), Err(Refusal::BadRequest), "{bad}");
        }
        assert_eq!(resolve("/slug/", "/sub/"), Err(Refusal::NotFound));
        assert_eq!(
            resolve("/sub/slug/", "/sub/").unwrap(),
            PathBuf::from("slug")
        );
        assert_eq!(resolve("/sub/..%2fx", "/sub/"), Err(Refusal::Outside));
    }

    #[test]
    fn types_and_compression() {
        assert_eq!(content_type(Path::new("a/b.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("index.HTML")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("x")), "application/octet-stream");
        assert!(compressible("application/wasm") && !compressible("image/png"));
        assert!(accepts_gzip("gzip, deflate, br") && accepts_gzip("br;q=1, GZIP;q=0.5"));
        assert!(!accepts_gzip("gzip;q=0") && !accepts_gzip("br") && !accepts_gzip(""));
    }
}
