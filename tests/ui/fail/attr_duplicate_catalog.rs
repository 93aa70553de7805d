// `catalog` given twice, in two attributes.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
#[auth_error(catalog = "../catalogs/minimal.yaml")]
pub enum AppError {
    TokenMissing,
}

fn main() {}
