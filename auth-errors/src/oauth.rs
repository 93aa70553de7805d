//! The standard catalog as a ready enum, for services with no catalog of their own.
//!
//! [`OAuthError`] is generated from the standard catalog
//! (`auth-errors-core/std/auth-errors.yaml`, embedded in `auth-errors-core`): the
//! failures RFC 6750, RFC 9110 and RFC 9470 define.
//!
//! ```
//! use auth_errors::AuthError;
//! use auth_errors::Scope;
//! use auth_errors::oauth::OAuthError;
//!
//! let err = OAuthError::TokenExpired;
//! assert_eq!(err.status(), 401);
//! assert_eq!(
//!     err.challenge_value()?.as_deref(),
//!     Some(r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#),
//! );
//! assert_eq!(err.body(), r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#);
//!
//! let err = OAuthError::InsufficientScope { scope: Scope::new("orders:write")? };
//! assert_eq!(err.to_string(), "This action needs the orders:write scope");
//! assert_eq!("TOKEN_MISSING".parse::<OAuthError>(), Ok(OAuthError::TokenMissing));
//! # Ok::<(), auth_errors::ChallengeError>(())
//! ```

/// The errors of the standard catalog, one variant per entry.
#[crate::catalog(std, crate = "crate")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OAuthError {}
