//! The gRPC answer of an error, free of tonic's types: what `From<E> for tonic::Status`
//! (feature `tonic` of `auth-errors`) sends, decided in one place, as
//! [`response::plan`] decides the HTTP one.
//!
//! The plan follows AIP-193: the status code is the entry's [`GrpcCode`]
//! ([`ErrorSpec::grpc`](crate::ErrorSpec::grpc)); the message is the public one (the
//! generic message for an entry with `expose: false`, never a source chain); the
//! `ErrorInfo` has the code as `reason`, the catalog's domain, and as metadata the
//! challenge's `error`, `scope`, `error_description` and `resource_metadata`, then the
//! entry's params. The whole `WWW-Authenticate` value, the very bytes the HTTP response
//! carries, goes in a `www-authenticate` metadata entry for gateways. A concealed entry
//! answers with its target's face, as over HTTP.
//!
//! ```
//! use auth_errors_core::{grpc, AuthError, ChallengeSpec, ErrorSpec, GrpcCode};
//! # #[derive(Debug)] struct Expired;
//! # impl std::fmt::Display for Expired { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("expired") } }
//! # impl std::error::Error for Expired {}
//! static SPEC: ErrorSpec = ErrorSpec::new("TOKEN_EXPIRED", 401, "Access token expired")
//!     .with_challenge(ChallengeSpec::new("Bearer", &[("realm", "api"), ("error", "invalid_token")]));
//! # impl AuthError for Expired { fn spec(&self) -> &'static ErrorSpec { &SPEC } }
//! let plan = grpc::plan(&Expired);
//! assert_eq!(plan.code, GrpcCode::Unauthenticated);
//! assert_eq!(plan.reason, "TOKEN_EXPIRED");
//! assert_eq!(plan.message, "Access token expired");
//! assert_eq!(plan.metadata, [("error", "invalid_token".to_owned())]);
//! assert_eq!(plan.www_authenticate.as_deref(), Some(r#"Bearer realm="api", error="invalid_token""#));
//! ```

use std::borrow::Cow;
use std::time::SystemTime;

use crate::challenge;
use crate::spec::{GENERIC_MESSAGE, GrpcCode};
use crate::{AuthError, ErrorSpec, HttpDate, response};

/// The metadata key of the whole `WWW-Authenticate` value.
pub const WWW_AUTHENTICATE: &str = "www-authenticate";

/// The challenge attributes copied into `ErrorInfo.metadata`, in this order.
pub const CHALLENGE_METADATA: &[&str] =
    &["error", "scope", "error_description", "resource_metadata"];

/// The longest metadata key AIP-193 allows.
const MAX_KEY_LEN: usize = 64;

/// Whether `key` may be an `ErrorInfo.metadata` key: AIP-193 (`google/rpc/error_details.proto`)
/// asks for `[a-z][a-zA-Z0-9-_]+`, at most 64 characters. A key that is not is never sent.
///
/// ```
/// use auth_errors_core::grpc::is_metadata_key;
///
/// assert!(is_metadata_key("error_description"));
/// assert!(is_metadata_key("www-authenticate"));
/// assert!(!is_metadata_key("e"));
/// assert!(!is_metadata_key("Error"));
/// ```
pub const fn is_metadata_key(key: &str) -> bool {
    let b = key.as_bytes();
    if b.len() < 2 || b.len() > MAX_KEY_LEN || !b[0].is_ascii_lowercase() {
        return false;
    }
    let mut i = 1;
    while i < b.len() {
        if !(b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b'_') {
            return false;
        }
        i += 1;
    }
    true
}

/// What a gRPC status for an error carries. Made only by [`plan`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Plan {
    /// The status code; `UNKNOWN` for a hand-built spec whose status derives none.
    pub code: GrpcCode,
    /// The public message: its params filled, or the generic message for an entry that
    /// does not expose its own.
    pub message: String,
    /// `ErrorInfo.reason`: the code the client sees (a concealed entry's target's).
    pub reason: &'static str,
    /// `ErrorInfo.metadata`, in order: the challenge's attributes of
    /// [`CHALLENGE_METADATA`] it has, then the params not named already (none for an
    /// entry with `expose: false`); every key passes [`is_metadata_key`].
    pub metadata: Vec<(&'static str, String)>,
    /// The documentation link (`Help`), if the entry has one.
    pub help: Option<&'static str>,
    /// What the `Help` link is: the entry's problem title.
    pub help_description: &'static str,
    /// The delay `RetryInfo` gives, from the `Retry-After` header, in seconds.
    pub retry_after: Option<u64>,
    /// The `WWW-Authenticate` value of the HTTP response, if the entry has a challenge.
    pub www_authenticate: Option<Cow<'static, str>>,
}

