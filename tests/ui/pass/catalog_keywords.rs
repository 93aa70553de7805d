//! Params named after Rust keywords become raw-identifier fields.

use auth_errors::AuthError;

#[auth_errors::catalog("../catalogs/keywords.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {
    let e = ApiError::UnsupportedTokenType { r#type: "mac".into(), r#match: 1 };
    assert_eq!(e.to_string(), "Token type mac is not supported");
    assert_eq!(e.param("match").as_deref(), Some("1"));
    assert_eq!(e.status(), 400);
}
