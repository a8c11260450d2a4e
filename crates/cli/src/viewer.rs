//! The viewer's build as the site command uses it: the wasm, its JS glue, the stylesheet and
//! the scripts ([`VIEWER_FILES`], written by `tools/viewer.mjs`), from a folder (`make viewer`
//! writes `target/viewer`) or from inside this binary (built with the `embedded-viewer`
//! feature: `make binary`), so a writer with the binary alone builds a site.
//!
//! The site command names the files itself, as mdBook's `{{ resource }}` pass does: the glue
//! and the wasm get a hash of their content (`marginalia-viewer-<hash>.js` and
//! `…_bg.wasm`), as does the icon, so they can be cached for ever; and it fills the scripts'
//! slots ([`crate::template`]) with those names and with the DOM contract of
//! [`marginalia::dom`]. It reads nothing out of the scripts.

use crate::template::Template;
use marginalia::dom;
use marginalia_i18n::Lang;
use marginalia_model::data::fingerprint;
use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

include!("viewer_files.rs");

/// The stylesheet's name in the site (and in the viewer folder).
pub const STYLESHEET: &str = "marginalia.css";

/// The viewer's files, named for the site and with the scripts' slots filled.
pub struct Viewer {
    /// The files, in the order of [`VIEWER_FILES`].
    files: Vec<Cow<'static, [u8]>>,
    /// The site's names of the JS glue, the wasm, the feedback form's module and the icon
    /// (they carry a hash).
    glue: String,
    wasm: String,
    feedback: String,
    favicon: String,
    /// The page's start script, the host pages' mount script and the single file's script,
    /// filled.
    init: String,
    mount: String,
    single: String,
    /// The wasm in base64, for the single files (made once).
    wasm_base64: OnceLock<String>,
    /// Each language but English (which the wasm has built in): its words file's name at the
    /// site's root and its text (see [`marginalia_i18n::runtime`]).
    words: Vec<(Lang, String, String)>,
}

/// The name of a language's words file at the site's root, `{lang}` standing for its tag: the
/// catalogue's fingerprint in it, so that a new build's viewer never reads an old file.
fn words_name(tag: &str) -> String {
    format!(
        "marginalia-words-{}.{tag}.txt",
        marginalia_i18n::FINGERPRINT
    )
}

/// The error view's words in every language, for the scripts that show it when the wasm traps
/// (`'{{i18n.crash}}'`, which they `JSON.parse`): `{"en": [heading, reload link, "The error
/// was: {message}"], …}` as JSON, written as the inside of a JavaScript string literal (either
/// quote: the minifier picks) that is safe inside an inline `<script>` (`\\`, `'`, `"` and `<`
/// escaped).
fn crash_words() -> &'static str {
    use marginalia_i18n::{viewer::Msg, LANGS};
    static WORDS: OnceLock<String> = OnceLock::new();
    WORDS.get_or_init(|| {
        let words: serde_json::Map<String, serde_json::Value> = LANGS
            .iter()
            .map(|lang| {
                let said = [Msg::ErrorTitle, Msg::ErrorReload, Msg::ErrorWas].map(|m| lang.t(m));
                (lang.tag().to_string(), serde_json::json!(said))
            })
            .collect();
        serde_json::Value::Object(words)
            .to_string()
            .replace('\\', "\\\\")
            .replace('\'', "\\'")
            .replace('"', "\\\"")
            .replace('<', "\\u003c")
    })
}

/// The value of a `{{dom.…}}` slot of the scripts (a name of [`marginalia::dom`]), or of
/// `{{i18n.crash}}` (the error view's words).
pub fn dom_slot(name: &str) -> Option<&'static str> {
    if name == "i18n.crash" {
        return Some(crash_words());
    }
    Some(match name.strip_prefix("dom.")? {
        "page_root_id" => dom::PAGE_ROOT_ID,
        "island_class" => dom::ISLAND_CLASS,
        "crash_class" => dom::CRASH_CLASS,
        "app" => dom::APP,
        "ready_attribute" => dom::READY_ATTRIBUTE,
        "data_link" => dom::DATA_LINK,
        "wasm_island_id" => dom::WASM_ISLAND_ID,
        "section" => dom::SECTION,
        _ => return None,
    })
}

