// A derive variant naming an entry that did not load (it has no message).
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/bad-missing-message-entry.yaml")]
pub enum AppError {
    TokenMissing,
    TokenExpired,
}

fn main() {}
