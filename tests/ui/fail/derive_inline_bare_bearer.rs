// An inline 401 whose challenge is a bare `Bearer`: with no catalog defaults there is no
// realm, and a Bearer challenge needs one or more auth-params (RFC 6750 §3).
#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 401, message = "Authentication required", challenge)]
    TokenMissing,
}

fn main() {}
