//! `marginalia_model::search`, tested here because many cases need the seed article,
//! which only this crate can build.

mod common;

use marginalia_model::search::*;
use marginalia_model::text::block_text;

fn blocks(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|s| s.to_string()).collect()
}

/// The text a match covers, read back through UTF-16 as the DOM would.
fn covered(blocks: &[String], m: &Match) -> String {
    let units: Vec<u16> = blocks[m.block].encode_utf16().collect();
    String::from_utf16(&units[m.start..m.end]).expect("match on char boundaries")
}

fn spans(found: &[Match]) -> Vec<(usize, usize, usize)> {
    found.iter().map(|m| (m.block, m.start, m.end)).collect()
}

fn seed_blocks() -> Vec<String> {
    common::seed().blocks.iter().map(block_text).collect()
}

#[test]
fn empty_and_blank_queries_find_nothing() {
    let b = blocks(&["some text", "  "]);
    for q in ["", " ", "\t\n", "\u{a0}"] {
        assert!(find_matches(&b, q).is_empty(), "{q:?}");
        assert_eq!(normalise_query(q), None);
    }
    assert!(find_matches(&[], "text").is_empty());
}

#[test]
fn normalising_trims_folds_and_collapses() {
    assert_eq!(
        normalise_query("  Moscow’s  \u{a0}Far East "),
        Some("moscow's far east".into())
    );
    assert_eq!(normalise_query("“Sacred”"), Some("\"sacred\"".into()));
    assert_eq!(normalise_query("co—operation"), Some("co—operation".into()));
}

#[test]
fn ignores_case() {
    let b = blocks(&["Putin met Kim. PUTIN left."]);
    assert_eq!(spans(&find_matches(&b, "putin")), [(0, 0, 5), (0, 15, 20)]);
    assert_eq!(find_matches(&b, "PuTiN").len(), 2);
    // Beyond ASCII.
    let b = blocks(&["ÉCOLE école Straße ΑΘΗΝΑ"]);
    assert_eq!(find_matches(&b, "école").len(), 2);
    assert_eq!(
        find_matches(&b, "STRASSE").len(),
        0,
        "no multi-character folding"
    );
    assert_eq!(find_matches(&b, "straße").len(), 1);
    assert_eq!(find_matches(&b, "αθηνα").len(), 1);
}

#[test]
fn characters_that_lower_case_to_several_stay_as_they_are() {
    // 'İ' lower-cases to "i̇" (two chars): it is compared as itself.
    let b = blocks(&["İstanbul istanbul"]);
    assert_eq!(spans(&find_matches(&b, "İstanbul")), [(0, 0, 8)]);
    assert_eq!(spans(&find_matches(&b, "istanbul")), [(0, 9, 17)]);
}

#[test]
fn straight_quotes_find_curly_ones_and_back() {
    let b = blocks(&["Moscow’s ‘own’ “sacred fight”", "Moscow's \"sacred fight\""]);
    assert_eq!(find_matches(&b, "moscow's").len(), 2);
    assert_eq!(find_matches(&b, "Moscow’s").len(), 2);
    assert_eq!(find_matches(&b, "'own'").len(), 1);
    assert_eq!(find_matches(&b, "\"sacred fight\"").len(), 2);
    assert_eq!(find_matches(&b, "“sacred fight”").len(), 2);
    // A double quote is not a pair of single ones.
    assert_eq!(find_matches(&b, "''sacred").len(), 0);
}

#[test]
fn dashes_do_not_fold() {
    let b = blocks(&["full-scale aligned — regimes 2022–24"]);
    assert_eq!(find_matches(&b, "full-scale").len(), 1);
    assert_eq!(find_matches(&b, "full–scale").len(), 0);
    assert_eq!(find_matches(&b, "-").len(), 1);
    assert_eq!(find_matches(&b, "—").len(), 1);
    assert_eq!(find_matches(&b, "2022-24").len(), 0);
    assert_eq!(find_matches(&b, "2022–24").len(), 1);
}

