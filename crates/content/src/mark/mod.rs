//! Step 4 of the pipeline, mark: the sentences and quotes the checks found, marked in the
//! block/inline tree ([`marks`]; [`wrap`] cuts the text nodes).

pub(crate) mod marks;
mod wrap;
