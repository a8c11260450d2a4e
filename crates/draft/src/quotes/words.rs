//! The words of news attribution: speech verbs, pronouns, the heads of descriptions ("the
//! ministry", "the Russian president"), demonyms, and the small words between a speaker and
//! the verb ("Putin on Wednesday said"). Each list is a line of words, read once into a set.

use crate::ActorKind;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the lists' keys are short words, looked up for every word of the text.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

/// How a speech verb is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum VerbForm {
    /// "said", "told", "warned": the speaker is its subject, before it ("X said") or after
    /// it ("said X").
    Finite,
    /// "saying", "adding": the speaker is the subject of the clause it hangs from ("X
    /// expressed regret, saying …").
    Participle,
    /// A form that is as often a noun ("calls", "claims", "notes", "say"): a verb only with its
    /// subject right before it.
    NounLike,
    /// A document put out ("released", "published", "issued"): its words are its subject's.
    Document,
}

/// "said", "warned": the speaker is the subject.
const FINITE: &str = "
    said says told tells added adds warned warns called described describes insisted insists
    stated wrote writes announced announces noted vowed pledged urged urges accused accuses
    declared declares claimed argued argues stressed stresses explained explains asked asks
    replied replies responded responds remarked tweeted posted reported promised threatened
    threatens demanded condemned condemns denounced denounces praised admitted admits
    acknowledged acknowledges cautioned suggested suggests predicted predicts recalled
    recalls conceded concedes complained complains confirmed confirms concluded emphasised
    emphasized emphasises emphasizes reiterated reiterates proclaimed labelled labeled
    dubbed branded termed
";
/// "saying", "adding": the speaker is the clause's subject.
const PARTICIPLE: &str = "
    saying telling adding warning calling describing insisting stating writing announcing
    noting vowing pledging urging accusing declaring claiming arguing stressing explaining
    asking replying responding tweeting reporting promising threatening demanding condemning
    denouncing praising admitting acknowledging cautioning suggesting predicting recalling
    conceding complaining confirming concluding emphasising emphasizing reiterating
    labelling labeling dubbing branding terming
";
/// As often nouns as verbs: verbs only with a subject right before them.
const NOUN_LIKE: &str = "
    say tell add warn insist argue urge claim claims note notes call calls describe write
    declare announce accuse vow vows pledge pledges state states report reports comment
    comments promise promises demand demands condemn stress reiterate brand label labels dub
    term
";
/// A document put out.
const DOCUMENT: &str = "
    released releases published publishes issued
";
/// "called", "described", "labelled": the quoted words name something ("X called it “…”").
const NAMING: &str = "
    called calls call calling described describes describe describing labelled labeled
    labelling labeling label labels dubbed dub dubbing branded brand branding termed term
    terming
";
/// The core verbs of attribution: only these fall back on the nearest actor when their
/// subject is not found ("The statement, released on Monday, said …").
const CORE: &str = "
    said says told added wrote stated declared announced
";
/// The heads of descriptions, by what they describe.
const PERSON_HEADS: &str = "
    president leader minister secretary secretary-general spokesman spokeswoman spokesperson
    official analyst professor expert ambassador chancellor premier king queen envoy
    diplomat general chief head director chairman chairwoman chair senator governor lawmaker
    researcher scholar adviser advisor commander mayor representative negotiator prosecutor
    judge economist dictator ruler emperor pope aide lawyer attorney officer deputy
    counsellor councillor mp congressman congresswoman legislator politician activist
    candidate
";
const ORGANISATION_HEADS: &str = "
    ministry department council office committee commission institute university bank
    company firm group party army military alliance organisation organization court
    parliament embassy foundation union body bloc coalition cabinet secretariat assembly
    congress senate bureau service authority police think-tank watchdog movement panel
    kremlin pentagon navy
";
const MEDIA_HEADS: &str = "
    newspaper paper broadcaster outlet daily magazine channel tabloid weekly media
    television radio
";
const STATE_HEADS: &str = "
    country nation kingdom republic
";
/// "the government", "the regime": a state or an organisation.
const GOVERNMENT_HEADS: &str = "
    government regime administration
";
/// "the agency": an organisation or a news medium.
const AGENCY_HEADS: &str = "
    agency network
";
/// Words that may stand between a description's determiner and its head ("the foreign
/// ministry", "the top news agency"); capitalised words (demonyms, names) and heads may too.
const MODIFIERS: &str = "
    foreign defence defense interior finance economy trade justice health education news
    official state-run state senior former vice prime top national central presidential
    federal new then current acting outgoing incoming communist ruling opposition local
    regional international own other main leading veteran same press security intelligence
    executive supreme joint chief deputy general defence-ministry foreign-ministry cabinet
";
/// Words that may stand between a speaker and the verb: auxiliaries, adverbs and times
/// ("Putin on Wednesday said", "Kim has called", "the ministry in a statement said").
const SKIP: &str = "
    has have had also later then previously earlier repeatedly again once reportedly
    recently separately similarly publicly privately already just further subsequently
    initially originally often frequently never always long did does do not would will could
    might may should can on in at yesterday today tonight last this week month year morning
    afternoon evening night statement interview speech address joint televised separate
    written a an both all himself herself itself themselves first directly openly bluntly
    flatly briefly
