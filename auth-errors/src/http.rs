//! A plain `http::Response<Bytes>` for an error, for tower and hyper users; the axum
//! adapter is built on it.
//!
//! ```
//! use auth_errors::oauth::OAuthError;
//!
//! let response = auth_errors::http::to_http(&OAuthError::TokenExpired);
//! assert_eq!(response.status(), 401);
//! assert_eq!(
//!     response.headers()["www-authenticate"],
//!     r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#,
//! );
//! assert_eq!(response.headers()["content-type"], "application/json");
//! ```

use bytes::Bytes;
use http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use http::{Response, StatusCode};

use crate::{AuthError, response, trace};

header_conversions!(http::header, StatusCode, status_code);

/// The status as `http`'s type; the catalog keeps statuses in 400–599.
const fn status_code(status: u16) -> StatusCode {
    match StatusCode::from_u16(status) {
        Ok(status) => status,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The response for `err`: status, `WWW-Authenticate`, content type, extra headers and
/// body. A static variant's header and body are used as `&'static` bytes, not copied.
pub fn to_http(err: &dyn AuthError) -> Response<Bytes> {
    build(err, |bytes| bytes)
}

/// [`to_http`] with the body turned into `B` before the response is assembled, so an
/// adapter does not move a finished response to change its body type.
pub(crate) fn build<B>(err: &dyn AuthError, body: impl FnOnce(Bytes) -> B) -> Response<B> {
    let plan = response::plan(err);
    trace::planned(err, &plan);
    let mut response = Response::new(body(body_bytes(plan.body)));
    *response.status_mut() = status_code(plan.status);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, content_type(plan.format));
    if let Some(value) = plan.www_authenticate.and_then(header_value) {
        headers.insert(WWW_AUTHENTICATE, value);
    }
    for (name, value) in extra_headers(plan.headers) {
        headers.append(name, value);
    }
    #[cfg(feature = "extension")]
    response
        .extensions_mut()
        .insert(crate::monitor::ErrorInfo::of(err));
    #[cfg(feature = "locale")]
    response
        .extensions_mut()
        .insert(crate::localize::Answered::of(err));
    response
}

impl StaticHead {
    /// The response for `err`, a static variant with this head and `body` (its spec's
    /// compiled text): the same response and the same event as [`to_http`].
    pub fn to_http(self, err: &dyn AuthError, body: &'static str) -> Response<Bytes> {
        self.build(err, Bytes::from_static(body.as_bytes()))
    }

    /// [`StaticHead::to_http`] with the body already turned into `B`.
    #[inline]
    pub(crate) fn build<B>(self, err: &dyn AuthError, body: B) -> Response<B> {
        crate::monitor::observe(err, self.status.as_u16());
        let mut response = Response::new(body);
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, self.content_type);
        if let Some(value) = self.challenge {
            headers.insert(WWW_AUTHENTICATE, value);
        }
        #[cfg(feature = "extension")]
        response
            .extensions_mut()
            .insert(crate::monitor::ErrorInfo::of(err));
        #[cfg(feature = "locale")]
        response
            .extensions_mut()
            .insert(crate::localize::Answered::of(err));
        response
    }
}
