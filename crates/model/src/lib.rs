//! The content model: plain data, free of yew and web-sys, shared by the content pipeline
//! (`marginalia-content`), the native commands and the viewer. [`data`] is the file format
//! that carries it from the build to the viewer.

pub use marginalia_i18n as i18n;
pub mod article;
pub mod check;
pub mod data;
pub mod date;
mod decode;
pub mod graph;
pub mod related;
pub mod rules;
pub mod said;
pub mod search;
pub mod selection;
pub mod sentences;
pub mod text;
pub mod timeline;

pub use article::*;
pub use date::{DateSpan, PartialDate, Precision};
pub use selection::Selection;
