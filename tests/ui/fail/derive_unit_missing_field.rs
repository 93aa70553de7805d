// A unit variant for an entry with a param.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    RateLimited,
}

fn main() {}
