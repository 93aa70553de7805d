// An unknown key inside challenge(…).
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 401, message = "Access token expired", challenge(eror = "invalid_token", realm = "api"))]
    TokenExpired,
}

fn main() {}
