// An inline 401 without a challenge.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 401, message = "Authentication required")]
    TokenMissing,
}

fn main() {}
