//! Issue 12, monitoring by error code: the counters (read with metrics-util's debugging
//! recorder) and the OpenTelemetry fields on the event and the span. The `ErrorInfo`
//! extension read by outer layers from real responses is in the `adapters` suite.
//!
//! `cargo test -p auth-errors-tests --features metrics,extension --test monitor`
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod counters;
mod otel;
