//! The islands of a page's prerendered viewer, and the order in which they come to life.
//!
//! A page's viewer works in place: the prerendered page stays as it is (text, header and
//! dossier never touched), and each of its islands (`div.island[data-island]`: the toolbar, the
//! panels, the feedback form and the small parts, laid out by the stylesheet as if the wrapper
//! were not there) gets its live part in place of the prerendered one.
//!
//! Data flow:
//!
//! 1. the page's start (`crate::start`) finds the islands in the page ([`Islands::find`]) and
//!    starts the viewer with them (`crate::config::Start::PageInPlace`);
//! 2. [`use_live_islands`] (called by `App`) steps through the [`schedule`]: the first task
//!    starts the viewer itself (its state and the text's listeners) with no island live, the
//!    second its effects (the address, the keys, the settings...), the next brings the small
//!    islands, then one more in each task after it ([`Live`]),
//!    so that no start-up task is long (a cold start compiles each wasm function at its first
//!    call, on the main thread: the first render alone calls about 270); just before an
//!    island's live part renders, its prerendered part is taken out
//!    ([`Islands::take_prerendered`]; in the same task, so nothing is painted in between), and
//!    focus in a part that goes live moves to the live part's element of the same id;
//! 3. `App` renders each island's live part through a portal once [`Island::is_live`], and
//!    marks the viewer ready when everything is ([`Live::All`]).
//!
//! A viewer that renders itself (a mount, the server, the tests) has no islands: everything is
//! live from the first render.

use crate::dom;
use crate::web;
use yew::prelude::*;

/// The parts of the viewer that live in an island of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Island {
    SkipLink,
    Toolbar,
    Notice,
    Feedback,
    Card,
    Panels,
    Help,
    Announcer,
}

impl Island {
    pub const ALL: [Island; 8] = [
        Island::SkipLink,
        Island::Toolbar,
        Island::Notice,
        Island::Feedback,
        Island::Card,
        Island::Panels,
        Island::Help,
        Island::Announcer,
    ];

    /// Its `data-island` name.
    pub fn name(self) -> &'static str {
        match self {
            Island::SkipLink => "skip-link",
            Island::Toolbar => "toolbar",
            Island::Notice => "notice",
            Island::Feedback => "feedback",
            Island::Card => "card",
            Island::Panels => "panels",
            Island::Help => "help",
            Island::Announcer => "announcer",
        }
    }

    /// The task in which it goes live on a page: the small parts in the task after the first
    /// render, then the panels, the toolbar and the feedback form, one a task.
    pub fn live_in(self) -> Live {
        match self {
            Island::Panels => Live::Panels,
            Island::Toolbar => Live::Toolbar,
            Island::Feedback => Live::All,
            Island::SkipLink | Island::Notice | Island::Card | Island::Help | Island::Announcer => {
                Live::Small
            }
        }
    }

    /// Whether its live part shows when `now` is live.
    pub fn is_live(self, now: Live) -> bool {
        now >= self.live_in()
    }
}

/// Which islands are live: on a page, none in the first two tasks (the prerendered parts stand
/// in; the second starts the viewer's effects), the small ones from the third, then one more in
/// each task after it; everything, in a viewer that renders itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Live {
    Start,
    /// The viewer's effects (`components::viewer_effects`), no island yet.
    Effects,
    Small,
    Panels,
    Toolbar,
    All,
}

impl Live {
    /// The parts live in the task after this one's.
    pub fn next(self) -> Live {
        match self {
            Live::Start => Live::Effects,
            Live::Effects => Live::Small,
            Live::Small => Live::Panels,
            Live::Panels => Live::Toolbar,
            Live::Toolbar | Live::All => Live::All,
        }
    }

    /// The islands that go live in this task.
    pub fn islands(self) -> impl Iterator<Item = Island> {
        Island::ALL.into_iter().filter(move |i| i.live_in() == self)
    }
}

/// The tasks of a page viewer's start, in order: in each, what is live and which islands have
/// just gone live.
pub fn schedule() -> Vec<(Live, Vec<Island>)> {
    let mut tasks = vec![(Live::Start, Live::Start.islands().collect())];
    while let Some(&(now, _)) = tasks.last().filter(|(now, _)| *now != Live::All) {
        let next = now.next();
        tasks.push((next, next.islands().collect()));
    }
    tasks
}

