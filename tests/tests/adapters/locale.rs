//! The `RequestLocale` extractor (issue 15), served on 127.0.0.1 and asked through a real
//! HTTP client: behind `LocaleLayer` (axum) or `Localize` (actix-web) a handler reads the
//! language the request negotiated, from the request's own extensions; without the
//! layer the extractor answers the `http` catalog's `INTERNAL_ERROR` (500), never a
//! guessed language.

use std::time::Duration;

use auth_errors::localize::{LocaleLayer, Localize, RequestLocale};
use reqwest::blocking::Client;

/// The fixture's languages: its own `en`, then `fr` and `de-CH`.
#[auth_errors::catalog("fixtures/docs/localized.yaml")]
#[derive(Debug)]
enum Localized {}

/// `Accept-Language`, and the language RFC 4647 lookup picks among en, fr and de-CH.
const CASES: &[(Option<&str>, &str)] = &[
    (Some("de-CH, fr;q=0.5"), "de-CH"),
    (Some("fr-BE"), "fr"),
    (Some("de;q=0.9, fr;q=0.1"), "fr"),
    (Some("en;q=0, *"), "fr"),
    (Some("fr;q=oops"), "en"),
    (None, "en"),
];

fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

fn check(base: &str) {
    let client = client();
    for (accept, expected) in CASES {
        let mut request = client.get(format!("{base}/lang"));
        if let Some(value) = accept {
            request = request.header("accept-language", *value);
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), 200, "{accept:?}");
        assert_eq!(response.text().unwrap(), *expected, "{accept:?}");
    }
}

/// Without a locale layer: the service was built wrong, and says so with a 500.
fn check_without_layer(base: &str) {
    let response = client()
        .get(format!("{base}/lang"))
        .header("accept-language", "fr")
        .send()
        .unwrap();
    assert_eq!(response.status(), 500);
    assert!(response.headers().get("content-language").is_none());
    let body: serde_json::Value = serde_json::from_str(&response.text().unwrap()).unwrap();
    assert_eq!(body["code"], "INTERNAL_ERROR", "{body}");
}

async fn lang(RequestLocale(locale): RequestLocale) -> &'static str {
    locale.tag()
}

#[test]
fn axum_handlers_read_the_negotiated_language() {
    let base = super::serve_tokio(|listener| async move {
        let app = axum::Router::new()
            .route("/lang", axum::routing::get(lang))
            .layer(LocaleLayer::new(&Localized::TRANSLATIONS));
        axum::serve(listener, app).await.unwrap();
    });
    check(&base);
    let bare = super::serve_tokio(|listener| async move {
        let app = axum::Router::new().route("/lang", axum::routing::get(lang));
        axum::serve(listener, app).await.unwrap();
    });
    check_without_layer(&bare);
}

#[test]
fn actix_handlers_read_the_negotiated_language() {
    let base = super::serve_actix(|listener| async move {
        actix_web::HttpServer::new(|| {
            actix_web::App::new()
                .wrap(Localize::new(&Localized::TRANSLATIONS))
                .route("/lang", actix_web::web::get().to(lang))
        })
        .workers(1)
        .listen(listener)?
        .run()
        .await
    });
    check(&base);
    let bare = super::serve_actix(|listener| async move {
        actix_web::HttpServer::new(|| {
            actix_web::App::new().route("/lang", actix_web::web::get().to(lang))
        })
        .workers(1)
        .listen(listener)?
        .run()
        .await
    });
    check_without_layer(&bare);
}
