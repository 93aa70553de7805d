//! The catalog: one model, its YAML loader and its validator.
//!
//! The macros, the CLI and the renderers all read catalogs through this module,
//! so a rule is written once and a mistake reads the same everywhere:
//! `errors.yaml:8:13: error: TOKEN_EXPIRED: error_description may not contain '"' (RFC 6750 §3)`.
//!
//! ```
//! use auth_errors_core::catalog;
//!
//! let text = r#"
//! version: 1
//! defaults:
//!   realm: api
//! errors:
//!   TOKEN_EXPIRED:
//!     status: 401
//!     message: Access token expired
//!     challenge:
//!       error: invalid_token
//! "#;
//! let catalog = catalog::load(text, "errors.yaml")?;
//! assert_eq!(catalog.entries[0].variant_name(), "TokenExpired");
//!
//! // Every mistake is reported, with file, line, column, code and rule.
//! let bad = "version: 1\nerrors:\n  TOKEN_EXPIRED:\n    status: 200\n    mesage: x\n";
//! let errors = catalog::load(bad, "errors.yaml").unwrap_err();
//! assert_eq!(
//!     errors.to_string(),
//!     "errors.yaml:3:3: error: TOKEN_EXPIRED: missing required key 'message'\n\
//!      errors.yaml:5:5: error: TOKEN_EXPIRED: unknown key 'mesage' in an entry (did you mean 'message'?)",
//! );
//! # Ok::<(), catalog::Diagnostics>(())
//! ```

mod diagnostic;
mod load;
mod model;
mod valid;
mod yaml;

use std::path::Path;

pub use diagnostic::{CatalogRule, Diagnostic, Diagnostics, Location};
pub use load::SUPPORTED_VERSIONS;
pub use model::{Catalog, ChallengeDef, Defaults, Entry, Param, Spanned, variant_name};
pub use valid::{ERROR_CODE_STATUS, is_screaming_snake};

use diagnostic::Sink;

/// Loads and validates a catalog from YAML text; `file` names it in diagnostics.
///
/// Returns every mistake at once, in file order.
pub fn load(text: &str, file: &str) -> Result<Catalog, Diagnostics> {
    match load_partial(text, file) {
        (Some(catalog), found) if found.is_empty() => Ok(catalog),
        (_, found) => Err(Diagnostics(found)),
    }
}

/// Loads a catalog and returns whatever loaded together with every mistake found.
///
/// The macros use it to emit the entries that are sound even when others are not, so
/// one mistake in the file gives one error at the use site, not one per variant.
/// The model is `None` only when the text is not a catalog at all.
pub fn load_partial(text: &str, file: &str) -> (Option<Catalog>, Vec<Diagnostic>) {
    let mut sink = Sink::new(file);
    let root = match yaml::parse(text, file) {
        Ok(root) => root,
        Err(d) => return (None, vec![d]),
    };
    let catalog = load::catalog(&root, &mut sink);
    if let Some(catalog) = &catalog {
        valid::catalog(catalog, &mut sink);
    }
    // File order reads best; the sort is stable, so mistakes at one place keep the
    // order they were found in.
    sink.found.sort_by_key(|d| d.location);
    (catalog, sink.found)
}

/// Runs the semantic rules on one entry built outside a file (the derive's inline
/// `#[auth_error(status = …, message = …)]`), exactly as on a catalog entry.
pub fn validate_entry(entry: &Entry, defaults: &Defaults, file: &str) -> Vec<Diagnostic> {
    let mut sink = Sink::new(file);
    valid::entry(entry, defaults, &mut sink);
    sink.found
}

/// Reads and loads a catalog file. A missing or unreadable file is a diagnostic too.
pub fn load_file(path: impl AsRef<Path>) -> Result<Catalog, Diagnostics> {
    let path = path.as_ref();
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => load(&text, &file),
        Err(e) => Err(Diagnostics(vec![Diagnostic {
            file,
            location: None,
            code: None,
            rule: CatalogRule::Io,
            message: format!("cannot read the catalog: {e}"),
        }])),
    }
}
