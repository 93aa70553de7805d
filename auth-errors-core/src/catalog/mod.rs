//! The catalog: one model, its YAML loader and its validator.
//!
//! The macros, the CLI and the renderers all read catalogs through this module,
//! so a rule is written once and a mistake reads the same everywhere:
//! `errors.yaml:8:13: error[description-charset]: TOKEN_EXPIRED: error_description may not contain '"' (RFC 6750 §3)`.
//!
//! [`load`] loads a catalog given as text; a [`Loader`] also reads the files it includes
//! and names them as they should be shown, or loads what it can of a catalog with
//! mistakes. A catalog can `include:` other catalog files (`std` for the standard
//! catalog, or paths relative to the including file), declare a `prefix:` its own codes
//! carry, and list `retired:` codes that may never be defined again. [`diff()`] classifies
//! the changes between two versions of a catalog, breaking or not.
//!
//! Inside, the stages are one file each: `yaml` (text → located nodes), `load` (nodes →
//! one file's model), `valid` (the rules), `compose` (includes → one catalog), `model`
//! (what a catalog is), `to_spec` (an entry as an `ErrorSpec`), `diagnostic`, `hint`
//! ("did you mean"), `inline` (the derive's inline entries) and `diff`.
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
//! assert_eq!(catalog.entries()[0].variant_name(), "TokenExpired");
//!
//! // Every mistake is reported, with file, line, column, code and rule.
//! let bad = "version: 1\nerrors:\n  TOKEN_EXPIRED:\n    status: 200\n    mesage: x\n";
//! let errors = catalog::load(bad, "errors.yaml").unwrap_err();
//! assert_eq!(
//!     errors.to_string(),
//!     "errors.yaml:3:3: error[missing-key]: TOKEN_EXPIRED: missing required key 'message'\n\
//!      errors.yaml:5:5: error[unknown-key]: TOKEN_EXPIRED: unknown key 'mesage' in an entry (did you mean 'message'?)",
//! );
//! # Ok::<(), catalog::Diagnostics>(())
//! ```

pub(crate) mod compose;
mod diagnostic;
mod diff;
pub(crate) mod hint;
pub(crate) mod inline;
mod load;
mod locales;
mod model;
mod to_spec;
mod valid;
mod yaml;

use std::path::Path;

pub use compose::{EMBEDDED, HTTP, HTTP_CATALOG, STANDARD_CATALOG, STD, embedded};
pub use diagnostic::{CatalogRule, Diagnostic, Diagnostics, Location, Severity};
pub use diff::{Change, ChangeKind, Diff, Site, diff};
pub use model::{
    AlertDef, AlertKind, AlertRule, Catalog, ChallengeDef, DEFAULT_LOCALE, Defaults, Entry,
    LocaleFile, Param, Partial, Retired, Spanned, Translation, Valid,
};

/// Loads and validates a catalog given as YAML text; `file` names it in diagnostics.
///
/// Returns every mistake at once, in file order. The text may include `std`; a catalog
/// that includes files by path needs a [`Loader`] that reads them.
pub fn load(text: &str, file: &str) -> Result<Catalog, Diagnostics> {
    Loader::new().load(text, file)
}

/// Loads catalogs: reads the files they include, names each file as it should be shown,
/// and loads what it can of a catalog with mistakes.
///
/// A loader with no reader ([`Loader::new`]) loads catalogs given as text; `std`, the
/// standard catalog, is built in and never read. Every load returns each mistake at once,
/// with file, line, column, code and rule.
///
/// ```
/// use auth_errors_core::catalog::{self, Loader};
///
/// let team = "version: 1\ninclude: [std, shared.yaml]\nprefix: ORDERS_\nerrors:\n  ORDERS_NOT_FOUND:\n    status: 404\n    message: No such order\n";
/// let shared = "version: 1\nerrors:\n  RATE_LIMITED:\n    status: 429\n    message: Slow down\n";
/// let catalog = Loader::new()
///     .read(|name| match name {
///         "api/shared.yaml" => Ok(shared.to_owned()),
///         other => Err(format!("no file {other}")),
///     })
///     .load(team, "api/errors.yaml")?;
/// let codes: Vec<(&str, &str)> = catalog
///     .entries()
///     .iter()
///     .map(|e| (e.code().as_str(), e.origin()))
///     .collect();
/// assert_eq!(codes.first(), Some(&("TOKEN_MISSING", "std")));
/// assert_eq!(
///     codes[codes.len() - 2..],
///     [("RATE_LIMITED", "api/shared.yaml"), ("ORDERS_NOT_FOUND", "api/errors.yaml")],
/// );
/// # Ok::<(), catalog::Diagnostics>(())
/// ```
pub struct Loader<'r> {
    read: Box<compose::Read<'r>>,
    show: Box<compose::Show<'r>>,
    strict: bool,
    require_complete: bool,
}

