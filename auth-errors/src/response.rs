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
    let parts = crate::log::parts(err);
    let mut response = Response::new(bytes_of(parts.body));
    *response.status_mut() =
        StatusCode::from_u16(parts.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(parts.content_type));
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

fn header_value(value: Cow<'static, str>) -> Option<HeaderValue> {
    match value {
        // Checked first, so `from_static` cannot panic.
        Cow::Borrowed(s) if is_field_value(s) => Some(HeaderValue::from_static(s)),
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => HeaderValue::try_from(s).ok(),
    }
}
