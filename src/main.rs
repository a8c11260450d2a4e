//! Loading the wasm starts no viewer: it only installs the panic hook every viewer shares. The
//! viewer's own page starts its viewer from its start script (`init.js` calls `startPage`, see
//! [`marginalia::start`]), and a host page mounts viewers with `mount.js`. So a host page that
//! loads the wasm never gets a page viewer it did not ask for.

fn main() {
    #[cfg(target_arch = "wasm32")]
    marginalia::web::crash::install_panic_hook();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("marginalia runs in the browser: `make serve` builds and serves it.");
}