";
/// Weekdays and months.
const TIME: &str = "
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec
";
/// Words that may follow a speaker named after the verb ("said Putin on Wednesday", "said
/// Easley, a professor"): the speaker's name ends there.
const AFTER: &str = "
    in on at during after before when while as from via through late earlier yesterday today
    last this who which adding saying according told speaking referring citing and but to of
    with for without tonight later recently
";
/// Words that open an introductory phrase before a sentence's subject ("On Thursday, …",
/// "Separately, …", "Speaking in Ottawa, …").
const INTRO: &str = "
    on in at after before during under earlier later meanwhile however separately last this
    yesterday today speaking asked responding following since until as while when with
    despite amid for by from although though if but and also still instead then now
    previously
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Verb(VerbForm),
    Head(HeadClass),
}

/// Every list, read once.
struct Lists {
    class: HashMap<&'static str, Class>,
    /// The plural of each head: its singular ("ministries": "ministry").
    plurals: HashMap<String, &'static str>,
    naming: HashMap<&'static str, ()>,
    core: HashMap<&'static str, ()>,
    modifiers: HashMap<&'static str, ()>,
    skip: HashMap<&'static str, ()>,
    time: HashMap<&'static str, ()>,
    after: HashMap<&'static str, ()>,
    intro: HashMap<&'static str, ()>,
}

fn set(words: &'static str) -> HashMap<&'static str, ()> {
    words.split_whitespace().map(|w| (w, ())).collect()
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut class = HashMap::default();
        let classes = [
            (FINITE, Class::Verb(VerbForm::Finite)),
            (PARTICIPLE, Class::Verb(VerbForm::Participle)),
            (NOUN_LIKE, Class::Verb(VerbForm::NounLike)),
            (DOCUMENT, Class::Verb(VerbForm::Document)),
            (PERSON_HEADS, Class::Head(HeadClass::Person)),
            (ORGANISATION_HEADS, Class::Head(HeadClass::Organisation)),
            (MEDIA_HEADS, Class::Head(HeadClass::Media)),
            (STATE_HEADS, Class::Head(HeadClass::State)),
            (GOVERNMENT_HEADS, Class::Head(HeadClass::Government)),
            (AGENCY_HEADS, Class::Head(HeadClass::Agency)),
        ];
        for (words, c) in classes {
            for w in words.split_whitespace() {
                class.entry(w).or_insert(c);
            }
        }
        let mut plurals = HashMap::default();
        for (&w, c) in &class {
            if !matches!(c, Class::Head(_)) {
                continue;
            }
            let plural = if let Some(stem) = w.strip_suffix('y') {
                format!("{stem}ies")
            } else if let Some(stem) = w.strip_suffix("man") {
                format!("{stem}men")
            } else if w.ends_with('s') {
                w.to_string()
            } else {
                format!("{w}s")
            };
            plurals.insert(plural, w);
        }
        Lists {
            class,
            plurals,
            naming: set(NAMING),
            core: set(CORE),
            modifiers: set(MODIFIERS),
            skip: set(SKIP),
            time: set(TIME),
            after: set(AFTER),
            intro: set(INTRO),
        }
    })
}

pub(super) fn speech_verb(word: &str) -> Option<VerbForm> {
    match lists().class.get(word) {
        Some(Class::Verb(form)) => Some(*form),
        _ => None,
    }
}

pub(super) fn is_naming_verb(word: &str) -> bool {
    lists().naming.contains_key(word)
}

pub(super) fn is_core_verb(word: &str) -> bool {
    lists().core.contains_key(word)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// "he", "she": the last person.
    Person,
    /// "it": the last organisation, medium or state.
    Thing,
    /// "they": the speakers of the last quote with several.
    Group,
}

pub(super) fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "she" => Some(Pronoun::Person),
        "it" => Some(Pronoun::Thing),
        "they" => Some(Pronoun::Group),
        _ => None,
    }
}

/// What a description's head word says its actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HeadClass {
    Person,
    Organisation,
    Media,
    State,
    /// "the government", "the regime", "the authorities": a state or an organisation.
    Government,
    /// "the agency", "the network": an organisation or a news medium.
    Agency,
}

impl HeadClass {
    pub(super) fn kinds(self) -> &'static [ActorKind] {
        match self {
            HeadClass::Person => &[ActorKind::Person],
            HeadClass::Organisation => &[ActorKind::Organisation],
            HeadClass::Media => &[ActorKind::Media],
            HeadClass::State => &[ActorKind::State],
            HeadClass::Government => &[ActorKind::State, ActorKind::Organisation],
            HeadClass::Agency => &[ActorKind::Media, ActorKind::Organisation],
        }
    }

    pub(super) fn label(self) -> &'static str {
        match self {
            HeadClass::Person => "person",
            HeadClass::Organisation => "organisation",
            HeadClass::Media => "news medium",
            HeadClass::State => "state",
            HeadClass::Government => "state or organisation",
            HeadClass::Agency => "agency",
        }
    }
}

