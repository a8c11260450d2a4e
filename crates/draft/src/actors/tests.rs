//! Each rule on sentences written for these tests in the style of public-domain government
//! statements and wire copy; then speed and hostile input.

use super::find_actors;
use crate::{ActorKind, FoundActor};
use std::time::{Duration, Instant};

fn find<'a>(actors: &'a [FoundActor], id: &str) -> &'a FoundActor {
    actors
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no actor `{id}` in {:#?}", ids(actors)))
}

fn ids(actors: &[FoundActor]) -> Vec<&str> {
    actors.iter().map(|a| a.id.as_str()).collect()
}

fn mentions<'a>(text: &'a str, actor: &FoundActor) -> Vec<&'a str> {
    actor.mentions.iter().map(|s| s.of(text)).collect()
}

#[test]
fn states_by_name_abbreviation_demonym_and_capital() {
    let text = "The DPRK fired a missile on Monday. North Korea’s launch drew a protest from \
                Seoul, and the U.S. and Japan condemned it. Pyongyang said the North Korean \
                people supported the test.";
    let a = find_actors(text);
    assert_eq!(
        ids(&a),
        ["north-korea", "south-korea", "united-states", "japan"]
    );
    let nk = find(&a, "north-korea");
    assert_eq!(nk.name, "North Korea");
    assert_eq!(
        mentions(text, nk),
        ["DPRK", "North Korea", "Pyongyang", "North Korean"]
    );
    assert_eq!(nk.aliases, ["DPRK", "Pyongyang", "North Korean"]);
    assert_eq!(nk.kind, ActorKind::State);
    assert!((nk.confidence - 0.95).abs() < 1e-6);
    assert_eq!(nk.pattern, "gazetteer: states (name)");
    let sk = find(&a, "south-korea");
    assert!((sk.confidence - 0.5).abs() < 1e-6, "{sk:?}");
    assert_eq!(sk.pattern, "gazetteer: states (capital)");
    assert_eq!(
        find(&a, "united-states").pattern,
        "gazetteer: states (abbreviation)"
    );
}

#[test]
fn whole_words_only_and_the_longest_name_first() {
    let text = "Russian diplomats left Russia. Officials in Latin America and Northern Ireland \
                watched the Soviet Union’s successor, and the Republic of Korea voted.";
    let a = find_actors(text);
    let russia = find(&a, "russia");
    assert_eq!(mentions(text, russia), ["Russian", "Russia"]);
    assert!(
        !ids(&a).contains(&"united-states"),
        "Latin America is a place"
    );
    assert!(
        !ids(&a).contains(&"ireland"),
        "Northern Ireland is not Ireland"
    );
    assert_eq!(mentions(text, find(&a, "soviet-union")), ["Soviet Union"]);
    assert_eq!(
        mentions(text, find(&a, "south-korea")),
        ["Republic of Korea"]
    );
}

#[test]
fn a_capital_used_as_a_place_is_no_mention() {
    let text = "The minister spoke at a forum in Tokyo. She later flew to Ottawa.\n\n\
                Moscow’s envoy said Moscow and Beijing would respond.";
    let a = find_actors(text);
    assert!(!ids(&a).contains(&"japan"), "in Tokyo: a place");
    assert!(!ids(&a).contains(&"canada"), "to Ottawa: a place only");
    assert_eq!(mentions(text, find(&a, "russia")), ["Moscow", "Moscow"]);
    assert_eq!(mentions(text, find(&a, "china")), ["Beijing"]);
    // A dateline is a place.
    let text = "SEOUL — South Korea said on Friday it would respond.";
    let a = find_actors(text);
    assert_eq!(mentions(text, find(&a, "south-korea")), ["South Korea"]);
}

#[test]
fn organisations_from_the_gazetteer_with_what_they_belong_to() {
    let text = "The UN Security Council met on Friday. The United Nations said the Security \
                Council would vote. NATO and the EU welcomed it; Nato allies agreed.";
    let a = find_actors(text);
    let council = find(&a, "un-security-council");
    assert_eq!(council.kind, ActorKind::Organisation);
    assert_eq!(
        mentions(text, council),
        ["UN Security Council", "Security Council"]
    );
    assert_eq!(council.affiliation.as_deref(), Some("un"));
    assert_eq!(mentions(text, find(&a, "nato")), ["NATO", "Nato"]);
    assert_eq!(find(&a, "eu").name, "European Union");
}

