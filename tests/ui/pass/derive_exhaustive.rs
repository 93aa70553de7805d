//! `exhaustive`: every catalog entry has a variant (by name or by `code = "…"`), and
//! inline variants may be added next to them.

use auth_errors::AuthError;
use auth_errors::Scope;

#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml", exhaustive)]
pub enum AppError {
    TokenMissing,
    TokenExpired,
    InsufficientScope { scope: Scope },
    AccountLocked { account: String },
    RateLimited { seconds: u64 },
    StepUpRequired { acr_values: String, max_age: u32 },
    #[auth_error(code = "INTERNAL")]
    Internal(#[from] std::io::Error),
    LegacyToken,
    #[auth_error(status = 503, message = "Down for maintenance")]
    Maintenance,
}

#[derive(Debug, auth_errors::AuthError)]
#[auth_error(exhaustive)]
#[auth_error(catalog = "../catalogs/minimal.yaml")]
pub enum SplitAttrs {
    TokenMissing,
}

fn main() {
    assert_eq!(AppError::SPECS.len(), 9);
    assert_eq!(AppError::TokenExpired.status(), 401);
    let e: AppError = std::io::Error::other("x").into();
    assert_eq!(e.code(), "INTERNAL");
    assert_eq!(e.status(), 500);
    assert_eq!(e.body(), r#"{"code":"INTERNAL","message":"An internal error occurred"}"#);
    assert_eq!(AppError::Maintenance.code(), "MAINTENANCE");
    assert_eq!(SplitAttrs::TokenMissing.status(), 401);
}
