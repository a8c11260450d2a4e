//! A page's viewer works in the page's own root element (`.app`), which it does not render
//! (see `components::app::Islands`): its classes, theme and language are set on it here, as a
//! viewer that renders its root sets them there.

use crate::components::context::Root;
use crate::dom;
use crate::web::dom::set_attribute;
use yew::prelude::*;

/// Keeps the page's root's classes, theme (`data-theme`) and language (`lang`: the page may
/// have been built in another than `?lang=` asks for) as the viewer's state says.
#[hook]
pub fn use_page_root(root: Root, classes: Classes, theme: &'static str, lang: &'static str) {
    use_effect_with((classes, theme), move |(classes, theme)| {
        if let Root::Page(element) = &root {
            set_attribute(element, "class", &classes.to_string());
            set_attribute(element, dom::THEME_ATTRIBUTE, theme);
            set_attribute(element, "lang", lang);
        }
    });
}
