//! `std` in place of a path: the standard catalog core embeds, with no file, for both
//! macros.

use auth_errors::AuthError;
use auth_errors::bearer::BearerRejection;
use auth_errors::Scope;

#[auth_errors::catalog(std)]
#[derive(Debug, PartialEq)]
pub enum Standard {}

#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = std, exhaustive)]
pub enum Mine {
    TokenMissing,
    #[auth_error(code = "TOKEN_EXPIRED")]
    Expired,
    TokenInvalid,
    TokenRevoked,
    InsufficientScope { scope: Scope },
    InvalidRequest,
    InsufficientUserAuthentication { acr_values: String, max_age: u32 },
    DpopProofInvalid { algs: String },
    DpopNonceRequired { nonce: String },
    BearerOrDpopRequired { algs: String },
    AuthUnavailable { retry_after: u64 },
    AuthServerError,
}

fn main() {
    // The twelve entries of auth-errors-core/std/auth-errors.yaml, in file order.
    let codes: Vec<&str> = Standard::SPECS.iter().map(|s| s.code()).collect();
    assert_eq!(
        codes,
        [
            "TOKEN_MISSING",
            "TOKEN_EXPIRED",
            "TOKEN_INVALID",
            "TOKEN_REVOKED",
            "INSUFFICIENT_SCOPE",
            "INVALID_REQUEST",
            "INSUFFICIENT_USER_AUTHENTICATION",
            "DPOP_PROOF_INVALID",
            "DPOP_NONCE_REQUIRED",
            "BEARER_OR_DPOP_REQUIRED",
            "AUTH_UNAVAILABLE",
            "AUTH_SERVER_ERROR",
        ]
    );
    assert_eq!(Standard::SPECS, auth_errors::oauth::OAuthError::SPECS);
    assert_eq!(
        Standard::TokenMissing.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api""#)
    );
    // It has the codes a bearer rejection answers with, so it converts from one.
    assert_eq!(Standard::from(BearerRejection::Missing), Standard::TokenMissing);
    assert_eq!(Standard::from(BearerRejection::Multiple), Standard::InvalidRequest);
    // It has every standard entry with the same params, so it converts from the
    // standard enum, field by field (what the jwt extractors answer through).
    let scope = Scope::new("orders:write").unwrap();
    assert_eq!(
        Standard::from(auth_errors::oauth::OAuthError::InsufficientScope { scope: scope.clone() }),
        Standard::InsufficientScope { scope }
    );
    assert_eq!(
        Standard::from(auth_errors::oauth::OAuthError::AuthUnavailable { retry_after: 7 }),
        Standard::AuthUnavailable { retry_after: 7 }
    );

    let e = Mine::Expired;
    assert_eq!(e.status(), 401);
    assert_eq!(e.code(), "TOKEN_EXPIRED");
    assert_eq!(e.body(), r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#);
}
