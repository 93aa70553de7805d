//! The derive on an enum without variants (an uninhabited error type) compiles, with
//! and without a catalog.

use auth_errors::AuthError;

#[derive(Debug, auth_errors::AuthError)]
pub enum Never {}

#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AlsoNever {}

fn status_of(e: &Never) -> u16 {
    e.status()
}

fn main() {
    assert!(Never::SPECS.is_empty());
    assert!(AlsoNever::SPECS.is_empty());
    assert!("TOKEN_MISSING".parse::<Never>().is_err());
    assert!("TOKEN_MISSING".parse::<AlsoNever>().is_err());
    let _ = status_of;
}
