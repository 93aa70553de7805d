//! Locales (issue 15's first part): [`LanguageTag`], a well-formed BCP 47 tag (RFC 5646),
//! for the catalog's locale files, and [`negotiate`], which picks one of them for a
//! request's `Accept-Language` (RFC 9110 §12.5.4, RFC 4647 §3.4), per request and
//! without a global.

mod accept;
mod tag;

pub use accept::negotiate;
pub use tag::{LanguageTag, TagError};
