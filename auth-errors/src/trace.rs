//! The `tracing` event every error response emits.

use std::fmt;

use auth_errors_core::response::Plan;

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

/// Records the events of a planned response: the error's event, and a warning for each
/// dynamic value the plan left out.
pub(crate) fn planned(err: &dyn AuthError, plan: &Plan) {
    event(err, plan.status);
    let code = err.code();
    let status = plan.status;
    for problem in &plan.problems {
        tracing::warn!(code, status, %problem, "a dynamic value was left out of the response");
    }
}

/// Records the event of an error answered with `status`: `error` for 5xx, `debug` for
/// 4xx, with the code, the status and the source chain, which never reaches the body.
/// A concealed entry's event adds `concealed = true`, the `public_code` its response
/// carried and its own `entry_status`; `code` stays the entry's own.
/// The static responses of generated enums call it directly.
///
/// Inlined down to the level check (one atomic load), so a disabled event costs no call;
/// the event itself is built out of line, its fields only when it is recorded.
#[inline(always)]
pub(crate) fn event(err: &dyn AuthError, status: u16) {
    use tracing::Level;
    use tracing::level_filters::{LevelFilter, STATIC_MAX_LEVEL};
    // The first test every tracing macro makes.
    let level = if status >= 500 {
        Level::ERROR
    } else {
        Level::DEBUG
    };
    if level <= STATIC_MAX_LEVEL && level <= LevelFilter::current() {
        record(err, status);
    }
}

#[inline(never)]
fn record(err: &dyn AuthError, status: u16) {
    let source = SourceChain(err.source());
    let code = err.code();
    // A concealed entry's response is its target's; the event keeps the true code and
    // status, flagged, with the code the client saw.
    if let Some(public) = err.spec().concealed_as() {
        let (public_code, entry_status) = (public.code(), err.spec().status());
        if status >= 500 {
            tracing::error!(code, status, concealed = true, public_code, entry_status, source = %source, "{}", err.message());
        } else {
            tracing::debug!(code, status, concealed = true, public_code, entry_status, source = %source, "{}", err.message());
        }
    } else if status >= 500 {
        tracing::error!(code, status, source = %source, "{}", err.message());
    } else {
        tracing::debug!(code, status, source = %source, "{}", err.message());
    }
}
