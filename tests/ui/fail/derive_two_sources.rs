// Two #[source] fields in one variant.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 500, message = "Internal error")]
    Internal(#[source] std::io::Error, #[source] std::fmt::Error),
}

fn main() {}
