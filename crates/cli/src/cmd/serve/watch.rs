//! `serve --watch`: the site rebuilt on every save under the content folders, and the open
//! pages told over a stream of server-sent events (`/__dev/events`): `reload` after a good
//! build, `content-error` with the errors as text after a bad one (the build then writes
//! nothing, so the last good site stays served). [`CLIENT`] is the script that listens.

use super::super::build::{build, BuildError};
use marginalia_content::Drafts;
use notify::{EventKind, RecursiveMode, Watcher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The script every served page gets with `--watch` (at [`CLIENT_PATH`]).
pub const CLIENT: &str = include_str!("client.js");
/// Where [`CLIENT`] is served, whatever `--base` is.
pub const CLIENT_PATH: &str = "/__dev/client.js";
/// Where the pages listen for rebuilds.
pub const EVENTS_PATH: &str = "/__dev/events";

/// How long the content must be quiet after a change before the site is rebuilt (an editor
/// writes a file in several steps).
const QUIET: Duration = Duration::from_millis(150);
/// How often an idle event stream gets a comment line (so that closed pages are dropped).
const HEARTBEAT: Duration = Duration::from_secs(15);

/// What `--watch` builds: the arguments of `marginalia build`, and the folder it writes.
#[derive(Clone, Debug)]
pub struct Site {
    /// The viewer's build, or none for the one inside the binary.
    pub viewer: Option<PathBuf>,
    pub content: PathBuf,
    pub out: PathBuf,
    pub examples: Option<PathBuf>,
    pub drafts: Drafts,
}

impl Site {
    /// The folders whose changes rebuild the site.
    pub fn watched(&self) -> Vec<&Path> {
        std::iter::once(self.content.as_path())
            .chain(self.examples.as_deref())
            .collect()
    }
}

/// The open pages' event streams, and the last build's error (sent to a page that opens while
/// the content is broken).
#[derive(Default)]
pub struct Pages {
    streams: Mutex<Vec<Box<dyn Write + Send>>>,
    error: Mutex<Option<String>>,
}

impl Pages {
    /// Starts an event stream on `stream` (the raw connection of a request to
    /// [`EVENTS_PATH`]): the response head, then the current error if there is one.
    pub fn open(&self, mut stream: Box<dyn Write + Send>) {
        let head = "HTTP/1.1 200 OK\r\n\
            Content-Type: text/event-stream\r\n\
            Cache-Control: no-cache\r\n\
            X-Content-Type-Options: nosniff\r\n\
            Connection: close\r\n\r\n\
            : connected\n\n";
        let mut streams = self.streams.lock().unwrap_or_else(PoisonError::into_inner);
        let error = self.error.lock().unwrap_or_else(PoisonError::into_inner);
        let mut opened = stream.write_all(head.as_bytes());
        if let Some(text) = error.as_deref() {
            opened =
                opened.and_then(|()| stream.write_all(event("content-error", text).as_bytes()));
        }
        if opened.and_then(|()| stream.flush()).is_ok() {
            streams.push(stream);
        }
    }

    /// Sends `text` to every open page, and drops the pages that have gone.
    fn send(&self, text: &str) {
        let mut streams = self.streams.lock().unwrap_or_else(PoisonError::into_inner);
        streams.retain_mut(|s| {
            s.write_all(text.as_bytes())
                .and_then(|()| s.flush())
                .is_ok()
        });
    }

    /// After a good build: no error, and every page reloads.
    fn built(&self) {
        *self.error.lock().unwrap_or_else(PoisonError::into_inner) = None;
        self.send(&event("reload", ""));
    }

    /// After a bad build: every page shows `text` over what it shows.
    fn failed(&self, text: String) {
        let message = event("content-error", &text);
        *self.error.lock().unwrap_or_else(PoisonError::into_inner) = Some(text);
        self.send(&message);
    }
}

/// One server-sent event: `data` split into `data:` lines, so no line of it can end the event
/// or start another.
fn event(name: &str, data: &str) -> String {
    let mut out = format!("event: {name}\n");
    for line in data.replace("\r\n", "\n").split(['\n', '\r']) {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Builds the site once, printing what `marginalia build` prints; tells the pages.
pub fn rebuild(site: &Site, pages: &Pages, first: bool) {
    let started = Instant::now();
    let result = build(
        site.viewer.as_deref(),
        &site.content,
        &site.out,
        site.examples.as_deref(),
        site.drafts,
    );
    match result {
        Ok(summary) => {
            eprintln!("{summary}");
            if !first {
                eprintln!(
                    "serve: rebuilt in {} ms; reloading open pages",
                    started.elapsed().as_millis()
                );
            }
            pages.built();
        }
        Err(error) => {
            eprintln!("{}", error.text());
            let what = match error {
                BuildError::Content(_) => "content errors",
                BuildError::Usage(_) => "the site cannot be built",
            };
            eprintln!(
                "serve: {what} (above); the last good site stays, and open pages show the errors"
            );
            pages.failed(error.text());
        }
    }
}

/// Watches `site`'s content folders and rebuilds it after each change, on a thread of its own,
/// for as long as the returned watcher is kept.
pub fn watch(site: Site, pages: Arc<Pages>) -> Result<notify::RecommendedWatcher, String> {
    let (changes, changed) = channel();
    let out = site.out.canonicalize().unwrap_or_else(|_| site.out.clone());
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        // Reading a file is no change; nor is a write into the site itself, if it is inside
        // a watched folder; nor an editor's swap or backup file.
        let relevant = !matches!(event.kind, EventKind::Access(_))
            && event.paths.iter().any(|p| {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default();
                !p.starts_with(&out) && !name.starts_with('.') && !name.ends_with('~')
            });
        if relevant {
            let _ = changes.send(());
        }
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    for folder in site.watched() {
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    }
    std::thread::spawn(move || loop {
        match changed.recv_timeout(HEARTBEAT) {
            Ok(()) => {
                // Wait for the writes to settle, then build once for all of them.
                while changed.recv_timeout(QUIET).is_ok() {}
                rebuild(&site, &pages, false);
            }
            Err(RecvTimeoutError::Timeout) => pages.send(": still here\n\n"),
            Err(RecvTimeoutError::Disconnected) => return,
        }
    });
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_cannot_be_ended_or_forged_by_its_data() {
        assert_eq!(event("reload", ""), "event: reload\ndata: \n\n");
        assert_eq!(
            event("content-error", "a.toml:1:2: bad\n\nevent: reload\r\ndata: x"),
            "event: content-error\ndata: a.toml:1:2: bad\ndata: \ndata: event: reload\ndata: data: x\n\n"
        );
    }
}