impl Default for Loader<'_> {
    fn default() -> Self {
        Loader::new()
    }
}

impl<'r> Loader<'r> {
    /// A loader that reads no file: an `include:` other than `std` is a diagnostic.
    pub fn new() -> Self {
        Loader {
            read: Box::new(no_files),
            show: Box::new(str::to_owned),
            strict: false,
            require_complete: false,
        }
    }

    /// With `strict`, a [warning](Severity::Warning) (a 429 without `Retry-After`) is an
    /// error: the catalog does not load. Without it (the default), warnings are kept on the
    /// loaded catalog ([`Catalog::warnings`]).
    ///
    /// ```
    /// use auth_errors_core::catalog::Loader;
    ///
    /// let text = "version: 1\nerrors:\n  SLOW_DOWN:\n    status: 429\n    message: Slow down\n";
    /// let catalog = Loader::new().load(text, "errors.yaml")?;
    /// assert_eq!(catalog.warnings()[0].rule().id(), "retry-after-missing");
    /// let strict = Loader::new().strict(true).load(text, "errors.yaml").unwrap_err();
    /// assert!(strict.to_string().starts_with("errors.yaml:3:3: error[retry-after-missing]: SLOW_DOWN: a 429 response"));
    /// # Ok::<(), auth_errors_core::catalog::Diagnostics>(())
    /// ```
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// With `require_complete`, a locale file that leaves an entry untranslated
    /// (`locale-incomplete`) is an error; without it (the default) a warning, and the
    /// entry answers in the catalog's own language. [`strict`](Loader::strict) implies it.
    ///
    /// ```
    /// use auth_errors_core::catalog::Loader;
    ///
    /// let catalog = "version: 1\nlocales: [fr.yaml]\nerrors:\n  GONE:\n    status: 400\n    message: Gone\n  LOST:\n    status: 404\n    message: Lost\n";
    /// let fr = "version: 1\nlocale: fr\nmessages:\n  GONE:\n    message: Disparu\n";
    /// let read = |_: &str| Ok(fr.to_owned());
    /// let loaded = Loader::new().read(read).load(catalog, "errors.yaml")?;
    /// assert_eq!(loaded.warnings()[0].to_string(),
    ///     "fr.yaml:2:9: warning[locale-incomplete]: the locale 'fr' has no translation for one entry: LOST; they answer in the catalog's own language");
    /// let complete = Loader::new().read(read).require_complete(true).load(catalog, "errors.yaml");
    /// assert!(complete.is_err());
    /// # Ok::<(), auth_errors_core::catalog::Diagnostics>(())
    /// ```
    pub fn require_complete(mut self, require_complete: bool) -> Self {
        self.require_complete = require_complete;
        self
    }

    /// Reads files with `read`, by name; `Err` says why a file cannot be read, and
    /// becomes a diagnostic: an `include` one at the `include:` that names the file.
    ///
    /// An included file's name is its `include:` path taken relative to the name of the
    /// file that includes it (`api/errors.yaml` including `../shared/base.yaml` reads
    /// `shared/base.yaml`), so `read` resolves names as it resolves the root's: from the
    /// working directory, a crate's folder, or a git revision.
    pub fn read(mut self, read: impl FnMut(&str) -> Result<String, String> + 'r) -> Self {
        self.read = Box::new(read);
        self
    }

    /// Reads files from the file system, their names taken from the working directory.
    pub fn read_files(self) -> Self {
        self.read(|name| std::fs::read_to_string(name).map_err(|e| e.to_string()))
    }

