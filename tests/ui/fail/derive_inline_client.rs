// An unknown client action inline.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 503, message = "Down", client = "beg")]
    Down,
}

fn main() {}
