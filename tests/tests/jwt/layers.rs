//! The other guards: `ValidateBearerLayer` (a fixed token, answering with the
//! challenge), a scope guard or extractor set up without validation (a server mistake:
//! 500), and what is logged for the server's own key errors.

use std::convert::Infallible;
use std::io::Write;
use std::sync::{Arc, Mutex};

use auth_errors::AuthError;
use auth_errors::jwt::{Algorithm, DecodingKey, EncodingKey, Jwt, ValidateBearerLayer, Verifier};
use serde_json::Value;

use super::keys::*;
use super::*;

const STATIC_TOKEN: &str = "static-token-marker-0123456789";

async fn ok() -> &'static str {
    "ok"
}

/// `ValidateBearerLayer`: the fixed token passes; no token, another token or a
/// malformed header get the standard challenges, not tower-http's bare 401.
#[test]
fn validate_bearer_layer_answers_every_failure_with_the_challenge() {
    let router = axum::Router::new().route(
        "/static",
        axum::routing::get(ok).layer::<_, Infallible>(ValidateBearerLayer::token(STATIC_TOKEN)),
    );
    let base = serve_tokio(move |listener| async move {
        axum::serve(listener, router).await.unwrap();
    });
    let pass = send(&base, "/static", &[&bearer(STATIC_TOKEN)], &[]);
    assert_eq!((pass.status, pass.text().as_str()), (200, "ok"));
    let cases: [(&str, Vec<String>, Want); 6] = [
        ("no token", vec![], Want::Missing),
        (
            "another scheme",
            vec!["Basic QWxhZGRpbg==".into()],
            Want::Missing,
        ),
        (
            "another token",
            vec![bearer("static-token-marker-012345678X")],
            Want::Invalid,
        ),
        (
            "a prefix of it",
            vec![bearer("static-token-marker")],
            Want::Invalid,
        ),
        ("malformed", vec!["Bearer a b".into()], Want::Malformed),
        (
            "two headers",
            vec![bearer(STATIC_TOKEN), bearer(STATIC_TOKEN)],
            Want::Malformed,
        ),
    ];
    for (name, authorization, want) in cases {
        let authorization: Vec<&str> = authorization.iter().map(String::as_str).collect();
        let obs = send(&base, "/static", &authorization, &[]);
        check(&obs, want, None, name);
        check_no_leak(&obs, STATIC_TOKEN, name);
        assert!(!obs.text().contains("static-token"), "{name}");
    }
}

/// A guard that answers a bare 401 (no challenge), as tower-http's bearer check does.
async fn bare_401(headers: axum::http::HeaderMap) -> axum::response::Response {
    use axum::response::IntoResponse;
    if headers
        .get("authorization")
        .is_some_and(|v| v == "Bearer right")
    {
        return "ok".into_response();
    }
    (
        axum::http::StatusCode::UNAUTHORIZED,
        [("x-request-id", "r-1"), ("content-type", "text/plain")],
        "Unauthorized",
    )
        .into_response()
}

/// `BareStatusLayer` (issue 14): an inner 401 without a challenge becomes the
/// catalog's TOKEN_MISSING (no Authorization sent) or TOKEN_INVALID (one sent), with its
/// challenge (RFC 9110 §15.5.2) and JSON body; the inner response's other headers stay,
/// and a 200 passes unchanged.
#[test]
fn a_bare_401_from_an_inner_service_gets_the_catalog_answer() {
    let router = axum::Router::new()
        .route("/guarded", axum::routing::get(bare_401))
        .layer(auth_errors::layer::BareStatusLayer);
    let base = serve_tokio(move |listener| async move {
        axum::serve(listener, router).await.unwrap();
    });
    let pass = send(&base, "/guarded", &["Bearer right"], &[]);
    assert_eq!((pass.status, pass.text().as_str()), (200, "ok"));
    let missing = send(&base, "/guarded", &[], &[]);
    check(&missing, Want::Missing, None, "no token");
    assert_eq!(missing.content_type.as_deref(), Some("application/json"));
    let wrong = send(&base, "/guarded", &["Bearer wrong"], &[]);
    check(&wrong, Want::Invalid, None, "a wrong token");
    assert!(!wrong.text().contains("Unauthorized"), "{}", wrong.text());
    let raw = client().get(format!("{base}/guarded")).send().unwrap();
    assert_eq!(raw.headers()["x-request-id"], "r-1");
    assert_eq!(raw.headers().get_all("content-type").iter().count(), 1);
}

async fn actix_ok() -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().body("ok")
}

async fn actix_claims(jwt: Jwt<Value>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().body(format!("{:?}", jwt.scopes()))
}

/// A scope guard with no validation before it, or an actix-web extractor with no
/// `web::Data<Verifier>`, is the server's mistake: `500 AUTH_SERVER_ERROR`, never a
/// pass and never a 401; axum and actix-web agree.
#[test]
fn scope_guard_without_validation_is_500_in_both_frameworks() {
    let router = axum::Router::new().route(
        "/guard-only",
        axum::routing::get(ok).layer::<_, Infallible>(scope_write()),
    );
    let axum = serve_tokio(move |listener| async move {
        axum::serve(listener, router).await.unwrap();
    });
    let actix = serve_actix(|listener| async move {
        use actix_web::middleware::from_fn;
        use actix_web::{App, HttpServer, web};
        HttpServer::new(|| {
            App::new()
                .service(
                    web::resource("/guard-only")
                        .wrap(from_fn(auth_errors::jwt::actix::require_scope(
                            scope_write(),
                        )))
                        .route(web::get().to(actix_ok)),
                )
                .route("/no-verifier", web::get().to(actix_claims))
        })
        .workers(1)
        .listen(listener)?
        .run()
        .await
    });
    let servers = Servers { axum, actix };
    let token = mint(
        Algorithm::HS256,
        None,
        &good_claims("orders:write"),
        &EncodingKey::from_secret(SECRET).unwrap(),
    );
    for authorization in [vec![], vec![bearer(&token)]] {
        let authorization: Vec<&str> = authorization.iter().map(String::as_str).collect();
        let obs = both(&servers, "/guard-only", &authorization);
        check(&obs, Want::ServerError, None, "guard without validation");
        check_no_leak(&obs, &token, "guard without validation");
    }
    let obs = send(&servers.actix, "/no-verifier", &[&bearer(&token)], &[]);
    check(
        &obs,
        Want::ServerError,
        None,
        "extractor without a verifier",
    );
}

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The events `f` emits on this thread, as text.
fn captured<R>(f: impl FnOnce() -> R) -> (R, String) {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let r = tracing::subscriber::with_default(subscriber, f);
    let text = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    (r, text)
}

