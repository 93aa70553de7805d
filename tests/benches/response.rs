//! Group `response`: build an axum `Response` for an error and drop it.
//!
//! `cargo bench -p auth-errors-tests --bench response -- --measurement-time 3`
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

criterion_group!(benches, response);
criterion_main!(benches);
