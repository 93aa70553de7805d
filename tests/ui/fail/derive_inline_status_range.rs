// An inline status outside 400-599: the catalog's own rule.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 200, message = "All good?")]
    Fine,
}

fn main() {}
