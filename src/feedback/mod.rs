//! Reader feedback, as the seed page offers it ("Leave feedback about this"): star ratings for
//! the article's criteria and the reader's own, a comment, and local image or video
//! attachments. Pure data and rules, free of web-sys.
//!
//! The server renders the form with these rules (the page's prerendered form); the browser's
//! live form is a JavaScript module of its own, loaded once the reader comes near the form
//! (`assets/feedback.js`, README "A smaller wasm"), which follows the same rules and keeps and
//! exports the form in the same bytes (tested on both sides with the same values: below, and
//! in `tests/e2e/feedback.test.mjs`):
//!
//! 1. a [`Feedback`] changes by [`FeedbackAction`]s, refused inputs never entering it
//!    ([`can_add`], [`check_attachment`]; [`Refusal`] says why);
//! 2. it is kept in the browser as [`Feedback::to_storage`] writes it, and read back by
//!    [`Feedback::from_storage`];
//! 3. the submitted feedback leaves as [`export::Export`] describes it: JSON for a download or
//!    the author's endpoint, an object for the host page.

use crate::i18n::{viewer::Msg, Lang};
use serde::{Deserialize, Serialize};

pub mod export;

/// Longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 1000;
/// Most criteria a reader may add.
pub const MAX_CUSTOM_CRITERIA: usize = 5;
/// Longest name of a reader's criterion, in characters.
pub const MAX_CRITERION_CHARS: usize = 40;
pub const MAX_IMAGE_BYTES: u64 = 5 * 1024 * 1024;
pub const MAX_VIDEO_BYTES: u64 = 50 * 1024 * 1024;
pub const MAX_ATTACHMENTS: usize = 4;
pub const IMAGE_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/gif", "image/webp"];
pub const VIDEO_TYPES: [&str; 2] = ["video/mp4", "video/webm"];
/// Version of the stored and exported format.
pub const FORMAT_VERSION: u32 = 1;

/// Where a reader's feedback about one article is kept (under the storage prefix): one key per
/// article and per site, from the article page's address (`place`), so that two articles, or
/// two sites on one host, never share a form.
/// Who receives the reader's feedback besides this browser, named beside *Submit* before the
/// reader sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recipient {
    /// The site that embeds the article in an iframe (`?embed`), when the article's author
    /// allowed its origin (`[feedback] parent_origins`): posted to exactly that origin.
    EmbeddingSite(String),
    /// The page that mounted the viewer into its own element: an event on that element.
    HostPage,
}

/// The recipient, from how the viewer runs: in an iframe only with `?embed` and only when the
/// parent's origin (as far as the browser tells it) is one the author allowed; never anyone
/// else who frames the page.
pub fn recipient(
    mounted: bool,
    embed: bool,
    parent_origin: Option<&str>,
    allowed: &[String],
) -> Option<Recipient> {
    if mounted {
        return Some(Recipient::HostPage);
    }
    let origin = parent_origin.filter(|o| embed && allowed.iter().any(|a| a == o))?;
    Some(Recipient::EmbeddingSite(origin.to_string()))
}

/// Where the author's endpoint sends feedback: its origin, when it is an absolute `https://`
/// address on an origin other than the page's own (`page_origin`; `None` when not known, as
/// on the server). A relative address, or one on the page's own origin, would send the reader's
/// feedback, with the page's cookies, to whichever site shows the article: never.
pub fn endpoint_origin(endpoint: Option<&str>, page_origin: Option<&str>) -> Option<String> {
    let origin = crate::model::rules::https_origin(endpoint?)?;
    (page_origin != Some(origin.as_str())).then_some(origin)
}

pub fn storage_key(place: &str) -> String {
    format!("feedback:{place}")
}

/// The key all feedback was kept under before a site could hold several articles.
pub const LEGACY_STORAGE_KEY: &str = "feedback";

