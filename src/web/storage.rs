//! Settings and feedback kept in `localStorage`, under the viewer's prefix. Every failure
//! (disabled, full, corrupted) is reported, never thrown.

use super::window;

const STORAGE_PREFIX: &str = "marginalia.";

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The key in `localStorage` of what this module keeps under `key` (for a script that keeps it
/// itself: the feedback form's module).
pub fn full_key(key: &str) -> String {
    format!("{STORAGE_PREFIX}{key}")
}

/// Storage is disabled, blocked or broken in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageUnavailable;

/// The stored value, `Ok(None)` when absent.
pub fn load_setting(key: &str) -> Result<Option<String>, StorageUnavailable> {
    let s = storage().ok_or(StorageUnavailable)?;
    s.get_item(&format!("{STORAGE_PREFIX}{key}"))
        .map_err(|_| StorageUnavailable)
}

/// Stores a setting; false when storage is disabled or full.
pub fn save_setting(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(&format!("{STORAGE_PREFIX}{key}"), value).is_ok())
}

/// Removes a stored setting; false when storage cannot be used.
pub fn remove_setting(key: &str) -> bool {
    storage().is_some_and(|s| s.remove_item(&format!("{STORAGE_PREFIX}{key}")).is_ok())
}
