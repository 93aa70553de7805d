//! One contract, two frameworks: the demo on axum and on actix-web, over real TCP on
//! 127.0.0.1 with a real HTTP client, must give byte-identical status,
//! `WWW-Authenticate`, content type and body, and each must be what the RFCs say.
//!
//! Expected values are written out by hand from RFC 6750 §3 / §3.1, RFC 9110 §15.5.2
//! and RFC 9470 §3. Every challenge is also parsed by an independent parser (the
//! `http-auth` crate).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use auth_errors_demo::{Demo, TokenResponse, actix_app, axum_app};
use auth_errors_tests::STANDARD_CODES;
use reqwest::blocking::Client;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};

/// The two servers, started once for the whole suite.
struct Servers {
    axum: String,
    actix: String,
}

fn servers() -> &'static Servers {
    static SERVERS: OnceLock<Servers> = OnceLock::new();
    SERVERS.get_or_init(|| {
        let ttl = Duration::from_secs(60);
        let demo = Arc::new(Demo::new(ttl));
        let axum = super::serve_tokio(move |listener| async move {
            axum_app::serve(listener, demo).await.unwrap();
        });
        let demo = Arc::new(Demo::new(ttl));
        let actix = super::serve_actix(move |listener| actix_app::serve(listener, demo));
        Servers { axum, actix }
    })
}

fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// What the contract compares.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Observed {
    status: u16,
    www_authenticate: Vec<String>,
    content_type: Option<String>,
    body: Vec<u8>,
}

struct Req {
    method: &'static str,
    path: &'static str,
    authorization: Vec<&'static str>,
    json: Option<&'static str>,
}

fn get(path: &'static str, authorization: &[&'static str]) -> Req {
    Req {
        method: "GET",
        path,
        authorization: authorization.to_vec(),
        json: None,
    }
}

fn send(base: &str, req: &Req, token: Option<&str>) -> Observed {
    let method = reqwest::Method::from_bytes(req.method.as_bytes()).unwrap();
    let mut headers = HeaderMap::new();
    for a in &req.authorization {
        let value = a.replace("{token}", token.unwrap_or(""));
        headers.append(AUTHORIZATION, HeaderValue::from_str(&value).unwrap());
    }
    let mut builder = client()
        .request(method, format!("{base}{}", req.path))
        .headers(headers);
    if let Some(json) = req.json {
        builder = builder
            .header("content-type", "application/json")
            .body(json.to_owned());
    }
    let response = builder.send().expect("request");
    // CORS: browsers may read the challenge, the retry delay and the DPoP nonce only
    // if they are exposed. Names are case-insensitive; actix-cors orders them freely.
    let mut exposed: Vec<String> = response
        .headers()
        .get("access-control-expose-headers")
        .map(|v| v.to_str().unwrap())
        .unwrap_or_default()
        .split(',')
        .map(|name| name.trim().to_ascii_lowercase())
        .collect();
    exposed.sort();
    assert_eq!(
        exposed,
        ["dpop-nonce", "retry-after", "www-authenticate"],
        "{base}{}",
        req.path
    );
    Observed {
        status: response.status().as_u16(),
        www_authenticate: response
            .headers()
            .get_all("www-authenticate")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect(),
        content_type: response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned()),
        body: response.bytes().unwrap().to_vec(),
    }
}

/// Sends to both servers and checks they agree byte for byte.
fn both(req: &Req, token_axum: Option<&str>, token_actix: Option<&str>) -> Observed {
    let s = servers();
    let a = send(&s.axum, req, token_axum);
    let b = send(&s.actix, req, token_actix);
    assert_eq!(
        a, b,
        "axum and actix-web differ on {} {}",
        req.method, req.path
    );
    a
}

fn login(base: &str, user: &str) -> TokenResponse {
    let body = client()
        .post(format!("{base}/login"))
        .header("content-type", "application/json")
        .body(format!(r#"{{"user": "{user}"}}"#))
        .send()
        .unwrap()
        .text()
        .unwrap();
    serde_json::from_str(&body).unwrap()
}

/// Checks one error response against the hand-written expectation, and parses its
/// challenge with the independent `http-auth` parser.
fn expect(obs: &Observed, status: u16, code: &str, challenge: &str, head: bool) {
    assert_eq!(obs.status, status, "{code}");
    assert_eq!(obs.www_authenticate, [challenge.to_owned()], "{code}");
    assert_eq!(
        obs.content_type.as_deref(),
        Some("application/json"),
        "{code}"
    );
    let parsed = http_auth::parse_challenges(challenge).expect("http-auth parses the challenge");
    assert_eq!(parsed.len(), 1);
    assert!(parsed[0].scheme.eq_ignore_ascii_case("bearer"));
    let ours = auth_errors::challenge::parse(challenge).unwrap();
    let theirs: Vec<(String, String)> = parsed[0]
        .params
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.to_unescaped()))
        .collect();
    let mine: Vec<(String, String)> = ours[0]
        .params()
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    assert_eq!(theirs, mine, "{challenge}");
    if head {
        assert!(obs.body.is_empty(), "HEAD has no body");
    } else {
        let json: serde_json::Value = serde_json::from_slice(&obs.body).unwrap();
        assert_eq!(json["code"], code);
    }
}

