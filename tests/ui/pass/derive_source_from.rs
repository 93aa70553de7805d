//! `#[source]` and `#[from]` fields: `?` converts, `Error::source` returns the field,
//! and the source's text never reaches the response.

use std::error::Error as _;

use auth_errors::AuthError;

#[derive(Debug)]
pub struct DbError(&'static str);

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for DbError {}

#[derive(Debug, auth_errors::AuthError)]
#[auth_error(catalog = "../catalogs/full.yaml")]
pub enum AppError {
    TokenMissing,
    /// `#[from]`: `?` converts an io::Error.
    #[auth_error(status = 500, code = "IO", message = "Internal error")]
    Io(#[from] std::io::Error),
    /// `#[source]` in a struct variant, next to a param field.
    #[auth_error(code = "ACCOUNT_LOCKED")]
    Locked {
        account: String,
        #[source]
        cause: DbError,
    },
    /// `#[source]` in a tuple variant: positions count the other fields only.
    #[auth_error(status = 502, code = "UPSTREAM", message = "Upstream {service} failed")]
    Upstream(String, #[source] DbError),
    /// `#[source]` before the param field: the param is still the first non-source field.
    #[auth_error(status = 502, code = "DOWNSTREAM", message = "Downstream {service} failed")]
    Downstream(#[source] DbError, String),
    /// `#[from]` on a named field.
    #[auth_error(status = 500, code = "PARSE", message = "Bad data")]
    Parse {
        #[from]
        source: std::num::ParseIntError,
    },
}

fn read() -> Result<(), AppError> {
    Err(std::io::Error::other("disk on fire"))?;
    Ok(())
}

fn parse() -> Result<u32, AppError> {
    Ok("x1".parse::<u32>()?)
}

fn main() {
    let err = read().unwrap_err();
    assert!(matches!(err, AppError::Io(_)));
    assert_eq!(err.status(), 500);
    assert_eq!(err.body(), r#"{"code":"IO","message":"Internal error"}"#);
    assert!(!err.body().contains("fire"));
    assert!(!err.to_string().contains("fire"));
    assert_eq!(err.source().map(ToString::to_string).as_deref(), Some("disk on fire"));
    assert!(err.source().unwrap().downcast_ref::<std::io::Error>().is_some());

    let err: AppError = std::io::Error::other("direct").into();
    assert_eq!(err.code(), "IO");

    let err = AppError::Locked { account: "alice".into(), cause: DbError("row lock timeout") };
    assert_eq!(err.status(), 403);
    assert_eq!(err.to_string(), "Account alice is locked");
    assert!(!err.body().contains("row lock"));
    assert_eq!(err.source().map(ToString::to_string).as_deref(), Some("row lock timeout"));

    let err = AppError::Upstream("billing".into(), DbError("connection reset"));
    assert_eq!(err.to_string(), "Upstream billing failed");
    assert_eq!(err.body(), r#"{"code":"UPSTREAM","message":"Upstream billing failed"}"#);
    assert_eq!(err.source().map(ToString::to_string).as_deref(), Some("connection reset"));

    let err = AppError::Downstream(DbError("refused"), "search".into());
    assert_eq!(err.to_string(), "Downstream search failed");
    assert_eq!(err.source().map(ToString::to_string).as_deref(), Some("refused"));

    let err = parse().unwrap_err();
    assert_eq!(err.code(), "PARSE");
    assert!(err.source().unwrap().downcast_ref::<std::num::ParseIntError>().is_some());
    assert!(!err.body().contains("digit"));

    assert!(AppError::TokenMissing.source().is_none());
}
