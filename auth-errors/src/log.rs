//! The `tracing` event every error response emits.

use std::fmt;

use auth_errors_core::response::{self, Parts};

use crate::AuthError;

/// An error's `source` chain, formatted only if the event is recorded.
struct SourceChain<'a>(Option<&'a (dyn std::error::Error + 'static)>);

impl fmt::Display for SourceChain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut next = self.0;
        let mut first = true;
        while let Some(e) = next {
            if !first {
                f.write_str(": ")?;
            }
            write!(f, "{e}")?;
            first = false;
            next = e.source();
        }
        Ok(())
    }
}

/// Builds the response parts and records the event: `error` for 5xx, `debug` for
/// 4xx, with the code, the status and the source chain, which never reaches the body.
pub(crate) fn parts<E: AuthError + ?Sized>(err: &E) -> Parts {
    let parts = response::parts(err);
    event(err, parts.status);
    let code = err.code();
    let status = parts.status;
    for problem in &parts.problems {
        tracing::warn!(code, status, %problem, "a dynamic value was left out of the response");
    }
    parts
}

/// Records the event of an error answered with `status`; what [`parts`] records for an
/// error none of whose dynamic values was left out. The static responses of generated
/// enums call it directly.
///
/// The fields are computed inside the macros, so a disabled event costs its level check.
#[inline]
pub(crate) fn event<E: AuthError + ?Sized>(err: &E, status: u16) {
    if status >= 500 {
        tracing::error!(code = err.code(), status, source = %SourceChain(err.source()), "{}", err.message());
    } else {
        tracing::debug!(code = err.code(), status, source = %SourceChain(err.source()), "{}", err.message());
    }
}
