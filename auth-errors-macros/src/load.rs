//! Reading the catalog a macro names, through core's one loader and validator.

use std::path::PathBuf;

use auth_errors_core::catalog::{self, Catalog};
use syn::LitStr;

use crate::errors::Errors;

pub struct Loaded {
    /// What loaded: the sound entries even when others have mistakes.
    pub catalog: Option<Catalog>,
    /// The absolute path, for the `include_str!` that makes edits rebuild the crate.
    pub path: Option<String>,
}

/// Loads `path` relative to the calling crate's `CARGO_MANIFEST_DIR`. Every mistake in the
/// file becomes an error spanned on the path literal, carrying `file:line:col`.
pub fn catalog(path: &LitStr, errors: &mut Errors) -> Loaded {
    let written = path.value();
    let base = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let full = base.join(&written);
    let text = match std::fs::read_to_string(&full) {
        Ok(text) => text,
        Err(e) => {
            errors.push(syn::Error::new(
                path.span(),
                format!(
                    "cannot read the catalog `{written}` ({}): {e}; the path is relative to the crate's Cargo.toml",
                    full.display()
                ),
            ));
            return Loaded {
                catalog: None,
                path: None,
            };
        }
    };
    let (catalog, diagnostics) = catalog::load_partial(&text, &written);
    for d in diagnostics {
        errors.push(syn::Error::new(path.span(), d.to_string()));
    }
    Loaded {
        catalog,
        path: Some(full.display().to_string()),
    }
}

/// Interns text for an `ErrorSpec` by leaking it: the macro runs once per expansion in
/// a compiler process, and the strings become literals in the output.
pub fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}
