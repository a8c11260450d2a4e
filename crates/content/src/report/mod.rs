//! Step 5 of the pipeline, report: what every step reports and how. Errors with their file,
//! line and column ([`error`]), and their hints ([`hints`]: the nearest known word, the closest
//! text of the article, and with [`diff`] every difference from it). `hints` uses `diff`;
//! neither uses any other module of the crate.

mod diff;
pub(crate) mod error;
pub(crate) mod hints;
