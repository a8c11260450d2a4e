//! The printed dossier after the article: the actors, the timeline and the quotes as tables,
//! and the relations as their picture and a table with the sentence behind each.
//! Hidden on screen (the panels do this job there); `print.css` shows it on paper.

use super::context::use_viewer;
use super::relations_picture::picture;
use crate::dom;
use crate::model::related::Related;
use yew::prelude::*;

#[function_component(PrintDossier)]
pub fn print_dossier() -> Html {
    crate::render_count::rendered("PrintDossier");
    let app = use_viewer();
    let article = &app.article;
    html! {
        <section class={dom::DOSSIER_CLASS}>
            <h2>{ "Actors" }</h2>
            <table>
                <thead><tr>
                    <th>{ "Name" }</th><th>{ "Kind" }</th><th>{ "Role" }</th><th>{ "Mentions" }</th>
                </tr></thead>
                <tbody>
                    { for article.actors.iter().map(|a| html! {
                        <tr key={a.id.clone()}>
                            <td>{ &a.name }</td>
                            <td>{ a.kind.as_str() }</td>
                            <td>{ &a.role }</td>
                            <td>{ a.mention_count }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h2>{ "Timeline" }</h2>
            <table>
                <thead><tr>
                    <th>{ "Date" }</th><th>{ "Event" }</th><th>{ "Where the date comes from" }</th>
                </tr></thead>
                <tbody>
                    { for article.events.iter().map(|e| html! {
                        <tr key={e.id.clone()}>
                            <td>{ e.date.long() }</td>
                            <td>{ &e.title }</td>
                            <td>
                                { e.date_explanation() }
                                { super::event_entry::record_source(&e.provenance) }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h2>{ "Quotes" }</h2>
            <table>
                <thead><tr>
                    <th>{ "Quote" }</th><th>{ "Speaker" }</th><th>{ "Date" }</th>
                </tr></thead>
                <tbody>
                    { for article.quotes.iter().map(|q| html! {
                        <tr key={q.id.clone()}>
                            <td>{ format!("“{}”", q.text) }</td>
                            <td>{ article.speakers_names(q) }</td>
                            <td>{ q.event.as_deref().and_then(|e| article.event(e))
                                .map(|e| e.date.long())
                                .unwrap_or_else(|| "not given".into()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h2>{ "Relations" }</h2>
            <figure class="graph__figure graph__figure--print">
                { picture(&app.picture, None, &Related::default(), None) }
                <figcaption>
                    { "Who is linked to whom in the article; the table names each relation \
                       and the sentence behind it." }
                </figcaption>
            </figure>
            <table>
                <thead><tr>
                    <th>{ "Relation" }</th><th>{ "In the article" }</th>
                </tr></thead>
                <tbody>
                    { for article.relations().map(|(id, a, r)| html! {
                        <tr key={id}>
                            <td>{ article.relation_phrase(a, r) }</td>
                            <td>{ &r.evidence }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
