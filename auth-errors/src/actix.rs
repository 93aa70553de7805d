//! actix-web 4: every generated or derived enum implements `ResponseError` (when this
//! crate's `actix` feature is on, with nothing to repeat in your crate), and
//! [`Bearer`] is an extractor.
//!
//! actix-web 4 uses `http` 0.2 types, so the response is built from the status as a
//! `u16` and the headers and body as bytes.
//!
//! ```
//! use actix_web::ResponseError;
//! use auth_errors::oauth::OAuthError;
//!
//! let response = OAuthError::TokenExpired.error_response();
//! assert_eq!(response.status().as_u16(), 401);
//! assert_eq!(
//!     response.headers().get("www-authenticate").and_then(|v| v.to_str().ok()),
//!     Some(r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#),
//! );
//! ```

use std::future::{Ready, ready};

use actix_web::body::BoxBody;
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError};
use bytes::Bytes;

use crate::bearer::{Bearer, BearerRejection, from_authorization};
use crate::{AuthError, response, trace};

header_conversions!(actix_web::http::header, u16, identity);

/// Statuses are kept as `u16`: `http` 0.2 has no `const` constructor for them.
const fn identity(status: u16) -> u16 {
    status
}

/// A status as actix-web's type; the catalog keeps statuses in 400–599.
fn status(status: u16) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The status of an error as actix-web's type.
pub fn status_code(err: &dyn AuthError) -> StatusCode {
    status(err.status())
}

/// The actix-web response for an error; what the generated `ResponseError` calls.
///
/// Takes a trait object: the response is built by code compiled once in this crate, not
/// again for every error type.
pub fn error_response(err: &dyn AuthError) -> HttpResponse {
    let plan = response::plan(err);
    trace::planned(err, &plan);
    // Boxed from the start: `BoxBody` keeps bytes inline, and the response is not moved
    // again to change its body type.
    let mut http =
        HttpResponse::with_body(status(plan.status), BoxBody::new(body_bytes(plan.body)));
    let headers = http.headers_mut();
    headers.insert(header::CONTENT_TYPE, content_type(plan.format));
    if let Some(value) = plan.www_authenticate.and_then(header_value) {
        headers.insert(header::WWW_AUTHENTICATE, value);
    }
    for (name, value) in extra_headers(plan.headers) {
        headers.append(name, value);
    }
    #[cfg(feature = "extension")]
    http.extensions_mut()
        .insert(crate::monitor::ErrorInfo::of(err));
    http
}

/// The actix-web response of a static variant, from its compile-time head and its spec's
/// compiled body: the same response and the same event as [`error_response`].
#[doc(hidden)]
#[inline]
pub fn static_error_response(
    err: &dyn AuthError,
    head: StaticHead,
    body: &'static str,
) -> HttpResponse {
    crate::monitor::observe(err, head.status);
    let mut http = HttpResponse::with_body(
        status(head.status),
        BoxBody::new(Bytes::from_static(body.as_bytes())),
    );
    let headers = http.headers_mut();
    headers.insert(header::CONTENT_TYPE, head.content_type);
    if let Some(value) = head.challenge {
        headers.insert(header::WWW_AUTHENTICATE, value);
    }
    #[cfg(feature = "extension")]
    http.extensions_mut()
        .insert(crate::monitor::ErrorInfo::of(err));
    http
}

impl FromRequest for Bearer {
    type Error = BearerRejection;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let values = req.headers().get_all(header::AUTHORIZATION);
        ready(from_authorization(values.map(|v| v.as_bytes())).map(|t| Bearer(t.to_owned())))
    }
}

impl ResponseError for BearerRejection {
    fn status_code(&self) -> StatusCode {
        status_code(self)
    }

    fn error_response(&self) -> HttpResponse {
        error_response(self)
    }
}
