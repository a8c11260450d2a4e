//! Debug builds only (tests): how many times each component's body ran, so a browser test can
//! assert which components re-render on a given change. Release builds compile it to nothing.

#[cfg(debug_assertions)]
thread_local! {
    static COUNTS: std::cell::RefCell<Vec<(&'static str, u32)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Called first thing in each component's body.
#[inline(always)]
pub fn rendered(_component: &'static str) {
    #[cfg(debug_assertions)]
    COUNTS.with(|c| {
        let mut c = c.borrow_mut();
        match c.iter_mut().find(|(n, _)| *n == _component) {
            Some((_, k)) => *k += 1,
            None => c.push((_component, 1)),
        }
    });
}

/// The renders counted since the last call, by component, sorted by name; then starts over.
pub fn take() -> Vec<(&'static str, u32)> {
    #[cfg(debug_assertions)]
    {
        let mut counts = COUNTS.with(|c| std::mem::take(&mut *c.borrow_mut()));
        counts.sort();
        counts
    }
    #[cfg(not(debug_assertions))]
    Vec::new()
}