/// The head class of a word, its singular and whether it is plural ("governments":
/// government, plural).
pub(super) fn head(word: &str) -> Option<(HeadClass, &'static str, bool)> {
    let l = lists();
    if let Some((w, Class::Head(c))) = l.class.get_key_value(word) {
        return Some((*c, w, false));
    }
    let singular = l.plurals.get(word)?;
    match l.class.get(singular) {
        Some(Class::Head(c)) => Some((*c, singular, true)),
        _ => None,
    }
}

pub(super) fn is_modifier(word: &str) -> bool {
    lists().modifiers.contains_key(word) || count_word(word).is_some() || head(word).is_some()
}

/// Words that open a description ("the", "a", "its").
pub(super) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that" | "these" | "those"
    )
}

/// "three" in "the three governments"; "both".
pub(super) fn count_word(word: &str) -> Option<usize> {
    let n = match word {
        "two" | "both" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return word.parse().ok().filter(|n| (2..=20).contains(n)),
    };
    Some(n)
}

pub(super) fn is_skippable(word: &str) -> bool {
    lists().skip.contains_key(word)
        || is_time_word(word)
        || word.chars().all(|c| c.is_ascii_digit())
}

pub(super) fn is_time_word(word: &str) -> bool {
    lists().time.contains_key(word)
}

pub(super) fn ends_inverted_subject(word: &str) -> bool {
    lists().after.contains_key(word) || is_time_word(word)
}

pub(super) fn opens_introduction(word: &str) -> bool {
    lists().intro.contains_key(word) || is_time_word(word)
}

/// Whether `demonym` ("Russian", "North Korean") names the country `name` ("Russia",
/// "North Korea"); both lowercase.
pub(super) fn demonym_of(demonym: &str, name: &str) -> bool {
    const IRREGULAR: &[(&str, &[&str])] = &[
        ("french", &["france"]),
        (
            "british",
            &["britain", "united kingdom", "uk", "great britain"],
        ),
        ("english", &["england"]),
        ("dutch", &["netherlands", "the netherlands"]),
        ("swiss", &["switzerland"]),
        ("greek", &["greece"]),
        ("turkish", &["turkey", "türkiye"]),
        ("polish", &["poland"]),
        ("spanish", &["spain"]),
        ("swedish", &["sweden"]),
        ("danish", &["denmark"]),
        ("finnish", &["finland"]),
        ("norwegian", &["norway"]),
        ("irish", &["ireland"]),
        ("filipino", &["philippines", "the philippines"]),
        ("thai", &["thailand"]),
        (
            "american",
            &["united states", "us", "u.s.", "usa", "america"],
        ),
        ("soviet", &["soviet union", "ussr"]),
        ("north korean", &["dprk"]),
        ("south korean", &["rok", "republic of korea"]),
        ("vietnamese", &["vietnam", "viet nam"]),
        ("emirati", &["united arab emirates", "uae"]),
        ("saudi", &["saudi arabia"]),
        ("israeli", &["israel"]),
        ("pakistani", &["pakistan"]),
        ("afghan", &["afghanistan"]),
    ];
    if IRREGULAR
        .iter()
        .any(|(d, names)| *d == demonym && names.contains(&name))
    {
        return true;
    }
    const SUFFIXES: &[&str] = &["n", "an", "ian", "ese", "i", "ish", "ic", ""];
    let stems = [Some(name), name.strip_suffix(['a', 'e', 'y', 'o'])];
    stems.into_iter().flatten().any(|stem| {
        stem.len() >= 3
            && demonym.strip_prefix(stem).is_some_and(|suffix| {
                SUFFIXES.contains(&suffix) && !(suffix.is_empty() && stem == name)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_name_their_countries() {
        for (d, n) in [
            ("russian", "russia"),
            ("north korean", "north korea"),
            ("japanese", "japan"),
            ("chinese", "china"),
            ("ukrainian", "ukraine"),
            ("iranian", "iran"),
            ("german", "germany"),
            ("french", "france"),
            ("american", "united states"),
        ] {
            assert!(demonym_of(d, n), "{d} {n}");
        }
        for (d, n) in [
            ("iraqi", "iran"),
            ("russian", "russia-ukraine"),
            ("korean", "japan"),
        ] {
            assert!(!demonym_of(d, n), "{d} {n}");
        }
    }

    #[test]
    fn heads_and_plurals() {
        assert_eq!(head("ministry").map(|h| h.0), Some(HeadClass::Organisation));
        assert_eq!(
            head("governments").map(|h| (h.0, h.2)),
            Some((HeadClass::Government, true))
        );
        assert_eq!(head("ministries").map(|h| h.1), Some("ministry"));
        assert_eq!(head("spokesmen").map(|h| h.1), Some("spokesman"));
        assert_eq!(head("authorities").map(|h| h.2), Some(true));
        assert_eq!(head("agreement"), None);
    }
}
