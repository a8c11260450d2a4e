//! Starts the viewer in a page: hydrates the prerendered HTML in `#marginalia` (or renders
//! into it when it is empty). A page without `#marginalia` (a host that calls `mount`
//! itself) is left alone.

#[cfg(target_arch = "wasm32")]
fn main() {
    let Some(root) = marginalia::web::document().and_then(|d| d.get_element_by_id("marginalia"))
    else {
        return;
    };
    marginalia::web::install_panic_view(&root);
    let renderer = yew::Renderer::<marginalia::components::app::App>::with_root(root.clone());
    if root.first_element_child().is_some() {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("marginalia runs in the browser: `make serve` builds and serves it.");
}
