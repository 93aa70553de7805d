//! The OpenTelemetry field names: `error.type` and `http.response.status_code` on the
//! event and on a span that declares them; `otel.status_code = "ERROR"` on the span for
//! a 5xx only (OTel HTTP semantic conventions: a 4xx is not a server span's error).

use std::sync::{Arc, Mutex};

use actix_web::ResponseError;
use auth_errors::oauth::OAuthError;
use axum::response::IntoResponse;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::Registry;

use super::counters::Unregistered;

/// Field names and values, in the order they were recorded.
type FieldList = Vec<(String, String)>;

/// What the layer saw: each event's fields, and the fields recorded on spans.
#[derive(Default, Clone)]
struct Seen {
    events: Arc<Mutex<Vec<FieldList>>>,
    span: Arc<Mutex<FieldList>>,
}

struct Fields<'a>(&'a mut FieldList);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl<S: Subscriber> Layer<S> for Seen {
    fn on_new_span(&self, attrs: &Attributes<'_>, _: &Id, _: Context<'_, S>) {
        attrs.record(&mut Fields(&mut self.span.lock().unwrap()));
    }
    fn on_record(&self, _: &Id, values: &Record<'_>, _: Context<'_, S>) {
        values.record(&mut Fields(&mut self.span.lock().unwrap()));
    }
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut fields = Vec::new();
        event.record(&mut Fields(&mut fields));
        self.events.lock().unwrap().push(fields);
    }
}

/// Runs `respond` inside a request span that declares the three fields; returns the
/// error event's fields and the fields recorded on the span.
fn traced(respond: impl FnOnce()) -> (FieldList, FieldList) {
    // Its responses count in the global recorder the counter tests read.
    let _guard = super::counters::start();
    let seen = Seen::default();
    let subscriber = Registry::default().with(seen.clone());
    tracing::subscriber::with_default(subscriber, || {
        let span = tracing::info_span!(
            "request",
            error.type = tracing::field::Empty,
            http.response.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
        );
        let _entered = span.enter();
        respond();
    });
    let mut events = seen.events.lock().unwrap().clone();
    assert_eq!(events.len(), 1, "one event per response: {events:?}");
    let span = seen.span.lock().unwrap().clone();
    (events.remove(0), span)
}

fn get<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn a_4xx_records_the_otel_names_but_no_error_status() {
    for (framework, respond) in [
        (
            "axum",
            Box::new(|| drop(OAuthError::TokenExpired.into_response())) as Box<dyn Fn()>,
        ),
        (
            "actix",
            Box::new(|| drop(OAuthError::TokenExpired.error_response())),
        ),
    ] {
        let (event, span) = traced(respond);
        assert_eq!(
            get(&event, "error.type"),
            Some("TOKEN_EXPIRED"),
            "{framework}"
        );
        assert_eq!(
            get(&event, "http.response.status_code"),
            Some("401"),
            "{framework}"
        );
        assert_eq!(
            get(&span, "error.type"),
            Some("TOKEN_EXPIRED"),
            "{framework}"
        );
        assert_eq!(
            get(&span, "http.response.status_code"),
            Some("401"),
            "{framework}"
        );
        assert_eq!(
            get(&span, "otel.status_code"),
            None,
            "{framework}: {span:?}"
        );
    }
}

#[test]
fn a_5xx_marks_the_span_as_an_error() {
    for respond in [
        Box::new(|| drop(Unregistered::AuthBackendDown.into_response())) as Box<dyn Fn()>,
        Box::new(|| drop(Unregistered::AuthBackendDown.error_response())),
    ] {
        let (event, span) = traced(respond);
        assert_eq!(get(&event, "error.type"), Some("AUTH_BACKEND_DOWN"));
        assert_eq!(get(&event, "http.response.status_code"), Some("503"));
        assert_eq!(get(&span, "error.type"), Some("AUTH_BACKEND_DOWN"));
        assert_eq!(get(&span, "http.response.status_code"), Some("503"));
        assert_eq!(get(&span, "otel.status_code"), Some("ERROR"));
    }
}

/// A span that declares none of the fields is left as it was.
#[test]
fn a_span_without_the_fields_gets_none() {
    // Its response counts in the global recorder too: without the lock it raced
    // `register_creates_every_series_at_zero` (seen once in CI: TOKEN_EXPIRED at 1).
    let _guard = super::counters::start();
    let seen = Seen::default();
    let subscriber = Registry::default().with(seen.clone());
    tracing::subscriber::with_default(subscriber, || {
        let span = tracing::info_span!("request", route = "/orders");
        let _entered = span.enter();
        drop(OAuthError::TokenExpired.into_response());
    });
    let span = seen.span.lock().unwrap().clone();
    assert_eq!(span, vec![("route".to_owned(), "/orders".to_owned())]);
}
