//! The printed dossier after the article: the actors, the timeline and the quotes as tables,
//! and the relations as their picture and a table with the sentence behind each. Its picture is
//! the page's one drawing: the Relations panel of the page as built shows it by reference.
//! Hidden on screen (the panels do this job there); `print.css` shows it on paper.

use super::context::use_viewer;
use super::relations_picture::named_picture;
use crate::dom;
use crate::i18n::viewer::Msg;
use yew::prelude::*;

#[function_component(PrintDossier)]
pub fn print_dossier() -> Html {
    crate::render_count::rendered("PrintDossier");
    let app = use_viewer();
    let (article, lang) = (&app.article, app.config.lang);
    html! {
        <section class={dom::DOSSIER_CLASS}>
            <h2>{ lang.t(Msg::TabActors) }</h2>
            <table>
                <thead><tr>
                    <th>{ lang.t(Msg::DossierName) }</th><th>{ lang.t(Msg::DossierKind) }</th><th>{ lang.t(Msg::DossierRole) }</th><th>{ lang.t(Msg::DossierMentions) }</th>
                </tr></thead>
                <tbody>
                    { for article.actors.iter().map(|a| html! {
                        <tr key={a.id.clone()}>
                            <td>{ &a.name }</td>
                            <td>{ a.kind.label(lang) }</td>
                            <td>{ &a.role }</td>
                            <td>{ a.mention_count }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h2>{ lang.t(Msg::TabTimeline) }</h2>
            <table>
                <thead><tr>
                    <th>{ lang.t(Msg::DossierDate) }</th><th>{ lang.t(Msg::DossierEvent) }</th><th>{ lang.t(Msg::DossierDateSource) }</th>
                </tr></thead>
                <tbody>
                    { for article.events.iter().map(|e| html! {
                        <tr key={e.id.clone()}>
                            <td>{ crate::dates::written(lang, &e.date) }</td>
                            <td>{ &e.title }</td>
                            <td>
                                { e.date_explanation(lang) }
                                { super::event_entry::record_source(lang, &e.provenance) }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h2>{ lang.t(Msg::TabQuotes) }</h2>
            <table>
                <thead><tr>
                    <th>{ lang.t(Msg::DossierQuote) }</th><th>{ lang.t(Msg::DossierSpeaker) }</th><th>{ lang.t(Msg::DossierDate) }</th>
                </tr></thead>
                <tbody>
                    { for article.quotes.iter().map(|q| html! {
                        <tr key={q.id.clone()}>
                            <td>{ lang.f(Msg::Quoted, &[("text", &q.text)]) }</td>
                            <td>{ article.speakers_names(q, lang) }</td>
                            <td>{ q.event.as_deref().and_then(|e| article.event(e))
                                .map(|e| crate::dates::written(lang, &e.date))
                                .unwrap_or_else(|| lang.t(Msg::DossierNotGiven).to_string()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h2>{ lang.t(Msg::TabRelations) }</h2>
            <figure class="graph__figure graph__figure--print">
                { named_picture(&app.picture, crate::dom::PICTURE_ID, lang) }
                <figcaption>
                    { lang.t(Msg::DossierPictureCaption) }
                </figcaption>
            </figure>
            <table>
                <thead><tr>
                    <th>{ lang.t(Msg::DossierRelation) }</th><th>{ lang.t(Msg::DossierInArticle) }</th>
                </tr></thead>
                <tbody>
                    { for article.relations().map(|(id, a, r)| html! {
                        <tr key={id}>
                            <td>{ article.relation_phrase(a, r, lang) }</td>
                            <td>{ &r.evidence }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
