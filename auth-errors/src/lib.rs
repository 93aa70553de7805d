//! One YAML catalog of API errors becomes Rust error enums that answer with the
//! right HTTP status, an RFC 6750 / RFC 9110 correct `WWW-Authenticate`
//! challenge and a stable JSON body.
//!
//! # From a catalog
//!
//! `#[auth_errors::catalog("…")]` on an empty enum generates one variant per
//! entry, in file order; params become typed fields. The path is relative to the
//! crate's `Cargo.toml`, and editing the file rebuilds the crate.
//!
//! ```
//! use auth_errors::AuthError;
//! use auth_errors::Scope;
//!
//! #[auth_errors::catalog("examples/errors.yaml")]
//! #[derive(Debug)]
//! pub enum ApiError {}
//!
//! let err = ApiError::InsufficientScope { scope: Scope::new("orders:read")? };
//! assert_eq!(err.status(), 403);
//! assert_eq!(err.code(), "INSUFFICIENT_SCOPE");
//! assert_eq!(
//!     err.challenge_value()?.as_deref(),
//!     Some(r#"Bearer realm="api", error="insufficient_scope", scope="orders:read""#),
//! );
//! assert_eq!(err.to_string(), "This action needs the orders:read scope");
//!
//! // A static variant's header and body are compile-time strings.
//! let expired = ApiError::TokenExpired;
//! assert!(matches!(expired.body(), std::borrow::Cow::Borrowed(_)));
//! assert_eq!(expired.body(), r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#);
//! # Ok::<(), auth_errors::ChallengeError>(())
//! ```
//!
//! # On a hand-written enum
//!
//! `#[derive(AuthError)]` checks each variant against the catalog (its name in
//! `SCREAMING_SNAKE_CASE` is its code), or takes the entry inline. `#[source]` and
//! `#[from]` fields are kept for `Error::source` and logging, and never reach a
//! response.
//!
//! ```
//! use auth_errors::AuthError;
//!
//! #[derive(Debug, auth_errors::AuthError)]
//! #[auth_error(catalog = "examples/errors.yaml")]
//! pub enum AppError {
//!     TokenExpired,
//!     #[auth_error(code = "INSUFFICIENT_SCOPE")]
//!     MissingScope { scope: String },
//!     #[auth_error(status = 500, code = "INTERNAL", message = "Internal error")]
//!     Internal(#[from] std::io::Error),
//! }
//!
//! fn read_config() -> Result<(), AppError> {
//!     Err(std::io::Error::other("disk on fire"))?
//! }
//!
//! let err = read_config().unwrap_err();
//! assert_eq!(err.status(), 500);
//! assert_eq!(err.body(), r#"{"code":"INTERNAL","message":"Internal error"}"#);
//! assert_eq!(std::error::Error::source(&err).map(|s| s.to_string()).as_deref(), Some("disk on fire"));
//! assert_eq!(AppError::MissingScope { scope: "orders:write".into() }.status(), 403);
//! ```
//!
//! It composes with thiserror: with `#[error("…")]` on the variants, thiserror
//! provides `Display`, `source` and `From`, and this derive only `AuthError`.
//!
//! With the `axum` feature, an enum whose variants with a fixed response are all unit
//! variants (most enums; not one with an `expose: false` entry that has params) may not
//! implement `Drop`: answering with such a variant does not drop the value, which owns
//! nothing, so the impl's body would not run. Such an impl is a compile error
//! (`conflicting implementations of trait CatalogEnumsMustNotImplementDrop`).
//!
//! # The runtime
//!
//! This crate re-exports `auth-errors-core`:
//!
//! - [`challenge`]: build `WWW-Authenticate` values that cannot be malformed,
//!   and parse them on the client side;
//! - [`body`]: `{"code","message"}` and RFC 9457 problem bodies;
//! - [`AuthError`] and [`ErrorSpec`] ([`spec`]): what a response needs from an error;
//! - [`response`]: the framework-free response plan the adapters convert; [`grpc`]: the
//!   gRPC one, which `tonic` (feature `tonic`) converts into a `tonic::Status`;
//! - [`catalog`](mod@catalog) (feature `catalog`, on by default): load and validate a catalog;
//! - [`oauth`]: the standard catalog as a ready enum;
//! - [`request`]: the generic HTTP failures (body, path, method, size, media type) as one;
//! - [`monitor`]: the OpenTelemetry fields, the response extension (feature
//!   `extension`) and the counters (feature `metrics`) every error response records;
//! - `jwt` (feature `jwt`): token validation that picks the right entry, JWKS, scope
//!   guards and RFC 9728 metadata; `layer` (feature `tower`): bare statuses in the
//!   catalog's format; `probe` (feature `probe`): check a live API.
//!
//! ```
//! use auth_errors::challenge::Challenge;
//!
//! let header = Challenge::bearer().realm("api")?.error("invalid_token")?;
//! assert_eq!(header.to_string(), r#"Bearer realm="api", error="invalid_token""#);
//! # Ok::<(), auth_errors::ChallengeError>(())
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]

// Generated code names `::auth_errors::…`; this lets the crate use its own macros.
extern crate self as auth_errors;

#[macro_use]
mod macros;

#[cfg(feature = "catalog")]
pub use auth_errors_core::catalog;
#[cfg(feature = "docs")]
pub use auth_errors_core::docs;
pub use auth_errors_core::locale;
pub use auth_errors_core::{
    AuthError, BodyFormat, Challenge, ChallengeError, ChallengeSpec, ClientAction, ErrorSpec,
    GrpcCode, HttpDate, ParamType, Scope, body, challenge, grpc, response, spec, template,
};
pub use auth_errors_macros::{AuthError, catalog};

#[cfg(feature = "actix")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
pub mod bearer;
#[cfg(feature = "http")]
pub mod http;
#[cfg(feature = "jwt")]
pub mod jwt;
#[cfg(feature = "tower")]
pub mod layer;
pub mod localize;
pub mod monitor;
pub mod oauth;
#[cfg(feature = "probe")]
pub mod probe;
pub mod request;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(any(feature = "http", feature = "actix"))]
mod trace;
#[cfg(feature = "utoipa")]
pub mod utoipa;

/// Items the generated code names; not a public API.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "actix")]
    pub use crate::actix::StaticHead as ActixHead;
    #[cfg(feature = "actix")]
    pub use crate::actix::static_error_response as actix_static;
    #[cfg(feature = "axum")]
    pub use crate::axum::{into_response as axum_response, static_response as axum_static};
    #[cfg(feature = "http")]
    pub use crate::http::StaticHead as HttpHead;
    #[cfg(feature = "actix")]
    pub use actix_web;
    pub use auth_errors_core::__private::*;
    #[cfg(feature = "axum")]
    pub use axum_core;
    #[cfg(feature = "tonic")]
    pub use tonic;
    #[cfg(feature = "utoipa")]
    pub use utoipa;
}

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
