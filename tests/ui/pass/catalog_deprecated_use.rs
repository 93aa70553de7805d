//! Using a deprecated catalog variant is the user's choice: `#[allow(deprecated)]` at
//! the use site silences it, and the variant behaves like any other. The parse through
//! `FromStr` of its code does not warn.

#![deny(warnings)]

use auth_errors::AuthError;

#[auth_errors::catalog("../catalogs/full.yaml")]
#[derive(Debug, PartialEq)]
pub enum ApiError {}

fn main() {
    #[allow(deprecated)]
    let legacy = ApiError::LegacyToken;
    assert_eq!(legacy.status(), 401);
    assert_eq!(legacy.code(), "LEGACY_TOKEN");
    assert_eq!(
        legacy.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="invalid_token""#),
    );
    let parsed = "LEGACY_TOKEN".parse::<ApiError>().unwrap();
    assert_eq!(parsed.code(), "LEGACY_TOKEN");
    assert_eq!(parsed.spec().deprecated(), Some("Use TOKEN_EXPIRED"));
}
