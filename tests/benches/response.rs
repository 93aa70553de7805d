//! Group `response`: build an axum `Response` for an error and drop it.
//!
//! `cargo bench -p auth-errors-tests --bench response -- --measurement-time 3`
//!
//! Group `metrics` (issue 12, `--features metrics`): the static response with the
//! counter's feature on, first with no recorder installed (the handles `register` made
//! count nothing), then in the same run with metrics-util's debugging recorder installed
//! and the enum registered again (its handles count), beside the hand-written response.
//! `cargo bench -p auth-errors-tests --features metrics --bench response -- --measurement-time 3 metrics`
//!
//! Each contender answers the same two cases (see `auth_errors_tests::contenders`); the
//! figure is the response alone: its error value is cloned (without allocation) outside
//! the timing.

use std::hint::black_box;

use axum::response::IntoResponse;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use auth_errors_tests::contenders;

/// `into_response` consumes the error, so each iteration gets its own copy, made outside
/// the timed routine (`iter_batched`); the routine builds the response and drops it.
macro_rules! contender {
    ($group:ident, $name:literal, $module:ident, $scope:ident) => {
        let err = contenders::$module::static_error();
        $group.bench_function(concat!($name, "/static"), |b| {
            b.iter_batched(
                || err.clone(),
                |e| drop(black_box(black_box(e).into_response())),
                BatchSize::SmallInput,
            )
        });
        let err = contenders::$module::dynamic_error($scope);
        $group.bench_function(concat!($name, "/dynamic"), |b| {
            b.iter_batched(
                || err.clone(),
                |e| drop(black_box(black_box(e).into_response())),
                BatchSize::SmallInput,
            )
        });
    };
}

fn response(c: &mut Criterion) {
    let scope = contenders::runtime_scope();
    let mut group = c.benchmark_group("response");
    contender!(group, "auth_errors", auth_errors, scope);
    contender!(group, "handwritten", handwritten, scope);
    contender!(group, "typical", typical, scope);
    contender!(group, "http_api_problem", problem, scope);
    contender!(group, "axum_thiserror", thiserror_derive, scope);
    group.finish();
}

/// One static case of the `metrics` group: the response of a copy of `err`, dropped.
#[cfg(feature = "metrics")]
fn static_case<E: IntoResponse + Clone>(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    err: E,
) {
    group.bench_function(name, |b| {
        b.iter_batched(
            || err.clone(),
            |e| drop(black_box(black_box(e).into_response())),
            BatchSize::SmallInput,
        )
    });
}

#[cfg(feature = "metrics")]
fn metrics(c: &mut Criterion) {
    use auth_errors_tests::contenders::auth_errors::Error;
    let mut group = c.benchmark_group("metrics");
    static_case(
        &mut group,
        "handwritten/static",
        contenders::handwritten::static_error(),
    );
    let err = contenders::auth_errors::static_error();
    // No recorder yet: the handles count nothing.
    auth_errors::monitor::register::<Error>();
    static_case(&mut group, "auth_errors/static_no_recorder", err.clone());
    let recorder = metrics_util::debugging::DebuggingRecorder::new();
    let snapshotter = recorder.snapshotter();
    if recorder.install().is_err() {
        panic!("another recorder is installed");
    }
    auth_errors::monitor::register::<Error>();
    static_case(&mut group, "auth_errors/static_recorder", err);
    group.finish();
    // The recorder counted the responses of the last bench.
    let counted = snapshotter
        .snapshot()
        .into_vec()
        .into_iter()
        .any(|(key, _, _, value)| {
            key.key().labels().any(|l| l.value() == "TOKEN_EXPIRED")
                && value != metrics_util::debugging::DebugValue::Counter(0)
        });
    assert!(counted, "the recorder saw no TOKEN_EXPIRED response");
}

#[cfg(not(feature = "metrics"))]
criterion_group!(benches, response);
#[cfg(feature = "metrics")]
criterion_group!(benches, response, metrics);
criterion_main!(benches);
