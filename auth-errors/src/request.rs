//! The generic HTTP failures as a ready enum: [`RequestError`], generated from the
//! embedded `http` catalog (`auth-errors-core/std/http-errors.yaml`), for the answers a
//! service gives when a request is wrong in itself (a malformed body, an unknown path or
//! method, a body too large or of the wrong type). None has a challenge: none is an
//! authentication failure.
//!
//! Compose it with your own catalog as `include: [std, http]`, or use the enum as it is.
//!
//! ```
//! use auth_errors::AuthError;
//! use auth_errors::request::RequestError;
//!
//! let err = RequestError::MethodNotAllowed { allow: "GET, HEAD".into() };
//! assert_eq!(err.status(), 405);
//! // RFC 9110 §15.5.6: a 405 carries Allow.
//! assert_eq!(err.headers(), [("Allow", "GET, HEAD".into())]);
//! assert_eq!(err.challenge_value()?, None);
//! assert_eq!(
//!     RequestError::NotFound.body(),
//!     r#"{"code":"NOT_FOUND","message":"No resource at this path"}"#,
//! );
//! # Ok::<(), auth_errors::ChallengeError>(())
//! ```

/// The errors of the `http` catalog, one variant per entry.
#[crate::catalog(http, crate = "crate")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {}
