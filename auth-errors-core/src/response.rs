//! The response plan: everything an HTTP response for an error carries, free of framework
//! types, decided in one place.
//!
//! The adapters (axum, actix-web, plain `http`) only convert a [`Plan`] into their own
//! response type. The plan holds:
//!
//! - the status;
//! - `WWW-Authenticate` when the entry has a challenge. A dynamic value that breaks an
//!   RFC 6750 rule is left out of the challenge (and reported in [`Plan::problems`])
//!   rather than sent half-written, so a 401 always carries a valid challenge
//!   (RFC 9110 §15.5.2);
//! - the content type of the body format;
//! - the extra headers, with any whose value could not be a field value (or breaks its
//!   header's rule: a `Retry-After` that is neither delay-seconds nor an IMF-fixdate) left out;
//! - the body, as a compile-time string where the variant allows.
//!
//! Variants whose whole response is known when the program is compiled do not come here:
//! the adapters answer them from constants.
//!
//! ```
//! use auth_errors_core::{response, AuthError, ChallengeSpec, ErrorSpec};
//! # #[derive(Debug)] struct Expired;
//! # impl std::fmt::Display for Expired { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("expired") } }
//! # impl std::error::Error for Expired {}
//! static SPEC: ErrorSpec = ErrorSpec::new("TOKEN_EXPIRED", 401, "Access token expired")
//!     .with_challenge(ChallengeSpec::new("Bearer", &[("error", "invalid_token")]));
//! # impl AuthError for Expired { fn spec(&self) -> &'static ErrorSpec { &SPEC } }
//! let plan = response::plan(&Expired);
//! assert_eq!(plan.status, 401);
//! assert_eq!(plan.www_authenticate.as_deref(), Some(r#"Bearer error="invalid_token""#));
//! assert_eq!(plan.format.content_type(), "application/json");
//! assert_eq!(plan.body, r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#);
//! ```

use std::borrow::Cow;

use crate::challenge::{ChallengeError, rules};
use crate::render;
use crate::{AuthError, BodyFormat};

/// What a response for an error carries. Made only by [`plan`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Plan {
    /// The HTTP status.
    pub status: u16,
    /// The `WWW-Authenticate` value, if the entry has a challenge.
    pub www_authenticate: Option<Cow<'static, str>>,
    /// The body format, whose media type is the `Content-Type`.
    pub format: BodyFormat,
    /// Extra headers (`Retry-After`, …), each a valid field value.
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Cow<'static, str>,
    /// Dynamic values that were left out because they broke a rule; for logging.
    pub problems: Vec<ChallengeError>,
}

/// The response plan for `err`: for a concealed entry, its target's response, byte for
/// byte ([`ErrorSpec::public`](crate::ErrorSpec::public)).
pub fn plan(err: &dyn AuthError) -> Plan {
    let spec = err.spec();
    let mut problems = Vec::new();
    let www_authenticate = match err.challenge_value() {
        Ok(value) => value,
        Err(e) => {
            problems.push(e);
            render::header::lenient(spec, &|name| err.param(name)).map(Cow::Owned)
        }
    };
    let public = spec.public();
    let headers = if public.headers().is_empty() {
        Vec::new()
    } else {
        err.headers()
            .into_iter()
            .filter_map(
                |(name, value)| match rules::check_header_value(name, &value) {
                    Ok(()) => Some((name, value.into_owned())),
                    Err(v) => {
                        problems.push(ChallengeError::from_violation(name, v));
                        None
                    }
                },
            )
            .collect()
    };
    Plan {
        status: public.status(),
        www_authenticate,
        format: public.body_format(),
        headers,
        body: err.body(),
        problems,
    }
}
