//! One criterion's 1–5 star rating: a radio group (native radios, so arrow keys, Tab and
//! screen readers work as for any radio group), drawn as stars. Its callbacks name the
//! criterion, so the form can hand every rating the same ones and a rating re-renders only
//! when its own stars change.

use crate::i18n::viewer::Msg;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StarRatingProps {
    pub criterion: AttrValue,
    /// 0 (not rated) to 5.
    pub stars: u8,
    /// The criterion and its new number of stars.
    pub onrate: Callback<(AttrValue, u8)>,
    /// For a reader's own criterion: removes it.
    #[prop_or_default]
    pub onremove: Option<Callback<AttrValue>>,
}

fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

#[function_component(StarRating)]
pub fn star_rating(props: &StarRatingProps) -> Html {
    crate::render_count::rendered("StarRating");
    let name = format!("rate-{}", slug(&props.criterion));
    let lang = super::context::use_viewer().config.lang;
    let summary = match props.stars {
        0 => lang.t(Msg::NotRated).to_string(),
        n => lang.n(Msg::Stars, usize::from(n), &[]),
    };
    html! {
        <fieldset class="rating">
            <legend class="rating__legend">
                { props.criterion.clone() }
                <span class="rating__summary">{ lang.f(Msg::RatingSummary, &[("summary", &summary)]) }</span>
            </legend>
            <div class="rating__stars">
                { for (1..=5u8).map(|n| {
                    let onchange = {
                        let (onrate, criterion) = (props.onrate.clone(), props.criterion.clone());
                        Callback::from(move |_| onrate.emit((criterion.clone(), n)))
                    };
                    html! {
                        <label key={n} class={classes!("rating__star", (n <= props.stars).then_some("rating__star--on"))}>
                            <input
                                class="rating__input"
                                type="radio"
                                name={name.clone()}
                                value={n.to_string()}
                                checked={props.stars == n}
                                aria-label={lang.n(Msg::Stars, usize::from(n), &[])}
                                {onchange}
                            />
                            <span class="rating__glyph" aria-hidden="true">{ "★" }</span>
                        </label>
                    }
                }) }
                if let Some(onremove) = props.onremove.clone() {
                    <button type="button" class="button rating__remove"
                        aria-label={lang.f(Msg::RemoveLabel, &[("name", &props.criterion)])}
                        onclick={
                            let criterion = props.criterion.clone();
                            Callback::from(move |_| onremove.emit(criterion.clone()))
                        }>
                        { lang.t(Msg::Remove) }
                    </button>
                }
            </div>
        </fieldset>
    }
}
