// `exhaustive` without a catalog to be exhaustive over.
#[derive(Debug, auth_errors::AuthError)]
#[auth_error(exhaustive)]
pub enum AppError {
    #[auth_error(status = 503, message = "Down")]
    Down,
}

fn main() {}
