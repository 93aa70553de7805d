//! `auth_errors::jwt` (issue 11), served: tokens minted here with HS256, RS256, ES256
//! and EdDSA, verified by real axum and actix-web servers on 127.0.0.1 and sent by a
//! real HTTP client; a JWKS server of the suite's own; RFC 9728 metadata; scope guards.
//!
//! Every error answer is checked three ways: the expected status, code and challenge
//! written out by hand; the challenge parsed by an independent parser (`http-auth`);
//! and the two frameworks' answers compared byte for byte. Every error body and
//! challenge is searched for leaked text (token, keys, settings, `jsonwebtoken` errors).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod classification;
mod jwks;
mod keys;
mod layers;
mod metadata;
mod scopes;
mod stacks;

use std::convert::Infallible;
use std::time::Duration;

use auth_errors::jwt::actix::{add_resource_metadata, require_scope, validate_jwt};
use auth_errors::jwt::{
    AddResourceMetadata, Algorithm, EncodingKey, Header, Jwt, ProtectedResource, RequireScopeLayer,
    ValidateJwtLayer, Verifier, jsonwebtoken,
};
use auth_errors::oauth::OAuthError;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::blocking::Client;
use serde_json::{Value, json};

/// The configured issuer, audience and a subject: distinctive, so a leak is found.
pub const ISS: &str = "https://issuer-marker.test";
pub const AUD: &str = "orders-aud-marker";
pub const SUB: &str = "sub-marker-ada";
/// The HMAC secret of the HS256 verifier.
pub const SECRET: &[u8] = b"hs256-secret-marker-of-at-least-32-bytes";

pub fn now() -> u64 {
    jsonwebtoken::get_current_timestamp()
}

/// Claims that pass every check, granting `scope`.
pub fn good_claims(scope: &str) -> Value {
    json!({
        "sub": SUB,
        "iss": ISS,
        "aud": AUD,
        "iat": now(),
        "exp": now() + 3600,
        "scope": scope,
    })
}

/// `good_claims` with `changes` applied: a `null` value removes the claim.
pub fn claims_with(scope: &str, changes: Value) -> Value {
    let mut claims = good_claims(scope);
    for (name, value) in changes.as_object().unwrap() {
        if value.is_null() {
            claims.as_object_mut().unwrap().remove(name);
        } else {
            claims[name] = value.clone();
        }
    }
    claims
}

/// A token signed by `jsonwebtoken::encode`.
pub fn mint(alg: Algorithm, kid: Option<&str>, claims: &Value, key: &EncodingKey) -> String {
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, key).unwrap()
}

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A token whose header and payload segments are given as they are, with a real
/// signature over them (`jsonwebtoken::crypto::sign`).
pub fn signed_raw(
    header_seg: &str,
    payload_seg: &str,
    alg: Algorithm,
    key: &EncodingKey,
) -> String {
    let message = format!("{header_seg}.{payload_seg}");
    let signature = jsonwebtoken::crypto::sign(message.as_bytes(), key, alg).unwrap();
    format!("{message}.{signature}")
}

// --- Servers -------------------------------------------------------------------

/// An axum and an actix-web server, each with the suite's routes.
pub struct Servers {
    pub axum: String,
    pub actix: String,
}

/// The routes, the same in both frameworks:
/// - `/jwt`: the `Jwt` extractor;
/// - `/handler/write`: the extractor, then `require_scope("orders:write")` in the handler;
/// - `/layer/write`, `/layer/any`, `/layer/all`: validation layer (middleware) and a
///   scope guard: `all(["orders:write"])`, `any(["orders:write", "admin"])`,
///   `all(["orders:read", "orders:write"])`;
/// - with metadata: its well-known path, and `resource_metadata` added to every 401.
impl Servers {
    pub fn start(verifier: &Verifier, metadata: Option<&ProtectedResource>) -> Servers {
        Servers::start_each(verifier.clone(), verifier.clone(), metadata)
    }

    /// Each framework with its own verifier (its own JWKS cache).
    pub fn start_each(
        for_axum: Verifier,
        for_actix: Verifier,
        metadata: Option<&ProtectedResource>,
    ) -> Servers {
        let router = axum_router(for_axum, metadata);
        let axum = serve_tokio(move |listener| async move {
            axum::serve(listener, router).await.unwrap();
        });
        let metadata = metadata.cloned();
        let actix = serve_actix(move |listener| actix_server(listener, for_actix, metadata));
        Servers { axum, actix }
    }
}

