//! Starts the viewer: mounts `App` into the page's `#marginalia` element.

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("marginalia"))
        .expect("the page has an element with id `marginalia`");
    yew::Renderer::<marginalia::components::app::App>::with_root(root).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("marginalia runs in the browser: `make serve` builds and serves it.");
}
