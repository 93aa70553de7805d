// A variant with neither a catalog entry nor an inline one.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 503, message = "Down for maintenance")]
    Maintenance,
    TokenMissing,
}

fn main() {}
