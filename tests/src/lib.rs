//! Helpers shared by the integration suites and the benches: where the fixtures and
//! vectors live, the snapshots, the bench contenders, the standard catalog's codes.

use std::path::{Path, PathBuf};

#[cfg(feature = "contenders")]
pub mod contenders;
#[cfg(feature = "servers")]
pub mod serve;
pub mod snapshot;

/// The codes of the standard catalog (`auth-errors-core/std/auth-errors.yaml`) in catalog order,
/// written out by hand so that a suite comparing with them checks the catalog.
pub const STANDARD_CODES: [&str; 12] = [
    "TOKEN_MISSING",
    "TOKEN_EXPIRED",
    "TOKEN_INVALID",
    "TOKEN_REVOKED",
    "INSUFFICIENT_SCOPE",
    "INVALID_REQUEST",
    "INSUFFICIENT_USER_AUTHENTICATION",
    "DPOP_PROOF_INVALID",
    "DPOP_NONCE_REQUIRED",
    "BEARER_OR_DPOP_REQUIRED",
    "AUTH_UNAVAILABLE",
    "AUTH_SERVER_ERROR",
];

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

/// A path under `tests/`.
pub fn tests_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The `.yaml` files in a fixture folder, sorted by name.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
