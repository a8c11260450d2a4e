//! The effects of the whole viewer (the components start their own): the address, the
//! settings, the keys, the card's outside click, following the selection, a host's embed
//! bridge, the text's highlights and the ready mark. A component that renders nothing, so that
//! a page's viewer can start them in a task of their own (`crate::islands::Live::Effects`),
//! after the first render: each effect's code is compiled at its first call, and the first
//! task stays short. A viewer that renders itself starts them with its first render.
//!
//! Data flow: `App` hands it the reducer's handle (the state it carries out to the browser) and
//! what relates to the selection; it reads the unchanging `Viewer` context.

use super::context::use_viewer;
use crate::effects::{
    use_click_outside_card, use_embed_bridge, use_follow_selection, use_keyboard, use_ready_mark,
    use_settings, use_text_highlights, use_url_sync,
};
use crate::model::related::Related;
use crate::state::UiState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewerEffectsProps {
    pub ui: UseReducerHandle<UiState>,
    pub related: Rc<Related>,
    /// Every island is live: the viewer is ready.
    pub all_live: bool,
}

#[function_component(ViewerEffects)]
pub fn viewer_effects(props: &ViewerEffectsProps) -> Html {
    crate::render_count::rendered("ViewerEffects");
    let viewer = use_viewer();
    let ui = &props.ui;
    let (article, root, config) = (&viewer.article, &viewer.root, viewer.config);
    let dispatch = || viewer.dispatch.clone();
    let mode = config.mode;
    use_url_sync(
        article.clone(),
        config.view(ui),
        mode,
        config.embed,
        config.lang,
        dispatch(),
    );
    use_settings(ui.settings, mode, dispatch());
    use_keyboard(article.clone(), ui.clone(), root.clone(), mode);
    let pinned = ui.card.as_ref().is_some_and(|c| c.pinned);
    use_click_outside_card(pinned, dispatch());
    let (selection, index) = (ui.selection.clone(), ui.mention_index);
    use_follow_selection(selection.clone(), index, config.embed, root.clone());
    use_embed_bridge(
        article.clone(),
        config.embed,
        config.lang,
        root.clone(),
        dispatch(),
    );
    use_text_highlights(
        selection,
        index,
        props.related.clone(),
        ui.card.clone(),
        root.clone(),
    );
    use_ready_mark(root.clone(), props.all_live);
    Html::default()
}
