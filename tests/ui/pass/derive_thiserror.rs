//! Composition with thiserror: thiserror brings `Display`, `Error::source` and `From`;
//! this derive brings only `AuthError`. The user's `Display` is kept for logs, and the
//! body still carries the catalog's message.

use std::error::Error as _;

use auth_errors::AuthError;

#[derive(Debug, thiserror::Error, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    #[error("no bearer token on {0}")]
    #[auth_error(code = "TOKEN_MISSING")]
    NoToken(&'static str),
    #[error("token for {account} is locked")]
    #[auth_error(code = "ACCOUNT_LOCKED")]
    Locked { account: String },
    #[error("i/o failed: {0}")]
    #[auth_error(status = 500, code = "IO", message = "Internal error")]
    Io(#[from] std::io::Error),
    #[error("query failed")]
    #[auth_error(status = 502, code = "UPSTREAM", message = "Upstream failed")]
    Upstream {
        #[source]
        cause: std::fmt::Error,
    },
}

fn read() -> Result<(), AppError> {
    Err(std::io::Error::other("disk on fire"))?;
    Ok(())
}

fn main() {
    // The user's Display, not the catalog's message.
    let e = AppError::NoToken("/orders");
    assert_eq!(e.to_string(), "no bearer token on /orders");
    assert_eq!(e.message(), "Authentication required");
    assert_eq!(e.status(), 401);
    assert_eq!(e.body(), r#"{"code":"TOKEN_MISSING","message":"Authentication required"}"#);
    assert_eq!(e.challenge_value().unwrap().as_deref(), Some(r#"Bearer realm="api""#));

    let e = AppError::Locked { account: "alice".into() };
    assert_eq!(e.to_string(), "token for alice is locked");
    assert_eq!(e.message(), "Account alice is locked");

    // thiserror's From and source.
    let e = read().unwrap_err();
    assert_eq!(e.to_string(), "i/o failed: disk on fire");
    assert_eq!(e.source().map(ToString::to_string).as_deref(), Some("disk on fire"));
    assert_eq!(e.body(), r#"{"code":"IO","message":"Internal error"}"#);
    assert!(!e.body().contains("fire"));

    let e = AppError::Upstream { cause: std::fmt::Error };
    assert!(e.source().is_some());
    assert_eq!(e.status(), 502);
}
