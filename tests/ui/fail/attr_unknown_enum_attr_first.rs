// A typo in the enum's first key: the rest of the attribute (`catalog`) is lost too.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalg = "../catalogs/full.yaml")]
pub enum AppError {
    TokenMissing,
    TokenExpired,
}

fn main() {}
