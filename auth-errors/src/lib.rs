//! One YAML catalog of API errors becomes Rust error enums that answer with the
//! right HTTP status, an RFC 6750 / RFC 9110 correct `WWW-Authenticate`
//! challenge and a stable JSON body.
//!
//! This crate re-exports the runtime of `auth-errors-core`:
//!
//! - [`challenge`]: build `WWW-Authenticate` values that cannot be malformed,
//!   and parse them on the client side;
//! - [`body`]: `{"code","message"}` and RFC 9457 problem bodies;
//! - [`AuthError`] and [`ErrorSpec`]: what a response needs from an error;
//! - [`catalog`] (feature `catalog`, on by default): load and validate a catalog.
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

#[doc(hidden)]
pub use auth_errors_core::__private;
#[cfg(feature = "catalog")]
pub use auth_errors_core::catalog;
pub use auth_errors_core::{
    AuthError, BodyFormat, Challenge, ChallengeError, ClientAction, ErrorSpec, body, challenge,
    error, template,
};
pub use auth_errors_macros::{AuthError, catalog};

pub mod oauth;
