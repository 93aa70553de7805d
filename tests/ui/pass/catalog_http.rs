//! `http` in place of a path: the generic HTTP failures core embeds. An enum with all of
//! them converts from the facade's `RequestError`, field by field.

use auth_errors::AuthError;
use auth_errors::request::RequestError;

#[auth_errors::catalog(http)]
#[derive(Debug, PartialEq)]
pub enum Generic {}

fn main() {
    assert_eq!(Generic::SPECS, RequestError::SPECS);
    assert_eq!(Generic::from(RequestError::NotFound), Generic::NotFound);
    let e = Generic::from(RequestError::MethodNotAllowed { allow: "GET".into() });
    assert_eq!(e, Generic::MethodNotAllowed { allow: "GET".into() });
    assert_eq!(e.status(), 405);
    assert_eq!(e.challenge_value().unwrap(), None);
}
