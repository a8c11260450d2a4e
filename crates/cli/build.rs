//! With the `embedded-viewer` feature, the viewer's build goes inside the binary
//! (src/viewer.rs includes its files): this finds its folder, `MARGINALIA_VIEWER` or the
//! workspace's `target/viewer` (`make viewer`), checks that every file is there, and tells
//! cargo to rebuild when one changes. Without the feature it does nothing.

include!("src/viewer_files.rs");

fn main() {
    println!("cargo:rerun-if-env-changed=MARGINALIA_VIEWER");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED_VIEWER").is_none() {
        return;
    }
    let manifest =
        std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let dir = match std::env::var_os("MARGINALIA_VIEWER") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => manifest.join("../../target/viewer"),
    };
    // Absolute, but not canonical: on Windows that is a verbatim path (`\\?\C:\…`), where
    // the `/` that src/viewer.rs puts before each name is not a separator.
    let dir = std::path::absolute(&dir).expect("the current folder is readable");
    assert!(
        dir.is_dir(),
        "the embedded-viewer feature needs the viewer's build in {}: run `make viewer`, or name \
         its folder in MARGINALIA_VIEWER",
        dir.display()
    );
    for name in VIEWER_FILES {
        let file = dir.join(name);
        assert!(
            file.is_file(),
            "the embedded-viewer feature needs {}: run `make viewer`",
            file.display()
        );
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let dir = dir.to_str().expect("the viewer's folder has a UTF-8 path");
    println!("cargo:rustc-env=MARGINALIA_VIEWER_DIR={dir}");
}