/// The `ErrorInfo.metadata` keys an entry's status can carry, in the order of
/// [`Plan::metadata`]: the challenge attributes of [`CHALLENGE_METADATA`] its (public
/// face's) first challenge has, then its params (none for `expose: false`); what the
/// `.proto` of reasons lists.
pub fn metadata_keys(spec: &ErrorSpec) -> Vec<&'static str> {
    let public = spec.public();
    let mut keys: Vec<&'static str> = Vec::new();
    if let Some(challenge) = public.challenge() {
        for &key in CHALLENGE_METADATA {
            if challenge.get(key).is_some() {
                keys.push(key);
            }
        }
    }
    if public.expose() {
        for param in public.params() {
            if is_metadata_key(param.name()) && !keys.contains(&param.name()) {
                keys.push(param.name());
            }
        }
    }
    keys
}

/// Why an entry with `status` needs a `grpc:` choice: the message of the `grpc-choice`
/// rule, in the catalog check and in the compile error of the `tonic` feature.
///
/// ```
/// assert_eq!(
///     auth_errors_core::grpc::missing_code(409),
///     "status 409 maps to ALREADY_EXISTS or ABORTED in google/rpc/code.proto, neither more general: choose one with 'grpc:' to answer over gRPC",
/// );
/// ```
pub fn missing_code(status: u16) -> String {
    let codes: Vec<&str> = GrpcCode::for_status(status).map(GrpcCode::name).collect();
    match codes.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!(
            "status {status} maps to {} or {last} in google/rpc/code.proto, neither more general: choose one with 'grpc:' to answer over gRPC",
            rest.join(", ")
        ),
        _ => format!(
            "google/rpc/code.proto maps no gRPC code to status {status}: choose one with 'grpc:' (any code but OK) to answer over gRPC"
        ),
    }
}

/// The gRPC plan for `err`: for a concealed entry, its target's face.
pub fn plan(err: &dyn AuthError) -> Plan {
    let spec = err.spec();
    let public = spec.public();
    let http = response::plan(err);
    let mut metadata: Vec<(&'static str, String)> = Vec::new();
    // The attributes the header carries, read back with the one parser: the metadata
    // says what the header says.
    if let Some(first) = http
        .www_authenticate
        .as_deref()
        .and_then(|v| challenge::parse(v).ok())
        .and_then(|list| list.into_iter().next())
    {
        for &key in CHALLENGE_METADATA {
            if let Some(value) = first.param(key) {
                metadata.push((key, value.to_owned()));
            }
        }
    }
    // A redacted entry's params are as internal as its message.
    let params = if public.expose() {
        public.params()
    } else {
        &[]
    };
    for param in params {
        let name = param.name();
        if is_metadata_key(name)
            && !metadata.iter().any(|(k, _)| *k == name)
            && let Some(value) = err.param(name)
        {
            metadata.push((name, value.into_owned()));
        }
    }
    let retry_after = http
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("retry-after"))
        .and_then(|(_, v)| retry_seconds(v));
    Plan {
        code: public.grpc().unwrap_or(GrpcCode::Unknown),
        message: message(err),
        reason: public.code(),
        metadata,
        help: public.type_uri(),
        help_description: public.problem_title(),
        retry_after,
        www_authenticate: http.www_authenticate,
    }
}

/// The message the client sees, as the body carries it.
fn message(err: &dyn AuthError) -> String {
    let spec = err.spec();
    let public = spec.public();
    if !public.expose() {
        GENERIC_MESSAGE.to_owned()
    } else if spec.is_concealed() {
        // The target uses no param.
        crate::render::message::of(public, &|_| None).into_owned()
    } else {
        err.message().into_owned()
    }
}

/// A `Retry-After` value (RFC 9110 §10.2.3) as seconds from now: delay-seconds as they
/// are, an HTTP-date as the time left until it (none when it is past).
fn retry_seconds(value: &str) -> Option<u64> {
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds);
    }
    let date: HttpDate = value.parse().ok()?;
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(date.unix_seconds().saturating_sub(now))
}
