use super::find_quotes;
use crate::{ActorKind, FoundActor, FoundQuote, Span};

/// An actor for a test, its mentions every whole-word occurrence of its name or aliases.
pub(super) fn actor(text: &str, id: &str, kind: ActorKind, names: &[&str]) -> FoundActor {
    found_actor(text, id, names[0], kind, None, None, &names[1..])
}

pub(super) fn found_actor(
    text: &str,
    id: &str,
    name: &str,
    kind: ActorKind,
    role: Option<&str>,
    affiliation: Option<&str>,
    aliases: &[&str],
) -> FoundActor {
    let mut mentions: Vec<Span> = Vec::new();
    for n in std::iter::once(name).chain(aliases.iter().copied()) {
        for (i, _) in text.match_indices(n) {
            let before = text[..i].chars().next_back();
            let after = text[i + n.len()..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                mentions.push(Span {
                    start: i,
                    end: i + n.len(),
                });
            }
        }
    }
    mentions.sort();
    mentions.dedup();
    FoundActor {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        role: role.map(str::to_string),
        affiliation: affiliation.map(str::to_string),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        mentions,
        confidence: 1.0,
        pattern: "test".to_string(),
    }
}

fn quotes(text: &str, actors: &[FoundActor]) -> Vec<(String, Vec<String>, String)> {
    find_quotes(text, actors)
        .into_iter()
        .map(|q| (q.text, q.speakers, q.pattern))
        .collect()
}

/// The one quote of `text`: its words, speakers and pattern.
fn one(text: &str, actors: &[FoundActor]) -> FoundQuote {
    let mut q = find_quotes(text, actors);
    assert_eq!(q.len(), 1, "{q:#?}");
    q.remove(0)
}

fn people(text: &str, names: &[(&str, &[&str])]) -> Vec<FoundActor> {
    names
        .iter()
        .map(|(id, n)| actor(text, id, ActorKind::Person, n))
        .collect()
}

#[test]
fn quote_comma_x_said() {
    let text = "“We will not back down,” Smith said on Tuesday.";
    let q = one(text, &people(text, &[("smith", &["Smith"])]));
    assert_eq!(q.text, "We will not back down,");
    assert_eq!(q.speakers, ["smith"]);
    assert_eq!(q.pattern, "“…,” X said");
    assert!(q.confidence >= 0.85);
}

#[test]
fn quote_comma_said_x() {
    let text = "“The talks were useful,” said Maria Lopez, a senior official at the agency.";
    let q = one(text, &people(text, &[("lopez", &["Maria Lopez"])]));
    assert_eq!(q.speakers, ["lopez"]);
    assert_eq!(q.pattern, "“…,” said X");
}

#[test]
fn x_said_colon_quote() {
    let text = "The secretary said: “Our commitment is ironclad.”";
    let mut actors = people(text, &[("blinken", &["Antony Blinken"])]);
    actors[0].role = Some("Secretary of State".into());
    let text2 = format!("Antony Blinken arrived in Seoul. {text}");
    let actors2 = vec![found_actor(
        &text2,
        "blinken",
        "Antony Blinken",
        ActorKind::Person,
        Some("Secretary of State"),
        None,
        &[],
    )];
    let q = one(&text2, &actors2);
    assert_eq!(q.speakers, ["blinken"]);
    assert!(q.pattern.starts_with("X said: “…”"), "{}", q.pattern);
    assert!(q.pattern.contains("“The secretary”"), "{}", q.pattern);
    let text3 = "Jones said: “We are ready.”";
    let q = one(text3, &people(text3, &[("jones", &["Jones"])]));
    assert_eq!(
        (q.speakers, q.pattern.as_str()),
        (vec!["jones".to_string()], "X said: “…”")
    );
}

#[test]
fn x_said_quote_and_said_that() {
    let text = "Jones said “no deal” was possible. Jones said that the plan was “dead on arrival”.";
    let got = quotes(text, &people(text, &[("jones", &["Jones"])]));
    assert_eq!(got[0].1, ["jones"]);
    assert_eq!(got[0].2, "X said “…”");
    assert_eq!(got[1].1, ["jones"]);
    assert_eq!(got[1].2, "X said that … “…”");
}

#[test]
fn x_told_reporters() {
    let text = "Kirby told reporters the strikes were “a clear violation” of the ceasefire.";
    let q = one(text, &people(text, &[("kirby", &["Kirby"])]));
    assert_eq!(q.speakers, ["kirby"]);
    assert_eq!(q.pattern, "X told … “…”");
}

