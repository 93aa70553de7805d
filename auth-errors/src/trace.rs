//! The `tracing` event every error response emits, with its OpenTelemetry fields, and
//! the same fields on the current span (see [`monitor`](crate::monitor)).

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

/// Records a planned response: what [`monitor::observe`](crate::monitor::observe)
/// records (the error's event, its counter), and a warning for each dynamic value the
/// plan left out.
pub(crate) fn planned(err: &dyn AuthError, plan: &Plan) {
    crate::monitor::observe(err, plan.status);
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
/// The event also carries the OpenTelemetry names `error.type` (the code) and
/// `http.response.status_code`; the current span gets them where it declares them.
///
/// Inlined down to the level check (one atomic load), so a disabled event costs no call;
/// the event itself is built out of line, its fields only when it is recorded. The span
/// is looked at only once a subscriber has ever been set (one more load).
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
    // One load for both tests: with no subscriber, or one that enables nothing, the
    // current filter is OFF and there is no span to record on either.
    let current = LevelFilter::current();
    if level <= STATIC_MAX_LEVEL && level <= current {
        record(err, status);
    }
    if current != LevelFilter::OFF {
        record_span(err, status);
    }
}

/// Records `error.type`, `http.response.status_code` and, for a 5xx only,
/// `otel.status_code = "ERROR"` on the current span, each where the span declares it
/// (`Span::record` leaves an undeclared field alone). A 4xx leaves the span's status
/// unset: the OpenTelemetry HTTP conventions count it as the client's error, not the
/// server's.
#[inline(never)]
fn record_span(err: &dyn AuthError, status: u16) {
    let span = tracing::Span::current();
    if span.is_disabled() {
        return;
    }
    span.record("error.type", err.code());
    span.record("http.response.status_code", status);
    if status >= 500 {
        span.record("otel.status_code", "ERROR");
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
            tracing::error!(code, status, error.type = code, http.response.status_code = status, concealed = true, public_code, entry_status, source = %source, "{}", err.message());
        } else {
            tracing::debug!(code, status, error.type = code, http.response.status_code = status, concealed = true, public_code, entry_status, source = %source, "{}", err.message());
        }
    } else if status >= 500 {
        tracing::error!(code, status, error.type = code, http.response.status_code = status, source = %source, "{}", err.message());
    } else {
        tracing::debug!(code, status, error.type = code, http.response.status_code = status, source = %source, "{}", err.message());
    }
}
