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
//! ```
//! use auth_errors_core::body::{self, BodyFormat, Problem};
//!
//! assert_eq!(
//!     body::json("TOKEN_EXPIRED", "Access token expired"),
//!     r#"{"code":"TOKEN_EXPIRED","message":"Access token expired"}"#,
//! );
//! let problem = Problem {
//!     type_uri: Some("https://docs.example.com/errors/TOKEN_EXPIRED"),
//!     title: "Token expired",
//!     status: 401,
//!     detail: "Access token expired",
//!     code: "TOKEN_EXPIRED",
//! };
//! assert_eq!(
//!     problem.to_json(),
//!     r#"{"type":"https://docs.example.com/errors/TOKEN_EXPIRED","title":"Token expired","status":401,"detail":"Access token expired","code":"TOKEN_EXPIRED"}"#,
//! );
//! assert_eq!(BodyFormat::Problem.content_type(), "application/problem+json");
//! ```

use std::fmt;
use std::str::FromStr;

/// Which body an error answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BodyFormat {
    /// `{"code","message"}` as `application/json`.
    #[default]
    Json,
    /// RFC 9457 problem details as `application/problem+json`.
    Problem,
}

impl BodyFormat {
    /// Every format, in the order the catalog documents them.
    pub const ALL: [BodyFormat; 2] = [BodyFormat::Json, BodyFormat::Problem];

    /// The media type of the body.
    pub const fn content_type(self) -> &'static str {
        match self {
            BodyFormat::Json => "application/json",
            BodyFormat::Problem => "application/problem+json",
        }
    }

    /// The name used in a catalog (`json`, `problem`).
    pub const fn name(self) -> &'static str {
        match self {
            BodyFormat::Json => "json",
            BodyFormat::Problem => "problem",
        }
    }
}

impl fmt::Display for BodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A body format name that is neither `json` nor `problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownBodyFormat(pub String);

impl fmt::Display for UnknownBodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown body format '{}' (expected json or problem)",
            self.0
        )
    }
}

impl std::error::Error for UnknownBodyFormat {}

impl FromStr for BodyFormat {
    type Err = UnknownBodyFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BodyFormat::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownBodyFormat(s.to_owned()))
    }
}

/// The `{"code","message"}` body.
pub fn json(code: &str, message: &str) -> String {
    // Sized exactly, so the text becomes response bytes without another allocation.
    let mut out = String::with_capacity(json_escaped_len(code) + json_escaped_len(message) + 24);
    out.push_str("{\"code\":");
    write_json_string(&mut out, code);
    out.push_str(",\"message\":");
    write_json_string(&mut out, message);
    out.push('}');
    out
}

/// An RFC 9457 problem details object with `code` as an extension member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Problem<'a> {
    /// The problem type URI; `None` means `about:blank` and omits the member (RFC 9457 §4.2.1).
    pub type_uri: Option<&'a str>,
    /// A short summary of the problem type.
    pub title: &'a str,
    /// The HTTP status code.
    pub status: u16,
    /// The explanation of this occurrence.
    pub detail: &'a str,
    /// The catalog code, as an extension member.
    pub code: &'a str,
}

impl Problem<'_> {
    /// The JSON text of the problem object.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(
            self.type_uri.map_or(0, str::len) + self.title.len() + self.detail.len() + 80,
        );
        out.push('{');
        if let Some(type_uri) = self.type_uri {
            out.push_str("\"type\":");
            write_json_string(&mut out, type_uri);
            out.push(',');
        }
        out.push_str("\"title\":");
        write_json_string(&mut out, self.title);
        out.push_str(",\"status\":");
        out.push_str(&self.status.to_string());
        out.push_str(",\"detail\":");
        write_json_string(&mut out, self.detail);
        out.push_str(",\"code\":");
        write_json_string(&mut out, self.code);
        out.push('}');
        out
    }
}

/// Appends `s` as a JSON string (RFC 8259 §7): quotes, backslashes and control
/// characters escaped, everything else as UTF-8.
pub fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    push_json_escaped(out, s);
    out.push('"');
}

/// The JSON escape of one byte, if it needs one (`""` for a control character written as
/// `\u00XX`).
const fn json_escape(b: u8) -> Option<&'static str> {
    Some(match b {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        b'\n' => "\\n",
        b'\r' => "\\r",
        b'\t' => "\\t",
        0x08 => "\\b",
        0x0c => "\\f",
        0x00..=0x1f => "",
        _ => return None,
    })
}

/// Appends the text of `s` as it stands between the quotes of a JSON string; see
/// [`write_json_string`]. Escaping is per character, so pieces of a text escape to the
/// pieces of its escape.
pub fn push_json_escaped(out: &mut String, s: &str) {
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(s);
        return;
    }
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let Some(escape) = json_escape(b) else {
            continue;
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789abcdef"[usize::from(b & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// The length of [`push_json_escaped`]'s output for `s`.
pub fn json_escaped_len(s: &str) -> usize {
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        return s.len();
    }
    s.len()
        + s.bytes()
            .map(|b| match json_escape(b) {
                None => 0,
                Some("") => 5,
                Some(_) => 1,
            })
            .sum::<usize>()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_round_trip_through_serde_json() {
        let tricky = "quote \" backslash \\ newline \n nul \u{0} bell \u{7} caf\u{e9} \u{1F600}";
        let text = json("X", tricky);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(parsed["message"], tricky);
        assert_eq!(parsed["code"], "X");
    }
}
