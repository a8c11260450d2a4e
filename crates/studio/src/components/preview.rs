//! The article as readers will see it: the viewer's own `App`, mounted (it leaves the page's
//! keyboard and address to the studio), remade for each build (keyed by the build's number,
//! so no selection outlives the entries it named). The current suggestion's place in the text
//! is scrolled to and outlined.

use crate::edits::Suggestion;
use marginalia::components::app::App;
use marginalia::config::{Prerendered, Start};
use marginalia::route::PageOptions;
use marginalia_model::Article;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub article: Rc<Article>,
    pub builds: u32,
    pub focus: Option<Suggestion>,
}

/// Where a suggestion shows in the viewer's text, if it has a place there.
fn selector(s: &Suggestion) -> Option<String> {
    match s.kind {
        "actor" => Some(format!("a.mention[data-actor=\"{}\"]", s.id)),
        "quote" => Some(format!("q[data-quote=\"{}\"]", s.id)),
        "event" => Some(format!("[data-events~=\"{}\"]", s.id)),
        _ => None,
    }
}

const FOCUS_CLASS: &str = "studio-focus";

#[function_component(Preview)]
pub fn preview(props: &PreviewProps) -> Html {
    let node = use_node_ref();
    let picture = use_memo(props.article.clone(), |a| {
        Rc::new(marginalia_model::graph::layout(a))
    });
    {
        let node = node.clone();
        let key = (props.focus.as_ref().and_then(selector), props.builds);
        use_effect_with(key, move |(selector, _)| {
            let Some(root) = node.cast::<web_sys::Element>() else {
                return;
            };
            if let Ok(old) = root.query_selector_all(&format!(".{FOCUS_CLASS}")) {
                for i in 0..old.length() {
                    if let Some(el) = old
                        .item(i)
                        .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                    {
                        let _ = el.class_list().remove_1(FOCUS_CLASS);
                    }
                }
            }
            let found = selector
                .as_deref()
                .and_then(|s| root.query_selector(s).ok().flatten());
            if let Some(el) = found {
                let _ = el.class_list().add_1(FOCUS_CLASS);
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let start = Start::Mounted {
        prerendered: Prerendered::default(),
        options: PageOptions::default(),
        storage_key: "marginalia.studio.preview".into(),
        // The studio speaks English; its preview too (for now).
        lang: marginalia::i18n::Lang::En,
    };
    html! {
        <div ref={node} class="studio__viewer">
            <App key={props.builds} article={props.article.clone()} picture={(*picture).clone()} {start} />
        </div>
    }
}
