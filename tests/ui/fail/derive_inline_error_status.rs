// An inline invalid_token on a 403: the catalog's RFC 6750 status rule.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 403, message = "Forbidden", challenge(error = "invalid_token"))]
    Forbidden,
}

fn main() {}
