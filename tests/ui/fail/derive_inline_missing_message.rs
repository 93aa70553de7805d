// An inline entry without `message`.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 503)]
    Maintenance,
}

fn main() {}
