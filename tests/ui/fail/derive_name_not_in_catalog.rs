// A variant whose name matches no entry; the entry it meant contains its code.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    TokenMissing,
    Scope,
}

fn main() {}
