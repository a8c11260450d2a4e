//! One id is one actor across the site: loading a site whose articles define one id as two
//! kinds is refused, at the later definition's file, line and column.

use marginalia_cli::site::load_articles;
use marginalia_content::Drafts;
use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for file in std::fs::read_dir(from).unwrap() {
        let file = file.unwrap();
        std::fs::copy(file.path(), to.join(file.file_name())).unwrap();
    }
}

fn site_with(name: &str, edit: impl FnOnce(&Path)) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::temp_dir().join(format!("marginalia-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for slug in ["putin-kim-pact", "us-rok-japan-joint-statement"] {
        copy_dir(&root.join("content").join(slug), &dir.join(slug));
    }
    edit(&dir);
    dir
}

#[test]
fn the_real_articles_agree_on_their_actors() {
    let dir = site_with("agree", |_| {});
    let entries = load_articles(&dir, Drafts::Refuse).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(entries.len(), 2);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn one_id_of_two_kinds_is_refused_at_its_definition() {
    let dir = site_with("conflict", |dir| {
        let file = dir.join("us-rok-japan-joint-statement/actors.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        let japan = "id = \"japan\"\nname = \"Japan\"\nkind = \"state\"";
        assert!(text.contains(japan));
        std::fs::write(
            &file,
            text.replace(japan, &japan.replace("state", "organisation")),
        )
        .unwrap();
    });
    let file = dir.join("us-rok-japan-joint-statement/actors.toml");
    let line = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .position(|l| l == "id = \"japan\"")
        .unwrap()
        + 1;
    let error = load_articles(&dir, Drafts::Refuse).err().expect("refused");
    assert_eq!(
        error,
        format!(
            "{}:{line}:1: actor `japan` is a organisation here but a state in the article `putin-kim-pact`: one id is one actor across the site",
            file.display()
        )
    );
    std::fs::remove_dir_all(dir).unwrap();
}
