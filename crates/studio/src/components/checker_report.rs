//! The checker's report on the folder as it is now, in the command line's words
//! (`marginalia_content::report`: file:line:column, the error, its hint), or nothing when the
//! article builds.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckerReportProps {
    pub report: Option<String>,
}

#[function_component(CheckerReport)]
pub fn checker_report(props: &CheckerReportProps) -> Html {
    html! {
        <section class="studio__report" aria-live="polite">
            if let Some(report) = &props.report {
                <h2>{ "The checker says" }</h2>
                <pre class="studio__errors">{ report }</pre>
            }
        </section>
    }
}
