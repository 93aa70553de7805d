//! Snapshot files under `tests/snapshots/`, named by their path in that folder
//! (`"docs/standard.md"`). Run a suite with `UPDATE_SNAPSHOTS=1` to rewrite the snapshots
//! it checks after an intended change, then review the diff.

use std::path::PathBuf;

/// The path of snapshot `name`.
pub fn path(name: &str) -> PathBuf {
    crate::tests_path("snapshots").join(name)
}

/// The text of snapshot `name`; panics, naming the file, when it cannot be read.
pub fn read(name: &str) -> String {
    let path = path(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_SNAPSHOTS=1)", path.display()))
}

/// Asserts that `actual` is snapshot `name`; with `UPDATE_SNAPSHOTS` set, writes `actual`
/// as the snapshot instead.
pub fn check(name: &str, actual: &str) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        let path = path(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let expected = read(name);
    assert!(
        expected == actual,
        "{name} differs from its snapshot; run with UPDATE_SNAPSHOTS=1 and review the diff\n--- actual ---\n{actual}"
    );
}
