//! Group `parse`: the `WWW-Authenticate` parser over the conformance vectors
//! (`tests/vectors/challenges.json`, every `parse` case), against the `http-auth` crate.
//!
//! `cargo bench -p auth-errors-tests --bench parse -- --measurement-time 3`
//!
//! - `auth_errors/common` and `http_auth/common`: the inputs both parsers accept, so the
//!   two do the same job; one iteration parses every one of them.
//! - `auth_errors/all`: every parse case, the rejected ones included.

use std::hint::black_box;

use auth_errors::challenge;
use criterion::{Criterion, criterion_group, criterion_main};

fn inputs() -> Vec<String> {
    let path = auth_errors_tests::tests_path("vectors/challenges.json");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let vectors: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    vectors["parse"]
        .as_array()
        .map(|cases| {
            cases
                .iter()
                .filter_map(|c| c["input"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn parse(c: &mut Criterion) {
    let all = inputs();
    assert!(all.len() > 50, "the parse vectors did not load");
    let common: Vec<&str> = all
        .iter()
        .map(String::as_str)
        .filter(|s| challenge::parse(s).is_ok() && http_auth::parse_challenges(s).is_ok())
        .collect();
    eprintln!(
        "parse: {} cases, {} accepted by both parsers",
        all.len(),
        common.len()
    );
    let mut group = c.benchmark_group("parse");
    group.bench_function("auth_errors/common", |b| {
        b.iter(|| {
            for s in &common {
                drop(black_box(challenge::parse(black_box(s))));
            }
        })
    });
    group.bench_function("http_auth/common", |b| {
        b.iter(|| {
            for s in &common {
                drop(black_box(http_auth::parse_challenges(black_box(s))));
            }
        })
    });
    group.bench_function("auth_errors/all", |b| {
        b.iter(|| {
            for s in &all {
                drop(black_box(challenge::parse(black_box(s))));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
