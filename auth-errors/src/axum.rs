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
//! [`Json`], [`Form`], [`Query`] and [`Path`] are axum's extractors whose rejections
//! answer with the `http` catalog ([`RequestError`](crate::request::RequestError)) instead
//! of plain text (tokio-rs/axum#1116), and [`not_found`] is a fallback answering
//! `404 NOT_FOUND` the same way; the rejection's details go to the log.
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

/// The entry a rejection of an axum extractor answers with: by the rejection's status,
/// so every kind (and any axum adds later) has one; `bad_request` is the extractor's own
/// 400. The rejection's text goes to a debug event (an error event for a 5xx, a route
/// mistake), never to the body.
fn rejected(
    status: http::StatusCode,
    text: String,
    bad_request: crate::request::RequestError,
) -> crate::request::RequestError {
    use crate::request::RequestError;
    let entry = match status.as_u16() {
        413 => RequestError::PayloadTooLarge,
        415 => RequestError::UnsupportedMediaType,
        422 => RequestError::UnprocessableContent,
        s if s >= 500 => RequestError::InternalError,
        _ => bad_request,
    };
    if status.is_server_error() {
        tracing::error!(status = status.as_u16(), reason = %text, "an axum extractor failed on the route's own setup");
    } else {
        tracing::debug!(status = status.as_u16(), reason = %text, "request rejected by an extractor");
    }
    entry
}

macro_rules! rejecting_extractor {
    ($(#[$doc:meta])* $name:ident, $kind:ident, $bad_request:ident) => {
        $(#[$doc])*
        ///
        /// To answer with your own enum, use `axum_extra::extract::WithRejection<_,
        /// ApiError>`: every generated enum whose catalog includes `http` implements
        /// `From<RequestError>`.
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name<T>(pub T);

        impl<T> std::ops::Deref for $name<T> {
            type Target = T;
            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<S, T> $kind<S> for $name<T>
        where
            ::axum::extract::$name<T>: $kind<S>,
            <::axum::extract::$name<T> as $kind<S>>::Rejection: Into<RejectionParts>,
            S: Send + Sync,
        {
            type Rejection = crate::request::RequestError;

            rejecting_extractor!(@method $kind, $name, $bad_request);
        }
    };
    (@method FromRequest, $name:ident, $bad_request:ident) => {
        async fn from_request(
            req: http::Request<Body>,
            state: &S,
        ) -> Result<Self, crate::request::RequestError> {
            match ::axum::extract::$name::<T>::from_request(req, state).await {
                Ok(::axum::extract::$name(value)) => Ok(Self(value)),
                Err(rejection) => {
                    let RejectionParts(status, text) = rejection.into();
                    Err(rejected(status, text, crate::request::RequestError::$bad_request))
                }
            }
        }
    };
    (@method FromRequestParts, $name:ident, $bad_request:ident) => {
        async fn from_request_parts(
            parts: &mut Parts,
            state: &S,
        ) -> Result<Self, crate::request::RequestError> {
            match ::axum::extract::$name::<T>::from_request_parts(parts, state).await {
                Ok(::axum::extract::$name(value)) => Ok(Self(value)),
                Err(rejection) => {
                    let RejectionParts(status, text) = rejection.into();
                    Err(rejected(status, text, crate::request::RequestError::$bad_request))
                }
            }
        }
    };
}

/// A rejection's status and text: what [`rejected`] reads.
#[doc(hidden)]
pub struct RejectionParts(http::StatusCode, String);

macro_rules! rejection_parts {
    ($($rejection:ty),*) => {
        $(impl From<$rejection> for RejectionParts {
            fn from(r: $rejection) -> Self {
                RejectionParts(r.status(), r.body_text())
            }
        })*
    };
}

rejection_parts!(
    ::axum::extract::rejection::JsonRejection,
    ::axum::extract::rejection::QueryRejection,
    ::axum::extract::rejection::PathRejection,
    ::axum::extract::rejection::FormRejection
);

use axum_core::extract::FromRequest;

rejecting_extractor!(
    /// `axum::Json` whose rejections answer with the `http` catalog: a body that is
    /// not JSON is `BAD_REQUEST_BODY` (400), one of the wrong shape
    /// `UNPROCESSABLE_CONTENT` (422), no JSON content type `UNSUPPORTED_MEDIA_TYPE`
    /// (415), a body over the limit `PAYLOAD_TOO_LARGE` (413).
    Json, FromRequest, BadRequestBody
);
rejecting_extractor!(
    /// `axum::Form` whose rejections answer with the `http` catalog, as [`Json`]'s do.
    Form, FromRequest, BadRequestBody
);
rejecting_extractor!(
    /// `axum::extract::Query` whose rejection answers `INVALID_QUERY` (400).
    Query, FromRequestParts, InvalidQuery
);
rejecting_extractor!(
    /// `axum::extract::Path` whose rejection answers `INVALID_PATH` (400), or
    /// `INTERNAL_ERROR` (500) when the route has no such parameter (logged).
    Path, FromRequestParts, InvalidPath
);

/// The fallback for a router: `404 NOT_FOUND` in the catalog's format, for
/// `Router::fallback(auth_errors::axum::not_found)`.
pub async fn not_found() -> Response {
    into_response(&crate::request::RequestError::NotFound)
}
