// The same key twice in one #[auth_error].
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    #[auth_error(code = "TOKEN_MISSING", code = "TOKEN_EXPIRED")]
    NoToken,
}

fn main() {}
