//! `#[auth_errors::catalog]`: unit variants, and struct variants whose fields are the
//! entry's params (string, scope, integer), with everything a response needs.

use std::borrow::Cow;
use std::error::Error as _;

use auth_errors::AuthError;
use auth_errors::Scope;

#[auth_errors::catalog("../catalogs/full.yaml")]
#[derive(Debug)]
pub enum ApiError {}

/// `code()` is a `const fn`.
const MISSING: &str = ApiError::TokenMissing.code();

fn main() {
    assert_eq!(MISSING, "TOKEN_MISSING");
    // A unit variant: everything static.
    let missing = ApiError::TokenMissing;
    assert_eq!(missing.status(), 401);
    assert_eq!(missing.code(), "TOKEN_MISSING");
    assert_eq!(AuthError::code(&missing), "TOKEN_MISSING");
    assert_eq!(missing.challenge_value().unwrap().as_deref(), Some(r#"Bearer realm="api""#));
    assert!(matches!(missing.challenge_value().unwrap(), Some(Cow::Borrowed(_))));
    assert_eq!(missing.body(), r#"{"code":"TOKEN_MISSING","message":"Authentication required"}"#);
    assert!(matches!(missing.body(), Cow::Borrowed(_)));
    assert_eq!(missing.to_string(), "Authentication required");
    assert!(missing.source().is_none());

    let expired = ApiError::TokenExpired;
    assert_eq!(
        expired.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#),
    );

    // A `scope` param: a `Scope` field, in the message and the challenge.
    let scope = ApiError::InsufficientScope { scope: Scope::new("orders:read").unwrap() };
    assert_eq!(scope.status(), 403);
    assert_eq!(scope.code(), "INSUFFICIENT_SCOPE");
    assert_eq!(scope.to_string(), "This action needs the orders:read scope");
    assert_eq!(
        scope.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="insufficient_scope", scope="orders:read""#),
    );
    assert_eq!(
        scope.body(),
        r#"{"code":"INSUFFICIENT_SCOPE","message":"This action needs the orders:read scope"}"#,
    );
    assert_eq!(scope.param("scope").as_deref(), Some("orders:read"));
    assert_eq!(scope.param("nope"), None);

    // A `string` param: a `String` field; no challenge on a 403 without one.
    let locked = ApiError::AccountLocked { account: "alice".to_owned() };
    assert_eq!(locked.status(), 403);
    assert_eq!(locked.to_string(), "Account alice is locked");
    assert_eq!(locked.challenge_value().unwrap(), None);
    assert_eq!(locked.body(), r#"{"code":"ACCOUNT_LOCKED","message":"Account alice is locked"}"#);

    // An `integer` param: a `u64` field, in the message and an extra header.
    let limited = ApiError::RateLimited { seconds: 30 };
    assert_eq!(limited.status(), 429);
    assert_eq!(limited.to_string(), "Too many requests: retry in 30 seconds");
    assert_eq!(limited.headers(), vec![("Retry-After", Cow::Borrowed("30"))]);
    let seconds: u64 = match limited {
        ApiError::RateLimited { seconds } => seconds,
        _ => unreachable!(),
    };
    assert_eq!(seconds, 30);

    // Extension challenge params, string and integer.
    let step_up = ApiError::StepUpRequired { acr_values: "urn:mace:incommon:iap:silver".to_owned(), max_age: 300 };
    assert_eq!(
        step_up.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="insufficient_user_authentication", acr_values="urn:mace:incommon:iap:silver", max_age="300""#),
    );

    // `expose: false`: the message stays in `Display` (for logs), not in the body.
    let internal = ApiError::Internal;
    assert_eq!(internal.status(), 500);
    assert_eq!(internal.to_string(), "The database is on fire");
    assert!(!internal.body().contains("fire"), "{}", internal.body());

    // `FromStr` gives the unit variants back from their codes.
    assert!(matches!("TOKEN_MISSING".parse::<ApiError>(), Ok(ApiError::TokenMissing)));
    assert!(matches!("INTERNAL".parse::<ApiError>(), Ok(ApiError::Internal)));
    let unknown = "NOPE".parse::<ApiError>().unwrap_err();
    assert_eq!(unknown.to_string(), "unknown error code 'NOPE'");
    // A variant with fields cannot be built from its code alone.
    assert!("INSUFFICIENT_SCOPE".parse::<ApiError>().is_err());

    // One spec per entry, in file order.
    let codes: Vec<&str> = ApiError::SPECS.iter().map(|s| s.code()).collect();
    assert_eq!(
        codes,
        [
            "TOKEN_MISSING",
            "TOKEN_EXPIRED",
            "INSUFFICIENT_SCOPE",
            "ACCOUNT_LOCKED",
            "RATE_LIMITED",
            "STEP_UP_REQUIRED",
            "INTERNAL",
            "LEGACY_TOKEN",
        ],
    );
    assert_eq!(ApiError::SPECS[7].deprecated(), Some("Use TOKEN_EXPIRED"));

    // `AuthError` is object safe and the enum is `Send + Sync + 'static`.
    let boxed: Box<dyn AuthError + Send + Sync> = Box::new(ApiError::TokenExpired);
    assert_eq!(boxed.status(), 401);
}
