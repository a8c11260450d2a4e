//! The studio's wasm: renders the studio into the page's `#studio` element.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("studio"));
        if let Some(root) = root {
            root.set_inner_html("");
            yew::Renderer::<marginalia_studio::components::studio::Studio>::with_root(root)
                .render();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "the studio runs in the browser: `make studio`, then `make serve` and open /studio/."
    );
}
