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

use std::borrow::Cow;
use std::future::{Ready, ready};

use actix_web::body::BoxBody;
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError};

use crate::AuthError;
use crate::bearer::{Bearer, BearerRejection, from_authorization};
use crate::response_bytes::{bytes_of, is_field_value};
use bytes::Bytes;

/// The status of an error as actix-web's type.
pub fn status_code<E: AuthError + ?Sized>(err: &E) -> StatusCode {
    StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The content type as a header value; see `auth_errors::response`.
fn content_type(value: &'static str) -> HeaderValue {
    match value {
        "application/json" => JSON,
        "application/problem+json" => PROBLEM,
        other => HeaderValue::from_static(other),
    }
}

/// The content types of the two body formats, validated once, at compile time.
const JSON: HeaderValue = HeaderValue::from_static("application/json");
const PROBLEM: HeaderValue = HeaderValue::from_static("application/problem+json");

fn header_value(value: Cow<'static, str>) -> Option<HeaderValue> {
    match value {
        // Checked first, so `from_static` cannot panic.
        Cow::Borrowed(s) if is_field_value(s) => Some(HeaderValue::from_static(s)),
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => HeaderValue::try_from(s).ok(),
    }
}

/// The actix-web response for an error; what the generated `ResponseError` calls.
pub fn error_response<E: AuthError + ?Sized>(err: &E) -> HttpResponse {
    let spec = err.spec();
    if spec.headers.is_empty() {
        // What `parts` gives when the challenge renders and there are no extra headers,
        // without assembling `Parts` (see `auth_errors::response::to_http`).
        if let Ok(challenge) = err.challenge_value() {
            crate::log::event(err, spec.status);
            let status =
                StatusCode::from_u16(spec.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut response = HttpResponse::with_body(status, BoxBody::new(bytes_of(err.body())));
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, content_type(spec.body.content_type()));
            if let Some(value) = challenge.and_then(header_value) {
                headers.insert(header::WWW_AUTHENTICATE, value);
            }
            return response;
        }
    }
    let parts = crate::log::parts(err);
    let status = StatusCode::from_u16(parts.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = HttpResponse::with_body(status, bytes_of(parts.body));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, content_type(parts.content_type));
    if let Some(value) = parts.www_authenticate.and_then(header_value) {
        headers.insert(header::WWW_AUTHENTICATE, value);
    }
    for (name, value) in parts.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::try_from(value),
        ) {
            headers.append(name, value);
        }
    }
    response.map_into_boxed_body()
}

/// The response of a static variant for actix-web, made when the program is compiled;
/// see `auth_errors::response::StaticResponse`.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct StaticResponse {
    status: u16,
    content_type: HeaderValue,
    challenge: Option<HeaderValue>,
    body: &'static str,
}

impl StaticResponse {
    /// What generated code evaluates in a `const`.
    pub const fn new(
        status: u16,
        format: crate::BodyFormat,
        challenge: Option<&'static str>,
        body: &'static str,
    ) -> StaticResponse {
        StaticResponse {
            status,
            content_type: match format {
                crate::BodyFormat::Json => JSON,
                crate::BodyFormat::Problem => PROBLEM,
            },
            challenge: match challenge {
                Some(value) => Some(HeaderValue::from_static(value)),
                None => None,
            },
            body,
        }
    }
}

/// The actix-web response of a static variant, from its compile-time parts: the same
/// response and the same event as [`error_response`].
#[doc(hidden)]
pub fn static_error_response<E: AuthError + ?Sized>(
    err: &E,
    response: StaticResponse,
) -> HttpResponse {
    crate::log::event(err, response.status);
    let status = StatusCode::from_u16(response.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    // Boxed from the start: `BoxBody` keeps bytes inline, and the response is not moved
    // again to change its body type.
    let mut http = HttpResponse::with_body(
        status,
        BoxBody::new(Bytes::from_static(response.body.as_bytes())),
    );
    let headers = http.headers_mut();
    headers.insert(header::CONTENT_TYPE, response.content_type);
    if let Some(value) = response.challenge {
        headers.insert(header::WWW_AUTHENTICATE, value);
    }
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
