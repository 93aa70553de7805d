//! `GET /metrics` (feature `monitoring`, on by default): the Prometheus text of
//! `metrics-exporter-prometheus`, the same on both servers.
//!
//! [`install`] installs the exporter as the process's `metrics` recorder, then registers
//! the demo's two error enums ([`OAuthError`], [`DemoError`]), in that order, as
//! `auth_errors::monitor` asks: every `auth_errors_responses_total` series is scraped at
//! 0 before the first failed request. [`count_request`] counts every request in
//! `http_requests_total`, the denominator of the alert rules `auth-errors alerts` writes.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::{DemoError, OAuthError};

/// The exporter's handle, installed once per process; `None` when another recorder was
/// installed first.
pub fn install() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let handle = PrometheusBuilder::new().install_recorder().ok()?;
            metrics::describe_counter!(
                "http_requests_total",
                metrics::Unit::Count,
                "Requests answered by the demo"
            );
            auth_errors::monitor::register::<OAuthError>();
            auth_errors::monitor::register::<DemoError>();
            Some(handle)
        })
        .as_ref()
}

/// Counts one request.
pub fn count_request() {
    metrics::counter!("http_requests_total").increment(1);
}

/// The scrape: Prometheus' text format.
pub fn render() -> String {
    install().map(PrometheusHandle::render).unwrap_or_default()
}