pub fn scope_write() -> RequireScopeLayer {
    RequireScopeLayer::all(["orders:write"]).unwrap()
}
pub fn scope_any() -> RequireScopeLayer {
    RequireScopeLayer::any(["orders:write", "admin"]).unwrap()
}
pub fn scope_all() -> RequireScopeLayer {
    RequireScopeLayer::all(["orders:read", "orders:write"]).unwrap()
}

fn sub_of(claims: &Value) -> String {
    format!("sub={}", claims["sub"].as_str().unwrap_or("-"))
}

async fn axum_jwt(jwt: Jwt<Value>) -> String {
    sub_of(&jwt.claims)
}

async fn axum_in_handler(jwt: Jwt<Value>) -> Result<String, OAuthError> {
    jwt.require_scope("orders:write")?;
    Ok(sub_of(&jwt.claims))
}

fn axum_router(verifier: Verifier, metadata: Option<&ProtectedResource>) -> axum::Router {
    use axum::routing::get;
    let guarded = |guard: RequireScopeLayer| {
        get(axum_jwt)
            .layer::<_, Infallible>(guard)
            .layer::<_, Infallible>(ValidateJwtLayer::<Value>::new(verifier.clone()))
    };
    let mut router = axum::Router::new()
        .route("/jwt", get(axum_jwt))
        .route("/handler/write", get(axum_in_handler))
        .route("/layer/write", guarded(scope_write()))
        .route("/layer/any", guarded(scope_any()))
        .route("/layer/all", guarded(scope_all()));
    if let Some(metadata) = metadata {
        // As the docs say: the tower service, mounted at the well-known path.
        router = router.route_service(&metadata.well_known_path(), metadata.service());
    }
    let router = router.with_state(verifier);
    match metadata {
        Some(metadata) => router.layer(AddResourceMetadata::layer(metadata.metadata_url())),
        None => router,
    }
}

async fn actix_jwt(jwt: Jwt<Value>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().body(sub_of(&jwt.claims))
}

async fn actix_in_handler(jwt: Jwt<Value>) -> Result<actix_web::HttpResponse, OAuthError> {
    jwt.require_scope("orders:write")?;
    Ok(actix_web::HttpResponse::Ok().body(sub_of(&jwt.claims)))
}

async fn actix_server(
    listener: std::net::TcpListener,
    verifier: Verifier,
    metadata: Option<ProtectedResource>,
) -> std::io::Result<()> {
    use actix_web::middleware::{Condition, from_fn};
    use actix_web::{App, HttpServer, web};
    let url = metadata
        .as_ref()
        .map(ProtectedResource::metadata_url)
        .unwrap_or_default();
    HttpServer::new(move || {
        let guarded = |path: &str, guard: RequireScopeLayer| {
            web::resource(path)
                .wrap(from_fn(require_scope(guard)))
                .wrap(from_fn(validate_jwt::<Value, _>))
                .route(web::get().to(actix_jwt))
        };
        let metadata = metadata.clone();
        App::new()
            .app_data(web::Data::new(verifier.clone()))
            .route("/jwt", web::get().to(actix_jwt))
            .route("/handler/write", web::get().to(actix_in_handler))
            .service(guarded("/layer/write", scope_write()))
            .service(guarded("/layer/any", scope_any()))
            .service(guarded("/layer/all", scope_all()))
            .configure(move |cfg| {
                if let Some(m) = &metadata {
                    cfg.service(
                        web::resource(m.well_known_path())
                            .to(auth_errors::jwt::actix::metadata_handler(m)),
                    );
                }
            })
            .wrap(Condition::new(
                !url.is_empty(),
                from_fn(add_resource_metadata(url.clone())),
            ))
    })
    .workers(1)
    .listen(listener)?
    .run()
    .await
}

pub use auth_errors_tests::serve::{actix as serve_actix, tokio as serve_tokio};

// --- Requests and what is observed ---------------------------------------------

/// One client for the suite: a blocking client runs its own runtime thread, too
/// costly to make per request.
pub fn client() -> Client {
    static CLIENT: std::sync::OnceLock<Client> = std::sync::OnceLock::new();
    CLIENT
        .get_or_init(|| {
            Client::builder()
                .timeout(Duration::from_secs(20))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
        })
        .clone()
}

