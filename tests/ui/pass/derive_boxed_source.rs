//! A `#[source]` field holding a boxed trait object, as thiserror accepts.

use std::error::Error as _;

use auth_errors::AuthError;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 500, message = "Internal error")]
    Internal(#[source] BoxError),
    #[auth_error(status = 502, message = "Upstream failed")]
    Upstream {
        #[from]
        cause: BoxError,
    },
}

fn main() {
    let err = AppError::Internal("pool exhausted".into());
    assert_eq!(err.status(), 500);
    assert_eq!(err.source().map(ToString::to_string).as_deref(), Some("pool exhausted"));
    let err: AppError = BoxError::from("timeout").into();
    assert_eq!(err.code(), "UPSTREAM");
    assert_eq!(err.source().map(ToString::to_string).as_deref(), Some("timeout"));
}
