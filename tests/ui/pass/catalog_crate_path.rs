//! `crate = "…"`: generated code names the runtime through the given path, as serde's
//! `#[serde(crate = "…")]` does, for a crate that re-exports auth_errors.

mod reexport {
    pub use auth_errors;
}

use reexport::auth_errors::AuthError;

#[reexport::auth_errors::catalog("../catalogs/full.yaml", crate = "crate::reexport::auth_errors")]
#[derive(Debug)]
pub enum ApiError {}

#[derive(Debug, reexport::auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml", crate = "crate::reexport::auth_errors")]
pub enum AppError {
    TokenExpired,
    #[auth_error(status = 503, code = "MAINTENANCE", message = "Down for maintenance")]
    Maintenance,
}

// A trailing comma after the arguments is accepted.
#[auth_errors::catalog("../catalogs/minimal.yaml", crate = "::auth_errors",)]
#[derive(Debug)]
pub enum Minimal {}

fn main() {
    assert_eq!(ApiError::TokenExpired.status(), 401);
    assert_eq!(
        ApiError::RateLimited { seconds: 3 }.to_string(),
        "Too many requests: retry in 3 seconds",
    );
    assert_eq!(AppError::TokenExpired.code(), "TOKEN_EXPIRED");
    assert_eq!(AppError::Maintenance.status(), 503);
    assert_eq!(Minimal::TokenMissing.status(), 401);
}
