//! The embedded standard catalog: `auth_errors::oauth::OAuthError`.

use auth_errors::AuthError;
use auth_errors::Scope;
use auth_errors::oauth::OAuthError;

fn main() {
    let e = OAuthError::TokenMissing;
    assert_eq!(e.status(), 401);
    assert_eq!(e.code(), "TOKEN_MISSING");
    assert_eq!(e.challenge_value().unwrap().as_deref(), Some(r#"Bearer realm="api""#));

    let e = OAuthError::TokenExpired;
    assert_eq!(
        e.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#),
    );
    assert_eq!(e.body(), r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#);

    let e = OAuthError::InsufficientScope { scope: Scope::new("orders:write").unwrap() };
    assert_eq!(e.status(), 403);
    assert_eq!(e.to_string(), "This action needs the orders:write scope");

    let e = OAuthError::InvalidRequest;
    assert_eq!(e.status(), 400);

    let e = OAuthError::InsufficientUserAuthentication { acr_values: "gold".into(), max_age: 60 };
    assert_eq!(e.status(), 401);
    assert!(e.challenge_value().unwrap().unwrap().contains(r#"max_age="60""#));

    assert_eq!("TOKEN_REVOKED".parse::<OAuthError>(), Ok(OAuthError::TokenRevoked));
    assert_eq!(OAuthError::SPECS.len(), 12);
    // Clone + Eq from the crate's own derives.
    assert_eq!(OAuthError::TokenInvalid.clone(), OAuthError::TokenInvalid);

    // It composes: a user enum can wrap it as a source.
    #[derive(Debug, auth_errors::AuthError)]
    enum Wrapper {
        #[auth_error(status = 401, message = "Unauthorized", challenge(realm = "api"))]
        Auth(#[from] OAuthError),
    }
    let w: Wrapper = OAuthError::TokenExpired.into();
    assert_eq!(w.status(), 401);
    assert_eq!(
        std::error::Error::source(&w).map(ToString::to_string).as_deref(),
        Some("Access token expired"),
    );
}
