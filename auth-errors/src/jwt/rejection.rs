//! [`Rejection`]: why a token was not accepted, as a standard catalog entry, and
//! [`classify`], the one table from `jsonwebtoken`'s errors to those entries.

use std::borrow::Cow;
use std::fmt;

use jsonwebtoken::errors::{Error as JwtError, ErrorKind};

use crate::bearer::BearerRejection;
use crate::oauth::OAuthError;
use crate::{AuthError, ErrorSpec, Scope};

/// A request whose token was not accepted, answered with a standard catalog entry
/// ([`OAuthError`]); what caused it stays in [`source`](std::error::Error::source), for
/// the log, and never reaches the response.
///
/// It answers by itself (it implements [`AuthError`], so the axum and actix-web
/// adapters answer it), or converts into [`OAuthError`] and from there into any enum
/// that implements `From<OAuthError>`.
pub struct Rejection {
    error: OAuthError,
    source: Cause,
}

/// What caused a rejection, kept without an allocation for the usual causes: a
/// `jsonwebtoken` error (boxed already), a bearer rejection, or a fixed note.
enum Cause {
    None,
    Jwt(JwtError),
    Bearer(BearerRejection),
    Note(Note),
    Other(Box<dyn std::error::Error + Send + Sync>),
}

/// A fixed sentence saying why, as an error for `source`.
#[derive(Debug)]
pub(crate) struct Note(pub(crate) &'static str);

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for Note {}

impl Rejection {
    /// A rejection answered with `error`, with nothing behind it to log.
    pub fn new(error: OAuthError) -> Rejection {
        Rejection {
            error,
            source: Cause::None,
        }
    }

    /// A rejection answered with `error`, for the reason `note` (logged, never sent).
    pub(crate) fn noted(error: OAuthError, note: &'static str) -> Rejection {
        Rejection {
            error,
            source: Cause::Note(Note(note)),
        }
    }

    /// A rejection answered with `error`, caused by `source` (logged, never sent).
    pub fn with_source(
        error: OAuthError,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Rejection {
        Rejection {
            error,
            source: Cause::Other(source.into()),
        }
    }

    /// `403 INSUFFICIENT_SCOPE` naming `scope`, the scope the request needs.
    pub fn insufficient_scope(scope: Scope) -> Rejection {
        Rejection::new(OAuthError::InsufficientScope { scope })
    }

    /// The entry the response answers with.
    pub fn error(&self) -> &OAuthError {
        &self.error
    }

    /// Records the cause, if any, in a debug event: the response built from the entry
    /// alone keeps only its code in its own event.
    #[inline]
    pub(crate) fn log_cause(&self) {
        // The level first: with debug events off, nothing else is looked at.
        if tracing::enabled!(tracing::Level::DEBUG)
            && let Some(source) = std::error::Error::source(self)
        {
            tracing::debug!(code = self.error.code(), reason = %source, "token rejected");
        }
    }

    /// The entry, without the cause.
    #[inline]
    pub fn into_error(self) -> OAuthError {
        self.error
    }
}

impl From<BearerRejection> for Rejection {
    fn from(rejection: BearerRejection) -> Rejection {
        Rejection {
            error: rejection.to_oauth(),
            source: Cause::Bearer(rejection),
        }
    }
}

impl From<OAuthError> for Rejection {
    fn from(error: OAuthError) -> Rejection {
        Rejection::new(error)
    }
}

impl From<Rejection> for OAuthError {
    fn from(rejection: Rejection) -> OAuthError {
        rejection.error
    }
}

impl fmt::Debug for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rejection")
            .field("error", &self.error)
            .field("source", &std::error::Error::source(self))
            .finish()
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl std::error::Error for Rejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.source {
            Cause::None => None,
            Cause::Jwt(e) => Some(e),
            Cause::Bearer(e) => Some(e),
            Cause::Note(e) => Some(e),
            Cause::Other(e) => Some(&**e),
        }
    }
}

impl AuthError for Rejection {
    fn spec(&self) -> &'static ErrorSpec {
        self.error.spec()
    }

    fn param(&self, name: &str) -> Option<Cow<'_, str>> {
        self.error.param(name)
    }

    fn challenge_value(&self) -> Result<Option<Cow<'static, str>>, crate::ChallengeError> {
        self.error.challenge_value()
    }

    fn body(&self) -> Cow<'static, str> {
        self.error.body()
    }
}

