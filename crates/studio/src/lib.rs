//! marginalia's studio: a static page (`dist/studio/`) where a writer pastes an article, drafts
//! it, reviews the draft's suggestions in the viewer itself and takes the checked folder away
//! as a `.zip`. A second wasm, which readers never download; no text leaves the device.
//!
//! Data flow:
//!
//! 1. The writer pastes the text (or opens a `.md`/`.txt` file) and fills the meta form
//!    ([`meta`]); [`state`]'s reducer holds it as [`state::Work`].
//! 2. *Draft* runs the drafter (`marginalia_draft::write::draft`, text in, files' text out)
//!    into a [`folder::Folder`]: the six files of an article folder, as text.
//!    Or the writer opens an existing folder: its files, taken as they are
//!    ([`folder::Folder::open`], no drafting), so that the download gives them back byte for
//!    byte until something is changed.
//! 3. Every change of the folder (a confirm, a reject, a meta field, a file edited by hand)
//!    runs, in the reducer: [`edits::suggestions`] (what is left to review, read from the
//!    files' lines) and the content pipeline
//!    (`marginalia_content::build_article_with(…, Drafts::Preview)`): the article, or the
//!    checker's report in the command line's words (`marginalia_content::report`).
//! 4. The components ([`components`]) show the list and the report, and the article in the
//!    viewer's own `App` (mounted, so it leaves the page's keyboard and address alone), with
//!    the suggestions dashed and badged as the viewer shows `Article::suggested`. Confirm and
//!    reject are the edits of [`edits`]; the keyboard is `components::studio`'s. Words the
//!    draft missed, selected in the preview (`m`), become an actor's mark, a quote or an
//!    event through [`marking`] (the selection read from the page by [`web`]), re-checked as
//!    every change is.
//! 5. Effects carry the work out through [`web`]: kept in IndexedDB (or `localStorage`) per
//!    article after every change, and downloaded as a stored `.zip` ([`zip`]) of the folder,
//!    or written into a folder the writer picks where the browser can (File System Access).

pub mod components;
pub mod edits;
pub mod folder;
pub mod marking;
pub mod meta;
pub mod page;
pub mod placed;
pub mod state;
pub mod web;
pub mod zip;
