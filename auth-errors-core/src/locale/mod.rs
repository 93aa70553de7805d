//! Locales: [`LanguageTag`], a well-formed BCP 47 tag (RFC 5646), for the catalog's
//! locale files; [`negotiate`], which picks one of them for a request's `Accept-Language`
//! (RFC 9110 §12.5.4, RFC 4647 §3.4), per request and without a global; and
//! [`Translations`], a catalog's messages in each of its languages, which the macros make
//! from the locale files and the locale layers answer from.

mod accept;
mod tag;
mod translations;

pub use accept::negotiate;
pub use tag::{LanguageTag, TagError};
pub(crate) use translations::fixed_body;
pub use translations::{Locale, Localized, Shape, Text, Translations};
