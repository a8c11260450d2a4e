//! What the tests of this crate share: the seed article, built from `content/` at the
//! workspace root.

use marginalia_model::Article;
use std::path::{Path, PathBuf};

/// The workspace root (two levels above this crate).
#[allow(dead_code, reason = "not every test file uses it")]
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed article, checked.
#[allow(dead_code, reason = "not every test file uses it")]
pub fn seed() -> Article {
    let dir = workspace_root().join("content/putin-kim-pact");
    marginalia_content::load_article(&dir)
        .unwrap_or_else(|e| panic!("seed invalid:\n{}", marginalia_content::report(&e)))
}

/// A stand-in for the viewer's build (`make viewer`) in `dir`: each of its files
/// ([`marginalia_cli::viewer::VIEWER_FILES`]), small, `init.js` naming the glue's slot.
#[allow(dead_code, reason = "not every test file uses it")]
pub fn stand_in_viewer(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for name in marginalia_cli::viewer::VIEWER_FILES {
        let text = match name {
            "init.js" => "import(\"./{{glue}}\");\n",
            _ => "export {};\n",
        };
        std::fs::write(dir.join(name), text).unwrap();
    }
}