/// Whether the feedback `kept` under [`LEGACY_STORAGE_KEY`] is the form of the article whose
/// criteria (its meta's `feedback_criteria`) are `criteria`: then it moves to that article's
/// own key when its page's form comes to life (the form's module does it, by this rule:
/// `assets/feedback.js`).
///
/// Until a site could hold several articles, it held one, and the form kept under the legacy
/// key was that article's: made for its criteria, which a kept form holds as its ratings that
/// are not the reader's own, in order. So the article is found from the data (the kept form
/// and the article's meta), not by a name in the code. An article without criteria adopts
/// nothing (any comment-only form would look like its own).
pub fn is_legacy_feedback_of(kept: &str, criteria: &[String]) -> bool {
    !criteria.is_empty()
        && Feedback::from_storage(kept).is_some_and(|form| {
            let own = form.ratings.iter().filter(|r| !r.custom);
            own.map(|r| &r.criterion).eq(criteria)
        })
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub criterion: String,
    /// 0 (not rated) to 5.
    pub stars: u8,
    /// Added by the reader (removable), not one of the article's criteria.
    pub custom: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentKind {
    Image,
    Video,
}

impl AttachmentKind {
    pub const ALL: [AttachmentKind; 2] = [AttachmentKind::Image, AttachmentKind::Video];

    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::Image => "image",
            AttachmentKind::Video => "video",
        }
    }

    /// The media types a reader may attach of this kind.
    pub fn types(self) -> &'static [&'static str] {
        match self {
            AttachmentKind::Image => &IMAGE_TYPES,
            AttachmentKind::Video => &VIDEO_TYPES,
        }
    }
}

/// A file the reader attached: only its description is kept; the file stays on the device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    /// The file's media type (`type` in the exported JSON).
    #[serde(rename = "type")]
    pub mime: String,
    pub bytes: u64,
    pub kind: AttachmentKind,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub ratings: Vec<Rating>,
    pub comment: String,
    pub attachments: Vec<Attachment>,
    /// When it was submitted (ISO 8601), if it was.
    pub submitted_at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedbackAction {
    Rate {
        criterion: String,
        stars: u8,
    },
    AddCriterion(String),
    RemoveCriterion(String),
    SetComment(String),
    Attach(Attachment),
    Detach(usize),
    Submitted(String),
    /// Replace everything (restored from storage, or cleared).
    Replace(Feedback),
}

/// Why a reader's input was refused; [`Refusal::said`] puts it in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A file not of the kind asked for: its name (shortened) and the types allowed.
    WrongType {
        name: String,
        kind: AttachmentKind,
        allowed: String,
    },
    /// A file over the limit: its name (shortened), its size and the limit, in bytes.
    TooBig {
        name: String,
        kind: AttachmentKind,
        bytes: u64,
        limit: u64,
    },
    /// A criterion without a name.
    Unnamed,
    /// A criterion's name longer than [`MAX_CRITERION_CHARS`].
    NameTooLong,
    /// A criterion already on the form.
    Already(String),
    /// More than [`MAX_CUSTOM_CRITERIA`] criteria of the reader's own.
    TooManyCriteria,
}

impl Refusal {
    /// The refusal in words for the reader, in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        let what = |kind: &AttachmentKind| {
            lang.t(match kind {
                AttachmentKind::Image => Msg::FeedbackAnImage,
                AttachmentKind::Video => Msg::FeedbackAVideo,
            })
        };
        match self {
            Refusal::WrongType {
                name,
                kind,
                allowed,
            } => lang.f(
                Msg::FeedbackWrongType,
                &[("name", name), ("what", what(kind)), ("types", allowed)],
            ),
            Refusal::TooBig {
                name,
                kind,
                bytes,
                limit,
            } => lang.f(
                Msg::FeedbackTooBig,
                &[
                    ("name", name),
                    ("size", &human_bytes(lang, *bytes)),
                    ("what", what(kind)),
                    ("limit", &human_bytes(lang, *limit)),
                ],
            ),
            Refusal::Unnamed => lang.t(Msg::FeedbackNameFirst).to_string(),
            Refusal::NameTooLong => lang.f(
                Msg::FeedbackNameTooLong,
                &[("max", &MAX_CRITERION_CHARS.to_string())],
            ),
            Refusal::Already(name) => lang.f(Msg::FeedbackAlready, &[("name", name)]),
            Refusal::TooManyCriteria => lang.f(
                Msg::FeedbackTooManyCriteria,
                &[("max", &MAX_CUSTOM_CRITERIA.to_string())],
            ),
        }
    }
}

