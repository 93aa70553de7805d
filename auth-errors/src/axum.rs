//! axum 0.8: every generated or derived enum implements `IntoResponse` (when this
//! crate's `axum` feature is on, with nothing to repeat in your crate), and
//! [`Bearer`] is an extractor.
//!
//! ```
//! use auth_errors::AuthError;
//! use auth_errors::bearer::Bearer;
//! use auth_errors::oauth::OAuthError;
//! use axum_core::response::IntoResponse;
//!
//! // A handler returns the catalog's enum; the response is built from it.
//! async fn orders(token: Bearer) -> Result<String, OAuthError> {
//!     if token.token() == "expired" {
//!         return Err(OAuthError::TokenExpired);
//!     }
//!     Ok("[]".into())
//! }
//!
//! let response = OAuthError::TokenMissing.into_response();
//! assert_eq!(response.status(), 401);
//! assert_eq!(response.headers()["www-authenticate"], r#"Bearer realm="api""#);
//! ```
//!
//! The response is built directly rather than from a tuple of parts, so a failing
//! inner body cannot replace its status (axum#2287).
//!
//! A rejected [`Bearer`] answers with the standard catalog.
//! To answer with your own enum, use `axum_extra::extract::WithRejection<Bearer,
//! ApiError>`: a generated enum with unit `TOKEN_MISSING` and `INVALID_REQUEST`
//! variants implements `From<BearerRejection>`.

use axum_core::body::Body;
use axum_core::extract::FromRequestParts;
use axum_core::response::{IntoResponse, Response};
use http::header::AUTHORIZATION;
use http::request::Parts;

use crate::AuthError;
use crate::bearer::{Bearer, BearerRejection, from_authorization};

/// The axum response for an error; what the generated `IntoResponse` calls.
///
/// Takes a trait object: the response is built by code compiled once in this crate, not
/// again for every error type.
pub fn into_response(err: &dyn AuthError) -> Response {
    crate::http::build(err, Body::from)
}

/// The axum response of a static variant, from its compile-time head and its spec's
/// compiled body; what the generated `IntoResponse` calls for variants whose header and
/// body are fixed (the same response and event as [`into_response`]).
#[doc(hidden)]
#[inline]
pub fn static_response(
    err: &dyn AuthError,
    head: crate::http::StaticHead,
    body: &'static str,
) -> Response {
    head.build(err, Body::from(body))
}

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = BearerRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let values = parts.headers.get_all(AUTHORIZATION);
        from_authorization(values.iter().map(|v| v.as_bytes())).map(|t| Bearer(t.to_owned()))
    }
}

impl IntoResponse for BearerRejection {
    fn into_response(self) -> Response {
        into_response(&self)
    }
}
