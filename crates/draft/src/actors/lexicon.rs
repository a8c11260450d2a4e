//! The word lists the rules read: titles and roles, the words that are never part of a
//! person's name, the heads of organisations' names. Written for marginalia from the usage of
//! English news writing (public knowledge), lower case; compared with a word's lower case.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Words that head a role or title ("President", "secretary-general", "analyst"): a name
/// right after one is a person, and the words before it up to a state or organisation are
/// the role as the text states it.
const ROLE_HEADS: &str = "\
    president vice-president premier chancellor minister secretary secretary-general \
    under-secretary undersecretary leader ruler dictator monarch king queen prince princess \
    emperor empress crown-prince sultan emir sheikh pope cardinal archbishop bishop ayatollah \
    spokesperson spokesman spokeswoman ambassador envoy representative official officer \
    director director-general chief head chairman chairwoman chair chairperson commander \
    commander-in-chief general admiral colonel lieutenant major captain sergeant marshal \
    senator congressman congresswoman lawmaker legislator mp governor mayor judge justice \
    prosecutor attorney lawyer analyst professor researcher fellow economist scientist expert \
    scholar historian adviser advisor aide negotiator diplomat speaker ceo founder co-founder \
    editor correspondent reporter journalist columnist commissioner coordinator co-ordinator \
    counsellor counselor councillor strategist consul attaché delegate administrator \
    superintendent president-elect secretary-of-state deputy executive manager partner \
    activist dissident defector candidate nominee general-secretary";

/// Honorifics: a person follows, but they are no role.
const HONORIFICS: &str = "\
    mr mrs ms miss mx dr sir dame lord lady madam rev reverend";

/// Words that qualify a role before its head ("Vice Foreign Minister", "chief cabinet
/// secretary").
const ROLE_MODIFIERS: &str = "\
    vice deputy assistant associate acting interim former ex then late senior junior chief top \
    special principal executive cabinet foreign defence defense finance prime first second \
    third state supreme general national security trade interior health justice economy \
    economic energy intelligence military naval army navy air force unification presidential \
    nuclear press news political research visiting staff opposition party communist veteran \
    retired longtime long-time incoming outgoing newly elected lead leading regional federal \
    provincial district police commanding spy high permanent managing policy parliamentary \
    majority minority house senate education environment culture agriculture transport \
    industry labour labor home digital science technology development communications \
    information internal external european international global polling think-tank \
    non-resident nonresident adjunct emeritus distinguished government ministry department \
    white kremlin pentagon diplomatic legal financial independent assistant-secretary cyber";

/// Capitalised words that end a title's field ("Minister for Strategy and Intelligence",
/// "Assistant Minister for Asian and Oceanian Affairs"): never part of a name.
const PORTFOLIO: &str = "\
    affairs intelligence strategy security defense defence policy relations trade finance \
    development cooperation co-operation unification justice interior health education energy \
    environment commerce agriculture labor labour transport transportation industry economy \
    treasury state planning budget welfare culture tourism communications information science \
    technology innovation disarmament nonproliferation non-proliferation arms control peace \
    human rights refugees migration homeland veterans housing infrastructure fisheries oceans \
    land resources mines sport sports women family gender equality youth children social \
    services administration operations staff public diplomacy sanctions counter terrorism \
    counterterrorism cyber space climate reform reunification";

/// Capitalised words that start a sentence or a clause and are never a name.
const STOPWORDS: &str = "\
    the a an this that these those he she it they we i you his her its their our my your in on \
    at by for from with without under over after before during since until while when where \
    why how what which who whom whose if but and or nor so yet as although though because \
    despite also meanwhile however still even only both each every all some many most much \
    more such other another last next speaking according asked earlier later then now today \
    yesterday tomorrow tonight there here not no yes about against among between into through \
    throughout toward towards upon within across behind beyond near like unlike instead indeed \
    perhaps thus hence therefore furthermore moreover nevertheless nonetheless otherwise once \
    twice please thank thanks dear sincerely regards begin end text note editor's update \
    updated correction read see photo source sources officials analysts experts critics \
    residents people one two three four five six seven eight nine ten first several few any \
    none neither either whether unless whereas amid ahead along around beside besides via per \
    to of off out up down is was are were be been has have had do does did will would can \
    could should may might must shall let let's just well oh ok okay again always never often \
    sometimes already soon recently currently new old us them him me";

/// Months and weekdays: never a name, and stripped from a name's edges.
const CALENDAR: &str = "\
    january february march april may june july august september october november december jan \
    feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday \
    saturday sunday christmas easter ramadan";

