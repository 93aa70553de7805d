//! The catalog: one model, its YAML loader and its validator.
//!
//! The macros, the CLI and the renderers all read catalogs through this module,
//! so a rule is written once and a mistake reads the same everywhere:
//! `errors.yaml:8:13: error: TOKEN_EXPIRED: error_description may not contain '"' (RFC 6750 §3)`.
//!
//! A catalog can `include:` other catalog files (`std` for the standard catalog, or paths
//! relative to the including file), declare a `prefix:` its own codes carry, and list
//! `retired:` codes that may never be defined again; see [`load_with`]. [`diff()`]
//! classifies the changes between two versions of a catalog, breaking or not.
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

mod compose;
mod diagnostic;
mod diff;
mod load;
mod model;
mod valid;
mod yaml;

use std::path::Path;

pub use compose::{STANDARD_CATALOG, STD, include_path};
pub use diagnostic::{CatalogRule, Diagnostic, Diagnostics, Location};
pub use diff::{Change, ChangeKind, Diff, Site, diff};
pub use load::{SUPPORTED_VERSIONS, nearest};
pub use model::{Catalog, ChallengeDef, Defaults, Entry, Param, Retired, Spanned, variant_name};
pub use valid::is_screaming_snake;

use diagnostic::Sink;

/// Loads and validates a catalog from YAML text; `file` names it in diagnostics.
///
/// Returns every mistake at once, in file order. The text may include `std`; a catalog
/// that includes files by path needs [`load_file`] or [`load_with`], which can read them.
pub fn load(text: &str, file: &str) -> Result<Catalog, Diagnostics> {
    load_with(text, file, &mut no_files)
}

/// Loads a catalog and returns whatever loaded together with every mistake found.
///
/// The macros use it to emit the entries that are sound even when others are not, so
/// one mistake in the file gives one error at the use site, not one per variant.
/// The model is `None` only when the text is not a catalog at all.
pub fn load_partial(text: &str, file: &str) -> (Option<Catalog>, Vec<Diagnostic>) {
    load_partial_with(text, file, &mut no_files)
}

/// Loads and validates a catalog named `file`, composing the files it includes, which
/// `read` returns by name.
///
/// An included file's name is its `include:` path taken relative to the name of the file
/// that includes it (`api/errors.yaml` including `../shared/base.yaml` reads
/// `shared/base.yaml`), so `read` resolves names as it resolves `file`: from the working
/// directory, a crate's folder, or a git revision. `std` is built in and never read.
/// `Err` from `read` says why a file cannot be read; it becomes an `include` diagnostic
/// at the `include:` that names the file.
///
/// ```
/// use auth_errors_core::catalog;
///
/// let team = "version: 1\ninclude: [std, shared.yaml]\nprefix: ORDERS_\nerrors:\n  ORDERS_NOT_FOUND:\n    status: 404\n    message: No such order\n";
/// let shared = "version: 1\nerrors:\n  RATE_LIMITED:\n    status: 429\n    message: Slow down\n";
/// let catalog = catalog::load_with(team, "api/errors.yaml", &mut |name: &str| match name {
///     "api/shared.yaml" => Ok(shared.to_owned()),
///     other => Err(format!("no file {other}")),
/// })?;
/// let codes: Vec<(&str, &str)> = catalog
///     .entries
///     .iter()
///     .map(|e| (e.code.as_str(), e.origin.as_str()))
///     .collect();
/// assert_eq!(codes.first(), Some(&("TOKEN_MISSING", "std")));
/// assert_eq!(
///     codes[codes.len() - 2..],
///     [("RATE_LIMITED", "api/shared.yaml"), ("ORDERS_NOT_FOUND", "api/errors.yaml")],
/// );
/// # Ok::<(), catalog::Diagnostics>(())
/// ```
pub fn load_with(
    text: &str,
    file: &str,
    read: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<Catalog, Diagnostics> {
    match load_partial_with(text, file, read) {
        (Some(catalog), found) if found.is_empty() => Ok(catalog),
        (_, found) => Err(Diagnostics(found)),
    }
}

/// [`load_partial`] for a catalog that may include files by path: `read` returns an
/// included file's text by name, as in [`load_with`].
///
/// The macros call it with a `read` that resolves names next to the catalog and records
/// each file, so that editing any of them rebuilds the crate.
pub fn load_partial_with(
    text: &str,
    file: &str,
    read: &mut dyn FnMut(&str) -> Result<String, String>,
) -> (Option<Catalog>, Vec<Diagnostic>) {
    compose::compose(text, file, read)
}

/// The reader of a catalog given as text: it has no files to include.
fn no_files(name: &str) -> Result<String, String> {
    Err(format!(
        "the catalog was given as text, so '{name}' cannot be read; load it with catalog::load_file or catalog::load_with"
    ))
}

/// Runs the semantic rules on one entry built outside a file (the derive's inline
/// `#[auth_error(status = …, message = …)]`), exactly as on a catalog entry.
pub fn validate_entry(entry: &Entry, defaults: &Defaults, file: &str) -> Vec<Diagnostic> {
    let mut sink = Sink::new(file);
    valid::entry(entry, defaults, &mut sink);
    sink.found
}

/// Reads and loads a catalog file and the files it includes (paths relative to it). A
/// missing or unreadable file is a diagnostic too.
pub fn load_file(path: impl AsRef<Path>) -> Result<Catalog, Diagnostics> {
    let path = path.as_ref();
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => load_with(&text, &file, &mut |name: &str| {
            std::fs::read_to_string(name).map_err(|e| e.to_string())
        }),
        Err(e) => Err(Diagnostics(vec![Diagnostic {
            file,
            location: None,
            code: None,
            rule: CatalogRule::Io,
            message: format!("cannot read the catalog: {e}"),
        }])),
    }
}
