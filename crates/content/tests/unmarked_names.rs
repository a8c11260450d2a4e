//! The warning for a known name left unmarked, on the seed (which marks every one) and on a
//! copy with one mark taken out.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia_content::unmarked::unmarked_names;
use marginalia_content::{report, Sources};

fn seed_sources() -> Sources {
    Sources::read_dir(&common::workspace_root().join("content/putin-kim-pact"))
        .expect("seed content readable")
}

#[test]
fn the_seed_leaves_no_known_name_unmarked() {
    let warnings = unmarked_names(&seed_sources());
    assert!(warnings.is_empty(), "{}", report(&warnings));
}

#[test]
fn a_mark_taken_out_is_found_at_its_line_and_column() {
    let mut s = seed_sources();
    let mark = "[Kim Jong Un](actor:kim)";
    let at = s.article.text.find(mark).expect("the seed marks Kim");
    s.article
        .text
        .replace_range(at..at + mark.len(), "Kim Jong Un");
    let (line, column) = s.article.line_column(at);
    let warnings = unmarked_names(&s);
    assert_eq!(warnings.len(), 1, "{}", report(&warnings));
    assert_eq!((warnings[0].line, warnings[0].column), (line, column));
    assert!(warnings[0]
        .message
        .contains("“Kim Jong Un” names actor `kim`"));
}
