//! `#[derive(AuthError)]` with a catalog: variants named after their entries,
//! `code = "…"` renames, inline entries, and tuple variants filling params by position.

use auth_errors::AuthError;
use auth_errors::Scope;

#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    /// Matched by name: `TokenMissing` is `TOKEN_MISSING`.
    TokenMissing,
    TokenExpired,
    /// A rename, with a `String` field for the `scope` param.
    #[auth_error(code = "INSUFFICIENT_SCOPE")]
    MissingScope { scope: String },
    /// A rename to a struct entry, with a `Scope` field and an extra field the
    /// entry does not use.
    #[auth_error(code = "ACCOUNT_LOCKED")]
    Locked { account: String, attempts: u32 },
    /// A tuple variant: the fields fill the params in their declared order.
    #[auth_error(code = "STEP_UP_REQUIRED")]
    StepUp(String, u32),
    /// An integer param from a narrower integer type.
    #[auth_error(code = "RATE_LIMITED")]
    Slow(u16),
    /// Inline: no catalog entry needed.
    #[auth_error(status = 503, code = "MAINTENANCE", message = "Down for maintenance")]
    Maintenance,
    /// Inline with a challenge and a placeholder in it.
    #[auth_error(
        status = 403,
        code = "NEEDS_SCOPE",
        message = "Needs {scope}",
        title = "Scope needed",
        challenge(error = "insufficient_scope", scope = "{scope}")
    )]
    NeedsScope { scope: Scope },
    /// Inline, tuple: placeholders filled by position, in the order they first appear.
    #[auth_error(status = 409, code = "CONFLICT", message = "{left} conflicts with {right}")]
    Conflict(String, String),
    /// Inline 401 with a challenge of another scheme and realm.
    #[auth_error(
        status = 401,
        message = "Sign in with DPoP",
        challenge(scheme = "DPoP", realm = "dpop-api", error = "invalid_token", error_description = "Bound token required")
    )]
    DpopRequired,
    /// Inline 401 with only a realm: what the missing-challenge advice says to add.
    #[auth_error(status = 401, code = "SIGN_IN", message = "Sign in", challenge(realm = "api"))]
    SignIn,
    /// Inline with `client`.
    #[auth_error(status = 400, code = "BAD_INPUT", message = "Bad input", client = "none", docs = "Fix the request.")]
    BadInput,
}

fn main() {
    assert_eq!(AppError::TokenMissing.status(), 401);
    assert_eq!(AppError::TokenMissing.code(), "TOKEN_MISSING");
    assert_eq!(
        AppError::TokenExpired.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#),
    );

    assert_eq!(
        AppError::SignIn.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api""#),
    );

    let e = AppError::MissingScope { scope: "orders:write".into() };
    assert_eq!(e.status(), 403);
    assert_eq!(e.code(), "INSUFFICIENT_SCOPE");
    assert_eq!(e.to_string(), "This action needs the orders:write scope");
    assert_eq!(
        e.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="insufficient_scope", scope="orders:write""#),
    );
    // A String scope is checked when the challenge is built: a bad one is a typed error.
    let bad = AppError::MissingScope { scope: "orders read\"".into() };
    assert!(bad.challenge_value().is_err());

    let e = AppError::Locked { account: "alice".into(), attempts: 5 };
    assert_eq!(e.to_string(), "Account alice is locked");
    assert_eq!(e.body(), r#"{"code":"ACCOUNT_LOCKED","message":"Account alice is locked"}"#);

    let e = AppError::StepUp("silver".into(), 60);
    assert_eq!(e.status(), 401);
    assert_eq!(
        e.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="insufficient_user_authentication", acr_values="silver", max_age="60""#),
    );

    let e = AppError::Slow(7);
    assert_eq!(e.to_string(), "Too many requests: retry in 7 seconds");
    assert_eq!(e.headers(), vec![("Retry-After", std::borrow::Cow::Borrowed("7"))]);

    let e = AppError::Maintenance;
    // Static entries render at compile time, inline ones too.
    assert!(matches!(e.body(), std::borrow::Cow::Borrowed(_)));
    assert!(matches!(AppError::TokenExpired.challenge_value().unwrap(), Some(std::borrow::Cow::Borrowed(_))));
    assert_eq!(e.status(), 503);
    assert_eq!(e.code(), "MAINTENANCE");
    assert_eq!(e.challenge_value().unwrap(), None);
    assert_eq!(e.body(), r#"{"code":"MAINTENANCE","message":"Down for maintenance"}"#);
    // Inline entries take the catalog's defaults (realm).
    let e = AppError::NeedsScope { scope: Scope::new("admin").unwrap() };
    assert_eq!(e.status(), 403);
    assert_eq!(e.spec().title(), Some("Scope needed"));
    assert_eq!(e.to_string(), "Needs admin");
    assert_eq!(
        e.challenge_value().unwrap().as_deref(),
        Some(r#"Bearer realm="api", error="insufficient_scope", scope="admin""#),
    );

    let e = AppError::Conflict("a".into(), "b".into());
    assert_eq!(e.status(), 409);
    assert_eq!(e.to_string(), "a conflicts with b");
    assert_eq!(e.body(), r#"{"code":"CONFLICT","message":"a conflicts with b"}"#);

    // Without `code`, an inline variant's code is its name in SCREAMING_SNAKE_CASE.
    let e = AppError::DpopRequired;
    assert_eq!(e.code(), "DPOP_REQUIRED");
    assert_eq!(
        e.challenge_value().unwrap().as_deref(),
        Some(r#"DPoP realm="dpop-api", error="invalid_token", error_description="Bound token required""#),
    );

    let e = AppError::BadInput;
    assert_eq!(e.spec().client(), auth_errors::ClientAction::None);
    assert_eq!(e.spec().docs(), Some("Fix the request."));

    // `FromStr` builds unit variants only.
    assert!(matches!("MAINTENANCE".parse::<AppError>(), Ok(AppError::Maintenance)));
    assert!(matches!("TOKEN_MISSING".parse::<AppError>(), Ok(AppError::TokenMissing)));
    assert!("CONFLICT".parse::<AppError>().is_err());
    // Entries of the catalog without a variant are not this enum's codes.
    assert!("INTERNAL".parse::<AppError>().is_err());

    // SPECS holds one spec per variant, in declaration order.
    assert_eq!(AppError::SPECS.len(), 12);
    assert_eq!(AppError::SPECS[2].code(), "INSUFFICIENT_SCOPE");
}