#[test]
fn organisations_by_pattern_and_the_ministry_after_them() {
    let text = "The Korea Institute for Defense Analyses published a study. Germany’s \
                defence ministry said it was concerned. The ministry did not comment further. \
                Experts at Yonsei University and the Ministry of Unification disagreed.";
    let a = find_actors(text);
    let kida = find(&a, "korea-institute-for-defense-analyses");
    assert_eq!(kida.name, "Korea Institute for Defense Analyses");
    let ministry = find(&a, "germany-defence-ministry");
    assert_eq!(ministry.name, "Germany’s defence ministry");
    assert_eq!(
        mentions(text, ministry),
        ["Germany’s defence ministry", "The ministry"]
    );
    assert_eq!(
        ministry.affiliation, None,
        "Germany is named only inside it"
    );
    assert_eq!(find(&a, "yonsei-university").kind, ActorKind::Organisation);
    assert_eq!(
        find(&a, "ministry-of-unification").name,
        "Ministry of Unification"
    );
}

#[test]
fn acronyms_defined_in_parentheses() {
    let text = "The Institute for National Security Strategy (INSS) said the test failed. \
                Earlier, INSS analysts had predicted it. The Korean Central News Agency \
                (KCNA) disputed that, and KCNA later printed a statement.";
    let a = find_actors(text);
    let inss = find(&a, "inss");
    assert_eq!(inss.name, "Institute for National Security Strategy");
    assert_eq!(
        mentions(text, inss),
        ["Institute for National Security Strategy", "INSS", "INSS"]
    );
    let kcna = find(&a, "kcna");
    assert_eq!(kcna.kind, ActorKind::Media);
    assert_eq!(mentions(text, kcna).len(), 3);
}

#[test]
fn media_by_name_and_as_a_states_news_agency() {
    let text = "North Korea’s official news agency said the launch succeeded, Yonhap reported. \
                The Associated Press and Reuters could not confirm it. Russia’s state news \
                agency TASS quoted an official of North Korea.";
    let a = find_actors(text);
    let kcna = find(&a, "kcna");
    assert_eq!(kcna.name, "Korean Central News Agency");
    assert_eq!(mentions(text, kcna), ["North Korea’s official news agency"]);
    assert_eq!(kcna.affiliation.as_deref(), Some("north-korea"), "{kcna:?}");
    for id in ["yonhap", "ap", "reuters", "tass"] {
        assert_eq!(find(&a, id).kind, ActorKind::Media, "{id}");
    }
}

#[test]
fn people_with_titles_roles_and_affiliations() {
    let text = "Germany’s foreign minister Annalena Baerbock met Chinese Premier Li Qiang in \
                Berlin. IAEA director-general Rafael Grossi also attended, as did Nato \
                secretary-general Mark Rutte. Later, Baerbock said talks were useful.";
    let a = find_actors(text);
    let baerbock = find(&a, "baerbock");
    assert_eq!(baerbock.name, "Annalena Baerbock");
    assert_eq!(baerbock.role.as_deref(), Some("foreign minister"));
    assert_eq!(baerbock.affiliation.as_deref(), Some("germany"));
    assert_eq!(mentions(text, baerbock), ["Annalena Baerbock", "Baerbock"]);
    assert!((baerbock.confidence - 0.9).abs() < 1e-6);
    assert_eq!(baerbock.pattern, "title + name");
    let li = find(&a, "li");
    assert_eq!(li.role.as_deref(), Some("Premier"));
    assert_eq!(li.affiliation.as_deref(), Some("china"));
    let grossi = find(&a, "grossi");
    assert_eq!(grossi.affiliation.as_deref(), Some("iaea"));
    let rutte = find(&a, "rutte");
    assert_eq!(rutte.role.as_deref(), Some("secretary-general"));
    assert_eq!(rutte.affiliation.as_deref(), Some("nato"));
    // "Chinese" in a title is part of the title, but China still gets its actor.
    assert_eq!(mentions(text, find(&a, "china")), ["Chinese"]);
}

