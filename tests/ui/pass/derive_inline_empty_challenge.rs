//! `challenge()` with nothing inside is the inline form of the catalog's `challenge: {}`:
//! a challenge with the default scheme and no attributes. (Bare `challenge` works too.)

use auth_errors::AuthError;

#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    #[auth_error(status = 401, code = "SIGN_IN", message = "Sign in", challenge())]
    SignIn,
    #[auth_error(status = 401, code = "SIGN_IN_BARE", message = "Sign in", challenge)]
    SignInBare,
}

fn main() {
    assert_eq!(AppError::SignIn.challenge_value().unwrap().as_deref(), Some(r#"Bearer realm="api""#));
    assert_eq!(AppError::SignInBare.challenge_value().unwrap().as_deref(), Some(r#"Bearer realm="api""#));
}
