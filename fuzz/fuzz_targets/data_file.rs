//! The viewer's reading of an article data file, on arbitrary bytes: what a host runs on
//! whatever a site it mounts from serves. `data::read` (decode, restore the passages from the
//! page's text, check by the build's rules) must return data or an error, never panic; and data
//! that passes the check must go through everything the viewer computes from it without a panic
//! (dates in words, the timeline's axis, what each selection relates to, the relations'
//! phrases, the provenance explanations).
//!
//! The page's text is made up to fit: every paragraph the data places passages in exists, long
//! enough, of two-byte and one-byte characters, so that passages off a character boundary are
//! tried too. Seeds: the data files of the built site (`scripts/fuzz.sh` copies them).

#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia_model::data::{decode, read, Passage};
use marginalia_model::{related::related, timeline::layout_axis};

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else {
        return;
    };
    let places = decoded.passages.iter().filter_map(|p| match p {
        Passage::At(place) => Some(*place),
        Passage::Text(_) => None,
    });
    let leaves = places.clone().map(|p| p.leaf).max().map_or(0, |m| m.min(256) + 1);
    let longest = places.map(|p| p.end).max().unwrap_or(0).min(1 << 16) as usize;
    let texts: Vec<String> = (0..leaves).map(|_| "aé".repeat(longest / 3 + 1)).collect();
    let Ok(data) = read(bytes, &texts) else {
        return;
    };
    let article = &data.article;
    for event in &article.events {
        for lang in marginalia_model::i18n::LANGS {
            let _ = (event.date.written(lang), event.date_explanation(lang));
        }
        let _ = (event.date.long(), event.date.sort_key());
    }
    let _ = (article.meta.page_date.long(), article.meta.source.date.long());
    let _ = layout_axis(&article.events);
    for selection in article.selections() {
        let _ = related(article, &selection);
    }
    for (_, actor, relation) in article.relations() {
        for lang in marginalia_model::i18n::LANGS {
            let _ = article.relation_phrase(actor, relation, lang);
        }
    }
});