/// The server's own broken key is logged at error level (the operator must act); a
/// client's bad token is not an error-level event.
#[test]
fn server_key_errors_are_logged_at_error_level_and_bad_tokens_are_not() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let ed_key = EncodingKey::from_ed_pem(ED_A_PRIVATE.as_bytes()).unwrap();
    let token = mint(Algorithm::EdDSA, None, &good_claims("x"), &ed_key);

    // Key material that does not parse is refused when the verifier is built; 32 bytes
    // that are no point of the curve pass that check and fail when they verify: find
    // such a key among [k; 32] (each candidate is one, or a point that is not the
    // signer's key, answered TOKEN_INVALID).
    let mut seen_server_error = false;
    for k in 0..=255u8 {
        let broken = Verifier::builder()
            .algorithms([Algorithm::EdDSA])
            .key(DecodingKey::from_ed_der(&[k; 32]))
            .build()
            .unwrap();
        let (code, log) = captured(|| {
            rt.block_on(broken.verify::<Value>(&token))
                .unwrap_err()
                .code()
        });
        if code == "AUTH_SERVER_ERROR" {
            assert!(log.contains("ERROR"), "{log}");
            seen_server_error = true;
            break;
        }
        assert_eq!(code, "TOKEN_INVALID", "{k}");
    }
    assert!(seen_server_error, "no [k; 32] is off the curve");

    let good = Verifier::builder()
        .algorithms([Algorithm::ES256])
        .key(DecodingKey::from_ec_pem(EC_A_PUBLIC.as_bytes()).unwrap())
        .build()
        .unwrap();
    let forged = mint(
        Algorithm::ES256,
        None,
        &good_claims("x"),
        &EncodingKey::from_ec_pem(EC_B_PRIVATE.as_bytes()).unwrap(),
    );
    let (code, log) = captured(|| {
        rt.block_on(good.verify::<Value>(&forged))
            .unwrap_err()
            .code()
    });
    assert_eq!(code, "TOKEN_INVALID");
    assert!(!log.contains("ERROR"), "{log}");
}

/// The standard catalog as the application's own enum: having every standard entry,
/// it gets `From<OAuthError>` from the `catalog` macro, which `Jwt<T, E>` needs.
#[auth_errors::catalog(std)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {}

async fn axum_own(jwt: Jwt<Value, AppError>) -> String {
    format!("sub={}", jwt.claims["sub"].as_str().unwrap_or("-"))
}

async fn actix_own(jwt: Jwt<Value, AppError>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().body(format!("sub={}", jwt.claims["sub"].as_str().unwrap_or("-")))
}

/// `Jwt<T, AppError>` answers through the application's enum, byte for byte as
/// `Jwt<T>` (`OAuthError`) does, in both frameworks.
#[test]
fn jwt_extractor_answers_through_the_applications_own_enum() {
    let verifier = Verifier::builder()
        .algorithms([Algorithm::HS256])
        .issuer(ISS)
        .audience(AUD)
        .key(DecodingKey::from_secret(SECRET).unwrap())
        .build()
        .unwrap();
    let for_axum = verifier.clone();
    let router = axum::Router::new()
        .route("/own", axum::routing::get(axum_own))
        .with_state(for_axum);
    let axum = serve_tokio(move |listener| async move {
        axum::serve(listener, router).await.unwrap();
    });
    let for_actix = verifier.clone();
    let actix = serve_actix(move |listener| async move {
        use actix_web::{App, HttpServer, web};
        HttpServer::new(move || {
            App::new()
                .app_data(web::Data::new(for_actix.clone()))
                .route("/own", web::get().to(actix_own))
        })
        .workers(1)
        .listen(listener)?
        .run()
        .await
    });
    let own = Servers { axum, actix };
    let default = Servers::start(&verifier, None);
    let key = EncodingKey::from_secret(SECRET).unwrap();
    let expired = mint(
        Algorithm::HS256,
        None,
        &claims_with("x", serde_json::json!({ "exp": now() - 3600 })),
        &key,
    );
    let good = mint(Algorithm::HS256, None, &good_claims("x"), &key);
    let cases: [(&str, Vec<String>, Want); 5] = [
        ("valid", vec![bearer(&good)], Want::Ok),
        ("no token", vec![], Want::Missing),
        ("malformed", vec!["Bearer a b".into()], Want::Malformed),
        ("expired", vec![bearer(&expired)], Want::Expired),
        ("forged", vec![bearer(&format!("{good}x"))], Want::Invalid),
    ];
    for (name, authorization, want) in cases {
        let authorization: Vec<&str> = authorization.iter().map(String::as_str).collect();
        let mine = both(&own, "/own", &authorization);
        check(&mine, want, None, name);
        let theirs = both(&default, "/jwt", &authorization);
        assert_eq!(mine, theirs, "{name}");
    }
}
