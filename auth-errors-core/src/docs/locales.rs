//! [`Locales`]: the languages of a catalog, as the renderers read them.

use crate::ErrorSpec;
use crate::catalog::{Catalog, DEFAULT_LOCALE, LocaleFile, Translation};

/// A catalog's languages: the tag of its own text (`defaults.locale`) and its locale
/// files. The TypeScript pack ships a message table for each; the Markdown reference
/// renders in one ([`markdown_in`](super::markdown_in)).
#[derive(Debug, Clone, Copy)]
pub struct Locales<'a> {
    own: &'a str,
    files: &'a [LocaleFile],
}

impl<'a> Locales<'a> {
    /// The languages of a loaded catalog.
    pub fn of(catalog: &'a Catalog) -> Self {
        Locales {
            own: catalog.defaults().locale(),
            files: catalog.locales(),
        }
    }

    /// Only the catalog's own language, tagged `tag`: what a table of specs without its
    /// catalog has (`en` unless the catalog said otherwise).
    pub const fn own(tag: &'a str) -> Self {
        Locales {
            own: tag,
            files: &[],
        }
    }

    /// The tag of the catalog's own text.
    pub const fn own_tag(&self) -> &'a str {
        self.own
    }

    /// The locale files, in `locales:` order.
    pub const fn files(&self) -> &'a [LocaleFile] {
        self.files
    }
}

impl Default for Locales<'_> {
    /// The catalog's own language, tagged `en`.
    fn default() -> Self {
        Locales::own(DEFAULT_LOCALE)
    }
}

/// The translation of `spec` in `file` that a client can see: none for an entry whose
/// message never reaches the body (`expose: false`), which answers with the generic
/// message in every language.
pub(crate) fn shown<'f>(spec: &ErrorSpec, file: &'f LocaleFile) -> Option<&'f Translation> {
    if !spec.expose() {
        return None;
    }
    file.get(spec.code())
}