    /// Shows each file as `show` names it (`origin/main:errors.yaml` for a file read at a
    /// git revision): in diagnostics, [`Catalog::file`], [`Entry::origin`] and
    /// [`Retired::origin`]. Files are still read by their own names, and `std` keeps its.
    ///
    /// ```
    /// use auth_errors_core::catalog::Loader;
    ///
    /// let text = "version: 1\nerrors:\n  GONE:\n    status: 200\n    message: Gone\n";
    /// let err = Loader::new()
    ///     .show_names(|name| format!("HEAD:{name}"))
    ///     .load(text, "errors.yaml")
    ///     .unwrap_err();
    /// assert!(err.to_string().starts_with("HEAD:errors.yaml:4:13: error[status-range]: GONE: status 200"));
    /// ```
    pub fn show_names(mut self, show: impl Fn(&str) -> String + 'r) -> Self {
        self.show = Box::new(show);
        self
    }

    /// Loads and validates the catalog `text`, named `file`, with the files it includes.
    pub fn load(&mut self, text: &str, file: &str) -> Result<Catalog, Diagnostics> {
        match self.load_partial(text, file) {
            (Some(catalog), found) if found.is_empty() => Ok(catalog.into_valid()),
            (_, found) => Err(Diagnostics::new(found)),
        }
    }

    /// Reads the catalog at `path` with the loader's reader (named by the path as it is
    /// displayed), then loads it as [`load`](Loader::load) does; a catalog that cannot be
    /// read is a diagnostic too.
    pub fn load_file(&mut self, path: impl AsRef<Path>) -> Result<Catalog, Diagnostics> {
        let file = path.as_ref().display().to_string();
        match (self.read)(&file) {
            Ok(text) => self.load(&text, &file),
            Err(e) => Err(Diagnostics::new(vec![Diagnostic::new(
                &(self.show)(&file),
                None,
                None,
                CatalogRule::Io,
                format!("cannot read the catalog: {e}"),
            )])),
        }
    }

    /// Loads what it can of the catalog `text`, named `file`, and returns it with every
    /// mistake found. The catalog holds the entries that loaded, each checked by the
    /// rules but kept whatever they found; it is `None` only when the text is not a
    /// catalog at all. With no mistake, it is what [`load`](Loader::load) returns.
    /// Warnings are not mistakes: they stay on the catalog ([`Catalog::warnings`]), unless
    /// the loader is [strict](Loader::strict).
    ///
    /// The macros use it to emit the entries that are sound even when others are not,
    /// so one mistake in the file gives one error at the use site, not one per variant.
    ///
    /// ```
    /// use auth_errors_core::catalog::Loader;
    ///
    /// let text = "version: 1\nerrors:\n  GOOD:\n    status: 400\n    message: Good\n  BAD:\n    status: 200\n    message: Bad\n";
    /// let (catalog, found) = Loader::new().load_partial(text, "errors.yaml");
    /// assert_eq!(catalog.map(|c| c.entries().len()), Some(2));
    /// assert_eq!(found.len(), 1);
    /// ```
    pub fn load_partial(
        &mut self,
        text: &str,
        file: &str,
    ) -> (Option<Catalog<Partial>>, Vec<Diagnostic>) {
        let (catalog, mut found) = compose::compose(text, file, &mut self.read, &self.show);
        if self.require_complete {
            found = found
                .into_iter()
                .map(|d| match d.rule() {
                    CatalogRule::LocaleIncomplete => d.into_error(),
                    _ => d,
                })
                .collect();
        }
        if self.strict {
            let found = found.into_iter().map(Diagnostic::into_error).collect();
            return (catalog, found);
        }
        let (warnings, errors): (Vec<Diagnostic>, Vec<Diagnostic>) = found
            .into_iter()
            .partition(|d| d.severity() == Severity::Warning);
        (catalog.map(|c| c.with_warnings(warnings)), errors)
    }
}

/// The reader of a loader that reads no file.
fn no_files(name: &str) -> Result<String, String> {
    Err(format!(
        "the catalog was given as text, so '{name}' cannot be read; load it with a catalog::Loader that reads files"
    ))
}