/// Capitalised words that are never part of a person's name: places, institutions, events,
/// documents, regional adjectives. A run of capitalised words holding one is no person.
const NOT_NAME: &str = "\
    north south east west northeast northwest southeast southwest northern southern eastern \
    western central far middle near asia europe africa america americas oceania arctic \
    antarctic antarctica pacific atlantic mediterranean caribbean baltic balkans caucasus \
    sahel sea ocean river lake mountain mountains mount valley coast bay gulf strait straits \
    peninsula island islands province region county district city town village capital street \
    avenue road square bridge airport port harbour harbor station border zone hills desert \
    plateau canal channel korean asian european african arab arabic latin nordic slavic balkan \
    oceanian communist democratic republican socialist liberal conservative islamic muslim \
    catholic orthodox jewish buddhist sunni shia shiite kurdish persian anglo allied \
    international global national federal imperial royal soviet ministry agency council \
    university institute department commission committee office bureau bank fund foundation \
    centre center organisation organization association party court academy college school \
    union federation corporation company group authority assembly parliament congress senate \
    house cabinet government administration command army navy force forces guard guards police \
    service services mosque temple palace museum hospital hotel tower embassy consulate \
    mission republic kingdom empire state states nations league alliance coalition front \
    movement network board panel secretariat club inc ltd corp co llc plc times post news \
    daily journal herald press media radio television tv review magazine war wars treaty \
    charter agreement accord accords pact act convention declaration statement summit \
    conference forum talks games olympics olympic cup championship festival day year week \
    month era age revolution crisis article chapter section resolution resolutions sanctions \
    plan program programme project initiative strategy doctrine code constitution budget \
    report index prize award operation exercise exercises missile missiles satellite rocket \
    vessel ship internet covid coronavirus god christ bible koran quran partnership \
    cooperation security defence defense affairs relations rights human peace freedom \
    democracy independence liberation unification reunification comprehensive strategic \
    military nuclear economic political exchange securities electronics holdings motors \
    airlines airways industries partners bancorp insurance pharmaceuticals petroleum telecom \
    steel chemical chemicals shipbuilding engineering sabha duma diet knesset majlis rada \
    bundestag bundesrat";

/// Heads of organisations' names, capitalised in a name ("Sejong Institute", "Ministry of
/// Foreign Affairs").
const ORG_HEADS: &str = "\
    ministry agency council university institute department commission committee office bureau \
    bank fund foundation centre center organisation organization association party court \
    academy college corporation authority assembly parliament command service school \
    federation union league alliance coalition secretariat tribunal forces army navy guard inc \
    group company society network exchange securities electronics holdings motors airlines \
    airways industries partners capital bancorp insurance pharmaceuticals petroleum telecom \
    steel chemical chemicals shipbuilding engineering";

/// Heads of media names ("Japan Times", "Korea Herald").
const MEDIA_HEADS: &str = "\
    times post herald journal gazette tribune daily ilbo shimbun sinmun broadcasting \
    television telegraph chronicle observer";

/// Heads of an organisation named in lower case after a state's possessive ("South Korea's
/// foreign ministry", "Japan's defence ministry").
const LOWER_ORG_HEADS: &str = "\
    ministry department agency office council parliament bank army navy military embassy \
    service coastguard guard command court commission committee broadcaster newspaper";

/// Words that, after a name, say it spoke ("Stoltenberg said").
const SPEECH_VERBS: &str = "\
    said says told tells added adds wrote writes warned warns stated states noted notes argued \
    argues insisted insists replied replies asked asks announced announces claimed claims \
    explained explains stressed stresses urged urges called calls described describes agreed \
    agrees denied denies confirmed confirms acknowledged acknowledges tweeted posted declared \
    declares vowed vows pledged pledges suggested suggests believes believed thinks thought \
    predicted predicts recalled recalls commented observed emphasised emphasized reiterated \
    remarked responded signed met visited thanked invited criticised criticized condemned \
    welcomed praised accused opposed expressed urging";

/// Lower-case words that never qualify an organisation's head ("Russia's most advanced ...").
const NOT_MODIFIERS: &str = "\
    the a an and or but of to in on at for with by from as is was are were be been has have \
    had will would could should may might must can did does do said says not no its their his \
    her own that which who this than most more very also so";

/// East Asian family names common in the news: a name starting with one is read family name
/// first ("Kim Jong Un": later "Kim").
const EAST_ASIAN_FAMILY_NAMES: &str = "\
    kim lee park pak choi choe cho jung jeong chung cheong kang yoon yun jang chang lim han oh \
    seo shin kwon hwang ahn song ri hong moon mun ko yoo noh roh ban xi li wang zhang liu chen \
    yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie tang feng deng \
    cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao \
    mao qin nguyen tran le pham hun";

/// Words after which a capital names a place, not its government ("a think-tank in Seoul").
const LOCATIVES: &str = "\
    in at near outside around across inside";

/// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: &str = "\
    mr mrs ms dr st gen lt col sgt capt cmdr adm rep sen gov prof jr sr vs no inc corp co ltd \
    rev hon u s k e n p r c";

/// Titles written short, with a full stop ("Gov. Aisen Nikolaev", "Sen. Jane Doe").
const SHORT_TITLES: &str = "\
    gov sen rep gen lt col maj capt sgt adm cmdr prof pres amb supt insp cpl pvt brig";

