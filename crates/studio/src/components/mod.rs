//! The studio's components, one a file. [`studio::Studio`] is the root: it owns the reducer
//! (`crate::state`) and its effects (storage, timing, keyboard) and hands each component its
//! part of the state and `act`, the one callback through which they change it.

pub mod checker_report;
pub mod file_editor;
pub mod help_dialog;
pub mod mark_form;
pub mod meta_form;
pub mod preview;
pub mod start_form;
pub mod studio;
pub mod studio_bar;
pub mod suggestion_form;
pub mod suggestion_item;
pub mod suggestion_list;
