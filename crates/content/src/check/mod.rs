//! Step 3 of the pipeline, check: the annotations checked against each other and the text,
//! into the model's actors, events, quotes and metadata, with every error found. In the order
//! the build runs them:
//!
//! - [`checker`]: the [`checker::Checker`] every check shares (ids, references, the errors,
//!   the hint budget);
//! - [`mentions`]: the `[name](actor:id)` links (counted here, numbered once the tree is
//!   marked);
//! - [`actors`], [`events`] (with [`provenance`] and [`stated`]) and [`quotes`] (with
//!   [`quotation_marks`]): each entry located in the text (`locate/`), gathering the marks
//!   that `mark/` makes; an entry not found verbatim is reported by [`verbatim`];
//! - [`meta`]: the metadata, once the tree is marked.
//!
//! Beside the build, [`unmarked`] warns of actors' names the text leaves unmarked.

pub(crate) mod actors;
pub(crate) mod checker;
pub(crate) mod events;
pub(crate) mod mentions;
pub(crate) mod meta;
mod provenance;
mod quotation_marks;
pub(crate) mod quotes;
pub(crate) mod stated;
pub mod unmarked;
mod verbatim;
