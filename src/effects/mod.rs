//! Every effect of the viewer, as hooks, one file per outside thing they connect to. `App`
//! and a few components call them; each takes only what it reads (values as the
//! `use_effect_with` dependencies, the reducers' dispatchers to report back) and reaches the
//! browser only through `crate::web` (listeners through `gloo_events`).
//!
//! Data flow: state → effect → browser (URL, storage, the text's marks, scrolling, the host
//! page); browser events → effect → one action → reducer. None of them runs during
//! server-side rendering, and a viewer mounted into someone else's page (`Mode::Mounted`)
//! leaves that page's URL, keyboard and `<html>` alone.

mod body;
mod card;
mod embed;
mod follow;
mod highlights;
mod keyboard;
mod progress;
mod progressive;
mod ready;
mod root;
mod search;
mod settings;
mod url;

pub use body::use_body_events;
pub use card::{use_card_position, use_click_outside_card};
pub use embed::use_embed_bridge;
pub use follow::use_follow_selection;
pub use highlights::use_text_highlights;
pub use keyboard::use_keyboard;
pub use progress::use_reading_progress;
pub use progressive::{use_progressive_list, STEP};
pub use ready::use_ready_mark;
pub use root::use_page_root;
pub use search::{use_committed_words, use_search_highlight};
pub use settings::use_settings;
pub use url::{link_action, use_url_sync};
