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
    let mut tried = vec![base.join(&written)];
    // Not under the manifest: next to the source file, as `include_str!` resolves.
    if let Some(dir) = path
        .span()
        .unwrap()
        .local_file()
        .and_then(|f| f.parent().map(PathBuf::from))
    {
        tried.push(dir.join(&written));
    }
    let Some((full, text)) = tried
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok().map(|t| (p.clone(), t)))
    else {
        let reason = std::fs::read_to_string(&tried[0])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let places: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
        errors.push(syn::Error::new(
            path.span(),
            format!(
                "cannot read the catalog `{written}`: {reason} (looked for {}); the path is relative to the crate's Cargo.toml",
                places.join(" and ")
            ),
        ));
        return Loaded {
            catalog: None,
            path: None,
        };
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
