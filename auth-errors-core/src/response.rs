//! Everything an HTTP response for an error needs, free of framework types.
//!
//! The adapters (axum, actix-web, plain `http`) turn [`Parts`] into their own
//! response type; this module decides what goes in it, once:
//!
//! - the status;
//! - `WWW-Authenticate` when the entry has a challenge. A dynamic value that
//!   breaks an RFC 6750 rule is left out of the challenge (and reported in
//!   [`Parts::problems`]) rather than sent half-written, so a 401 always carries a
//!   valid challenge (RFC 9110 §15.5.2);
//! - the content type of the body format;
//! - the extra headers, with any whose value could not be a header value left out;
//! - the body, as a compile-time string where the variant allows.
//!
//! ```
//! use auth_errors_core::response;
//! # use auth_errors_core::{AuthError, ErrorSpec, error::ChallengeSpec};
//! # #[derive(Debug)] struct Expired;
//! # impl std::fmt::Display for Expired { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("expired") } }
//! # impl std::error::Error for Expired {}
//! # static SPEC: ErrorSpec = ErrorSpec { code: "TOKEN_EXPIRED", status: 401, message: "Access token expired",
//! #     challenge: Some(ChallengeSpec { scheme: "Bearer", params: &[("error", "invalid_token")] }), ..ErrorSpec::EMPTY };
//! # impl AuthError for Expired { fn spec(&self) -> &'static ErrorSpec { &SPEC } }
//! let parts = response::parts(&Expired);
//! assert_eq!(parts.status, 401);
//! assert_eq!(parts.www_authenticate.as_deref(), Some(r#"Bearer error="invalid_token""#));
//! assert_eq!(parts.content_type, "application/json");
//! assert_eq!(parts.body, r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#);
//! ```

use std::borrow::Cow;

use crate::challenge::{ChallengeError, rules};
use crate::error::AuthError;

/// What a response for an error carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// The HTTP status.
    pub status: u16,
    /// The `WWW-Authenticate` value, if the entry has a challenge.
    pub www_authenticate: Option<Cow<'static, str>>,
    /// The body's media type.
    pub content_type: &'static str,
    /// Extra headers (`Retry-After`, …), each a valid field value.
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Cow<'static, str>,
    /// Dynamic values that were left out because they broke a rule; for logging.
    pub problems: Vec<ChallengeError>,
}

/// Builds the parts of the response for `err`.
pub fn parts<E: AuthError + ?Sized>(err: &E) -> Parts {
    let spec = err.spec();
    let mut problems = Vec::new();
    let www_authenticate = match err.challenge_value() {
        Ok(value) => value,
        Err(e) => {
            problems.push(e);
            spec.challenge.map(|c| {
                let (challenge, _) = c.build_lenient(|name| err.param(name));
                Cow::Owned(challenge.to_header_value())
            })
        }
    };
    let headers = if spec.headers.is_empty() {
        Vec::new()
    } else {
        err.headers()
            .into_iter()
            .filter_map(|(name, value)| match rules::check_quotable(&value) {
                Ok(()) => Some((name, value.into_owned())),
                Err(v) => {
                    problems.push(ChallengeError::from_violation(name, v));
                    None
                }
            })
            .collect()
    };
    Parts {
        status: spec.status,
        www_authenticate,
        content_type: spec.body.content_type(),
        headers,
        body: err.body(),
        problems,
    }
}