// Every 401 names the demo's protected resource metadata (RFC 9728 §5.1: the
// `resource_metadata` auth-param, its URL a quoted-string). `Demo::new` is the resource
// `http://127.0.0.1`, so the URL is its origin and the well-known path (§3.1).
const MISSING: &str = r#"Bearer realm="api", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource""#;
const EXPIRED: &str = r#"Bearer realm="api", error="invalid_token", error_description="The access token expired", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource""#;
const INVALID: &str = r#"Bearer realm="api", error="invalid_token", error_description="The access token is malformed or its signature does not verify", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource""#;
const REVOKED: &str = r#"Bearer realm="api", error="invalid_token", error_description="The access token has been revoked", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource""#;
// A 400 is no 401: no `resource_metadata`.
const MALFORMED: &str = r#"Bearer realm="api", error="invalid_request", error_description="The Authorization header is malformed""#;

#[test]
fn no_credentials_is_401_with_a_challenge_and_no_error_code() {
    for (method, head) in [("GET", false), ("HEAD", true)] {
        let req = Req {
            method,
            ..get("/orders", &[])
        };
        let obs = both(&req, None, None);
        expect(&obs, 401, "TOKEN_MISSING", MISSING, head);
    }
    // Another scheme is no bearer token at all.
    let obs = both(
        &get("/orders", &["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]),
        None,
        None,
    );
    expect(&obs, 401, "TOKEN_MISSING", MISSING, false);
}

#[test]
fn malformed_authorization_is_400_invalid_request() {
    for auth in [
        &["Bearer"][..],
        &["Bearer "],
        &["Bearer a b"],
        &["Bearer tok\"en"],
        &["Bearer =abc"],
        &["Bearer expired", "Bearer expired"],
    ] {
        let obs = both(&get("/orders", auth), None, None);
        expect(&obs, 400, "INVALID_REQUEST", MALFORMED, false);
    }
}

#[test]
fn bad_tokens_are_401_invalid_token() {
    for (method, head) in [("GET", false), ("HEAD", true)] {
        for (auth, code, challenge) in [
            ("Bearer expired", "TOKEN_EXPIRED", EXPIRED),
            ("bearer expired", "TOKEN_EXPIRED", EXPIRED),
            ("Bearer revoked", "TOKEN_REVOKED", REVOKED),
            ("Bearer not-a-token", "TOKEN_INVALID", INVALID),
        ] {
            let req = Req {
                method,
                ..get("/orders", &[auth])
            };
            let obs = both(&req, None, None);
            expect(&obs, 401, code, challenge, head);
        }
    }
}

#[test]
fn missing_scope_is_403_insufficient_scope_naming_the_scope() {
    let s = servers();
    let (a, b) = (login(&s.axum, "reader"), login(&s.actix, "reader"));
    let req = Req {
        method: "POST",
        ..get("/orders", &["Bearer {token}"])
    };
    let obs = both(&req, Some(&a.access_token), Some(&b.access_token));
    expect(
        &obs,
        403,
        "INSUFFICIENT_SCOPE",
        r#"Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scope this request needs", scope="orders:write""#,
        false,
    );
    assert_eq!(
        obs.body,
        br#"{"code":"INSUFFICIENT_SCOPE","message":"This action needs the orders:write scope"}"#
    );
    // The same token reads.
    let obs = both(
        &get("/orders", &["Bearer {token}"]),
        Some(&a.access_token),
        Some(&b.access_token),
    );
    assert_eq!(obs.status, 200);
    // A writer writes.
    let (a, b) = (login(&s.axum, "writer"), login(&s.actix, "writer"));
    assert_eq!(
        both(&req, Some(&a.access_token), Some(&b.access_token)).status,
        200
    );
}

#[test]
fn step_up_is_401_insufficient_user_authentication() {
    let s = servers();
    let (a, b) = (login(&s.axum, "reader"), login(&s.actix, "reader"));
    let obs = both(
        &get("/admin", &["Bearer {token}"]),
        Some(&a.access_token),
        Some(&b.access_token),
    );
    expect(
        &obs,
        401,
        "INSUFFICIENT_USER_AUTHENTICATION",
        r#"Bearer realm="api", error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="urn:example:mfa", max_age="300", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource""#,
        false,
    );
}

#[test]
fn refresh_tokens_work_once() {
    let s = servers();
    let (a, b) = (login(&s.axum, "reader"), login(&s.actix, "reader"));
    for (base, pair) in [(&s.axum, &a), (&s.actix, &b)] {
        let refresh = |token: &str| {
            client()
                .post(format!("{base}/token"))
                .header("content-type", "application/json")
                .body(format!(r#"{{"refresh_token": "{token}"}}"#))
                .send()
                .unwrap()
        };
        let first = refresh(&pair.refresh_token);
        assert_eq!(first.status(), 200);
        let new: TokenResponse = serde_json::from_str(&first.text().unwrap()).unwrap();
        assert_eq!(new.expires_in, 60);
        assert_ne!(new.access_token, pair.access_token);
        let again = refresh(&pair.refresh_token);
        assert_eq!(again.status(), 401);
        assert_eq!(again.headers()["www-authenticate"], INVALID);
    }
    let req = Req {
        method: "POST",
        path: "/token",
        authorization: vec![],
        json: Some(r#"{"refresh_token": "nope"}"#),
    };
    expect(
        &both(&req, None, None),
        401,
        "TOKEN_INVALID",
        INVALID,
        false,
    );
}

#[test]
fn a_bad_login_is_invalid_request() {
    let req = Req {
        method: "POST",
        path: "/login",
        authorization: vec![],
        json: Some(r#"{"user": "mallory"}"#),
    };
    expect(
        &both(&req, None, None),
        400,
        "INVALID_REQUEST",
        MALFORMED,
        false,
    );
}

/// An answer of the `http` catalog (issue 14): no challenge (it is no authentication
/// failure, RFC 9110 §15.5), JSON with the code and the catalog's message only.
fn expect_plain(obs: &Observed, status: u16, code: &str, message: &str) {
    assert_eq!(obs.status, status, "{code}");
    assert!(
        obs.www_authenticate.is_empty(),
        "{code}: {:?}",
        obs.www_authenticate
    );
    assert_eq!(
        obs.content_type.as_deref(),
        Some("application/json"),
        "{code}"
    );
    let body: serde_json::Value = serde_json::from_slice(&obs.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"code": code, "message": message}),
        "{code}"
    );
}

/// A body that is not JSON is the body's fault, not the Authorization header's
/// (issue 14: it was INVALID_REQUEST, "The Authorization header is malformed").
#[test]
fn a_login_body_that_is_not_json_is_bad_request_body() {
    let req = Req {
        method: "POST",
        path: "/login",
        authorization: vec![],
        json: Some("not json"),
    };
    expect_plain(
        &both(&req, None, None),
        400,
        "BAD_REQUEST_BODY",
        "The request body is not valid JSON",
    );
}

/// Unknown paths and methods answer in the catalog's format on both servers, the 405
/// with the `Allow` RFC 9110 §15.5.6 requires.
#[test]
fn unknown_paths_and_methods_answer_with_the_http_catalog() {
    expect_plain(
        &both(&get("/nowhere", &[]), None, None),
        404,
        "NOT_FOUND",
        "No resource at this path",
    );
    let delete = Req {
        method: "DELETE",
        path: "/orders",
        authorization: vec![],
        json: None,
    };
    expect_plain(
        &both(&delete, None, None),
        405,
        "METHOD_NOT_ALLOWED",
        "This resource does not support the request's method",
    );
    let s = servers();
    for base in [&s.axum, &s.actix] {
        let response = client().delete(format!("{base}/orders")).send().unwrap();
        assert_eq!(response.headers()["allow"], "GET,HEAD,POST", "{base}");
        let response = client().get(format!("{base}/login")).send().unwrap();
        assert_eq!(response.headers()["allow"], "POST", "{base}");
    }
}

#[test]
fn every_standard_entry_is_served() {
    // The tests above reach every entry; this pins the list to the catalog.
    let catalog: Vec<&str> = auth_errors::oauth::OAuthError::SPECS
        .iter()
        .map(|s| s.code())
        .collect();
    assert_eq!(catalog, STANDARD_CODES);
}
