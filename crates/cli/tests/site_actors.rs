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
    let entries = load_articles(&dir, Drafts::Refuse, None).unwrap_or_else(|e| panic!("{e}"));
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
    let error = load_articles(&dir, Drafts::Refuse, None)
        .err()
        .expect("refused");
    assert_eq!(
        error,
        format!(
            "{}:{line}:1: actor `japan` is a organisation here but a state in the article `putin-kim-pact`: one id is one actor across the site",
            file.display()
        )
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_sites_own_file_agrees_with_its_articles_and_a_disagreement_is_placed() {
    use marginalia_cli::registry::Registry;
    use marginalia_content::SourceFile;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let registry =
        Registry::read(&root).unwrap_or_else(|e| panic!("{}", marginalia_content::report(&e)));
    assert_eq!(
        registry.same_as("north-korea").as_deref(),
        Some("https://www.wikidata.org/wiki/Q423")
    );
    let dir = site_with("registry", |_| {});
    let entries = load_articles(&dir, Drafts::Refuse, None).unwrap();
    assert!(registry.check_articles(&entries).is_empty());
    let text = "[[actor]]\nid = \"japan\"\nname = \"Japan\"\nkind = \"organisation\"\n";
    let other = Registry::parse(SourceFile::new("content/site.toml", text)).unwrap();
    let errors = other.check_articles(&entries);
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line, errors[0].column),
        ("content/site.toml", 2, 6)
    );
    assert!(errors[0].message.starts_with("actor `japan` is a organisation in the site's actors but a state in the article `putin-kim-pact`"));
    std::fs::remove_dir_all(dir).unwrap();
}
