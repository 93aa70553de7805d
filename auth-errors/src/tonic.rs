//! gRPC through tonic 0.14 (feature `tonic`): every generated or derived enum converts
//! into a [`tonic::Status`] with AIP-193 details, from the same catalog entry as its
//! HTTP response.
//!
//! The status carries the entry's gRPC code ([`ErrorSpec::grpc`](crate::ErrorSpec::grpc),
//! from `google/rpc/code.proto`'s HTTP mapping) and the public message (the generic one
//! for `expose: false`; no source chain, no `DebugInfo`). Its details (tonic-types) are
//! an `ErrorInfo` (`reason`: the code; `domain`: the catalog's `domain`, else the name of
//! the crate that compiles it; `metadata`: the challenge's `error`, `scope`,
//! `error_description` and `resource_metadata`, then the params), a `Help` link to the
//! entry's documentation when the catalog has a `docs_url`, and a `RetryInfo` when the
//! response has a `Retry-After`. The `WWW-Authenticate` value of the HTTP response, byte
//! for byte, is the `www-authenticate` metadata entry, so a gateway can answer HTTP with
//! a valid header. See [`grpc::Plan`] for what this converts.
//!
//! ```
//! use auth_errors::tonic::tonic_types::StatusExt;
//!
//! #[auth_errors::catalog("examples/errors.yaml")]
//! #[derive(Debug)]
//! pub enum ApiError {}
//!
//! let status = tonic::Status::from(ApiError::TokenExpired);
//! assert_eq!(status.code(), tonic::Code::Unauthenticated);
//! assert_eq!(status.message(), "Access token expired");
//! let info = status.get_details_error_info().ok_or("no ErrorInfo")?;
//! assert_eq!(info.reason, "TOKEN_EXPIRED");
//! assert_eq!(info.metadata.get("error").map(String::as_str), Some("invalid_token"));
//! assert_eq!(
//!     status.metadata().get("www-authenticate").and_then(|v| v.to_str().ok()),
//!     Some(r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#),
//! );
//!
//! // And back: `(domain, reason)` names the variant, the metadata its fields.
//! assert_eq!(ApiError::try_from(&status)?.code(), "TOKEN_EXPIRED");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::time::Duration;

pub use tonic_types;

use tonic::metadata::MetadataValue;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::AuthError;
use crate::grpc::{self, WWW_AUTHENTICATE};

/// The status for `err`, its codes in `domain`: what `From<E> for Status` calls.
pub fn status(err: &dyn AuthError, domain: &str) -> Status {
    let plan = grpc::plan(err);
    let mut details = ErrorDetails::new();
    let metadata: HashMap<String, String> = plan
        .metadata
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    details.set_error_info(plan.reason, domain, metadata);
    if let Some(url) = plan.help {
        details.add_help_link(plan.help_description, url);
    }
    if let Some(seconds) = plan.retry_after {
        details.set_retry_info(Some(Duration::from_secs(seconds)));
    }
    let code = Code::from_i32(plan.code.number());
    let mut status = Status::with_error_details(code, plan.message, details);
    // The plan's value is a valid field value (ASCII, no CR/LF), so it is a valid
    // ASCII metadata value too.
    if let Some(value) = plan.www_authenticate
        && let Ok(value) = MetadataValue::try_from(value.as_ref())
    {
        status.metadata_mut().insert(WWW_AUTHENTICATE, value);
    }
    status
}

/// Why a [`Status`] is not an error of an enum: what `E::try_from(&status)` returns in
/// place of a panic. Its `Display` names what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromStatusError {
    kind: FromStatusErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum FromStatusErrorKind {
    NoErrorInfo,
    Domain {
        expected: String,
        found: String,
    },
    Reason(String),
    Param {
        reason: String,
        name: String,
        value: Option<String>,
    },
}

impl FromStatusError {
    /// A reason no variant of the enum has.
    #[doc(hidden)]
    pub fn reason(reason: &str) -> Self {
        FromStatusError {
            kind: FromStatusErrorKind::Reason(reason.to_owned()),
        }
    }

    /// The `ErrorInfo.reason`, when the status had one but it or a param did not fit.
    pub fn status_reason(&self) -> Option<&str> {
        match &self.kind {
            FromStatusErrorKind::Reason(r) | FromStatusErrorKind::Param { reason: r, .. } => {
                Some(r)
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for FromStatusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            FromStatusErrorKind::NoErrorInfo => f.write_str("the status has no ErrorInfo detail"),
            FromStatusErrorKind::Domain { expected, found } => {
                write!(f, "ErrorInfo domain '{found}' is not '{expected}'")
            }
            FromStatusErrorKind::Reason(reason) => {
                write!(f, "unknown ErrorInfo reason '{reason}'")
            }
            FromStatusErrorKind::Param {
                reason,
                name,
                value: None,
            } => write!(f, "{reason}: ErrorInfo metadata has no '{name}'"),
            FromStatusErrorKind::Param {
                reason,
                name,
                value: Some(value),
            } => write!(
                f,
                "{reason}: ErrorInfo metadata '{name}' is not valid: {value:?}"
            ),
        }
    }
}

impl std::error::Error for FromStatusError {}

/// The `ErrorInfo` of `status`, when its domain is `domain`: the first step of
/// `TryFrom<&Status>`.
#[doc(hidden)]
pub fn error_info(
    status: &Status,
    domain: &str,
) -> Result<tonic_types::ErrorInfo, FromStatusError> {
    let info = status.get_details_error_info().ok_or(FromStatusError {
        kind: FromStatusErrorKind::NoErrorInfo,
    })?;
    if info.domain != domain {
        return Err(FromStatusError {
            kind: FromStatusErrorKind::Domain {
                expected: domain.to_owned(),
                found: info.domain,
            },
        });
    }
    Ok(info)
}

/// The param `name` of the entry `reason`, parsed from the `ErrorInfo` metadata with its
/// field type's `FromStr` (a `Scope` is checked as when it is built).
#[doc(hidden)]
pub fn param<T: std::str::FromStr>(
    metadata: &HashMap<String, String>,
    reason: &str,
    name: &str,
) -> Result<T, FromStatusError> {
    let value = metadata.get(name);
    value
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| FromStatusError {
            kind: FromStatusErrorKind::Param {
                reason: reason.to_owned(),
                name: name.to_owned(),
                value: value.cloned(),
            },
        })
}