#[test]
fn according_to_x() {
    let text = "The shipments were “unprecedented in scale”, according to the Pentagon.";
    let actors = vec![actor(
        text,
        "pentagon",
        ActorKind::Organisation,
        &["Pentagon"],
    )];
    let q = one(text, &actors);
    assert_eq!(q.speakers, ["pentagon"]);
    assert_eq!(q.pattern, "according to X");
}

#[test]
fn a_source_cited_after_a_speaker_is_not_the_speaker() {
    let text = "Putin called the pact “a breakthrough”, according to KCNA. Kim described it as “historic,” Yonhap reported. The deal is “dangerous,” Yonhap reported.";
    let actors = vec![
        actor(text, "putin", ActorKind::Person, &["Putin"]),
        actor(text, "kim", ActorKind::Person, &["Kim"]),
        actor(text, "kcna", ActorKind::Media, &["KCNA"]),
        actor(text, "yonhap", ActorKind::Media, &["Yonhap"]),
    ];
    let got = quotes(text, &actors);
    assert_eq!(got[0].1, ["putin"]);
    assert_eq!(got[1].1, ["kim"]);
    assert_eq!(
        got[2].1,
        ["yonhap"],
        "no speaker before: the medium's own words"
    );
}

#[test]
fn x_called_it_and_which_he_called() {
    let text = "Garcia called it “a historic day”. Lee vowed to resist the sanctions, which he called “illegitimate”.";
    let got = quotes(
        text,
        &people(text, &[("garcia", &["Garcia"]), ("lee", &["Lee"])]),
    );
    assert_eq!(got[0].1, ["garcia"]);
    assert_eq!(got[0].2, "X called it “…”");
    assert_eq!(got[1].1, ["lee"]);
    assert_eq!(got[1].2, "which X called “…”; pronoun he → last person");
}

#[test]
fn x_added_and_x_warned() {
    let text = "Patel said the deal was done. Patel added that it was “only the beginning” and warned that “more is coming”.";
    let got = quotes(text, &people(text, &[("patel", &["Patel"])]));
    assert_eq!(got[0].1, ["patel"]);
    assert_eq!(got[0].2, "X added that … “…”");
    assert_eq!(got[1].1, ["patel"]);
    assert_eq!(got[1].2, "X … and warned that … “…”");
}

#[test]
fn x_who_said() {
    let text = "Ana Ruiz, who heads the commission, said the report was “deeply troubling”.";
    let actors = vec![
        actor(text, "ruiz", ActorKind::Person, &["Ana Ruiz"]),
        actor(text, "commission", ActorKind::Organisation, &["commission"]),
    ];
    let q = one(text, &actors);
    assert_eq!(q.speakers, ["ruiz"]);
    assert_eq!(q.pattern, "X, who …, said");
}

#[test]
fn appositive_with_an_organisation_inside() {
    let text = "Tom Hale, an analyst at the Lowy Institute, a think-tank, said the two had “restored the alliance”, he said.";
    let actors = vec![
        actor(text, "hale", ActorKind::Person, &["Tom Hale"]),
        actor(text, "lowy", ActorKind::Organisation, &["Lowy Institute"]),
    ];
    let q = one(text, &actors);
    assert_eq!(q.speakers, ["hale"]);
}

#[test]
fn participle_saying_takes_the_subject() {
    let text = "Japan’s chief cabinet secretary Yoshimasa Hayashi opposed the pact, saying Tokyo was “seriously concerned”.";
    let actors = vec![
        actor(text, "japan", ActorKind::State, &["Japan", "Tokyo"]),
        actor(text, "hayashi", ActorKind::Person, &["Yoshimasa Hayashi"]),
    ];
    let q = one(text, &actors);
    assert_eq!(q.speakers, ["hayashi"]);
    assert_eq!(q.pattern, "X …, saying “…”");
}

#[test]
fn pronouns_he_and_it() {
    let text = "Kim met Putin. “We are brothers,” he said. The agency quoted the text. Reuters asked the ministry. “No comment,” it said.";
    let actors = vec![
        actor(text, "kim", ActorKind::Person, &["Kim"]),
        actor(text, "putin", ActorKind::Person, &["Putin"]),
        actor(text, "reuters", ActorKind::Media, &["Reuters"]),
    ];
    let got = quotes(text, &actors);
    assert_eq!(got[0].1, ["putin"], "he → the last person before it");
    assert_eq!(got[0].2, "“…,” X said; pronoun he → last person");
    assert_eq!(got[1].1, ["reuters"]);
    assert!(got[1].2.contains("pronoun it"));
}

