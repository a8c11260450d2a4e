//! The error view: what a reader sees instead of a dead viewer (a panic), or above the
//! article when its data cannot be loaded. Built with DOM calls and text only: a message is
//! never parsed as HTML.

use super::{document, window};
use crate::i18n::{viewer::Msg, Lang};
use web_sys::Element;

thread_local! {
    /// The element each panic view replaces the contents of (where the viewer was started),
    /// and the language it speaks.
    static PANIC_ROOTS: std::cell::RefCell<Vec<(Element, Lang)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// On a panic, the viewer inside `root` is replaced with a message in `lang` and a way to
/// reload, instead of leaving a dead page (see [`install_panic_hook`]).
pub fn install_panic_view(root: &Element, lang: Lang) {
    PANIC_ROOTS.with(|roots| roots.borrow_mut().push((root.clone(), lang)));
}

/// Once, when the wasm loads (`main`): a panic shows the error view in every viewer's root.
/// The rest of a host page is left alone.
#[cfg(not(panic = "immediate-abort"))]
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        PANIC_ROOTS.with(|roots| {
            for (root, lang) in roots.borrow().iter() {
                show_crash(root, *lang, &message);
            }
        });
    }));
}

/// The release viewer is built with `-Cpanic=immediate-abort` (see the Makefile): a panic
/// traps at once (`RuntimeError: unreachable`) and no hook ever runs, so none is kept. The
/// start script shows the error view on a trap (`assets/trap.js`, in `init.js` and the single
/// file's script).
/// An empty hook still stands in Yew's default one (`console_error_panic_hook`, dead code here).
#[cfg(panic = "immediate-abort")]
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|_| {}));
}

/// What the error view leaves in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// The page's prerendered article stays readable below the message.
    Contents,
    /// The message replaces everything in the root (a crash, or a mount with nothing yet).
    Nothing,
}

/// Replaces what is inside `root` with the error view (also called by the panic hook).
pub fn show_crash(root: &Element, lang: Lang, message: &str) {
    let said = lang.f(Msg::ErrorWas, &[("message", message)]);
    show_error(root, lang, &said, Keep::Nothing);
}

/// The error view: a heading, the message as text (never parsed as HTML) and a reload link,
/// above what `keep` leaves of the root's contents.
pub fn show_error(root: &Element, lang: Lang, message: &str, keep: Keep) {
    let Some(doc) = document() else { return };
    let make = |tag: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(panel) = doc.create_element("div").ok() else {
        return;
    };
    panel.set_class_name(crate::dom::CRASH_CLASS);
    let _ = panel.set_attribute("role", "alert");
    for el in [make("h2", lang.t(Msg::ErrorTitle)), make("p", message)]
        .into_iter()
        .flatten()
    {
        let _ = panel.append_child(&el);
    }
    if let Some(link) = make("a", lang.t(Msg::ErrorReload)) {
        let href = window().and_then(|w| w.location().href().ok());
        let _ = link.set_attribute("href", href.as_deref().unwrap_or(""));
        let _ = panel.append_child(&link);
    }
    if keep == Keep::Nothing {
        root.set_text_content(None);
    } else {
        // The viewer stops here: a long article's text is all put in the page.
        super::sections::show_all(root);
    }
    let _ = root.prepend_with_node_1(&panel);
}