/// What is compared between the frameworks (the body's content type too, for errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observed {
    pub status: u16,
    pub www_authenticate: Vec<String>,
    pub retry_after: Vec<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl Observed {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `GET base+path` with these `Authorization` values and extra headers.
pub fn send(base: &str, path: &str, authorization: &[&str], extra: &[(&str, &str)]) -> Observed {
    let mut request = client().get(format!("{base}{path}"));
    for value in authorization {
        request = request.header("authorization", *value);
    }
    for (name, value) in extra {
        request = request.header(*name, *value);
    }
    let response = request.send().expect("request");
    let all = |name: &str| -> Vec<String> {
        response
            .headers()
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect()
    };
    let www_authenticate = all("www-authenticate");
    let retry_after = all("retry-after");
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    Observed {
        status: response.status().as_u16(),
        www_authenticate,
        retry_after,
        content_type,
        body: response.bytes().unwrap().to_vec(),
    }
}

/// Sends to both servers; error answers must agree byte for byte (a 200's content
/// type is the framework's, so only status and body are compared).
pub fn both(servers: &Servers, path: &str, authorization: &[&str]) -> Observed {
    both_with(servers, path, authorization, &[])
}

pub fn both_with(
    servers: &Servers,
    path: &str,
    authorization: &[&str],
    extra: &[(&str, &str)],
) -> Observed {
    let a = send(&servers.axum, path, authorization, extra);
    let b = send(&servers.actix, path, authorization, extra);
    if a.status == 200 {
        assert_eq!((a.status, &a.body), (b.status, &b.body), "GET {path}");
    } else {
        assert_eq!(a, b, "axum and actix-web differ on GET {path}");
    }
    a
}

pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

// --- Expectations --------------------------------------------------------------

/// The answer a request should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Ok,
    Missing,
    Malformed,
    Expired,
    Invalid,
    Scope(&'static str),
    Unavailable,
    ServerError,
}

pub const EXPIRED_DESCRIPTION: &str = "The access token expired";
pub const INVALID_DESCRIPTION: &str =
    "The access token is malformed or its signature does not verify";
pub const MALFORMED_DESCRIPTION: &str = "The Authorization header is malformed";
pub const SCOPE_DESCRIPTION: &str = "The access token lacks the scope this request needs";

/// The challenge parsed by `http-auth`: scheme and unescaped parameters, in order.
pub fn parse_challenge(value: &str) -> (String, Vec<(String, String)>) {
    let parsed = http_auth::parse_challenges(value).expect("http-auth parses the challenge");
    assert_eq!(parsed.len(), 1, "one challenge: {value}");
    let params = parsed[0]
        .params
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.to_unescaped()))
        .collect();
    (parsed[0].scheme.to_owned(), params)
}

