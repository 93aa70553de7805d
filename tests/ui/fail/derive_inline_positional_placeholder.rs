// thiserror-style `{0}` in an inline message: placeholders are names, filled by
// position in tuple variants.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 409, message = "{0} conflicts with {1}")]
    Conflict(String, String),
}

fn main() {}