#[test]
fn a_long_title_with_its_field() {
    let text = "The statement was issued by ROK Special Representative for Korean Peninsula \
                Peace and Security Affairs Kim Gunn and U.S. Deputy Secretary of State Kurt \
                Campbell.";
    let a = find_actors(text);
    let kim = find(&a, "kim");
    assert_eq!(kim.name, "Kim Gunn");
    assert_eq!(
        kim.role.as_deref(),
        Some("Special Representative for Korean Peninsula Peace and Security Affairs")
    );
    assert_eq!(kim.affiliation.as_deref(), Some("south-korea"));
    let campbell = find(&a, "campbell");
    assert_eq!(campbell.role.as_deref(), Some("Deputy Secretary of State"));
    assert_eq!(campbell.affiliation.as_deref(), Some("united-states"));
}

#[test]
fn names_with_a_verb_of_saying_or_a_role_after() {
    let text = "“The sanctions are working,” said Marie-Claire Dubois, a researcher at the \
                Asan Institute. Tomas Lindqvist, an economist, disagreed. “Not yet,” \
                Lindqvist said.";
    let a = find_actors(text);
    let dubois = find(&a, "dubois");
    assert_eq!(dubois.name, "Marie-Claire Dubois");
    assert_eq!(dubois.role.as_deref(), Some("researcher"));
    assert_eq!(dubois.affiliation.as_deref(), Some("asan-institute"));
    let lindqvist = find(&a, "lindqvist");
    assert_eq!(lindqvist.role.as_deref(), Some("economist"));
    assert_eq!(mentions(text, lindqvist), ["Tomas Lindqvist", "Lindqvist"]);
}

#[test]
fn family_name_first_and_later_mentions_by_it() {
    let text = "The talks were led by Vice Minister Cho Koo-rae. Kim Jong Un did not attend. \
                Cho told reporters that Kim had been invited. Kim’s sister spoke instead.";
    let a = find_actors(text);
    let cho = find(&a, "cho");
    assert_eq!(cho.name, "Cho Koo-rae");
    assert_eq!(mentions(text, cho), ["Cho Koo-rae", "Cho"]);
    let kim = find(&a, "kim");
    assert_eq!(kim.name, "Kim Jong Un");
    assert_eq!(mentions(text, kim), ["Kim Jong Un", "Kim", "Kim"]);
    assert_eq!(kim.aliases, ["Kim"]);
}

#[test]
fn a_bare_pair_counts_mid_sentence_but_not_at_a_sentence_start() {
    let text = "Analysts expect Hannah Okafor to win.\n\nBegin Text:\n\nBorder Patrol agents \
                met on Tuesday. In June Officials met. The summit ended in March.";
    let a = find_actors(text);
    let okafor = find(&a, "okafor");
    assert!((okafor.confidence - 0.6).abs() < 1e-6);
    assert_eq!(okafor.pattern, "capitalised name");
    assert_eq!(
        ids(&a),
        ["okafor"],
        "no “Begin Text”, “Border Patrol”, months, weekdays"
    );
    // Confirmed elsewhere: the same name mid-sentence.
    let text = "Hannah Okafor won. Voters backed Hannah Okafor.";
    let a = find_actors(text);
    assert_eq!(mentions(text, find(&a, "okafor")).len(), 2);
}

#[test]
fn the_demonym_and_role_refer_to_the_person_named_last() {
    let text = "In Japan, Prime Minister Fumio Kishida met Kim Jong Un’s envoy. Opposition \
                leader Kenta Izumi criticised it. The Japanese prime minister said talks would \
                go on.";
    let a = find_actors(text);
    let kishida = find(&a, "kishida");
    assert_eq!(
        mentions(text, kishida),
        ["Fumio Kishida", "The Japanese prime minister"]
    );
    assert_eq!(kishida.affiliation.as_deref(), Some("japan"));
    let text = "Kim Jong Un inspected the site. The North Korean leader praised the workers \
                of North Korea.";
    let a = find_actors(text);
    let kim = find(&a, "kim");
    assert_eq!(kim.role.as_deref(), Some("leader"));
    assert_eq!(kim.affiliation.as_deref(), Some("north-korea"));
    assert_eq!(
        mentions(text, kim),
        ["Kim Jong Un", "The North Korean leader"]
    );
}

