//! Localized messages per request (the layers: feature `locale`): the language is negotiated from
//! the request's `Accept-Language` and held in the request's extensions, never in a
//! global or a thread-local, so two requests on one thread never share one.
//!
//! [`LocaleLayer`] (tower: axum, hyper, tonic) and `actix::Localize` (actix-web) do the
//! same three things:
//!
//! 1. negotiate a [`Locale`] among the catalog's languages ([`Translations::negotiate`]:
//!    q-values, `q=0` excludes, `*`, `fr-CH` falls back to `fr`, then to the catalog's
//!    own; a malformed header is ignored, never a 400) and put it in the request's
//!    extensions, where a handler reads it (the axum extractor [`Locale`] itself);
//! 2. answer every error response the adapters built (they mark it with an
//!    [`Answered`] extension) in that language: the body's message and a problem's
//!    `title`; the code, the status, the problem `type` and the `WWW-Authenticate` bytes
//!    never change (RFC 6750 keeps `error_description` ASCII: it stays the catalog's);
//! 3. say `Content-Language` (the language the body is in: the catalog's own for an
//!    entry the locale leaves untranslated) and `Vary: Accept-Language`, merged with a
//!    `Vary` already there.
//!
//! A translated static variant's body is the text the macros compiled, chosen by index;
//! a translation with params is rendered from the values the adapters kept.
//!
//! ```
//! # #[cfg(all(feature = "axum", feature = "locale"))] {
//! use auth_errors::localize::LocaleLayer;
//! use auth_errors::oauth::OAuthError;
//! use axum::{Router, routing::get};
//!
//! #[auth_errors::catalog("../demo/api.yaml")]
//! #[derive(Debug)]
//! enum ApiError {}
//!
//! async fn orders() -> Result<&'static str, OAuthError> {
//!     Err(OAuthError::TokenExpired)
//! }
//!
//! let app: Router = Router::new()
//!     .route("/orders", get(orders))
//!     .layer(LocaleLayer::new(&ApiError::TRANSLATIONS));
//! # }
//! ```

use std::borrow::Cow;

use crate::AuthError;
use crate::locale::{Shape, Translations};
use crate::spec::ErrorSpec;

pub use crate::locale::Locale;

/// What an error response was built from, kept in its extensions (`http::Extensions`,
/// actix-web's response extensions) so a locale layer can answer it in the request's
/// language: the entry's spec and, for an entry with params, their values (a static
/// variant keeps none, and allocates nothing for them).
#[derive(Debug, Clone)]
pub struct Answered {
    spec: &'static ErrorSpec,
    params: Box<[(&'static str, String)]>,
}

impl Answered {
    /// What `err`'s response is built from.
    pub fn of(err: &(impl AuthError + ?Sized)) -> Answered {
        let spec = err.spec();
        let params = spec
            .public()
            .params()
            .iter()
            .filter_map(|p| Some((p.name(), err.param(p.name())?.into_owned())))
            .collect();
        Answered { spec, params }
    }

    /// The entry's spec.
    pub fn spec(&self) -> &'static ErrorSpec {
        self.spec
    }

    /// A param's value, as the response was built with it.
    pub fn param(&self, name: &str) -> Option<Cow<'_, str>> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| Cow::Borrowed(v.as_str()))
    }

    /// The body in `locale`; `None` for the body the response already has (the
    /// catalog's own language).
    #[cfg_attr(not(feature = "locale"), allow(dead_code))]
    pub(crate) fn localize(
        &self,
        translations: &Translations,
        locale: Locale,
        shape: Shape,
    ) -> Option<Cow<'static, str>> {
        translations
            .body_with(self.spec, locale, &|name| self.param(name), shape)
            .map(|l| l.body)
    }
}

/// `Vary` with `Accept-Language` added to what it lists (RFC 9110 §12.5.5): `None`
/// when it lists it already, or `*`.
#[cfg_attr(not(feature = "locale"), allow(dead_code))]
pub(crate) fn vary_with_accept_language<'a>(
    existing: impl Iterator<Item = &'a [u8]>,
) -> Option<String> {
    let mut out = String::new();
    for value in existing {
        let value = std::str::from_utf8(value).ok()?;
        for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if item == "*" || item.eq_ignore_ascii_case("accept-language") {
                return None;
            }
            out.push_str(item);
            out.push_str(", ");
        }
    }
    out.push_str("Accept-Language");
    Some(out)
}

/// The [`Locale`] a locale layer negotiated for this request, as a handler extractor
/// (axum, actix-web). Without the layer in front it is an error, answered as the `http`
/// catalog's `INTERNAL_ERROR`: the service was built wrong, and no language is guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLocale(pub Locale);

/// The extractor's answer from what the request's extensions hold.
#[cfg(all(feature = "locale", any(feature = "axum", feature = "actix")))]
fn from_extensions(locale: Option<&Locale>) -> Result<RequestLocale, crate::request::RequestError> {
    match locale {
        Some(locale) => Ok(RequestLocale(*locale)),
        None => {
            tracing::error!(
                "RequestLocale extracted without a locale layer (LocaleLayer, actix Localize) in front of the handler"
            );
            Err(crate::request::RequestError::InternalError)
        }
    }
}

#[cfg(all(feature = "locale", feature = "actix"))]
mod actix;
#[cfg(all(feature = "locale", feature = "tower"))]
mod tower;
#[cfg(all(feature = "locale", feature = "actix"))]
pub use actix::{Localize, LocalizeService};
#[cfg(all(feature = "locale", feature = "tower"))]
pub use tower::{LocaleFuture, LocaleLayer, LocaleService};

#[cfg(all(feature = "locale", feature = "axum"))]
impl<S: Send + Sync> axum_core::extract::FromRequestParts<S> for RequestLocale {
    type Rejection = crate::request::RequestError;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        from_extensions(parts.extensions.get())
    }
}

#[cfg(test)]
mod tests {
    use super::vary_with_accept_language;

    #[test]
    fn vary_gains_accept_language_once() {
        let vary = |values: &[&str]| vary_with_accept_language(values.iter().map(|v| v.as_bytes()));
        assert_eq!(vary(&[]).as_deref(), Some("Accept-Language"));
        assert_eq!(
            vary(&["Origin", "accept-encoding, Cookie"]).as_deref(),
            Some("Origin, accept-encoding, Cookie, Accept-Language")
        );
        assert_eq!(vary(&["Origin, accept-language"]), None);
        assert_eq!(vary(&["*"]), None);
    }
}
