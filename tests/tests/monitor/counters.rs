//! `auth_errors_responses_total` through metrics-util's debugging recorder, installed
//! once for this binary as the global recorder: exact series and labels after each kind
//! of response, on both frameworks and both response paths, and every series at zero
//! after `register`.
//!
//! The debugging recorder's snapshot drains counters (it swaps them to 0), so each test
//! drains, acts, and reads what it did; the tests hold one lock so they do not mix.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, OnceLock};

use actix_web::ResponseError;
use auth_errors::monitor::{self, METRIC};
use auth_errors::oauth::OAuthError;
use auth_errors::{AuthError, ErrorSpec, Scope};
use axum::response::IntoResponse;
use metrics_util::debugging::{DebugValue, DebuggingRecorder, Snapshotter};

/// The formats of issue 17: a concealed entry (`REPO_FORBIDDEN`, 403 answered as the
/// 404 `NOT_FOUND`) with a param.
#[auth_errors::catalog("fixtures/valid/dpop-conceal-retry.yaml")]
#[derive(Debug)]
pub enum Api {}

/// A derived enum that is never registered: it counts through `metrics::counter!`.
#[derive(Debug, auth_errors::AuthError)]
pub enum Unregistered {
    #[auth_error(status = 503, code = "AUTH_BACKEND_DOWN", message = "Try later")]
    AuthBackendDown,
}

/// Registered in one test only, to see its series at zero.
#[derive(Debug, auth_errors::AuthError)]
pub enum Fresh {
    #[auth_error(
        status = 409,
        code = "FRESH_CONFLICT",
        message = "Conflict",
        grpc = "ABORTED"
    )]
    FreshConflict,
    #[auth_error(
        status = 401,
        code = "FRESH_TOKEN_BAD",
        message = "Bad token",
        challenge(error = "invalid_token")
    )]
    FreshTokenBad,
}

/// A series: its labels, sorted by name.
type Series = BTreeMap<String, String>;

struct Recorder {
    snapshotter: Snapshotter,
    lock: Mutex<()>,
}

/// The global debugging recorder, installed once, then the standard catalog and `Api`
/// registered (after the recorder, as an application must).
fn recorder() -> &'static Recorder {
    static RECORDER: OnceLock<Recorder> = OnceLock::new();
    RECORDER.get_or_init(|| {
        let recorder = DebuggingRecorder::new();
        let snapshotter = recorder.snapshotter();
        recorder.install().unwrap();
        monitor::register::<OAuthError>();
        monitor::register::<Api>();
        Recorder {
            snapshotter,
            lock: Mutex::new(()),
        }
    })
}

/// Holds the suite's lock with the counters drained. Every test of this binary that
/// answers an error takes it (`otel` too): the recorder is global, and a response in a
/// test running beside another would count in the other's reading.
pub(crate) fn start() -> MutexGuard<'static, ()> {
    let r = recorder();
    let guard = r.lock.lock().unwrap_or_else(|e| e.into_inner());
    drop(r.snapshotter.snapshot());
    guard
}

/// Every counter series of the metric since the last read, with its value (0 included).
fn read() -> BTreeMap<Series, u64> {
    let mut out = BTreeMap::new();
    for (key, _, _, value) in recorder().snapshotter.snapshot().into_vec() {
        let key = key.key();
        assert_eq!(key.name(), METRIC, "no other metric is recorded");
        let DebugValue::Counter(n) = value else {
            panic!("{METRIC} is a counter")
        };
        let labels = key
            .labels()
            .map(|l| (l.key().to_owned(), l.value().to_owned()))
            .collect();
        out.insert(labels, n);
    }
    out
}

