//! The drafter on arbitrary text: `marginalia_draft::write::draft` must return a draft (the
//! meta is fixed and has a report date), never panic, and keep the text: taking the marks out
//! of what it wrote gives the text as it was without its marks.

#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia_draft::strip_marks;
use marginalia_draft::write::{draft, Inputs};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = draft(&Inputs {
        article: &text,
        meta: "[source]\ndate = \"2024-06-20\"\n",
        ..Inputs::default()
    })
    .expect("a meta with a report date always drafts");
    assert_eq!(strip_marks(&out.article), strip_marks(&text));
});
