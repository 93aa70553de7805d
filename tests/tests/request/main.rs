//! The `http` catalog through axum (issue 14, part 2): the extractors' rejections, the
//! fallback and a bare 405 answer in the catalog's format over real TCP, and the
//! rejection's own text never reaches the body.
//!
//! Expected statuses are RFC 9110 §15.5's: 400 for a body that is not JSON, 422 for one
//! of the wrong shape, 415 for another media type, 413 over the limit, 404 and 405.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use auth_errors::axum::{Json, Path, Query, not_found};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use reqwest::blocking::Client;

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Login {
    user: String,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Page {
    page: u32,
}

async fn login(Json(body): Json<Login>) -> &'static str {
    let _ = body;
    "ok"
}

async fn page(Query(q): Query<Page>) -> String {
    q.page.to_string()
}

async fn order(Path(id): Path<u64>) -> String {
    id.to_string()
}

/// The application's own enum with the `http` catalog's entries: it converts from
/// `RequestError`, so an extractor's rejection answers through it.
#[auth_errors::catalog(http)]
#[derive(Debug)]
pub enum AppError {}

async fn login_own(
    body: Result<Json<Login>, auth_errors::request::RequestError>,
) -> Result<&'static str, AppError> {
    let Json(body) = body.map_err(AppError::from)?;
    let _ = body;
    Ok("ok")
}

fn serve() -> String {
    let router = Router::new()
        .route("/login", post(login))
        .route("/login-own", post(login_own))
        .route("/page", get(page))
        .route("/orders/{id}", get(order))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(64))
        .layer(auth_errors::layer::BareStatusLayer);
    auth_errors_tests::serve::tokio(move |listener| async move {
        axum::serve(listener, router).await.unwrap();
    })
}

async fn actix_login(body: actix_web::web::Json<Login>) -> &'static str {
    let _ = body;
    "ok"
}

async fn actix_page(q: actix_web::web::Query<Page>) -> String {
    q.page.to_string()
}

async fn actix_order(id: actix_web::web::Path<u64>) -> String {
    id.to_string()
}

