//! Yew function components, one per file, named after the component. [`app::App`] owns the
//! view's reducer, provides what never changes as [`context::Viewer`] and hands each
//! component its part of the state as props; components dispatch one action per intent
//! (through the context's dispatcher or their `on<verb>` callback props) and leave the
//! browser to `crate::effects` and `crate::web`. [`body_events`] holds the article body's
//! delegated listeners (the body is adopted text, not a component per mention).

pub mod actor_details;
pub mod actor_entry;
pub mod actors_panel;
pub mod announcer;
pub mod app;
pub mod article_body;
pub mod article_header;
pub mod body_events;
pub mod byline;
pub mod context;
// The feedback form's components render it on the server (the page's prerendered form); the
// browser's live form is a module of its own (assets/feedback.js), which feedback_later loads.
#[cfg(not(target_arch = "wasm32"))]
pub mod criterion_adder;
pub mod event_entry;
#[cfg(not(target_arch = "wasm32"))]
pub mod feedback_form;
#[cfg(target_arch = "wasm32")]
pub mod feedback_later;
pub mod help_dialog;
pub mod mention_card;
pub mod notice_bar;
pub mod panel_tabs;
pub mod panels;
pub mod print_dossier;
pub mod quote_entry;
pub mod quotes_panel;
pub mod reading_progress;
pub mod relation_entry;
pub mod relations_panel;
pub mod relations_picture;
pub mod search_box;
pub mod skip_link;
#[cfg(not(target_arch = "wasm32"))]
pub mod star_rating;
pub mod timeline_axis;
pub mod timeline_panel;
pub mod toolbar;
pub mod viewer_effects;