fn human_bytes(lang: Lang, bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        // Tenths of a megabyte, rounded, in integers (no float printing in the wasm).
        let tenths = (bytes * 10 + MB / 2) / MB;
        let n = format!("{}.{}", tenths / 10, tenths % 10);
        lang.f(Msg::SizeMb, &[("n", &n)])
    } else {
        lang.f(Msg::SizeKb, &[("n", &bytes.div_ceil(1024).to_string())])
    }
}

/// Checks a chosen file against the kind the reader asked for, the types and the size limit.
pub fn check_attachment(
    wanted: AttachmentKind,
    name: &str,
    mime: &str,
    bytes: u64,
) -> Result<Attachment, Refusal> {
    let types = wanted.types();
    let limit = match wanted {
        AttachmentKind::Image => MAX_IMAGE_BYTES,
        AttachmentKind::Video => MAX_VIDEO_BYTES,
    };
    let shown: String = name.chars().take(60).collect();
    if !types.contains(&mime) {
        let allowed: Vec<&str> = types
            .iter()
            .map(|t| t.split('/').nth(1).unwrap_or(t))
            .collect();
        return Err(Refusal::WrongType {
            name: shown,
            kind: wanted,
            allowed: allowed.join(", "),
        });
    }
    if bytes > limit {
        return Err(Refusal::TooBig {
            name: shown,
            kind: wanted,
            bytes,
            limit,
        });
    }
    Ok(Attachment {
        name: name.chars().take(200).collect(),
        mime: mime.to_string(),
        bytes,
        kind: wanted,
    })
}

/// Whether a criterion the reader names can be added to these ratings; why not, otherwise.
pub fn can_add(ratings: &[Rating], name: &str) -> Result<String, Refusal> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Refusal::Unnamed);
    }
    if name.chars().count() > MAX_CRITERION_CHARS {
        return Err(Refusal::NameTooLong);
    }
    if ratings
        .iter()
        .any(|r| r.criterion.eq_ignore_ascii_case(name))
    {
        return Err(Refusal::Already(name.to_string()));
    }
    if ratings.iter().filter(|r| r.custom).count() >= MAX_CUSTOM_CRITERIA {
        return Err(Refusal::TooManyCriteria);
    }
    Ok(name.to_string())
}

impl Feedback {
    /// A blank form for the article's criteria.
    pub fn new(criteria: &[String]) -> Feedback {
        Feedback {
            ratings: criteria
                .iter()
                .map(|c| Rating {
                    criterion: c.clone(),
                    stars: 0,
                    custom: false,
                })
                .collect(),
            ..Feedback::default()
        }
    }

    /// Whether there is anything to submit.
    pub fn is_empty(&self) -> bool {
        self.ratings.iter().all(|r| r.stars == 0)
            && self.comment.trim().is_empty()
            && self.attachments.is_empty()
    }

    /// Characters left in the comment.
    pub fn comment_left(&self) -> usize {
        MAX_COMMENT_CHARS.saturating_sub(self.comment.chars().count())
    }

    /// Whether a criterion the reader names can be added; why not, otherwise.
    pub fn can_add(&self, name: &str) -> Result<String, Refusal> {
        can_add(&self.ratings, name)
    }