#[test]
fn any_whitespace_matches_any_whitespace() {
    let b = blocks(&[
        "promised\u{a0}mutual\u{a0}defence",
        "mutual\n\n  defence",
        "mutualdefence",
    ]);
    let found = find_matches(&b, "mutual defence");
    assert_eq!(spans(&found), [(0, 9, 23), (1, 0, 17)]);
    assert_eq!(find_matches(&b, "mutual\u{a0}\u{a0}defence").len(), 2);
    assert_eq!(find_matches(&b, "\tmutual\t defence\n").len(), 2);
    // A space in the query needs at least one in the text, and the other way round.
    assert_eq!(spans(&find_matches(&b, "mutualdefence")), [(2, 0, 13)]);
}

#[test]
fn offsets_are_utf16_code_units() {
    // ’ “ — are one UTF-16 unit but three UTF-8 bytes each; 𝔸 is two units (four bytes).
    let text = "Moscow’s “sacred fight” — 𝔸 fight";
    let b = blocks(&[text]);
    let found = find_matches(&b, "fight");
    assert_eq!(spans(&found), [(0, 17, 22), (0, 29, 34)]);
    assert_eq!(
        text.find("fight"),
        Some(21),
        "the UTF-8 byte offset differs"
    );
    for m in &found {
        assert_eq!(covered(&b, m), "fight");
    }
    let found = find_matches(&b, "𝔸");
    assert_eq!(spans(&found), [(0, 26, 28)]);
}

#[test]
fn matches_do_not_overlap_and_come_in_order() {
    let b = blocks(&["aaaa", "ababa", "", "aa"]);
    assert_eq!(
        spans(&find_matches(&b, "aa")),
        [(0, 0, 2), (0, 2, 4), (3, 0, 2)]
    );
    assert_eq!(spans(&find_matches(&b, "aba")), [(1, 0, 3)]);
    let found = find_matches(&b, "a");
    assert!(found
        .windows(2)
        .all(|w| (w[0].block, w[0].end) <= (w[1].block, w[1].start)));
}

#[test]
fn stops_at_the_cap() {
    let b = blocks(&[&"a ".repeat(1500), &"a".repeat(1500)]);
    let found = find_matches(&b, "a");
    assert_eq!(found.len(), MAX_MATCHES);
    assert_eq!(found[1499].block, 0);
    assert_eq!(
        found[1500],
        Match {
            block: 1,
            start: 0,
            end: 1
        }
    );
    assert_eq!(found.last().unwrap().start, 499);
}

#[test]
fn a_query_longer_than_the_text_finds_nothing() {
    let b = blocks(&["Kim", "K"]);
    assert!(find_matches(&b, "Kim Jong Un").is_empty());
}

#[test]
fn finds_in_the_seed_article_with_utf16_offsets() {
    let b = seed_blocks();
    // Straight apostrophe against the article's curly ones.
    let found = find_matches(&b, "Russia's");
    assert!(found.len() >= 3, "{found:?}");
    for m in &found {
        assert_eq!(covered(&b, m), "Russia’s");
    }
    // Straight quotes against curly ones; the match includes the marks.
    let found = find_matches(&b, "\"sacred fight\"");
    assert_eq!(found.len(), 1);
    assert_eq!(covered(&b, &found[0]), "“sacred fight”");
    // The block has curly quotes and apostrophes before the match: UTF-16 offsets differ
    // from byte offsets, and the DOM reads the right words back.
    let text = &b[found[0].block];
    assert_ne!(text.find("“sacred"), Some(found[0].start));
    // The no-break spaces of "mutual defence" and "and China".
    let found = find_matches(&b, "promised mutual defence");
    assert_eq!(found.len(), 1);
    assert_eq!(covered(&b, &found[0]), "promised\u{a0}mutual\u{a0}defence");
    assert_eq!(find_matches(&b, "North Korea and China").len(), 1);
    // Past an em dash.
    let found = find_matches(&b, "— then it's even");
    assert_eq!(found.len(), 1);
    assert_eq!(covered(&b, &found[0]), "— then it’s even");
}

#[test]
fn every_seed_match_reads_back_as_the_query() {
    let b = seed_blocks();
    for q in [
        "putin",
        "north korea",
        "the",
        "'",
        "\"",
        "—",
        "UN",
        "co-operation",
        "e",
    ] {
        let want = normalise_query(q).unwrap();
        let found = find_matches(&b, q);
        assert!(!found.is_empty(), "{q}");
        for m in &found {
            let got = normalise_query(&covered(&b, m)).unwrap();
            assert_eq!(got, want, "{q}: {m:?}");
        }
    }
}
