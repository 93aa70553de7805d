//! A plain `http::Response<Bytes>` for an error, for tower and hyper users; the axum
//! adapter is built on it.
//!
//! ```
//! use auth_errors::oauth::OAuthError;
//!
//! let response = auth_errors::response::to_http(&OAuthError::TokenExpired);
//! assert_eq!(response.status(), 401);
//! assert_eq!(
//!     response.headers()["www-authenticate"],
//!     r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#,
//! );
//! assert_eq!(response.headers()["content-type"], "application/json");
//! ```

use std::borrow::Cow;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue, WWW_AUTHENTICATE};
use http::{Response, StatusCode};

use crate::AuthError;
use crate::response_bytes::{bytes_of, is_field_value};

/// The response for `err`: status, `WWW-Authenticate`, content type, extra headers and
/// body. A static variant's header and body are used as `&'static` bytes, not copied.
pub fn to_http<E: AuthError + ?Sized>(err: &E) -> Response<Bytes> {
    build(err, |bytes| bytes)
}

/// [`to_http`] with the body turned into `B` before the response is assembled, so an
/// adapter does not move a finished response to change its body type.
pub(crate) fn build<E: AuthError + ?Sized, B>(
    err: &E,
    body: impl FnOnce(Bytes) -> B,
) -> Response<B> {
    let spec = err.spec();
    if spec.headers.is_empty() {
        // What `parts` gives when the challenge renders and there are no extra headers,
        // without assembling `Parts`: nothing can be left out, so nothing to warn about.
        if let Ok(challenge) = err.challenge_value() {
            crate::log::event(err, spec.status);
            let mut response = Response::new(body(bytes_of(err.body())));
            *response.status_mut() =
                StatusCode::from_u16(spec.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, content_type(spec.body.content_type()));
            if let Some(value) = challenge.and_then(header_value) {
                headers.insert(WWW_AUTHENTICATE, value);
            }
            return response;
        }
    }
    let parts = crate::log::parts(err);
    let mut response = Response::new(body(bytes_of(parts.body)));
    *response.status_mut() =
        StatusCode::from_u16(parts.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, content_type(parts.content_type));
    if let Some(value) = parts.www_authenticate.and_then(header_value) {
        headers.insert(WWW_AUTHENTICATE, value);
    }
    for (name, value) in parts.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::try_from(value),
        ) {
            headers.append(name, value);
        }
    }
    response
}

/// The response of a variant whose header and body are compile-time strings, made when
/// the program is compiled: generated code keeps one in a `const` per such variant, so
/// building the response validates and copies nothing (the header values are checked
/// by `HeaderValue::from_static` during constant evaluation).
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct StaticResponse {
    status: StatusCode,
    content_type: HeaderValue,
    challenge: Option<HeaderValue>,
    body: &'static str,
}

impl StaticResponse {
    /// What generated code evaluates in a `const`: the status, the body format, the
    /// `WWW-Authenticate` value (if any) and the body of a static variant.
    pub const fn new(
        status: u16,
        format: crate::BodyFormat,
        challenge: Option<&'static str>,
        body: &'static str,
    ) -> StaticResponse {
        StaticResponse {
            status: match StatusCode::from_u16(status) {
                Ok(status) => status,
                Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
            },
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

    /// The response for `err`, the variant this describes: the same response and the same
    /// event as [`to_http`].
    pub fn to_http<E: AuthError + ?Sized>(self, err: &E) -> Response<Bytes> {
        self.build(err, |body| Bytes::from_static(body.as_bytes()))
    }

    /// [`StaticResponse::to_http`] with the body text turned into `B` first.
    #[inline]
    pub(crate) fn build<E: AuthError + ?Sized, B>(
        self,
        err: &E,
        body: impl FnOnce(&'static str) -> B,
    ) -> Response<B> {
        crate::log::event(err, self.status.as_u16());
        let mut response = Response::new(body(self.body));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, self.content_type);
        if let Some(value) = self.challenge {
            headers.insert(WWW_AUTHENTICATE, value);
        }
        response
    }
}

/// The content type as a header value; the two the body formats use are constants, so
/// they are not validated again on every response.
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
