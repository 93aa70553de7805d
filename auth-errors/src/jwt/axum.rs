//! The [`Jwt`] extractor for axum 0.8.

use axum_core::extract::{FromRef, FromRequestParts};
use axum_core::response::IntoResponse;
use http::header::AUTHORIZATION;
use http::request::Parts;
use serde::de::DeserializeOwned;

use crate::jwt::{Claims, Jwt, Verifier, answer, claims_of};
use crate::oauth::OAuthError;

/// `Jwt<T, E>` in a handler: the [`Verifier`] from the state (`Verifier: FromRef<S>`),
/// or the claims a [`ValidateJwt`](crate::jwt::ValidateJwt) layer already checked.
impl<S, T, E> FromRequestParts<S> for Jwt<T, E>
where
    S: Send + Sync,
    Verifier: FromRef<S>,
    T: DeserializeOwned + Send + Sync + 'static,
    E: From<OAuthError> + IntoResponse,
{
    type Rejection = E;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, E> {
        let checked = parts.extensions.remove::<Claims<T>>();
        let verifier = Verifier::from_ref(state);
        let values = parts.headers.get_all(AUTHORIZATION);
        claims_of(
            Some(&verifier),
            values.iter().map(|v| v.as_bytes()),
            checked,
        )
        .await
        .map(|claims| Jwt(claims, std::marker::PhantomData))
        .map_err(answer)
    }
}

/// The entry's own response (a static variant's compile-time head and body); the cause
/// goes to a debug event first.
impl axum_core::response::IntoResponse for crate::jwt::Rejection {
    #[inline]
    fn into_response(self) -> axum_core::response::Response {
        answer::<OAuthError>(self).into_response()
    }
}
