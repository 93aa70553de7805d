//! `body: problem` and `docs_url`: RFC 9457 problem bodies, static when the message is.

use std::borrow::Cow;

use auth_errors::{AuthError, BodyFormat};

#[auth_errors::catalog("../catalogs/problem.yaml")]
#[derive(Debug)]
pub enum ApiError {}

fn main() {
    let expired = ApiError::TokenExpired;
    assert_eq!(expired.spec().body_format(), BodyFormat::Problem);
    assert_eq!(expired.spec().type_uri(), Some("https://docs.example.com/errors/TOKEN_EXPIRED"));
    let body = expired.body();
    assert!(matches!(body, Cow::Borrowed(_)));
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["type"], "https://docs.example.com/errors/TOKEN_EXPIRED");
    assert_eq!(json["title"], "Token expired");
    assert_eq!(json["status"], 401);
    assert_eq!(json["detail"], "Access token expired");
    assert_eq!(json["code"], "TOKEN_EXPIRED");

    let locked = ApiError::AccountLocked { account: "bob".into() };
    let json: serde_json::Value = serde_json::from_str(&locked.body()).unwrap();
    assert_eq!(json["detail"], "Account bob is locked");
    assert_eq!(json["status"], 403);
    assert_eq!(json["code"], "ACCOUNT_LOCKED");
}