fn series(code: &str, status: &str, error: &str, class: &str) -> Series {
    [
        ("class", class),
        ("code", code),
        ("error", error),
        ("status", status),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// The series that moved, with how much.
fn moved(counts: BTreeMap<Series, u64>) -> Vec<(Series, u64)> {
    counts.into_iter().filter(|(_, n)| *n > 0).collect()
}

/// Each kind of response, on each framework and response path: one increment of
/// exactly its entry's series, labelled from the catalog.
#[test]
fn each_response_increments_exactly_its_series() {
    let _guard = start();
    let scope = || Scope::new("orders:write").unwrap();
    type Respond = Box<dyn Fn()>;
    let cases: Vec<(&str, Respond, Series)> = vec![
        (
            "axum static",
            Box::new(|| drop(OAuthError::TokenExpired.into_response())),
            series("TOKEN_EXPIRED", "401", "invalid_token", "auth"),
        ),
        (
            "actix static",
            Box::new(|| drop(OAuthError::TokenInvalid.error_response())),
            series("TOKEN_INVALID", "401", "invalid_token", "auth"),
        ),
        (
            "http static",
            Box::new(|| drop(auth_errors::http::to_http(&OAuthError::TokenMissing))),
            series("TOKEN_MISSING", "401", "", "auth"),
        ),
        (
            "axum dynamic",
            Box::new(move || {
                drop(OAuthError::InsufficientScope { scope: scope() }.into_response())
            }),
            series("INSUFFICIENT_SCOPE", "403", "insufficient_scope", "auth"),
        ),
        (
            "actix dynamic",
            Box::new(move || {
                drop(OAuthError::InsufficientScope { scope: scope() }.error_response())
            }),
            series("INSUFFICIENT_SCOPE", "403", "insufficient_scope", "auth"),
        ),
        (
            "axum 400",
            Box::new(|| drop(OAuthError::InvalidRequest.into_response())),
            series("INVALID_REQUEST", "400", "invalid_request", "client"),
        ),
        (
            "axum concealed",
            Box::new(|| {
                drop(
                    Api::RepoForbidden {
                        repo: "acme/secret".into(),
                    }
                    .into_response(),
                )
            }),
            // The true code; the status and class of what was sent (404).
            series("REPO_FORBIDDEN", "404", "", "client"),
        ),
        (
            "actix concealed",
            Box::new(|| {
                drop(
                    Api::RepoForbidden {
                        repo: "acme/secret".into(),
                    }
                    .error_response(),
                )
            }),
            series("REPO_FORBIDDEN", "404", "", "client"),
        ),
        (
            "actix 5xx, never registered",
            Box::new(|| drop(Unregistered::AuthBackendDown.error_response())),
            series("AUTH_BACKEND_DOWN", "503", "", "server"),
        ),
        (
            "axum 5xx, never registered",
            Box::new(|| drop(Unregistered::AuthBackendDown.into_response())),
            series("AUTH_BACKEND_DOWN", "503", "", "server"),
        ),
    ];
    for (case, respond, expected) in cases {
        respond();
        assert_eq!(moved(read()), vec![(expected, 1)], "{case}");
    }
}

/// The separate series the issue names stay separate: anonymous traffic, churn,
/// forgery, and the server's own failures.
#[test]
fn missing_expired_invalid_and_5xx_are_separate_series() {
    let _guard = start();
    for _ in 0..3 {
        drop(OAuthError::TokenMissing.into_response());
    }
    for _ in 0..2 {
        drop(OAuthError::TokenExpired.into_response());
    }
    drop(OAuthError::TokenInvalid.error_response());
    drop(Unregistered::AuthBackendDown.into_response());
    let mut moved = moved(read());
    moved.sort_by(|a, b| a.0["code"].cmp(&b.0["code"]));
    assert_eq!(
        moved,
        vec![
            (series("AUTH_BACKEND_DOWN", "503", "", "server"), 1),
            (series("TOKEN_EXPIRED", "401", "invalid_token", "auth"), 2),
            (series("TOKEN_INVALID", "401", "invalid_token", "auth"), 1),
            (series("TOKEN_MISSING", "401", "", "auth"), 3),
        ]
    );
}

/// A param's value (a scope, a repository name) never becomes a label; every label
/// value is one the catalog states.
#[test]
fn labels_come_only_from_the_catalog() {
    let _guard = start();
    let secret_scope = "orders:user-4711-private";
    drop(
        OAuthError::InsufficientScope {
            scope: Scope::new(secret_scope).unwrap(),
        }
        .into_response(),
    );
    drop(
        Api::RepoForbidden {
            repo: "user-4711/private".into(),
        }
        .error_response(),
    );
    let all = read();
    // Every entry this binary answers with (the others' series are there, at 0).
    let catalog_values: Vec<String> = OAuthError::SPECS
        .iter()
        .chain(Api::SPECS)
        .chain(Unregistered::SPECS)
        .chain(Fresh::SPECS)
        .flat_map(|s: &ErrorSpec| {
            [
                s.code().to_owned(),
                s.public().status().to_string(),
                s.public().error_attribute().unwrap_or("").to_owned(),
            ]
        })
        .chain(["auth", "client", "server"].map(str::to_owned))
        .collect();
    for labels in all.keys() {
        assert_eq!(
            labels.keys().collect::<Vec<_>>(),
            ["class", "code", "error", "status"]
        );
        for value in labels.values() {
            assert!(!value.contains("4711"), "{labels:?}");
            assert!(catalog_values.contains(value), "{value} in {labels:?}");
        }
    }
    let mut moved = moved(all);
    moved.sort_by(|a, b| a.0["code"].cmp(&b.0["code"]));
    assert_eq!(
        moved,
        vec![
            (
                series("INSUFFICIENT_SCOPE", "403", "insufficient_scope", "auth"),
                1
            ),
            (series("REPO_FORBIDDEN", "404", "", "client"), 1),
        ]
    );
}

/// `register` creates every series of an enum at zero, with its labels, before any
/// response: a missing series is never "no errors".
#[test]
fn register_creates_every_series_at_zero() {
    let _guard = start();
    monitor::register::<Fresh>();
    let all = read();
    assert_eq!(
        all.get(&series("FRESH_CONFLICT", "409", "", "client")),
        Some(&0)
    );
    assert_eq!(
        all.get(&series("FRESH_TOKEN_BAD", "401", "invalid_token", "auth")),
        Some(&0)
    );
    // And the registered catalogs' series are all there, at zero, whatever the other
    // tests did before the drain; nothing else but the never-registered entry's.
    let mut expected: Vec<Series> = OAuthError::SPECS
        .iter()
        .chain(Api::SPECS)
        .chain(Fresh::SPECS)
        .map(|spec| {
            let public = spec.public();
            series(
                spec.code(),
                &public.status().to_string(),
                public.error_attribute().unwrap_or(""),
                monitor::Class::of(public.status()).name(),
            )
        })
        .collect();
    expected.sort();
    // `TOKEN_MISSING` is in both catalogs with the same labels: one series.
    expected.dedup();
    let registered: Vec<Series> = all
        .keys()
        .filter(|s| s["code"] != "AUTH_BACKEND_DOWN")
        .cloned()
        .collect();
    assert_eq!(registered, expected);
    assert!(all.values().all(|n| *n == 0), "{all:?}");
    // Registering again is harmless, and the handles still count.
    monitor::register::<Fresh>();
    drop(Fresh::FreshTokenBad.into_response());
    assert_eq!(
        moved(read()),
        vec![(series("FRESH_TOKEN_BAD", "401", "invalid_token", "auth"), 1)]
    );
    assert_eq!(Fresh::FreshConflict.status(), 409);
}
