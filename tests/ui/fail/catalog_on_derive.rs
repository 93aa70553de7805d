// A catalog mistake found through the derive: spanned on the derive's `catalog = "…"`.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/bad-status-range.yaml")]
pub enum AppError {
    TokenMissing,
}

fn main() {}