/// The same routes on actix-web, with the crate's extractor configs and default service.
fn serve_actix() -> String {
    use actix_web::{App, HttpServer, web};
    auth_errors_tests::serve::actix(|listener| {
        HttpServer::new(|| {
            App::new()
                .app_data(auth_errors::actix::json_config().limit(64))
                .app_data(auth_errors::actix::query_config())
                .app_data(auth_errors::actix::path_config())
                .route("/login", web::post().to(actix_login))
                .route("/page", web::get().to(actix_page))
                .route("/orders/{id}", web::get().to(actix_order))
                .default_service(web::to(auth_errors::actix::not_found))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run()
    })
}

/// Status, JSON `code`, content type, and no `WWW-Authenticate` (none is an auth failure).
fn expect(response: reqwest::blocking::Response, status: u16, code: &str, leak: &[&str]) {
    assert_eq!(response.status().as_u16(), status, "{code}");
    assert!(
        response.headers().get("www-authenticate").is_none(),
        "{code}"
    );
    assert_eq!(
        response.headers()["content-type"],
        "application/json",
        "{code}"
    );
    let body = response.text().unwrap();
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["code"], code, "{body}");
    for text in leak {
        assert!(!body.contains(text), "{code}: {body} leaks {text}");
    }
}

#[test]
fn json_rejections_answer_with_the_http_catalog() {
    let base = serve();
    let client = Client::new();
    let post = |body: &'static str, content_type: &'static str| {
        client
            .post(format!("{base}/login"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .unwrap()
    };
    let ok = post(r#"{"user": "reader"}"#, "application/json");
    assert_eq!(ok.status(), 200);
    // Not JSON at all; serde's message ("expected value at line 1") stays in the log.
    expect(
        post("{not json", "application/json"),
        400,
        "BAD_REQUEST_BODY",
        &["expected", "line 1"],
    );
    // JSON of the wrong shape.
    expect(
        post(r#"{"usr": 1}"#, "application/json"),
        422,
        "UNPROCESSABLE_CONTENT",
        &["missing field", "user"],
    );
    // Another media type.
    expect(
        post(r#"{"user": "a"}"#, "text/plain"),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        &["Content-Type"],
    );
    // Over the 64-byte limit.
    let big: &'static str =
        Box::leak(format!(r#"{{"user": "{}"}}"#, "a".repeat(200)).into_boxed_str());
    expect(
        post(big, "application/json"),
        413,
        "PAYLOAD_TOO_LARGE",
        &["length limit"],
    );
}

#[test]
fn query_and_path_rejections_answer_with_the_http_catalog() {
    let base = serve();
    let client = Client::new();
    assert_eq!(
        client
            .get(format!("{base}/page?page=2"))
            .send()
            .unwrap()
            .text()
            .unwrap(),
        "2"
    );
    expect(
        client.get(format!("{base}/page?page=two")).send().unwrap(),
        400,
        "INVALID_QUERY",
        &["invalid digit", "page"],
    );
    assert_eq!(
        client
            .get(format!("{base}/orders/7"))
            .send()
            .unwrap()
            .text()
            .unwrap(),
        "7"
    );
    expect(
        client.get(format!("{base}/orders/seven")).send().unwrap(),
        400,
        "INVALID_PATH",
        &["seven", "invalid digit"],
    );
}

/// RFC 9110 §15.5.6: a 405 carries `Allow`; axum's router sends it with an empty body,
/// which the layer gives the catalog's body, keeping `Allow`.
#[test]
fn a_wrong_method_answers_405_with_allow() {
    let base = serve();
    let response = Client::new().get(format!("{base}/login")).send().unwrap();
    assert_eq!(response.headers()["allow"], "POST");
    expect(response, 405, "METHOD_NOT_ALLOWED", &[]);
}

#[test]
fn unknown_paths_answer_404_not_found() {
    let base = serve();
    let response = Client::new().get(format!("{base}/nowhere")).send().unwrap();
    expect(response, 404, "NOT_FOUND", &["nowhere"]);
}

/// The same requests to both frameworks: the same status and the same body bytes.
#[test]
fn axum_and_actix_answer_the_same_bytes() {
    let (axum, actix) = (serve(), serve_actix());
    let client = Client::new();
    let big = format!(r#"{{"user": "{}"}}"#, "a".repeat(200));
    /// A method, a path, and a content type and body to send.
    type Case<'a> = (&'a str, &'a str, Option<(&'a str, String)>);
    let cases: Vec<Case> = vec![
        (
            "POST",
            "/login",
            Some(("application/json", "{not json".into())),
        ),
        (
            "POST",
            "/login",
            Some(("application/json", r#"{"usr": 1}"#.into())),
        ),
        (
            "POST",
            "/login",
            Some(("text/plain", r#"{"user": "a"}"#.into())),
        ),
        ("POST", "/login", Some(("application/json", big))),
        ("GET", "/page?page=two", None),
        ("GET", "/orders/seven", None),
        ("GET", "/nowhere", None),
    ];
    for (method, path, body) in cases {
        let answer = |base: &str| {
            let mut request = client.request(method.parse().unwrap(), format!("{base}{path}"));
            if let Some((content_type, body)) = &body {
                request = request
                    .header("content-type", *content_type)
                    .body(body.clone());
            }
            let response = request.send().unwrap();
            let status = response.status().as_u16();
            let content_type = response.headers()["content-type"]
                .to_str()
                .unwrap()
                .to_owned();
            (status, content_type, response.text().unwrap())
        };
        let (a, b) = (answer(&axum), answer(&actix));
        assert_eq!(a, b, "{method} {path}");
        assert!(a.0 >= 400, "{method} {path}: {a:?}");
    }
}

/// Through the application's own enum (`From<RequestError>`, generated for any enum with
/// the `http` entries): the same status and bytes as `RequestError`'s own answer.
#[test]
fn a_rejection_answers_through_the_applications_own_enum() {
    let base = serve();
    let client = Client::new();
    for path in ["/login", "/login-own"] {
        let response = client
            .post(format!("{base}{path}"))
            .header("content-type", "application/json")
            .body("{not json")
            .send()
            .unwrap();
        expect(response, 400, "BAD_REQUEST_BODY", &["expected"]);
    }
}
