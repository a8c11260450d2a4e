//! Step 1 of the pipeline, read: the article folder's five files in ([`sources`]), refused
//! over the size [`limits`] (the files' sizes first, the counts of entries once the TOML is
//! read); the TOML annotations parsed ([`annotations`], a syntax error explained for a writer
//! by [`toml_errors`]); entries `draft` suggested and the writer has not confirmed refused
//! ([`suggestions`]); and `article.md` parsed into the block/inline tree ([`markdown`]).

pub(crate) mod annotations;
pub mod limits;
pub mod markdown;
pub(crate) mod sources;
pub(crate) mod suggestions;
mod toml_errors;

pub use annotations::ui_language;
pub use sources::{Sources, FILE_NAMES};
pub use suggestions::Drafts;