/// Lower-case particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
const PARTICLES: &str = "\
    von van der den de da di du del della dos das la le bin ibn al el ter zu";

pub(super) struct Lexicon {
    role_heads: HashSet<&'static str>,
    honorifics: HashSet<&'static str>,
    role_modifiers: HashSet<&'static str>,
    portfolio: HashSet<&'static str>,
    stopwords: HashSet<&'static str>,
    calendar: HashSet<&'static str>,
    not_name: HashSet<&'static str>,
    org_heads: HashSet<&'static str>,
    media_heads: HashSet<&'static str>,
    lower_org_heads: HashSet<&'static str>,
    speech_verbs: HashSet<&'static str>,
    not_modifiers: HashSet<&'static str>,
    family_names: HashSet<&'static str>,
    locatives: HashSet<&'static str>,
    abbreviations: HashSet<&'static str>,
    particles: HashSet<&'static str>,
    short_titles: HashSet<&'static str>,
}

fn set(list: &'static str) -> HashSet<&'static str> {
    list.split_whitespace().collect()
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon {
        role_heads: set(ROLE_HEADS),
        honorifics: set(HONORIFICS),
        role_modifiers: set(ROLE_MODIFIERS),
        portfolio: set(PORTFOLIO),
        stopwords: set(STOPWORDS),
        calendar: set(CALENDAR),
        not_name: set(NOT_NAME),
        org_heads: set(ORG_HEADS),
        media_heads: set(MEDIA_HEADS),
        lower_org_heads: set(LOWER_ORG_HEADS),
        speech_verbs: set(SPEECH_VERBS),
        not_modifiers: set(NOT_MODIFIERS),
        family_names: set(EAST_ASIAN_FAMILY_NAMES),
        locatives: set(LOCATIVES),
        abbreviations: set(ABBREVIATIONS),
        particles: set(PARTICLES),
        short_titles: set(SHORT_TITLES),
    })
}

/// The last part of a hyphenated word ("secretary-general" → itself if listed, else
/// "general"; "ex-president" → "president").
fn head_part(set: &HashSet<&'static str>, lower: &str) -> bool {
    set.contains(lower)
        || lower
            .rsplit_once('-')
            .is_some_and(|(_, last)| !last.is_empty() && set.contains(last))
}

impl Lexicon {
    /// `lower`: the word in lower case.
    pub(super) fn is_role_head(&self, lower: &str) -> bool {
        head_part(&self.role_heads, lower)
    }
    pub(super) fn is_honorific(&self, lower: &str) -> bool {
        self.honorifics.contains(lower.trim_end_matches('.'))
    }
    pub(super) fn is_role_modifier(&self, lower: &str) -> bool {
        self.role_modifiers.contains(lower)
    }
    pub(super) fn is_portfolio(&self, lower: &str) -> bool {
        self.portfolio.contains(lower)
    }
    pub(super) fn is_stopword(&self, lower: &str) -> bool {
        self.stopwords.contains(lower)
    }
    pub(super) fn is_calendar(&self, lower: &str) -> bool {
        self.calendar.contains(lower)
    }
    /// Never part of a person's name: a listed word, or one shaped like an abstract noun or
    /// adjective ("Partnership", "Comprehensive").
    pub(super) fn is_not_name(&self, lower: &str) -> bool {
        if self.not_name.contains(lower) || self.calendar.contains(lower) {
            return true;
        }
        let n = lower.chars().count();
        [
            "ship", "tion", "sion", "ism", "tive", "sive", "ical", "ology",
        ]
        .iter()
        .any(|s| lower.ends_with(s) && n > s.len() + 2)
            || (n >= 8 && ["ment", "ness"].iter().any(|s| lower.ends_with(s)))
            || (n >= 6 && lower.ends_with("ity"))
    }
    pub(super) fn is_org_head(&self, lower: &str) -> bool {
        self.org_heads.contains(lower)
    }
    pub(super) fn is_media_head(&self, lower: &str) -> bool {
        self.media_heads.contains(lower)
    }
    pub(super) fn is_lower_org_head(&self, lower: &str) -> bool {
        self.lower_org_heads.contains(lower)
    }
    pub(super) fn is_speech_verb(&self, lower: &str) -> bool {
        self.speech_verbs.contains(lower)
    }
    pub(super) fn is_not_modifier(&self, lower: &str) -> bool {
        self.not_modifiers.contains(lower)
    }
    pub(super) fn is_family_name(&self, lower: &str) -> bool {
        self.family_names.contains(lower)
    }
    pub(super) fn is_locative(&self, lower: &str) -> bool {
        self.locatives.contains(lower)
    }
    pub(super) fn is_abbreviation(&self, lower: &str) -> bool {
        self.abbreviations.contains(lower)
    }
    pub(super) fn is_short_title(&self, lower: &str) -> bool {
        self.short_titles.contains(lower)
    }
    pub(super) fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }
}
