//! Monitoring by error code: what every error response tells an outer layer, a tracer
//! and a metrics recorder, all from the catalog.
//!
//! The catalog is a closed, documented set of codes, so every signal below is labelled
//! with values the catalog lists and nothing else: never a message, a param value, a
//! path or a user id.
//!
//! # OpenTelemetry field names
//!
//! The `tracing` event of every error response carries `error.type` (the entry's code)
//! and `http.response.status_code` (the status sent), beside `code` and `status`. When
//! the current span declares those fields (as `tracing::field::Empty`), they are
//! recorded on it too. Following the OpenTelemetry HTTP semantic conventions, a 4xx
//! does not mark a server span as an error; a 5xx records `otel.status_code = "ERROR"`
//! on a span that declares it. **The catalog is the list of `error.type` values**: its
//! generated Markdown reference says so, and lists them.
//!
//! ```
//! use auth_errors::oauth::OAuthError;
//!
//! // What the span of a request declares (tower-http's `TraceLayer::make_span_with`,
//! // or your own): the error response fills the fields in.
//! let span = tracing::info_span!(
//!     "request",
//!     error.type = tracing::field::Empty,
//!     http.response.status_code = tracing::field::Empty,
//!     otel.status_code = tracing::field::Empty,
//! );
//! let _entered = span.enter();
//! # #[cfg(feature = "axum")]
//! let _ = axum_core::response::IntoResponse::into_response(OAuthError::TokenExpired);
//! ```
//!
//! # The code on the response (feature `extension`)
//!
//! With the `extension` feature, every response the adapters build (axum, plain
//! `http`, actix-web) carries an [`ErrorInfo`] in its extensions (`http::Extensions`,
//! actix-web's response extensions), so an outer layer logs or counts the code without
//! parsing the body. It is a feature because it costs the allocations of an extension
//! map on every error response, which a service that does not read it should not pay.
//!
//! ```
//! # #[cfg(all(feature = "axum", feature = "extension"))] {
//! use auth_errors::monitor::ErrorInfo;
//! use auth_errors::oauth::OAuthError;
//! use axum_core::response::IntoResponse;
//!
//! let response = OAuthError::TokenExpired.into_response();
//! let info = response.extensions().get::<ErrorInfo>().copied();
//! assert_eq!(info.map(|i| (i.code(), i.status(), i.error())),
//!            Some(("TOKEN_EXPIRED", 401, Some("invalid_token"))));
//! # }
//! ```
//!
//! # Counters (feature `metrics`)
//!
//! Every error response increments the counter [`METRIC`]
//! (`auth_errors_responses_total`) of the [`metrics`](https://docs.rs/metrics/0.24)
//! facade, with four labels:
//!
//! | label | value |
//! |---|---|
//! | `code` | the entry's own code (a concealed entry's true code: monitoring is internal) |
//! | `status` | the status sent |
//! | `error` | the RFC 6750 / 9470 / 9449 `error` value sent, or empty |
//! | `class` | `auth` for 401 and 403, `client` for another 4xx, `server` for 5xx ([`Class`]) |
//!
//! The application installs its recorder (a Prometheus exporter, …), **then** calls
//! [`register`] for each of its error enums: that describes the metric and makes one
//! counter handle per entry, which also creates every series at zero, so a missing
//! series is never mistaken for "no 401s". A response then increments its entry's
//! handle: no label is built per response. Handles made before a recorder is installed
//! count nothing, forever (the `metrics` facade's rule), hence the order; `register`
//! again after installing it makes new handles that count. A response of an entry that
//! was never registered still counts, with the same labels: its handle is made on its
//! first response and checked against the current recorder on every one (a thread-local
//! and an atomic read), made again when the recorder changed.
//!
//! ```
//! # #[cfg(feature = "metrics")] {
//! use auth_errors::oauth::OAuthError;
//!
//! // After installing the recorder (metrics_exporter_prometheus::PrometheusBuilder, …):
//! auth_errors::monitor::register::<OAuthError>();
//! # }
//! ```

#[cfg(feature = "metrics")]
mod counters;

#[cfg(feature = "metrics")]
pub use self::counters::{register, register_specs};

pub use auth_errors_core::monitor::{Class, METRIC};

use crate::{AuthError, ClientAction, ErrorSpec};

/// The table of a generated or derived enum: every entry's spec, in variant order.
/// The catalog macros implement it, so [`register`] can take the enum's type.
pub trait Specs {
    /// Every spec of the enum (the enum's own `SPECS`).
    const SPECS: &'static [ErrorSpec];
}

/// What an error response was, for an outer layer: the code, status, `error` value and
/// client action it sent, and the entry's own code. With the `extension` feature, every
/// response the adapters build carries one in its extensions.
///
/// For a concealed entry (`conceal_as:`), [`code`](ErrorInfo::code), `status`, `error`
/// and `client` are what was sent (the target's), and
/// [`entry_code`](ErrorInfo::entry_code) is the true code, which never reaches the client.
///
/// ```
/// use auth_errors::monitor::ErrorInfo;
/// use auth_errors::{ClientAction, oauth::OAuthError};
///
/// let info = ErrorInfo::of(&OAuthError::TokenExpired);
/// assert_eq!(info.code(), "TOKEN_EXPIRED");
/// assert_eq!(info.status(), 401);
/// assert_eq!(info.error(), Some("invalid_token"));
/// assert_eq!(info.client(), ClientAction::Refresh);
/// assert!(!info.is_concealed());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorInfo {
    code: &'static str,
    status: u16,
    error: Option<&'static str>,
    client: ClientAction,
    entry_code: &'static str,
}

impl ErrorInfo {
    /// The information of `err`'s response.
    pub fn of(err: &(impl AuthError + ?Sized)) -> ErrorInfo {
        ErrorInfo::of_spec(err.spec())
    }

    /// The information of the response of an entry.
    pub fn of_spec(spec: &'static ErrorSpec) -> ErrorInfo {
        let public = spec.public();
        ErrorInfo {
            code: public.code(),
            status: public.status(),
            error: public.error_attribute(),
            client: public.client(),
            entry_code: spec.code(),
        }
    }

    /// The code the response carried (the concealed target's for a concealed entry).
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The status sent.
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// The `error` value of the challenge sent, if any (`invalid_token`).
    pub const fn error(&self) -> Option<&'static str> {
        self.error
    }

    /// What the client was told to do.
    pub const fn client(&self) -> ClientAction {
        self.client
    }

    /// The entry's own code: [`code`](ErrorInfo::code) unless the entry is concealed.
    pub const fn entry_code(&self) -> &'static str {
        self.entry_code
    }

    /// Whether the response was another entry's (`conceal_as:`).
    pub fn is_concealed(&self) -> bool {
        self.code != self.entry_code
    }

    /// The class of the status sent.
    pub const fn class(&self) -> Class {
        Class::of(self.status)
    }
}

/// Everything an error response records, on both response paths of both frameworks:
/// the `tracing` event (with its OpenTelemetry fields, and the current span's) and the
/// counter. `status` is the status sent.
#[cfg(any(feature = "http", feature = "actix"))]
#[inline(always)]
pub(crate) fn observe(err: &dyn AuthError, status: u16) {
    crate::trace::event(err, status);
    #[cfg(feature = "metrics")]
    counters::increment(err.spec());
}