pub fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Checks `obs` is the answer `want`, with no `resource_metadata` unless `metadata`
/// names the URL every 401 challenge must carry.
pub fn check(obs: &Observed, want: Want, metadata: Option<&str>, context: &str) {
    let (status, code) = match want {
        Want::Ok => {
            assert_eq!(obs.status, 200, "{context}: {}", obs.text());
            assert_eq!(obs.text(), format!("sub={SUB}"), "{context}");
            return;
        }
        Want::Missing => (401, "TOKEN_MISSING"),
        Want::Malformed => (400, "INVALID_REQUEST"),
        Want::Expired => (401, "TOKEN_EXPIRED"),
        Want::Invalid => (401, "TOKEN_INVALID"),
        Want::Scope(_) => (403, "INSUFFICIENT_SCOPE"),
        Want::Unavailable => (503, "AUTH_UNAVAILABLE"),
        Want::ServerError => (500, "AUTH_SERVER_ERROR"),
    };
    assert_eq!(obs.status, status, "{context}: {}", obs.text());
    assert_eq!(
        obs.content_type.as_deref(),
        Some("application/json"),
        "{context}"
    );
    let body: Value = serde_json::from_slice(&obs.body).expect("a JSON body");
    assert_eq!(body["code"], code, "{context}");

    match want {
        Want::Unavailable | Want::ServerError => {
            assert!(obs.www_authenticate.is_empty(), "{context}: no challenge");
            if want == Want::Unavailable {
                assert_eq!(obs.retry_after.len(), 1, "{context}: one Retry-After");
                let seconds: u64 = obs.retry_after[0]
                    .parse()
                    .expect("Retry-After is delta-seconds");
                assert!(seconds >= 1, "{context}: Retry-After {seconds}");
            } else {
                assert!(obs.retry_after.is_empty(), "{context}");
            }
            return;
        }
        _ => {}
    }
    assert_eq!(obs.www_authenticate.len(), 1, "{context}: one challenge");
    let (scheme, params) = parse_challenge(&obs.www_authenticate[0]);
    assert!(scheme.eq_ignore_ascii_case("bearer"), "{context}: {scheme}");
    assert_eq!(param(&params, "realm"), Some("api"), "{context}");
    let (error, description, scope) = match want {
        Want::Missing => (None, None, None),
        Want::Malformed => (Some("invalid_request"), Some(MALFORMED_DESCRIPTION), None),
        Want::Expired => (Some("invalid_token"), Some(EXPIRED_DESCRIPTION), None),
        Want::Invalid => (Some("invalid_token"), Some(INVALID_DESCRIPTION), None),
        Want::Scope(s) => (Some("insufficient_scope"), Some(SCOPE_DESCRIPTION), Some(s)),
        _ => unreachable!(),
    };
    assert_eq!(param(&params, "error"), error, "{context}");
    assert_eq!(
        param(&params, "error_description"),
        description,
        "{context}"
    );
    assert_eq!(param(&params, "scope"), scope, "{context}");
    let expected_metadata = if status == 401 { metadata } else { None };
    assert_eq!(
        param(&params, "resource_metadata"),
        expected_metadata,
        "{context}: resource_metadata on 401 only"
    );
    let known: &[&str] = &[
        "realm",
        "error",
        "error_description",
        "scope",
        "resource_metadata",
    ];
    for (name, _) in &params {
        assert!(known.contains(&name.as_str()), "{context}: param {name}");
    }
}

/// Text of `jsonwebtoken`'s errors and of the suite's keys and settings: none may
/// reach a response.
pub fn forbidden_text() -> Vec<String> {
    let mut words: Vec<String> = [
        "InvalidSignature",
        "ExpiredSignature",
        "InvalidToken",
        "InvalidAlgorithm",
        "ImmatureSignature",
        "InvalidAudience",
        "InvalidIssuer",
        "InvalidSubject",
        "MissingRequiredClaim",
        "InvalidClaimFormat",
        "InvalidEcdsaKey",
        "InvalidEddsaKey",
        "InvalidRsaKey",
        "InvalidKeyFormat",
        "Base64",
        "Json",
        "Utf8",
        "jsonwebtoken",
        "Error(",
        "kind:",
        "BEGIN",
        "PRIVATE",
        "PUBLIC",
        "kid-marker",
        "127.0.0.1",
        ISS,
        AUD,
        SUB,
        "issuer-marker",
        "aud-marker",
        "sub-marker",
        "secret-marker",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    words.push(String::from_utf8_lossy(SECRET).into_owned());
    for pem in keys::ALL {
        // Every base64 line of every key, private and public.
        for line in pem.lines().filter(|l| !l.starts_with("-----")) {
            words.push(line.chars().take(24).collect());
        }
    }
    words
}

/// Checks the body and challenge of an error answer hold nothing of `token`, the keys
/// or the settings.
pub fn check_no_leak(obs: &Observed, token: &str, context: &str) {
    if obs.status == 200 {
        return;
    }
    let text = format!(
        "{}\n{}\n{}",
        obs.text(),
        obs.www_authenticate.join("\n"),
        obs.retry_after.join("\n")
    );
    for part in token.split(['.', ' ']).filter(|p| p.len() >= 6) {
        assert!(!text.contains(part), "{context}: the token leaked: {text}");
    }
    for word in forbidden_text() {
        assert!(!text.contains(&word), "{context}: {word:?} leaked: {text}");
    }
}

/// Sends `token` as a bearer token to `path` on both servers and checks the answer.
pub fn expect_token(servers: &Servers, path: &str, token: &str, want: Want, context: &str) {
    let obs = both(servers, path, &[&bearer(token)]);
    let context = format!("{context} on {path}");
    check(&obs, want, None, &context);
    check_no_leak(&obs, token, &context);
}

/// A small runtime for calling the async API from a test.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap()
}