    /// The reducer step; refused inputs (checked with `can_add`, `check_attachment`) are
    /// ignored here, so the state is always within the limits.
    pub fn apply(&self, action: FeedbackAction) -> Feedback {
        let mut f = self.clone();
        match action {
            FeedbackAction::Rate { criterion, stars } => {
                if let Some(r) = f.ratings.iter_mut().find(|r| r.criterion == criterion) {
                    r.stars = stars.min(5);
                }
            }
            FeedbackAction::AddCriterion(name) => {
                if let Ok(name) = f.can_add(&name) {
                    f.ratings.push(Rating {
                        criterion: name,
                        stars: 0,
                        custom: true,
                    });
                }
            }
            FeedbackAction::RemoveCriterion(name) => {
                f.ratings.retain(|r| !(r.custom && r.criterion == name))
            }
            FeedbackAction::SetComment(text) => {
                f.comment = text.chars().take(MAX_COMMENT_CHARS).collect()
            }
            FeedbackAction::Attach(a) => {
                if f.attachments.len() < MAX_ATTACHMENTS {
                    f.attachments.push(a)
                }
            }
            FeedbackAction::Detach(i) => {
                if i < f.attachments.len() {
                    f.attachments.remove(i);
                }
            }
            FeedbackAction::Submitted(at) => f.submitted_at = Some(at),
            FeedbackAction::Replace(other) => f = other,
        }
        f
    }

