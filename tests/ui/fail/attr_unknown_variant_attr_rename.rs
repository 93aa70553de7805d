// A typo in `code = "…"`: the variant falls back to its own name, which has no entry.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    TokenMissing,
    #[auth_error(cod = "INSUFFICIENT_SCOPE")]
    MissingScope { scope: String },
}

fn main() {}