#[test]
fn descriptions_the_ministry_and_the_russian_president() {
    let text = "Russia’s foreign ministry met Nato. “We are ready,” the ministry said. Vladimir Putin and Kim Jong Un spoke. “Our friendship is strong,” the Russian president said.";
    let actors = vec![
        found_actor(
            text,
            "mfa",
            "Russia’s foreign ministry",
            ActorKind::Organisation,
            None,
            Some("russia"),
            &[],
        ),
        found_actor(text, "russia", "Russia", ActorKind::State, None, None, &[]),
        found_actor(
            text,
            "nato",
            "Nato",
            ActorKind::Organisation,
            None,
            None,
            &[],
        ),
        found_actor(
            text,
            "putin",
            "Vladimir Putin",
            ActorKind::Person,
            Some("President of Russia"),
            Some("russia"),
            &[],
        ),
        found_actor(
            text,
            "kim",
            "Kim Jong Un",
            ActorKind::Person,
            Some("Leader of North Korea"),
            None,
            &[],
        ),
    ];
    let got = quotes(text, &actors);
    assert_eq!(got[0].1, ["mfa"], "{:?}", got[0]);
    assert_eq!(got[1].1, ["putin"], "{:?}", got[1]);
    assert!(got[1].2.contains("the Russian president"), "{}", got[1].2);

    // The role and affiliation choose, not only the order: Putin was named last.
    let text = "Kim Jong Un met Vladimir Putin. “We are one,” the North Korean leader said.";
    let actors = vec![
        found_actor(
            text,
            "kim",
            "Kim Jong Un",
            ActorKind::Person,
            Some("Leader of North Korea"),
            Some("north-korea"),
            &[],
        ),
        found_actor(
            text,
            "putin",
            "Vladimir Putin",
            ActorKind::Person,
            Some("President of Russia"),
            Some("russia"),
            &[],
        ),
    ];
    let q = one(text, &actors);
    assert_eq!(q.speakers, ["kim"], "{q:?}");
    assert_eq!(q.confidence, 0.8);
}

#[test]
fn a_question_then_its_speaker() {
    let text = "“Why now?” Kim Jong Un asked. “Because we can!” said Putin.";
    let actors = people(text, &[("kim", &["Kim Jong Un"]), ("putin", &["Putin"])]);
    let got = quotes(text, &actors);
    assert_eq!(got[0].1, ["kim"]);
    assert_eq!(got[0].2, "“…,” X asked");
    assert_eq!(got[1].1, ["putin"]);
    assert_eq!(got[1].2, "“…,” said X");
}

#[test]
fn several_speakers() {
    let text = "The United States, Japan and South Korea met. “We condemn the launch,” the three governments said. Seoul and Tokyo said in a joint statement that the test was “reckless”.";
    let actors = vec![
        actor(text, "us", ActorKind::State, &["United States"]),
        actor(text, "japan", ActorKind::State, &["Japan", "Tokyo"]),
        actor(text, "rok", ActorKind::State, &["South Korea", "Seoul"]),
    ];
    let got = quotes(text, &actors);
    assert_eq!(got[0].1, ["us", "japan", "rok"], "{:?}", got[0]);
    assert_eq!(got[1].1, ["rok", "japan"], "{:?}", got[1]);
}

#[test]
fn a_quote_that_goes_on_in_the_next_sentence_and_paragraph() {
    let text = "“We are ready,” Stoltenberg said. “The alliance is strong.”\n\nHe added:\n\n“We will not be divided.\n\n“Never.”";
    let actors = people(text, &[("stoltenberg", &["Stoltenberg"])]);
    let got = quotes(text, &actors);
    assert_eq!(got.len(), 4, "{got:#?}");
    for q in &got {
        assert_eq!(q.1, ["stoltenberg"], "{q:?}");
    }
    assert!(got[1].2.starts_with("continues the quote before"));
}

