// An unknown key in the enum's #[auth_error].
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml", exhaustve)]
pub enum AppError {
    TokenMissing,
}

fn main() {}