#[test]
fn spans_are_whole_and_in_order_and_the_output_is_deterministic() {
    let text = "Moscow’s ally Pyongyang and Seoul’s ally Washington traded words, the \
                Korean Central News Agency (KCNA) said. Japan’s chief cabinet secretary \
                Hideo Tanaka said Tokyo was concerned.";
    let first = find_actors(text);
    for _ in 0..3 {
        assert_eq!(find_actors(text), first);
    }
    let mut last_start = 0;
    for actor in &first {
        assert!(
            actor.mentions[0].start >= last_start,
            "sorted by first mention"
        );
        last_start = actor.mentions[0].start;
        assert!(actor.mentions.windows(2).all(|w| w[0].end <= w[1].start));
        for m in &actor.mentions {
            let words = m.of(text);
            assert!(!words.is_empty() && words.trim() == words);
            assert!(!words.ends_with("’s"));
        }
    }
    // No two actors' mentions overlap.
    let mut all: Vec<_> = first.iter().flat_map(|a| a.mentions.clone()).collect();
    all.sort();
    assert!(all.windows(2).all(|w| w[0].end <= w[1].start), "{all:?}");
    assert!(first.iter().all(|a| super::text::slug(&a.id) == a.id));
}

/// Hostile input: 1 MiB in one line, in debug, well under two seconds.
#[test]
fn a_mebibyte_line_in_bounded_time() {
    let sentence = "Russian President Vladimir Putin told KCNA (Korean Central News Agency) that \
                    “Moscow’s ally” Pyongyang, said Cho Koo-rae, an analyst at the Sejong \
                    Institute, would respond; the ministry and the Russian leader agreed. ";
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(sentence);
    }
    let started = Instant::now();
    let a = find_actors(&text);
    let took = started.elapsed();
    println!("1 MiB line: {} actors in {took:?}", a.len());
    assert!(!a.is_empty());
    assert!(took < Duration::from_secs(2), "{took:?}");

    let one_word = "a".repeat(1 << 20);
    let started = Instant::now();
    assert!(find_actors(&one_word).is_empty());
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn ten_thousand_quotation_marks_in_bounded_time() {
    let mut text = String::new();
    for i in 0..10_000 {
        text.push_str(["“", "”", "‘", "’", "\"", "'"][i % 6]);
        if i % 7 == 0 {
            text.push_str("Kim said ");
        }
    }
    let started = Instant::now();
    let _ = find_actors(&text);
    let took = started.elapsed();
    println!("10,000 quotation marks: {took:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn no_panic_on_hostile_input() {
    let pieces = [
        "’s",
        "'",
        "’",
        "(",
        ")",
        "(KCNA)",
        "(",
        "-",
        "‐",
        "—",
        ".",
        "U.S.",
        " ",
        "\n",
        "\n\n",
        "é",
        "\u{301}",
        "Ω",
        "𝒜",
        "北",
        "the",
        "The",
        "said",
        "Mr.",
        "Gov.",
        "President",
        "of",
        "Kim",
        "Jong",
        "Un",
        "Koo-rae",
        "North",
        "Korea",
        "Korean",
        "Moscow",
        "ministry",
        "Ministry",
        "news",
        "agency",
        "in",
        "de",
        "von",
        "A",
        "B.",
        "Institute",
        "(A)",
        "O’",
        "’s’s",
        "--",
        "\t",
        "\u{a0}",
        "\u{200b}",
        "İ",
        "ß",
        "Ǆ",
        "\r\n",
        "*",
        "#",
        "[",
        "]",
    ];
    // A small deterministic generator (no dependency).
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..400 {
        let len = (next() % 60) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            if next() % 3 == 0 {
                text.push(' ');
            }
        }
        let actors = find_actors(&text);
        for a in &actors {
            assert!(!a.mentions.is_empty());
            for m in &a.mentions {
                assert!(text.get(m.start..m.end).is_some(), "{text:?} {m:?}");
            }
        }
    }
    for text in [
        "", " ", "’s", "(", "()", "( )", "(A)", "A (B)", "The", "Mr.", "Gov. .", "-",
    ] {
        let _ = find_actors(text);
    }
}
