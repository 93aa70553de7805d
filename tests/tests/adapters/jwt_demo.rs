//! The demo validates real JWTs (issue 11, point 5), over TCP on 127.0.0.1, on axum
//! and on actix-web: `/login` mints an RS256 JWT that the key of
//! `/.well-known/jwks.json` verifies (checked here with `jsonwebtoken` directly, not
//! through the demo's verifier), scopes and `acr` are enforced, the RFC 9728 metadata
//! is served and named in every 401, an oversized header is a 4xx, and an external
//! issuer's tokens are validated through its JWKS.
//!
//! Expected challenges are written out by hand: RFC 6750 §3 for the Bearer errors,
//! RFC 9470 §3 for the step-up, RFC 9728 §5.1 for `resource_metadata` (an auth-param
//! whose value is the metadata URL as a quoted-string) and §3.1 for that URL (the
//! resource's origin, then `/.well-known/oauth-protected-resource`, then its path).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use auth_errors::jwt::jsonwebtoken::{self, Algorithm, DecodingKey, Validation};
use auth_errors_demo::{CorsOrigins, Demo, Settings, TokenResponse, Tokens, actix_app, axum_app};
use base64::Engine as _;
use reqwest::blocking::{Client, Response};

/// `Demo::new`'s resource is `http://127.0.0.1`: its metadata URL.
const METADATA_URL: &str = "http://127.0.0.1/.well-known/oauth-protected-resource";
const MISSING: &str = r#"Bearer realm="api", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource""#;
const EXPIRED: &str = r#"Bearer realm="api", error="invalid_token", error_description="The access token expired", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource""#;
const INVALID: &str = r#"Bearer realm="api", error="invalid_token", error_description="The access token is malformed or its signature does not verify", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource""#;
const STEP_UP: &str = r#"Bearer realm="api", error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="urn:example:mfa", max_age="300", resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource""#;
// 400 and 403 are no 401: no `resource_metadata` (RFC 9728 §5.1 names it for 401).
const MALFORMED: &str = r#"Bearer realm="api", error="invalid_request", error_description="The Authorization header is malformed""#;
const NO_WRITE: &str = r#"Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scope this request needs", scope="orders:write""#;

struct Servers {
    axum: String,
    actix: String,
}

fn start(demo: impl Fn() -> Demo + Send + Sync + 'static) -> Servers {
    let make = Arc::new(demo);
    let m = make.clone();
    let axum = super::serve_tokio(move |listener| async move {
        axum_app::serve(listener, Arc::new(m())).await.unwrap();
    });
    let actix = super::serve_actix(move |listener| actix_app::serve(listener, Arc::new(make())));
    Servers { axum, actix }
}

/// The two servers of `Demo::new` (60 s tokens), started once for the suite.
fn servers() -> &'static Servers {
    static SERVERS: OnceLock<Servers> = OnceLock::new();
    SERVERS.get_or_init(|| start(|| Demo::new(Duration::from_secs(60))))
}

fn client() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// What axum and actix-web must agree on.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    status: u16,
    www_authenticate: Vec<String>,
    content_type: Option<String>,
    body: String,
}

fn seen(response: Response) -> Seen {
    Seen {
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
        body: response.text().unwrap(),
    }
}

fn get(url: &str, authorization: Option<&str>) -> Seen {
    let mut request = client().get(url);
    if let Some(a) = authorization {
        request = request.header("authorization", a);
    }
    seen(request.send().unwrap())
}

fn post(url: &str, authorization: Option<&str>) -> Seen {
    let mut request = client().post(url);
    if let Some(a) = authorization {
        request = request.header("authorization", a);
    }
    seen(request.send().unwrap())
}

fn login(base: &str, body: &str) -> TokenResponse {
    let response = client()
        .post(format!("{base}/login"))
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .unwrap();
    assert_eq!(response.status(), 200, "{base}/login {body}");
    serde_json::from_str(&response.text().unwrap()).unwrap()
}

