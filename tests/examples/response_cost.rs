//! The axum response of `auth_errors` against the hand-written contender, measured two ways
//! that a loaded machine cannot skew (see BENCHMARKS.md):
//!
//! - `cargo run --release -p auth-errors-tests --example response_cost` times both in one
//!   process, interleaved, 30 rounds of 50,000 responses each, and prints the fastest
//!   round's time per response of each and their ratio;
//! - `valgrind --tool=callgrind target/release/examples/response_cost CONTENDER CASE` builds
//!   20,000 responses of one contender (`auth_errors` or `handwritten`) and one case
//!   (`static` or `dynamic`), so the instruction count divided by 20,000 is the cost of one.
//!   `actix_static` counts the static case's actix-web response (`error_response`).
//!   With `--features metrics`, `auth_errors static_registered` counts the static case
//!   with the enum registered and no recorder, `auth_errors static_recorder` with
//!   metrics-util's debugging recorder installed first (issue 12: the counter's cost).

use std::hint::black_box;
use std::time::Instant;

#[cfg(feature = "metrics")]
use ::auth_errors as auth_errors_lib;
use auth_errors_tests::contenders::{auth_errors, handwritten, runtime_scope};
use axum::response::IntoResponse;

fn round<E: Clone + IntoResponse>(err: &E, n: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        drop(black_box(black_box(err.clone()).into_response()));
    }
    start.elapsed().as_nanos() as f64 / f64::from(n)
}

/// 20,000 responses, or `RESPONSE_COST_N`: two counts' difference leaves out start-up
/// and one-time set-up (a registration).
fn repeat<E: Clone, R>(err: &E, answer: impl Fn(E) -> R) {
    let n: usize = std::env::var("RESPONSE_COST_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    // The copies are made first, as criterion's `iter_batched` makes them outside the
    // timed routine: what is counted per response is the response alone (and the
    // move out of the vector, the same for every contender).
    let copies: Vec<E> = (0..n).map(|_| err.clone()).collect();
    answer_all(copies, answer);
}

/// Answers with each error and drops the responses: with
/// `valgrind --tool=callgrind --toggle-collect='*answer_all*'` the count is this alone.
#[inline(never)]
fn answer_all<E, R>(copies: Vec<E>, answer: impl Fn(E) -> R) {
    for e in copies {
        drop(black_box(answer(black_box(e))));
    }
}

/// The axum response, as a handler's `Err` becomes one.
fn axum<E: IntoResponse>(e: E) -> axum::response::Response {
    e.into_response()
}

/// The actix-web response, as actix-web answers a handler's `Err`.
fn actix<E: actix_web::ResponseError>(e: E) -> actix_web::HttpResponse {
    e.error_response()
}

fn main() {
    let scope = runtime_scope();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match (
        args.first().map(String::as_str),
        args.get(1).map(String::as_str),
    ) {
        (Some("auth_errors"), Some("static")) => {
            return repeat(&auth_errors::static_error(), axum);
        }
        (Some("auth_errors"), Some("dynamic")) => {
            return repeat(&auth_errors::dynamic_error(scope), axum);
        }
        (Some("auth_errors"), Some("actix_static")) => {
            return repeat(&auth_errors::static_error(), actix);
        }
        #[cfg(feature = "metrics")]
        (Some("auth_errors"), Some(mode @ ("static_registered" | "static_recorder"))) => {
            if mode == "static_recorder" {
                let recorder = metrics_util::debugging::DebuggingRecorder::new();
                if recorder.install().is_err() {
                    std::process::exit(1);
                }
            }
            auth_errors_lib::monitor::register::<auth_errors::Error>();
            return repeat(&auth_errors::static_error(), axum);
        }
        (Some("handwritten"), Some("static")) => {
            return repeat(&handwritten::static_error(), axum);
        }
        (Some("handwritten"), Some("dynamic")) => {
            return repeat(&handwritten::dynamic_error(scope), axum);
        }
        (Some("handwritten"), Some("actix_static")) => {
            return repeat(&handwritten::static_error(), actix);
        }
        (None, _) => {}
        _ => {
            eprintln!("usage: response_cost [auth_errors|handwritten static|dynamic|actix_static]");
            std::process::exit(2);
        }
    }
    let (ours, theirs) = (auth_errors::static_error(), handwritten::static_error());
    let (ours_dyn, theirs_dyn) = (
        auth_errors::dynamic_error(scope),
        handwritten::dynamic_error(scope),
    );
    let mut best = [f64::MAX; 4];
    for _ in 0..30 {
        best[0] = best[0].min(round(&ours, 50_000));
        best[1] = best[1].min(round(&theirs, 50_000));
        best[2] = best[2].min(round(&ours_dyn, 50_000));
        best[3] = best[3].min(round(&theirs_dyn, 50_000));
    }
    println!(
        "static:  auth_errors {:.1} ns, handwritten {:.1} ns, ratio {:.3}",
        best[0],
        best[1],
        best[0] / best[1]
    );
    println!(
        "dynamic: auth_errors {:.1} ns, handwritten {:.1} ns, ratio {:.3}",
        best[2],
        best[3],
        best[2] / best[3]
    );
}