#[test]
fn scare_quotes_and_unattributed_passages() {
    let text = "Critics see the pact as a “new axis”.\n\nThe so-called “Treaty on Partnership” was signed.";
    let actors = people(text, &[("putin", &["Putin"])]);
    let got = find_quotes(text, &actors);
    assert_eq!(got.len(), 2);
    for q in &got {
        assert!(q.speakers.is_empty(), "{q:?}");
        assert_eq!(q.pattern, "no attribution found");
        assert_eq!(q.confidence, 0.0);
    }
    // A scare quote in a sentence with a speaking subject is the subject's.
    let text = "The ministry condemned the “illegitimate actions” of the council.";
    let actors = vec![actor(
        text,
        "mfa",
        ActorKind::Organisation,
        &["The ministry"],
    )];
    assert_eq!(one(text, &actors).speakers, ["mfa"]);
}

#[test]
fn spans_are_exact_and_in_text_order() {
    let text = "He said “a ‘b’ c,” and ‘d’ and \"e\".\n\n“f";
    let got = find_quotes(text, &[]);
    let words: Vec<&str> = got.iter().map(|q| q.words.of(text)).collect();
    assert_eq!(words, ["a ‘b’ c,", "d", "e"]);
    for q in &got {
        assert_eq!(q.text, q.words.of(text));
    }
}

#[test]
fn hostile_input_does_not_panic() {
    let inputs = [
        "",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "“”",
        "‘’",
        "“‘”’",
        "”“",
        "a ’s",
        "’s ’s ’s",
        "said",
        "said,",
        ", said",
        "according to",
        "“a,” said",
        "“a,” he said",
        "the three governments said “x”",
        "\n\n“\n\n“\n\n",
        "“x\n\n“y\n\n“z",
        ". . . “.” . “",
        "Mr. “U.S.” said.",
    ];
    let actor = FoundActor {
        id: "x".into(),
        name: "X".into(),
        kind: ActorKind::Person,
        role: None,
        affiliation: None,
        aliases: vec![],
        // Out of range and not on char boundaries: ignored.
        mentions: vec![
            Span { start: 0, end: 1 },
            Span { start: 1, end: 2 },
            Span { start: 5, end: 500 },
            Span { start: 3, end: 2 },
        ],
        confidence: 1.0,
        pattern: String::new(),
    };
    for input in inputs {
        let a = find_quotes(input, std::slice::from_ref(&actor));
        let b = find_quotes(input, std::slice::from_ref(&actor));
        assert_eq!(a, b, "deterministic on {input:?}");
    }
}

#[test]
fn ten_thousand_marks_and_a_mebibyte_line_in_bounded_time() {
    use std::time::Instant;
    let unit =
        "“We will respond,” Smith said, and he said “no” and ‘yes’ to the states’ \"plan\". ";
    let text = unit.repeat(10_000 / 8 + 1);
    let actors = people(&text, &[("smith", &["Smith"])]);
    let t = Instant::now();
    let got = find_quotes(&text, &actors);
    let spent = t.elapsed();
    assert!(got.len() >= 5_000);
    println!("{} passages in {spent:?}", got.len());
    assert!(spent.as_secs_f64() < 2.0, "{spent:?}");

    // One line of 1 MiB: marks that never close, words, verbs and mentions.
    let mut line = String::new();
    while line.len() < 1 << 20 {
        line.push_str("“ Smith said the ‘ states’ said, said X he said “a” “b ’ ” ” ‘ ");
    }
    let actors = people(&line, &[("smith", &["Smith"])]);
    let t = Instant::now();
    let got = find_quotes(&line, &actors);
    let spent = t.elapsed();
    assert!(!got.is_empty());
    println!("{} passages in {spent:?}", got.len());
    assert!(spent.as_secs_f64() < 2.0, "{spent:?}");

    // One sentence of 1 MiB that is all attribution, with 300 actors with roles.
    let mut line = String::new();
    let mut i = 0;
    while line.len() < 1 << 20 {
        line.push_str(&format!(
            "officials, said a, said the Russian president said, adding “x{i}” and the three governments said it, \
             said Smith{} and Jones, who the ministry called “y”, according to the agency’s head, officials warned on on on ",
            i % 300
        ));
        i += 1;
    }
    let actors: Vec<FoundActor> = (0..300)
        .map(|n| {
            let kind = [ActorKind::Person, ActorKind::State, ActorKind::Organisation][n % 3];
            let mut a = actor(&line, &format!("a{n}"), kind, &[&format!("Smith{n}")]);
            a.role = Some(format!("President of Country{n}"));
            a.affiliation = Some(format!("a{}", (n + 1) % 300));
            a
        })
        .collect();
    let t = Instant::now();
    let got = find_quotes(&line, &actors);
    let spent = t.elapsed();
    assert!(got.len() > 1000);
    println!("{} passages in {spent:?}", got.len());
    assert!(spent.as_secs_f64() < 2.0, "{spent:?}");

    // 10,000 opening marks with no closing mark, and 10,000 closing marks with no opening one.
    for text in [
        "“ a ".repeat(10_000),
        "a ” ’ ".repeat(10_000),
        "‘a states’ b ".repeat(10_000),
    ] {
        let t = Instant::now();
        let _ = find_quotes(&text, &[]);
        assert!(t.elapsed().as_secs_f64() < 2.0);
    }
}

