//! The content model: plain data, free of yew and web-sys, shared by the build-time checker
//! (`crate::content`) and the viewer (`crate::components`).

pub mod article;
pub mod date;
pub mod related;
pub mod search;
pub mod selection;
pub mod text;
pub mod timeline;

pub use article::*;
pub use date::{DateSpan, PartialDate, Precision};
pub use selection::Selection;
