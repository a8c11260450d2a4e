//! Step 2 of the pipeline, locate: where things stand in the article's text, which the checks
//! (`check/`) and marking (`mark/`) ask. The paragraphs' plain text and where an entry's text
//! is found in it verbatim ([`passages`]); the sentences of a paragraph ([`sentences`]); and
//! where a place of the plain text is written in `article.md`, for errors ([`positions`]).

pub(crate) mod passages;
pub(crate) mod positions;
pub(crate) mod sentences;
