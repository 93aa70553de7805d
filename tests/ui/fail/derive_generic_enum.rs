// The derive on a generic enum.
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError<E> {
    #[auth_error(status = 500, message = "Internal error")]
    Internal(#[source] E),
}

fn main() {}
