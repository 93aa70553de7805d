// A '"' in an inline error_description: the catalog's RFC 6750 charset rule.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(
        status = 401,
        message = "Access token expired",
        challenge(error = "invalid_token", error_description = "The \"token\" expired")
    )]
    TokenExpired,
}

fn main() {}