/// `text` as it goes inside an inline `<tag>`: it must not be able to end it early, nor (a
/// script) put the parser in the script-data escape state.
fn inline_safe<'t>(text: &'t str, tag: &str, what: &str) -> Result<&'t str, String> {
    let lower = text.to_ascii_lowercase();
    for bad in [format!("</{tag}"), "<!--".to_string()] {
        if lower.contains(&bad) {
            return Err(format!(
                "{what} contains \"{bad}\", which would break the single file's inline <{tag}>"
            ));
        }
    }
    Ok(text)
}

impl Viewer {
    /// The viewer built into `dir` (`make viewer`: `target/viewer`).
    pub fn open(dir: &Path) -> Result<Viewer, String> {
        let mut files = Vec::new();
        for name in VIEWER_FILES {
            let path = dir.join(name);
            let bytes = std::fs::read(&path).map_err(|e| {
                format!(
                    "cannot read {}: {e} (build the viewer first: `make viewer`)",
                    path.display()
                )
            })?;
            files.push(Cow::Owned(bytes));
        }
        Viewer::new(&dir.display().to_string(), files)
    }

    /// The viewer inside this binary, if it was built with one (the `embedded-viewer` feature).
    pub fn embedded() -> Option<Result<Viewer, String>> {
        #[cfg(feature = "embedded-viewer")]
        {
            let origin = "the viewer inside marginalia";
            let names = embedded::FILES.map(|(name, _)| name);
            if names != VIEWER_FILES {
                return Some(Err(format!(
                    "{origin} holds {names:?}, not {VIEWER_FILES:?}"
                )));
            }
            let files = embedded::FILES
                .iter()
                .map(|&(_, b)| Cow::Borrowed(b))
                .collect();
            Some(Viewer::new(origin, files))
        }
        #[cfg(not(feature = "embedded-viewer"))]
        None
    }

    /// The viewer in `dir` if one is given, else the one inside this binary.
    pub fn find(dir: Option<&Path>) -> Result<Viewer, String> {
        match dir {
            Some(dir) => Viewer::open(dir),
            None => Viewer::embedded().unwrap_or_else(|| {
                Err(
                    "this marginalia has no viewer inside: give the viewer's build with \
                     --viewer target/viewer (`make viewer` makes it), or use a marginalia built \
                     with it inside (`make binary`)"
                        .to_string(),
                )
            }),
        }
    }