mod seed;

/// A wire report in the style of VOA (written for this test): titles before names, "he
/// added", a spokesman for an organisation, a description in apposition, "in a statement".
#[test]
fn a_wire_report() {
    let text = "WASHINGTON — Secretary of State Antony Blinken said Tuesday that the United States would “stand with our allies.”

“This is a dangerous moment,” Blinken told reporters at the State Department. “We will not look away.”

State Department spokesperson Matthew Miller said the department was “deeply concerned” by the reports. He added, “We are consulting closely with Seoul and Tokyo.”

North Korea’s state media, KCNA, called the drills “a rehearsal for invasion.”

“The exercises are purely defensive,” a Pentagon spokesman said.

The White House, in a statement, said it “strongly condemns” the launch.

China’s foreign ministry urged “all parties to exercise restraint.”";
    let actors = vec![
        found_actor(
            text,
            "blinken",
            "Antony Blinken",
            ActorKind::Person,
            Some("Secretary of State"),
            Some("us"),
            &["Blinken"],
        ),
        actor(
            text,
            "us",
            ActorKind::State,
            &["United States", "Washington"],
        ),
        actor(text, "miller", ActorKind::Person, &["Matthew Miller"]),
        actor(
            text,
            "state-department",
            ActorKind::Organisation,
            &["State Department"],
        ),
        actor(text, "kcna", ActorKind::Media, &["KCNA"]),
        actor(text, "north-korea", ActorKind::State, &["North Korea"]),
        actor(
            text,
            "south-korea",
            ActorKind::State,
            &["South Korea", "Seoul"],
        ),
        actor(text, "japan", ActorKind::State, &["Japan", "Tokyo"]),
        actor(text, "pentagon", ActorKind::Organisation, &["Pentagon"]),
        actor(
            text,
            "white-house",
            ActorKind::Organisation,
            &["White House"],
        ),
        actor(text, "china", ActorKind::State, &["China"]),
    ];
    let got = quotes(text, &actors);
    let speakers: Vec<(&str, &str)> = got
        .iter()
        .map(|(t, s, _)| (t.as_str(), s.first().map_or("", String::as_str)))
        .collect();
    assert_eq!(
        speakers,
        [
            ("stand with our allies.", "blinken"),
            ("This is a dangerous moment,", "blinken"),
            ("We will not look away.", "blinken"),
            ("deeply concerned", "miller"),
            ("We are consulting closely with Seoul and Tokyo.", "miller"),
            ("a rehearsal for invasion.", "kcna"),
            ("The exercises are purely defensive,", "pentagon"),
            ("strongly condemns", "white-house"),
            ("all parties to exercise restraint.", "china"),
        ],
        "{got:#?}"
    );
}

#[test]
fn quoted_as_saying_and_adding() {
    let text = "“We are ready,” Kim was quoted as saying by state media. “The enemy will pay,” he said, adding that the drills were “a provocation”.";
    let got = quotes(text, &people(text, &[("kim", &["Kim"])]));
    assert_eq!(got[0].1, ["kim"]);
    assert_eq!(got[0].2, "“…,” X was quoted as saying");
    assert_eq!(got[1].1, ["kim"]);
    assert_eq!(got[2].1, ["kim"]);
    assert_eq!(got[2].2, "X …, adding “…”; pronoun he → last person");
}

#[test]
fn a_speaker_who_is_no_actor_is_not_borrowed() {
    let text = "“We are ready,” Kim said. “It is a trap,” said one diplomat. Officials warned of “grave consequences”.";
    let got = find_quotes(text, &people(text, &[("kim", &["Kim"])]));
    assert_eq!(got[0].speakers, ["kim"]);
    for q in &got[1..] {
        assert!(q.speakers.is_empty(), "{q:?}");
        assert!(
            q.pattern.starts_with("no attribution found ("),
            "{}",
            q.pattern
        );
    }
}