/// `request` on both servers, the token (if any) minted by each for itself: the
/// answers must be the same bytes.
fn both(request: impl Fn(&str) -> Seen) -> Seen {
    let s = servers();
    let a = request(&s.axum);
    let b = request(&s.actix);
    assert_eq!(a, b, "axum and actix-web differ");
    a
}

/// The one challenge of `seen`, as written, after `http-auth` has parsed it.
fn challenge(seen: &Seen) -> &str {
    assert_eq!(seen.www_authenticate.len(), 1, "{seen:?}");
    let value = seen.www_authenticate[0].as_str();
    let parsed = http_auth::parse_challenges(value).expect("http-auth parses it");
    assert_eq!(parsed.len(), 1, "{value}");
    assert!(parsed[0].scheme.eq_ignore_ascii_case("bearer"));
    value
}

/// The `resource_metadata` of a challenge, as `http-auth` reads it.
fn resource_metadata(value: &str) -> Option<String> {
    let parsed = http_auth::parse_challenges(value).unwrap();
    parsed[0]
        .params
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("resource_metadata"))
        .map(|(_, v)| v.to_unescaped())
}

fn code(seen: &Seen) -> String {
    let body: serde_json::Value = serde_json::from_str(&seen.body).unwrap();
    body["code"].as_str().unwrap().to_owned()
}

