// `code = "…"` naming no entry of the catalog.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    TokenMissing,
    #[auth_error(code = "TOKEN_EXPIRD")]
    Expired,
}

fn main() {}
