//! The `ErrorInfo` extension (issue 12, this crate's `extension` feature), read by outer
//! layers from real responses of servers on 127.0.0.1, through a real HTTP client: on
//! axum a tower `MapResponseLayer` copies it into a header and tower-http's `TraceLayer`
//! records it; on actix-web a middleware does the same.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::dev::Service as _;
use auth_errors::bearer::Bearer;
use auth_errors::monitor::ErrorInfo;
use auth_errors::oauth::OAuthError;
use auth_errors::{ClientAction, Scope};
use axum::http::{HeaderValue, Response};
use reqwest::blocking::Client;
use tower_http::trace::TraceLayer;

use super::faces::Api;

/// What the outer layer writes: `code status error client entry_code`.
fn describe(info: &ErrorInfo) -> String {
    format!(
        "{} {} {} {} {}",
        info.code(),
        info.status(),
        info.error().unwrap_or("-"),
        info.client(),
        info.entry_code()
    )
}

const HEADER: &str = "x-observed-error";

async fn orders(token: Bearer) -> Result<String, OAuthError> {
    match token.token() {
        "expired" => Err(OAuthError::TokenExpired),
        "reader" => Err(OAuthError::InsufficientScope {
            scope: Scope::from_static("orders:write"),
        }),
        _ => Ok("[]".into()),
    }
}

async fn repo() -> Result<String, Api> {
    Err(Api::RepoForbidden {
        repo: "acme/secret".into(),
    })
}

/// The cases each server answers: path, token, and what the layer must have seen.
const CASES: &[(&str, Option<&str>, Option<&str>)] = &[
    (
        "/orders",
        Some("expired"),
        Some("TOKEN_EXPIRED 401 invalid_token refresh TOKEN_EXPIRED"),
    ),
    (
        "/orders",
        Some("reader"),
        Some("INSUFFICIENT_SCOPE 403 insufficient_scope forbidden INSUFFICIENT_SCOPE"),
    ),
    // The extractor's own rejection, answered with the standard catalog.
    (
        "/orders",
        None,
        Some("TOKEN_MISSING 401 - reauthenticate TOKEN_MISSING"),
    ),
    // Concealed: the sent code and status, and the true code.
    ("/repo", None, Some("NOT_FOUND 404 - none REPO_FORBIDDEN")),
    // A success carries no extension.
    ("/orders", Some("writer"), None),
];

fn check(base: &str) {
    let client = Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    for (path, token, expected) in CASES {
        let mut request = client.get(format!("{base}{path}"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().unwrap();
        let seen = response
            .headers()
            .get(HEADER)
            .map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(seen.as_deref(), *expected, "{base}{path} {token:?}");
    }
}

#[test]
fn a_tower_layer_reads_the_extension_from_axum_responses() {
    let traced: Arc<Mutex<Vec<String>>> = Arc::default();
    let log = traced.clone();
    let base = super::serve_tokio(move |listener| async move {
        let app = axum::Router::new()
            .route("/orders", axum::routing::get(orders))
            .route("/repo", axum::routing::get(repo))
            // The README's TraceLayer example: record the code of every error response.
            .layer(TraceLayer::new_for_http().on_response(
                move |response: &Response<_>, _latency: Duration, _span: &tracing::Span| {
                    if let Some(info) = response.extensions().get::<ErrorInfo>() {
                        log.lock().unwrap().push(describe(info));
                    }
                },
            ))
            // An outer layer that only sees the finished response.
            .layer(tower::util::MapResponseLayer::new(
                |mut response: Response<axum::body::Body>| {
                    if let Some(info) = response.extensions().get::<ErrorInfo>().copied()
                        && let Ok(value) = HeaderValue::from_str(&describe(&info))
                    {
                        response.headers_mut().insert(HEADER, value);
                    }
                    response
                },
            ));
        axum::serve(listener, app).await.unwrap();
    });
    check(&base);
    let traced = traced.lock().unwrap().clone();
    let expected: Vec<&str> = CASES.iter().filter_map(|(_, _, e)| *e).collect();
    assert_eq!(traced, expected);
}

#[test]
fn an_actix_middleware_reads_the_extension() {
    let base = super::serve_actix(|listener| async move {
        actix_web::HttpServer::new(|| {
            actix_web::App::new()
                .wrap_fn(|req, srv| {
                    let response = srv.call(req);
                    async move {
                        let mut response = response.await?;
                        let info = response.response().extensions().get::<ErrorInfo>().copied();
                        if let Some(info) = info
                            && let Ok(value) =
                                actix_web::http::header::HeaderValue::from_str(&describe(&info))
                        {
                            response.headers_mut().insert(
                                actix_web::http::header::HeaderName::from_static(HEADER),
                                value,
                            );
                        }
                        Ok(response)
                    }
                })
                .route(
                    "/orders",
                    actix_web::web::get().to(|token: Bearer| async move { orders(token).await }),
                )
                .route("/repo", actix_web::web::get().to(repo))
        })
        .workers(1)
        .listen(listener)?
        .run()
        .await
    });
    check(&base);
}

#[test]
fn error_info_of_a_concealed_entry() {
    let info = ErrorInfo::of(&Api::RepoForbidden { repo: "x".into() });
    assert_eq!(
        (
            info.code(),
            info.status(),
            info.entry_code(),
            info.is_concealed()
        ),
        ("NOT_FOUND", 404, "REPO_FORBIDDEN", true)
    );
    assert_eq!(info.client(), ClientAction::None);
}
