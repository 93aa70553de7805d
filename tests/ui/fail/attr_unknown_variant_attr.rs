// An unknown key in a variant's #[auth_error].
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    #[auth_error(title = "Missing", colour = "red")]
    TokenMissing,
}

fn main() {}
