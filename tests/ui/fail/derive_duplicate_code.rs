// Two variants with one code.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    TokenMissing,
    #[auth_error(code = "TOKEN_MISSING")]
    NoToken,
}

fn main() {}