    fn new(origin: &str, files: Vec<Cow<'static, [u8]>>) -> Result<Viewer, String> {
        let text = |name: &str| -> Result<String, String> {
            let at = VIEWER_FILES
                .iter()
                .position(|n| *n == name)
                .expect("a viewer file");
            String::from_utf8(files[at].to_vec())
                .map_err(|_| format!("{origin}/{name} is not UTF-8 text"))
        };
        let bytes = |name: &str| -> &[u8] {
            &files[VIEWER_FILES
                .iter()
                .position(|n| *n == name)
                .expect("a viewer file")]
        };
        let hash = fingerprint(
            &[
                bytes("marginalia-viewer.js"),
                bytes("marginalia-viewer_bg.wasm"),
            ]
            .concat(),
        );
        let glue = format!("marginalia-viewer-{hash}.js");
        let wasm = format!("marginalia-viewer-{hash}_bg.wasm");
        let favicon = format!("favicon-{}.svg", fingerprint(bytes("favicon.svg")));
        let feedback = format!(
            "marginalia-feedback-{}.js",
            fingerprint(bytes("feedback.js"))
        );
        let fill = |name: &str| -> Result<String, String> {
            Template::parse(&format!("{origin}/{name}"), &text(name)?).fill(|slot| match slot {
                "glue" => Some(Cow::Borrowed(glue.as_str())),
                "wasm" => Some(Cow::Borrowed(wasm.as_str())),
                "feedback" => Some(Cow::Borrowed(feedback.as_str())),
                "css" => Some(Cow::Borrowed(STYLESHEET)),
                _ => dom_slot(slot).map(Cow::Borrowed),
            })
        };
        let words = marginalia_i18n::LANGS
            .into_iter()
            .filter_map(|lang| {
                let file = marginalia_i18n::runtime::words_file(lang)?;
                Some((lang, words_name(lang.tag()), file.to_string()))
            })
            .collect();
        let viewer = Viewer {
            words,
            init: fill("init.js")?,
            mount: fill("mount.js")?,
            single: fill("single.js")?,
            glue,
            wasm,
            feedback,
            favicon,
            files,
            wasm_base64: OnceLock::new(),
        };
        // What the single file carries inline, checked once.
        inline_safe(&viewer.single, "script", &format!("{origin}/single.js"))?;
        inline_safe(
            viewer.text("theme.js")?,
            "script",
            &format!("{origin}/theme.js"),
        )?;
        inline_safe(
            viewer.text(STYLESHEET)?,
            "style",
            &format!("{origin}/{STYLESHEET}"),
        )?;
        Ok(viewer)
    }

    fn file(&self, name: &str) -> &[u8] {
        let at = VIEWER_FILES
            .iter()
            .position(|n| *n == name)
            .expect("a viewer file");
        &self.files[at]
    }

    fn text(&self, name: &str) -> Result<&str, String> {
        std::str::from_utf8(self.file(name)).map_err(|_| format!("{name} is not UTF-8 text"))
    }

    /// The address of the languages' words files from a page `up` from the site's root, with
    /// `{lang}` for the tag (a page's `<meta name="marginalia-words">`).
    pub fn words_address(&self, up: &str) -> String {
        format!("{up}{}", words_name("{lang}"))
    }

    /// A language's words file (safe inline), unless it is English (built into the wasm).
    pub fn words(&self, lang: Lang) -> Option<&str> {
        self.words
            .iter()
            .find(|(l, ..)| *l == lang)
            .map(|(.., json)| json.as_str())
    }

    /// Every language's words but English's.
    pub fn all_words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|(.., json)| json.as_str())
    }

    /// The files every page of the site shares, by their names at the site's root.
    pub fn shared_files(&self) -> Vec<(&str, &[u8])> {
        let words = self
            .words
            .iter()
            .map(|(_, name, json)| (name.as_str(), json.as_bytes()));
        vec![
            (self.glue.as_str(), self.file("marginalia-viewer.js")),
            (self.wasm.as_str(), self.file("marginalia-viewer_bg.wasm")),
            (self.favicon.as_str(), self.file("favicon.svg")),
            (STYLESHEET, self.file(STYLESHEET)),
            ("theme.js", self.file("theme.js")),
            ("embed.js", self.file("embed.js")),
            ("init.js", self.init.as_bytes()),
            ("mount.js", self.mount.as_bytes()),
            (self.feedback.as_str(), self.file("feedback.js")),
        ]
        .into_iter()
        .chain(words)
        .collect()
    }

    /// Whether `name`, at a site's root, is a viewer file of some build whose name carries a
    /// hash (`marginalia-viewer-<hash>.js`, `favicon-<hash>.svg`; the glue's and wasm's were
    /// `marginalia-<hash>…` before): an earlier build's, if this viewer does not write it.
    pub fn is_hashed_name(name: &str) -> bool {
        name.starts_with("marginalia-") || name.starts_with("favicon-")
    }

    /// The icon's name in the site.
    pub fn favicon(&self) -> &str {
        &self.favicon
    }

    /// The stylesheet, as the single file carries it inline.
    pub fn stylesheet(&self) -> &str {
        self.text(STYLESHEET).expect("checked when opened")
    }

    /// The stored-theme switch, as the single file carries it inline.
    pub fn theme_script(&self) -> &str {
        self.text("theme.js").expect("checked when opened")
    }

    /// The single file's script (the error view on a trap, the glue and its start).
    pub fn single_script(&self) -> &str {
        &self.single
    }

    /// The wasm in base64, as the single file carries it.
    pub fn wasm_base64(&self) -> &str {
        use base64::Engine;
        self.wasm_base64.get_or_init(|| {
            base64::engine::general_purpose::STANDARD.encode(self.file("marginalia-viewer_bg.wasm"))
        })
    }
}

