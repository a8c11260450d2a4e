// The viewer build's files, by their names in the viewer folder (tools/viewer.mjs writes them;
// `make viewer`). Shared by the site command (src/viewer.rs) and its build script (build.rs,
// which embeds them with the `embedded-viewer` feature).

/// Every file of the viewer's build.
pub const VIEWER_FILES: [&str; 10] = [
    "marginalia-viewer.js",
    "marginalia-viewer_bg.wasm",
    "marginalia.css",
    "init.js",
    "single.js",
    "mount.js",
    "feedback.js",
    "theme.js",
    "embed.js",
    "favicon.svg",
];