/// A page's prerendered viewer, which the viewer brings to life where it is: its root (`.app`)
/// and each island's element.
#[derive(Clone, Debug, PartialEq)]
pub struct Islands {
    pub root: web_sys::Element,
    pub elements: Vec<(Island, web_sys::Element)>,
}

impl Islands {
    /// The islands of the page's prerendered viewer inside `root` (`#marginalia`), if it has
    /// them all (every page this build writes has).
    pub fn find(root: &web_sys::Element) -> Option<Islands> {
        let app = root
            .query_selector(&format!(":scope > .{}", dom::APP_CLASS))
            .ok()??;
        let elements = Island::ALL
            .iter()
            .map(|island| {
                let element = app.query_selector(&dom::island(island.name())).ok()??;
                Some((*island, element))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Islands {
            root: app,
            elements,
        })
    }

    /// Empties the islands that go live in `live` of their prerendered parts, just before their
    /// live parts render into them (in the same task: nothing is painted in between). But the
    /// feedback form's: it stands until the form's module replaces it, once the reader comes
    /// near it (`crate::components::feedback_later`).
    pub fn take_prerendered(&self, live: Live) {
        for (island, element) in &self.elements {
            if island.live_in() == live && *island != Island::Feedback {
                element.set_text_content(None);
            }
        }
    }
}

/// What is live now: with `islands`, the page's schedule, one step a task (taking each
/// island's prerendered part out as its live part comes, and keeping focus where the reader
/// had it); without, everything from the start.
#[hook]
pub fn use_live_islands(islands: Option<Islands>) -> Live {
    let live = use_state(|| match islands {
        Some(_) => Live::Start,
        None => Live::All,
    });
    let focused = use_mut_ref(|| None::<String>);
    {
        let live = live.clone();
        use_effect_with(*live, move |&now| {
            if let Some(id) = focused.borrow_mut().take() {
                web::dom::refocus(&id);
            }
            if let Some(islands) = islands.filter(|_| now != Live::All) {
                wasm_bindgen_futures::spawn_local(async move {
                    web::next_task().await;
                    *focused.borrow_mut() = web::dom::focused_id();
                    islands.take_prerendered(now.next());
                    live.set(now.next());
                });
            }
        });
    }
    *live
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_small_islands_go_live_first_then_one_a_task() {
        let tasks = schedule();
        let order: Vec<(Live, Vec<&str>)> = tasks
            .iter()
            .map(|(live, islands)| (*live, islands.iter().map(|i| i.name()).collect()))
            .collect();
        assert_eq!(
            order,
            [
                (Live::Start, vec![]),
                (Live::Effects, vec![]),
                (
                    Live::Small,
                    vec!["skip-link", "notice", "card", "help", "announcer"]
                ),
                (Live::Panels, vec!["panels"]),
                (Live::Toolbar, vec!["toolbar"]),
                (Live::All, vec!["feedback"]),
            ]
        );
    }

    #[test]
    fn every_island_goes_live_once_and_stays_live() {
        let tasks = schedule();
        for island in Island::ALL {
            let went_live: Vec<Live> = tasks
                .iter()
                .filter(|(_, islands)| islands.contains(&island))
                .map(|(live, _)| *live)
                .collect();
            assert_eq!(went_live, [island.live_in()], "{island:?}");
            for (now, _) in &tasks {
                assert_eq!(island.is_live(*now), *now >= island.live_in(), "{island:?}");
            }
            assert!(island.is_live(Live::All), "everything is live at the end");
        }
        // The steps only go forward, and end where they stay.
        assert!(tasks.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(Live::All.next(), Live::All);
        // The first two tasks bring none (the viewer, then its effects), each after the small
        // ones' brings one island: no start-up task is long.
        assert!(tasks[0].1.is_empty() && tasks[1].1.is_empty());
        assert!(tasks[3..].iter().all(|(_, islands)| islands.len() == 1));
    }

    #[test]
    fn each_island_has_its_own_name() {
        let mut names: Vec<&str> = Island::ALL.iter().map(|i| i.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Island::ALL.len());
    }
}
