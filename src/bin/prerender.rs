//! Prerendering, run after `trunk build` (see the Makefile's `build`):
//!
//! 1. renders `App` to hydratable HTML with Yew's server renderer (the same default state the
//!    wasm starts from, so hydration finds exactly this DOM);
//! 2. puts it inside `<div id="marginalia"></div>` of `dist/index.html`;
//! 3. replaces `<!-- marginalia:head -->` with the page's title, description, canonical link,
//!    Open Graph and Twitter card tags, built from the article's metadata (HTML-escaped).
//!
//! `MARGINALIA_SITE_URL` (for example `https://user.github.io/repo/`) gives the absolute
//! address for the canonical link and `og:url`; without it they are left out, since a
//! relative canonical link is not valid.
//!
//! Usage: `cargo run --bin prerender -- dist/index.html`

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use marginalia::components::app::App;
    use std::process::exit;

    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <dist/index.html>");
        exit(2);
    };
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("prerender: cannot read {path}: {e}");
        exit(1);
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let body = runtime.block_on(tokio::task::LocalSet::new().run_until(async {
        yew::LocalServerRenderer::<App>::new()
            .hydratable(true)
            .render()
            .await
    }));
    let site_url = std::env::var("MARGINALIA_SITE_URL")
        .ok()
        .filter(|u| !u.is_empty());
    let head = marginalia::page::head_tags(&marginalia::bundled::article(), site_url.as_deref());
    match marginalia::page::fill(&page, &head, &body) {
        Ok(filled) => {
            std::fs::write(&path, filled).unwrap_or_else(|e| {
                eprintln!("prerender: cannot write {path}: {e}");
                exit(1);
            });
            eprintln!(
                "prerender: wrote {} bytes of article HTML into {path}",
                body.len()
            );
        }
        Err(missing) => {
            eprintln!("prerender: {path} has no {missing}; is it Trunk's output of index.html?");
            exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