#[test]
fn login_gives_an_rs256_jwt_that_the_jwks_key_verifies() {
    let s = servers();
    for base in [&s.axum, &s.actix] {
        let pair = login(base, r#"{"user": "reader"}"#);
        let jwks = get(&format!("{base}/.well-known/jwks.json"), None);
        assert_eq!(jwks.status, 200);
        assert_eq!(jwks.content_type.as_deref(), Some("application/json"));
        let jwks: serde_json::Value = serde_json::from_str(&jwks.body).unwrap();
        let keys = jwks["keys"].as_array().unwrap();
        assert_eq!(keys.len(), 1);
        let jwk = &keys[0];
        assert_eq!(jwk["kty"], "RSA");
        assert_eq!(jwk["alg"], "RS256");
        assert_eq!(jwk["use"], "sig");
        assert_eq!(jwk["e"], "AQAB");

        let header = jsonwebtoken::decode_header(&pair.access_token).unwrap();
        assert_eq!(header.alg, Algorithm::RS256, "{base}");
        assert_eq!(header.kid.as_deref(), jwk["kid"].as_str(), "{base}");

        // The independent check: jsonwebtoken itself, with the JWKS's n and e.
        let key = DecodingKey::from_rsa_components(
            jwk["n"].as_str().unwrap(),
            jwk["e"].as_str().unwrap(),
        )
        .unwrap();
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_issuer(&["http://127.0.0.1"]);
        validation.set_audience(&["api"]);
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        validation.leeway = 0;
        let data = jsonwebtoken::decode::<serde_json::Value>(&pair.access_token, &key, &validation)
            .unwrap();
        let claims = data.claims;
        assert_eq!(claims["iss"], "http://127.0.0.1");
        assert_eq!(claims["aud"], "api");
        assert_eq!(claims["scope"], "orders:read");
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let exp = claims["exp"].as_u64().unwrap();
        // now + 60 rounded up to a whole second.
        assert!(exp > now + 59 && exp <= now + 61, "exp {exp}, now {now}");
        assert!(claims["jti"].as_str().is_some_and(|j| !j.is_empty()));
        assert!(claims.get("acr").is_none());

        // The demo accepts it.
        let orders = get(
            &format!("{base}/orders"),
            Some(&format!("Bearer {}", pair.access_token)),
        );
        assert_eq!(orders.status, 200, "{base}: {orders:?}");
        // And not with one signature byte changed.
        let mut forged = pair.access_token.clone();
        let last = forged.pop().unwrap();
        forged.push(if last == 'A' { 'B' } else { 'A' });
        let refused = get(&format!("{base}/orders"), Some(&format!("Bearer {forged}")));
        assert_eq!(refused.status, 401);
        assert_eq!(challenge(&refused), INVALID);
    }
}

#[test]
fn a_reader_posting_an_order_is_403_naming_orders_write() {
    let obs = both(|base| {
        let token = login(base, r#"{"user": "reader"}"#).access_token;
        post(&format!("{base}/orders"), Some(&format!("Bearer {token}")))
    });
    assert_eq!(obs.status, 403);
    assert_eq!(challenge(&obs), NO_WRITE);
    assert_eq!(
        obs.body,
        r#"{"code":"INSUFFICIENT_SCOPE","message":"This action needs the orders:write scope"}"#
    );
    let obs = both(|base| {
        let token = login(base, r#"{"user": "writer"}"#).access_token;
        post(&format!("{base}/orders"), Some(&format!("Bearer {token}")))
    });
    assert_eq!(obs.status, 200);
}

#[test]
fn admin_asks_for_mfa_and_accepts_it() {
    let obs = both(|base| {
        let token = login(base, r#"{"user": "writer"}"#).access_token;
        get(&format!("{base}/admin"), Some(&format!("Bearer {token}")))
    });
    assert_eq!(obs.status, 401);
    assert_eq!(challenge(&obs), STEP_UP);
    assert_eq!(code(&obs), "INSUFFICIENT_USER_AUTHENTICATION");
    let obs = both(|base| {
        let token = login(base, r#"{"user": "reader", "mfa": true}"#).access_token;
        get(&format!("{base}/admin"), Some(&format!("Bearer {token}")))
    });
    assert_eq!(obs.status, 200, "{obs:?}");
    // `mfa` survives a refresh.
    let obs = both(|base| {
        let pair = login(base, r#"{"user": "reader", "mfa": true}"#);
        let response = client()
            .post(format!("{base}/token"))
            .header("content-type", "application/json")
            .body(format!(r#"{{"refresh_token": "{}"}}"#, pair.refresh_token))
            .send()
            .unwrap();
        let next: TokenResponse = serde_json::from_str(&response.text().unwrap()).unwrap();
        get(
            &format!("{base}/admin"),
            Some(&format!("Bearer {}", next.access_token)),
        )
    });
    assert_eq!(obs.status, 200);
}

#[test]
fn the_metadata_document_names_the_configured_resource() {
    let obs = both(|base| {
        get(
            &format!("{base}/.well-known/oauth-protected-resource"),
            None,
        )
    });
    assert_eq!(obs.status, 200);
    assert_eq!(obs.content_type.as_deref(), Some("application/json"));
    let doc: serde_json::Value = serde_json::from_str(&obs.body).unwrap();
    assert_eq!(doc["resource"], "http://127.0.0.1");
    assert_eq!(
        doc["authorization_servers"],
        serde_json::json!(["http://127.0.0.1"])
    );
    assert_eq!(
        doc["scopes_supported"],
        serde_json::json!(["orders:read", "orders:write"])
    );
    assert_eq!(
        doc["bearer_methods_supported"],
        serde_json::json!(["header"])
    );
    // The resource comes from configuration: a spoofed Host changes nothing.
    let spoofed = both(|base| {
        seen(
            client()
                .get(format!("{base}/.well-known/oauth-protected-resource"))
                .header("host", "evil.example")
                .send()
                .unwrap(),
        )
    });
    assert_eq!(spoofed, obs);
    let spoofed = both(|base| {
        seen(
            client()
                .get(format!("{base}/orders"))
                .header("host", "evil.example")
                .send()
                .unwrap(),
        )
    });
    assert_eq!(challenge(&spoofed), MISSING);
}

#[test]
fn every_401_names_the_resource_metadata() {
    let cases: [(&str, &str, Option<&str>, &str); 5] = [
        ("GET", "/orders", None, MISSING),
        ("GET", "/orders", Some("Bearer expired"), EXPIRED),
        ("GET", "/orders", Some("Bearer not-a-jwt"), INVALID),
        ("POST", "/orders", Some("Bearer a.b.c"), INVALID),
        ("GET", "/admin", None, MISSING),
    ];
    for (method, path, authorization, expected) in cases {
        let obs = both(|base| match method {
            "GET" => get(&format!("{base}{path}"), authorization),
            _ => post(&format!("{base}{path}"), authorization),
        });
        assert_eq!(obs.status, 401, "{method} {path}");
        let value = challenge(&obs);
        assert_eq!(value, expected, "{method} {path}");
        assert_eq!(resource_metadata(value).as_deref(), Some(METADATA_URL));
    }
    // The refresh endpoint's 401 too.
    let obs = both(|base| {
        seen(
            client()
                .post(format!("{base}/token"))
                .header("content-type", "application/json")
                .body(r#"{"refresh_token": "rt-unknown"}"#)
                .send()
                .unwrap(),
        )
    });
    assert_eq!(obs.status, 401);
    assert_eq!(challenge(&obs), INVALID);
}

#[test]
fn an_oversized_or_malformed_authorization_header_is_a_4xx() {
    // Over 8 KiB: 400 INVALID_REQUEST, before any decoding, in both frameworks.
    let big = format!("Bearer {}", "a".repeat(8 * 1024 + 1));
    let obs = both(|base| get(&format!("{base}/orders"), Some(&big)));
    assert_eq!(obs.status, 400);
    assert_eq!(challenge(&obs), MALFORMED);
    assert_eq!(code(&obs), "INVALID_REQUEST");
    // A JWT-shaped one over the limit, too.
    let shaped = format!(
        "Bearer {}.{}.{}",
        "e".repeat(3000),
        "p".repeat(3000),
        "s".repeat(3000)
    );
    let obs = both(|base| get(&format!("{base}/orders"), Some(&shaped)));
    assert_eq!((obs.status, challenge(&obs)), (400, MALFORMED));
    // Exactly 8 KiB is read, and refused as a JWT.
    let limit = format!("Bearer {}", "a".repeat(8 * 1024));
    let obs = both(|base| get(&format!("{base}/orders"), Some(&limit)));
    assert_eq!((obs.status, challenge(&obs)), (401, INVALID));
    // Bytes outside token68 (obs-text, a control character): 400.
    for raw in [&b"Bearer t\xf6ken"[..], b"Bearer tok\ten"] {
        let value = reqwest::header::HeaderValue::from_bytes(raw).unwrap();
        let obs = both(|base| {
            seen(
                client()
                    .get(format!("{base}/orders"))
                    .header("authorization", value.clone())
                    .send()
                    .unwrap(),
            )
        });
        assert_eq!((obs.status, challenge(&obs)), (400, MALFORMED), "{raw:?}");
    }
    // Past the frameworks' own limits on a request head (64 KiB here) the framework
    // answers before the demo runs; whatever it says, it is a 4xx, never a 5xx.
    let huge = format!("Bearer {}", "a".repeat(64 * 1024));
    let s = servers();
    for base in [&s.axum, &s.actix] {
        let status = match client()
            .get(format!("{base}/orders"))
            .header("authorization", &huge)
            .send()
        {
            Ok(response) => response.status().as_u16(),
            // A server may close the connection instead of answering.
            Err(e) => {
                assert!(!e.is_timeout(), "{base}: {e}");
                continue;
            }
        };
        assert!((400..500).contains(&status), "{base}: {status}");
    }
}

#[test]
fn a_jwt_past_its_exp_is_token_expired() {
    let short = start(|| Demo::new(Duration::from_secs(1)));
    let (a, b) = (
        login(&short.axum, r#"{"user": "reader"}"#),
        login(&short.actix, r#"{"user": "reader"}"#),
    );
    let exp = |t: &str| {
        let header = jsonwebtoken::decode_header(t).unwrap();
        assert_eq!(header.alg, Algorithm::RS256);
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(t.split('.').nth(1).unwrap())
            .unwrap();
        let claims: serde_json::Value = serde_json::from_slice(&payload).unwrap();
        claims["exp"].as_u64().unwrap()
    };
    let last = exp(&a.access_token).max(exp(&b.access_token));
    while SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        <= last
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    let (x, y) = (
        get(
            &format!("{}/orders", short.axum),
            Some(&format!("Bearer {}", a.access_token)),
        ),
        get(
            &format!("{}/orders", short.actix),
            Some(&format!("Bearer {}", b.access_token)),
        ),
    );
    assert_eq!(x, y);
    assert_eq!((x.status, challenge(&x)), (401, EXPIRED));
    assert_eq!(code(&x), "TOKEN_EXPIRED");
}

/// Settings of a demo validating the tokens of the issuer at `issuer`.
fn external(issuer: &str) -> Settings {
    Settings {
        ttl: Duration::from_secs(60),
        tokens: Tokens::External {
            jwks_url: format!("{issuer}/.well-known/jwks.json"),
            issuer: issuer.to_owned(),
            audience: "api".to_owned(),
        },
        resource: "https://api.example/v1".to_owned(),
        cors: CorsOrigins::Any,
    }
}

#[test]
fn an_external_issuers_tokens_are_validated_through_its_jwks() {
    // The issuer: a self-issued demo whose `iss` names its own port.
    let issuer = super::serve_tokio(|listener| async move {
        let iss = format!("http://{}", listener.local_addr().unwrap());
        let demo = Demo::with_settings(Settings {
            ttl: Duration::from_secs(60),
            tokens: Tokens::SelfIssued { iss: iss.clone() },
            resource: iss,
            cors: CorsOrigins::Any,
        })
        .unwrap();
        axum_app::serve(listener, Arc::new(demo)).await.unwrap();
    });
    let iss = issuer.clone();
    let api = {
        let i = iss.clone();
        let axum = super::serve_tokio(move |listener| async move {
            let demo = Demo::with_settings(external(&i)).unwrap();
            axum_app::serve(listener, Arc::new(demo)).await.unwrap();
        });
        let actix = super::serve_actix(move |listener| {
            actix_app::serve(
                listener,
                Arc::new(Demo::with_settings(external(&iss)).unwrap()),
            )
        });
        Servers { axum, actix }
    };
    let reader = login(&issuer, r#"{"user": "reader"}"#).access_token;
    let mfa = login(&issuer, r#"{"user": "writer", "mfa": true}"#).access_token;
    let stranger = {
        let other = Demo::new(Duration::from_secs(60));
        other.login("writer", false).unwrap().access_token
    };
    let bearer = |t: &str| format!("Bearer {t}");
    let on_both = |request: &dyn Fn(&str) -> Seen| {
        let a = request(&api.axum);
        let b = request(&api.actix);
        assert_eq!(a, b, "axum and actix-web differ");
        a
    };
    // The resource is the configured one, in the document and the challenges.
    let doc = on_both(&|base| {
        get(
            &format!("{base}/.well-known/oauth-protected-resource/v1"),
            None,
        )
    });
    assert_eq!(doc.status, 200);
    let doc: serde_json::Value = serde_json::from_str(&doc.body).unwrap();
    assert_eq!(doc["resource"], "https://api.example/v1");
    assert_eq!(doc["authorization_servers"], serde_json::json!([issuer]));
    let obs = on_both(&|base| get(&format!("{base}/orders"), None));
    assert_eq!(
        challenge(&obs),
        r#"Bearer realm="api", resource_metadata="https://api.example/.well-known/oauth-protected-resource/v1""#
    );
    // The issuer's tokens work, with their scopes and acr.
    let obs = on_both(&|base| get(&format!("{base}/orders"), Some(&bearer(&reader))));
    assert_eq!(obs.status, 200, "{obs:?}");
    let obs = on_both(&|base| post(&format!("{base}/orders"), Some(&bearer(&reader))));
    assert_eq!((obs.status, challenge(&obs)), (403, NO_WRITE));
    let obs = on_both(&|base| get(&format!("{base}/admin"), Some(&bearer(&mfa))));
    assert_eq!(obs.status, 200);
    // Another issuer's token (another key, another iss) is not accepted.
    let obs = on_both(&|base| get(&format!("{base}/orders"), Some(&bearer(&stranger))));
    assert_eq!(obs.status, 401);
    assert_eq!(code(&obs), "TOKEN_INVALID");
    // The demo mints nothing: no /login, /token or JWKS of its own.
    for path in ["/login", "/token"] {
        let obs = on_both(&|base| {
            seen(
                client()
                    .post(format!("{base}{path}"))
                    .header("content-type", "application/json")
                    .body(r#"{"user": "reader"}"#)
                    .send()
                    .unwrap(),
            )
        });
        assert_eq!(obs.status, 404, "{path}");
    }
    let obs = on_both(&|base| get(&format!("{base}/.well-known/jwks.json"), None));
    assert_eq!(obs.status, 404);
}

// Test keys only (`openssl genpkey`: P-256 and Ed25519), as in the jwt suite.
const EC_PRIVATE: &str = "\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg25rDArwDCWlk9Zcf
Nw9f9CWKjksMdG5iQaQ/Rfy4NsChRANCAASRvxc/jmiYBWB3t+4jRSiZI2MwzfVO
Wc3ofKuxy4FDWw9RkknD9emDTOd0cYC9ide4HW43INW8qMcccQn8twPa
-----END PRIVATE KEY-----
";
const EC_PUBLIC: &str = "\
-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkb8XP45omAVgd7fuI0UomSNjMM31
TlnN6HyrscuBQ1sPUZJJw/Xpg0zndHGAvYnXuB1uNyDVvKjHHHEJ/LcD2g==
-----END PUBLIC KEY-----
";
const ED_PRIVATE: &str = "\
-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIPDOIQr8WJOWN8hKjkWDPP28vqLyDwpBS+NUS9vKspJf
-----END PRIVATE KEY-----
";
const ED_PUBLIC: &str = "\
-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAY5sSre/9CTG1couTNANj9xVks0nuYqSi84PILe3nGas=
-----END PUBLIC KEY-----
";

/// The DER of a PEM document.
fn der(pem: &str) -> Vec<u8> {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD
        .decode(body)
        .unwrap()
}

/// The JWKS of the P-256 and Ed25519 keys above: an SPKI ends with the key itself, the
/// point `04 || x || y` for P-256 (RFC 5480 §2.2), the 32 bytes for Ed25519 (RFC 8410).
fn ec_ed_jwks() -> String {
    let b64 = |b: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
    let ec = der(EC_PUBLIC);
    let point = &ec[ec.len() - 65..];
    assert_eq!(point[0], 4, "an uncompressed point");
    let ed = der(ED_PUBLIC);
    let x = &ed[ed.len() - 32..];
    serde_json::json!({"keys": [
        {"kty": "EC", "crv": "P-256", "x": b64(&point[1..33]), "y": b64(&point[33..]), "kid": "ec-1", "alg": "ES256", "use": "sig"},
        {"kty": "OKP", "crv": "Ed25519", "x": b64(x), "kid": "ed-1", "alg": "EdDSA", "use": "sig"},
    ]})
    .to_string()
}

fn sign(alg: Algorithm, kid: &str, claims: &serde_json::Value) -> String {
    let key = match alg {
        Algorithm::ES256 => jsonwebtoken::EncodingKey::from_ec_pem(EC_PRIVATE.as_bytes()),
        Algorithm::EdDSA => jsonwebtoken::EncodingKey::from_ed_pem(ED_PRIVATE.as_bytes()),
        other => panic!("{other:?}"),
    }
    .unwrap();
    let mut header = jsonwebtoken::Header::new(alg);
    header.kid = Some(kid.to_owned());
    jsonwebtoken::encode(&header, claims, &key).unwrap()
}

#[test]
fn an_external_issuers_es256_and_eddsa_tokens_are_validated() {
    // The issuer's JWKS, on 127.0.0.1; the issuer itself is only a name here.
    let jwks = ec_ed_jwks();
    let issuer_jwks = super::serve_tokio(move |listener| async move {
        let app = axum::Router::new().route(
            "/jwks.json",
            axum::routing::get(move || {
                let jwks = jwks.clone();
                async move { ([("content-type", "application/json")], jwks) }
            }),
        );
        axum::serve(listener, app).await.unwrap();
    });
    let settings = move || Settings {
        ttl: Duration::from_secs(60),
        tokens: Tokens::External {
            jwks_url: format!("{issuer_jwks}/jwks.json"),
            issuer: "https://issuer.example".to_owned(),
            audience: "orders-api".to_owned(),
        },
        resource: "https://api.example".to_owned(),
        cors: CorsOrigins::Any,
    };
    let api = start(move || Demo::with_settings(settings()).unwrap());
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let claims = |aud: &str, scope: &str, acr: Option<&str>| {
        let mut c = serde_json::json!({
            "iss": "https://issuer.example", "sub": "ada", "aud": aud,
            "iat": now, "exp": now + 300, "scope": scope,
        });
        if let Some(acr) = acr {
            c["acr"] = acr.into();
        }
        c
    };
    let on_both = |method: &str, path: &str, token: &str| {
        let request = |base: &str| match method {
            "GET" => get(&format!("{base}{path}"), Some(&format!("Bearer {token}"))),
            _ => post(&format!("{base}{path}"), Some(&format!("Bearer {token}"))),
        };
        let (a, b) = (request(&api.axum), request(&api.actix));
        assert_eq!(a, b, "axum and actix-web differ on {method} {path}");
        a
    };
    let es = sign(
        Algorithm::ES256,
        "ec-1",
        &claims("orders-api", "orders:read", None),
    );
    let ed = sign(
        Algorithm::EdDSA,
        "ed-1",
        &claims(
            "orders-api",
            "orders:read orders:write",
            Some("urn:example:mfa"),
        ),
    );
    assert_eq!(on_both("GET", "/orders", &es).status, 200);
    let obs = on_both("POST", "/orders", &es);
    assert_eq!((obs.status, challenge(&obs)), (403, NO_WRITE));
    assert_eq!(on_both("GET", "/admin", &es).status, 401);
    assert_eq!(on_both("POST", "/orders", &ed).status, 200);
    assert_eq!(on_both("GET", "/admin", &ed).status, 200);
    // Another audience, a kid the JWKS does not have, a key of the wrong type for the
    // kid: each is TOKEN_INVALID, named in the configured resource's challenge.
    for token in [
        sign(
            Algorithm::ES256,
            "ec-1",
            &claims("api", "orders:read", None),
        ),
        sign(
            Algorithm::ES256,
            "ec-2",
            &claims("orders-api", "orders:read", None),
        ),
        sign(
            Algorithm::EdDSA,
            "ec-1",
            &claims("orders-api", "orders:read", None),
        ),
    ] {
        let obs = on_both("GET", "/orders", &token);
        assert_eq!(obs.status, 401);
        assert_eq!(code(&obs), "TOKEN_INVALID");
        assert_eq!(
            resource_metadata(challenge(&obs)).as_deref(),
            Some("https://api.example/.well-known/oauth-protected-resource")
        );
    }
}
