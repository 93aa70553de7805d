// An inline entry without `status`.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(message = "Down for maintenance")]
    Maintenance,
}

fn main() {}
