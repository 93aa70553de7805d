//! Reading the catalog a macro names, through core's one loader and validator.

use std::path::PathBuf;

use auth_errors_core::catalog::{Catalog, Diagnostic, Loader, Partial};
use proc_macro2::Span;
use syn::LitStr;

use crate::attr::CatalogSource;
use crate::ctxt::Ctxt;

pub struct Loaded {
    /// What loaded: the sound entries even when others have mistakes.
    pub catalog: Option<Catalog<Partial>>,
    /// The absolute path of the catalog and of every file it includes, for the
    /// `include_str!`s that make an edit of any of them (locale files too) rebuild the crate.
    pub files: Vec<String>,
    /// Whether the catalog had mistakes (each recorded): an entry missing from
    /// `catalog` may be one that failed to load.
    pub broken: bool,
}

/// Loads the catalog a macro names: an embedded one (`std`, `http`), or a file and the
/// files it includes. Every mistake becomes an error spanned on the path (or the name), carrying
/// `file:line:col`.
pub fn catalog(cx: &Ctxt, source: &CatalogSource, require_complete: bool) -> Loaded {
    match source {
        CatalogSource::File(path) => file(cx, path, require_complete),
        CatalogSource::Embedded(name) => {
            // Embedded in core: no file to read or to track.
            let (span, name) = (name.span(), name.to_string());
            let text = auth_errors_core::catalog::embedded(&name).unwrap_or_default();
            let (catalog, diagnostics) = Loader::new().load_partial(text, &name);
            finish(cx, span, catalog, diagnostics, Vec::new())
        }
    }
}

/// `path` relative to the calling crate's `CARGO_MANIFEST_DIR`, with the files it
/// includes (relative to it).
fn file(cx: &Ctxt, path: &LitStr, require_complete: bool) -> Loaded {
    let written = path.value();
    let base = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let mut bases = vec![base];
    // Not under the manifest: next to the source file, as `include_str!` resolves.
    if let Some(dir) = path
        .span()
        .unwrap()
        .local_file()
        .and_then(|f| f.parent().map(PathBuf::from))
    {
        bases.push(dir);
    }
    let tried: Vec<PathBuf> = bases.iter().map(|b| b.join(&written)).collect();
    let Some((base, full, text)) = bases.iter().zip(&tried).find_map(|(b, p)| {
        std::fs::read_to_string(p)
            .ok()
            .map(|t| (b.clone(), p.clone(), t))
    }) else {
        let reason = std::fs::read_to_string(&tried[0])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let places: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
        cx.error(
            path.span(),
            format!(
                "cannot read the catalog `{written}`: {reason} (looked for {}); the path is relative to the crate's Cargo.toml, or else to the file that names it",
                places.join(" and ")
            ),
        );
        return Loaded {
            catalog: None,
            files: Vec::new(),
            broken: true,
        };
    };
    let mut files = vec![full.display().to_string()];
    // Included files are named relative to the written path, so they resolve against
    // the same folder the catalog was found in.
    let (catalog, diagnostics) = Loader::new()
        .require_complete(require_complete)
        .read(|name| {
            let file = base.join(name);
            let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
            files.push(file.display().to_string());
            Ok(text)
        })
        .load_partial(&text, &written);
    finish(cx, path.span(), catalog, diagnostics, files)
}

fn finish(
    cx: &Ctxt,
    span: Span,
    catalog: Option<Catalog<Partial>>,
    diagnostics: Vec<Diagnostic>,
    files: Vec<String>,
) -> Loaded {
    let broken = !diagnostics.is_empty();
    for d in diagnostics {
        cx.error(span, d);
    }
    Loaded {
        catalog,
        files,
        broken,
    }
}

/// Interns text for an `ErrorSpec` by leaking it: the macro runs once per expansion in
/// a compiler process, and the strings become literals in the output.
pub fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}
