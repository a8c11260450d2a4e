//! Yew function components, one per file. [`app::App`] owns the article and the UI reducer
//! and shares both through [`context::use_app`]; the rest read them from there.

pub mod app;
pub mod article_body;
pub mod article_header;
pub mod context;
pub mod mention;
