// An inline status that is not even a u16.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 70000, message = "Huge")]
    Huge,
}

fn main() {}
