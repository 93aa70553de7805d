// `crate = "…"` that is not a path, on the derive.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/minimal.yaml", crate = "auth errors")]
pub enum AppError {
    TokenMissing,
}

fn main() {}