/// Which standard entry a `jsonwebtoken` error answers with: the table of the
/// [module docs](crate::jwt#which-entry-a-token-gets).
///
/// `jsonwebtoken` checks the signature before the claims, so `ExpiredSignature` means
/// the signature verified; an expired token with a bad signature fails on the
/// signature first and is `TOKEN_INVALID`.
#[inline]
pub fn classify(error: JwtError) -> Rejection {
    let entry = match error.kind() {
        ErrorKind::ExpiredSignature => OAuthError::TokenExpired,
        // The token's fault: its shape, its signature, its header or its claims.
        ErrorKind::InvalidToken
        | ErrorKind::InvalidSignature
        | ErrorKind::InvalidAlgorithm
        | ErrorKind::InvalidAlgorithmName
        | ErrorKind::MissingRequiredClaim(_)
        | ErrorKind::InvalidClaimFormat(_)
        | ErrorKind::InvalidIssuer
        | ErrorKind::InvalidAudience
        | ErrorKind::InvalidSubject
        | ErrorKind::ImmatureSignature
        | ErrorKind::Base64(_)
        | ErrorKind::Json(_)
        | ErrorKind::Utf8(_) => OAuthError::TokenInvalid,
        // The server's own key or settings: the token was never judged.
        ErrorKind::InvalidEcdsaKey
        | ErrorKind::InvalidEddsaKey
        | ErrorKind::InvalidRsaKey(_)
        | ErrorKind::InvalidKeyFormat
        | ErrorKind::UnsupportedAlgorithm
        | ErrorKind::MissingAlgorithm
        | ErrorKind::RsaFailedSigning
        | ErrorKind::Signing(_)
        | ErrorKind::Provider(_) => {
            server_fault(&error);
            OAuthError::AuthServerError
        }
        // `ErrorKind` is non-exhaustive: a kind this table does not know yet.
        _ => return unclassified(error),
    };
    Rejection {
        error: entry,
        source: Cause::Jwt(error),
    }
}

/// The error event of a failure on the server's own key or settings: out of line, so
/// the table stays small where it is inlined.
#[cold]
fn server_fault(error: &JwtError) {
    tracing::error!(error = %error, "token validation failed on the server's own key or settings");
}

/// A `jsonwebtoken` error of a kind [`classify`]'s table does not know: the token's
/// fault (`TOKEN_INVALID`, never a 5xx a client could trigger at will), with a warn
/// event so the table gets its row.
#[cold]
fn unclassified(error: JwtError) -> Rejection {
    tracing::warn!(error = ?error, "jsonwebtoken reported an error kind auth-errors does not classify; answering TOKEN_INVALID");
    Rejection {
        error: OAuthError::TokenInvalid,
        source: Cause::Jwt(error),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::{Arc, Mutex};

    use jsonwebtoken::errors::{Error as JwtError, ErrorKind};

    use super::unclassified;
    use crate::AuthError;

    /// The levels and messages of the events `f` emits on this thread.
    fn events(f: impl FnOnce()) -> Vec<(tracing::Level, String)> {
        #[derive(Clone, Default)]
        struct Sink(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Sink {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0
                    .lock()
                    .map_err(|_| std::io::ErrorKind::Other)?
                    .extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let sink = Sink::default();
        let writer = sink.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .without_time()
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, f);
        let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        text.lines()
            .filter_map(|line| {
                let line = line.trim_start();
                let (level, rest) = line.split_once(' ')?;
                Some((level.parse().ok()?, rest.to_owned()))
            })
            .collect()
    }

    /// The fallback for an error kind the table does not know (the arm of a kind added
    /// after this release: none exists to send through `classify` today).
    #[test]
    fn an_unknown_error_kind_is_token_invalid_with_a_warn_event() {
        let mut rejection = None;
        let seen =
            events(|| rejection = Some(unclassified(JwtError::from(ErrorKind::InvalidToken))));
        let rejection = rejection.unwrap();
        assert_eq!(rejection.code(), "TOKEN_INVALID");
        assert_eq!(rejection.status(), 401);
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert_eq!(seen[0].0, tracing::Level::WARN, "{seen:?}");
        assert!(seen[0].1.contains("does not classify"), "{seen:?}");
    }
}
