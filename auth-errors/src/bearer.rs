//! Reading a bearer token from a request (RFC 6750 §2.1), framework-free.
//!
//! The axum and actix-web extractors call [`from_authorization`]; a failure is a
//! [`BearerRejection`], which answers with the standard catalog's entries and
//! converts into any generated enum that has the same codes:
//!
//! | request | rejection | response |
//! |---|---|---|
//! | no `Authorization`, or a scheme other than `Bearer` | [`BearerRejection::Missing`] | 401 `TOKEN_MISSING`, a challenge with no `error` (RFC 6750 §3.1) |
//! | `Bearer` with an empty or malformed token | [`BearerRejection::Malformed`] | 400 `INVALID_REQUEST` |
//! | two `Authorization` headers | [`BearerRejection::Multiple`] | 400 `INVALID_REQUEST` |
//!
//! ```
//! use auth_errors::bearer::{from_authorization, BearerRejection};
//!
//! assert_eq!(from_authorization([&b"Bearer mF_9.B5f-4.1JqM"[..]]), Ok("mF_9.B5f-4.1JqM"));
//! assert_eq!(from_authorization([&b"bearer abc=="[..]]), Ok("abc=="));
//! assert_eq!(from_authorization(std::iter::empty::<&[u8]>()), Err(BearerRejection::Missing));
//! assert_eq!(from_authorization([&b"Basic QWxhZGRpbg=="[..]]), Err(BearerRejection::Missing));
//! assert_eq!(from_authorization([&b"Bearer"[..]]), Err(BearerRejection::Malformed));
//! assert_eq!(from_authorization([&b"Bearer a b"[..]]), Err(BearerRejection::Malformed));
//! ```

use std::borrow::Cow;
use std::fmt;

use crate::oauth::OAuthError;
use crate::{AuthError, ErrorSpec};

/// A bearer token taken from `Authorization: Bearer <token>`, for the application to
/// validate. The axum and actix-web extractors produce it.
#[derive(Clone, PartialEq, Eq)]
pub struct Bearer(pub String);

impl Bearer {
    /// The token text.
    pub fn token(&self) -> &str {
        &self.0
    }
}

/// Tokens are secrets: `Debug` does not print them.
impl fmt::Debug for Bearer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Bearer(<redacted>)")
    }
}

/// Why a request carried no usable bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BearerRejection {
    /// No `Authorization` header, or a scheme other than `Bearer`: TOKEN_MISSING.
    Missing,
    /// `Bearer` with an empty token or one outside RFC 6750's `b64token`: INVALID_REQUEST.
    Malformed,
    /// More than one `Authorization` header: INVALID_REQUEST.
    Multiple,
}

impl BearerRejection {
    /// The standard catalog's answer.
    pub fn to_oauth(self) -> OAuthError {
        OAuthError::from(self)
    }
}

impl fmt::Display for BearerRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BearerRejection::Missing => "no bearer token in the request",
            BearerRejection::Malformed => "the Authorization header holds a malformed bearer token",
            BearerRejection::Multiple => "the request has more than one Authorization header",
        })
    }
}

impl std::error::Error for BearerRejection {}

impl AuthError for BearerRejection {
    fn spec(&self) -> &'static ErrorSpec {
        self.to_oauth().spec()
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_oauth().message().into_owned())
    }

    fn challenge_value(&self) -> Result<Option<Cow<'static, str>>, crate::ChallengeError> {
        self.to_oauth().challenge_value()
    }

    fn body(&self) -> Cow<'static, str> {
        self.to_oauth().body()
    }
}

/// The token of the request's `Authorization` header values (every line of the field).
pub fn from_authorization<'a, I>(values: I) -> Result<&'a str, BearerRejection>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    let mut values = values.into_iter();
    let Some(value) = values.next() else {
        return Err(BearerRejection::Missing);
    };
    if values.next().is_some() {
        return Err(BearerRejection::Multiple);
    }
    let value = value.trim_ascii();
    let scheme_end = value.iter().position(|&b| b == b' ').unwrap_or(value.len());
    if !value[..scheme_end].eq_ignore_ascii_case(b"bearer") {
        return Err(BearerRejection::Missing);
    }
    let token = value[scheme_end..].trim_ascii_start();
    // RFC 6750 §2.1 `b64token` has the syntax of RFC 9110's token68.
    if !auth_errors_core::__private::is_token68(token) {
        return Err(BearerRejection::Malformed);
    }
    // b64token is ASCII, so this cannot fail.
    std::str::from_utf8(token).map_err(|_| BearerRejection::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::__private::BEARER_REJECTIONS;

    #[test]
    fn the_rejection_table_names_each_variant_once_in_order() {
        // No catch-all: a new variant does not compile here until it is listed.
        let name = |r: BearerRejection| match r {
            BearerRejection::Missing => "Missing",
            BearerRejection::Malformed => "Malformed",
            BearerRejection::Multiple => "Multiple",
        };
        let all = [
            BearerRejection::Missing,
            BearerRejection::Malformed,
            BearerRejection::Multiple,
        ];
        for r in all {
            assert_eq!(format!("{r:?}"), name(r));
        }
        let table: Vec<&str> = BEARER_REJECTIONS.iter().map(|&(n, _)| n).collect();
        assert_eq!(table, all.map(name));
    }

    #[test]
    fn rejections_answer_as_the_module_docs_and_rfc_6750_section_3_1_say()
    -> Result<(), crate::ChallengeError> {
        // No token: 401, and a challenge with no `error` attribute.
        let missing = BearerRejection::Missing;
        assert_eq!(missing.to_oauth().code(), "TOKEN_MISSING");
        assert_eq!(missing.status(), 401);
        assert_eq!(
            missing.challenge_value()?.as_deref(),
            Some(r#"Bearer realm="api""#)
        );
        // A malformed request: 400 `invalid_request`.
        for r in [BearerRejection::Malformed, BearerRejection::Multiple] {
            assert_eq!(r.to_oauth().code(), "INVALID_REQUEST");
            assert_eq!(r.status(), 400);
            let header = r.challenge_value()?.unwrap_or_default();
            assert!(header.contains(r#"error="invalid_request""#), "{header}");
        }
        Ok(())
    }
}