    /// The form as stored in the browser: postcard bytes as hex (compact, and read back by
    /// the same code).
    pub fn to_storage(&self) -> String {
        let bytes = postcard::to_allocvec(&(FORMAT_VERSION, self)).unwrap_or_default();
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Reads what `to_storage` wrote; `None` for anything else (corrupted, older, foreign).
    pub fn from_storage(text: &str) -> Option<Feedback> {
        if text.len() % 2 != 0 || text.len() > 200_000 {
            return None;
        }
        let bytes: Option<Vec<u8>> = (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
            .collect();
        let (version, feedback): (u32, Feedback) = postcard::from_bytes(&bytes?).ok()?;
        (version == FORMAT_VERSION && feedback.within_limits()).then_some(feedback)
    }

    fn within_limits(&self) -> bool {
        self.comment.chars().count() <= MAX_COMMENT_CHARS
            && self.ratings.iter().all(|r| r.stars <= 5)
            && self.ratings.iter().filter(|r| r.custom).count() <= MAX_CUSTOM_CRITERIA
            && self.attachments.len() <= MAX_ATTACHMENTS
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn feedback_goes_only_to_an_absolute_https_address_on_another_origin() {
        use super::endpoint_origin;
        let host = Some("https://host.example");
        let to = |e: &str, page: Option<&str>| endpoint_origin(Some(e), page);
        assert_eq!(
            to("https://feedback.example/api", host).as_deref(),
            Some("https://feedback.example")
        );
        assert_eq!(
            to("https://feedback.example/api", None).as_deref(),
            Some("https://feedback.example")
        );
        assert_eq!(to("/api/account/delete", host), None);
        assert_eq!(to("api/x", host), None);
        assert_eq!(to("//host.example/x", host), None);
        assert_eq!(to("http://feedback.example/x", host), None);
        assert_eq!(to("https://HOST.example/api/account/delete", host), None);
        assert_eq!(endpoint_origin(None, host), None);
    }

    use super::*;

    fn seed_form() -> Feedback {
        Feedback::new(&["Quality".into(), "Price".into(), "Service".into()])
    }

    #[test]
    fn feedback_reaches_only_an_allowed_embedding_site_or_the_mounting_page() {
        let allowed = vec!["https://news.example".to_string()];
        let framed_by = |o| recipient(false, true, Some(o), &allowed);
        assert_eq!(
            framed_by("https://news.example"),
            Some(Recipient::EmbeddingSite("https://news.example".into()))
        );
        assert_eq!(framed_by("https://evil.example"), None);
        // Framed without ?embed (a plain article page inside someone's frame): nobody.
        assert_eq!(
            recipient(false, false, Some("https://news.example"), &allowed),
            None
        );
        // The parent's origin unknown, or nothing allowed: nobody.
        assert_eq!(recipient(false, true, None, &allowed), None);
        assert_eq!(
            recipient(false, true, Some("https://news.example"), &[]),
            None
        );
        assert_eq!(recipient(true, false, None, &[]), Some(Recipient::HostPage));
    }

    #[test]
    fn each_article_and_site_has_its_own_key() {
        let a = storage_key("/site/putin-kim-pact/");
        let b = storage_key("/site/saltmere-lighthouse/");
        let other_site = storage_key("/other/putin-kim-pact/");
        assert_ne!(a, b);
        assert_ne!(a, other_site);
        assert_ne!(a, LEGACY_STORAGE_KEY);
        assert_eq!(a, "feedback:/site/putin-kim-pact/");
    }

    #[test]
    fn the_legacy_form_is_adopted_by_the_article_it_was_made_for() {
        let seed = crate::seed_for_tests();
        let criteria = &seed.meta.feedback_criteria;
        let kept = Feedback::new(criteria)
            .apply(FeedbackAction::Rate {
                criterion: criteria[0].clone(),
                stars: 4,
            })
            .apply(FeedbackAction::AddCriterion("Clarity".into()))
            .apply(FeedbackAction::SetComment("Useful.".into()))
            .to_storage();
        assert!(is_legacy_feedback_of(&kept, criteria));
        // Another article's criteria, the same in another order, or fewer: not its form.
        let mut reordered = criteria.clone();
        reordered.reverse();
        assert!(!is_legacy_feedback_of(&kept, &reordered));
        assert!(!is_legacy_feedback_of(&kept, &criteria[..1]));
        assert!(!is_legacy_feedback_of(&kept, &["Accuracy".to_string()]));
        // An article without criteria adopts nothing, not even a comment-only form.
        let comment_only = Feedback::new(&[])
            .apply(FeedbackAction::SetComment("x".into()))
            .to_storage();
        assert!(!is_legacy_feedback_of(&comment_only, &[]));
        // What cannot be read is nobody's.
        assert!(!is_legacy_feedback_of("not a form", criteria));
        assert!(!is_legacy_feedback_of("", criteria));
    }

    #[test]
    fn rating_adding_and_removing_criteria() {
        let f = seed_form()
            .apply(FeedbackAction::Rate {
                criterion: "Quality".into(),
                stars: 4,
            })
            .apply(FeedbackAction::AddCriterion("  Clarity ".into()));
        assert_eq!(f.ratings[0].stars, 4);
        assert_eq!(f.ratings[3].criterion, "Clarity");
        assert!(f.ratings[3].custom);
        let f = f.apply(FeedbackAction::Rate {
            criterion: "Clarity".into(),
            stars: 9,
        });
        assert_eq!(f.ratings[3].stars, 5, "stars are capped at 5");
        // The article's criteria cannot be removed; the reader's can.
        let f = f
            .apply(FeedbackAction::RemoveCriterion("Quality".into()))
            .apply(FeedbackAction::RemoveCriterion("Clarity".into()));
        assert_eq!(
            f.ratings
                .iter()
                .map(|r| r.criterion.as_str())
                .collect::<Vec<_>>(),
            ["Quality", "Price", "Service"]
        );
    }

    #[test]
    fn criteria_names_are_checked() {
        let f = seed_form();
        assert_eq!(f.can_add(""), Err(Refusal::Unnamed));
        assert_eq!(
            f.can_add("price").unwrap_err().said(Lang::En),
            "“price” is already on the form."
        );
        assert!(f.can_add(&"x".repeat(41)).is_err());
        let mut f = f;
        for i in 0..MAX_CUSTOM_CRITERIA {
            f = f.apply(FeedbackAction::AddCriterion(format!("c{i}")));
        }
        assert!(f
            .can_add("one more")
            .unwrap_err()
            .said(Lang::En)
            .contains("at most 5"));
        assert_eq!(f.apply(FeedbackAction::AddCriterion("one more".into())), f);
    }

    #[test]
    fn the_comment_is_limited() {
        let f = seed_form().apply(FeedbackAction::SetComment("é".repeat(1500)));
        assert_eq!(f.comment.chars().count(), MAX_COMMENT_CHARS);
        assert_eq!(f.comment_left(), 0);
        assert_eq!(seed_form().comment_left(), MAX_COMMENT_CHARS);
    }

    #[test]
    fn attachments_are_checked_by_type_and_size() {
        let ok = check_attachment(AttachmentKind::Image, "a.png", "image/png", 2048).unwrap();
        assert_eq!(ok.kind, AttachmentKind::Image);
        assert_eq!(
            check_attachment(
                AttachmentKind::Image,
                "big.jpg",
                "image/jpeg",
                6 * 1024 * 1024
            )
            .unwrap_err()
            .said(Lang::En),
            "“big.jpg” is 6.0 MB; the limit for an image is 5.0 MB."
        );
        assert_eq!(
            check_attachment(AttachmentKind::Image, "x.svg", "image/svg+xml", 10)
                .unwrap_err()
                .said(Lang::En),
            "“x.svg” is not an image this form takes (png, jpeg, gif, webp)."
        );
        assert_eq!(
            check_attachment(AttachmentKind::Video, "x.png", "image/png", 10)
                .unwrap_err()
                .said(Lang::Ja),
            Lang::Ja.f(
                Msg::FeedbackWrongType,
                &[
                    ("name", "x.png"),
                    ("what", Lang::Ja.t(Msg::FeedbackAVideo)),
                    ("types", "mp4, webm")
                ]
            )
        );
        assert!(check_attachment(AttachmentKind::Video, "v.mp4", "video/mp4", 1).is_ok());
    }

    #[test]
    fn storage_round_trips_and_rejects_garbage() {
        let f = seed_form()
            .apply(FeedbackAction::Rate {
                criterion: "Price".into(),
                stars: 2,
            })
            .apply(FeedbackAction::SetComment("“Good” <b>".into()))
            .apply(FeedbackAction::Attach(
                check_attachment(AttachmentKind::Video, "v.webm", "video/webm", 99).unwrap(),
            ))
            .apply(FeedbackAction::Submitted("2026-11-28T12:00:00Z".into()));
        assert_eq!(Feedback::from_storage(&f.to_storage()), Some(f));
        for junk in ["", "zz", "abc", "00", &"ff".repeat(50), "{\"ratings\":[]}"] {
            assert_eq!(Feedback::from_storage(junk), None, "{junk}");
        }
    }

    /// The same bytes as `tests/e2e/feedback.test.mjs` expects of `assets/feedback.js`: a form
    /// kept by either is read by the other.
    #[test]
    fn the_kept_form_is_the_bytes_feedback_js_writes() {
        let f = Feedback {
            ratings: vec![
                Rating {
                    criterion: "Quality".into(),
                    stars: 4,
                    custom: false,
                },
                Rating {
                    criterion: "Clarity é".into(),
                    stars: 5,
                    custom: true,
                },
            ],
            comment: "“Good” <b>".into(),
            attachments: vec![
                check_attachment(AttachmentKind::Video, "v.webm", "video/webm", 99).unwrap(),
            ],
            submitted_at: Some("2026-11-28T12:00:00Z".into()),
        };
        let hex = concat!(
            "0102075175616c69747904000a436c617269747920c3a905010ee2809c476f6f64e2809d203c62",
            "3e0106762e7765626d0a766964656f2f7765626d63010114323032362d31312d32385431323a30",
            "303a30305a"
        );
        assert_eq!(f.to_storage(), hex);
        assert_eq!(Feedback::from_storage(hex), Some(f));
    }

    #[test]
    fn an_untouched_form_is_empty() {
        assert!(seed_form().is_empty());
        assert!(!seed_form()
            .apply(FeedbackAction::SetComment("x".into()))
            .is_empty());
    }
}
