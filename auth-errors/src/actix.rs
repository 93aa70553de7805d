//! actix-web 4: every generated or derived enum implements `ResponseError` (when this
//! crate's `actix` feature is on, with nothing to repeat in your crate), and
//! [`Bearer`] is an extractor.
//!
//! [`json_config`], [`form_config`], [`query_config`] and [`path_config`] make the
//! extractors' errors answer with the `http` catalog, and [`not_found`] is a default
//! service answering `404 NOT_FOUND` the same way.
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
    #[cfg(feature = "locale")]
    http.extensions_mut()
        .insert(crate::localize::Answered::of(err));
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
    #[cfg(feature = "locale")]
    http.extensions_mut()
        .insert(crate::localize::Answered::of(err));
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

/// The entry an extractor's error answers with, by its status (as the axum adapter
/// does): the extractor's own 400 otherwise. The error's text goes to the log.
fn rejected(
    err: &dyn ResponseError,
    bad_request: crate::request::RequestError,
) -> actix_web::Error {
    use crate::request::RequestError;
    let status = err.status_code().as_u16();
    let entry = match status {
        413 => RequestError::PayloadTooLarge,
        415 => RequestError::UnsupportedMediaType,
        422 => RequestError::UnprocessableContent,
        s if s >= 500 => RequestError::InternalError,
        _ => bad_request,
    };
    if status >= 500 {
        tracing::error!(status, reason = %err, "an actix-web extractor failed on the route's own setup");
    } else {
        tracing::debug!(status, reason = %err, "request rejected by an extractor");
    }
    actix_web::Error::from(entry)
}

/// `web::JsonConfig` whose errors answer with the `http` catalog: a body that is not
/// JSON `BAD_REQUEST_BODY` (400), one of the wrong shape `UNPROCESSABLE_CONTENT` (422),
/// another content type `UNSUPPORTED_MEDIA_TYPE` (415), over the limit
/// `PAYLOAD_TOO_LARGE` (413). Register it with `App::app_data(json_config())`.
pub fn json_config() -> actix_web::web::JsonConfig {
    actix_web::web::JsonConfig::default().error_handler(|err, _req| {
        use crate::request::RequestError;
        use actix_web::error::JsonPayloadError;
        // serde's data errors (a missing field) are the body's shape, not its syntax;
        // another content type is 415 (RFC 9110 §15.5.16), which actix-web answers 400.
        let entry = match &err {
            JsonPayloadError::Deserialize(e) if e.is_data() => RequestError::UnprocessableContent,
            JsonPayloadError::ContentType => RequestError::UnsupportedMediaType,
            _ => return rejected(&err, RequestError::BadRequestBody),
        };
        tracing::debug!(reason = %err, "request rejected by an extractor");
        actix_web::Error::from(entry)
    })
}

/// `web::FormConfig` whose errors answer with the `http` catalog, as [`json_config`]'s.
pub fn form_config() -> actix_web::web::FormConfig {
    actix_web::web::FormConfig::default().error_handler(|err, _req| {
        use crate::request::RequestError;
        if matches!(err, actix_web::error::UrlencodedError::ContentType) {
            tracing::debug!(reason = %err, "request rejected by an extractor");
            return actix_web::Error::from(RequestError::UnsupportedMediaType);
        }
        rejected(&err, RequestError::BadRequestBody)
    })
}

/// `web::QueryConfig` whose errors answer `INVALID_QUERY` (400).
pub fn query_config() -> actix_web::web::QueryConfig {
    actix_web::web::QueryConfig::default()
        .error_handler(|err, _req| rejected(&err, crate::request::RequestError::InvalidQuery))
}

/// `web::PathConfig` whose errors answer `INVALID_PATH` (400).
pub fn path_config() -> actix_web::web::PathConfig {
    actix_web::web::PathConfig::default()
        .error_handler(|err, _req| rejected(&err, crate::request::RequestError::InvalidPath))
}

/// The default service of an app: `404 NOT_FOUND` in the catalog's format, for
/// `App::default_service(web::to(auth_errors::actix::not_found))`.
pub async fn not_found() -> HttpResponse {
    error_response(&crate::request::RequestError::NotFound)
}

/// A resource's default service: `405 METHOD_NOT_ALLOWED` with `Allow: allow` (RFC 9110
/// §15.5.6: a 405 must list the methods), for
/// `web::resource(path).route(..).default_service(web::to(method_not_allowed("GET,HEAD")))`;
/// actix-web's own 405 has neither a body nor `Allow`.
pub fn method_not_allowed(
    allow: &'static str,
) -> impl Fn() -> std::future::Ready<HttpResponse> + Clone + 'static {
    move || {
        std::future::ready(error_response(
            &crate::request::RequestError::MethodNotAllowed {
                allow: allow.to_owned(),
            },
        ))
    }
}
