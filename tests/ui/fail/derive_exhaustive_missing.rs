// `exhaustive` with catalog entries that have no variant.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml", exhaustive)]
pub enum AppError {
    TokenMissing,
    TokenExpired,
    InsufficientScope { scope: String },
    AccountLocked { account: String },
    RateLimited { seconds: u64 },
}

fn main() {}
