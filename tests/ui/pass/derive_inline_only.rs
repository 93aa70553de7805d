//! A derive with no catalog at all: every variant inline. The enum is `pub(crate)`
//! inside a module, and not generic.

mod errors {
    #[derive(Debug, Clone, PartialEq, auth_errors::AuthError)]
    pub(crate) enum AppError {
        #[auth_error(status = 401, message = "Authentication required", challenge(realm = "api"))]
        TokenMissing,
        #[auth_error(status = 401, message = "Sign in", challenge(realm = "api", error = "invalid_token"))]
        TokenExpired,
        #[auth_error(status = 429, message = "Retry in {seconds} s")]
        Slow { seconds: u64 },
        #[auth_error(status = 404, code = "NOT_FOUND", message = "No {what} here")]
        Missing(&'static str),
        #[auth_error(status = 400, message = "Literal {{braces}}")]
        Braces,
    }
}

use auth_errors::AuthError;
use errors::AppError;

fn main() {
    let e = AppError::TokenMissing;
    assert_eq!(e.code(), "TOKEN_MISSING");
    assert_eq!(e.status(), 401);
    // No catalog defaults: the realm is inline, as a Bearer challenge needs an
    // auth-param (RFC 6750 §3; `derive_inline_bare_bearer` in ui/fail).
    assert_eq!(e.challenge_value().unwrap().as_deref(), Some(r#"Bearer realm="api""#));

    let e = AppError::TokenExpired;
    assert_eq!(
        e.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="invalid_token""#),
    );

    let e = AppError::Slow { seconds: 9 };
    assert_eq!(e.code(), "SLOW");
    assert_eq!(e.to_string(), "Retry in 9 s");
    assert_eq!(e.spec().params()[0].ty(), auth_errors::ParamType::Integer);

    let e = AppError::Missing("order");
    assert_eq!(e.to_string(), "No order here");
    assert_eq!(e.body(), r#"{"code":"NOT_FOUND","message":"No order here"}"#);

    let e = AppError::Braces;
    assert_eq!(e.to_string(), "Literal {braces}");
    assert_eq!(e.clone(), AppError::Braces);
    assert_eq!("BRACES".parse::<AppError>(), Ok(AppError::Braces));
}
