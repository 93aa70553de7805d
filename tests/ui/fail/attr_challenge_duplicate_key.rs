// The same key twice inside challenge(…).
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 401, message = "Expired", challenge(error = "invalid_token", error = "invalid_request"))]
    TokenExpired,
}

fn main() {}
