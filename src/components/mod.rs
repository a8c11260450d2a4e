//! Yew function components, one per file. [`app::App`] owns the article and the UI reducer
//! and shares both through [`context::use_app`]; [`effects`] connects the reducer to the URL,
//! storage, keyboard and scrolling; the rest render from the context and dispatch actions.

pub mod actor_details;
pub mod actors_panel;
pub mod app;
pub mod article_body;
pub mod article_header;
pub mod body_events;
pub mod context;
pub mod effects;
pub mod feedback_form;
pub mod help_dialog;
pub mod mention_card;
pub mod notice_bar;
pub mod panels;
pub mod print_dossier;
pub mod quotes_panel;
pub mod reading_progress;
pub mod search_box;
pub mod star_rating;
pub mod timeline_axis;
pub mod timeline_panel;
pub mod toolbar;
