//! [`ClientAction`]: what a client should do on receiving an error.

use crate::challenge::error_code;
use crate::spec::names::vocabulary;

vocabulary! {
    /// What a client should do on receiving an error.
    #[derive(Default)]
    pub enum ClientAction ("client action") {
        /// Refresh the access token and retry once (`invalid_token`).
        Refresh = "refresh",
        /// Sign in again, or send credentials at all (a 401 with no `error`, step-up).
        Reauthenticate = "reauthenticate",
        /// Give up: the credentials lack permission (`insufficient_scope`, 403).
        Forbidden = "forbidden",
        /// Retry later, or with what the challenge asks for (429, 503, `use_dpop_nonce`).
        Retry = "retry",
        /// Nothing automatic: fix the request or report the failure.
        #[default]
        None = "none",
    }
}

impl ClientAction {
    /// The action that follows from a status and a challenge's `error` attribute, used when a
    /// catalog entry does not say, and by clients reading a response. A known `error` value
    /// decides by the table of [`error_code`](crate::challenge::error_code); without one the
    /// status does.
    ///
    /// ```
    /// use auth_errors_core::ClientAction;
    /// assert_eq!(ClientAction::derive(401, Some("invalid_token")), ClientAction::Refresh);
    /// assert_eq!(ClientAction::derive(401, None), ClientAction::Reauthenticate);
    /// assert_eq!(ClientAction::derive(403, Some("insufficient_scope")), ClientAction::Forbidden);
    /// ```
    pub fn derive(status: u16, error: Option<&str>) -> ClientAction {
        match error {
            Some(error) => error_code::lookup(error).map_or(ClientAction::None, |c| c.client()),
            None => match status {
                401 | 407 => ClientAction::Reauthenticate,
                403 => ClientAction::Forbidden,
                429 | 503 => ClientAction::Retry,
                _ => ClientAction::None,
            },
        }
    }

    /// What the action means, in a sentence for people.
    pub const fn describe(self) -> &'static str {
        match self {
            ClientAction::Refresh => "refresh the access token, then retry the request once",
            ClientAction::Reauthenticate => "sign in again (or send credentials) and retry",
            ClientAction::Forbidden => "do not retry: the credentials lack the needed permission",
            ClientAction::Retry => "retry the request later or as the response asks",
            ClientAction::None => "do not retry: fix the request or report the error",
        }
    }
}