/// The viewer's build inside the binary (`build.rs` names the folder, `MARGINALIA_VIEWER` or
/// `target/viewer`).
#[cfg(feature = "embedded-viewer")]
mod embedded {
    macro_rules! files {
        ($($name:literal),* $(,)?) => {
            [$(($name, include_bytes!(concat!(env!("MARGINALIA_VIEWER_DIR"), "/", $name)) as &[u8])),*]
        };
    }
    /// Each file by its name, in the order of [`super::VIEWER_FILES`] (checked when opened).
    pub const FILES: [(&str, &[u8]); 10] = files!(
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
    );
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The viewer's sources: what tools/viewer.mjs minifies (the slots survive minifying, being
    /// inside string literals).
    const SCRIPTS: [(&str, &str); 6] = [
        ("init.js", include_str!("../../../assets/init.js")),
        ("trap.js", include_str!("../../../assets/trap.js")),
        ("later.js", include_str!("../../../assets/later.js")),
        ("single.js", include_str!("../../../assets/single.js")),
        ("mount.js", include_str!("../../../assets/mount.js")),
        ("feedback.js", include_str!("../../../assets/feedback.js")),
    ];

    /// A viewer folder made of the sources as they are (unminified), with a stand-in glue and
    /// wasm: what `tools/viewer.mjs` writes, but for minifying.
    pub(crate) fn viewer_folder(dir: &Path) {
        std::fs::create_dir_all(dir).unwrap();
        let asset = |name: &str| {
            std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../assets")
                    .join(name),
            )
            .unwrap()
        };
        let glue =
            "export default async function __wbg_init() {}\nexport function startPage() {}\n";
        let files = [
            ("marginalia-viewer.js", glue.to_string()),
            ("marginalia-viewer_bg.wasm", "\0asm".to_string()),
            ("marginalia.css", ".app{color:red}".to_string()),
            (
                "init.js",
                asset("trap.js") + &asset("later.js") + &asset("init.js"),
            ),
            (
                "single.js",
                asset("trap.js")
                    + &asset("later.js")
                    + glue
                    + &asset("feedback.js")
                    + &asset("single.js"),
            ),
            ("mount.js", asset("later.js") + &asset("mount.js")),
            ("feedback.js", asset("feedback.js")),
            ("theme.js", asset("theme.js")),
            ("embed.js", asset("embed.js")),
            ("favicon.svg", asset("favicon.svg")),
        ];
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }

    #[test]
    fn every_slot_of_the_scripts_has_a_value() {
        for (name, source) in SCRIPTS {
            let filled = Template::parse(name, source)
                .fill(|slot| match slot {
                    "glue" | "wasm" | "feedback" | "css" => Some("x".into()),
                    _ => dom_slot(slot).map(Cow::Borrowed),
                })
                .unwrap();
            assert!(
                Template::parse(name, &filled).slots().is_empty(),
                "{name}: {filled}"
            );
        }
    }

    #[test]
    fn the_dom_names_are_plain_inside_a_string_literal() {
        for slot in [
            "page_root_id",
            "island_class",
            "crash_class",
            "app",
            "ready_attribute",
            "data_link",
            "wasm_island_id",
            "section",
        ] {
            let value = dom_slot(&format!("dom.{slot}")).unwrap();
            assert!(
                value
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.#[] ".contains(c)),
                "{slot}: {value}"
            );
        }
        assert_eq!(dom_slot("dom.nothing"), None);
        // theme.js is copied as it is (no slots): it names a long article's sections itself.
        assert!(include_str!("../../../assets/theme.js")
            .contains(&format!("querySelectorAll(\"{}\")", dom::SECTION)));
        assert_eq!(dom_slot("page_root_id"), None);
    }

    #[test]
    fn the_site_names_carry_the_content_hash_and_the_scripts_use_them() {
        let dir =
            std::env::temp_dir().join(format!("marginalia-viewer-test-{}", std::process::id()));
        viewer_folder(&dir);
        let viewer = Viewer::open(&dir).unwrap();
        let names: Vec<&str> = viewer.shared_files().iter().map(|(n, _)| *n).collect();
        assert!(
            names[0].starts_with("marginalia-viewer-") && names[0].ends_with(".js"),
            "{names:?}"
        );
        assert_eq!(names[1], names[0].replace(".js", "_bg.wasm"));
        assert!(names[2].starts_with("favicon-") && names[2].ends_with(".svg"));
        assert!(
            viewer.init.contains(&format!("\"./{}\"", names[0])),
            "the start script imports the glue"
        );
        assert!(
            viewer.init.contains(&format!("\"./{}\"", names[1])),
            "and fetches the wasm"
        );
        assert!(viewer.init.contains(&format!("\"{}\"", dom::DATA_LINK)));
        assert!(viewer.mount.contains(&format!("\"./{}\"", names[1])));
        // The feedback form's module, named by its content, loaded by the page and the mount.
        let feedback = names
            .iter()
            .find(|n| n.starts_with("marginalia-feedback-") && n.ends_with(".js"))
            .expect("the feedback form's module");
        assert!(viewer.init.contains(&format!("\"./{feedback}\"")));
        assert!(viewer.mount.contains(&format!("\"./{feedback}\"")));
        assert!(viewer
            .single
            .contains(&format!("\"{}\"", dom::WASM_ISLAND_ID)));
        assert!(names
            .iter()
            .all(|n| !n.starts_with("marginalia-") || Viewer::is_hashed_name(n)));
        std::fs::write(dir.join("marginalia-viewer_bg.wasm"), "\0asm2").unwrap();
        let rebuilt = Viewer::open(&dir).unwrap();
        assert_ne!(rebuilt.glue, viewer.glue, "a new wasm, a new name");
        std::fs::write(
            dir.join("init.js"),
            "import(\"./{{glue}}\"); x = \"{{dom.nothing}}\";",
        )
        .unwrap();
        let err = Viewer::open(&dir).err().unwrap();
        assert!(
            err.ends_with("/init.js: unknown slot {{dom.nothing}}"),
            "{err}"
        );
        std::fs::remove_file(dir.join("init.js")).unwrap();
        let err = Viewer::open(&dir).err().unwrap();
        assert!(
            err.contains("init.js") && err.ends_with("(build the viewer first: `make viewer`)"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn what_goes_inline_cannot_end_its_element() {
        assert!(inline_safe("a</SCRIPT>b", "script", "x").is_err());
        assert!(inline_safe("a<!--b", "script", "x").is_err());
        assert!(inline_safe(".a{}</style", "style", "x").is_err());
        assert!(inline_safe("a<b", "script", "x").is_ok());
    }

    #[cfg(feature = "embedded-viewer")]
    #[test]
    fn the_embedded_viewer_is_the_whole_build() {
        let viewer = Viewer::embedded().unwrap().unwrap();
        assert!(viewer
            .file("marginalia-viewer_bg.wasm")
            .starts_with(b"\0asm"));
    }
}
