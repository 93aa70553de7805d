//! What the subcommands that render a catalog share: load it, or print every mistake.

use std::path::Path;

use auth_errors::catalog::{Catalog, Loader};

/// The catalog of `file` (includes read from disk), or `None` after printing every
/// diagnostic to stderr, as `check` does.
pub fn load(file: &Path) -> Option<Catalog> {
    match Loader::new().read_files().load_file(file) {
        Ok(cat) => Some(cat),
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{d}");
            }
            None
        }
    }
}

/// Writes `text` to `out`, or to stdout without one.
pub fn write(out: Option<&Path>, text: &str) -> std::process::ExitCode {
    match out {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                std::process::ExitCode::FAILURE
            }
        },
        None => {
            print!("{text}");
            std::process::ExitCode::SUCCESS
        }
    }
}
