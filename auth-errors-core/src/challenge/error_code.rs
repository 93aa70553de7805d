//! The `error` values of RFC 6750 §3.1, RFC 9470 §3 and RFC 9449 §7.1 / §9: the status each
//! belongs on, what a client does on receiving it, and the standard that defines it.
//!
//! One table, read by the catalog validator (a value on the wrong status), by
//! [`ClientAction::derive`], by `auth-errors explain` and by the TypeScript pack.
//!
//! ```
//! use auth_errors_core::challenge::error_code;
//! use auth_errors_core::ClientAction;
//!
//! let code = error_code::lookup("insufficient_scope").unwrap();
//! assert_eq!(code.status(), 403);
//! assert_eq!(code.client(), ClientAction::Forbidden);
//! assert_eq!(code.citation(), "RFC 6750 §3.1");
//! assert!(error_code::lookup("made_up").is_none());
//! ```

use crate::spec::ClientAction;

/// One standard `error` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode {
    value: &'static str,
    status: u16,
    client: ClientAction,
    citation: &'static str,
    meaning: &'static str,
    advice: &'static str,
}

impl ErrorCode {
    /// The value, as it stands in `error="…"`.
    pub const fn value(&self) -> &'static str {
        self.value
    }

    /// The status a response with this `error` has.
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// What a client does on receiving it.
    pub const fn client(&self) -> ClientAction {
        self.client
    }

    /// The section that defines it.
    pub const fn citation(&self) -> &'static str {
        self.citation
    }

    /// What it means, in a sentence for people.
    pub const fn meaning(&self) -> &'static str {
        self.meaning
    }

    /// What a client should do, in a sentence for people.
    pub const fn advice(&self) -> &'static str {
        self.advice
    }
}

/// Every standard `error` value, in the order the RFCs were published.
pub const ALL: &[ErrorCode] = &[
    ErrorCode {
        value: "invalid_request",
        status: 400,
        client: ClientAction::None,
        citation: "RFC 6750 §3.1",
        meaning: "the authentication request is malformed",
        advice: "fix the request: the authentication is malformed (retrying it unchanged will not help)",
    },
    ErrorCode {
        value: "invalid_token",
        status: 401,
        client: ClientAction::Refresh,
        citation: "RFC 6750 §3.1",
        meaning: "the access token is expired, revoked, malformed or invalid",
        advice: "refresh the access token, then retry the request once; if that fails, sign in again",
    },
    ErrorCode {
        value: "insufficient_scope",
        status: 403,
        client: ClientAction::Forbidden,
        citation: "RFC 6750 §3.1",
        meaning: "the access token is valid but lacks the scope the request needs",
        advice: "ask for more scope: the token is valid but lacks a permission",
    },
    ErrorCode {
        value: "invalid_dpop_proof",
        status: 401,
        client: ClientAction::None,
        citation: "RFC 9449 §7.1",
        meaning: "the DPoP proof is missing, malformed or invalid",
        advice: "send a valid DPoP proof for this request (retrying the same proof will not help)",
    },
    ErrorCode {
        value: "use_dpop_nonce",
        status: 401,
        client: ClientAction::Retry,
        citation: "RFC 9449 §9",
        meaning: "the DPoP proof must carry the nonce of the DPoP-Nonce header",
        advice: "retry once with a DPoP proof carrying the nonce from the DPoP-Nonce header",
    },
    ErrorCode {
        value: "insufficient_user_authentication",
        status: 401,
        client: ClientAction::Reauthenticate,
        citation: "RFC 9470 §3",
        meaning: "the authentication event behind the token is too weak or too old",
        advice: "sign in again with a stronger or more recent authentication",
    },
];

/// The standard `error` value `value`, if it is one.
pub fn lookup(value: &str) -> Option<&'static ErrorCode> {
    ALL.iter().find(|c| c.value == value)
}
