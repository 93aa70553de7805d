//! JWT validation that answers every failure with the right standard catalog entry
//! (feature `jwt`, on `jsonwebtoken` 12 with its RustCrypto backend: pure Rust, no
//! system library).
//!
//! A [`Verifier`] checks a token against configured keys or an issuer's [`Jwks`]; the
//! extractors ([`Jwt`], with the `axum` or `actix` feature) and the tower layers
//! ([`ValidateJwt`], [`RequireScope`], [`ValidateBearer`]) answer with the entries
//! below, through [`OAuthError`] or any enum that converts from it.
//!
//! # Which entry a token gets
//!
//! | outcome | entry | status |
//! |---|---|---|
//! | no `Authorization`, or another scheme | `TOKEN_MISSING` | 401, challenge without `error` |
//! | `Bearer` with a malformed token, two `Authorization` headers, a token over `max_token_len` (8 KiB) | `INVALID_REQUEST` | 400 `invalid_request` |
//! | `exp` now or past (RFC 7519 §4.1.4, with the leeway), **signature verified** | `TOKEN_EXPIRED` | 401 `invalid_token` |
//! | bad signature (also when expired too), not a JWT, bad base64 or JSON | `TOKEN_INVALID` | 401 `invalid_token` |
//! | `alg` not allowed (`none`, `HS256` against an RSA key), no key for the `kid` | `TOKEN_INVALID` | 401 `invalid_token` |
//! | `nbf` in the future, wrong `iss`, `aud` or `sub`, a required claim missing or malformed, an `exp` of 0 | `TOKEN_INVALID` | 401 `invalid_token` |
//! | valid, without the scope the route needs | `INSUFFICIENT_SCOPE` | 403 `insufficient_scope`, `scope` named |
//! | the issuer's JWKS unreachable and no key cached | `AUTH_UNAVAILABLE` | 503, `Retry-After`, no challenge |
//! | the server's own key or settings broken | `AUTH_SERVER_ERROR` | 500, logged at error level |
//! | a `jsonwebtoken` error kind added after this release | `TOKEN_INVALID` | 401, and a warn event |
//!
//! Every `error_description` is the catalog's fixed text: nothing of the token, the
//! key or the settings reaches a response. The cause stays in the rejection's
//! [`source`](std::error::Error::source), for the log.
//!
//! The algorithm comes from the configuration: the token's `alg` only picks among the
//! allowed ones, and a key only verifies algorithms of its own type.
//!
//! ```
//! use auth_errors::AuthError;
//! use auth_errors::jwt::{Algorithm, DecodingKey, EncodingKey, Header, Verifier};
//!
//! let secret = b"a secret of at least 32 bytes....";
//! let verifier = Verifier::builder()
//!     .algorithms([Algorithm::HS256])
//!     .audience("api")
//!     .key(DecodingKey::from_secret(secret)?)
//!     .build()?;
//!
//! let now = auth_errors::jwt::jsonwebtoken::get_current_timestamp();
//! let claims = serde_json::json!({"sub": "ada", "aud": "api", "exp": now - 3600, "scope": "orders:read"});
//! let expired = auth_errors::jwt::jsonwebtoken::encode(&Header::default(), &claims, &EncodingKey::from_secret(secret)?)?;
//!
//! let rejection = futures_lite_block_on(verifier.verify::<serde_json::Value>(&expired)).unwrap_err();
//! assert_eq!(rejection.code(), "TOKEN_EXPIRED");
//! assert_eq!(rejection.status(), 401);
//! # fn futures_lite_block_on<F: std::future::Future>(f: F) -> F::Output {
//! #     let mut f = std::pin::pin!(f);
//! #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
//! #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v; } }
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod claims;
mod compact;
mod jwks;
mod keys;
mod layer;
mod metadata;
mod rejection;
mod verifier;

#[cfg(feature = "actix")]
pub mod actix;
#[cfg(feature = "axum")]
mod axum;

pub use claims::{Claims, Scopes};
pub use jsonwebtoken::{self, Algorithm, DecodingKey, EncodingKey, Header};
pub use jwks::{Jwks, JwksBuilder};
pub use layer::{
    AddResourceMetadata, RequireScope, RequireScopeLayer, ValidateBearer, ValidateBearerLayer,
    ValidateJwt, ValidateJwtLayer,
};
pub use metadata::{MetadataService, ProtectedResource};
pub use rejection::{Rejection, classify};
pub use verifier::{ConfigError, Verifier, VerifierBuilder};

use crate::oauth::OAuthError;

/// A validated token's claims as an extractor (axum's `FromRequestParts`, actix-web's
/// `FromRequest`), answering a rejected token with `E`: [`OAuthError`] by default, or
/// any enum with `From<OAuthError>`.
///
/// The [`Verifier`] comes from the state (axum: `Verifier: FromRef<S>`) or the app data
/// (actix-web: `web::Data<Verifier>`); claims a [`ValidateJwt`] layer already checked
/// are taken from the request's extensions instead of being checked again.
pub struct Jwt<T, E = OAuthError>(pub Claims<T>, std::marker::PhantomData<fn() -> E>);

impl<T, E> Jwt<T, E> {
    /// The claims.
    pub fn into_claims(self) -> Claims<T> {
        self.0
    }
}

impl<T, E> std::ops::Deref for Jwt<T, E> {
    type Target = Claims<T>;
    fn deref(&self) -> &Claims<T> {
        &self.0
    }
}

impl<T, E> std::fmt::Debug for Jwt<T, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Jwt").field(&self.0).finish()
    }
}

/// The claims of the request's bearer token: from a [`ValidateJwt`] layer's check when
/// one ran, else checked now. Shared by the extractors.
pub(crate) async fn claims_of<'a, T, I>(
    verifier: Option<&Verifier>,
    authorization: I,
    checked: Option<Claims<T>>,
) -> Result<Claims<T>, Rejection>
where
    T: serde::de::DeserializeOwned,
    I: IntoIterator<Item = &'a [u8]>,
{
    if let Some(claims) = checked {
        return Ok(claims);
    }
    let token = crate::bearer::from_authorization(authorization)?;
    let Some(verifier) = verifier else {
        tracing::error!(
            "a Jwt extractor ran with no Verifier in the state or app data, and no ValidateJwt layer"
        );
        return Err(Rejection::new(OAuthError::AuthServerError));
    };
    verifier.verify(token).await
}

/// Turns a rejection into the answer type, logging its cause first: the conversion to
/// `E` keeps the entry, not the cause.
#[inline]
pub(crate) fn answer<E: From<OAuthError>>(rejection: Rejection) -> E {
    rejection.log_cause();
    E::from(rejection.into_error())
}
