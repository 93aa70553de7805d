//! CORS as a browser needs it, from both servers' own CORS layers (tower-http,
//! actix-cors): a preflight for a JSON request with a token is answered 2xx with
//! `authorization` and `content-type` named, the challenge, retry delay and DPoP
//! nonce are exposed, and `DEMO_CORS_ORIGINS` limits the origins. Expected values are
//! from the Fetch standard's CORS protocol.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Duration;

use auth_errors_demo::{CorsOrigins, Demo, actix_app, axum_app};
use axum::body::Body;
use axum::http::Request;
use tower::ServiceExt as _;

const PAGE: &str = "http://127.0.0.1:5173";

/// Status and headers (lowercase names) of one response.
struct Seen {
    status: u16,
    headers: Vec<(String, String)>,
}

impl Seen {
    fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A comma-separated list header as sorted lowercase items.
    fn list(&self, name: &str) -> Vec<String> {
        let mut items: Vec<String> = self
            .get(name)
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        items.sort();
        items
    }
}

async fn axum(origins: CorsOrigins, method: &str, path: &str, headers: &[(&str, &str)]) -> Seen {
    let demo = Arc::new(Demo::new(Duration::from_secs(60)).with_cors_origins(origins));
    let mut request = Request::builder().method(method).uri(path);
    for (n, v) in headers {
        request = request.header(*n, *v);
    }
    let response = axum_app::router(demo)
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    Seen {
        status: response.status().as_u16(),
        headers: response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap().to_owned()))
            .collect(),
    }
}

async fn actix(origins: CorsOrigins, method: &str, path: &str, headers: &[(&str, &str)]) -> Seen {
    let demo = Arc::new(Demo::new(Duration::from_secs(60)).with_cors_origins(origins));
    let app = actix_web::test::init_service(
        actix_web::App::new()
            .app_data(actix_web::web::Data::new(demo.clone()))
            .wrap(actix_app::cors(demo.cors_origins()))
            .configure(actix_app::routes(&demo)),
    )
    .await;
    let mut request = actix_web::test::TestRequest::default()
        .method(actix_web::http::Method::from_bytes(method.as_bytes()).unwrap())
        .uri(path);
    for (n, v) in headers {
        request = request.insert_header((*n, *v));
    }
    let response = actix_web::test::call_service(&app, request.to_request()).await;
    Seen {
        status: response.status().as_u16(),
        headers: response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap().to_owned()))
            .collect(),
    }
}

/// Runs `check` on the axum and the actix-web answer to the same request.
fn both(
    origins: CorsOrigins,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    check: impl Fn(&str, &Seen),
) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    check(
        "axum",
        &rt.block_on(axum(origins.clone(), method, path, headers)),
    );
    let seen = actix_web::rt::System::new().block_on(actix(origins, method, path, headers));
    check("actix-web", &seen);
}

const PREFLIGHT: [(&str, &str); 3] = [
    ("origin", PAGE),
    ("access-control-request-method", "POST"),
    (
        "access-control-request-headers",
        "authorization,content-type",
    ),
];

#[test]
fn a_preflight_for_a_json_post_with_a_token_is_allowed() {
    for path in ["/orders", "/login", "/token"] {
        both(
            CorsOrigins::Any,
            "OPTIONS",
            path,
            &PREFLIGHT,
            |server, seen| {
                assert!(
                    (200..300).contains(&seen.status),
                    "{server} {path}: {}",
                    seen.status
                );
                // Named, not `*`: a wildcard never covers Authorization.
                let allowed = seen.list("access-control-allow-headers");
                assert!(
                    allowed.contains(&"authorization".to_owned()),
                    "{server}: {allowed:?}"
                );
                assert!(
                    allowed.contains(&"content-type".to_owned()),
                    "{server}: {allowed:?}"
                );
                assert!(!allowed.contains(&"*".to_owned()), "{server}");
                let methods = seen.list("access-control-allow-methods");
                for m in ["delete", "get", "post", "put"] {
                    assert!(methods.contains(&m.to_owned()), "{server}: {methods:?}");
                }
                assert_eq!(
                    seen.get("access-control-allow-origin"),
                    Some("*"),
                    "{server}"
                );
                assert_eq!(seen.get("access-control-max-age"), Some("600"), "{server}");
            },
        );
    }
}

#[test]
fn every_response_exposes_the_challenge_the_retry_delay_and_the_dpop_nonce() {
    let exposed = ["dpop-nonce", "retry-after", "www-authenticate"];
    for (path, status) in [
        ("/orders", 401),
        ("/stats", 200),
        ("/busy/k", 429),
        ("/dpop", 401),
    ] {
        for headers in [&[("origin", PAGE)][..], &[]] {
            both(CorsOrigins::Any, "GET", path, headers, |server, seen| {
                assert_eq!(seen.status, status, "{server} {path}");
                assert_eq!(
                    seen.list("access-control-expose-headers"),
                    exposed,
                    "{server} {path}"
                );
            });
        }
        both(
            CorsOrigins::Any,
            "GET",
            path,
            &[("origin", PAGE)],
            |server, seen| {
                assert_eq!(
                    seen.get("access-control-allow-origin"),
                    Some("*"),
                    "{server} {path}"
                );
            },
        );
    }
}

#[test]
fn demo_cors_origins_limits_the_pages_that_may_call() {
    let (origins, rejected) = CorsOrigins::parse(&format!("{PAGE}, https://app.example.com"));
    assert!(rejected.is_empty());
    both(
        origins.clone(),
        "GET",
        "/stats",
        &[("origin", PAGE)],
        |server, seen| {
            assert_eq!(seen.status, 200, "{server}");
            assert_eq!(
                seen.get("access-control-allow-origin"),
                Some(PAGE),
                "{server}"
            );
        },
    );
    both(
        origins.clone(),
        "OPTIONS",
        "/orders",
        &PREFLIGHT,
        |server, seen| {
            assert!((200..300).contains(&seen.status), "{server}");
            assert_eq!(
                seen.get("access-control-allow-origin"),
                Some(PAGE),
                "{server}"
            );
        },
    );
    let other = [
        ("origin", "http://127.0.0.1:9999"),
        ("access-control-request-method", "POST"),
        ("access-control-request-headers", "authorization"),
    ];
    both(origins, "OPTIONS", "/orders", &other, |server, seen| {
        // tower-http answers without allowing the origin, actix-cors with a 400: the
        // browser blocks the request either way.
        assert_eq!(seen.get("access-control-allow-origin"), None, "{server}");
    });
}

#[test]
fn demo_cors_origins_parsing() {
    assert_eq!(CorsOrigins::parse(""), (CorsOrigins::Any, vec![]));
    assert_eq!(CorsOrigins::parse(" * "), (CorsOrigins::Any, vec![]));
    assert_eq!(
        CorsOrigins::parse("http://a.test:3000 https://b.test,ftp://c.test,http://d.test/path"),
        (
            CorsOrigins::List(vec!["http://a.test:3000".into(), "https://b.test".into()]),
            vec!["ftp://c.test".into(), "http://d.test/path".into()]
        )
    );
}
