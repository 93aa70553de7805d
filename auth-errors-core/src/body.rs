//! The JSON body of an error response.
//!
//! Two formats, chosen per catalog:
//!
//! - [`BodyFormat::Json`]: `{"code": "TOKEN_EXPIRED", "message": "Access token expired"}`,
//!   served as `application/json`;
//! - [`BodyFormat::Problem`]: RFC 9457 problem details with `type`, `title`,
//!   `status`, `detail`, and `code` as an extension member, served as
//!   `application/problem+json`.
//!
//! The body is written by the response path from an entry's [`ErrorSpec`]; this module
//! holds the format and the status reason phrases it reads.
//!
//! ```
//! use auth_errors_core::{AuthError, BodyFormat, ErrorSpec};
//! # #[derive(Debug)] struct Expired;
//! # impl std::fmt::Display for Expired { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("expired") } }
//! # impl std::error::Error for Expired {}
//! static PROBLEM: ErrorSpec = ErrorSpec::new("TOKEN_EXPIRED", 401, "Access token expired")
//!     .with_title("Token expired")
//!     .with_body_format(BodyFormat::Problem)
//!     .with_type_uri("https://docs.example.com/errors/TOKEN_EXPIRED");
//! # impl AuthError for Expired { fn spec(&self) -> &'static ErrorSpec { &PROBLEM } }
//! assert_eq!(
//!     Expired.body(),
//!     r#"{"type":"https://docs.example.com/errors/TOKEN_EXPIRED","title":"Token expired","status":401,"detail":"Access token expired","code":"TOKEN_EXPIRED"}"#,
//! );
//! assert_eq!(BodyFormat::Problem.content_type(), "application/problem+json");
//! ```
//!
//! [`ErrorSpec`]: crate::ErrorSpec

use crate::spec::names::vocabulary;

vocabulary! {
    /// Which body an error answers with.
    #[derive(Default)]
    pub enum BodyFormat ("body format") {
        /// `{"code","message"}` as `application/json`.
        #[default]
        Json = "json",
        /// RFC 9457 problem details as `application/problem+json`.
        Problem = "problem",
    }
}

impl BodyFormat {
    /// The media type of the body.
    pub const fn content_type(self) -> &'static str {
        match self {
            BodyFormat::Json => "application/json",
            BodyFormat::Problem => "application/problem+json",
        }
    }
}

/// The reason phrase of an HTTP status code (RFC 9110 §15), used as the default
/// problem `title`; `None` for a code the RFC does not name.
pub const fn reason_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => return None,
    })
}
