//! The [`AuthError`] trait: what a response needs from an error value.

use std::borrow::Cow;

use crate::challenge::{Challenge, ChallengeError};
use crate::render;
use crate::spec::ErrorSpec;

/// What a response needs from an error: status, code, message, challenge, body and
/// extra headers. The catalog macros implement it; adapters for axum, actix-web and
/// plain `http` read it.
///
/// Only [`spec`](AuthError::spec) is required; [`param`](AuthError::param) supplies
/// placeholder values. The other methods render from the spec: the message, header and
/// body a generated spec compiled when it was expanded are used as they are, and only
/// param values are checked, escaped and copied at run time. `body` carries the spec's
/// message: a type that overrides [`message`](AuthError::message) overrides `body` too.
///
/// See [`spec`](crate::spec) for a hand-written implementation.
pub trait AuthError: std::error::Error {
    /// The static description of this error's catalog entry.
    fn spec(&self) -> &'static ErrorSpec;

    /// The value of a declared parameter, for `{placeholders}`.
    fn param(&self, name: &str) -> Option<Cow<'_, str>> {
        let _ = name;
        None
    }

    /// The HTTP status code of the response: for a concealed entry, its target's
    /// ([`ErrorSpec::public`]); the entry's own is `spec().status()`.
    fn status(&self) -> u16 {
        self.spec().public().status()
    }

    /// The business code (`TOKEN_EXPIRED`): the entry's own, also for a concealed entry,
    /// whose body carries its target's code. The tracing event names this one.
    fn code(&self) -> &'static str {
        self.spec().code()
    }

    /// The message with its placeholders filled in.
    fn message(&self) -> Cow<'_, str> {
        render::message::of(self.spec(), &|name| self.param(name))
    }

    /// The `WWW-Authenticate` challenge, if the entry has one, as a [`Challenge`]. A
    /// parameter value that breaks an RFC 6750 rule is an error, never a malformed header.
    /// The first challenge only: [`challenge_value`](AuthError::challenge_value) has them
    /// all.
    fn challenge(&self) -> Result<Option<Challenge>, ChallengeError> {
        Ok(self.challenges()?.into_iter().next())
    }

    /// Every challenge of the entry (of its public face, for a concealed entry), in the
    /// order the header lists them; empty without one. A parameter value that breaks a
    /// rule is an error, as for [`challenge`](AuthError::challenge).
    fn challenges(&self) -> Result<Vec<Challenge>, ChallengeError> {
        render::header::challenges(self.spec(), &|name| self.param(name))
    }

    /// The `WWW-Authenticate` header value, if the entry has a challenge: a compile-time
    /// string when no attribute uses a param.
    fn challenge_value(&self) -> Result<Option<Cow<'static, str>>, ChallengeError> {
        render::header::of(self.spec(), &|name| self.param(name))
    }

    /// The response body text, in the entry's format: a compile-time string when the
    /// message uses no param.
    fn body(&self) -> Cow<'static, str> {
        render::body::of(self.spec(), &|name| self.param(name))
    }

    /// The extra headers with placeholders filled in: for a concealed entry, its target's
    /// (which use no param).
    fn headers(&self) -> Vec<(&'static str, Cow<'_, str>)> {
        render::extra::of(self.spec().public(), &|name| self.param(name))
    }
}
