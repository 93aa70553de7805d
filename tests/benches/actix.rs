//! Group `actix`: build an actix-web `HttpResponse` through `ResponseError` and drop it.
//!
//! `cargo bench -p auth-errors-tests --bench actix -- --measurement-time 3`
//!
//! `axum_thiserror` is axum-only and has no entry here.

use std::hint::black_box;

use actix_web::ResponseError;
use criterion::{Criterion, criterion_group, criterion_main};

use auth_errors_tests::contenders;

macro_rules! contender {
    ($group:ident, $name:literal, $module:ident, $scope:ident) => {
        let err = contenders::$module::static_error();
        $group.bench_function(concat!($name, "/static"), |b| {
            b.iter(|| drop(black_box(black_box(&err).error_response())))
        });
        let err = contenders::$module::dynamic_error($scope);
        $group.bench_function(concat!($name, "/dynamic"), |b| {
            b.iter(|| drop(black_box(black_box(&err).error_response())))
        });
    };
}

fn actix(c: &mut Criterion) {
    let scope = contenders::runtime_scope();
    let mut group = c.benchmark_group("actix");
    contender!(group, "auth_errors", auth_errors, scope);
    contender!(group, "handwritten", handwritten, scope);
    contender!(group, "typical", typical, scope);
    contender!(group, "http_api_problem", problem, scope);
    group.finish();
}

criterion_group!(benches, actix);
criterion_main!(benches);
