//! A `#[source]` error is logged through `tracing` and never reaches the body.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::response::IntoResponse;

#[derive(Debug, auth_errors::AuthError)]
pub enum AppError {
    #[auth_error(status = 500, code = "INTERNAL", message = "Internal error")]
    Internal(#[source] std::io::Error),
    #[auth_error(
        status = 401,
        code = "TOKEN_EXPIRED",
        message = "Access token expired",
        challenge(error = "invalid_token")
    )]
    Expired,
}

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn captured<R>(f: impl FnOnce() -> R) -> (R, String) {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let r = tracing::subscriber::with_default(subscriber, f);
    let text = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    (r, text)
}

fn body_of(response: axum::response::Response) -> String {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let bytes = rt
        .block_on(axum::body::to_bytes(response.into_body(), 1 << 16))
        .unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn source_text_is_logged_at_error_level_and_not_sent() {
    let secret = "connection to db-7.internal refused";
    let err = AppError::Internal(std::io::Error::other(secret));
    let (response, log) = captured(|| err.into_response());
    assert_eq!(response.status(), 500);
    let body = body_of(response);
    assert_eq!(body, r#"{"code":"INTERNAL","message":"Internal error"}"#);
    assert!(!body.contains(secret));
    assert!(log.contains("ERROR"), "{log}");
    assert!(log.contains(r#"code="INTERNAL""#), "{log}");
    assert!(log.contains("status=500"), "{log}");
    assert!(log.contains(secret), "the source is logged: {log}");
}

#[test]
fn client_errors_are_logged_at_debug_level() {
    let (response, log) = captured(|| AppError::Expired.into_response());
    assert_eq!(response.status(), 401);
    assert!(log.contains("DEBUG"), "{log}");
    assert!(log.contains(r#"code="TOKEN_EXPIRED""#), "{log}");
    assert!(!log.contains("ERROR"), "{log}");
}
