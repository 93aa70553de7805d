//! Group `locale` (issue 15): a static variant answered through the axum stack with
//! `LocaleLayer`, in the catalog's own language and translated (French), beside the
//! same response without the layer. The translated body is compiled text chosen by
//! index: the ratio `translated / default` is the cost of answering in another language.
//!
//! `cargo bench -p auth-errors-tests --bench locale -- --measurement-time 3`

use std::convert::Infallible;
use std::future::{Future, Ready, ready};
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use auth_errors::localize::LocaleLayer;
use axum::body::Body;
use axum::response::{IntoResponse, Response};
use criterion::{Criterion, criterion_group, criterion_main};
use http::Request;
use tower::{Layer, Service};

#[auth_errors::catalog("ui/catalogs/locale-good.yaml")]
#[derive(Debug, Clone)]
enum ApiError {}

/// The handler: answers every request with the static variant.
#[derive(Clone, Copy)]
struct Expired;

impl Service<Request<Body>> for Expired {
    type Response = Response;
    type Error = Infallible;
    type Future = Ready<Result<Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _: Request<Body>) -> Self::Future {
        ready(Ok(ApiError::TokenExpired.into_response()))
    }
}

/// Calls `service` once; its future is ready at once (no executor needed).
fn call<S>(service: &mut S, accept_language: Option<&'static str>) -> S::Response
where
    S: Service<Request<Body>>,
    S::Error: std::fmt::Debug,
{
    let mut request = Request::new(Body::empty());
    if let Some(value) = accept_language {
        request.headers_mut().insert(
            http::header::ACCEPT_LANGUAGE,
            http::HeaderValue::from_static(value),
        );
    }
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(service.call(request)).poll(&mut cx) {
        Poll::Ready(Ok(response)) => response,
        _ => unreachable!("the handler's future is ready"),
    }
}

fn locale(c: &mut Criterion) {
    let mut group = c.benchmark_group("locale");
    let mut plain = Expired;
    let mut layered = LocaleLayer::new(&ApiError::TRANSLATIONS).layer(Expired);
    group.bench_function("no_layer", |b| {
        b.iter(|| drop(black_box(call(&mut plain, Some("fr-CH, fr;q=0.9")))))
    });
    group.bench_function("default", |b| {
        b.iter(|| drop(black_box(call(&mut layered, Some("en-GB, en;q=0.9")))))
    });
    group.bench_function("translated", |b| {
        b.iter(|| drop(black_box(call(&mut layered, Some("fr-CH, fr;q=0.9")))))
    });
    group.finish();
}

criterion_group!(benches, locale);
criterion_main!(benches);
